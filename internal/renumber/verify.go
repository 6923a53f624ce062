package renumber

import (
	"net/url"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"

	"github.com/policyctl/policyctl/internal/i18n"
	"github.com/policyctl/policyctl/internal/policy"
	"github.com/policyctl/policyctl/internal/ref"
)

// Verify checks the repository as the plan's edits (and any others made
// with them, such as Links) leave it, before anything is written: every
// provision carries the number the plan gave it, and every reference
// names the provisions it named before — by identity, not by number — or,
// if it named none, still names none. after must be the plan's Cur with
// edits applied (policy.Repo.With); afterRefs its references, or nil.
func (p *Plan) Verify(after *policy.Repo, edits []policy.Edit, afterRefs map[*policy.Document][]*ref.Ref) []Problem {
	if afterRefs == nil {
		afterRefs = ref.All(after)
	}
	var probs []Problem
	add := func(pos policy.Pos, msg string) {
		probs = append(probs, Problem{Pos: pos, Message: msg})
	}
	if len(after.Docs) != len(p.cur.Docs) {
		add(policy.Pos{File: "policyctl.yaml"}, i18n.T("the documents changed while renumbering"))
		return probs
	}
	// Provisions are the same provisions in the same order: only labels
	// and references change. A document the edits left alone is the same
	// model in both, its sections their own counterparts; it must not hold
	// a provision the plan renumbers.
	for c, n := range p.num {
		if !c.Number.Equal(n) && after.DocByPath(c.Doc.Path) == c.Doc {
			add(c.Doc.BodyPos(c.Offset), i18n.Sprintf("%s would read as %s, not %s, after the edits", c.Label, c.Style.Label(c.Number), c.Style.Label(n)))
		}
	}
	back := map[*policy.Section]*policy.Section{}
	for i, cd := range p.cur.Docs {
		ad := after.Docs[i]
		if cd.Root == nil || ad.Root == nil || ad == cd {
			continue
		}
		back[ad.Root] = cd.Root
		cs, as := cd.Sections(), ad.Sections()
		if len(cs) != len(as) {
			add(policy.Pos{File: cd.Path}, i18n.Sprintf("the edits would change the structure of the document (%d provisions before, %d after); renumber it by hand", len(cs), len(as)))
			continue
		}
		for k, c := range cs {
			a := as[k]
			back[a] = c
			if a.Style != c.Style {
				add(cd.BodyPos(c.Offset), i18n.Sprintf("%s would be read as another kind of provision after the edits; renumber it by hand", c.Label))
				continue
			}
			if n := p.number(c); !a.Number.Equal(n) {
				add(cd.BodyPos(c.Offset), i18n.Sprintf("%s would read as %s, not %s, after the edits", c.Label, a.Style.Label(a.Number), c.Style.Label(n)))
			}
		}
	}
	shifts := byFile(edits)
	for _, cd := range p.cur.Docs {
		ad := after.DocByPath(cd.Path)
		m := shifts[cd.Path]
		arefs := afterRefs[ad]
		if ad == cd && len(arefs) > 0 && len(p.refs[cd]) == len(arefs) && &arefs[0] == &p.refs[cd][0] {
			continue // the same document with the same references (resolveAgain)
		}
		for _, r := range p.refs[cd] {
			want, ok := p.identity[r]
			if !ok {
				continue
			}
			start := m.body(cd, ad, r.Start)
			end := m.body(cd, ad, r.End)
			var got []*policy.Section
			found := false
			for _, a := range arefs {
				if a.Start >= start && a.End <= end && !a.External {
					found = true
					for _, t := range a.Targets {
						if b, ok := back[t]; ok {
							t = b
						} else if after.DocByPath(t.Doc.Path) != t.Doc {
							t = nil // a provision of neither model
						}
						got = append(got, t)
					}
				}
			}
			switch {
			case want == nil && len(got) > 0:
				add(r.Pos, i18n.Sprintf("%s resolves to nothing now, and would point at %s after renumbering; correct it first", r.Text, describe(got)))
			case want == nil:
			case !found:
				add(r.Pos, i18n.Sprintf("%s would no longer read as a reference to %s; rewrite it by hand", r.Text, describe(want)))
			case !sameSet(got, want) && len(slices.DeleteFunc(slices.Clone(got), func(s *policy.Section) bool { return s == nil })) == 0:
				// No target, or only provisions that are new: the reference
				// would be ambiguous or point at what the change adds.
				add(r.Pos, i18n.Sprintf("%s would no longer point at %s: after renumbering it would be ambiguous or point at a provision the change adds; rewrite it by hand", r.Text, describe(want)))
			case !sameSet(got, want):
				add(r.Pos, i18n.Sprintf("%s would point at %s instead of %s; rewrite it by hand", r.Text, describe(got), describe(want)))
			}
		}
	}
	sort.SliceStable(probs, func(i, j int) bool { return lessPos(probs[i].Pos, probs[j].Pos) })
	return probs
}

func sameSet(a, b []*policy.Section) bool {
	in := map[*policy.Section]int{}
	for _, s := range a {
		in[s]++
	}
	for _, s := range b {
		if in[s] == 0 {
			return false
		}
		in[s]--
	}
	for _, n := range in {
		if n != 0 {
			return false
		}
	}
	return true
}

// shift maps offsets in a file as read to offsets after its edits.
type shift []policy.Edit

func byFile(edits []policy.Edit) map[string]shift {
	out := map[string]shift{}
	for _, e := range edits {
		out[e.File] = append(out[e.File], e)
	}
	for f, es := range out {
		sort.Slice(es, func(i, j int) bool { return es[i].Start < es[j].Start })
		out[f] = es
	}
	return out
}

// at maps a file offset: an offset inside an edit maps to the end of its
// new text.
func (s shift) at(off int) int {
	d := 0
	for _, e := range s {
		switch {
		case e.End <= off:
			d += len(e.New) - (e.End - e.Start)
		case e.Start < off:
			return e.Start + d + len(e.New)
		}
	}
	return off + d
}

// body maps a body offset of the document as read to one of the document
// after the edits.
func (s shift) body(before, after *policy.Document, off int) int {
	return s.at(before.BodyStart+off) - after.BodyStart
}

// outlineIn finds the outline number old in a link's text, written with
// ASCII or full-width digits and standing as a number of its own (the 3 of
// 上記3, not of 13, 3年 or the (3) of 上記2(3)), the first such: its
// offset and length, and now written the same way.
func outlineIn(text, old, now string) (int, int, string, bool) {
	if old == "" || old == now {
		return 0, 0, "", false
	}
	for _, v := range [][2]string{{old, now}, {wideOutline(old), wideOutline(now)}} {
		o := v[0]
		// The first that stands as a number of its own: 上記2(2) holds 2
		// twice, and it is the first, the section's, that is meant.
		for from := 0; from < len(text); {
			i := strings.Index(text[from:], o)
			if i < 0 {
				break
			}
			k := from + i
			before, _ := utf8.DecodeLastRuneInString(text[:k])
			after, _ := utf8.DecodeRuneInString(text[k+len(o):])
			if !unicode.IsDigit(before) && !unicode.IsDigit(after) && after != '年' && after != '日' && after != '月' && before != '(' && before != '（' {
				return k, len(o), v[1], true
			}
			from = k + len(o)
		}
	}
	return 0, 0, "", false
}

// wideOutline writes an outline number's digits and brackets full-width.
func wideOutline(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= '0' && r <= '9':
			return r - '0' + '０'
		case r == '(':
			return '（'
		case r == ')':
			return '）'
		}
		return r
	}, s)
}

// Links are the edits that keep Markdown links pointing at the headings
// whose IDs a renumbering changes: [脅威](#3-想定する脅威) becomes
// (#4-想定する脅威) when 3. becomes 4. after is the plan's Cur with its
// edits applied. The edits are in the files as read, like the plan's.
func (p *Plan) Links(after *policy.Repo) ([]policy.Edit, []Problem) {
	moved := map[*policy.Section]string{}
	now := map[*policy.Section]*policy.Section{}
	for i, cd := range p.cur.Docs {
		ad := after.Docs[i]
		if cd == ad || cd.Root == nil || ad.Root == nil {
			continue
		}
		cs, as := cd.Sections(), ad.Sections()
		if len(cs) != len(as) {
			continue // Verify says why
		}
		for k, c := range cs {
			if c.ID != as[k].ID && c.Kind != policy.KindImplicit {
				moved[c] = as[k].ID
				now[c] = as[k]
			}
		}
	}
	if len(moved) == 0 {
		return nil, nil
	}
	var edits []policy.Edit
	var probs []Problem
	for _, d := range p.cur.Docs {
		if d.AST == nil {
			continue
		}
		body := d.Body()
		_ = ast.Walk(d.AST, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			l, ok := n.(*ast.Link)
			if !entering || !ok {
				return ast.WalkContinue, nil
			}
			dest := string(l.Destination)
			if !strings.Contains(dest, "#") {
				return ast.WalkContinue, nil
			}
			link, lerr := p.cur.ResolveLink(d, dest)
			if lerr != nil || link.Fragment == "" || link.Doc == nil || link.Kind != policy.LinkFragment && link.Kind != policy.LinkDocument {
				return ast.WalkContinue, nil
			}
			sec := link.Doc.SectionByID(link.Fragment)
			if sec == nil {
				sec = link.Doc.SectionByID(policy.Slug(link.Fragment))
			}
			id, ok := moved[sec]
			if sec == nil || !ok {
				return ast.WalkContinue, nil
			}
			from := linkStart(n, body)
			i := strings.Index(string(body[from:]), "("+dest)
			hash := strings.IndexByte(dest, '#')
			if from < 0 || i < 0 || hash < 0 {
				probs = append(probs, Problem{Pos: d.BodyPos(max(from, 0)), Message: i18n.Sprintf("the link to #%s names a heading renumbering gives the ID #%s; the link could not be found in the text to rewrite it", link.Fragment, id)})
				return ast.WalkContinue, nil
			}
			at := from + i + 1 + hash + 1
			frag := id
			if strings.Contains(dest[hash+1:], "%") {
				frag = url.PathEscape(id)
			}
			edits = append(edits, policy.Edit{File: d.Path, Start: d.BodyStart + at, End: d.BodyStart + from + i + 1 + len(dest), New: frag})
			// The number the link's text writes follows too: [上記3](#3-…)
			// becomes [上記4](#4-…), [基本方針3](…#3-…) [基本方針4](…).
			if t, ok := l.FirstChild().(*ast.Text); ok && t.NextSibling() == nil && now[sec] != nil {
				text := string(t.Segment.Value(body))
				if k, n, nw, ok := outlineIn(text, sec.Outline(), now[sec].Outline()); ok && !namesArticle(text) {
					edits = append(edits, policy.Edit{File: d.Path, Start: d.BodyStart + t.Segment.Start + k, End: d.BodyStart + t.Segment.Start + k + n, New: nw})
				}
			}
			return ast.WalkContinue, nil
		})
	}
	return edits, probs
}

// linkStart finds where a link's text is written (goldmark keeps the
// positions of text, not of links), or -1.
func linkStart(n ast.Node, body []byte) int {
	off := -1
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			off = t.Segment.Start
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	if off < 0 || off > len(body) {
		return -1
	}
	return off
}

// Result is the repository as a plan leaves it, in memory.
type Result struct {
	// After is the repository with every edit made.
	After *policy.Repo
	// Files are the new bytes of each changed file.
	Files map[string][]byte
	// Edits are the plan's edits and those that keep links to renumbered
	// headings, in the files as read.
	Edits []policy.Edit
	// Refs are the references of After, resolved once.
	Refs map[*policy.Document][]*ref.Ref
	// Problems are what Verify found: a result with problems must not be
	// written.
	Problems []Problem

	// same and cur are the plan's match of the base to the working tree,
	// and the working tree, for BaseMatch.
	same map[*policy.Section]*policy.Section
	cur  *policy.Repo
}

// BaseMatch maps the sections of the base (Input.Base) to After's — the
// provisions renumber followed — or is nil without a base. It is made
// when asked: only a check of the result against the base needs it.
func (res *Result) BaseMatch() map[*policy.Section]*policy.Section {
	return baseMatch(res.same, res.cur, res.After)
}

// Apply makes the plan's edits in memory, adds the edits that keep Markdown
// links to renumbered headings (Links) and verifies the result (Verify).
func (p *Plan) Apply() (*Result, error) {
	res := &Result{Edits: append([]policy.Edit(nil), p.Edits...), Problems: append([]Problem(nil), p.Problems...), same: p.same, cur: p.cur}
	after, files, err := Edit(p.cur, res.Edits)
	if err != nil {
		return nil, err
	}
	links, probs := p.Links(after)
	res.Problems = append(res.Problems, probs...)
	if len(links) > 0 {
		res.Edits = append(res.Edits, links...)
		if after, files, err = Edit(p.cur, res.Edits); err != nil {
			return nil, err
		}
	}
	res.After, res.Files = after, files
	res.Refs = p.resolveAgain(after)
	res.Problems = append(res.Problems, p.Verify(after, res.Edits, res.Refs)...)
	sort.SliceStable(res.Problems, func(i, j int) bool { return lessPos(res.Problems[i].Pos, res.Problems[j].Pos) })
	return res, nil
}

// baseMatch composes the plan's match of the base to the working tree
// with the working tree's sections to after's: a document the edits
// changed has the same provisions in the same order (Verify refuses
// otherwise), one they left alone is the same model.
func baseMatch(same map[*policy.Section]*policy.Section, cur, after *policy.Repo) map[*policy.Section]*policy.Section {
	if same == nil || len(after.Docs) != len(cur.Docs) {
		return nil
	}
	fwd := map[*policy.Section]*policy.Section{}
	for i, cd := range cur.Docs {
		ad := after.Docs[i]
		if cd.Root == nil || ad.Root == nil || ad == cd {
			continue
		}
		fwd[cd.Root] = ad.Root
		cs, as := cd.Sections(), ad.Sections()
		if len(cs) != len(as) {
			return nil
		}
		for k, c := range cs {
			fwd[c] = as[k]
		}
	}
	out := make(map[*policy.Section]*policy.Section, len(same))
	for o, c := range same {
		if a, ok := fwd[c]; ok {
			out[o] = a
		} else {
			out[o] = c
		}
	}
	return out
}

// Edit makes edits to the documents of r in memory: the repository as it
// would be, and the new bytes of each changed document.
func Edit(r *policy.Repo, edits []policy.Edit) (*policy.Repo, map[string][]byte, error) {
	files := map[string][]byte{}
	for f, es := range byFile(edits) {
		d := r.DocByPath(f)
		if d == nil {
			return nil, nil, i18n.Errorf("renumber: %s is not a document", f)
		}
		b, err := policy.Apply(d.Source, es)
		if err != nil {
			return nil, nil, err
		}
		if string(b) != string(d.Source) {
			files[f] = b
		}
	}
	after, err := r.With(files)
	return after, files, err
}

// resolveAgain resolves the references of after, the plan's Cur with its
// edits made, from Cur's where they cannot differ (ref.Derive).
func (p *Plan) resolveAgain(after *policy.Repo) map[*policy.Document][]*ref.Ref {
	return ref.Derive(p.cur, p.refs, after)
}

// Resolve resolves the references of some documents of r, spread over
// the cores: each document resolves on its own. All of them (docs nil)
// is the model's one resolution (ref.All), which the check of the same
// model — the base's, for ref/renumbered — then shares.
func Resolve(r *policy.Repo, docs []*policy.Document) map[*policy.Document][]*ref.Ref {
	if docs == nil {
		return ref.All(r)
	}
	return ref.ResolveDocs(r, docs)
}
