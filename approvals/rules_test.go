package approvals

import (
	"testing"
	"unicode"
)

// TestWordRune holds the fast path to unicode's tables for every rune.
func TestWordRune(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if got, want := wordRune(r), unicode.IsLetter(r) || unicode.IsNumber(r); got != want {
			t.Fatalf("wordRune(%U) = %v, unicode says %v", r, got, want)
		}
	}
}
