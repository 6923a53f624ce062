package ref

import (
	"sort"
	"strings"

	"github.com/policyctl/policyctl/internal/markdown"
	"github.com/policyctl/policyctl/internal/policy"
)

// A Shift is a reference that reads the same in two revisions but points
// elsewhere in the newer one, because the provisions were renumbered: 上記3
// meant 3 想定する脅威, and now that a section 3 was inserted it means the
// new one, while 想定する脅威 is 4.
type Shift struct {
	// Ref is the reference in the newer revision.
	Ref *Ref
	// Was are the sections it pointed at in the older revision, in its
	// TargetDoc there.
	Was []*policy.Section
	// Now are those sections in the newer revision, where they are still
	// there (nil for one that was removed), in the same order as Was.
	Now []*policy.Section
	// Write is the reference as it should now be written to keep its
	// target (上記4), or "" when a target was removed.
	Write string
}

// Renumbered compares the references of cur with those of base, the
// revision cur changes: every reference whose wording, and the provision
// it stands in, are the same in both but whose target is another
// provision now. Provisions are matched across the revisions by what they
// say, not by their numbers.
func Renumbered(base, cur *policy.Repo) []Shift {
	if base == nil || cur == nil {
		return nil
	}
	return RenumberedRefs(base, cur, All(base), All(cur))
}

// RenumberedRefs is Renumbered for references already resolved (by All).
func RenumberedRefs(base, cur *policy.Repo, oldRefs, newRefs map[*policy.Document][]*Ref) []Shift {
	return RenumberedRefsMatched(base, cur, oldRefs, newRefs, Match(base, cur))
}

// RenumberedRefsMatched is RenumberedRefs with the sections of base already
// matched to cur's (Match, or a caller that knows them).
func RenumberedRefsMatched(base, cur *policy.Repo, oldRefs, newRefs map[*policy.Document][]*Ref, same map[*policy.Section]*policy.Section) []Shift {
	pairs := Counterparts(base, cur, oldRefs, newRefs, same)
	var out []Shift
	for _, d := range cur.Docs {
		for _, r := range newRefs[d] {
			if old := pairs[r]; old != nil {
				if s, ok := shifted(old, r, same); ok {
					out = append(out, s)
				}
			}
		}
	}
	return out
}

// Match maps the sections of base to the same sections in cur, document
// by document (documents by id): by explicit ID, then by what they say,
// then by similar text, then by number where the text was rewritten in
// place. It is how a provision is followed across a renumbering.
func Match(base, cur *policy.Repo) map[*policy.Section]*policy.Section {
	same := map[*policy.Section]*policy.Section{}
	baseDocs := map[string]*policy.Document{}
	for _, d := range base.Docs {
		baseDocs[d.Meta.ID] = d
	}
	for _, d := range cur.Docs {
		if od := baseDocs[d.Meta.ID]; od != nil && od.Root != nil && d.Root != nil {
			if od == d {
				// A document shared by both models (policy.Repo.With)
				// is its own match.
				for _, s := range d.Sections() {
					same[s] = s
				}
				same[d.Root] = d.Root
				continue
			}
			for o, n := range matchSections(od, d) {
				same[o] = n
			}
		}
	}
	return same
}

// Counterparts pairs each reference of cur with the same reference in
// base, where there is one: the same wording, in the same expression as
// written, in the same provision (as same matches them), at the same
// place in its expression (the 8 of 上記6、7及び8 is not the 8 of
// 上記7、8及び9), in order. A reference without a counterpart was written
// since base — also one whose expression was rewritten (第6条、第7条及び
// 第8条 edited to 第7条及び第8条, then renumbered to 第6条及び第7条):
// pairing its 第6条 with the base's would say it points elsewhere.
func Counterparts(base, cur *policy.Repo, oldRefs, newRefs map[*policy.Document][]*Ref, same map[*policy.Section]*policy.Section) map[*Ref]*Ref {
	baseDocs := map[string]*policy.Document{}
	for _, d := range base.Docs {
		baseDocs[d.Meta.ID] = d
	}
	n := 0
	for _, d := range cur.Docs {
		n += len(newRefs[d])
	}
	out := make(map[*Ref]*Ref, n)
	type key struct {
		host     *policy.Section
		text     string
		member   int
		exprText string // the expression as written
	}
	for _, d := range cur.Docs {
		od := baseDocs[d.Meta.ID]
		if od == nil {
			continue
		}
		if od == d && sameRefs(oldRefs[od], newRefs[d], same) {
			// A document both revisions share (one cache read both),
			// with the same references: each is its own counterpart.
			for _, r := range newRefs[d] {
				out[r] = r
			}
			continue
		}
		if od == d && pairInPlace(oldRefs[od], newRefs[d], same, out) {
			continue
		}
		before := map[key][]*Ref{}
		for _, r := range oldRefs[od] {
			h := same[r.Host]
			if r.Host == nil {
				h = nil
			} else if h == nil {
				continue // the provision it stood in is gone
			}
			k := key{h, r.Text, r.member, r.Expr}
			before[k] = append(before[k], r)
		}
		seen := map[key]int{}
		used := map[*Ref]bool{}
		for _, r := range newRefs[d] {
			k := key{r.Host, r.Text, r.member, r.Expr}
			i := seen[k]
			seen[k]++
			if olds := before[k]; i < len(olds) {
				out[r] = olds[i]
				used[olds[i]] = true
			}
		}
		staleInEdited(oldRefs[od], newRefs[d], same, used, out)
	}
	return out
}

// staleInEdited pairs, in an expression the editor rewrote, a reference
// with the base's of the same wording and place in the same provision when
// what the base's pointed at still stands and the rewritten expression no
// longer cites it anywhere: a number left stale beside a member added
// (第2条及び第3条 edited to 第2条、第3条及び第1条 while 第2条 became 第3条)
// is still found. Where the expression cites the provision by its new
// number (第6条、第7条及び第8条 edited and renumbered to 第6条及び第7条), or
// the provision is gone, the reference is new text and left unpaired.
func staleInEdited(oldRefs, newRefs []*Ref, same map[*policy.Section]*policy.Section, used map[*Ref]bool, out map[*Ref]*Ref) {
	type key struct {
		host   *policy.Section
		text   string
		member int
	}
	before := map[key][]*Ref{}
	for _, r := range oldRefs {
		if used[r] || r.External || r.Problem != nil || len(r.Targets) == 0 {
			continue
		}
		h := same[r.Host]
		if r.Host == nil {
			h = nil
		} else if h == nil {
			continue
		}
		k := key{h, r.Text, r.member}
		before[k] = append(before[k], r)
	}
	if len(before) == 0 {
		return
	}
	type exprKey struct {
		host *policy.Section
		expr string
	}
	cited := map[exprKey]map[*policy.Section]bool{}
	for _, r := range newRefs {
		ek := exprKey{r.Host, r.Expr}
		if cited[ek] == nil {
			cited[ek] = map[*policy.Section]bool{}
		}
		for _, t := range r.Targets {
			cited[ek][t] = true
		}
	}
	seen := map[key]int{}
	for _, r := range newRefs {
		if _, ok := out[r]; ok || r.External {
			continue
		}
		k := key{r.Host, r.Text, r.member}
		olds := before[k]
		i := seen[k]
		if i >= len(olds) {
			continue
		}
		seen[k]++
		o := olds[i]
		stale := true
		for _, t := range o.Targets {
			n := same[t]
			if n == nil || cited[exprKey{r.Host, r.Expr}][n] {
				stale = false
				break
			}
		}
		if stale {
			out[r] = o
		}
	}
}

// pairInPlace pairs the references of one document that both revisions
// share (the same text, so the same references in the same order) place
// by place, when each pair has the key Counterparts pairs by — wording,
// place in its expression, and a host that same maps to its own. That is
// the pairing by key, without its maps: the n-th reference with a key in
// one list is the n-th with that key in the other. It reports false, and
// pairs nothing, when a place differs.
func pairInPlace(a, b []*Ref, same map[*policy.Section]*policy.Section, out map[*Ref]*Ref) bool {
	if len(a) != len(b) {
		return false
	}
	for i, o := range a {
		n := b[i]
		if o.Text != n.Text || o.Expr != n.Expr || o.member != n.member || (o.Host == nil) != (n.Host == nil) || o.Host != nil && same[o.Host] != n.Host {
			return false
		}
	}
	for i, o := range a {
		out[b[i]] = o
	}
	return true
}

// sameRefs reports whether two lists are one list whose every reference
// stands in a provision same maps to itself, where pairing by wording and
// place would pair each reference with itself.
func sameRefs(a, b []*Ref, same map[*policy.Section]*policy.Section) bool {
	if len(a) != len(b) || len(a) > 0 && &a[0] != &b[0] {
		return false
	}
	for _, r := range a {
		if r.Host != nil && same[r.Host] != r.Host {
			return false
		}
	}
	return true
}

// Members lists the provisions a range covers, from one end to the other:
// the siblings between them, or for articles every article between them.
// It is nil when the range runs backwards.
func Members(from, to *policy.Section) []*policy.Section { return members(from, to) }

// shifted compares one reference in two revisions.
func shifted(old, r *Ref, same map[*policy.Section]*policy.Section) (Shift, bool) {
	if old.External || r.External || old.Problem != nil || len(old.Targets) == 0 {
		return Shift{}, false
	}
	if r.Problem != nil && r.Problem.Rule == policy.RuleRefAmbiguous {
		return Shift{}, false // reported as what it is now
	}
	if old.Targets[0].Kind == policy.KindRoot {
		return Shift{}, false
	}
	if old.Each && r.Each && len(r.Targets) > 0 {
		// 前項各号 means the 号 of that 項, whichever they are now: one
		// added or removed among them moves nothing.
		if p := same[old.Targets[0].Parent]; p != nil && r.Targets[0].Parent == p {
			return Shift{}, false
		}
	}
	s := Shift{Ref: r, Was: old.Targets}
	moved := len(old.Targets) != len(r.Targets)
	for i, t := range old.Targets {
		n := same[t]
		s.Now = append(s.Now, n)
		if n == nil || i >= len(r.Targets) || r.Targets[i] != n {
			moved = true
		}
	}
	if !moved {
		return Shift{}, false
	}
	s.Write = rewrite(old, r, same)
	return s, true
}

// rewrite writes a reference so that it points where it pointed before:
// each number whose provision was renumbered gets the provision's new
// number, in the digits it was written in (第十二条 → 第十三条); a relative
// word whose target moved becomes the target's number (前条 → 第4条).
// It returns "" when that cannot be done.
func rewrite(old, r *Ref, same map[*policy.Section]*policy.Section) string {
	if len(old.Cites) != len(r.Cites) {
		return ""
	}
	type edit struct {
		start, end int
		text       string
	}
	var edits []edit
	for i, c := range r.Cites {
		oc := old.Cites[i]
		if c.Inherited || oc.Sec == nil {
			continue
		}
		want := same[oc.Sec]
		if want == nil {
			return ""
		}
		if want == c.Sec && want.Number.Equal(oc.Sec.Number) {
			continue
		}
		switch {
		case c.Relative:
			edits = append(edits, edit{c.Start, c.End, cite(want)})
		case c.NumEnd > c.NumStart:
			edits = append(edits, edit{c.NumStart, c.NumEnd, number(want, c)})
		default:
			return ""
		}
	}
	if len(edits) == 0 {
		return ""
	}
	text := r.Text
	sort.Slice(edits, func(i, j int) bool { return edits[i].start > edits[j].start })
	for _, e := range edits {
		a, b := e.start-r.Start, e.end-r.Start
		if a < 0 || b > len(text) || a > b {
			return ""
		}
		text = text[:a] + e.text + text[b:]
	}
	return text
}

// number writes a section's number the way a cite wrote its old one.
func number(s *policy.Section, c Cite) string {
	switch s.Style {
	case policy.StyleKatakana, policy.StyleIroha, policy.StyleParenKatakana:
		order := s.Style
		if order == policy.StyleParenKatakana {
			order = policy.StyleKatakana
		}
		if r, ok := policy.KanaLetter(order, s.Number.N); ok {
			return string(r)
		}
	case policy.StyleCircled:
		return s.Style.Label(s.Number)
	}
	var b strings.Builder
	b.WriteString(policy.FormatNumber(s.Number.N, c.digits))
	for _, sub := range s.Number.Sub {
		b.WriteString("の" + policy.FormatNumber(sub, c.digits))
	}
	return b.String()
}

// cite writes how a provision is cited by number: 第4条, 第4条第2項, 6(3).
func cite(s *policy.Section) string {
	if o := s.Outline(); o != "" {
		return o
	}
	return s.Style.Label(s.Number)
}

// matchSections matches the sections of two versions of a document: by
// explicit ID, then by what they say (their title and text, without their
// number), then by similar text, then by number where the text was
// rewritten in place. An article's first 項 follows its article.
func matchSections(od, nd *policy.Document) map[*policy.Section]*policy.Section {
	match := map[*policy.Section]*policy.Section{od.Root: nd.Root}
	used := map[*policy.Section]bool{nd.Root: true}
	olds, news := own(od), own(nd)
	try := func(key func(x sectionText) string) {
		oldBy, newBy := map[string][]*policy.Section{}, map[string][]*policy.Section{}
		for _, x := range olds {
			if _, ok := match[x.sec]; !ok {
				if k := key(x); k != "" {
					oldBy[k] = append(oldBy[k], x.sec)
				}
			}
		}
		for _, x := range news {
			if !used[x.sec] {
				if k := key(x); k != "" {
					newBy[k] = append(newBy[k], x.sec)
				}
			}
		}
		for k, os := range oldBy {
			ns := newBy[k]
			if len(os) == 1 && len(ns) == 1 {
				match[os[0]] = ns[0]
				used[ns[0]] = true
			}
		}
	}
	try(func(x sectionText) string {
		if x.sec.Explicit {
			return x.sec.ID
		}
		return ""
	})
	try(func(x sectionText) string {
		if x.text == "" {
			return ""
		}
		return x.sec.Style.String() + "\x00" + x.parent + "\x00" + x.text
	})
	try(func(x sectionText) string {
		if x.text == "" {
			return ""
		}
		return x.sec.Style.String() + "\x00" + x.text
	})
	// The same text but for its numbers: a provision whose references
	// were renumbered (第4条に従い → 第5条に従い), or a number edited in
	// place (8文字 → 12文字), before similar text, which short provisions
	// that differ only in a number would pair at random.
	try(func(x sectionText) string {
		if x.text == "" {
			return ""
		}
		return x.sec.Style.String() + "\x00" + withoutNumbers(x.text)
	})
	// Similar text: best pairs first. The documents are small; the bound
	// keeps a pathological pair linear enough.
	type cand struct {
		o, n  *policy.Section
		score float64
	}
	var cands []cand
	if len(olds)*len(news) <= 250000 {
		for _, o := range olds {
			if _, ok := match[o.sec]; ok || o.text == "" {
				continue
			}
			for _, n := range news {
				if used[n.sec] || n.sec.Style != o.sec.Style || n.text == "" {
					continue
				}
				if s := dice(o.grams, n.grams); s >= 0.6 {
					cands = append(cands, cand{o.sec, n.sec, s})
				}
			}
		}
	}
	sort.SliceStable(cands, func(a, b int) bool { return cands[a].score > cands[b].score })
	for _, c := range cands {
		if _, ok := match[c.o]; ok || used[c.n] {
			continue
		}
		match[c.o] = c.n
		used[c.n] = true
	}
	try(func(x sectionText) string {
		if o := x.sec.Outline(); o != "" {
			return x.sec.Style.String() + "\x00" + o
		}
		return ""
	})
	// An article's first 項 follows its article.
	for o, n := range match {
		if first(o) != nil && first(n) != nil {
			match[first(o)] = first(n)
		}
	}
	return match
}

func first(s *policy.Section) *policy.Section {
	if s.Style == policy.StyleArticle && len(s.Children) > 0 && s.Children[0].Kind == policy.KindImplicit {
		return s.Children[0]
	}
	return nil
}

// sectionText is what a section says without its number.
type sectionText struct {
	sec    *policy.Section
	text   string
	parent string
	grams  map[[2]rune]int
}

func own(d *policy.Document) []sectionText {
	var out []sectionText
	for _, s := range d.Sections() {
		if s.Kind == policy.KindImplicit {
			continue
		}
		x := sectionText{sec: s, text: textOf(s)}
		if s.Parent != nil && s.Parent.Kind != policy.KindRoot {
			x.parent = s.Parent.Title
		}
		x.grams = bigrams(x.text)
		out = append(out, x)
	}
	return out
}

// textOf is a section's own words: its title and, for a numbered block,
// the block's text after its number.
func textOf(s *policy.Section) string {
	if s.Kind == policy.KindHeading || s.Node == nil {
		return strings.TrimSpace(s.Title)
	}
	t := strings.TrimSpace(markdown.PlainText(s.Node, s.Doc.Body()))
	if s.Label != "" {
		if i := strings.Index(t, s.Label); i >= 0 && i < 16 {
			t = strings.TrimSpace(t[i+len(s.Label):])
		}
	}
	if s.Style == policy.StyleArticle {
		t = s.Title + "\x00" + t
	}
	return t
}

func bigrams(s string) map[[2]rune]int {
	rs := []rune(s)
	m := map[[2]rune]int{}
	for i := 0; i+1 < len(rs); i++ {
		m[[2]rune{rs[i], rs[i+1]}]++
	}
	return m
}

// dice is the Dice coefficient of two bigram multisets.
func dice(a, b map[[2]rune]int) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	common, total := 0, 0
	for k, n := range a {
		common += min(n, b[k])
		total += n
	}
	for _, n := range b {
		total += n
	}
	return 2 * float64(common) / float64(total)
}

// withoutNumbers writes every run of digits (ASCII, full-width or kanji)
// as one "#".
func withoutNumbers(s string) string {
	var b strings.Builder
	prev := false
	for _, r := range s {
		digit := policy.IsDigit(r) || strings.ContainsRune("〇一二三四五六七八九十百千", r)
		if digit {
			if !prev {
				b.WriteByte('#')
			}
		} else {
			b.WriteRune(r)
		}
		prev = digit
	}
	return b.String()
}
