package render

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/policyctl/policyctl/internal/markdown"
	"github.com/policyctl/policyctl/internal/policy"
)

// Directives are the HTML comments by which a document asks for generated
// content; on GitHub they are invisible.
const (
	DirectiveHistory = "<!-- policyctl:history -->"
	DirectiveEdition = "<!-- policyctl:edition -->"
)

// Links maps what a document links to onto the site.
type Links interface {
	// Page returns the URL of the page of a document, relative to the page
	// of document from; "" when the document is not in the edition.
	Page(from, to *policy.Document) string
	// File returns the URL of a repository file (an image), relative to the
	// page of document from; "" when the file is not published.
	File(from *policy.Document, path string) string
}

// Extras are the generated parts a document's directives ask for.
type Extras struct {
	// History is the 改訂履歴, rendered.
	History template.HTML
	// Edition names the edition: 令和7年度改訂版.
	Edition string
}

// TOCEntry is one heading of a document's table of contents.
type TOCEntry struct {
	ID    string
	Title string
	Level int // 1 for the document's top headings
}

// Page is a rendered document.
type Page struct {
	HTML template.HTML
	TOC  []TOCEntry
}

var (
	engineOnce sync.Once
	engine     goldmark.Markdown
)

// md is the goldmark engine for pages: the policy configuration plus the
// renderers below. It keeps no state per document, so pages render in
// parallel: everything a page needs is put into its AST first.
func md() goldmark.Markdown {
	engineOnce.Do(func() {
		engine = markdown.New(markdown.WithExtension(pageRenderers{}))
	})
	return engine
}

// Document renders one document of an edition model. Headings move one
// level down (the page's h1 is the document's title), carry the section
// IDs of the edition and a permalink; numbered paragraphs and items carry
// their IDs; textual references become links; directives are filled.
func Document(m *EditionModel, refs References, d *policy.Document, links Links, x Extras) (p *Page, err error) {
	defer func() {
		// A renderer bug must stop one page with an error, not the process.
		if r := recover(); r != nil {
			p, err = nil, fmt.Errorf("render: %s: %v", d.Path, r)
		}
	}()
	ed := m.repo
	body := d.Body()
	// The AST is parsed again for rendering: the model's AST is shared and
	// must not change.
	doc := md().Parser().Parse(text.NewReader(body))
	// Provisions the model found on lines of their own inside a paragraph
	// (a Word paste) are blocks of their own here too.
	d.SplitLines(doc)
	// The model's sections carry the edition's IDs; their offsets hold in
	// this AST, parsed from the same bytes.
	byPos := map[int]*policy.Section{}
	nodes := map[int]ast.Node{}
	for _, s := range d.Sections() {
		if _, seen := byPos[s.Offset]; s.Kind != policy.KindImplicit && !seen {
			byPos[s.Offset] = s
		}
	}
	p = &Page{}
	// The page's h1 is the document's title; a first heading that repeats
	// it is not rendered again.
	if h, ok := doc.FirstChild().(*ast.Heading); ok && h.Level == 1 && strings.TrimSpace(markdown.PlainText(h, body)) == strings.TrimSpace(d.Meta.Title) {
		doc.RemoveChild(doc, h)
	}
	var rewrite []ast.Node
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			if s := byPos[n.Pos()]; s != nil {
				nodes[s.Offset] = n
				n.SetAttributeString("id", []byte(s.ID))
				lvl := n.Level
				p.TOC = append(p.TOC, TOCEntry{ID: s.ID, Title: headingText(n, body), Level: lvl})
			}
			n.Level = min(n.Level+1, 6)
		case *ast.Paragraph, *ast.ListItem:
			if s := byPos[n.Pos()]; s != nil && s.Kind != policy.KindHeading {
				nodes[s.Offset] = n
				n.SetAttributeString("id", []byte(s.ID))
				if c := provisionClass(s); c != "" {
					n.SetAttributeString("class", []byte(c))
				}
			} else if isCaption(n, body, byPos) {
				n.SetAttributeString("class", []byte("caption"))
			}
		case *ast.HTMLBlock:
			rewrite = append(rewrite, n)
		case *ast.Link, *ast.Image:
			rewrite = append(rewrite, n)
		}
		return ast.WalkContinue, nil
	})
	for _, n := range rewrite {
		switch n := n.(type) {
		case *ast.HTMLBlock:
			var raw strings.Builder
			for i := 0; i < n.Lines().Len(); i++ {
				seg := n.Lines().At(i)
				raw.Write(seg.Value(body))
			}
			switch strings.TrimSpace(raw.String()) {
			case DirectiveHistory:
				replace(n, &Generated{HTML: x.History})
			case DirectiveEdition:
				if x.Edition != "" {
					replace(n, &Generated{HTML: template.HTML(`<p class="edition">` + template.HTMLEscapeString(x.Edition) + `</p>`)})
				}
			}
		case *ast.Link:
			n.Destination = []byte(rewriteDest(m, d, string(n.Destination), links, false))
		case *ast.Image:
			n.Destination = []byte(rewriteDest(m, d, string(n.Destination), links, true))
		}
	}
	anchorShared(d, byPos, nodes)
	linkRefs(doc, body, d, refs, ed, links)
	markTerms(doc, d, refs, ed)
	var b bytes.Buffer
	b.Grow(2*len(body) + 4096) // the HTML of a page is about twice its Markdown
	if err := md().Renderer().Render(&b, body, doc); err != nil {
		return nil, fmt.Errorf("render: %s: %w", d.Path, err)
	}
	p.HTML = template.HTML(b.String())
	return p, nil
}

func headingText(h *ast.Heading, src []byte) string { return markdown.PlainText(h, src) }

// provisionClass names a 例規-style provision for the style sheet, which
// sets it as a 例規集 does: 条 and 項 with a hanging indent, 号 indented
// one character further, their 細分 another.
func provisionClass(s *policy.Section) string {
	switch {
	case s.Style == policy.StyleArticle:
		return "article"
	case s.Style == policy.StyleClause:
		return "clause"
	case s.Parent == nil:
		return ""
	case (s.Style == policy.StyleParen || s.Style == policy.StyleKanji) && s.Parent.Style == policy.StyleClause:
		return "item"
	case (s.Style == policy.StyleKatakana || s.Style == policy.StyleParenKatakana) && provisionClass(s.Parent) == "item":
		return "subitem"
	}
	return ""
}

// isCaption reports whether a paragraph is an article's caption: one line
// in brackets, （目的）, just before the article.
func isCaption(n ast.Node, body []byte, byPos map[int]*policy.Section) bool {
	next, ok := n.NextSibling().(*ast.Paragraph)
	if _, isPara := n.(*ast.Paragraph); !isPara || !ok || n.Lines().Len() != 1 {
		return false
	}
	if s := byPos[next.Pos()]; s == nil || s.Style != policy.StyleArticle {
		return false
	}
	seg := n.Lines().At(0)
	t := strings.TrimSpace(string(seg.Value(body)))
	return (strings.HasPrefix(t, "（") || strings.HasPrefix(t, "(")) && (strings.HasSuffix(t, "）") || strings.HasSuffix(t, ")"))
}

func replace(old, new ast.Node) {
	parent := old.Parent()
	if parent == nil {
		return
	}
	parent.ReplaceChild(parent, old, new)
}

// rewriteDest points a link or image at the site: a document's page, a
// published file, or (for anything the edition cannot contain) nothing.
func rewriteDest(m *EditionModel, d *policy.Document, dest string, links Links, image bool) string {
	dest = m.anchor(d, dest)
	if dest == "" {
		return ""
	}
	l, lerr := m.repo.ResolveLink(d, dest)
	if lerr != nil {
		return ""
	}
	frag := ""
	if i := strings.IndexByte(dest, '#'); i >= 0 {
		frag = dest[i:]
	}
	switch l.Kind {
	case policy.LinkExternal, policy.LinkFragment:
		return dest
	case policy.LinkDocument:
		if image {
			return ""
		}
		return links.Page(d, l.Doc) + frag
	}
	return links.File(d, l.Path)
}

// Generated is content policyctl generates into a page (the 改訂履歴 where
// a directive asks for it). Its HTML is built by policyctl, never taken from
// a document.
type Generated struct {
	ast.BaseBlock
	HTML template.HTML
}

// KindGenerated is the kind of Generated nodes.
var KindGenerated = ast.NewNodeKind("Generated")

// Kind implements ast.Node.
func (n *Generated) Kind() ast.NodeKind { return KindGenerated }

// Dump implements ast.Node.
func (n *Generated) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// pageRenderers drop raw HTML without a trace (goldmark would leave
// "<!-- raw HTML omitted -->"), write generated parts, and add permalinks.
type pageRenderers struct{}

func (pageRenderers) Extend(m goldmark.Markdown) {
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(pageRenderers{}, 100)))
}

func (pageRenderers) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	nothing := func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		return ast.WalkSkipChildren, nil
	}
	reg.Register(ast.KindHTMLBlock, nothing)
	reg.Register(ast.KindRawHTML, nothing)
	reg.Register(KindAnchor, renderAnchor)
	reg.Register(KindTermUse, renderTermUse)
	reg.Register(KindGenerated, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString(string(n.(*Generated).HTML))
		}
		return ast.WalkSkipChildren, nil
	})
	reg.Register(ast.KindHeading, func(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
		n := node.(*ast.Heading)
		if entering {
			fmt.Fprintf(w, "<h%d", n.Level)
			if n.Attributes() != nil {
				html.RenderAttributes(w, n, html.HeadingAttributeFilter)
			}
			_ = w.WriteByte('>')
			return ast.WalkContinue, nil
		}
		if id, ok := n.AttributeString("id"); ok {
			fmt.Fprintf(w, ` <a class="permalink" href="#%s" aria-label="この見出しへのリンク">#</a>`, template.HTMLEscapeString(string(id.([]byte))))
		}
		fmt.Fprintf(w, "</h%d>\n", n.Level)
		return ast.WalkContinue, nil
	})
}
