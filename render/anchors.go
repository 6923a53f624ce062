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

// anchorShared gives an element to every provision that shares a block
// with another: an article's first 項 lands on the article's first
// paragraph when the article is a heading and that paragraph has no id of
// its own, or on an Anchor at the start of the article's block; each
// provision of ２・３　（略） on an Anchor in their block.
func anchorShared(d *policy.Document, byPos map[int]*policy.Section, nodes map[int]ast.Node) {
	for _, s := range d.Sections() {
		var n ast.Node
		switch {
		case s.Kind == policy.KindImplicit && s.Parent != nil:
			n = nodes[s.Parent.Offset]
			if h, ok := n.(*ast.Heading); ok {
				if p, ok := h.NextSibling().(*ast.Paragraph); ok {
					if _, has := p.AttributeString("id"); !has {
						p.SetAttributeString("id", []byte(s.ID))
						continue
					}
				}
			}
		case byPos[s.Offset] != s:
			n = nodes[s.Offset]
		}
		if n == nil {
			continue
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
