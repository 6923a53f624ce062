package ref

import (
	"fmt"
	"strings"
	"testing"
)

// describeTerms writes each term as "NAME [scope] = MEANING: uses", each use
// as LINE:COL with "!outside" or "!before".
func describeTerms(terms []*Term) []string {
	var out []string
	for _, t := range terms {
		scope := "document"
		if t.Scope != nil {
			scope = t.Scope.Outline()
		}
		s := fmt.Sprintf("%s [%s] = %s:", t.Name, scope, t.Meaning)
		for _, u := range t.Uses {
			s += fmt.Sprintf(" %d:%d", u.Pos.Line, u.Pos.Col)
			if u.Outside {
				s += "!outside"
			}
			if u.Before {
				s += "!before"
			}
		}
		out = append(out, s)
	}
	return out
}

func TestTerms(t *testing.T) {
	cases := []struct {
		name string
		body string
		want []string
	}{{
		name: "以下「X」という。: from the definition on; a use before it is marked",
		body: "第1条　職員等は守る。\n\n第2条　この規程を守るべき者（以下「職員等」という。）は、職員等の上司に従う。\n",
		want: []string{"職員等 [document] = この規程を守るべき者: 7:5!before 9:30"},
	}, {
		name: "以下この条において: the article only",
		body: "第1条　情報セキュリティ委員会（以下この条において「委員会」という。）を置く。\n\n2　委員会は、毎年開く。\n\n第2条　委員会に報告する。教育委員会は別とする。\n",
		want: []string{"委員会 [第1条] = 情報セキュリティ委員会: 9:3 11:5!outside"},
	}, {
		name: "「X」とは、…をいう。 in a definitions article, and its items",
		body: "第1条　この規程において「端末」とは、職員が使う電子計算機をいう。\n\n第2条　この規程において、次の各号に掲げる用語の意義は、当該各号に定めるところによる。\n\n一　媒体　外部記録媒体をいう。\n\n二　職員等　職員及び委託先の従事者をいう。\n\n第3条　職員等は、端末及び媒体を管理する。\n",
		want: []string{
			"端末 [document] = 職員が使う電子計算機: 15:10",
			"媒体 [document] = 外部記録媒体: 15:14",
			"職員等 [document] = 職員及び委託先の従事者: 15:5",
		},
	}, {
		name: "a definition never used; a term inside a longer word is not a use",
		body: "第1条　最高情報セキュリティ責任者（以下「CISO」という。）を置く。\n\n2　法律（以下「法」という。）に従い、方法を定め、法第3条による。CISOsは別。\n",
		want: []string{"CISO [document] = 最高情報セキュリティ責任者:", "法 [document] = 法律: 9:26"},
	}, {
		name: "the meaning begins after the clause before it; an enumeration with 、 stays whole",
		body: "第1条　この規程は、試験市（以下「本市」という。）の情報を守る。\n\n2　本市に、最高情報セキュリティ責任者（以下「CISO」という。）を置く。\n\n3　市長、教育委員会及び選挙管理委員会（以下「実施機関」という。）は、本市の情報を守り、CISO及び実施機関に従う。\n",
		want: []string{
			"本市 [document] = 試験市: 9:3 11:36",
			"CISO [document] = 最高情報セキュリティ責任者: 11:45",
			"実施機関 [document] = 市長、教育委員会及び選挙管理委員会: 11:51",
		},
	}, {
		name: "(1) 情報資産　…をいう。 under 2. 定義 in an outline",
		body: "## 1. 目的\n\n情報資産を守る。\n\n## 2. 定義\n\n(1) 情報資産　業務で扱う情報をいう。\n\n(2) 職員等　職員及び委託先をいう。\n\n## 3. 対策\n\n職員等は、情報資産を守る。\n",
		want: []string{
			"情報資産 [document] = 業務で扱う情報: 9:1 19:6",
			"職員等 [document] = 職員及び委託先: 19:1",
		},
	}}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := load(t, map[string]string{"policy/x.md": front("x", "standard") + c.body})
			got := describeTerms(Terms(r))
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("terms:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
}

// TestTermsFollowApprovers: a term a document defines for itself reaches
// another document only when every committee that adopts that document
// adopted the definition too (an attack review: a notice the council
// alone adopted gave 「情報資産」 another meaning on the pages of the
// 基本方針 every committee adopted).
func TestTermsFollowApprovers(t *testing.T) {
	doc := func(id, tier, approvers, body string) string {
		return "---\nid: " + id + "\ntitle: " + id + "\ntier: " + tier + "\nvisibility: public\napprovers: [" + approvers + "]\n---\n" + body
	}
	r := load(t, map[string]string{
		"policy/basic.md":  doc("basic", "basic", "mayor, council", "# 基本方針\n\nこの方針において「情報資産」とは、市が扱う情報をいう。情報資産を守る。\n"),
		"policy/notice.md": doc("notice", "procedure", "council", "# お知らせ\n\nこの文書において「情報資産」とは、持ち出してよい情報をいう。「市民サービス」とは、窓口の案内をいう。\n"),
		"policy/both.md":   doc("both", "procedure", "council, mayor", "# 手順\n\n情報資産と市民サービスを扱う。\n"),
		"policy/only.md":   doc("only", "procedure", "council", "# 議会の手順\n\n情報資産と市民サービスを扱う。\n"),
	})
	uses := map[string][]string{}
	for _, term := range Terms(r) {
		for _, u := range term.Uses {
			if u.Doc != term.Doc {
				uses[term.Doc.Meta.ID+":"+term.Name] = append(uses[term.Doc.Meta.ID+":"+term.Name], u.Doc.Meta.ID)
			}
		}
	}
	for key, docs := range uses {
		for _, d := range docs {
			if strings.HasPrefix(key, "notice:") && d != "only" {
				t.Errorf("%s reaches %s, which the mayor adopts without adopting it", key, d)
			}
		}
	}
	if !strings.Contains(strings.Join(uses["notice:市民サービス"], ","), "only") {
		t.Errorf("notice's term does not reach a document only its own committee adopts: %v", uses)
	}
	if !strings.Contains(strings.Join(uses["basic:情報資産"], ","), "both") {
		t.Errorf("the 基本方針's term does not reach a document its committees adopt: %v", uses)
	}
}
