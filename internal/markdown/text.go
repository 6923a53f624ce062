package markdown

import (
	"strings"

	"github.com/yuin/goldmark/ast"
)

// PlainText returns the text of n's inline children with markup removed
// and every line break written as a newline — also a soft break between
// Japanese characters, which the page joins: a caller comparing with what
// a reader reads removes them (check's leak rule folds the text).
func PlainText(n ast.Node, source []byte) string {
	var b strings.Builder
	writeText(&b, n, source, true)
	return b.String()
}

// ProseText is PlainText without code spans: the prose of a block, where
// `code` shows syntax as an example.
func ProseText(n ast.Node, source []byte) string {
	var b strings.Builder
	writeText(&b, n, source, false)
	return b.String()
}

func writeText(b *strings.Builder, n ast.Node, source []byte, code bool) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch t := c.(type) {
		case *ast.Text:
			b.Write(t.Segment.Value(source))
			if t.SoftLineBreak() || t.HardLineBreak() {
				b.WriteByte('\n')
			}
		case *ast.String:
			b.Write(t.Value)
		case *ast.CodeSpan:
			if code {
				writeText(b, t, source, code)
			}
		case *ast.AutoLink:
			b.Write(t.Label(source))
		case *ast.RawHTML:
			// raw HTML is not text
		default:
			writeText(b, c, source, code)
		}
	}
}
