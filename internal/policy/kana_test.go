package policy

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestHalfwidthKana(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"ｻｰﾊﾞの管理", "サーバの管理"},
		{"ﾊﾟｽﾜｰﾄﾞ｡", "パスワード。"},
		{"｢ｶﾅ｣､･", "「カナ」、・"},
		{"ｳﾞｧ", "ヴァ"},
		{"ｱﾞ", "ア゛"},     // no voiced ア: a mark of its own, not a combining one
		{"ﾞ先頭", "゛先頭"},   // nothing before it to voice
		{"カﾞｲﾄﾞ", "ガイド"}, // a full-width kana voiced by the mark after it
		{"漢ﾞ", "漢゛"},     // a kanji is not voiced
		{"全角カタカナと（）ＡＢＣ", "全角カタカナと（）ＡＢＣ"},
		{"", ""},
	} {
		got := applyEdits(c.in, HalfwidthKana([]byte(c.in)))
		if got != c.want {
			t.Errorf("%q: got %q, want %q", c.in, got, c.want)
		}
	}
}

func applyEdits(s string, es []Edit) string {
	var b strings.Builder
	at := 0
	for _, e := range es {
		b.WriteString(s[at:e.Start])
		b.WriteString(e.New)
		at = e.End
	}
	return b.String() + s[at:]
}

// FuzzHalfwidthKana: the edits are in order, do not overlap, and leave no
// half-width kana and valid UTF-8 behind.
func FuzzHalfwidthKana(f *testing.F) {
	for _, s := range []string{"ｻｰﾊﾞ", "カﾞ", "ﾞ", "\xef\xbd", "ｱ\xefﾞ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		es := HalfwidthKana([]byte(s))
		if HasHalfwidthKana([]byte(s)) != (len(es) > 0) {
			t.Fatalf("%q: HasHalfwidthKana disagrees with %d runs", s, len(es))
		}
		at := 0
		for _, e := range es {
			if e.Start < at || e.End <= e.Start || e.End > len(s) {
				t.Fatalf("%q: edits out of order: %+v", s, es)
			}
			at = e.End
		}
		out := applyEdits(s, es)
		if utf8.ValidString(s) && !utf8.ValidString(out) {
			t.Fatalf("%q: %q is not UTF-8", s, out)
		}
		if len(HalfwidthKana([]byte(out))) > 0 {
			t.Fatalf("%q: half-width kana left in %q", s, out)
		}
	})
}

func TestHasHalfwidthKana(t *testing.T) {
	for s, want := range map[string]bool{"": false, "（）ＡＢＣａ": false, "ｱ": true, "全角（ｶﾅ）": true, "\xef": false, "\xef\xbd": false, "ﾟ": true} {
		if got := HasHalfwidthKana([]byte(s)); got != want {
			t.Errorf("%q: %v, want %v", s, got, want)
		}
	}
}
