package render

import (
	"bytes"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"github.com/policyctl/policyctl/internal/policy"
	"github.com/policyctl/policyctl/internal/ref"
)

// linkRefs turns resolved textual references into links: 「上記3」 links
// to section 3. References resolve against the edition's own model, so a
// link never points at content the edition does not hold.
func linkRefs(doc ast.Node, body []byte, d *policy.Document, refs References, ed *policy.Repo, links Links) {
	if refs == nil {
		return
	}
	rs := slices.Clone(refs.Doc(d))
	sort.Slice(rs, func(i, j int) bool { return rs[i].Start < rs[j].Start })
	texts := plainTexts(doc)
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
		if t.Segment.Start > r.Start {
			continue
		}
		var next *ast.Text
		last := i // the last text the reference runs into, across emphasis
		if t.Segment.Stop < r.End {
			switch {
			case i+1 < len(texts) && acrossLineBreak(t, texts[i+1], body, r.End):
				// 第3条 at the end of a line and 第2項 at the start of the
				// next: one reference across a soft line break, which the
				// page joins.
				next = texts[i+1]
			default:
				// **第2条**第1項: one reference, bold in part; each part is
				// linked. Any other markup between is left as text.
				var ok bool
				if last, ok = acrossEmphasis(texts, i, body, r.End); !ok {
					continue
				}
			}
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
		newLink := func() *ast.Link {
			link := ast.NewLink()
			link.Destination = []byte(url)
			link.Title = []byte(refTitle(r))
			link.SetAttributeString("class", []byte("ref"))
			return link
		}
		if next != nil {
			texts[i+1] = wrapTexts(t, next, r.Start, r.End, newLink())
			i++
			continue
		}
		for j := i; j <= last; j++ {
			seg := texts[j].Segment
			texts[j] = wrapText(texts[j], max(r.Start, seg.Start), min(r.End, seg.Stop), newLink())
		}
		i = last
	}
}

// acrossLineBreak reports whether a reference ending at end runs from t
// over t's soft line break into next, with nothing but the line break and
// indentation between them.
func acrossLineBreak(t, next *ast.Text, body []byte, end int) bool {
	if !t.SoftLineBreak() || t.NextSibling() != next || next.Segment.Start > end || next.Segment.Stop < end {
		return false
	}
	return len(bytes.TrimSpace(body[t.Segment.Stop:next.Segment.Start])) == 0
}

// acrossEmphasis reports whether a reference that begins in texts[i] and
// ends at end runs on into the texts after it with nothing between them
// but emphasis markers (**第2条**第1項), and returns the last of them.
func acrossEmphasis(texts []*ast.Text, i int, body []byte, end int) (int, bool) {
	j := i
	for texts[j].Segment.Stop < end {
		if j+1 >= len(texts) || texts[j].SoftLineBreak() || texts[j].HardLineBreak() || texts[j+1].Segment.Start >= end {
			return 0, false
		}
		gap := body[texts[j].Segment.Stop:texts[j+1].Segment.Start]
		if len(gap) == 0 || len(bytes.Trim(gap, "*_~")) > 0 {
			return 0, false
		}
		j++
	}
	return j, true
}

// wrapTexts is wrapText for a reference that begins in t and ends in next,
// the text after t's soft line break: the wrapper holds both parts, the
// line break between them kept.
func wrapTexts(t, next *ast.Text, start, end int, wrapper ast.Node) *ast.Text {
	parent := t.Parent()
	before := ast.NewTextSegment(text.NewSegment(t.Segment.Start, start))
	first := ast.NewTextSegment(text.NewSegment(start, t.Segment.Stop))
	first.SetSoftLineBreak(true)
	wrapper.AppendChild(wrapper, first)
	wrapper.AppendChild(wrapper, ast.NewTextSegment(text.NewSegment(next.Segment.Start, end)))
	after := ast.NewTextSegment(text.NewSegment(end, next.Segment.Stop))
	after.SetSoftLineBreak(next.SoftLineBreak())
	after.SetHardLineBreak(next.HardLineBreak())
	if before.Segment.Len() > 0 {
		parent.InsertBefore(parent, t, before)
	}
	parent.InsertBefore(parent, t, wrapper)
	parent.RemoveChild(parent, t)
	parent.ReplaceChild(parent, next, after)
	return after
}

// refTitle is a reference link's tooltip: the provision it points at, or
// for 前項各号, 第1号から第3号まで and other references to several, each of
// them — up to four, then how many more.
func refTitle(r *ref.Ref) string {
	const most = 4
	var parts []string
	for i, t := range r.Targets {
		if i == most {
			parts = append(parts, fmt.Sprintf("ほか%d", len(r.Targets)-most))
			break
		}
		parts = append(parts, t.Display())
	}
	return strings.Join(parts, "、")
}

// plainTexts lists, in order, the text nodes a reader sees as running
// text: not inside links, images, code or headings.
func plainTexts(doc ast.Node) []*ast.Text {
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
	return texts
}

// wrapText splits t around the bytes [start, end) of its segment and puts
// them into wrapper: the text before, the wrapper, the text after, which
// is returned (it keeps t's line break).
func wrapText(t *ast.Text, start, end int, wrapper ast.Node) *ast.Text {
	parent := t.Parent()
	seg := t.Segment
	before := ast.NewTextSegment(text.NewSegment(seg.Start, start))
	after := ast.NewTextSegment(text.NewSegment(end, seg.Stop))
	after.SetSoftLineBreak(t.SoftLineBreak())
	after.SetHardLineBreak(t.HardLineBreak())
	wrapper.AppendChild(wrapper, ast.NewTextSegment(text.NewSegment(start, end)))
	if before.Segment.Len() > 0 {
		parent.InsertBefore(parent, t, before)
	}
	parent.InsertBefore(parent, t, wrapper)
	parent.ReplaceChild(parent, t, after)
	return after
}

// References are the resolved references and the defined terms of an
// edition's documents, as the page renderer needs them.
type References interface {
	Doc(d *policy.Document) []*ref.Ref
	Terms() []*ref.Term
}

// EditionRefs gives the references of an edition of full. A document the
// edition holds unchanged, whose references all point at documents it also
// holds unchanged, takes them from the full model's resolution (resolved
// once, ref.All): the same bytes against the same targets. Any other —
// a document cut for the edition, or one citing a cut document or one the
// edition does not hold — is resolved against the edition itself, so a
// link never points at content the edition does not hold. Terms are always
// the edition's own: a definition it does not hold is never shown.
func EditionRefs(m *EditionModel, full *policy.Repo) References {
	return &editionRefs{m: m, full: full}
}

type editionRefs struct {
	m    *EditionModel
	full *policy.Repo
	own  struct {
		once sync.Once
		rs   *ref.Resolver
		mu   sync.Mutex
		docs map[*policy.Document][]*ref.Ref // resolved against the edition, once each
	}
}

func (e *editionRefs) Doc(d *policy.Document) []*ref.Ref {
	ed := e.m.repo
	if e.full != nil && e.full.DocByPath(d.Path) == d {
		rs := ref.All(e.full)[d]
		reuse := true
		for _, r := range rs {
			if r.External {
				continue
			}
			if r.Problem != nil || r.TargetDoc == nil || ed.DocByPath(r.TargetDoc.Path) != r.TargetDoc {
				reuse = false
				break
			}
		}
		if reuse {
			return slices.Clone(rs)
		}
	}
	e.own.once.Do(func() { e.own.rs, e.own.docs = ref.New(ed), map[*policy.Document][]*ref.Ref{} })
	e.own.mu.Lock()
	rs, ok := e.own.docs[d]
	e.own.mu.Unlock()
	if !ok {
		rs = e.own.rs.Doc(d)
		e.own.mu.Lock()
		e.own.docs[d] = rs
		e.own.mu.Unlock()
	}
	return slices.Clone(rs)
}

func (e *editionRefs) Terms() []*ref.Term { return ref.Terms(e.m.repo) }
