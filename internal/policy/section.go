package policy

import (
	"fmt"
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/policyctl/policyctl/internal/markdown"
)

// SectionKind says what kind of block a section was written as.
type SectionKind int

const (
	KindRoot      SectionKind = iota // the document itself
	KindHeading                      // a Markdown heading
	KindItem                         // a list item
	KindParagraph                    // a paragraph that opens with a number
	KindImplicit                     // the first 項 of an article, which has no number of its own
)

// A Section is a node of a document's section tree: a heading, a numbered
// list item or a numbered paragraph. The tree follows the numbering, not the
// heading levels: "## 1." and "### 3." are siblings because both are of the
// "1." style.
type Section struct {
	Kind   SectionKind
	Style  Style
	Number Number
	// Label is the number as written ("(1)", "第５条の２"); empty when unnumbered.
	Label string
	// Title is the heading text after the number, an article's caption, or
	// the first line of a numbered paragraph or item.
	Title string
	// ID is the section's anchor: the explicit {#id} or GitHub-style ID of a
	// heading; for other sections the nearest heading's ID followed by the
	// numbers below it ("6-情報セキュリティ対策.3.1").
	ID string
	// Explicit reports whether ID was written as {#id}.
	Explicit bool
	// HeadingLevel is 1–6 for headings, 0 otherwise.
	HeadingLevel int
	// Offset is the byte offset of the section's block in the document body.
	Offset int
	Line   int
	Col    int
	// Level is the visibility level of the section, an index into
	// Config.Visibility.
	Level    int
	Node     ast.Node
	Parent   *Section
	Children []*Section
	Doc      *Document
}

// Numbered reports whether the section carries a number.
func (s *Section) Numbered() bool { return s.Style != StyleNone }

// Path returns the sections from the root's child down to s.
func (s *Section) Path() []*Section {
	var p []*Section
	for x := s; x != nil && x.Kind != KindRoot; x = x.Parent {
		p = append([]*Section{x}, p...)
	}
	return p
}

// Outline writes the numbers from the outermost numbered ancestor down to s
// the way Japanese documents cite them: "6(3)①", "第5条第2項第3号".
func (s *Section) Outline() string {
	var b strings.Builder
	path := s.Path()
	for i, x := range path {
		if !x.Numbered() {
			continue
		}
		switch {
		case (x.Style == StyleChapter || x.Style == StyleDivision) && i < len(path)-1:
			// Articles and 別表 are numbered through the whole document and
			// cited without their chapter: 第5条, not 第2章第5条.
		case x.Kind == KindImplicit && (i < len(path)-1 || len(x.Parent.Children) == 1):
			// An article's first 項 is cited by number only when it is
			// the target and the article has more than one: 第1条第1項;
			// its items are 第1条第2号, not 第1条第1項第2号.
		case x.Style == StyleClause:
			b.WriteString(x.Style.Label(x.Number))
		case x.Parent != nil && x.Parent.Style == StyleClause && (x.Style == StyleParen || x.Style == StyleKanji):
			b.WriteString("第" + x.Number.Key() + "号")
		case x.Style == StyleDot:
			b.WriteString(x.Number.Key())
		default:
			b.WriteString(x.Style.Label(x.Number))
		}
	}
	return b.String()
}

// Display is a short human description: "6(3) 情報システム全体の強靱性の向上".
func (s *Section) Display() string {
	t := s.Title
	if r := []rune(t); len(r) > 30 {
		t = string(r[:30]) + "…"
	}
	o := s.Outline()
	switch {
	case o == "":
		return t
	case t == "":
		return o
	}
	return o + " " + t
}

// Walk calls f for s and every section below it, in document order.
func (s *Section) Walk(f func(*Section) bool) {
	if !f(s) {
		return
	}
	for _, c := range s.Children {
		c.Walk(f)
	}
}

// treeBuilder turns the blocks of a document into its section tree. It keeps
// a stack of open sections; a numbered block becomes the sibling of the
// nearest open section of the same style, or a child of the innermost one.
type treeBuilder struct {
	doc     *Document
	stack   []*Section
	caption string // an article caption line seen just before
	slugs   slugger
}

func buildTree(d *Document) *Section {
	root := &Section{Kind: KindRoot, Doc: d, Level: d.Level, Line: d.BodyLine + 1, Col: 1}
	b := &treeBuilder{doc: d, stack: []*Section{root}, slugs: newSlugger()}
	b.blocks(d.AST)
	b.assignIDs(root, "")
	return root
}

func (b *treeBuilder) top() *Section { return b.stack[len(b.stack)-1] }

func (b *treeBuilder) inArticle() bool {
	for _, s := range b.stack {
		if s.Style == StyleArticle {
			return true
		}
	}
	return false
}

func (b *treeBuilder) blocks(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		b.block(c)
	}
}

func (b *treeBuilder) block(c ast.Node) {
	switch c := c.(type) {
	case *ast.Heading:
		b.heading(c)
		b.caption = ""
	case *ast.List:
		for it := c.FirstChild(); it != nil; it = it.NextSibling() {
			b.item(c, it.(*ast.ListItem))
		}
		b.caption = ""
	case *ast.Paragraph:
		b.paragraph(c)
	case *ast.Blockquote, *markdown.LevelBlock:
		b.blocks(c)
	default:
		b.caption = ""
	}
}

func (b *treeBuilder) newSection(kind SectionKind, n ast.Node, nb numbered) *Section {
	s := &Section{Kind: kind, Style: nb.Style, Number: nb.Num, Label: nb.Label, Title: firstLine(nb.Rest), Node: n, Doc: b.doc}
	s.Offset = n.Pos()
	s.Line, s.Col = b.doc.bodyLineCol(s.Offset)
	s.Level = b.doc.LevelAt(s.Offset)
	return s
}

func (b *treeBuilder) heading(h *ast.Heading) {
	text := markdown.PlainText(h, b.doc.Body())
	nb, ok := ParseNumbered(text, false)
	if !ok {
		nb = numbered{Rest: text}
	}
	s := b.newSection(KindHeading, h, nb)
	s.HeadingLevel = h.Level
	if id, ok := h.AttributeString("id"); ok {
		if v, ok := id.([]byte); ok && len(v) > 0 {
			s.ID, s.Explicit = string(v), true
		}
	}
	if s.ID == "" {
		s.ID = b.slugs.slug(text)
	} else {
		b.slugs.reserve(s.ID)
	}
	if s.Style == StyleArticle {
		if c, ok := parseCaption(s.Title); ok {
			s.Title = c
		}
	}
	if !s.Numbered() {
		// An unnumbered heading closes everything below its level.
		for len(b.stack) > 1 && !(b.top().Kind == KindHeading && b.top().HeadingLevel < h.Level) {
			b.stack = b.stack[:len(b.stack)-1]
		}
		b.push(s)
		return
	}
	if b.attachSibling(s) {
		return
	}
	// A heading that starts a new sequence is never inside a paragraph or
	// list item, nor inside a heading of its own level or below.
	for len(b.stack) > 1 && (b.top().Kind != KindHeading || b.top().HeadingLevel >= h.Level) {
		b.stack = b.stack[:len(b.stack)-1]
	}
	b.push(s)
}

func (b *treeBuilder) item(list *ast.List, it *ast.ListItem) {
	first := it.FirstChild()
	hasText := first != nil && (first.Kind() == ast.KindParagraph || first.Kind() == ast.KindTextBlock)
	var nb numbered
	ok := false
	switch {
	case list.IsOrdered():
		n := list.Start
		for p := it.PreviousSibling(); p != nil; p = p.PreviousSibling() {
			n++
		}
		style := StyleDot
		if list.Marker == ')' {
			style = StyleCloseParen
		}
		nb, ok = numbered{Style: style, Num: Number{N: n}, Label: style.Label(Number{N: n})}, true
		if hasText {
			nb.Rest = markdown.PlainText(first, b.doc.Body())
		}
	case hasText:
		nb, ok = ParseNumbered(markdown.PlainText(first, b.doc.Body()), b.inArticle())
	}
	if ok {
		s := b.newSection(KindItem, it, nb)
		if !b.attachSibling(s) {
			b.push(s)
		}
	}
	// The item's first paragraph carried its number; its other blocks may
	// hold numbered sections of their own.
	for c := first; c != nil; c = c.NextSibling() {
		if c == first && hasText {
			continue
		}
		b.block(c)
	}
}

func (b *treeBuilder) paragraph(p *ast.Paragraph) {
	if p.Lines().Len() > 0 {
		// Most paragraphs carry no number: tell from the raw first line
		// before extracting the text.
		seg := p.Lines().At(0)
		first := strings.TrimLeft(string(seg.Value(b.doc.Body())), " \t　")
		// MayBeNumbered admits "(" and "（", so caption lines get through.
		if !MayBeNumbered(first) {
			b.caption = ""
			return
		}
	}
	text := markdown.PlainText(p, b.doc.Body())
	nb, ok := ParseNumbered(text, b.inArticle())
	offset := p.Pos()
	if !ok && p.Lines().Len() > 1 {
		// A caption written on the line just above its article:
		// （目的）
		// 第1条　…
		if c, isCap := parseCaption(firstLine(text)); isCap {
			rest := text[strings.IndexByte(text, '\n')+1:]
			if a, isArt := ParseNumbered(rest, false); isArt && a.Style == StyleArticle {
				nb, ok, b.caption = a, true, c
				offset = p.Lines().At(1).Start
			}
		}
	}
	if !ok {
		if c, isCap := parseCaption(firstLine(text)); isCap && !strings.Contains(text, "\n") {
			b.caption = c
		} else {
			b.caption = ""
		}
		return
	}
	s := b.newSection(KindParagraph, p, nb)
	if offset != s.Offset {
		s.Offset = offset
		s.Line, s.Col = b.doc.bodyLineCol(offset)
	}
	if s.Style == StyleArticle && b.caption != "" {
		s.Title = b.caption
	}
	b.caption = ""
	if !b.attachSibling(s) {
		b.push(s)
	}
}

// attachSibling makes s the next sibling of the nearest open section of the
// same style and reports whether it did. A section numbered 1 always starts
// a new sequence, so an ordered list inside section 6 does not continue the
// document's top-level "1." numbering.
func (b *treeBuilder) attachSibling(s *Section) bool {
	// …unless the section just before is a 1 of the same style and kind:
	// then the number is repeated (numbering/duplicate), not nested.
	top := b.top()
	repeated := top.Style == s.Style && (top.Kind == KindHeading) == (s.Kind == KindHeading)
	if s.Number.N == 1 && len(s.Number.Sub) == 0 && !repeated {
		if s.Kind != KindHeading {
			b.push(s)
			return true
		}
		return false
	}
	match := -1
	for i := len(b.stack) - 1; i > 0; i-- {
		if b.stack[i].Style != s.Style {
			continue
		}
		if match < 0 {
			match = i
		}
		// A heading continues the headings of its style, not an ordered
		// list that happens to sit inside the previous heading's section.
		if s.Kind != KindHeading || b.stack[i].Kind == KindHeading {
			match = i
			break
		}
	}
	if match < 0 {
		return false
	}
	b.stack = b.stack[:match]
	b.push(s)
	return true
}

// maxDepth bounds the section tree's depth. Real documents nest a handful
// of levels; the bound keeps pathological input linear.
const maxDepth = 32

func (b *treeBuilder) push(s *Section) {
	if len(b.stack) > maxDepth {
		b.stack = b.stack[:maxDepth]
	}
	p := b.top()
	s.Parent = p
	p.Children = append(p.Children, s)
	b.stack = append(b.stack, s)
	if s.Style == StyleArticle {
		// An article's first paragraph is its 第1項; a bare "2" opens 第2項.
		c := &Section{Kind: KindImplicit, Style: StyleClause, Number: Number{N: 1}, Node: s.Node, Doc: s.Doc,
			Offset: s.Offset, Line: s.Line, Col: s.Col, Level: s.Level, Parent: s}
		s.Children = append(s.Children, c)
		b.stack = append(b.stack, c)
	}
}

// assignIDs gives every non-heading section an ID below its nearest heading.
func (b *treeBuilder) assignIDs(s *Section, base string) {
	for _, c := range s.Children {
		if c.Kind != KindHeading {
			id := styleKeys[c.Style] + c.Number.Key()
			if base == "" {
				id = "s." + id
			} else {
				id = base + "." + id
			}
			c.ID = b.slugs.unique(id)
		}
		b.assignIDs(c, c.ID)
	}
}

// styleKeys tell apart sections of different styles with the same number
// in generated IDs.
var styleKeys = map[Style]string{
	StyleCloseParen: "r", StyleParen: "p", StyleCircled: "m", StyleKatakana: "k",
	StyleParenKatakana: "pk", StyleKanji: "g", StyleChapter: "ch", StyleDivision: "d",
	StyleArticle: "a", StyleAppendix: "t", StyleSupplement: "f",
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return strings.TrimSpace(s[:i])
	}
	return strings.TrimSpace(s)
}

// DumpTree writes the section tree one section per line, indented by
// depth: line, label, style, title, ID and level. Tests compare it with
// golden files; people read it when a tree looks wrong.
func (d *Document) DumpTree() string {
	var b strings.Builder
	var walk func(s *Section, depth int)
	walk = func(s *Section, depth int) {
		if s.Kind != KindRoot {
			label := s.Label
			if label == "" {
				label = "-"
			}
			if s.Kind == KindImplicit {
				label = "(第1項)"
			}
			fmt.Fprintf(&b, "%s%d %s [%s] %s #%s L%d\n", strings.Repeat("  ", depth), s.Line, label, s.Style, s.Title, s.ID, s.Level)
		}
		for _, c := range s.Children {
			walk(c, depth+1)
		}
	}
	walk(d.Root, -1)
	return b.String()
}
