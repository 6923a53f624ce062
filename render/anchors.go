package render

import (
	"fmt"
	"html/template"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"

	"github.com/policyctl/policyctl/internal/policy"
)

// Anchor is an empty element that carries the id of a provision written
// inside another's block: the first 項 of an article shares the article's
// paragraph, so 第1条第1項 (#….a1.1) lands on an anchor at its start.
type Anchor struct {
	ast.BaseInline
	ID string
}

// KindAnchor is the kind of Anchor nodes.
var KindAnchor = ast.NewNodeKind("Anchor")

// Kind implements ast.Node.
func (n *Anchor) Kind() ast.NodeKind { return KindAnchor }

// Dump implements ast.Node.
func (n *Anchor) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

func renderAnchor(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		fmt.Fprintf(w, `<span id="%s" class="anchor"></span>`, template.HTMLEscapeString(n.(*Anchor).ID))
	}
	return ast.WalkSkipChildren, nil
}

var _ renderer.NodeRendererFunc = renderAnchor

// anchorImplicit gives every article's first 項 an element to land on: the
// article's first paragraph when the article is a heading and that
// paragraph has no id of its own, or an Anchor at the start of the
// article's block.
func anchorImplicit(d *policy.Document, nodes map[int]ast.Node) {
	for _, s := range d.Sections() {
		if s.Kind != policy.KindImplicit || s.Parent == nil {
			continue
		}
		n := nodes[s.Parent.Offset]
		if n == nil {
			continue
		}
		if _, ok := n.(*ast.Heading); ok {
			if p, ok := n.NextSibling().(*ast.Paragraph); ok {
				if _, has := p.AttributeString("id"); !has {
					p.SetAttributeString("id", []byte(s.ID))
					continue
				}
			}
		}
		target := n
		if li, ok := n.(*ast.ListItem); ok && li.FirstChild() != nil {
			target = li.FirstChild()
		}
		a := &Anchor{ID: s.ID}
		if first := target.FirstChild(); first != nil {
			target.InsertBefore(target, first, a)
		} else {
			target.AppendChild(target, a)
		}
	}
}
