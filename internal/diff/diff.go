// Package diff compares two revisions of a policy and lays out the
// 新旧対照表 a review meeting reads: sections aligned by identity even when
// renumbered, retitled or moved; wording changes marked in a reader's units;
// references broken by a renumbering listed beside the table. Formats are in
// text.go, html.go, markdown.go and json.go.
//
// It compares the models it is given: for a public 新旧対照表, give it the
// public edition of both revisions (render.Edition), never the full ones.
package diff

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/yuin/goldmark/ast"

	"github.com/policyctl/policyctl/internal/policy"
	"github.com/policyctl/policyctl/internal/ref"
)

// Status values of documents and sections (SPEC §6).
const (
	Added     = "added"
	Deleted   = "deleted"
	Modified  = "modified"
	Unchanged = "unchanged"
	Moved     = "moved"
)

// Options adjust Compare.
type Options struct {
	// Doc limits the comparison to one document id.
	Doc string
	// Leave are document ids left out of the comparison: in an edition's
	// table, a document that left the edition because it was made
	// non-public (it was not abolished, and its text is not to be printed
	// again).
	Leave map[string]bool
}

// Result is a 新旧対照表 of a whole repository.
type Result struct {
	Old, New  string // the two revisions, as the user named them
	Title     string // the policy's title
	Documents []*Document
	// Broken lists references whose target was renumbered or removed.
	Broken []Broken
}

// Document is one document's rows.
type Document struct {
	ID    string
	Title string
	// Instrument is the name of the instrument (規程) the document is a
	// file of — 情報セキュリティ対策基準 for its chapter files, whose
	// articles are numbered on from one file to the next — and "" for a
	// document that is one on its own.
	Instrument string
	OldPath    string
	NewPath    string
	Status     string
	Sections   []*Section
}

// Section is one row of the 新旧対照表: a provision on both sides.
type Section struct {
	ID     string
	Status string
	// Old and New are the section's heading (number and title) on each
	// side, empty where it is absent.
	Old, New           string
	OldLabel, NewLabel string
	OldText, NewText   string
	// Ops turn OldText into NewText.
	Ops []Op
	// Coarse is set when the wording diff reached its bound of work or
	// met invalid UTF-8, and changed text is shown whole.
	Coarse bool
	// Renumbered is set when only the number differs in position.
	Renumbered bool
	// OldSec and NewSec are the provision on each side in the models
	// compared, nil where absent (and for a preamble).
	OldSec, NewSec *policy.Section
	// OldIndex is the row's place in the old document, -1 when absent.
	OldIndex int
	style    policy.Style
}

// OldSections returns the rows that have an old side, in the old
// document's order.
func (d *Document) OldSections() []*Section {
	var out []*Section
	for _, s := range d.Sections {
		if s.OldIndex >= 0 {
			out = append(out, s)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].OldIndex < out[j].OldIndex })
	return out
}

// Broken is a reference whose target was renumbered or removed.
type Broken struct {
	Doc      string
	DocTitle string
	Pos      policy.Pos
	Text     string // the reference as written: 上記2
	Was      string // the target it had: 2 脅威
	Number   string // the target's new number, empty when it was removed
	Now      string // what the reference points at now, if anything
	Write    string // the reference as it should be written to keep its target
}

// Describe says what happened to the reference, in a language's words.
func (b Broken) Describe(l *Labels) string {
	var msg string
	switch {
	case b.Number == "":
		msg = fmt.Sprintf(l.BrokenRemoved, b.Text, b.Was)
		if b.Now != "" {
			msg += fmt.Sprintf(l.BrokenNowAt, b.Now)
		}
	case b.Now != "":
		msg = fmt.Sprintf(l.BrokenNowPoints, b.Text, b.Was, b.Number, b.Now)
	default:
		msg = fmt.Sprintf(l.BrokenUnresolved, b.Text, b.Was, b.Number)
	}
	if b.Write != "" {
		msg += fmt.Sprintf(l.BrokenWrite, b.Write)
	}
	if b.DocTitle != "" {
		msg = b.DocTitle + l.OmittedSep + msg
	}
	return msg
}

// unit is a section's own text: from its start to the next section's.
type unit struct {
	sec     *policy.Section
	text    string
	heading string
	index   int
	grams   map[[2]rune]int
	outline string // sec.Outline(), computed once: align asks for it often
}

func (u *unit) style() policy.Style {
	if u.sec == nil {
		return policy.StyleNone
	}
	return u.sec.Style
}

func (u *unit) title() string {
	if u.sec == nil {
		return ""
	}
	return u.sec.Title
}

func (u *unit) label() string {
	if u.sec == nil {
		return ""
	}
	return u.sec.Label
}

// units cuts a document body into its sections' own texts. An article's
// caption line belongs to the article.
func units(d *policy.Document) []*unit {
	body := d.Body()
	var secs []*policy.Section
	for _, s := range d.Sections() {
		if s.Kind == policy.KindImplicit {
			continue
		}
		if n := len(secs); n > 0 && s.Node != nil && s.Node == secs[n-1].Node && s.Kind == policy.KindParagraph && s.Label == secs[n-1].Label {
			// Provisions written as one (第2条から第4条まで　削除, ２・３
			// （略）) are one row: their one line, under its one label.
			continue
		}
		secs = append(secs, s)
	}
	start := func(s *policy.Section) int {
		off := s.Offset
		if s.Style == policy.StyleArticle && s.Node != nil {
			if p := s.Node.Pos(); p < off {
				off = p // caption and article in one paragraph
			} else if prev := s.Node.PreviousSibling(); prev != nil && prev.Kind() == ast.KindParagraph && isCaption(prev, body, s.Title) {
				off = prev.Pos()
			}
		}
		for off > 0 && body[off-1] != '\n' {
			off--
		}
		return off
	}
	var out []*unit
	starts := make([]int, len(secs))
	for i, s := range secs {
		starts[i] = start(s)
	}
	var blocks []pblock
	if d.AST != nil {
		blocks = provision(d.AST, body)
	}
	// text joins the provision text of the blocks whose source begins in
	// [from, to).
	b := 0
	text := func(from, to int) string {
		var parts []string
		for ; b < len(blocks) && blocks[b].off < to; b++ {
			if blocks[b].off >= from && blocks[b].text != "" {
				parts = append(parts, blocks[b].text)
			}
		}
		return strings.Join(parts, "\n")
	}
	first := len(body)
	if len(secs) > 0 {
		first = starts[0]
	}
	if pre := text(0, first); pre != "" {
		out = append(out, &unit{text: pre, heading: "（前文）"})
	}
	for i, s := range secs {
		end := len(body) + 1
		if i+1 < len(secs) {
			end = max(starts[i+1], starts[i])
		}
		out = append(out, &unit{sec: s, text: text(starts[i], end), heading: heading(s), outline: s.Outline()})
	}
	for i, u := range out {
		u.index = i
	}
	return out
}

func isCaption(n ast.Node, body []byte, title string) bool {
	lines := n.Lines()
	if lines.Len() != 1 || title == "" {
		return false
	}
	seg := lines.At(0)
	t := strings.TrimSpace(string(seg.Value(body)))
	return t == "（"+title+"）" || t == "("+title+")"
}

func heading(s *policy.Section) string {
	switch {
	case s.Label == "":
		return s.Title
	case s.Title == "":
		return s.Label
	}
	return s.Label + " " + s.Title
}

// Compare builds the 新旧対照表 of two repository models.
func Compare(old, new *policy.Repo, opts Options) *Result {
	res := &Result{}
	if new != nil && new.Config != nil {
		res.Title = new.Config.Title
	}
	oldDocs := map[string]*policy.Document{}
	for _, d := range old.Docs {
		oldDocs[d.Meta.ID] = d
	}
	seen := map[string]bool{}
	secMap := map[*policy.Section]*policy.Section{} // old section -> new
	var pairs [][2]*policy.Document
	for _, d := range new.Docs {
		if opts.Doc != "" && d.Meta.ID != opts.Doc || opts.Leave[d.Meta.ID] {
			continue
		}
		seen[d.Meta.ID] = true
		pairs = append(pairs, [2]*policy.Document{oldDocs[d.Meta.ID], d})
	}
	for _, d := range old.Docs {
		if !seen[d.Meta.ID] && !opts.Leave[d.Meta.ID] && (opts.Doc == "" || d.Meta.ID == opts.Doc) {
			pairs = append(pairs, [2]*policy.Document{d, nil})
		}
	}
	sort.SliceStable(pairs, func(i, j int) bool { return docKey(pairs[i]) < docKey(pairs[j]) })
	oldRuns, newRuns := ref.NumberingRuns(old), ref.NumberingRuns(new)
	for _, p := range pairs {
		dd := compareDoc(p[0], p[1], opts, secMap)
		if run := newRuns[p[1]]; p[1] != nil && len(run) > 1 {
			dd.Instrument = instrument(run)
		} else if run := oldRuns[p[0]]; p[1] == nil && len(run) > 1 {
			dd.Instrument = instrument(run)
		}
		res.Documents = append(res.Documents, dd)
	}
	res.Broken = brokenRefs(old, new, secMap, opts.Doc)
	return res
}

// instrument names the instrument a run of files makes: what their titles
// share before the chapter (情報セキュリティ対策基準 of
// 「情報セキュリティ対策基準 第1章 組織体制」), or the tier's name.
func instrument(run []*policy.Document) string {
	common := []rune(strings.TrimSpace(run[0].Meta.Title))
	for _, d := range run[1:] {
		t := []rune(strings.TrimSpace(d.Meta.Title))
		n := 0
		for n < len(common) && n < len(t) && common[n] == t[n] {
			n++
		}
		common = common[:n]
	}
	name := string(common)
	for _, sep := range []string{" 第", "　第", "第"} {
		if i := strings.LastIndex(name, sep); i >= 0 {
			name = name[:i]
			break
		}
	}
	if name = strings.TrimRight(name, " 　（(「【・:：-－"); name == "" {
		return run[0].Meta.Tier.Japanese()
	}
	return name
}

func docKey(p [2]*policy.Document) string {
	if p[1] != nil {
		return p[1].Path
	}
	return p[0].Path
}

func compareDoc(od, nd *policy.Document, opts Options, secMap map[*policy.Section]*policy.Section) *Document {
	dd := &Document{}
	var ou, nu []*unit
	// The two sides are read at the same time: on a large document that
	// is a third of the comparison.
	var wg sync.WaitGroup
	if od != nil {
		dd.ID, dd.Title, dd.OldPath = od.Meta.ID, od.Meta.Title, od.Path
		wg.Go(func() { ou = units(od) })
	}
	if nd != nil {
		dd.ID, dd.Title, dd.NewPath = nd.Meta.ID, nd.Meta.Title, nd.Path
		nu = units(nd)
	}
	wg.Wait()
	if od != nil && nd != nil {
		// A reference to a whole document keeps its target while the
		// document stays.
		secMap[od.Root] = nd.Root
	}
	match := align(ou, nu)
	moved := movedPairs(match, len(ou))
	newToOld := map[int]int{}
	for o, n := range match {
		newToOld[n] = o
	}
	emitted := make([]bool, len(ou))
	next := 0 // every unmatched old unit before next has been emitted
	emitDeleted := func(upTo int) {
		for ; next < upTo && next < len(ou); next++ {
			if _, ok := match[next]; !ok && !emitted[next] {
				emitted[next] = true
				dd.Sections = append(dd.Sections, row(ou[next], nil, opts, false))
			}
		}
	}
	for j, n := range nu {
		o, ok := newToOld[j]
		if !ok {
			dd.Sections = append(dd.Sections, row(nil, n, opts, false))
			continue
		}
		if !moved[o] {
			emitDeleted(o)
		}
		emitted[o] = true
		if os, ns := ou[o].sec, n.sec; os != nil && ns != nil {
			secMap[os] = ns
			// An article's first 項 has no unit of its own: it follows its
			// article.
			if len(os.Children) > 0 && os.Children[0].Kind == policy.KindImplicit && len(ns.Children) > 0 && ns.Children[0].Kind == policy.KindImplicit {
				secMap[os.Children[0]] = ns.Children[0]
			}
		}
		dd.Sections = append(dd.Sections, row(ou[o], n, opts, moved[o]))
	}
	emitDeleted(len(ou))
	switch {
	case od == nil:
		dd.Status = Added
	case nd == nil:
		dd.Status = Deleted
	case od.Path == nd.Path && !differs(od, nd, dd.Sections):
		dd.Status = Unchanged
	case od.Path != nd.Path && !differs(od, nd, dd.Sections):
		dd.Status = Moved
	default:
		dd.Status = Modified
	}
	return dd
}

// Differs reports whether a reader sees a change between two versions of
// a document (see differs).
func Differs(od, nd *policy.Document) bool {
	if string(od.Source) == string(nd.Source) {
		return false
	}
	return differs(od, nd, compareDoc(od, nd, Options{}, map[*policy.Section]*policy.Section{}).Sections)
}

// differs reports whether two versions of a document differ in what a
// reader sees: their bytes differ other than by lines holding nothing but
// an HTML comment — never shown, and what an edition leaves where it cut a
// restricted part — and the blank lines around them, or a row of their
// comparison changed (a code block's blank lines are shown). A restricted
// part added to a public document therefore changes nothing in the public
// edition's history or 新旧対照表.
func differs(od, nd *policy.Document, rows []*Section) bool {
	if string(od.Source) == string(nd.Source) {
		return false
	}
	if od.Meta.Title != nd.Meta.Title || string(shownLines(od.Source)) != string(shownLines(nd.Source)) {
		return true
	}
	for _, r := range rows {
		if r.Status != Unchanged {
			return true
		}
	}
	return false
}

// shownLines is src without the lines that hold only an HTML comment
// (after a container's quote markers and indentation) and without blank
// lines: where the cut left a comment, the blank lines around it differ
// from the old text's (at the end of a document, before a heading). A
// blank line that changes what is shown — a paragraph split, a code
// block's — changes a row, which differs checks too.
func shownLines(src []byte) []byte {
	out := make([]byte, 0, len(src))
	for line := range bytes.Lines(src) {
		t := bytes.TrimSpace(bytes.TrimLeft(line, " \t>"))
		if len(t) == 0 || bytes.HasPrefix(t, []byte("<!--")) && bytes.HasSuffix(t, []byte("-->")) && bytes.Count(t, []byte("-->")) == 1 {
			continue
		}
		out = append(out, line...)
	}
	return out
}

// Left lists the documents of an edition's old model that its new model
// does not hold but that go on in the new full model, not shown (made
// non-public, perhaps renamed too): Options.Leave for the edition's table,
// and never 廃止 in its history.
func Left(old, new, full *policy.Repo) map[string]bool {
	out := map[string]bool{}
	if old == nil || new == nil || full == nil {
		return out
	}
	var hidden []*policy.Document
	for _, d := range full.Docs {
		if new.Doc(d.Meta.ID) == nil {
			hidden = append(hidden, d)
		}
	}
	for _, d := range old.Docs {
		if new.Doc(d.Meta.ID) == nil && Continued(d, hidden) {
			out[d.Meta.ID] = true
		}
	}
	return out
}

// Continued reports whether document d goes on as one of docs, under
// another visibility, id or path: one of them has its id or its path, or
// holds at least half of its lines (as the approvals follow a document
// that was renamed and moved). Given the documents an edition does not
// show, a document that left the edition but goes on among them was made
// non-public, not abolished.
func Continued(d *policy.Document, docs []*policy.Document) bool {
	lines := map[string]bool{}
	for l := range bytes.Lines(d.Body()) {
		if t := string(bytes.TrimSpace(l)); t != "" {
			lines[t] = true
		}
	}
	for _, o := range docs {
		if o.Meta.ID == d.Meta.ID || o.Path == d.Path {
			return true
		}
		if len(lines) == 0 {
			continue
		}
		shared := 0
		for l := range bytes.Lines(o.Body()) {
			if lines[string(bytes.TrimSpace(l))] {
				shared++
			}
		}
		if 2*shared >= len(lines) {
			return true
		}
	}
	return false
}

func row(o, n *unit, opts Options, moved bool) *Section {
	s := &Section{OldIndex: -1}
	if o != nil {
		s.Old, s.OldLabel, s.OldText = o.heading, o.label(), o.text
		s.OldSec, s.OldIndex = o.sec, o.index
		if o.sec != nil {
			s.ID = o.sec.ID
		}
	}
	if n != nil {
		s.New, s.NewLabel, s.NewText = n.heading, n.label(), n.text
		s.NewSec = n.sec
		if n.sec != nil {
			s.ID = n.sec.ID
		}
		s.style = n.style()
	}
	s.Ops, s.Coarse = Words(s.OldText, s.NewText)
	switch {
	case o == nil:
		s.Status = Added
	case n == nil:
		s.Status = Deleted
	case moved:
		s.Status = Moved
	case s.OldText == s.NewText:
		s.Status = Unchanged
	default:
		s.Status = Modified
	}
	s.Renumbered = o != nil && n != nil && o.label() != n.label() && o.label() != "" && n.label() != ""
	return s
}

// align matches the units of two versions of a document: by explicit ID,
// then by number and title, then by title alone (renumbered), then by
// content similarity (renumbered and retitled), then by number alone
// (rewritten in place).
func align(old, new []*unit) map[int]int {
	match := make(map[int]int, len(old))
	usedNew := make(map[int]bool, len(new))
	// A key is the style, outline number and title a unit is matched by,
	// as far as a pass uses them; the zero key matches nothing.
	type key struct {
		style          policy.Style
		outline, title string
		id             string
	}
	try := func(keyOf func(u *unit) key, unique bool) {
		oldBy, newBy := make(map[key][]int, len(old)-len(match)), make(map[key][]int, len(new)-len(match))
		for i, u := range old {
			if _, ok := match[i]; !ok {
				if k := keyOf(u); k != (key{}) {
					oldBy[k] = append(oldBy[k], i)
				}
			}
		}
		for j, u := range new {
			if !usedNew[j] {
				if k := keyOf(u); k != (key{}) {
					newBy[k] = append(newBy[k], j)
				}
			}
		}
		for k, os := range oldBy {
			ns := newBy[k]
			if unique && (len(os) != 1 || len(ns) != 1) {
				continue
			}
			for x := 0; x < len(os) && x < len(ns); x++ {
				match[os[x]] = ns[x]
				usedNew[ns[x]] = true
			}
		}
	}
	// The preamble matches the preamble.
	if len(old) > 0 && len(new) > 0 && old[0].sec == nil && new[0].sec == nil {
		match[0] = 0
		usedNew[0] = true
	}
	try(func(u *unit) key {
		if u.sec != nil && u.sec.Explicit && u.sec.ID != "" {
			return key{id: u.sec.ID}
		}
		return key{}
	}, false)
	// A 削除 placeholder reads like every other: it is paired by where it
	// stands (below), never by its number or its words.
	try(func(u *unit) key {
		if u.sec == nil || u.sec.Deleted() {
			return key{}
		}
		return key{style: u.sec.Style, outline: u.outline, title: u.title(), id: "\x00"}
	}, false)
	try(func(u *unit) key {
		if u.sec == nil || u.title() == "" || u.sec.Deleted() {
			return key{}
		}
		return key{style: u.sec.Style, title: u.title(), id: "\x00"}
	}, true)
	// The same number with similar content: edited in place. Most edits
	// are this, and it costs one comparison per section.
	byOutline := map[key]int{}
	for j, nu := range new {
		if !usedNew[j] && nu.sec != nil && nu.outline != "" {
			k := key{style: nu.sec.Style, outline: nu.outline}
			if _, dup := byOutline[k]; dup {
				byOutline[k] = -1
			} else {
				byOutline[k] = j
			}
		}
	}
	for i, ou := range old {
		if _, ok := match[i]; ok || ou.sec == nil {
			continue
		}
		j, ok := byOutline[key{style: ou.sec.Style, outline: ou.outline}]
		// Not a 削除 placeholder: every one reads the same, and a
		// renumbering that moves them past each other would pair them
		// crosswise (第9条　削除 with the 第9条 that was 第8条　削除) and
		// call them moved; they pair in order below.
		if ok && j >= 0 && !usedNew[j] && !ou.sec.Deleted() && !(new[j].sec != nil && new[j].sec.Deleted()) && ou.similarity(new[j]) >= 0.5 {
			match[i] = j
			usedNew[j] = true
		}
	}
	// Content similarity for what is left, best pairs first.
	type cand struct {
		o, n  int
		score float64
	}
	var cands []cand
	for i, ou := range old {
		if _, ok := match[i]; ok {
			continue
		}
		for j, nu := range new {
			if usedNew[j] || ou.style() != nu.style() || nu.sec != nil && nu.sec.Deleted() {
				continue
			}
			if s := ou.similarity(nu); s >= 0.5 {
				cands = append(cands, cand{i, j, s})
			}
		}
	}
	sort.SliceStable(cands, func(a, b int) bool { return cands[a].score > cands[b].score })
	for _, c := range cands {
		if _, ok := match[c.o]; ok || usedNew[c.n] {
			continue
		}
		match[c.o] = c.n
		usedNew[c.n] = true
	}
	// A provision deleted in the 例規 way, its number kept (第25条　削除),
	// stands where the provision it deleted stood, whatever number the
	// renumbering around it gave: the one unmatched old provision of its
	// style between the same neighbours.
	oldOf := map[int]int{}
	for i, j := range match {
		oldOf[j] = i
	}
	for j := 0; j < len(new); j++ {
		nu := new[j]
		if usedNew[j] || nu.sec == nil || !nu.sec.Deleted() {
			continue
		}
		// A run of them (第8条　削除, 第9条　削除) pairs in order with
		// what is left between the same neighbours.
		run := []int{j}
		for j+1 < len(new) && !usedNew[j+1] && new[j+1].sec != nil && new[j+1].sec.Deleted() && new[j+1].style() == nu.style() {
			j++
			run = append(run, j)
		}
		lo, hi := -1, len(old)
		for k := run[0] - 1; k >= 0; k-- {
			if i, ok := oldOf[k]; ok {
				lo = i
				break
			}
		}
		for k := j + 1; k < len(new); k++ {
			if i, ok := oldOf[k]; ok {
				hi = i
				break
			}
		}
		var left []int
		for i := lo + 1; i < hi; i++ {
			if _, ok := match[i]; !ok && old[i].style() == nu.style() {
				left = append(left, i)
			}
		}
		if len(left) != len(run) {
			continue
		}
		for k, i := range left {
			match[i] = run[k]
			usedNew[run[k]] = true
			oldOf[run[k]] = i
		}
	}
	// Last, what is left at the same number: rewritten in place.
	try(func(u *unit) key {
		if u.sec == nil || u.outline == "" {
			return key{}
		}
		return key{style: u.sec.Style, outline: u.outline}
	}, true)
	return match
}

// similarity is the Dice coefficient of the units' character bigrams.
func (u *unit) similarity(v *unit) float64 {
	if u.grams == nil {
		u.grams = bigrams(u.text)
	}
	if v.grams == nil {
		v.grams = bigrams(v.text)
	}
	ba, bb := u.grams, v.grams
	if len(ba) == 0 || len(bb) == 0 {
		return 0
	}
	common := 0
	for k, n := range ba {
		common += min(n, bb[k])
	}
	total := 0
	for _, n := range ba {
		total += n
	}
	for _, n := range bb {
		total += n
	}
	return 2 * float64(common) / float64(total)
}

func bigrams(s string) map[[2]rune]int {
	rs := []rune(s)
	m := map[[2]rune]int{}
	for i := 0; i+1 < len(rs); i++ {
		m[[2]rune{rs[i], rs[i+1]}]++
	}
	return m
}

// movedPairs finds matched sections whose order changed: those not on the
// longest run of matches that keep their relative order.
func movedPairs(match map[int]int, nOld int) map[int]bool {
	var olds []int
	for o := range match {
		olds = append(olds, o)
	}
	sort.Slice(olds, func(i, j int) bool { return match[olds[i]] < match[olds[j]] })
	// Longest increasing subsequence of old indices, in new order.
	n := len(olds)
	tails, prev := []int{}, make([]int, n)
	idx := []int{}
	for i, o := range olds {
		k := sort.SearchInts(tails, o)
		if k == len(tails) {
			tails = append(tails, o)
			idx = append(idx, i)
		} else {
			tails[k] = o
			idx[k] = i
		}
		if k > 0 {
			prev[i] = idx[k-1]
		} else {
			prev[i] = -1
		}
	}
	keep := map[int]bool{}
	if len(idx) > 0 {
		for i := idx[len(idx)-1]; i >= 0; i = prev[i] {
			keep[olds[i]] = true
		}
	}
	moved := map[int]bool{}
	for _, o := range olds {
		if !keep[o] {
			moved[o] = true
		}
	}
	return moved
}

// brokenRefs lists the references that read the same in both revisions
// but that a renumbering made point elsewhere (ref.Renumbered, the same
// comparison check --against makes). Resolving references is the costly
// part of a diff, so it is done only when some section was renumbered or
// removed.
func brokenRefs(old, new *policy.Repo, secMap map[*policy.Section]*policy.Section, only string) []Broken {
	moved := false
	for _, od := range old.Docs {
		od.Root.Walk(func(s *policy.Section) bool {
			if ns, kept := secMap[s]; !kept || ns.Label != s.Label {
				moved = true
			}
			return !moved
		})
		if moved {
			break
		}
	}
	if !moved {
		return nil
	}
	var out []Broken
	for _, s := range ref.Renumbered(old, new) {
		d := s.Ref.Doc
		if only != "" && d.Meta.ID != only {
			continue
		}
		b := Broken{Doc: d.Meta.ID, DocTitle: d.Meta.Title, Pos: s.Ref.Pos, Text: s.Ref.Text, Was: sections(s.Was), Write: s.Write}
		removed := false
		var now []string
		for _, n := range s.Now {
			if n == nil {
				removed = true
			} else {
				now = append(now, number(n.Label))
			}
		}
		if !removed {
			b.Number = strings.Join(now, "、")
		}
		if len(s.Ref.Targets) > 0 && (s.Ref.Problem == nil || s.Ref.Problem.Rule != policy.RuleRefUnresolved) {
			b.Now = sections(s.Ref.Targets)
		}
		out = append(out, b)
	}
	return out
}

// sections names sections briefly: 3 想定する脅威, 第5条 目的, 第1条第2項.
func sections(ss []*policy.Section) string {
	var out []string
	for _, s := range ss {
		switch {
		case s == nil:
		case s.Kind == policy.KindHeading || s.Style == policy.StyleArticle:
			out = append(out, s.Display())
		default:
			out = append(out, s.Outline())
		}
	}
	return strings.Join(out, "、")
}
