package render

import (
	"sort"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"github.com/policyctl/policyctl/internal/policy"
	"github.com/policyctl/policyctl/internal/ref"
)

// linkRefs turns resolved textual references into links: 「上記3」 links
// to section 3. References resolve against the edition's own model, so a
// link never points at content the edition does not hold.
func linkRefs(doc ast.Node, body []byte, d *policy.Document, refs *ref.Resolver, ed *policy.Repo, links Links) {
	if refs == nil {
		return
	}
	rs := refs.Doc(d)
	sort.Slice(rs, func(i, j int) bool { return rs[i].Start < rs[j].Start })
	var texts []*ast.Text
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case ast.KindLink, ast.KindImage, ast.KindCodeSpan, ast.KindAutoLink, ast.KindHeading:
			return ast.WalkSkipChildren, nil
		}
		if t, ok := n.(*ast.Text); ok {
			texts = append(texts, t)
		}
		return ast.WalkContinue, nil
	})
	i := 0
	for _, r := range rs {
		if r.External || r.Problem != nil || len(r.Targets) == 0 || r.Targets[0].Kind == policy.KindRoot {
			continue // この規程 names the page it stands on
		}
		for i < len(texts) && texts[i].Segment.Stop <= r.Start {
			i++
		}
		if i == len(texts) {
			break
		}
		t := texts[i]
		if t.Segment.Start > r.Start || t.Segment.Stop < r.End {
			continue // the reference spans markup: leave it as text
		}
		target := r.Targets[0]
		url := "#" + target.ID
		if r.TargetDoc != d {
			to := ed.DocByPath(r.TargetDoc.Path)
			if to == nil {
				continue
			}
			url = links.Page(d, to) + "#" + target.ID
		}
		// Split the text node: before, the reference as a link, after.
		parent := t.Parent()
		seg := t.Segment
		before := ast.NewTextSegment(text.NewSegment(seg.Start, r.Start))
		inner := ast.NewTextSegment(text.NewSegment(r.Start, r.End))
		after := ast.NewTextSegment(text.NewSegment(r.End, seg.Stop))
		after.SetSoftLineBreak(t.SoftLineBreak())
		after.SetHardLineBreak(t.HardLineBreak())
		link := ast.NewLink()
		link.Destination = []byte(url)
		link.Title = []byte(target.Display())
		link.SetAttributeString("class", []byte("ref"))
		link.AppendChild(link, inner)
		if before.Segment.Len() > 0 {
			parent.InsertBefore(parent, t, before)
		}
		parent.InsertBefore(parent, t, link)
		parent.ReplaceChild(parent, t, after)
		texts[i] = after
	}
}
