package render

import (
	"encoding/binary"
	"html/template"

	"github.com/yuin/goldmark/ast"

	"github.com/policyctl/policyctl/internal/cache"
	"github.com/policyctl/policyctl/internal/policy"
)

// CachedDocument is Document, taking the page from c when a page was
// rendered before from the same inputs, and keeping it there otherwise.
// Archived revisions never change, so their pages are rendered once.
//
// A page is published as it is taken: its entry is sealed (GetSealed), so
// that one planted in the cache folder — which CI restores from a cache
// other jobs may write — is never taken for a page this build rendered.
func CachedDocument(c *cache.Cache, m *EditionModel, refs References, d *policy.Document, links Links, x Extras) (*Page, error) {
	if c == nil {
		return Document(m, refs, d, links, x)
	}
	k := pageKey(m, refs, d, links, x)
	if b, ok := c.GetSealed(k); ok {
		if p, ok := decodePage(b); ok {
			return p, nil
		}
	}
	p, err := Document(m, refs, d, links, x)
	if err != nil {
		return nil, err
	}
	c.PutSealed(k, encodePage(p))
	return p, nil
}

// encodePage writes a page as length-prefixed strings: a page is mostly
// HTML, which JSON would escape and unescape for nothing.
func encodePage(p *Page) []byte {
	b := make([]byte, 0, len(p.HTML)+64*len(p.TOC)+16)
	str := func(s string) {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	str(string(p.HTML))
	b = binary.AppendUvarint(b, uint64(len(p.TOC)))
	for _, t := range p.TOC {
		str(t.ID)
		str(t.Title)
		b = binary.AppendUvarint(b, uint64(t.Level))
	}
	return b
}

func decodePage(b []byte) (*Page, bool) {
	num := func() (uint64, bool) {
		n, w := binary.Uvarint(b)
		if w <= 0 {
			return 0, false
		}
		b = b[w:]
		return n, true
	}
	str := func() (string, bool) {
		n, ok := num()
		if !ok || n > uint64(len(b)) {
			return "", false
		}
		s := string(b[:n])
		b = b[n:]
		return s, true
	}
	html, ok := str()
	if !ok {
		return nil, false
	}
	n, ok := num()
	if !ok || n > uint64(len(b)) {
		return nil, false
	}
	p := &Page{HTML: template.HTML(html), TOC: make([]TOCEntry, n)}
	for i := range p.TOC {
		var lvl uint64
		if p.TOC[i].ID, ok = str(); !ok {
			return nil, false
		}
		if p.TOC[i].Title, ok = str(); !ok {
			return nil, false
		}
		if lvl, ok = num(); !ok {
			return nil, false
		}
		p.TOC[i].Level = int(lvl)
	}
	return p, len(b) == 0
}

// pageKey is the digest of everything Document reads: the document's bytes
// as the edition holds them and the levels it is parsed with; the edition;
// where each of its links and images leads in this edition; each of its
// references as resolved (position, target page, anchor and title); the
// uses of defined terms in it with their definitions; and the generated
// parts. (policyctl's own identity is part of every key.)
func pageKey(m *EditionModel, refs References, d *policy.Document, links Links, x Extras) cache.Key {
	ed := m.repo
	k := cache.NewKey("page")
	k.String(m.edition.Name).Int(len(m.edition.Levels))
	for _, l := range m.edition.Levels {
		k.String(l)
	}
	k.Int(len(ed.Config.Visibility))
	for _, l := range ed.Config.Visibility {
		k.String(l)
	}
	k.String(d.Path).Bytes(d.Source)
	k.String(string(x.History)).String(x.Edition)
	if d.AST != nil {
		_ = ast.Walk(d.AST, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if !entering {
				return ast.WalkContinue, nil
			}
			switch n := n.(type) {
			case *ast.Link:
				k.String("link").String(rewriteDest(m, d, string(n.Destination), links, false))
			case *ast.Image:
				k.String("image").String(rewriteDest(m, d, string(n.Destination), links, true))
			}
			return ast.WalkContinue, nil
		})
	}
	if refs != nil {
		for _, r := range refs.Doc(d) {
			k.String("ref").Int(r.Start).Int(r.End)
			if r.External || r.Problem != nil || len(r.Targets) == 0 {
				k.String("-")
				continue
			}
			t := r.Targets[0]
			k.Int(int(t.Kind)).String(t.ID).String(refTitle(r))
			if r.TargetDoc != d && r.TargetDoc != nil {
				to := ed.DocByPath(r.TargetDoc.Path)
				if to == nil {
					k.String("absent")
				} else {
					k.String(links.Page(d, to))
				}
			}
		}
		for _, u := range termUsesOf(ed, refs)[d] {
			k.String("term").Int(u.start).Int(u.end).String(u.title)
		}
	}
	return k.Sum()
}
