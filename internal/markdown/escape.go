package markdown

import (
	"strings"
	"unicode"
)

// Escape writes s — a title, a committee's name, a cell of a 新旧対照表 —
// as Markdown inline text that reads as s wherever it is shown (a GitHub
// job summary, a README): the characters HTML gives a meaning (& < > " ')
// are character references, so no tag or entity of the author's survives;
// Markdown's punctuation is escaped with a backslash, so no emphasis, link,
// image, code span or table cell begins; #, the colon, @ and the dot of
// www. are references, so no heading, issue link or GFM autolink; a line end (LF, CR or both) is <br>, so the text stays
// on its line, in a table's cell as in a heading; and any other control
// character is dropped. Text without any of them is returned as it is.
func Escape(s string) string {
	if !needsEscape(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for i, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&#34;")
		case '\'':
			b.WriteString("&#39;")
		case '#':
			b.WriteString("&#35;")
		case ':':
			b.WriteString("&#58;") // no https:// for GFM to turn into a link
		case '@':
			b.WriteString("&#64;") // nor an address
		case '.':
			if i >= 3 && strings.EqualFold(s[i-3:i], "www") {
				b.WriteString("&#46;") // nor www.
			} else {
				b.WriteByte('.')
			}
		case '\\', '`', '*', '_', '[', ']', '|', '~':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '\n':
			if i == 0 || s[i-1] != '\r' {
				b.WriteString("<br>")
			}
		case '\r':
			b.WriteString("<br>")
		case '\t':
			b.WriteByte(' ')
		default:
			if unicode.IsControl(r) {
				continue
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

func needsEscape(s string) bool {
	for _, r := range s {
		if r < 0x80 && strings.ContainsRune("&<>\"'#\\`*_[]|~:@.\n\r\t", r) || unicode.IsControl(r) {
			return true
		}
	}
	return false
}
