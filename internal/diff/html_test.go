package diff

import (
	"strings"
	"testing"
)

// TestCSSStringHoldsTitle: a title that tries to close the page margin's
// CSS string — with a quote, a backslash, or CR, FF or LF, which end a CSS
// string — comes out as one string: no raw control character, quote,
// backslash escape of its own or brace is left, and Japanese text is
// kept as it is.
func TestCSSStringHoldsTitle(t *testing.T) {
	for _, title := range []string{
		"みどり野\f}} tbody tr:nth-child(4){display:none} @page{@top-center{content:\"a",
		"み\r} body{background:url(https://evil.example/x)} h1{display:none",
		"a\\\" } x{", "\u2028}\u0085{", "</style><script>", "\xff\"",
	} {
		got := string(cssString(title))
		inner := got[1 : len(got)-1]
		if got[0] != '"' || got[len(got)-1] != '"' || strings.ContainsAny(inner, "\"'{}<>\r\n\f\u2028\u0085") {
			t.Errorf("%q: %s", title, got)
		}
		for i := 0; i < len(inner); i++ {
			if inner[i] == '\\' && !strings.ContainsRune("0123456789abcdef", rune(inner[i+1])) {
				t.Errorf("%q: %s: a backslash that is not a hex escape", title, got)
			}
		}
	}
	if got := string(cssString("みどり野市 新旧対照表")); got != `"みどり野市 新旧対照表"` {
		t.Errorf("Japanese title: %s", got)
	}
}
