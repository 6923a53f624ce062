package kaimebun

import (
	"strings"
	"testing"

	"github.com/policyctl/policyctl/internal/diff"
	"github.com/policyctl/policyctl/internal/golden"
)

// base is a small 対策基準 in the form of a city's 例規.
const base = `（目的）

第1条　この基準は、本市の情報資産を守ることを目的とする。

（定義）

第2条　この基準において、次に掲げる用語の意義は、それぞれ当該各号に定めるところによる。

(1) 情報資産　情報及び情報システムをいう。

(2) 職員等　職員及び会計年度任用職員をいう。

（管理者）

第3条　情報政策課長は、情報資産を管理する。

2　情報政策課長は、前項の管理の状況を市長に報告する。

（研修）

第4条　職員等は、毎年度研修を受ける。

（点検）

第5条　情報政策課長は、毎年度点検を行う。

（報告）

第6条　点検の結果は、市長に報告する。

## 別表第1

| 区分 | 保存期間 |
|---|---|
| 利用記録 | 1年 |

## 附則

この基準は、令和6年4月1日から施行する。
`

// edit applies replacements to base, each of which must match once.
func edit(t *testing.T, pairs ...string) string {
	t.Helper()
	s := base
	for i := 0; i < len(pairs); i += 2 {
		if strings.Count(s, pairs[i]) != 1 {
			t.Fatalf("%q is not in the base text once", pairs[i])
		}
		s = strings.Replace(s, pairs[i], pairs[i+1], 1)
	}
	return s
}

// TestForms: each standard form of 法制執務 from a small before/after
// pair, as golden files to read by eye; every one applies back.
func TestForms(t *testing.T) {
	forms := []struct{ name, new string }{
		{"字句の改正", edit(t, "毎年度研修", "年度ごとに研修")},
		{"一つの規定の中の複数の改正", edit(t, "次に掲げる", "次の各号に掲げる", "それぞれ当該", "当該", "定めるところ", "定めるもの")},
		{"二つの規定の同じ改正（及び）", edit(t, "状況を市長に", "状況を最高情報セキュリティ責任者に", "結果は、市長に", "結果は、最高情報セキュリティ責任者に")},
		{"字句の削除と追加", edit(t, "本市の情報資産", "情報資産", "点検を行う", "点検及び監査を行う")},
		{"条の追加", edit(t, "（点検）", "（外部委託）\n\n第4条の2　情報システムの運用を委託するときは、契約で安全管理措置を定める。\n\n（点検）")},
		{"項の追加", edit(t, "毎年度研修を受ける。", "毎年度研修を受ける。\n\n2　新たに職員等となった者は、着任後1月以内に研修を受ける。")},
		{"号の追加", edit(t, "(2) 職員等　職員及び会計年度任用職員をいう。", "(2) 職員等　職員及び会計年度任用職員をいう。\n\n(3) 情報システム　ハードウェア及びソフトウェアからなる仕組みをいう。")},
		{"条の削除と繰上げ", edit(t, "（点検）\n\n第5条　情報政策課長は、毎年度点検を行う。\n\n", "", "第6条", "第5条")},
		{"条の追加と繰下げ", edit(t, "（定義）\n\n第2条", "（基本方針）\n\n第2条　本市は、情報セキュリティ基本方針に従う。\n\n（定義）\n\n第3条", "第3条　情報政策課長", "第4条　情報政策課長", "第4条　職員等", "第5条　職員等", "第5条　情報政策課長", "第6条　情報政策課長", "第6条　点検", "第7条　点検")},
		{"全部改正", edit(t, "第4条　職員等は、毎年度研修を受ける。", "第4条　職員等は、情報政策課が定める研修計画に従う。\n\nこの計画は、毎年度見直す。")},
		{"見出しの改正", edit(t, "（研修）", "（教育及び研修）")},
		{"見出しと本文の改正", edit(t, "（点検）", "（点検及び監査）", "点検を行う", "点検及び監査を行う")},
		{"項の削除", edit(t, "\n\n2　情報政策課長は、前項の管理の状況を市長に報告する。", "")},
		{"途中への項の追加と繰下げ", edit(t, "情報資産を管理する。\n\n2　情報政策課長は", "情報資産を管理する。\n\n2　管理の方法は、別表第1による。\n\n3　情報政策課長は")},
		{"別表の改正", edit(t, "| 利用記録 | 1年 |", "| 利用記録 | 1年 |\n| 通信記録 | 6月 |")},
		{"附則の改正", edit(t, "令和6年4月1日から", "令和8年4月1日から")},
	}
	for _, f := range forms {
		t.Run(f.name, func(t *testing.T) {
			r := diff.Compare(model(t, map[string]string{"policy/std.md": std(base)}), model(t, map[string]string{"policy/std.md": std(f.new)}), diff.Options{})
			out := roundTrip(t, r, "2026-04-01")
			golden.Check(t, "testdata/forms/"+f.name+".txt", []byte(out))
		})
	}
}

// TestFirstArticleOfChapter: an article added first in its chapter is
// placed before the article that follows it — never 「第二章の次に」
// (after the whole chapter) nor after the last article of the chapter
// before.
func TestFirstArticleOfChapter(t *testing.T) {
	const chaptered = "## 第1章　総則\n\n（目的）\n\n第1条　この基準は、情報資産を守ることを目的とする。\n\n（定義）\n\n第2条　用語は、基本方針の例による。\n\n## 第2章　管理\n\n（管理者）\n\n第3条　情報政策課長は、情報資産を管理する。\n\n（研修）\n\n第4条　職員等は、毎年度研修を受ける。\n"
	added := strings.Replace(chaptered, "（管理者）\n\n第3条", "（台帳）\n\n第3条　情報政策課長は、台帳を備える。\n\n（管理者）\n\n第4条", 1)
	added = strings.Replace(added, "第4条　職員等", "第5条　職員等", 1)
	r := diff.Compare(model(t, map[string]string{"policy/std.md": std(chaptered)}), model(t, map[string]string{"policy/std.md": std(added)}), diff.Options{})
	out := roundTrip(t, r, "2026-04-01")
	if !strings.Contains(out, "第四条の前に次の一条を加える。") || strings.Contains(out, "第二章の次に") || strings.Contains(out, "第二条の次に") {
		t.Errorf("the added article is not placed first in its chapter:\n%s", out)
	}
}

// TestItemRenumberedInAClause: a 号 renumbered inside a 項 is written
// 「第三条第二項第一号を同項第二号とし」 — 同項, the 項 just named — and the
// 改め文 applies back.
func TestItemRenumberedInAClause(t *testing.T) {
	old := strings.Replace(base, "2　情報政策課長は、前項の管理の状況を市長に報告する。", "2　情報政策課長は、次に掲げる事項を市長に報告する。\n\n(1) 管理の状況\n\n(2) 点検の結果", 1)
	added := strings.Replace(old, "(1) 管理の状況\n\n(2) 点検の結果", "(1) 事故の有無\n\n(2) 管理の状況\n\n(3) 点検の結果", 1)
	r := diff.Compare(model(t, map[string]string{"policy/std.md": std(old)}), model(t, map[string]string{"policy/std.md": std(added)}), diff.Options{})
	out := roundTrip(t, r, "2026-04-01")
	if !strings.Contains(out, "同項第") || strings.Contains(out, "同条第二項第") {
		t.Errorf("a 号 in a 項 is not renumbered 同項…:\n%s", out)
	}
}
