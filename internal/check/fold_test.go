package check

import (
	"html"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// foldByTables is fold without its fast path: every character asks the
// Unicode tables.
func foldByTables(s string) string {
	if strings.IndexByte(s, '\\') >= 0 {
		s = unescapeMarkdown(s)
	}
	if strings.IndexByte(s, '&') >= 0 {
		s = html.UnescapeString(s)
	}
	var b strings.Builder
	for _, r := range norm.NFKC.String(s) {
		if unseen(r) || unicode.In(r, unicode.Pd, unicode.Pc) || strings.ContainsRune("・･ー−─", r) {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// The fast path keeps only characters the tables would keep unchanged:
// every code point is tried alone and after a kana it could combine with.
func TestFoldFastPathAgreesWithTables(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		for _, s := range []string{string(r), "か" + string(r), "A" + string(r) + "ー", "&#36899;" + string(r), "\\" + string(r)} {
			if got, want := fold(s), foldByTables(s); got != want {
				t.Fatalf("fold(%+q) = %+q, the tables give %+q", s, got, want)
			}
		}
	}
}

func FuzzFold(f *testing.F) {
	for _, s := range []string{"緊急連絡網", "ＵＳＢ ﾒﾓﾘ", "緊急\\ 連絡網", "&#36899;絡", "か\u3099", "Ab-c_d・e"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := fold(s), foldByTables(s); got != want {
			t.Fatalf("fold(%+q) = %+q, the tables give %+q", s, got, want)
		}
	})
}
