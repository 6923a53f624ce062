package markdown

import (
	"bytes"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// TestEscape renders escaped text in a GFM table cell and after a heading
// mark, the two places it is written: it must stay one cell and one
// heading, make no element of its own, and read as the text it was.
func TestEscape(t *testing.T) {
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
	for _, s := range []string{
		"パスワード<img src=x onerror=alert(1)>管理手順\n\n[x](javascript:alert(2))",
		"a | b", "**強調** _x_ `code` ~~s~~", "#12 と \"引用\" と 'x' & &amp;", "一行目\r\n二行目\r三行目",
		"\x1b]8;;http://evil\x1b\\リンク", "![画像](x.png)", "\\*", "<https://evil.example>",
		"さくら台市長 https://evil.example", "www.evil.example", "mallory@evil.example", "10:00 に WWW.example.jp",
	} {
		e := Escape(s)
		var out bytes.Buffer
		src := "| a |\n|---|\n| " + e + " |\n\n## " + e + "\n"
		if err := md.Convert([]byte(src), &out); err != nil {
			t.Fatal(err)
		}
		html := out.String()
		for _, bad := range []string{"<img", "<a ", "<em", "<strong", "<code", "<del", "<h1", "\x1b"} {
			if strings.Contains(html, bad) {
				t.Errorf("%q: rendered %q", s, html)
			}
		}
		if strings.Count(html, "<td>") != 1 || strings.Count(html, "<h2>") != 1 || strings.Contains(html, "<p>") {
			t.Errorf("%q left its cell or its heading: %q", s, html)
		}
	}
	if Escape("みどり野市 情報セキュリティ基本方針") != "みどり野市 情報セキュリティ基本方針" {
		t.Error("plain text changed")
	}
}
