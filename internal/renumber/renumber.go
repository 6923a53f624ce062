// Package renumber makes the numbering of policy documents contiguous again
// after an insertion, a deletion or a move — 章, 節, 条 (with their 枝番),
// 項, 号, (1), ①, ア, (ア), the 基本方針's 1. — and rewrites every reference
// that pointed at a renumbered provision so that it keeps its target, in
// the reference's own style.
//
// It works in three steps, in this order: every reference is resolved and
// given the identity of its target (from the base revision for a reference
// that stood there, as written for new text); the numbers are changed;
// the references are written again. The result is a Plan: edits as data,
// and what the result must satisfy (Verify). The package never writes a
// file and never judges the result by check's rules: package fix does.
package renumber

import (
	"cmp"
	"slices"
	"sort"
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/policyctl/policyctl/internal/i18n"
	"github.com/policyctl/policyctl/internal/policy"
	"github.com/policyctl/policyctl/internal/ref"
)

// Options choose what is renumbered.
type Options struct {
	// Doc, when set, renumbers only the document with that id — and, for
	// articles and chapters numbered through the files of a tier, the
	// files after it, whose numbers follow from it. References in every
	// document follow.
	Doc string
	// Branch turns an inserted article into a 枝番 of the article before
	// it (第3条の2), so that nothing after it moves.
	Branch bool
	// Collapse folds branch numbers: 第3条の2 becomes 第4条.
	Collapse bool
	// RefsOnly keeps every number and only rewrites the references whose
	// target a renumbering since the base moved: the fixes of
	// ref/renumbered.
	RefsOnly bool
	// Head is the last commit, for Input.Head when the caller's input
	// has none.
	Head *policy.Repo
	// Base is the revision whose references give each its identity, for
	// Input.Base when the caller's input has none: the last commit before
	// any revision is approved, when the check of the result runs against
	// none (fix.PlanRenumber).
	Base *policy.Repo
}

// Input is what a plan is made from. Base, the revision the working tree
// changes, may be nil: references then keep the targets they have as
// written. Head, when set, is the last commit after Base: a reference
// Base lacks but Head has (text committed since the revision in force)
// keeps what it pointed at there. The references of each model are
// resolved when not given.
type Input struct {
	Base, Cur         *policy.Repo
	BaseRefs, CurRefs map[*policy.Document][]*ref.Ref
	Head              *policy.Repo
	HeadRefs          map[*policy.Document][]*ref.Ref
}

// Plan is a renumbering as data.
type Plan struct {
	// Edits change the documents of Cur, in file order.
	Edits []policy.Edit
	// Numbers are the provisions whose number changes.
	Numbers []Number
	// Refs are the references written anew.
	Refs []Rewrite
	// LinkTexts counts the numbers rewritten in the text of links.
	LinkTexts int
	// Problems are what cannot be done; a plan with problems must not be
	// applied.
	Problems []Problem
	// Kept are the gaps --branch leaves: articles after a deleted one keep
	// their numbers, and the person is told to write 「第N条　削除」.
	Kept []Problem

	cur      *policy.Repo
	refs     map[*policy.Document][]*ref.Ref
	identity map[*ref.Ref][]*policy.Section
	num      map[*policy.Section]policy.Number
	// same maps the base's sections to the working tree's (nil without a
	// base).
	same map[*policy.Section]*policy.Section
}

// Number is a provision whose number changes.
type Number struct {
	Section  *policy.Section
	Old, New string // the labels as written
}

// Rewrite is a reference written anew.
type Rewrite struct {
	Ref      *ref.Ref
	Old, New string
}

// Problem is something a plan cannot do, at the place it concerns.
type Problem struct {
	Pos     policy.Pos
	Message string
}

func (p Problem) String() string { return p.Pos.String() + ": " + p.Message }

// Make plans the renumbering of in.Cur.
func Make(in Input, opts Options) (*Plan, error) {
	if opts.Branch && opts.Collapse {
		return nil, i18n.Errorf("renumber: --branch and --collapse contradict each other: --branch makes 枝番, --collapse folds them")
	}
	if opts.Doc != "" && in.Cur.Doc(opts.Doc) == nil {
		return nil, i18n.Errorf("renumber: --doc %s: no document has that id (ids: %s)", opts.Doc, policy.KnownIDs(20, in.Cur))
	}
	// A document that cannot be read has numbers and references nobody
	// knows: a sequence running through it, or a reference into it or
	// out of it, would be renumbered as if it were not there.
	var unread []Problem
	for _, d := range in.Cur.Docs {
		if d.Unreadable() {
			unread = append(unread, Problem{Pos: policy.Pos{File: d.Path, Line: 1, Col: 1}, Message: i18n.T("the file is not UTF-8 text, so its numbers and references cannot be read and renumbering could move what it cites or what cites it; convert it first (policyctl fix text/encoding), then renumber")})
		}
	}
	if len(unread) > 0 {
		return &Plan{cur: in.Cur, refs: in.CurRefs, Problems: unread}, nil
	}
	if in.CurRefs == nil {
		in.CurRefs = ref.All(in.Cur)
	}
	if in.Base == nil {
		in.Base = opts.Base
	}
	if in.Base != nil && in.BaseRefs == nil {
		in.BaseRefs = ref.AllFrom(in.Base, in.Cur, in.CurRefs)
	}
	if in.Head == nil && opts.Head != nil && opts.Head != in.Base {
		in.Head = opts.Head
	}
	if in.Head != nil && in.HeadRefs == nil {
		in.HeadRefs = ref.AllFrom(in.Head, in.Cur, in.CurRefs)
	}
	n := 0
	for _, rs := range in.CurRefs {
		n += len(rs)
	}
	pl := &planner{in: in, opts: opts, p: &Plan{cur: in.Cur, refs: in.CurRefs, identity: make(map[*ref.Ref][]*policy.Section, n), num: map[*policy.Section]policy.Number{}}}
	pl.cites = make(map[*ref.Ref][]*policy.Section, n)
	pl.identify()
	if !opts.RefsOnly {
		pl.fileOrder()
		pl.renumber()
		for _, s := range pl.sharedOrder {
			pl.relabelShared(s)
		}
	}
	pl.rewrite()
	pl.linkTexts()
	p := pl.p
	sort.SliceStable(p.Edits, func(i, j int) bool {
		a, b := p.Edits[i], p.Edits[j]
		if a.File != b.File {
			return a.File < b.File
		}
		return a.Start < b.Start
	})
	sort.SliceStable(p.Problems, func(i, j int) bool { return lessPos(p.Problems[i].Pos, p.Problems[j].Pos) })
	return p, nil
}

func lessPos(a, b policy.Pos) bool {
	if a.File != b.File {
		return a.File < b.File
	}
	if a.Line != b.Line {
		return a.Line < b.Line
	}
	return a.Col < b.Col
}

type planner struct {
	in   Input
	opts Options
	p    *Plan
	// same maps the sections of the base to the working tree's; matched
	// are the working tree's sections that were in the base.
	same    map[*policy.Section]*policy.Section
	matched map[*policy.Section]bool
	// baseOf maps the working tree's sections of a changed document to
	// the base's, for --branch: numbers are kept as the base has them.
	baseOf map[*policy.Section]*policy.Section
	// cites are the provision each link of a reference must name, in the
	// working tree's sections (nil where a link names none by itself).
	cites map[*ref.Ref][]*policy.Section
	// baseSec is same the other way, made when first asked (baseArticle).
	baseSec map[*policy.Section]*policy.Section
	// rangeWas counts the members a range covered in the base.
	rangeWas map[*ref.Ref]int
	// shared are the provisions written as one whose label waits for all
	// their numbers (relabelShared), by block, in the order met.
	shared      map[ast.Node]*policy.Section
	sharedOrder []*policy.Section
}

func (pl *planner) problem(pos policy.Pos, msg string) {
	pl.p.Problems = append(pl.p.Problems, Problem{Pos: pos, Message: msg})
}

// identify gives every reference the provisions it must keep pointing
// at: those it pointed at in the base, when it stood there; otherwise
// those it points at as written.
func (pl *planner) identify() {
	cur := pl.in.Cur
	pl.matched = map[*policy.Section]bool{}
	var pairs map[*ref.Ref]*ref.Ref
	if pl.in.Base != nil {
		pl.same = ref.Match(pl.in.Base, cur)
		pl.p.same = pl.same
		// A document both revisions share is matched section by section
		// to itself: only the others' sections are listed.
		if pl.opts.Branch {
			pl.baseOf = map[*policy.Section]*policy.Section{}
		}
		for o, n := range pl.same {
			if o != n {
				pl.matched[n] = true
				if pl.baseOf != nil {
					pl.baseOf[n] = o
				}
			}
		}
		pairs = ref.Counterparts(pl.in.Base, cur, pl.in.BaseRefs, pl.in.CurRefs, pl.same)
	}
	var headPairs map[*ref.Ref]*ref.Ref
	var headSame map[*policy.Section]*policy.Section
	if pl.in.Head != nil {
		headSame = ref.Match(pl.in.Head, cur)
		headPairs = ref.Counterparts(pl.in.Head, cur, pl.in.HeadRefs, pl.in.CurRefs, headSame)
	}
	for _, d := range cur.Docs {
		for _, r := range pl.in.CurRefs[d] {
			if r.External {
				continue
			}
			if old := pairs[r]; old != nil && !old.External && len(old.Targets) > 0 {
				pl.fromBase(r, old, pl.same)
				continue
			}
			if old := headPairs[r]; old != nil && !old.External && len(old.Targets) > 0 && old.Problem == nil && duplicates(old) == nil && sharedCite(old, true) == nil {
				// Committed since the revision in force: what it pointed
				// at in the last commit — unless it was ambiguous there
				// too (a second 第36条 committed with it): then it is
				// read as below, and refused as ambiguous.
				pl.fromBase(r, old, headSame)
				continue
			}
			if len(r.Targets) == 0 {
				pl.p.identity[r] = nil // resolves to nothing: it must stay so
				continue
			}
			dup := duplicates(r)
			if dup == nil {
				dup = sharedCite(r, pl.in.Base != nil)
			}
			if dup != nil && !pl.opts.RefsOnly && pl.renumbers(dup[0].Doc) {
				pl.problem(r.Pos, i18n.Sprintf("%s could mean any of %s, which carry the same number; write the number of the one you mean (or compare with the revision that had one, --against REV), then renumber", r.Text, describe(dup)))
				continue
			}
			pl.p.identity[r] = r.Targets
			cs := make([]*policy.Section, len(r.Cites))
			for i, c := range r.Cites {
				cs[i] = c.Sec
			}
			pl.cites[r] = cs
		}
	}
}

// renumbers reports whether the plan may renumber provisions of d: every
// document, or with --doc the one named and the files of its tier after
// it (whose articles follow from its). A reference ambiguous among the
// provisions of another document is that document's to settle.
func (pl *planner) renumbers(d *policy.Document) bool {
	if pl.opts.Doc == "" || d == nil {
		return true
	}
	sel := pl.in.Cur.Doc(pl.opts.Doc)
	return d == sel || sel != nil && d.Meta.Tier != "" && d.Meta.Tier == sel.Meta.Tier
}

// fromBase takes a reference's identity from the base revision (or the
// last commit), whose sections same maps to the working tree's.
func (pl *planner) fromBase(r, old *ref.Ref, same map[*policy.Section]*policy.Section) {
	if old.Each && r.Each {
		// 前項各号 keeps meaning every 号 of that 項, as many as it has now.
		if p := same[old.Targets[0].Parent]; p != nil {
			var want []*policy.Section
			for _, c := range p.Children {
				if c.Style == old.Targets[0].Style {
					want = append(want, c)
				}
			}
			if len(want) > 0 {
				pl.keep(r, old, want, same)
				return
			}
		}
	}
	var want []*policy.Section
	for i, t := range old.Targets {
		n := same[t]
		if n == nil {
			if old.Range && i > 0 && i < len(old.Targets)-1 {
				continue // a range keeps covering what is left between its ends
			}
			pl.problem(r.Pos, i18n.Sprintf("%s pointed at %s in the base revision, which is no longer there; rewrite the sentence (or cite what replaces it), then renumber", r.Text, display(t)))
			return
		}
		want = append(want, n)
	}
	pl.keep(r, old, want, same)
}

// keep gives a reference the identity want, and each of its links the
// provision its counterpart's named in the base.
func (pl *planner) keep(r, old *ref.Ref, want []*policy.Section, same map[*policy.Section]*policy.Section) {
	pl.p.identity[r] = want
	if old.Range {
		if pl.rangeWas == nil {
			pl.rangeWas = map[*ref.Ref]int{}
		}
		pl.rangeWas[r] = len(old.Targets)
	}
	cs := make([]*policy.Section, len(r.Cites))
	if len(old.Cites) == len(r.Cites) {
		for i, c := range old.Cites {
			if c.Sec != nil {
				cs[i] = same[c.Sec]
			}
		}
	}
	pl.cites[r] = cs
}

func display(s *policy.Section) string {
	if s.Kind == policy.KindRoot {
		return s.Doc.Path
	}
	return s.Display()
}

// fileOrder refuses to renumber a tier whose files sort by name in
// another order than their articles do, where sorting the names by the
// value of their digits (ch2 before ch10) would put the articles in
// order: the files of a tier are numbered through in the order of their
// names, and renumbering them as they sort would move every article of
// the misplaced chapter, keeping the references right but the 例規 wrong.
func (pl *planner) fileOrder() {
	byTier := map[policy.Tier][]*policy.Document{}
	first := map[*policy.Document]int{}
	for _, d := range pl.in.Cur.Docs {
		if d.Meta.Tier == "" {
			continue
		}
		for _, s := range d.Sections() {
			if s.Style == policy.StyleArticle && !s.Provisional && !s.InSupplement() {
				first[d] = s.Number.N
				byTier[d.Meta.Tier] = append(byTier[d.Meta.Tier], d)
				break
			}
		}
	}
	for _, t := range slices.Sorted(mapsKeys(byTier)) {
		docs := byTier[t]
		natural := slices.Clone(docs)
		slices.SortStableFunc(natural, func(a, b *policy.Document) int { return naturalCompare(a.Path, b.Path) })
		ascending := func(ds []*policy.Document) bool {
			return slices.IsSortedFunc(ds, func(a, b *policy.Document) int { return first[a] - first[b] })
		}
		if slices.Equal(docs, natural) || ascending(docs) || !ascending(natural) {
			continue
		}
		for i := 1; i < len(docs); i++ {
			if a, b := docs[i-1], docs[i]; first[b] < first[a] {
				pl.problem(policy.Pos{File: a.Path, Line: 1, Col: 1}, i18n.Sprintf("%s sorts before %s, but its articles (from 第%d条) follow that file's (from 第%d条): the files of a tier are numbered through in the order of their names; rename the files so that they sort as the chapters do (01-…, 02-…, 10-…), then renumber", a.Path, b.Path, first[a], first[b]))
				break
			}
		}
	}
}

// naturalCompare orders paths with runs of digits compared by value:
// ch2.md before ch10.md.
func naturalCompare(a, b string) int {
	for a != "" && b != "" {
		da, db := digitRun(a), digitRun(b)
		if da > 0 && db > 0 {
			x, y := strings.TrimLeft(a[:da], "0"), strings.TrimLeft(b[:db], "0")
			if c := cmp.Compare(len(x), len(y)); c != 0 {
				return c
			}
			if c := strings.Compare(x, y); c != 0 {
				return c
			}
			a, b = a[da:], b[db:]
			continue
		}
		if a[0] != b[0] {
			return cmp.Compare(a[0], b[0])
		}
		a, b = a[1:], b[1:]
	}
	return cmp.Compare(len(a), len(b))
}

func digitRun(s string) int {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return n
}

// renumber gives every numbered provision its place in its sequence.
func (pl *planner) renumber() {
	selected := map[*policy.Document]bool{}
	for _, d := range pl.in.Cur.Docs {
		if pl.opts.Doc == "" || d.Meta.ID == pl.opts.Doc {
			selected[d] = true
		}
	}
	// Articles and chapters are numbered through a document, and through
	// the files of a tier when a 対策基準 is split by chapter: a file
	// whose first article is not 第1条 continues the previous file of its
	// tier (as check's numbering rule reads them).
	for _, style := range []policy.Style{policy.StyleArticle, policy.StyleChapter} {
		runs := map[policy.Tier][]*policy.Section{}
		flush := func(run []*policy.Section) {
			if len(run) == 0 {
				return
			}
			from := -1
			for i, s := range run {
				if selected[s.Doc] {
					from = i
					break
				}
			}
			if from >= 0 {
				pl.sequence(run, from)
			}
		}
		for _, d := range pl.in.Cur.Docs {
			var own []*policy.Section
			for _, s := range d.Sections() {
				if s.Style == style && !s.InSupplement() {
					own = append(own, s)
				}
			}
			if len(own) == 0 {
				continue
			}
			if policy.StartsAtOne(own) || d.Meta.Tier == "" {
				flush(runs[d.Meta.Tier])
				runs[d.Meta.Tier] = nil
			}
			runs[d.Meta.Tier] = append(runs[d.Meta.Tier], own...)
			if d.Meta.Tier == "" {
				flush(runs[""])
				runs[""] = nil
			}
		}
		for _, t := range slices.Sorted(mapsKeys(runs)) {
			flush(runs[t])
		}
	}
	for _, d := range pl.in.Cur.Docs {
		if !selected[d] || d.Root == nil {
			continue
		}
		d.Root.Walk(func(s *policy.Section) bool {
			if len(s.Children) == 0 {
				return true
			}
			// The children of one style, in order, for each style.
			var groups [][]*policy.Section
			for _, c := range s.Children {
				if !c.Numbered() || c.Style == policy.StyleSupplement || (c.Style == policy.StyleArticle || c.Style == policy.StyleChapter) && !c.InSupplement() {
					continue
				}
				k := 0
				for k < len(groups) && groups[k][0].Style != c.Style {
					k++
				}
				if k == len(groups) {
					groups = append(groups, nil)
				}
				groups[k] = append(groups[k], c)
			}
			for _, g := range groups {
				pl.sequence(g, 0)
			}
			return true
		})
	}
}

func mapsKeys[K comparable, V any](m map[K]V) func(func(K) bool) {
	return func(yield func(K) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// sequence numbers a run of sibling sections from its from-th section on;
// those before it keep their numbers.
func (pl *planner) sequence(run []*policy.Section, from int) {
	n, b := 0, 1
	if from > 0 {
		prev := run[from-1].Number
		n = prev.N
		if len(prev.Sub) > 0 {
			b = prev.Sub[0]
		}
	}
	// seen are the numbers before, for --branch without a base: a
	// repeated number is an inserted article.
	var seen map[string]bool
	if pl.opts.Branch {
		seen = map[string]bool{}
	}
	for i, s := range run {
		if i < from {
			if seen != nil {
				seen[s.Number.Key()] = true
			}
			continue
		}
		var num policy.Number
		// Under --branch nothing the base has moves: an article keeps the
		// number it has there, whatever an earlier renumbering since gave
		// it (a 第4条 inserted and renumbered since, then a branch).
		bn := s.Number
		if o := pl.baseOf[s]; o != nil && o.Style == s.Style && !s.Provisional {
			bn = o.Number
		}
		switch {
		case s.Kind == policy.KindImplicit:
			// An article's first 項 is 1 and has no label of its own.
			n, b = 1, 1
			num = s.Number
		case pl.opts.Branch && s.Style == policy.StyleArticle && n > 0 && pl.inserted(s, seen):
			b++
			num = policy.Number{N: n, Sub: []int{b}}
		case pl.opts.Branch && s.Style == policy.StyleArticle && n == 0 && pl.inserted(s, seen):
			// Before the first article there is none to branch from: it
			// is 第1条, and the articles after it move. Said, not hidden.
			pl.p.Kept = append(pl.p.Kept, Problem{Pos: s.Doc.BodyPos(s.Offset), Message: i18n.Sprintf("--branch: %s stands before the first article, where no 枝番 can be made; it is numbered %s and the articles after it move", s.Label, s.Style.Label(policy.Number{N: 1}))})
			n, b = 1, 1
			num = policy.Number{N: 1}
		case pl.opts.Branch && s.Style == policy.StyleArticle && !s.Provisional && len(bn.Sub) == 1 && bn.N == n && bn.Sub[0] > b+1:
			// A deleted 枝番 leaves its gap under --branch too.
			missing := policy.Number{N: n, Sub: []int{b + 1}}
			pl.p.Kept = append(pl.p.Kept, Problem{Pos: s.Doc.BodyPos(s.Offset), Message: i18n.Sprintf("--branch keeps the numbers after a deleted article: %s stays, and %s is missing; write 「%s　削除」 where it stood (check reports the gap until then)", s.Style.Label(bn), s.Style.Label(missing), s.Style.Label(missing))})
			b = bn.Sub[0]
			num = bn
		case len(bn.Sub) > 0 && !s.Provisional && !pl.opts.Collapse && n > 0:
			// A 枝番 is kept (under --branch, one the base has, though a
			// renumbering since folded it).
			if len(bn.Sub) == 1 {
				b++
			}
			num = policy.Number{N: n, Sub: append([]int{b}, bn.Sub[1:]...)}
		case pl.opts.Branch && s.Style == policy.StyleArticle && !s.Provisional && len(bn.Sub) == 0 && bn.N > n+1:
			// Nothing after a deleted article moves either: the gap is
			// kept for a 「第N条　削除」 (written by a person, as the
			// deletion was).
			pl.p.Kept = append(pl.p.Kept, Problem{Pos: s.Doc.BodyPos(s.Offset), Message: i18n.Sprintf("--branch keeps the numbers after a deleted article: %s stays, and %s is missing; write 「%s　削除」 where it stood (check reports the gap until then)", s.Style.Label(bn), gapLabels(s.Style, n+1, bn.N-1), s.Style.Label(policy.Number{N: n + 1}))})
			n, b = bn.N, 1
			num = bn
		default:
			n, b = n+1, 1
			num = policy.Number{N: n}
		}
		if seen != nil {
			seen[s.Number.Key()] = true
		}
		if !num.Equal(s.Number) || s.Provisional {
			pl.p.num[s] = num // a provision not listed keeps its number
		}
		if !num.Equal(s.Number) || s.Provisional || pl.markerDiffers(s, num) {
			pl.relabel(s, num)
		}
	}
}

// gapLabels names the missing numbers from to to: 第5条, or 第5条から第7条まで.
func gapLabels(st policy.Style, from, to int) string {
	if from == to {
		return st.Label(policy.Number{N: from})
	}
	return i18n.Sprintf("from %s to %s", st.Label(policy.Number{N: from}), st.Label(policy.Number{N: to}))
}

// inserted reports whether an article was inserted since the base: it has
// no counterpart there; without a base, it is numbered 第?条 or repeats
// the number of an article before it.
func (pl *planner) inserted(s *policy.Section, seen map[string]bool) bool {
	if s.Provisional {
		return true
	}
	if pl.in.Base != nil && pl.in.Base.Doc(s.Doc.Meta.ID) != nil {
		return !pl.matched[s] && pl.same[s] != s
	}
	return seen[s.Number.Key()]
}

// num is the number a section has after the renumbering.
func (p *Plan) number(s *policy.Section) policy.Number {
	if n, ok := p.num[s]; ok {
		return n
	}
	return s.Number
}

// duplicates returns the provisions a reference names by one number when
// several carry it — two 二 after a 号 was inserted as a duplicate — or
// nil. Which one it means, only its writer knows.
func duplicates(r *ref.Ref) []*policy.Section {
	if r.Range || len(r.Targets) < 2 || len(r.Cites) == 0 {
		return nil
	}
	last := r.Cites[len(r.Cites)-1]
	if last.Relative || last.NumEnd <= last.NumStart {
		return nil
	}
	for _, t := range r.Targets[1:] {
		if !t.Number.Equal(r.Targets[0].Number) || t.Style != r.Targets[0].Style {
			return nil
		}
	}
	return r.Targets
}

// sharedCite returns the articles that carry the number a reference names
// on its way (the 第3条 of 第3条第2項) when several articles of the
// document carry it — a new article typed as a second 第3条 — or nil. The reference
// resolved through the first of them, which only its writer can confirm.
// outlineStyle reports whether a style numbers an outline (1., (1), ①,
// ア, (ア)), whose numbers are counted among siblings.
func outlineStyle(st policy.Style) bool {
	switch st {
	case policy.StyleDot, policy.StyleParen, policy.StyleCircled, policy.StyleKatakana, policy.StyleParenKatakana:
		return true
	}
	return false
}

func sharedCite(r *ref.Ref, based bool) []*policy.Section {
	for _, c := range r.Cites {
		s := c.Sec
		if !c.Relative && s != nil && s.Parent != nil && outlineStyle(s.Style) {
			if !based {
				continue // no revision before: read as written, the first
			}
			// 上記2(2), written since the base, where an inserted (2)
			// repeats the number of the one it goes before: which of
			// them is meant, only the editor knows.
			up := strings.HasPrefix(r.Text, "上記") || strings.HasPrefix(r.Text, "前記")
			down := strings.HasPrefix(r.Text, "下記") || strings.HasPrefix(r.Text, "後記")
			var same []*policy.Section
			for _, x := range s.Parent.Children {
				if x.Style != s.Style || !x.Number.Equal(s.Number) {
					continue
				}
				if x.Doc == r.Doc && (up && x.Offset > r.Start || down && x.Offset < r.Start) {
					continue // 前記(ア) looks up: the (ア) below is not meant
				}
				same = append(same, x)
			}
			if len(same) > 1 {
				return same
			}
			continue
		}
		// Articles, numbered through the document (outline numbers are
		// above, among their siblings).
		if c.Relative || s == nil || s.Parent == nil || s.Provisional || s.Style != policy.StyleArticle {
			continue
		}
		// The siblings that carry its number and hold what the reference
		// names below it (第2項 of 第3条第2項): one is as written; more is
		// a guess.
		var rel []*policy.Section
		if len(r.Targets) > 0 {
			for t := r.Targets[0]; t != nil && t != s; t = t.Parent {
				rel = append([]*policy.Section{t}, rel...)
			}
		}
		// 上記, 前記 look up and 下記, 後記 down: a sibling on the other
		// side is not meant.
		before := strings.HasPrefix(r.Text, "上記") || strings.HasPrefix(r.Text, "前記")
		after := strings.HasPrefix(r.Text, "下記") || strings.HasPrefix(r.Text, "後記")
		// Articles are numbered through the document, across its chapters
		// (a 附則's on their own).
		var same []*policy.Section
		for _, x := range s.Doc.Sections() {
			if x.Style != s.Style || supplementOf(x) != supplementOf(s) || !x.Number.Equal(s.Number) || x.Provisional || !holds(x, rel) {
				continue
			}
			if x.Doc == r.Doc && (before && x.Offset > r.Start || after && x.Offset < r.Start) {
				continue
			}
			same = append(same, x)
		}
		if len(same) > 1 {
			return same
		}
	}
	return nil
}

// supplementOf is the 附則 a section stands in, or nil.
func supplementOf(s *policy.Section) *policy.Section {
	for p := s.Parent; p != nil; p = p.Parent {
		if p.Style == policy.StyleSupplement {
			return p
		}
	}
	return nil
}

// holds reports whether x has, below it, provisions shaped as path: the
// same kinds, styles and numbers, level by level.
func holds(x *policy.Section, path []*policy.Section) bool {
	for _, p := range path {
		var next *policy.Section
		for _, c := range x.Children {
			if c.Kind == p.Kind && c.Style == p.Style && c.Number.Equal(p.Number) {
				next = c
				break
			}
		}
		if next == nil {
			return false
		}
		x = next
	}
	return true
}

// Keep is a plan that changes no number and no reference. A caller that
// rewrites how numbers are written (第５条 → 第5条) sets its Edits; Apply
// then verifies that every reference of in.Cur keeps the targets it has
// as written.
func Keep(in Input) *Plan {
	p, _ := Make(Input{Cur: in.Cur, CurRefs: in.CurRefs}, Options{RefsOnly: true})
	p.Edits, p.Refs, p.Problems = nil, nil, nil
	return p
}

// markerDiffers reports whether an ordered list item's marker, which
// Markdown does not read beyond the first (1. 1. 1. is 1, 2, 3), says
// another number than the item has.
func (pl *planner) markerDiffers(s *policy.Section, num policy.Number) bool {
	if s.Kind != policy.KindItem {
		return false
	}
	if l, ok := s.Node.Parent().(*ast.List); !ok || !l.IsOrdered() {
		return false
	}
	_, marker, ok := labelAt(s, s.Doc.Body())
	return ok && strings.TrimRight(marker, ".)") != itoa(num.N)
}
