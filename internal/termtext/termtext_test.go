package termtext

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestString(t *testing.T) {
	for in, want := range map[string]string{
		"みどり野市\t情報セキュリティ\n":              "みどり野市\t情報セキュリティ\n",
		"本文\x1b]8;;http://evil\x1b\\リンク": "本文␛]8;;http://evil␛\\リンク",
		"a\rb\x07c\x7fd":           "a␍b␇c␡d",
		"x\u009b31my\u00a0z\u00e9": "x\uFFFD31my\u00a0z\u00e9",
	} {
		if got := String(in); got != want {
			t.Errorf("String(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzWriter: whatever the text and however it is cut into writes, what
// comes out holds no control character but the tab and the line feed, is
// the same as one write gives, and is the text itself when it had none.
func FuzzWriter(f *testing.F) {
	for _, s := range []string{"a\x1b[31mb", "x\u009by", "\xc2", "\xc2\xc2\x9b", "見出し\n", "\t\r\n"} {
		f.Add(s, 1)
	}
	f.Fuzz(func(t *testing.T, s string, cut int) {
		var whole, parts bytes.Buffer
		Writer(&whole).Write([]byte(s))
		w := Writer(&parts)
		if cut < 1 {
			cut = 1
		}
		for b := []byte(s); len(b) > 0; {
			n := min(cut, len(b))
			w.Write(b[:n])
			b = b[n:]
		}
		if whole.String() != parts.String() {
			t.Fatalf("%q in writes of %d: %q, in one: %q", s, cut, parts.String(), whole.String())
		}
		out := whole.String()
		for _, c := range []byte(out) {
			if c < 0x20 && c != '\t' && c != '\n' || c == 0x7F {
				t.Fatalf("%q: control byte %#x left in %q", s, c, out)
			}
		}
		if utf8.ValidString(s) {
			for _, r := range out {
				if r >= 0x80 && r <= 0x9F {
					t.Fatalf("%q: C1 control %U left", s, r)
				}
			}
			if !strings.ContainsFunc(s, func(r rune) bool { return r < 0x20 && r != '\t' && r != '\n' || r >= 0x7F && r <= 0x9F }) && out != s && !strings.HasSuffix(s, "\xc2") {
				t.Fatalf("%q changed to %q", s, out)
			}
		}
	})
}
