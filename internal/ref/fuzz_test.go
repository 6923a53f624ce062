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
	} {
		f.Add(s)
	}
	sc := newScanner([]string{"基本方針", "対策基準", "実施手順", "パスワード管理手順"})
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, e := range sc.scan(s) {
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
			}
			prev = e.end
		}
	})
}

func FuzzResolve(f *testing.F) {
	f.Add("第1条　前項及び次条による。\n\n2　前各号、同項、第1条第2項第3号。\n\n(1) 前号\n", "## 1. 目的\n\n上記2、下記1、(1)に示す。\n")
	f.Add("（目的）\n第1条の2　前二項\n", "## 1. a\n\n### (1) b\n\n① ア及びイ\n")
	f.Fuzz(func(t *testing.T, std, basic string) {
		r := load(t, map[string]string{"policy/std.md": front("std", "standard") + std, "policy/basic.md": front("basic", "basic") + basic})
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
