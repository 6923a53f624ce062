// Package render produces editions of a policy and renders their documents
// to HTML. Edition is the one door through which content reaches any
// renderer, index or formatter: it removes every document, section and block
// the edition does not see, re-reads what remains from the remaining bytes
// alone, proves that the re-reading means what the full document meant, and
// hands out an EditionModel — a type of its own, so that the compiler, not
// careful callers, keeps the full model away from renderers.
package render

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"testing/fstest"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"golang.org/x/sync/errgroup"

	"github.com/policyctl/policyctl/internal/check"
	"github.com/policyctl/policyctl/internal/i18n"
	"github.com/policyctl/policyctl/internal/markdown"
	"github.com/policyctl/policyctl/internal/policy"
)

// EditionModel is the content of one edition: the documents it sees, each
// cut to the parts it sees and parsed again from those bytes; the files
// their visible text links to; and, for the tripwire, what was cut.
type EditionModel struct {
	edition  policy.Edition
	complete bool
	repo     *policy.Repo
	assets   map[string][]byte
	// cut and shown are the texts the edition must not and may contain.
	cut   []Excerpt
	shown []string
	// anchors rewrites, per edition document, a link destination with a
	// fragment to the id its target has in the edition (see anchorsOf).
	anchors map[*policy.Document]map[string]string
}

// Excerpt is a run of text and where it was written.
type Excerpt struct {
	Text string
	Pos  policy.Pos
	// Rev is the revision the text was cut from when it is not the
	// current one (an archived revision of the site).
	Rev string
}

// Edition returns edition e of r. An edition that does not see every level
// is refused while check reports any error that could make it show
// restricted content (check.Blocking), and fails when cutting would change
// the meaning of what remains or when visible text links to anything the
// edition cannot contain.
func Edition(r *policy.Repo, e policy.Edition) (*EditionModel, error) {
	m := &EditionModel{edition: e, complete: e.SeesAll(r.Config), assets: map[string][]byte{}}
	for _, d := range r.Docs {
		if d.AST == nil {
			return nil, i18n.Errorf("render: %s: the model was read without its Markdown; an edition needs the full parse", d.Path)
		}
		if !utf8.Valid(d.Source) {
			// Every edition: goldmark's renderer does not survive it.
			return nil, i18n.Errorf("render: %s: the file is not valid UTF-8 (policyctl check shows where); save it as UTF-8", d.Path)
		}
	}
	if !m.complete {
		if fs := check.Blocking(r); len(fs) > 0 {
			return nil, &RefusedError{Edition: e.Name, Findings: fs}
		}
	} else if fs := unknownLevels(r); len(fs) > 0 {
		// Even the edition that cuts nothing is refused while a level is
		// unknown: with a configuration of one level, it is the public
		// one, and what the author restricted would be in it.
		return nil, &RefusedError{Edition: e.Name, Findings: fs, Complete: true}
	}
	levels := r.Config.Visibility
	sees := func(level int) bool { return level >= 0 && level < len(levels) && e.Sees(levels[level]) }
	type result struct {
		full      *policy.Document
		cutting   cutting
		doc       *policy.Document
		src       []byte
		cut       []Excerpt
		shown     []string
		linkFiles []string
	}
	results := make([]result, len(r.Docs))
	var g errgroup.Group
	g.SetLimit(workers())
	for i, d := range r.Docs {
		g.Go(func() error {
			res := &results[i]
			res.full = d
			// A document whose visibility is missing or not a level of
			// this configuration is the most restricted level of it —
			// which a draft with one level (visibility: [public]) makes
			// public. An edition that cuts anything leaves it out.
			undeclared := !d.Meta.Present["visibility"] || r.Config.LevelIndex(d.Meta.Visibility) < 0
			if !sees(d.Level) || undeclared && !m.complete {
				res.cut = wholeDocument(d)
				return nil
			}
			cut := cutOf(d, sees)
			res.src, res.cutting = cut.src, cut
			if len(cut.removed) == 0 && d.AST != nil {
				// Nothing to cut: the document is its own edition.
				res.doc = d
			} else {
				res.doc = policy.ParseDocument(d.Path, cut.src, levels)
				for _, p := range res.doc.Parts {
					if !sees(p.Level) {
						return i18n.Errorf("render: %s: a part at level %q survived the %s edition's cut", d.Path, levels[p.Level], e.Name)
					}
				}
				if err := equivalent(d, res.doc, cut); err != nil {
					return err
				}
			}
			res.cut, res.shown = excerpts(d, sees)
			files, err := linkedFiles(r, res.doc, m.complete, e)
			res.linkFiles = files
			return err
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	files := fstest.MapFS{}
	if b, err := fs.ReadFile(r.FS, policy.ConfigFile); err == nil {
		files[policy.ConfigFile] = &fstest.MapFile{Data: b, Mode: 0o644}
	}
	out := &policy.Repo{Config: r.Config}
	for _, res := range results {
		m.cut = append(m.cut, res.cut...)
		m.shown = append(m.shown, res.shown...)
		if res.doc == nil {
			continue
		}
		out.Docs = append(out.Docs, res.doc)
		files[res.doc.Path] = &fstest.MapFile{Data: res.src, Mode: 0o644}
		for _, p := range res.linkFiles {
			if _, ok := m.assets[p]; ok {
				continue
			}
			b, err := fs.ReadFile(r.FS, p)
			if err != nil {
				return nil, fmt.Errorf("render: %s: %w", p, err)
			}
			m.assets[p] = b
			// A committed file is content the committees approved with the
			// page that links it (its digest is in the approval): its text
			// counts as shown. Any other file — never committed, changed on
			// disk since, the internal edition's own output — is content
			// nobody approved, in a format the tripwire may not read
			// (Shift_JIS, UTF-16, gzip, base64): an edition that cuts
			// publishes no such file.
			shown, err := committed(r.FS, p, b)
			if err != nil {
				return nil, fmt.Errorf("render: %s: %w", p, err)
			}
			if !shown && !m.complete {
				return nil, i18n.Errorf("render: %s links %s, which is not committed as it is on disk: the %s edition publishes only files committed as they are, approved with the page that links them; commit the file (or restore it with git checkout), or remove the link", res.doc.Path, p, e.Name)
			}
			if shown {
				m.shown = append(m.shown, string(b))
			}
			files[p] = &fstest.MapFile{Data: b, Mode: 0o644}
		}
	}
	m.shown = append(m.shown, r.Config.Title, r.Config.Organization.Name, r.Config.Site.Title)
	if !m.complete {
		eds := map[*policy.Document]*policy.Document{} // full → edition
		cuts := map[*policy.Document]cutting{}
		for _, res := range results {
			if res.doc != nil {
				eds[res.full], cuts[res.doc] = res.doc, res.cutting
			}
		}
		m.anchors = map[*policy.Document]map[string]string{}
		for _, res := range results {
			if res.doc != nil {
				m.anchors[res.doc] = anchorsOf(r, res.full, res.doc, eds, cuts)
			}
		}
	}
	sort.Slice(out.Docs, func(i, j int) bool { return out.Docs[i].Path < out.Docs[j].Path })
	out.FS = files
	m.repo = out
	return m, nil
}

// Name is the edition's name.
func (m *EditionModel) Name() string { return m.edition.Name }

// Edition is the edition this model is of.
func (m *EditionModel) Edition() policy.Edition { return m.edition }

// Complete reports whether the edition sees every level: nothing was cut.
func (m *EditionModel) Complete() bool { return m.complete }

// Repo is the edition's own model: its documents, its configuration and a
// file system holding only those documents' cut bytes and their assets.
func (m *EditionModel) Repo() *policy.Repo { return m.repo }

// Docs are the edition's documents, sorted by path.
func (m *EditionModel) Docs() []*policy.Document { return m.repo.Docs }

// Config is the configuration the edition was read with.
func (m *EditionModel) Config() *policy.Config { return m.repo.Config }

// Asset returns a file the edition contains (an image its text links to).
func (m *EditionModel) Asset(path string) ([]byte, bool) {
	b, ok := m.assets[path]
	return b, ok
}

// Assets lists the files the edition contains, sorted.
func (m *EditionModel) Assets() []string {
	out := make([]string, 0, len(m.assets))
	for p := range m.assets {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// RefusedError is returned when an edition cannot be built safely while
// check reports the findings it holds.
type RefusedError struct {
	Edition  string
	Findings []policy.Finding
	// Complete is set when the edition cuts nothing and is refused for
	// a level the configuration does not know.
	Complete bool
}

func (e *RefusedError) Error() string {
	return i18n.Sprintf("render: refusing to build the %s edition: %d error(s) could make it show restricted content (first: %s: %s %s)",
		e.Edition, len(e.Findings), e.Findings[0].Pos, e.Findings[0].Rule.ID, e.Findings[0].Message)
}

// committed reports whether a linked file's bytes are committed
// (policy.Committer); a file system that cannot say commits nothing.
func committed(fsys fs.FS, p string, b []byte) (bool, error) {
	if c, ok := fsys.(policy.Committer); ok {
		return c.Committed(p, b)
	}
	return false, nil
}

// linkedFiles resolves every link and image of an edition document with
// the repository's one resolver and lists the files to copy. A link to a
// document the edition does not show is an error, never a file.
func linkedFiles(r *policy.Repo, d *policy.Document, complete bool, e policy.Edition) ([]string, error) {
	var out []string
	var errs []error
	walkLinks(d, func(dest string, image bool, n ast.Node) {
		l, lerr := r.ResolveLink(d, dest)
		if lerr != nil {
			if !complete {
				errs = append(errs, fmt.Errorf("render: %s: %s: %s", d.Path, lerr.Rule.ID, lerr.Message))
			}
			return // a complete edition leaves a broken link broken, and copies nothing
		}
		switch l.Kind {
		case policy.LinkFile:
			out = append(out, l.Path)
		case policy.LinkDocument:
			if !e.Sees(r.Config.Visibility[l.Doc.Level]) {
				errs = append(errs, i18n.Errorf("render: %s: the %s edition links to %s, which it does not contain", d.Path, e.Name, l.Path))
			}
		}
	})
	return out, errors.Join(errs...)
}

// anchorsOf maps each link of an edition's document that names a section
// by fragment (#概要-1, other.md#3-対象) to the fragment its target has in
// the edition. The ids of a heading that shares its slug with others are
// counted in its document (概要, 概要-1, 概要-2): with a restricted one cut
// away, the same link would land on another heading, and one numbered
// past the last would tell that a hidden heading exists. The target is
// found in the full model, as check resolved it, and followed into the
// edition through the cut; a target the edition lacks gets no link.
func anchorsOf(r *policy.Repo, full, ed *policy.Document, eds map[*policy.Document]*policy.Document, cuts map[*policy.Document]cutting) map[string]string {
	out := map[string]string{}
	walkLinks(ed, func(dest string, image bool, _ ast.Node) {
		i := strings.IndexByte(dest, '#')
		if i < 0 || i == len(dest)-1 || image {
			return // no fragment, or an empty one (#): nothing to map
		}
		if _, done := out[dest]; done {
			return
		}
		l, err := r.ResolveLink(full, dest)
		if err != nil || l.Doc == nil || l.Kind != policy.LinkFragment && l.Kind != policy.LinkDocument {
			return
		}
		sec := l.Doc.SectionByID(l.Fragment)
		if sec == nil {
			sec = l.Doc.SectionByID(policy.Slug(l.Fragment))
		}
		edDoc := eds[l.Doc]
		if sec == nil || edDoc == nil {
			out[dest] = ""
			return
		}
		id := sec.ID
		if edDoc != l.Doc {
			id = ""
			c := cuts[edDoc]
			for _, es := range edDoc.Sections() {
				if es.Kind == sec.Kind && es.Style == sec.Style && c.full(es.Offset) == sec.Offset && es.Number.Equal(sec.Number) {
					id = es.ID
					break
				}
			}
		}
		if id == "" {
			out[dest] = ""
			return
		}
		out[dest] = dest[:i+1] + id
	})
	return out
}

// anchor is the destination a link of d has in the edition: dest, or its
// fragment rewritten to the target's id there ("" for none).
func (m *EditionModel) anchor(d *policy.Document, dest string) string {
	if to, ok := m.anchors[d][dest]; ok {
		return to
	}
	return dest
}

// walkLinks calls f for every link and image destination of d.
func walkLinks(d *policy.Document, f func(dest string, image bool, n ast.Node)) {
	_ = ast.Walk(d.AST, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch l := n.(type) {
		case *ast.Link:
			f(string(l.Destination), false, n)
		case *ast.Image:
			f(string(l.Destination), true, n)
		}
		return ast.WalkContinue, nil
	})
}

// cutting is a document's bytes with the unseen parts removed, and where
// each kept byte came from.
type cutting struct {
	src []byte
	// kept maps runs of the cut body onto the full body: kept[i] holds the
	// cut offset, the full offset and the length of one run.
	kept []run
	// removed are the body ranges cut away.
	removed [][2]int
}

type run struct{ cut, full, n int }

// cutOf removes every part the edition does not see (whole lines). An
// empty HTML comment, behind the same container prefix ("> ", spaces) as
// the removed part, takes its place: it ends a paragraph or a list just as
// the removed block did, and renders as nothing. The equivalence check
// catches anything else the cut would change.
func cutOf(d *policy.Document, sees func(int) bool) cutting {
	body := d.Body()
	var c cutting
	var b bytes.Buffer
	b.Grow(len(d.Source))
	b.Write(d.Source[:d.BodyStart])
	keep := func(from, to int) {
		if to > from {
			c.kept = append(c.kept, run{cut: b.Len() - d.BodyStart, full: from, n: to - from})
			b.Write(body[from:to])
		}
	}
	pos := 0
	for _, p := range d.Parts {
		if sees(p.Level) || p.End <= pos {
			continue
		}
		start := max(p.Start, pos)
		keep(pos, start)
		c.removed = append(c.removed, [2]int{start, p.End})
		b.Write(containerPrefix(body[start:]))
		b.WriteString(placeholder)
		pos = max(pos, p.End)
	}
	keep(pos, len(body))
	c.src = b.Bytes()
	return c
}

// placeholder stands where a part was cut.
const placeholder = "<!-- -->\n"

// containerPrefix is the run of quote markers and indentation that starts
// a line.
func containerPrefix(line []byte) []byte {
	i := 0
	for i < len(line) && (line[i] == ' ' || line[i] == '\t' || line[i] == '>') {
		i++
	}
	return line[:i]
}

// full maps an offset in the cut body to the full body.
func (c *cutting) full(off int) int {
	i := sort.Search(len(c.kept), func(i int) bool { return c.kept[i].cut+c.kept[i].n > off })
	if i < len(c.kept) && c.kept[i].cut <= off {
		return c.kept[i].full + off - c.kept[i].cut
	}
	return -1 // a placeholder
}

// isRemoved reports whether a full-body offset lies in a removed range.
func (c *cutting) isRemoved(off int) bool {
	for _, r := range c.removed {
		if off >= r[0] && off < r[1] {
			return true
		}
	}
	return false
}

// wholeDocument lists the texts of a document the edition does not see.
func wholeDocument(d *policy.Document) []Excerpt {
	out := []Excerpt{{Text: d.Meta.Title, Pos: policy.Pos{File: d.Path, Line: max(d.Meta.Lines["title"], 1)}},
		{Text: d.Path, Pos: policy.Pos{File: d.Path, Line: 1}}}
	if d.AST == nil {
		return append(out, Excerpt{Text: string(d.Body()), Pos: d.BodyPos(0)})
	}
	leafTexts(d, func(off int, text string) {
		out = append(out, Excerpt{Text: text, Pos: d.BodyPos(off)})
	})
	return out
}

// excerpts splits a visible document's texts into those the edition cuts
// and those it shows. Raw HTML and comments are never shown, wherever they
// stand, so they count as cut.
func excerpts(d *policy.Document, sees func(int) bool) (cut []Excerpt, shown []string) {
	// The title and path of a document the edition shows are shown (a
	// diff's data names both).
	shown = append(shown, d.Meta.Title, d.Path)
	leafTexts(d, func(off int, text string) {
		if sees(d.LevelAt(off)) {
			shown = append(shown, text)
		} else {
			cut = append(cut, Excerpt{Text: text, Pos: d.BodyPos(off)})
		}
	})
	_ = ast.Walk(d.AST, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		var raw strings.Builder
		off := -1
		switch n := n.(type) {
		case *ast.HTMLBlock:
			for i := 0; i < n.Lines().Len(); i++ {
				seg := n.Lines().At(i)
				raw.Write(seg.Value(d.Body()))
				if off < 0 {
					off = seg.Start
				}
			}
		case *ast.RawHTML:
			for i := 0; i < n.Segments.Len(); i++ {
				seg := n.Segments.At(i)
				raw.Write(seg.Value(d.Body()))
				if off < 0 {
					off = seg.Start
				}
			}
		default:
			return ast.WalkContinue, nil
		}
		if t := strings.TrimSpace(raw.String()); off >= 0 && t != DirectiveHistory && t != DirectiveEdition {
			cut = append(cut, Excerpt{Text: t, Pos: d.BodyPos(off)})
		}
		return ast.WalkSkipChildren, nil
	})
	return cut, shown
}

// leafTexts calls f with the plain text of every block that holds text
// directly (paragraphs, headings, table cells, code), and with the
// destinations and titles of links and images, which reach pages as
// attributes.
func leafTexts(d *policy.Document, f func(off int, text string)) {
	body := d.Body()
	_ = ast.Walk(d.AST, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch l := n.(type) {
		case *ast.Link:
			f(linkOffset(l), string(l.Destination)+" "+string(l.Title))
		case *ast.Image:
			f(linkOffset(l), string(l.Destination)+" "+string(l.Title))
		}
		if n.Type() != ast.TypeBlock {
			return ast.WalkContinue, nil
		}
		switch n.(type) {
		case *ast.CodeBlock, *ast.FencedCodeBlock:
			var b strings.Builder
			for i := 0; i < n.Lines().Len(); i++ {
				seg := n.Lines().At(i)
				b.Write(seg.Value(body))
			}
			if n.Lines().Len() > 0 {
				f(n.Lines().At(0).Start, b.String())
			}
			return ast.WalkSkipChildren, nil
		case *ast.HTMLBlock:
			return ast.WalkSkipChildren, nil
		}
		if n.HasChildren() && n.FirstChild().Type() == ast.TypeInline {
			if off := blockOffset(n); off >= 0 {
				f(off, markdown.PlainText(n, body))
			}
		}
		return ast.WalkContinue, nil
	})
}

func linkOffset(n ast.Node) int {
	for p := ast.Node(n); p != nil; p = p.Parent() {
		if p.Pos() >= 0 {
			return p.Pos()
		}
	}
	return 0
}

// blockOffset is where a block's text starts.
func blockOffset(n ast.Node) int {
	if n.Lines().Len() > 0 {
		return n.Lines().At(0).Start
	}
	if n.Pos() >= 0 {
		return n.Pos()
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if t, ok := c.(*ast.Text); ok {
			return t.Segment.Start
		}
	}
	return -1
}

// unknownLevels are the places that name a visibility level the
// configuration does not have: a document's front matter, a ::: block, a
// heading.
func unknownLevels(r *policy.Repo) []policy.Finding {
	var out []policy.Finding
	for _, d := range r.Docs {
		if d.Meta.Present["visibility"] && r.Config.LevelIndex(d.Meta.Visibility) < 0 {
			out = append(out, policy.Finding{Rule: policy.RuleFrontMatterVisibility, Severity: policy.Error,
				Pos:     policy.Pos{File: d.Path, Line: 1, Col: 1},
				Message: i18n.Sprintf("visibility %q is not a configured level; the document is treated as %q", d.Meta.Visibility, r.Config.Visibility[len(r.Config.Visibility)-1]),
				Hint:    i18n.Sprintf("use one of %s (policyctl.yaml: visibility)", strings.Join(r.Config.Visibility, i18n.T(", ")))})
		}
		for _, f := range d.Findings {
			if f.Rule == policy.RuleVisibilityUnknownLevel {
				out = append(out, f)
			}
		}
	}
	return out
}
