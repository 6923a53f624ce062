package diff

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/mattn/go-runewidth"
	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"

	"github.com/policyctl/policyctl/internal/markdown"
	"github.com/policyctl/policyctl/internal/policy"
)

// A 新旧対照表 shows provision text, never the Markdown it was written in
// (法制執務 readers see 「(5)　クラウドサービス」, not 「### (5) クラウドサービス」).
// provision turns a document body into that text, block by block, each
// block remembering where its source begins so that a section's own text
// is the blocks inside its source range.

// tableCell separates the cells of a table row in provision text. A tab
// never survives in other text (plainInline turns it into a space), so a
// line holding one is a table row, and every format draws it as one.
const tableCell = "\t"

// pblock is one block of provision text and the body offset of the line
// its source begins on.
type pblock struct {
	off  int
	text string
}

// provision returns the blocks of a document's provision text, in order.
func provision(root ast.Node, body []byte) []pblock {
	var out []pblock
	add := func(n ast.Node, text string) {
		off := n.Pos()
		if off < 0 {
			off = len(body)
		}
		for off > 0 && body[off-1] != '\n' {
			off--
		}
		out = append(out, pblock{off, text})
	}
	var walk func(n ast.Node, prefix string)
	walk = func(n ast.Node, prefix string) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Heading:
				add(c, prefix+plainInline(c, body))
				prefix = ""
			case *ast.Paragraph, *ast.TextBlock:
				add(c, prefix+plainInline(c, body))
				prefix = ""
			case *ast.List:
				for it := c.FirstChild(); it != nil; it = it.NextSibling() {
					walk(it, itemMarker(c, it, body))
				}
			case *ast.CodeBlock, *ast.FencedCodeBlock:
				var b strings.Builder
				lines := c.Lines()
				for i := 0; i < lines.Len(); i++ {
					seg := lines.At(i)
					b.Write(seg.Value(body))
				}
				add(c, prefix+strings.TrimRight(b.String(), "\n"))
				prefix = ""
			case *extast.Table:
				add(c, prefix+plainTable(c, body))
				prefix = ""
			case *ast.HTMLBlock, *ast.ThematicBreak, *ast.LinkReferenceDefinition:
				// Raw HTML (the policyctl comments among it) and rules are
				// no provision text.
			case *extast.FootnoteList:
				walk(c, prefix)
			case *extast.Footnote:
				walk(c, "注"+strconv.Itoa(c.Index)+"　")
			case *ast.Blockquote, *markdown.LevelBlock:
				walk(c, prefix)
			default:
				walk(c, prefix)
			}
		}
		if prefix != "" && strings.TrimSpace(prefix) != "" {
			// An item with no text of its own still shows its number.
			add(n, strings.TrimRight(prefix, " 　"))
		}
	}
	walk(root, "")
	// The transformer puts the footnote list at the end without a source
	// position; keep the blocks in source order so each falls in its
	// section.
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j-1].off > out[j].off; j-- {
			out[j-1], out[j] = out[j], out[j-1]
		}
	}
	return out
}

// itemMarker is what stands before a list item's text: an ordered list's
// number as written; for a bullet item, nothing when its text begins with
// a number of its own (「- (1) 外部からの…」 is item (1)), else 「・」.
func itemMarker(l *ast.List, it ast.Node, body []byte) string {
	if l.IsOrdered() {
		n := l.Start
		for c := l.FirstChild(); c != nil && c != it; c = c.NextSibling() {
			n++
		}
		return strconv.Itoa(n) + string(l.Marker) + " "
	}
	if first := it.FirstChild(); first != nil {
		if _, ok := policy.ParseNumbered(plainInline(first, body), false); ok {
			return ""
		}
	}
	return "・"
}

// plainInline is the text a reader sees in a block's inline content:
// markup removed, link text kept, an image as its description, a soft
// line break dropped between Japanese characters.
func plainInline(n ast.Node, body []byte) string {
	var b bytes.Buffer
	var walk func(n ast.Node)
	walk = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch t := c.(type) {
			case *ast.Text:
				b.Write(t.Segment.Value(body))
				switch {
				case t.HardLineBreak():
					b.WriteByte('\n')
				case t.SoftLineBreak():
					if next := c.NextSibling(); next != nil && !wideEdge(b.Bytes(), true) && !wideEdge(leadingText(next, body), false) {
						b.WriteByte(' ')
					}
				}
			case *ast.String:
				b.Write(t.Value)
			case *ast.AutoLink:
				b.Write(t.Label(body))
			case *ast.RawHTML:
			case *ast.Image:
				b.WriteString("〔図　")
				walk(t)
				b.WriteString("〕")
			case *extast.FootnoteLink:
				b.WriteString("（注" + strconv.Itoa(t.Index) + "）")
			default:
				walk(c)
			}
		}
	}
	walk(n)
	s := strings.ReplaceAll(b.String(), "\t", " ")
	return strings.TrimSpace(s)
}

// leadingText is the first text of an inline node, to see what a soft
// line break runs into.
func leadingText(n ast.Node, body []byte) []byte {
	for ; n != nil; n = n.FirstChild() {
		if t, ok := n.(*ast.Text); ok {
			return t.Segment.Value(body)
		}
		if s, ok := n.(*ast.String); ok {
			return s.Value
		}
	}
	return nil
}

// wideEdge reports whether text ends (or begins) with a wide character.
func wideEdge(b []byte, end bool) bool {
	if len(b) == 0 {
		return false
	}
	r, _ := utf8.DecodeRune(b)
	if end {
		r, _ = utf8.DecodeLastRune(b)
	}
	return runewidth.RuneWidth(r) == 2
}

// plainTable writes a table as lines of cells separated by tableCell.
func plainTable(t *extast.Table, body []byte) string {
	var rows []string
	for r := t.FirstChild(); r != nil; r = r.NextSibling() {
		var cells []string
		for c := r.FirstChild(); c != nil; c = c.NextSibling() {
			cells = append(cells, plainInline(c, body))
		}
		rows = append(rows, strings.Join(cells, tableCell))
	}
	return strings.Join(rows, "\n")
}
