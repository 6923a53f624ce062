package ref

import (
	"strings"
	"testing"

	"github.com/policyctl/policyctl/internal/policy"
)

// describeTargets writes each reference of a document as
// "TEXT -> OUTLINE#ID …" (with " ~RULE" for a note on its form),
// "TEXT external", or "TEXT !RULE".
func describeTargets(refs []*Ref) []string {
	var out []string
	for _, r := range refs {
		s := r.Text
		switch {
		case r.External:
			s += " external"
		case r.Problem != nil:
			s += " !" + r.Problem.Rule.ID
		default:
			s += " ->"
			for _, t := range r.Targets {
				s += " "
				if r.TargetDoc != r.Doc {
					s += r.TargetDoc.Meta.ID + ":"
				}
				if t.Kind == policy.KindRoot {
					s += "(document)"
					continue
				}
				s += t.Outline() + "#" + t.ID
			}
			if r.Form != nil {
				s += " ~" + r.Form.Rule.ID
			}
		}
		out = append(out, s)
	}
	return out
}

// A table of the reference forms of 例規 drafting: each case is a small
// document and every reference it must find, with its targets (outline
// and anchor) or the rule it breaks. Negative cases list what is not a
// reference by leaving it out.
func TestForms(t *testing.T) {
	cases := []struct {
		name string
		body string
		want []string
	}{{
		name: "articles, clauses and items in ASCII, full-width and kanji digits",
		body: "第1条　甲\n\n2　乙\n\n一　丙\n\n二　丁\n\n第2条　第1条第2項第2号、第１条第２項及び第一条第二項第一号による。\n",
		want: []string{
			"第1条第2項第2号 -> 第1条第2項第2号#s.a1.2.g2",
			"第１条第２項 -> 第1条第2項#s.a1.2",
			"第一条第二項第一号 -> 第1条第2項第1号#s.a1.2.g1",
		},
	}, {
		name: "the first 項 of an article has its own anchor",
		body: "第1条　甲\n\n2　乙\n\n第2条　第1条第1項及び前条第1項による。\n",
		want: []string{"第1条第1項 -> 第1条第1項#s.a1.1", "前条第1項 -> 第1条第1項#s.a1.1"},
	}, {
		name: "branch articles and chapters: 第5条の2, 第2章の2",
		body: "# 第2章 甲\n\n第5条　甲\n\n第5条の2　乙\n\n# 第2章の2 丙\n\n第6条　第5条の2、第2章及び第2章の2による。\n",
		want: []string{"第5条の2 -> 第5条の2#第2章-甲.a5-2", "第2章 -> 第2章#第2章-甲", "第2章の2 -> 第2章の2#第2章の2-丙"},
	}, {
		name: "この規程, この条, 本条, この項, 本号",
		body: "第1条　この規程は、この条、本条及びこの項による。\n\n一　本号\n\n二　この法律\n",
		want: []string{"この規程 -> (document)", "この条 -> 第1条#s.a1", "本条 -> 第1条#s.a1", "この項 -> 第1条#s.a1.1", "本号 -> 第1条第1号#s.a1.1.g1", "この法律 -> (document)"},
	}, {
		name: "本条例 is the document it stands in; 同条件 and 前項目 are words",
		body: "第1条　本条例の同条件は前項目とし、本市の基本方針による。\n",
		want: []string{"本条例 -> (document)"},
	}, {
		name: "次章, 前章, 次節, 前節, 前款",
		body: "# 第1章 甲\n\n## 第1節 乙\n\n第1条　次章及び次節による。\n\n## 第2節 丙\n\n### 第1款 丁\n\n第2条　前節による。\n\n### 第2款 戊\n\n第3条　前款による。\n\n# 第2章 己\n\n第4条　前章による。\n",
		want: []string{
			"次章 -> 第2章#第2章-己", "次節 -> 第1章第2節#第2節-丙",
			"前節 -> 第1章第1節#第1節-乙",
			"前款 -> 第1章第2節第1款#第1款-丁",
			"前章 -> 第1章#第1章-甲",
		},
	}, {
		name: "編, 節 and 款 named, and 第1節 alone is the current chapter's",
		body: "# 第1編 甲\n\n## 第1章 乙\n\n### 第1節 丙\n\n第1条　甲\n\n## 第2章 丁\n\n### 第1節 戊\n\n#### 第1款 己\n\n第2条　第1節、第1編、第1章第1節及び第2章第1節第1款による。\n",
		want: []string{
			"第1節 -> 第1編第2章第1節#第1節-戊", "第1編 -> 第1編#第1編-甲",
			"第1章第1節 -> 第1編第1章第1節#第1節-丙", "第2章第1節第1款 -> 第1編第2章第1節第1款#第1款-己",
		},
	}, {
		name: "号の細分: イ, ロ, (1), (i)",
		body: "第26条　甲\n\n2　乙\n\n五　丙\n\nイ　丁\n\nロ　戊\n\n(1)　己\n\n(i)　庚\n\n第27条　第26条第2項第5号イ、第26条第2項第5号ロ(1)(i)による。\n",
		want: []string{"第26条第2項第5号イ -> 第26条第2項第5号イ#s.a26.2.g5.i1", "第26条第2項第5号ロ(1)(i) -> 第26条第2項第5号ロ(1)(i)#s.a26.2.g5.i2.p1.pr1"},
	}, {
		name: "号の細分 written (ア) below (1): 第1条第1号イ(1)(イ), and lists of them",
		body: "第1条　甲\n\n一　管理\n\nイ　鍵\n\n(1)　保管\n\n(ア)　施錠\n\n(イ)　記録\n\n(2)　廃棄\n\n第2条　第1条第1号イ(1)(イ)、第1条第1号イ(1)(ア)及び(イ)並びに第1条第1号イ(1)及び(2)による。\n",
		want: []string{
			"第1条第1号イ(1)(イ) -> 第1条第1号イ(1)(イ)#s.a1.1.g1.i1.p1.pk2",
			"第1条第1号イ(1)(ア) -> 第1条第1号イ(1)(ア)#s.a1.1.g1.i1.p1.pk1",
			"(イ) -> 第1条第1号イ(1)(イ)#s.a1.1.g1.i1.p1.pk2",
			"第1条第1号イ(1) -> 第1条第1号イ(1)#s.a1.1.g1.i1.p1",
			"(2) -> 第1条第1号イ(2)#s.a1.1.g1.i1.p2",
		},
	}, {
		name: "号の細分 written (ア) right below a 号: 第2号(イ), （ア）, a space before it, lists of them",
		body: "第1条　甲\n\n(1)　乙\n\n(2)　丙\n\n(ア)　丁\n\n(イ)　戊\n\n(3)　己\n\n(ア)　庚\n\n(イ)　辛\n\n2　前項第2号(イ)、第1項第2号（ア）、前項第2号及び第3号(イ)並びに第1条第1項第2号(ア)及び(イ)による。\n\n第2条　前条第1項第2号 (イ) 及び前条第1項第3号　（ア）による。\n",
		want: []string{
			"前項第2号(イ) -> 第1条第1項第2号(イ)#s.a1.1.p2.pk2",
			"第1項第2号（ア） -> 第1条第1項第2号(ア)#s.a1.1.p2.pk1",
			"前項第2号 -> 第1条第1項第2号#s.a1.1.p2",
			"第3号(イ) -> 第1条第1項第3号(イ)#s.a1.1.p3.pk2",
			"第1条第1項第2号(ア) -> 第1条第1項第2号(ア)#s.a1.1.p2.pk1",
			"(イ) -> 第1条第1項第2号(イ)#s.a1.1.p2.pk2",
			"前条第1項第2号 (イ) -> 第1条第1項第2号(イ)#s.a1.1.p2.pk2",
			"前条第1項第3号　（ア） -> 第1条第1項第3号(ア)#s.a1.1.p3.pk1",
		},
	}, {
		name: "(ア) below a 号 written 二, and below ア: 前項第二号(イ), 第1号ア(ア); a (ア) the 号 lacks is unresolved",
		body: "第1条　甲\n\n一　乙\n\nア　丙\n\n(ア)　丁\n\n二　戊\n\n(ア)　己\n\n(イ)　庚\n\n2　前項第二号(イ)、前項第1号ア(ア)及び前項第二号(ウ)による。\n",
		want: []string{
			"前項第二号(イ) -> 第1条第1項第2号(イ)#s.a1.1.g2.pk2",
			"前項第1号ア(ア) -> 第1条第1項第1号ア(ア)#s.a1.1.g1.k1.pk1",
			"前項第二号(ウ) !ref/unresolved",
		},
	}, {
		name: "イ又はロ, and a lone イに掲げる, inside the 号",
		body: "第1条　甲\n\n一　乙\n\nイ　丙\n\nロ　丁\n\nハ　イ又はロに準ずるもの及びイに掲げるもの\n",
		want: []string{"イ -> 第1条第1号イ#s.a1.1.g1.i1", "ロ -> 第1条第1号ロ#s.a1.1.g1.i2", "イ -> 第1条第1号イ#s.a1.1.g1.i1"},
	}, {
		name: "an outline's katakana item cited as アの研修 or 上記ア; katakana words and letters with no such item around are not",
		body: "## 1. 対策\n\n(1) 人的\n\nア 研修は毎年度実施する。\n\nイ アの研修の受講状況を記録する。\n\nウ アに定める研修のほか、上記アの研修に準じた訓練を行う。\n\nエ 上記(1)アの研修、上記ア及びイの記録、並びにオの研修\n\n## 2. 技術\n\nアクセスの記録、イベントの記録、ア の字及びアの字形を含む。\n",
		want: []string{
			"ア -> 1(1)ア#1-対策.p1.k1",
			"ア -> 1(1)ア#1-対策.p1.k1",
			"上記ア -> 1(1)ア#1-対策.p1.k1",
			"上記(1)ア -> 1(1)ア#1-対策.p1.k1",
			"上記ア -> 1(1)ア#1-対策.p1.k1",
			"イ -> 1(1)イ#1-対策.p1.k2",
			"オ !ref/unresolved",
		},
	}, {
		name: "katakana words are not 号の細分",
		body: "第1条　インターネット、イメージ及びロック\n",
		want: nil,
	}, {
		name: "ただし書, 本文, 前段, 後段 are parts of a 項: the 項 is the target",
		body: "第1条　甲。ただし、乙。\n\n2　前項ただし書、同項本文、第1条第1項前段及び後段による。\n",
		want: []string{"前項ただし書 -> 第1条第1項#s.a1.1", "同項本文 -> 第1条第1項#s.a1.1", "第1条第1項前段 -> 第1条第1項#s.a1.1"},
	}, {
		name: "各号列記以外の部分",
		body: "第1条　次に掲げる。\n\n一　甲\n\n二　乙\n\n2　前項各号列記以外の部分による。\n",
		want: []string{"前項各号列記以外の部分 -> 第1条第1項#s.a1.1"},
	}, {
		name: "附則 with articles, without articles, and 本則",
		body: "第1条　甲\n\n第2条　附則第2条、附則及び本則による。\n\n附則\n\n（施行期日）\n\n第1条　この規程は、公布の日から施行する。\n\n第2条　前条及び第1条による。\n\n附則（令和7年規程第3号）\n\n1　この規程は、令和7年4月1日から施行する。\n\n2　前項及び附則第1項による。\n",
		want: []string{
			"附則第2条 -> 附則第2条#s.f1.a2", "附則 -> 附則#s.f1", "本則 -> (document)",
			"この規程 -> (document)",
			"前条 -> 附則第1条#s.f1.a1", "第1条 -> 第1条#s.a1",
			"（令和7年規程第3号） external", "この規程 -> (document)",
			"前項 -> 附則第1項#s.f1-1.1", "附則第1項 -> 附則第1項#s.f1-1.1",
		},
	}, {
		name: "別表第N, 別表, 別記",
		body: "第1条　別表第1、別表第2の区分及び別記による。\n\n## 別表第1 区分\n\n## 別表第2 様式\n\n## 別記\n",
		want: []string{"別表第1 -> 別表第1#別表第1-区分", "別表第2 -> 別表第2#別表第2-様式", "別記 -> 別記第1#別記"},
	}, {
		name: "ranges cover every member: 第1号から第3号まで, 前三条, 第2条から第4条まで",
		body: "第1条　甲\n\n一　a\n\n二　b\n\n三　c\n\n2　第1項第1号から第3号までによる。\n\n第2条　乙\n\n第3条　丙\n\n第4条　前三条及び第2条から第4条までによる。\n",
		want: []string{
			"第1項第1号から第3号まで -> 第1条第1項第1号#s.a1.1.g1 第1条第1項第2号#s.a1.1.g2 第1条第1項第3号#s.a1.1.g3",
			"前三条 -> 第1条#s.a1 第2条#s.a2 第3条#s.a3",
			"第2条から第4条まで -> 第2条#s.a2 第3条#s.a3 第4条#s.a4",
		},
	}, {
		name: "exclusions: 各号（第二号を除く。）",
		body: "第1条　次に掲げる。\n\n一　a\n\n二　b\n\n三　c\n\n2　前項各号（第二号を除く。）のいずれかに該当するとき。\n",
		want: []string{"前項各号 -> 第1条第1項第1号#s.a1.1.g1 第1条第1項第3号#s.a1.1.g3", "第二号 -> 第1条第1項第2号#s.a1.1.g2"},
	}, {
		name: "limits: 第2条（第1号に限る。）, （第2項に係る部分に限る。）, （第3号に係る部分を除く。）",
		body: "第1条　第2条（第1号に限る。）、第3条（第2項に係る部分に限る。）及び第2条（第3号に係る部分を除く。）による。\n\n第2条　次に掲げる。\n\n一　a\n\n二　b\n\n三　c\n\n第3条　甲\n\n2　乙\n\n## 別表第1（第2条（第2号に限る。）関係）\n",
		want: []string{
			"第2条 -> 第2条#s.a2", "第1号 -> 第2条第1号#s.a2.1.g1",
			"第3条 -> 第3条#s.a3", "第2項 -> 第3条第2項#s.a3.2",
			"第2条 -> 第2条#s.a2", "第3号 -> 第2条第3号#s.a2.1.g3",
			"第2条 -> 第2条#s.a2", "第2号 -> 第2条第2号#s.a2.1.g2",
		},
	}, {
		name: "the bare ordinals after a 別表 or 別記 name more of them: 別表第1及び第2, 別記第1から第3まで",
		body: "第1条　別表第1及び第2並びに別記第1から第2までに定める。別表第1、第2又は第3による。別表第1及び第2条による。\n\n第2条　甲\n\n## 別表第1\n\n## 別表第2\n\n## 別記第1\n\n## 別記第2\n",
		want: []string{
			"別表第1 -> 別表第1#別表第1", "第2 -> 別表第2#別表第2", "別記第1から第2まで -> 別記第1#別記第1 別記第2#別記第2",
			"別表第1 -> 別表第1#別表第1", "第2 -> 別表第2#別表第2", "第3 !ref/unresolved",
			"別表第1 -> 別表第1#別表第1", "第2条 -> 第2条#s.a2",
		},
	}, {
		name: "前号 in a 号の細分 is the 号 before the one it stands in",
		body: "第1条　次に掲げる。\n\n一　甲\n\n二　乙\n\nイ　前号に掲げるものに接続するもの\n\nロ　その他のもの\n\n三　前号に掲げるもの\n",
		want: []string{"前号 -> 第1条第1号#s.a1.1.g1", "前号 -> 第1条第2号#s.a1.1.g2"},
	}, {
		name: "a counter after a 別表's bare ordinal is another word: 別表第1及び第2欄, 第2種, 第2表",
		body: "第1条　別表第1及び第2欄に定める。別表第1及び第2種の情報資産とする。別表第1及び第2表とする。\n\n## 別表第1\n\n## 別表第2\n",
		want: []string{"別表第1 -> 別表第1#別表第1", "別表第1 -> 別表第1#別表第1", "別表第1 -> 別表第1#別表第1"},
	}, {
		name: "前号 in an outline without articles is the item before (② 前号: ①)",
		body: "## 1. 対策\n\n(1) 甲\n\n① 乙\n\n② 前号に準じる。\n\n(2) 前号による。\n",
		want: []string{"前号 -> 1(1)①#1-対策.p1.m1", "前号 -> 1(1)#1-対策.p1"},
	}, {
		name: "同条 in a limit or an exclusion is the provision before it",
		body: "第1条　甲\n\n第2条　乙\n\n2　丙\n\n第3条　第2条（同条第2項に係る部分に限る。）及び第2条（同条第2項を除く。）による。\n",
		want: []string{
			"第2条 -> 第2条#s.a2", "同条第2項 -> 第2条第2項#s.a2.2",
			"第2条 -> 第2条#s.a2", "同条第2項 -> 第2条第2項#s.a2.2",
		},
	}, {
		name: "an exclusion names 号 below the 項 before it, and a later 第N項 is the host's",
		body: "第5条　第76条第2項及び第4項（第1号を除く。）の規定により第2項の者とする。\n\n2　甲\n\n第76条　乙\n\n2　丙\n\n3　丁\n\n4　戊\n\n一　a\n\n二　b\n",
		want: []string{
			"第76条第2項 -> 第76条第2項#s.a76.2", "第4項 -> 第76条第4項#s.a76.4", "第1号 -> 第76条第4項第1号#s.a76.4.g1",
			"第2項 -> 第5条第2項#s.a5.2",
		},
	}, {
		name: "exclusions inside a list joined by 又は and 若しくは",
		body: "第5条　甲\n\n2　乙\n\n3　次の各号のいずれかに該当する者\n\n一　第75条第1項又は第76条第4項（第4号を除く。）若しくは第5項（第5号を除く。）の者\n\n第75条　丙\n\n第76条　丁\n\n2　a\n\n3　b\n\n4　c\n\n三　x\n\n四　y\n\n5　d\n\n四　z\n\n五　w\n",
		want: []string{
			"次の各号 -> 第5条第3項第1号#s.a5.3.g1",
			"第75条第1項 -> 第75条#s.a75.1 ~ref/form",
			"第76条第4項 -> 第76条第4項#s.a76.4", "第4号 -> 第76条第4項第4号#s.a76.4.g4",
			"第5項 -> 第76条第5項#s.a76.5", "第5号 -> 第76条第5項第5号#s.a76.5.g5",
		},
	}, {
		name: "older 例規 number their 項 ②, ③",
		body: "第1条　甲\n\n②　日本国憲法第七十三条及び前項による。\n\n③　前項による。\n",
		want: []string{"第七十三条 external", "前項 -> 第1条第1項#s.a1.1", "前項 -> 第1条第2項#s.a1.2"},
	}, {
		name: "an excerpt's elided provisions: ２・３　（略）, 一～四　（略）",
		body: "第43条　（略）\n\n一～四　（略）\n\n２・３　（略）\n\n４　（略）\n\n第44条　第43条第3項、同条第1項第4号及び前条第2項から第4項までによる。\n",
		want: []string{
			"第43条第3項 -> 第43条第3項#s.a43.3", "同条第1項第4号 -> 第43条第1項第4号#s.a43.1.g4",
			"前条第2項から第4項まで -> 第43条第2項#s.a43.2 第43条第3項#s.a43.3 第43条第4項#s.a43.4",
		},
	}, {
		name: "a caption breaks a chain: 第149条（捜索調書）第1項",
		body: "第147条の2　甲\n\n第148条　乙\n\n第149条　丙\n\n第158条　第147条の2（協力要請）、第148条（捜索中止の場合の処置）及び第149条（捜索調書）第1項の規定を準用する。\n",
		want: []string{"第147条の2 -> 第147条の2#s.a147-2", "第148条 -> 第148条#s.a148", "第149条（捜索調書）第1項 -> 第149条#s.a149.1 ~ref/form"},
	}, {
		name: "a parenthetical breaks a list, and what it cites resolves on its own",
		body: "第39条　甲\n\n第43条　乙\n\n2　a\n\n3　b\n\n4　c\n\n5　d\n\n第44条　丙\n\n第45条　第39条第1項並びに第43条第1項（前条において準用する場合を含む。）、第4項及び第5項による。\n",
		want: []string{
			"第39条第1項 -> 第39条#s.a39.1 ~ref/form", "第43条第1項 -> 第43条第1項#s.a43.1",
			"第4項 -> 第43条第4項#s.a43.4", "第5項 -> 第43条第5項#s.a43.5",
			"前条 -> 第44条#s.a44",
		},
	}, {
		name: "同条 follows the last named article, also across 前条 and inside a parenthetical",
		body: "第15条　甲\n\n2　乙\n\n3　丙\n\n第16条　前条第1項の通知を受けた者（同条第3項後段の者を含む。）\n\n第17条　第15条第2項の者及び前項の者は、同条第3項による。\n",
		want: []string{
			"前条第1項 -> 第15条第1項#s.a15.1", "同条第3項後段 -> 第15条第3項#s.a15.3",
			"第15条第2項 -> 第15条第2項#s.a15.2", "前項 !ref/unresolved", "同条第3項 -> 第15条第3項#s.a15.3",
		},
	}, {
		name: "同項 after a multi-target reference: 第2項各号 … 同項各号",
		body: "第1条　甲\n\n2　乙\n\n一　a\n\n二　b\n\n第2条　前条第2項各号に掲げる者は、同項各号の区分に従う。\n",
		want: []string{
			"前条第2項各号 -> 第1条第2項第1号#s.a1.2.g1 第1条第2項第2号#s.a1.2.g2",
			"同項各号 -> 第1条第2項第1号#s.a1.2.g1 第1条第2項第2号#s.a1.2.g2",
		},
	}, {
		name: "同条 after another law's article is that law's",
		body: "第1条　地方公務員法第3条第1項に規定する職員（同条第2項の者を除く。）とする。\n\n2　甲\n",
		want: []string{"第3条第1項 external", "同条第2項 external"},
	}, {
		name: "law citations of any length, another law's 附則, and a defined abbreviation",
		body: "第1条　地方自治法（昭和二十二年法律第六十七号）第二百四十四条の二第三項、電気通信事業法附則第五条第一項及び個人情報の保護に関する法律（平成十五年法律第五十七号。以下「法」という。）による。\n\n2　法第3条、日本国憲法第七十三条及び（令和2年みどり野市規則第10号）による。\n",
		want: []string{
			"（昭和二十二年法律第六十七号）第二百四十四条の二第三項 external",
			"附則第五条第一項 external",
			"（平成十五年法律第五十七号。以下「法」という。） external",
			"第3条 external", "第七十三条 external", "（令和2年みどり野市規則第10号） external",
		},
	}, {
		name: "a Word paste: provisions on consecutive lines",
		body: "（目的）\n第1条　甲\n２職員等は、次に掲げる。\n一　乙\n二　前号に準ずるもの\n3　前項及び前二項による。\n（委員会）\n第2条　前条第2項第2号による。\n",
		want: []string{
			"前号 -> 第1条第2項第1号#s.a1.2.g1", "前項 -> 第1条第2項#s.a1.2", "前二項 -> 第1条第1項#s.a1.1 第1条第2項#s.a1.2",
			"前条第2項第2号 -> 第1条第2項第2号#s.a1.2.g2",
		},
	}, {
		name: "同条, 同項 and 同号 refer to what an earlier 項 or 号 of the same article named",
		body: "第1条　甲\n\n2　乙\n\n3　丙\n\n第2条　管理者は、次に掲げる事務を行う。\n\n(1) 第1条第2項に規定する事務\n\n(2) 同条第3項に規定する事務\n\n(3) 同項の規定により定める事務\n\n2　第1条第3項の規定は、前項の場合に準用する。\n\n3　同条第2項の規定は、前項の場合に準用する。\n\n第3条　第2条の規定は、同条第2項に定める場合に限る。\n\n2　同項の規定による。\n",
		want: []string{
			"第1条第2項 -> 第1条第2項#s.a1.2", "同条第3項 -> 第1条第3項#s.a1.3", "同項 -> 第1条第3項#s.a1.3",
			"第1条第3項 -> 第1条第3項#s.a1.3", "前項 -> 第2条第1項#s.a2.1",
			"同条第2項 -> 第1条第2項#s.a1.2", "前項 -> 第2条第2項#s.a2.2",
			"第2条 -> 第2条#s.a2", "同条第2項 -> 第2条第2項#s.a2.2", "同項 -> 第2条第2項#s.a2.2",
		},
	}, {
		name: "同項 and 同条 after 前項 and 前条 are what those named, not what an earlier 項 cited",
		body: "第1条　甲。ただし、第2条第2項の場合は、この限りでない。\n\n一　a\n\n二　b\n\n2　前項の規定は、同項第2号に準用する。\n\n第2条　丙\n\n2　丁\n\n3　戊\n\n第3条　第1条第1項の場合に限る。\n\n2　前条第1項の申請をした者は、同条第3項の規定の適用を受ける。\n",
		want: []string{
			"第2条第2項 -> 第2条第2項#s.a2.2", "前項 -> 第1条第1項#s.a1.1", "同項第2号 -> 第1条第1項第2号#s.a1.1.g2",
			"第1条第1項 -> 第1条第1項#s.a1.1", "前条第1項 -> 第2条第1項#s.a2.1", "同条第3項 -> 第2条第3項#s.a2.3",
		},
	}, {
		name: "同条 with nothing named before it in its article is unresolved, not the article it stands in",
		body: "第1条　第2条による。\n\n第2条　同条の規定による。\n\n2　同項による。\n",
		want: []string{"第2条 -> 第2条#s.a2", "同条 !ref/unresolved", "同項 !ref/unresolved"},
	}, {
		name: "同条 in a later 項 after another law's article is that law's",
		body: "第1条　甲\n\n2　地方公務員法第34条第1項に規定する秘密とする。\n\n3　同条第2項の規定による許可を受けた場合はこの限りでない。\n",
		want: []string{"第34条第1項 external", "同条第2項 external"},
	}, {
		name: "前々条 and 前々項: the one two before",
		body: "第1条　甲\n\n2　乙\n\n3　前々項による。\n\n第2条　丙\n\n第3条　前々条及び前前条による。\n\n2　前々項による。\n",
		want: []string{"前々項 -> 第1条第1項#s.a1.1", "前々条 -> 第1条#s.a1", "前前条 -> 第1条#s.a1", "前々項 !ref/unresolved"},
	}, {
		name: "前2項 and 前２号 in digits",
		body: "第1条　甲\n\n2　乙\n\n3　前2項及び前２項による。\n\n一　甲\n\n二　乙\n\n三　前2号に掲げるもののほか\n\n第2条　乙\n\n第3条　前2条による。\n",
		want: []string{
			"前2項 -> 第1条第1項#s.a1.1 第1条第2項#s.a1.2", "前２項 -> 第1条第1項#s.a1.1 第1条第2項#s.a1.2",
			"前2号 -> 第1条第3項第1号#s.a1.3.g1 第1条第3項第2号#s.a1.3.g2",
			"前2条 -> 第1条#s.a1 第2条#s.a2",
		},
	}, {
		name: "another instrument's articles are external; this document's and one cited before are not",
		body: "第1条　甲\n\n第2条　乙\n\n第3条　みどり野市文書管理規程第二条、同市職員服務規程第一条、情報セキュリティ対策推進要綱第三条、政府機関等の情報セキュリティ対策のための統一基準第三条、クラウドサービス利用ガイドライン第二条及び平成28年総務省告示第3号による。本規程第1条及び第2条による。\n",
		want: []string{
			"第二条 external", "第一条 external", "第三条 external", "第三条 external", "第二条 external", "第3号 external",
			"本規程第1条 -> 第1条#s.a1", "第2条 -> 第2条#s.a2",
		},
	}, {
		name: "other instruments named in kana, 同規程 after one, and standards are external",
		body: "第1条　甲\n\n第2条　地方公共団体における情報セキュリティポリシーに関するガイドライン第2編第2章及び同ガイドライン第3編第1章、〇〇市文書取扱規程第10条及び同規程第11条並びに日本産業規格Q27001第6章による。このガイドライン第1条による。\n",
		want: []string{"第2編第2章 external", "同ガイドライン第3編第1章 external", "第10条 external", "同規程第11条 external", "第6章 external", "第1条 -> 第1条#s.a1"},
	}, {
		name: "の between another instrument's name and its number changes nothing; this document's stays",
		body: "## 第1章 総則\n\n第1条　甲\n\n## 第2章 組織\n\n第2条　地方公共団体における情報セキュリティポリシーに関するガイドラインの第2章、JIS Q 27001の第6章及びISO/IEC 27002の第5章を参考とする。本基準の第1条及びこの規程の第2章による。\n",
		want: []string{"第2章 external", "第6章 external", "第5章 external", "本基準の第1条 -> 第1条#第1章-総則.a1", "この規程の第2章 -> 第2章#第2章-組織"},
	}, {
		name: "a word before の that is no instrument's name leaves the number this text's",
		body: "第1条　次の各号に掲げる基準により分類する。\n\n一　機密性\n\n二　完全性\n\n第2条　前条の基準の第1号に該当するものは、次の判定方法の第2号による。\n",
		want: []string{"次の各号 -> 第1条第1号#s.a1.1.g1 第1条第2号#s.a1.1.g2", "前条 -> 第1条#s.a1", "第1号 !ref/unresolved", "第2号 !ref/unresolved"},
	}, {
		name: "後記 points below as 下記 does: resolved, unresolved, or pointing the wrong way",
		body: "## 1. 目的\n\n後記2に定める。後記9に定める。\n\n## 2. 範囲\n\n対象とする。\n\n## 3. 評価\n\n後記1による。\n",
		want: []string{"後記2 -> 2#2-範囲", "後記9 !ref/unresolved", "後記1 !ref/direction"},
	}, {
		name: "an outline number right after a digit, a period or a letter continues another's number: not this document's",
		body: "## 1. 記録\n\n(1) 受付者は、連絡票2(2)の欄に記入する。\n\n(2) JIS Q 27002 5.1(3)、解説書4①、ガイドラインB(1)及び手引き３(1)による。\n\n(3) 上記1(2)及び(1)に示す方法で保存する。\n",
		want: []string{"上記1(2) -> 1(2)#1-記録.p2", "(1) -> 1(1)#1-記録.p1"},
	}, {
		name: "前3条 and 前2条 that cover only deleted articles are ref/deleted, as the range is; one standing among them keeps them",
		body: "第1条　目的を定める。\n\n第2条から第4条まで　削除\n\n第5条　前3条の規定。\n\n第6条及び第7条　削除\n\n第8条　前2条の規定。前3条の規定。\n",
		want: []string{"前3条 !ref/deleted", "前2条 !ref/deleted", "前3条 -> 第5条#s.a5 第6条#s.a6 第7条#s.a7"},
	}, {
		name: "上記イ(ア): a katakana item after 上記 is followed by its own items",
		body: "## 2. 組織\n\n### (1) 体制\n\nア 責任者を置く。\n\nイ 管理者を置く。\n\n(ア) 統括管理者\n\n(イ) 管理者\n\nウ 上記イ(ア)の者は、上記アの者を補佐する。\n",
		want: []string{"上記イ(ア) -> 2(1)イ(ア)#1-体制.k2.pk1", "上記ア -> 2(1)ア#1-体制.k1"},
	}, {
		name: "同(2) in a list is the (2) beside the number the member before it named",
		body: "## 1. 目的\n\n目的を定める。\n\n## 2. 組織\n\n### (1) 体制\n\n体制を定める。\n\n### (2) 役割\n\n役割を定める。\n\n## 3. 評価\n\n上記2(1)及び同(2)による。\n",
		want: []string{"上記2(1) -> 2(1)#1-体制", "(2) -> 2(2)#2-役割"},
	}, {
		name: "ref/form: 第1条第1項 of an article of one 項, 第2条第2号 and 前条第1号 of an article of two; the forms 法制執務 writes pass",
		body: "第1条　情報資産を分類する。\n\n第2条　次に掲げる者を置く。\n\n一　責任者\n\n二　管理者\n\n2　前項各号の者は、研修を受ける。\n\n第3条　第1条第1項の分類は、第2条第2号の者が行い、前条第1号の者が承認する。第1条、第2条第1項第2号及び前条第2項による。\n",
		want: []string{
			"前項各号 -> 第2条第1項第1号#s.a2.1.g1 第2条第1項第2号#s.a2.1.g2",
			"第1条第1項 -> 第1条#s.a1.1 ~ref/form", "第2条第2号 -> 第2条第1項第2号#s.a2.1.g2 ~ref/form", "前条第1号 -> 第2条第1項第1号#s.a2.1.g1 ~ref/form",
			"第1条 -> 第1条#s.a1", "第2条第1項第2号 -> 第2条第1項第2号#s.a2.1.g2", "前条第2項 -> 第2条第2項#s.a2.2",
		},
	}, {
		name: "a bare (2) inside (2) itself, after its label, cites itself: ref/self; its siblings are cited",
		body: "## 1. 記録\n\n(1) 受付者は、連絡票に記入する。\n\n(2) (2)に示す方法で保存する。(1)に示す記録による。\n\n(3) (1)及び(2)に示す記録は、5年間保存する。\n",
		want: []string{"(2) !ref/self", "(1) -> 1(1)#1-記録.p1", "(1) -> 1(1)#1-記録.p1", "(2) -> 1(2)#1-記録.p2"},
	}, {
		name: "同(2) on its own is the (2) beside the (1) named last; with none named, or none beside it, it does not resolve",
		body: "## 1. 目的\n\n同(1)による。\n\n## 2. 組織\n\n### (1) 体制\n\n体制を定める。\n\n### (2) 役割\n\n役割を定める。\n\n## 3. 評価\n\n上記2(1)による。同(2)による。同(3)による。\n",
		want: []string{"同(1) !ref/unresolved", "上記2(1) -> 2(1)#1-体制", "同(2) -> 2(2)#2-役割", "同(3) !ref/unresolved"},
	}, {
		name: "a sentence ended with ． (the ，． style) does not make the number after it another's",
		body: "## 1. 記録\n\n(1) 受付簿に記入する．\n\n(2) 保存する．(1)に示す受付簿は5年間保存する．①に準じて廃棄する．\n",
		want: []string{"(1) -> 1(1)#1-記録.p1", "① !ref/unresolved"},
	}, {
		name: "a list written with spaces inside item (2) names its (2) without citing itself",
		body: "## 1. 記録\n\n(1) 受付する。\n\n(2) 次の事項を記録する。(1) 日時、(2) 内容\n",
		want: []string{"(1) -> 1(1)#1-記録.p1", "(2) -> 1(2)#1-記録.p2"},
	}, {
		name: "ref/form notes a list once, at its first member",
		body: "第1条　甲\n\n第2条　次に掲げる者を置く。\n\n一　責任者\n\n二　管理者\n\n三　担当者\n\n2　前項各号の者は、研修を受ける。\n\n第3条　第2条第2号及び第3号の者が行う。\n",
		want: []string{"前項各号 -> 第2条第1項第1号#s.a2.1.g1 第2条第1項第2号#s.a2.1.g2 第2条第1項第3号#s.a2.1.g3", "第2条第2号 -> 第2条第1項第2号#s.a2.1.g2 ~ref/form", "第3号 -> 第2条第1項第3号#s.a2.1.g3"},
	}, {
		name: "⑴ is (1) written as one character, as a label and in a citation",
		body: "## 1. 目的\n\n⑴ 情報資産の保護\n\n⑵ 業務の継続\n\n## 2. 対象\n\n上記1⑵の業務及び上記1(1)を対象とする。\n",
		want: []string{"上記1⑵ -> 1(2)#1-目的.p2", "上記1(1) -> 1(1)#1-目的.p1"},
	}, {
		name: "article numbers set in bold are the articles' labels",
		body: "**第1条**　甲\n\n**第2条**　乙\n\n**第3条**　前条及び第1条による。\n",
		want: []string{"前条 -> 第2条#s.a2", "第1条 -> 第1条#s.a1"},
	}, {
		name: "a heading cites in its note (第N条関係), never by its own name",
		body: "第1条　甲\n\n第2条　別表第1による。\n\n## 別表第1（第2条関係）\n\n## 別表第2（第9条関係）\n\n## 附則\n\n## 第1条関係の様式\n",
		want: []string{"別表第1 -> 別表第1#別表第1第2条関係", "第2条 -> 第2条#s.a2", "第9条 !ref/unresolved", "第1条 -> 第1条#s.a1"},
	}, {
		name: "乃至 and ないし make a range, as から…まで does",
		body: "第1条　甲\n\n第2条　乙\n\n第2条の2　丙\n\n第3条　第2条乃至第3条及び第1条ないし第2条の2による。\n",
		want: []string{
			"第2条乃至第3条 -> 第2条#s.a2 第2条の2#s.a2-2 第3条#s.a3",
			"第1条ないし第2条の2 -> 第1条#s.a1 第2条#s.a2 第2条の2#s.a2-2",
		},
	}, {
		name: "outline ranges of bare numbers with から…まで",
		body: "## 1. 甲\n\n## 2. 乙\n\n## 3. 丙\n\n## 4. 丁\n\n上記1から3までを見直し、前記1から3までの規定は上記1から上記3までと同じとする。3か月ごとに行う。\n",
		want: []string{
			"上記1から3まで -> 1#1-甲 2#2-乙 3#3-丙",
			"前記1から3まで -> 1#1-甲 2#2-乙 3#3-丙",
			"上記1から上記3まで -> 1#1-甲 2#2-乙 3#3-丙",
		},
	}, {
		name: "ア及びイ after a 号 go on in that 号",
		body: "第1条　甲\n\n一　乙\n\n二　丙\n\nア　丁\n\nイ　戊\n\n第2条　第1条第2号ア及びイによる。\n",
		want: []string{"第1条第2号ア -> 第1条第2号ア#s.a1.1.g2.k1", "イ -> 第1条第2号イ#s.a1.1.g2.k2"},
	}, {
		name: "a 号 written (1) after its 項",
		body: "第1条　甲\n\n第2条　乙\n\n2　丙\n\n(1) 丁\n\n(2) 戊\n\n第3条　第2条第2項（1）及び第２条第２項(2)による。\n",
		want: []string{"第2条第2項（1） -> 第2条第2項第1号#s.a2.2.p1", "第２条第２項(2) -> 第2条第2項第2号#s.a2.2.p2"},
	}, {
		name: "a 号 written (1) after 前項, 同項 and in a list",
		body: "第1条　甲\n\n第2条　乙\n\n(1) 届出\n\n(2) 承認\n\n(3) 記録\n\n2　前項(3)の記録は、同項(2)の承認の後に行う。\n\n3　前2項のほか、第1項(1)及び(3)並びに第1項(1)から(2)までの事務による。\n",
		want: []string{
			"前項(3) -> 第2条第1項第3号#s.a2.1.p3",
			"同項(2) -> 第2条第1項第2号#s.a2.1.p2",
			"前2項 -> 第2条第1項#s.a2.1 第2条第2項#s.a2.2",
			"第1項(1) -> 第2条第1項第1号#s.a2.1.p1",
			"(3) -> 第2条第1項第3号#s.a2.1.p3",
			"第1項(1)から(2)まで -> 第2条第1項第1号#s.a2.1.p1 第2条第1項第2号#s.a2.1.p2",
		},
	}, {
		name: "numbers that enumerate in a sentence are not citations: (1)暗号化、(2)…, ①日時、②内容",
		body: "## 1. 対策\n\n(1) 技術\n\n① 鍵\n\n② 記録\n\n(2) 人\n\n## 2. 運用\n\n運用では、(1)暗号化、(2)パスワードの設定のいずれかを行い、①日時、②内容、③対応を記録する。(ア)端末、(イ)媒体を対象とし、上記1(1)に示す対策及び上記1(1)①に準じた記録を含む。\n",
		want: []string{"上記1(1) -> 1(1)#1-対策.p1", "上記1(1)① -> 1(1)①#1-対策.p1.m1"},
	}, {
		name: "a bare number followed by a word still cites when it is no run: (2)同様, (2)乃至(3), ②記録",
		body: "## 1. 対策\n\n(1) 技術\n\n(2) 人\n\n(3) 物\n\n監視は、(2)同様に行い、(1)乃至(3)を見直す。②記録を残す。\n",
		want: []string{"(2) -> 1(2)#1-対策.p2", "(1)乃至(3) -> 1(1)#1-対策.p1 1(2)#1-対策.p2 1(3)#1-対策.p3", "② !ref/unresolved"},
	}, {
		name: "enumerations whose items begin with a kanji a citation may begin with, or that run over sentences, are no references",
		body: "## 1. 対策\n\n(1) 技術\n\n(2) 人\n\n(3) 物\n\n守るため、(1)規程の整備、(2)前年度の実績、(3)同報系無線の点検を行う。次の順に行う。(1)暗号化を行う。(2)記録媒体を確かめる。監視は、(1)括弧書の場合及び(2)に該当する場合に行う。\n",
		want: []string{"(1) -> 1(1)#1-対策.p1", "(2) -> 1(2)#1-対策.p2"},
	}, {
		name: "前項 and 次項 in an outline without articles: its numbered sections are its 項",
		body: "## 1. 目的\n\n監視する。\n\n## 2. 判定\n\n(1) 重大\n\n(2) 軽微\n\n## 3. 対応\n\n前項(1)の判定に応じ、次項の報告を行う。\n\n## 4. 報告\n\n前項の対応を報告する。\n",
		want: []string{"前項(1) -> 2(1)#2-判定.p1", "次項 -> 4#4-報告", "前項 -> 3#3-対応"},
	}, {
		name: "the word after a list speaks of the whole list",
		body: "## 1. 目的\n\n## 2. 手順\n\n## 3. 記録\n\n## 4. 見直し\n\n上記2及び3の手順に問題があったときは、上記3の手順を見直す。\n",
		want: []string{"上記2 -> 2#2-手順", "3 -> 3#3-記録", "上記3 !ref/mismatch"},
	}, {
		name: "a 別表 written as a paragraph stands after the articles",
		body: "第1条　甲\n\n第2条　管理。\n\n2　記録。\n\n3　保存。\n\n別表第1（第2条関係）\n\n| 台帳 | 前項の規定による |\n|---|---|\n| 保存 | 記録する |\n\n第3条の規定は別表第1による。\n",
		want: []string{"第2条 -> 第2条#s.a2", "前項 !ref/unresolved", "第3条 !ref/unresolved", "別表第1 !ref/self"},
	}, {
		name: "a paragraph opening with a citation is text of its article: 前条 after it is the article before",
		body: "第1条　甲\n\n2　乙\n\n第2条　丙\n\n第1条第2項の規定にかかわらず、丁\n\n第3条　前条の規定による。\n",
		want: []string{"第1条第2項 -> 第1条第2項#s.a1.2", "前条 -> 第2条#s.a2"},
	}, {
		name: "a form's name is not a 号: 様式第1号, 第2号様式 and 別記様式第N号 are its 別記, or a form kept outside the text",
		body: "第1条　様式第1号、第2号様式、別記様式第1号及び別記第2号様式により行う。\n\n## 別記様式第1号\n\n## 別記第2号様式\n",
		want: []string{
			"様式第1号 -> 別記第1#別記様式第1号", "第2号様式 -> 別記第2#別記第2号様式",
			"別記様式第1号 -> 別記第1#別記様式第1号", "別記第2号様式 -> 別記第2#別記第2号様式",
		},
	}, {
		name: "様式第N号 resolves to its heading 様式第N号（第1条関係）, never to a 別記 that is not a form; a form the text lacks is a warning when it has others",
		body: "第1条　様式第1号による台帳、様式第1号の2、第2号様式、別記第1、様式第1号及び第2号並びに様式第1号から第2号までにより行う。\n\n2　前項の写しは、様式第9号及び別記様式第3号により報告する。\n\n## 別記第1 区分\n\n## 様式第1号（第1条関係）\n\n情報資産台帳\n\n## 様式第1号の2（第1条関係）\n\n## 記入例\n\n## 第2号様式（第1条関係）\n",
		want: []string{
			"様式第1号 -> #様式第1号第1条関係", "様式第1号の2 -> #様式第1号の2第1条関係", "第2号様式 -> #第2号様式第1条関係",
			"別記第1 -> 別記第1#別記第1-区分",
			"様式第1号 -> #様式第1号第1条関係", "第2号 -> #第2号様式第1条関係",
			"様式第1号から第2号まで -> #様式第1号第1条関係 #様式第1号の2第1条関係 #第2号様式第1条関係",
			"前項 -> 第1条第1項#s.a1.1",
			"様式第9号 !ref/unresolved", "別記様式第3号 !ref/unresolved",
			// Each form's heading cites its article in its note.
			"第1条 -> 第1条#s.a1", "第1条 -> 第1条#s.a1", "第1条 -> 第1条#s.a1",
		},
	}, {
		name: "様式第N号 with no form in the text is a form kept outside it",
		body: "第1条　様式第1号及び別記様式第3号により行う。\n\n## 別記第1 区分\n",
		want: []string{"様式第1号 external", "別記様式第3号 external"},
	}, {
		name: "outline compounds: 本方針3(1), 上記2の(3), 上記3.(2), 上記1.及び2.",
		body: "## 1. 甲\n\n本方針3(1)による。\n\n## 2. 乙\n\n(1) a\n\n(2) b\n\n(3) c\n\n## 3. 丙\n\n(1) d\n\n(2) e\n\n## 4. 丁\n\n上記2の(3)、上記3.(2)及び上記1.及び2.による。本方針3年の計画。\n",
		want: []string{
			"本方針3(1) -> 3(1)#3-丙.p1", "上記2の(3) -> 2(3)#2-乙.p3", "上記3.(2) -> 3(2)#3-丙.p2",
			"上記1. -> 1#1-甲", "2. -> 2#2-乙", "本方針 -> (document)",
		},
	}, {
		name: "上記 in an ordered list item looks past the item it stands in",
		body: "## 1. 目的\n\n(1) a\n\n(2) b\n\n## 2. 手順\n\n1. 上記1の目的及び上記1(2)に沿って審査する。\n2. 上記1の(2)及び上記1.の審査による。第2節目の審査は省略する。\n",
		want: []string{
			"上記1 -> 1#1-目的", "上記1(2) -> 1(2)#1-目的.p2",
			"上記1の(2) -> 1(2)#1-目的.p2", "上記1. -> 2.1#2-手順.1",
		},
	}, {
		name: "a caption's references belong to the article it captions",
		body: "（定義）\n\n第1条　甲\n\n（適用）\n\n第2条　乙\n\n2　丙\n\n（前条第2項の特例）\n\n第3条　丁\n\n（第3条の特例）\n第4条　戊\n",
		want: []string{"前条第2項 -> 第2条第2項#s.a2.2", "第3条 -> 第3条#s.a3"},
	}, {
		name: "a deleted article is a placeholder: citing it is ref/deleted, a range over it is not",
		body: "第1条　甲\n\n第2条　削除\n\n第3条から第5条まで　削除\n\n第6条　第2条、前条、第4条、第1条から第6条まで及び第2条から第4条までの規定による。第3条から第5条までの規定は適用しない。第2条第1項による。\n",
		want: []string{
			"第2条 !ref/deleted", "前条 !ref/deleted", "第4条 !ref/deleted",
			"第1条から第6条まで -> 第1条#s.a1 第2条#s.a2 第3条#s.a3 第4条#s.a4 第5条#s.a5 第6条#s.a6",
			"第2条から第4条まで !ref/deleted",
			"第3条から第5条まで !ref/deleted",
			"第2条第1項 !ref/deleted",
		},
	}, {
		name: "読替え: the wording quoted before and after とあるのは is another provision's text",
		body: "第1条　甲\n\n2　乙\n\n第2条　前条の規定の適用については、同条第2項中「前項」とあるのは「第3項又は前条」と、「第1条」とあるのは「別表第1」とする。\n",
		want: []string{"前条 -> 第1条#s.a1", "同条第2項 -> 第1条第2項#s.a1.2"},
	}, {
		name: "self-references and impossible numbers",
		body: "第1条　第1条及び第0条による。\n\n第2条　第99999999999999999999条による。第1項に規定する場合は、別に定める。\n\n2　第1項による。\n",
		want: []string{"第1条 !ref/self", "第0条 !ref/number", "第99999999999999999999条 !ref/number", "第1項 !ref/self", "第1項 -> 第2条第1項#s.a2.1"},
	}, {
		name: "outline: 上記10 inside 10, 上記0 and a huge number",
		body: "## 1. 甲\n\n## 2. 乙\n\n上記2、上記0及び上記99999999999999999999による。上記2024年の計画。\n",
		want: []string{"上記2 !ref/self", "上記0 !ref/number", "上記99999999999999999999 !ref/number"},
	}}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := load(t, map[string]string{"policy/x.md": front("x", "standard") + c.body})
			d := r.Docs[0]
			got := describeTargets(New(r).Doc(d))
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("references:\n%s\nwant:\n%s\ntree:\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"), d.DumpTree())
			}
		})
	}
}

// TestFormNotInText: a form's name that the text, which holds its forms,
// does not have is a warning naming the forms there are — not an error,
// since a city may publish a form on its own.
func TestFormNotInText(t *testing.T) {
	r := load(t, map[string]string{"policy/x.md": front("x", "standard") + "第1条　様式第9号により報告する。\n\n## 様式第1号（第1条関係）\n\n## 別記様式第2号\n"})
	refs := New(r).Doc(r.Docs[0])
	// The second reference is the heading's note, （第1条関係）.
	if len(refs) != 2 || refs[0].Problem == nil || refs[0].Problem.Severity != policy.Warning || refs[1].Problem != nil {
		t.Fatalf("refs %v, want one warning and the heading's 第1条", describeTargets(refs))
	}
	if want := "様式第9号 does not resolve: the forms of the text are 様式第1号, 別記様式第2号"; refs[0].Problem.Message != want {
		t.Errorf("message %q, want %q", refs[0].Problem.Message, want)
	}
}

// TestSelfHint: the hint of ref/self names the words a provision of that
// kind uses for itself — この条 in an article, この項 in a 項, この号 in a
// 号 — and in an outline's 1., which has none, says to leave the number out.
func TestSelfHint(t *testing.T) {
	cases := []struct{ name, body, want string }{
		{"article", "第1条　第1条による。\n", "write この条"},
		{"clause", "第1条　甲\n\n2　第1条第2項による。\n", "write この項"},
		{"item", "第1条　次のとおりとする。\n\n一　第1条第1号による。\n", "write この号"},
		{"outline", "## 1. 甲\n\n## 2. 乙\n\n上記2による。\n", "leave the number out"},
	}
	for _, c := range cases {
		r := load(t, map[string]string{"policy/x.md": front("x", "standard") + c.body})
		var hints []string
		for _, x := range New(r).Doc(r.Docs[0]) {
			if x.Problem != nil && x.Problem.Rule == policy.RuleRefSelf {
				hints = append(hints, x.Problem.Hint)
			}
		}
		if len(hints) != 1 || !strings.Contains(hints[0], c.want) {
			t.Errorf("%s: ref/self hints %q, want one that says %q", c.name, hints, c.want)
		}
	}
}
