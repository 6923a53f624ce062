package policy

import (
	"fmt"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"github.com/policyctl/policyctl/internal/i18n"
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
	// Provisional is set for a provision numbered 第?条: inserted, its
	// number left to policyctl renumber. Its Number is 0.
	Provisional bool
	// deleted is set for 第2条　削除: its text is 削除 alone.
	deleted bool
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

// StartsAtOne reports whether a file's run of articles (or chapters)
// begins its own numbering rather than going on from the file before it
// in its tier: its first provision with a number of its own is 第1条.
// Provisions typed 第?条 are passed over, so that an article inserted
// before 第1条 does not make the file look like a continuation; a run of
// nothing but 第?条 goes on from the file before it.
func StartsAtOne(run []*Section) bool {
	for _, s := range run {
		if s.Provisional {
			continue
		}
		return s.Number.N == 1 && len(s.Number.Sub) == 0
	}
	return false
}

// Deleted reports whether the section is the placeholder of a deleted
// provision, 第2条　削除, kept so that the numbers after it stay.
func (s *Section) Deleted() bool { return s.deleted }

// Path returns the sections from the root's child down to s.
func (s *Section) Path() []*Section {
	n := 0
	for x := s; x != nil && x.Kind != KindRoot; x = x.Parent {
		n++
	}
	p := make([]*Section, n) // one allocation, not one per level
	for x := s; n > 0; x = x.Parent {
		n--
		p[n] = x
	}
	return p
}

// Outline writes the numbers from the outermost numbered ancestor down to s
// the way Japanese documents cite them: "6(3)①", "第5条第2項第3号".
func (s *Section) Outline() string { return s.outline(false) }

// outline writes the path of numbers; shown, a provision typed 第?条
// reads as written, not as the number 0 it holds until renumbered.
func (s *Section) outline(shown bool) string {
	var b strings.Builder
	path := s.Path()
	prevDot := false // the number written last is a 1. of its own
	for i, x := range path {
		if !x.Numbered() {
			continue
		}
		n := b.Len()
		switch {
		case shown && x.Provisional && !(x.Style.Group() && i < len(path)-1 && !s.Style.Group()):
			b.WriteString(x.Label)
		case x.Style.Group() && i < len(path)-1 && !s.Style.Group():
			// Articles and 別表 are numbered through the whole document and
			// cited without their chapter: 第5条, not 第2章第5条.
		case x.SoleClause():
			// An article's first 項 is cited by number only when the
			// article has more than one: 第1条第1項, 第1条第1項第2号;
			// in an article of one 項, its items are 第1条第2号.
		case x.Style == StyleClause:
			b.WriteString(x.Style.Label(x.Number))
		case x.Parent != nil && x.Parent.Style == StyleClause && (x.Style == StyleParen || x.Style == StyleKanji):
			b.WriteString("第" + x.Number.Key() + "号")
		case x.Style == StyleDot:
			if prevDot {
				// 1. under 2.: 2.1, never 21.
				b.WriteByte('.')
			}
			b.WriteString(x.Number.Key())
		default:
			b.WriteString(x.Style.Label(x.Number))
		}
		if b.Len() > n {
			prevDot = x.Style == StyleDot
		}
	}
	return b.String()
}

// Clauses counts the 項 of an article, its unnumbered first included.
func (s *Section) Clauses() int {
	n := 0
	for _, c := range s.Children {
		if c.Style == StyleClause {
			n++
		}
	}
	return n
}

// SoleClause reports whether s is the first 項 of an article that has no
// other: it is then cited as the article (第1条第2号), never by number.
func (s *Section) SoleClause() bool {
	if s.Kind != KindImplicit || s.Parent == nil {
		return false
	}
	for _, c := range s.Parent.Children {
		if c != s && c.Style == StyleClause {
			return false
		}
	}
	return true
}

// Display is a short human description: "6(3) 情報システム全体の強靱性の向上".
func (s *Section) Display() string {
	t := s.Title
	if r := []rune(t); len(r) > 30 {
		t = string(r[:30]) + "…"
	}
	o := s.outline(true)
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
	// captionNode is the paragraph the caption was written in.
	captionNode ast.Node
	slugs       slugger
}

func buildTree(d *Document) *Section {
	root := &Section{Kind: KindRoot, Doc: d, Level: d.Level, Line: d.BodyLine + 1, Col: 1}
	b := &treeBuilder{doc: d, stack: []*Section{root}, slugs: newSlugger()}
	b.blocks(d.AST)
	b.assignIDs(root, "")
	return root
}

func (b *treeBuilder) top() *Section { return b.stack[len(b.stack)-1] }

// inArticle reports whether a bare number opens a 項 here: inside an
// article, or inside a 附則 whose provisions are numbered 1, 2, 3.
func (b *treeBuilder) inArticle() bool {
	for _, s := range b.stack {
		if s.Style == StyleArticle || s.Style == StyleSupplement {
			return true
		}
	}
	return false
}

// nextClause is the number the next 項 of the innermost open article or
// 附則 would carry, or 0 outside them.
func (b *treeBuilder) nextClause() int {
	for i := len(b.stack) - 1; i > 0; i-- {
		s := b.stack[i]
		if s.Style != StyleArticle && s.Style != StyleSupplement {
			continue
		}
		last := 0
		for _, c := range s.Children {
			if c.Style == StyleClause {
				last = c.Number.N
			}
		}
		return last + 1
	}
	return 0
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
	s := &Section{Kind: kind, Style: nb.Style, Number: nb.Num, Label: nb.Label, Title: firstLine(nb.Rest), Node: n, Doc: b.doc, Provisional: nb.Provisional}
	s.deleted = nb.Style != StyleNone && strings.TrimSpace(nb.Rest) == Deleted
	s.Offset = n.Pos()
	s.Line, s.Col = b.doc.bodyLineCol(s.Offset)
	s.Level = b.doc.LevelAt(s.Offset)
	return s
}

func (b *treeBuilder) heading(h *ast.Heading) {
	text := markdown.PlainText(h, b.doc.Body())
	nb, ok := parseHeadingNumber(text)
	if !ok {
		nb = numbered{Rest: text}
	} else {
		b.order(&nb)
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
		if ok {
			b.order(&nb)
		}
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
	lines := p.Lines()
	if lines.Len() == 0 {
		b.caption = ""
		return
	}
	body := b.doc.Body()
	first := lineText(body, lines.At(0))
	// A caption written on the line just above its article, （目的）, is
	// a paragraph of its own, as if a blank line followed it.
	if lines.Len() > 1 {
		if c, ok := parseCaption(first); ok && b.opensArticle(lineText(body, lines.At(1))) && b.split(p, 1) != nil {
			b.caption, b.captionNode = c, p
			return
		}
	}
	// Most paragraphs carry no number: tell from the raw first line before
	// extracting the text. MayBeNumbered admits "(" and "（", so caption
	// lines get through.
	var nb numbered
	ok := false
	// **第1条**　…: a label set in bold or italics (Word's conversions
	// write it so) is the label; the text read is without the markup.
	if MayBeNumbered(strings.TrimLeft(first, "*_")) {
		text := markdown.PlainText(p, body)
		nb, ok = b.opening(text, p.Pos())
	}
	if !ok {
		if c, isCap := parseCaption(first); isCap && lines.Len() == 1 {
			b.caption, b.captionNode = c, p
		} else {
			b.caption = ""
		}
		b.splitLines(p)
		return
	}
	s := b.newSection(KindParagraph, p, nb)
	if s.Style == StyleArticle && b.caption != "" {
		s.Title = b.caption
		if b.doc.captions == nil {
			b.doc.captions = map[ast.Node]*Section{}
		}
		b.doc.captions[b.captionNode] = s
	}
	b.caption = ""
	if s.Style == StyleSupplement || s.Style == StyleAppendix {
		// A 附則 follows the main provisions, and every 附則 of an amendment
		// the one before: it closes every numbered section. So does a 別表
		// written as a paragraph (別表第1（第2条関係）), which stands
		// after the articles, not in their last 項.
		for len(b.stack) > 1 && (b.top().Numbered() || b.top().Kind != KindHeading) {
			b.stack = b.stack[:len(b.stack)-1]
		}
		b.push(s)
	} else if !b.attachSibling(s) {
		b.push(s)
	}
	// ２・３　（略）: the provisions an excerpt elides stand in one block;
	// each is a section of its own, so that 第3項 still resolves.
	for n := nb.Num.N + 1; n <= nb.Through; n++ {
		more := nb
		more.Num = Number{N: n}
		m := b.newSection(KindParagraph, p, more)
		if !b.attachSibling(m) {
			b.push(m)
		}
	}
	b.splitLines(p)
}

// opening reads the number that opens a paragraph, deciding what the
// lexer leaves open: the order of a katakana letter, and whether a bare
// number with no space after it (２職員等は) is the next 項.
func (b *treeBuilder) opening(text string, off int) (numbered, bool) {
	in := b.inArticle()
	nb, ok := parseNumbered(text, in, false)
	if !ok && in {
		next := b.nextClause()
		if t, tok := parseNumbered(text, true, true); tok && t.Style == StyleClause && t.Num.N == next {
			nb, ok = t, true
		} else if n, isNum := tightNumber(text); isNum && n == next {
			b.ambiguous(off, text, next)
		}
	}
	if !ok {
		return nb, false
	}
	b.order(&nb)
	if nb.Style == StyleCircled && in && nb.Num.N >= 2 && nb.Num.N == b.nextClause() && b.open(StyleCircled) == nil {
		// ② for 第2項, as older 例規 number their 項.
		nb.Style = StyleClause
	}
	return nb, true
}

// order decides whether a katakana letter counts in the 五十音 order
// (ア, イ, ウ) or the いろは order of a 例規's 号の細分 (イ, ロ, ハ): an open
// sequence decides; otherwise イ inside an article begins いろは.
func (b *treeBuilder) order(nb *numbered) {
	if nb.Style != StyleKatakana || nb.Kana == 0 {
		return
	}
	set := func(style Style) bool {
		n := KanaNumber(style, nb.Kana)
		if n == 0 {
			return false
		}
		nb.Style, nb.Num = style, Number{N: n}
		return true
	}
	for i := len(b.stack) - 1; i > 0; i-- {
		switch b.stack[i].Style {
		case StyleIroha:
			if set(StyleIroha) {
				return
			}
		case StyleKatakana:
			if set(StyleKatakana) {
				return
			}
		}
	}
	if nb.Kana != 'ア' && b.inArticle() || KanaNumber(StyleKatakana, nb.Kana) == 0 {
		set(StyleIroha)
		return
	}
	set(StyleKatakana)
}

// open returns the innermost open section of a style, or nil.
func (b *treeBuilder) open(style Style) *Section {
	for i := len(b.stack) - 1; i > 0; i-- {
		if b.stack[i].Style == style {
			return b.stack[i]
		}
	}
	return nil
}

// opensArticle reports whether a line opens an article: 第1条　…
func (b *treeBuilder) opensArticle(line string) bool {
	nb, ok := parseNumbered(line, false, false)
	return ok && nb.Style == StyleArticle && !nb.Tight
}

// splitLines looks at the lines of a paragraph after its first: where a
// line opens a provision — Word pastes 条, 項 and 号 on consecutive lines
// — the paragraph is split there, exactly as if a blank line stood before
// it, and the rest is read as a block of its own when the walk reaches it.
func (b *treeBuilder) splitLines(p *ast.Paragraph) {
	body := b.doc.Body()
	lines := p.Lines()
	for k := 1; k < lines.Len(); k++ {
		line := lineText(body, lines.At(k))
		if c, ok := parseCaption(line); ok && c != "" && k+1 < lines.Len() && b.opensArticle(lineText(body, lines.At(k+1))) {
			if b.split(p, k) != nil {
				return
			}
			continue
		}
		if b.opensProvision(line, lines.At(k).Start) && b.split(p, k) != nil {
			return
		}
	}
}

// opensProvision decides whether a line inside a paragraph opens a
// provision. A number that fits the open sequences does; one that could
// be a number or text is reported, with the fix, and read as text.
func (b *treeBuilder) opensProvision(line string, off int) bool {
	if !MayBeNumbered(line) {
		return false
	}
	in := b.inArticle()
	nb, ok := parseNumbered(line, in, in)
	if !ok {
		if n, isNum := tightNumber(line); in && isNum && n == b.nextClause() {
			b.ambiguous(off, line, n)
		}
		return false
	}
	b.order(&nb)
	switch nb.Style {
	case StylePart, StyleChapter, StyleDivision, StyleSubsection, StyleSubdivision, StyleArticle:
		return !nb.Tight
	case StyleSupplement, StyleAppendix, StyleForm:
		return !nb.Tight || strings.HasPrefix(nb.Rest, "(") || strings.HasPrefix(nb.Rest, "（")
	case StyleClause:
		next := b.nextClause()
		if nb.Num.N == next {
			return true
		}
		if !nb.Tight {
			b.ambiguous(off, line, next)
		}
		return false
	case StyleCircled:
		if in && nb.Num.N >= 2 && nb.Num.N == b.nextClause() && b.open(StyleCircled) == nil {
			return true
		}
	}
	if b.fits(nb) {
		return true
	}
	if !nb.Tight {
		b.ambiguous(off, line, 0)
	}
	return false
}

// fits reports whether a number continues an open sequence of its style,
// or begins a new one.
func (b *treeBuilder) fits(nb numbered) bool {
	if nb.Num.N == 1 && len(nb.Num.Sub) == 0 {
		return true
	}
	if s := b.open(nb.Style); s != nil {
		if s.Number.N+1 == nb.Num.N {
			return true
		}
		// 二の二 after 二, 二の三 after 二の二: a branch inserted after it.
		return nb.Num.N == s.Number.N && len(nb.Num.Sub) > 0 && (len(s.Number.Sub) == 0 || nb.Num.Sub[0] > s.Number.Sub[0])
	}
	return false
}

// ambiguous reports a line that opens with what may be a number or the
// start of its text. next is the 項 number expected there, or 0.
func (b *treeBuilder) ambiguous(off int, line string, next int) {
	l, _ := Lex(strings.TrimLeft(line, " \t　"), 0)
	shown := strings.TrimLeft(line, " \t　")
	if l.End > 0 && l.End <= len(shown) {
		shown = shown[:l.End]
	}
	what, fix := "a provision", "the provision"
	if next > 0 {
		what, fix = fmt.Sprintf("第%d項", next), fmt.Sprintf("第%d項", next)
		if n, ok := tightNumber(strings.TrimLeft(line, " \t　")); !ok || n != next {
			if l.Kind != LabelDigits || l.Num.N != next {
				what = i18n.Sprintf("a 項 (the next is 第%d項)", next)
			}
		}
	}
	b.doc.addFinding(RuleNumberingAmbiguous, Warning, b.doc.BodyStart+off,
		i18n.Sprintf("this line starts with %s, which may open %s or continue the text; policyctl reads it as text", shown, what),
		i18n.Sprintf("to open %s, put a blank line before the line and a space after the number; otherwise rewrap so the line does not start with a number", fix))
}

// split cuts a paragraph before its k-th line (k ≥ 1): the lines from k
// on, and the inline nodes written on them, move to a new paragraph
// inserted after p. It returns the new paragraph, or nil (and changes
// nothing) when markup such as a link runs across the line break.
func (b *treeBuilder) split(p *ast.Paragraph, k int) *ast.Paragraph {
	np := splitParagraph(p, k)
	if np != nil {
		b.doc.splits = append(b.doc.splits, np.Lines().At(0).Start)
	}
	return np
}

func splitParagraph(p *ast.Paragraph, k int) *ast.Paragraph {
	lines := p.Lines()
	if k <= 0 || k >= lines.Len() || p.Parent() == nil {
		return nil
	}
	at := lines.At(k).Start
	var cut ast.Node // the first inline node of the new paragraph
	for c := p.FirstChild(); c != nil; c = c.NextSibling() {
		start, stop, ok := inlineSpan(c)
		if !ok {
			continue
		}
		if start >= at {
			cut = c
			break
		}
		if stop > at {
			return nil // a link or emphasis across the line break
		}
	}
	if cut == nil {
		return nil
	}
	np := ast.NewParagraph()
	keep, move := text.NewSegments(), text.NewSegments()
	for i := 0; i < lines.Len(); i++ {
		if i < k {
			keep.Append(lines.At(i))
		} else {
			move.Append(lines.At(i))
		}
	}
	p.SetLines(keep)
	np.SetLines(move)
	for c := cut; c != nil; {
		next := c.NextSibling()
		p.RemoveChild(p, c)
		np.AppendChild(np, c)
		c = next
	}
	// The line break that ended the paragraph's last line is now the
	// paragraph's end, as with a blank line after it.
	if t, ok := p.LastChild().(*ast.Text); ok {
		t.SetSoftLineBreak(false)
		t.SetHardLineBreak(false)
	}
	p.Parent().InsertAfter(p.Parent(), p, np)
	return np
}

// inlineSpan is the range of source an inline node and its children were
// read from, or false for a node that carries no source (it then goes
// with its neighbours).
func inlineSpan(n ast.Node) (int, int, bool) {
	start, stop, ok := 0, 0, false
	add := func(a, z int) {
		if !ok || a < start {
			start = a
		}
		if !ok || z > stop {
			stop = z
		}
		ok = true
	}
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *ast.Text:
			add(t.Segment.Start, t.Segment.Stop)
		case *ast.String:
		case *ast.RawHTML:
			for i := 0; i < t.Segments.Len(); i++ {
				seg := t.Segments.At(i)
				add(seg.Start, seg.Stop)
			}
		}
		return ast.WalkContinue, nil
	})
	return start, stop, ok
}

// lineText is a paragraph line without its indentation and line end.
func lineText(body []byte, seg text.Segment) string {
	return strings.TrimRight(strings.TrimLeft(string(seg.Value(body)), " \t　"), "\r\n")
}

// SplitLines splits the paragraphs of root — an AST parsed again from
// this document's body, as a renderer does — where the section tree split
// them, so that every provision the model found on a line of its own is a
// block of its own there too.
func (d *Document) SplitLines(root ast.Node) {
	if len(d.splits) == 0 {
		return
	}
	at := map[int]bool{}
	for _, off := range d.splits {
		at[off] = true
	}
	var paras []*ast.Paragraph
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if p, ok := n.(*ast.Paragraph); ok && entering && p.Lines().Len() > 1 {
			paras = append(paras, p)
		}
		return ast.WalkContinue, nil
	})
	for _, p := range paras {
		for k := 1; k < p.Lines().Len(); k++ {
			if at[p.Lines().At(k).Start] {
				if np := splitParagraph(p, k); np != nil {
					p, k = np, 0
				}
			}
		}
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
	StyleArticle: "a", StyleAppendix: "t", StyleSupplement: "f", StylePart: "pt",
	StyleSubsection: "ss", StyleSubdivision: "sd", StyleIroha: "i", StyleParenRoman: "pr", StyleForm: "b",
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

// Article finds the article numbered n in the document's main provisions
// (not its 附則's), or nil.
func (d *Document) Article(n Number) *Section {
	for _, s := range d.Sections() {
		if s.Style == StyleArticle && s.Number.Equal(n) && !s.InSupplement() {
			return s
		}
	}
	return nil
}

// InSupplement reports whether the section stands in a 附則.
func (s *Section) InSupplement() bool {
	for p := s.Parent; p != nil; p = p.Parent {
		if p.Style == StyleSupplement {
			return true
		}
	}
	return false
}

// Child finds the 項 (unit 項) or 号 (unit 号) numbered n of a provision:
// an article's 号 are those of its first 項.
func (s *Section) Child(unit rune, n Number) *Section {
	if unit == '号' && s.Style == StyleArticle && len(s.Children) > 0 && s.Children[0].Kind == KindImplicit {
		s = s.Children[0]
	}
	for _, c := range s.Children {
		switch {
		case unit == '項' && c.Style == StyleClause && c.Number.Equal(n):
			return c
		case unit == '号' && (c.Style == StyleParen || c.Style == StyleKanji) && c.Number.Equal(n):
			return c
		}
	}
	return nil
}
