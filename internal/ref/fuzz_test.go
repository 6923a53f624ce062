package ref

import (
	"testing"
	"unicode/utf8"
)

func FuzzScan(f *testing.F) {
	for _, s := range []string{
		"上記6、7及び8に規定する", "(1) に示す組織", "① に準じ", "前記4(2)の報告", "第31条第1号から第4号まで",
		"第12条から前条まで", "前項各号の措置", "基本方針6(3)に定める", "対策基準第28条第3項に従い",
		"地方自治法（昭和22年法律第67号）第244条の6第1項", "ア及びイの結果", "本条例", "同条件", "別表第十",
		"第５条の２第１項", "（令和元年条例第1号）", "上記", "第", "(", "①～③",
		"第二十四条の二第二項各号（第二号を除く。）", "第149条（捜索調書）第1項", "第43条第1項（前条において準用する場合を含む。）、第4項及び第5項",
		"前条第一項の通知を受けた者（同条第三項後段の者を含む。）", "第26条第2項第5号イ(1)(i)", "イ又はロに掲げる", "前項ただし書", "前項各号列記以外の部分",
		"附則第2項", "本則第7条", "この規程", "本条例", "別表第1の2", "別記様式第3号", "第1号から第3号まで", "前三条", "次章及び前節",
		"個人情報の保護に関する法律（平成十五年法律第五十七号。以下「法」という。）", "法第3条", "電気通信事業法附則第五条第一項", "同法第5条",
		"第0条", "上記99999999999999999999", "上記2024年", "（", "（昭和", "第1条（", "各号（第", "イ", "ｱ", "(ｱ)", "(iv)",
	} {
		f.Add(s)
	}
	sc := newScanner([]string{"基本方針", "対策基準", "実施手順", "パスワード管理手順"})
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, e := range sc.scan(s) {
			// Expressions come in order of their start; one may enclose the
			// expressions of a parenthetical it reads past.
			if e.start < prev || e.end < e.start || e.end > len(s) {
				t.Fatalf("expression [%d,%d) out of order in %q", e.start, e.end, s)
			}
			if utf8.ValidString(s) && (!utf8.RuneStart(s[e.start]) || e.end < len(s) && !utf8.RuneStart(s[e.end])) {
				t.Fatalf("expression [%d,%d) splits a character of %q", e.start, e.end, s)
			}
			for _, c := range e.chains {
				if c.start < e.start || c.end > e.end || len(c.links) == 0 {
					t.Fatalf("chain [%d,%d) outside its expression [%d,%d)", c.start, c.end, e.start, e.end)
				}
				for _, l := range c.links {
					if l.start < c.start || l.end > c.end || l.end <= l.start {
						t.Fatalf("link [%d,%d) outside its chain [%d,%d) in %q", l.start, l.end, c.start, c.end, s)
					}
				}
			}
			prev = e.start
		}
	})
}

func FuzzResolve(f *testing.F) {
	f.Add("第1条　前項及び次条による。\n\n2　前各号、同項、第1条第2項第3号。\n\n(1) 前号\n", "## 1. 目的\n\n上記2、下記1、(1)に示す。\n")
	f.Add("（目的）\n第1条の2　前二項\n", "## 1. a\n\n### (1) b\n\n① ア及びイ\n")
	f.Add("（目的）\n第1条　甲\n２職員等は、次に掲げる。\n一　乙\nイ　丙\nロ　イ又はロ\n二　前号\n3　前項各号（第一号を除く。）\n附則\n1　この規程は施行する。\n2　前項\n",
		"## 1. 目的\n\nこの基本方針を守るべき者（以下「職員等」という。）は、上記1及び下記2による。\n\n## 2. 範囲\n\n職員等は守る。\n")
	f.Fuzz(func(t *testing.T, std, basic string) {
		files := map[string]string{"policy/std.md": front("std", "standard") + std, "policy/basic.md": front("basic", "basic") + basic}
		r := load(t, files)
		// The same content read twice: nothing was renumbered.
		if shifts := Renumbered(load(t, files), r); len(shifts) != 0 {
			t.Fatalf("%d references renumbered between two readings of the same content: %q", len(shifts), shifts[0].Ref.Text)
		}
		for _, term := range Terms(r) {
			for _, u := range term.Uses {
				if u.Start < 0 || u.End <= u.Start || u.End > len(u.Doc.Body()) {
					t.Fatalf("use of %q at [%d,%d) outside the body", term.Name, u.Start, u.End)
				}
			}
		}
		for _, d := range r.Docs {
			for _, x := range New(r).Doc(d) {
				if x.Start < 0 || x.End < x.Start || x.End > len(d.Body()) {
					t.Fatalf("reference %q at [%d,%d) outside the body", x.Text, x.Start, x.End)
				}
				if x.Problem == nil && !x.External && len(x.Targets) == 0 {
					t.Fatalf("reference %q resolves to nothing without a problem", x.Text)
				}
			}
		}
	})
}
