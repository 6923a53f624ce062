package render

import (
	"fmt"
	"runtime"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"github.com/policyctl/policyctl/internal/i18n"
	"github.com/policyctl/policyctl/internal/markdown"
	"github.com/policyctl/policyctl/internal/policy"
)

func workers() int { return runtime.GOMAXPROCS(0) }

// equivalent proves that the edition's document, parsed from the cut
// bytes, means what the full document meant for the content it kept:
// the same blocks in the same nesting, the same text from the same source
// bytes, the same link and image destinations and titles, the same
// footnotes. Anything whose meaning changes when restricted lines disappear
// — a link reference definition that shadowed another, a paragraph that
// now runs on, a fence that now closes elsewhere — shows up as a
// difference, and the edition is not built.
func equivalent(full, ed *policy.Document, c cutting) error {
	fullBody := full.Body()
	skip := func(n ast.Node) bool {
		if _, ok := n.(*east.FootnoteList); ok || n.Type() != ast.TypeBlock || n.Pos() < 0 {
			return false
		}
		return c.isRemoved(lineStartOf(fullBody, n.Pos()))
	}
	want, wantNotes := fingerprint(full.AST, fullBody, func(off int) int { return off }, skip)
	// The placeholders that stand for cut parts are not content.
	placeholder := func(n ast.Node) bool {
		_, ok := n.(*ast.HTMLBlock)
		return ok && n.Lines().Len() > 0 && c.full(n.Lines().At(0).Start) < 0
	}
	got, gotNotes := fingerprint(ed.AST, ed.Body(), c.full, placeholder)
	for i := 0; i < len(want) || i < len(got); i++ {
		var w, g token
		if i < len(want) {
			w = want[i]
		}
		if i < len(got) {
			g = got[i]
		}
		if w != g {
			return divergence(full, want, got, i)
		}
	}
	// A footnote of the edition must be one the full document had; one
	// that only restricted text referred to may disappear.
	for ref, g := range gotNotes {
		w, ok := wantNotes[ref]
		if !ok || strings.Join(tokStrings(w), "\n") != strings.Join(tokStrings(g), "\n") {
			off := -1
			if len(g) > 0 {
				off = g[0].a
			}
			return i18n.Errorf("render: %s: cutting the restricted parts changes footnote [^%s]%s; the edition is not built: keep a footnote's definition in the part that refers to it",
				full.Path, ref, at(full, off))
		}
	}
	return nil
}

// token is one step of a document's meaning: a block opening or closing, a
// run of text (by its source offsets in the full body), a link target.
type token struct {
	kind string
	a, b int
	s    string
}

func tokStrings(ts []token) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = fmt.Sprintf("%s %d %d %q", t.kind, t.a, t.b, t.s)
	}
	return out
}

// fingerprint lists the tokens of a parsed body, offsets mapped onto the
// full body by mapOff, skipping blocks for which skip is true. Footnote
// definitions are listed apart, by label.
func fingerprint(doc ast.Node, body []byte, mapOff func(int) int, skip func(ast.Node) bool) ([]token, map[string][]token) {
	var out []token
	notes := map[string][]token{}
	refs := map[int]string{} // footnote index -> label
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if fn, ok := n.(*east.Footnote); ok && entering {
			refs[fn.Index] = string(fn.Ref)
		}
		return ast.WalkContinue, nil
	})
	var walk func(n ast.Node, dst *[]token)
	walk = func(n ast.Node, dst *[]token) {
		// Two lists that only a cut part separated are one list in the
		// edition: merge them here too.
		var lastList *ast.List
		skipped := false
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if skip(c) {
				skipped = true
				continue
			}
			if l, ok := c.(*ast.List); ok && lastList != nil && skipped && l.IsOrdered() == lastList.IsOrdered() && l.Marker == lastList.Marker &&
				len(*dst) > 0 && (*dst)[len(*dst)-1].kind == "/list" {
				*dst = (*dst)[:len(*dst)-1]
				walk(c, dst)
				*dst = append(*dst, token{kind: "/list"})
				lastList, skipped = l, false
				continue
			}
			lastList, skipped = nil, false
			if l, ok := c.(*ast.List); ok {
				lastList = l
			}
			if fl, ok := c.(*east.FootnoteList); ok {
				for f := fl.FirstChild(); f != nil; f = f.NextSibling() {
					fn, ok := f.(*east.Footnote)
					if !ok || skip(fn) {
						continue
					}
					var ts []token
					walk(fn, &ts)
					notes[string(fn.Ref)] = ts
				}
				continue
			}
			kind, s := describe(c, body, refs)
			switch t := c.(type) {
			case *ast.Text:
				a, b := span(mapOff, t.Segment.Start, t.Segment.Stop)
				*dst = append(*dst, token{kind: kind, a: a, b: b, s: s})
				continue
			case *ast.RawHTML:
				for i := 0; i < t.Segments.Len(); i++ {
					seg := t.Segments.At(i)
					a, b := span(mapOff, seg.Start, seg.Stop)
					*dst = append(*dst, token{kind: "raw", a: a, b: b})
				}
				continue
			}
			if kind == "" {
				walk(c, dst)
				continue
			}
			*dst = append(*dst, token{kind: kind, s: s})
			if c.Type() == ast.TypeBlock && (c.IsRaw() || c.Lines().Len() > 0 && !c.HasChildren()) {
				for i := 0; i < c.Lines().Len(); i++ {
					seg := c.Lines().At(i)
					if seg.Stop > seg.Start {
						a, b := span(mapOff, seg.Start, seg.Stop)
						*dst = append(*dst, token{kind: "line", a: a, b: b})
					}
				}
			}
			walk(c, dst)
			*dst = append(*dst, token{kind: "/" + kind})
		}
	}
	walk(doc, &out)
	return out, notes
}

// span maps a segment onto the full body. Its last byte is mapped, not its
// end, which may fall just past a kept run.
func span(mapOff func(int) int, start, stop int) (int, int) {
	if stop <= start {
		a := mapOff(start)
		return a, a
	}
	return mapOff(start), mapOff(stop-1) + 1
}

// describe names a node for the fingerprint. Paragraphs and the text
// blocks of tight lists are one kind: cutting an item may tighten a list
// without changing what it says.
func describe(n ast.Node, body []byte, refs map[int]string) (string, string) {
	switch n := n.(type) {
	case *ast.Text:
		flags := ""
		if n.SoftLineBreak() {
			flags += "s"
		}
		if n.HardLineBreak() {
			flags += "h"
		}
		return "text", flags
	case *ast.String:
		return "string", string(n.Value)
	case *ast.Paragraph, *ast.TextBlock:
		return "p", ""
	case *ast.Heading:
		return "h", strconv.Itoa(n.Level) + attrs(n)
	case *ast.ThematicBreak:
		return "hr", ""
	case *ast.CodeBlock:
		return "code", ""
	case *ast.FencedCodeBlock:
		info := ""
		if n.Info != nil {
			info = string(n.Info.Segment.Value(body))
		}
		return "fence", info
	case *ast.HTMLBlock:
		return "html", ""
	case *ast.List:
		return "list", fmt.Sprintf("%v %d %c", n.IsOrdered(), n.Start, n.Marker)
	case *ast.ListItem:
		return "li", ""
	case *ast.Blockquote:
		return "quote", ""
	case *markdown.LevelBlock:
		return "level", n.Level
	case *ast.Emphasis:
		return "em", strconv.Itoa(n.Level)
	case *ast.CodeSpan:
		return "codespan", ""
	case *ast.Link:
		return "link", string(n.Destination) + "\x00" + string(n.Title)
	case *ast.Image:
		return "image", string(n.Destination) + "\x00" + string(n.Title)
	case *ast.AutoLink:
		return "autolink", string(n.URL(body))
	case *east.FootnoteLink:
		return "fnref", refs[n.Index]
	case *east.FootnoteBacklink:
		return "fnback", refs[n.Index]
	case *east.Footnote:
		return "footnote", string(n.Ref)
	case *east.Strikethrough:
		return "del", ""
	case *east.Table:
		return "table", fmt.Sprint(n.Alignments)
	case *east.TableHeader:
		return "thead", ""
	case *east.TableRow:
		return "tr", ""
	case *east.TableCell:
		return "td", fmt.Sprint(n.Alignment)
	}
	return n.Kind().String(), ""
}

func attrs(n ast.Node) string {
	var b strings.Builder
	for _, a := range n.Attributes() {
		if string(a.Name) == "id" {
			continue // ids are the edition's own (SPEC: computed from its content)
		}
		fmt.Fprintf(&b, " %s=%v", a.Name, a.Value)
	}
	return b.String()
}

func divergence(full *policy.Document, want, got []token, i int) error {
	off := -1
	for _, ts := range [][]token{want, got} {
		for j := min(i, len(ts)-1); j >= 0 && off < 0; j-- {
			if ts[j].a > 0 || ts[j].kind == "text" {
				off = ts[j].a
			}
		}
		if off >= 0 {
			break
		}
	}
	what := func(ts []token) string {
		if i >= len(ts) {
			return i18n.T("nothing")
		}
		t := ts[i]
		switch t.kind {
		case "text", "line", "raw":
			return i18n.T("text")
		// Not where a link leads: the full document's side may be
		// restricted, and this message goes to CI logs.
		case "link":
			return i18n.T("a link")
		case "image":
			return i18n.T("an image")
		case "p":
			return i18n.T("a paragraph")
		case "h":
			return i18n.T("a heading")
		}
		return strings.TrimPrefix(t.kind, "/")
	}
	return i18n.Errorf("render: %s: cutting the restricted parts changes how the remaining text is read%s (the full document has %s where the edition would have %s); the edition is not built: "+
		"leave a blank line before and after each ::: block, and keep link reference definitions and footnotes in the part that uses them",
		full.Path, at(full, off), what(want), what(got))
}

func at(d *policy.Document, off int) string {
	if off < 0 {
		return ""
	}
	return i18n.Sprintf(" at line %d", d.BodyPos(off).Line)
}

func lineStartOf(src []byte, off int) int {
	if off > len(src) {
		off = len(src)
	}
	for off > 0 && src[off-1] != '\n' {
		off--
	}
	return off
}
