package ref

import "github.com/policyctl/policyctl/internal/policy"

// Derive resolves the references of next from refs, the resolution of
// prev, a model that shares documents with next (policy.Repo.With, or two
// revisions loaded through one policy.Cache): a document's references
// depend only on the document and on those they can point into. They are
// resolved again where they can differ: in the documents that changed, in
// those with a reference into a changed document, or that does not
// resolve (it may now), and in those with a reference into another
// document of a changed one's tier that the change could take over (a
// tier's name cites all of its documents): one whose target's number or
// title a changed document gained or lost. When a changed document's
// name, tier or place in its tier's numbering changed, every reference
// into its tier is resolved again. The others are prev's: the same
// documents, citing the same provisions. When the two models do not hold
// the same files in the same order, or a document's id, title or tier
// changed, or the organisation's name, nothing is taken from prev: a
// reference may name any document.
func Derive(prev *policy.Repo, refs map[*policy.Document][]*Ref, next *policy.Repo) map[*policy.Document][]*Ref {
	if len(prev.Docs) != len(next.Docs) || prev.Config == nil || next.Config == nil ||
		prev.Config.Organization.Name != next.Config.Organization.Name {
		// Another organisation's name makes other short titles (New).
		return ResolveDocs(next, next.Docs)
	}
	changed := map[*policy.Document]bool{}
	tierChanged := map[policy.Tier]bool{} // a document of the tier changed
	wholeTier := map[policy.Tier]bool{}
	labels := map[policy.Tier]map[string]bool{} // gained or lost, per tier
	for i, d := range prev.Docs {
		a := next.Docs[i]
		if a == d {
			continue
		}
		if a.Path != d.Path || d.Meta.ID != a.Meta.ID || d.Meta.Title != a.Meta.Title || d.Meta.Tier != a.Meta.Tier {
			return ResolveDocs(next, next.Docs)
		}
		changed[d] = true
		tierChanged[d.Meta.Tier] = true
		if !sameFirstArticle(d, a) {
			wholeTier[d.Meta.Tier] = true
			continue
		}
		if SameShape(d, a) {
			continue // only text changed: no number or title to gain or lose
		}
		before, now := Labels(d), Labels(a)
		if labels[d.Meta.Tier] == nil {
			labels[d.Meta.Tier] = map[string]bool{}
		}
		for l := range before {
			if !now[l] {
				labels[d.Meta.Tier][l] = true
			}
		}
		for l := range now {
			if !before[l] {
				labels[d.Meta.Tier][l] = true
			}
		}
	}
	out := make(map[*policy.Document][]*Ref, len(next.Docs))
	var again []*policy.Document
	for i, d := range next.Docs {
		pd := prev.Docs[i]
		redo := changed[pd]
		for _, r := range refs[pd] {
			if redo {
				break
			}
			redo = mayDiffer(r, pd, changed, tierChanged, wholeTier, labels)
		}
		if redo {
			again = append(again, d)
		} else {
			out[d] = refs[pd]
		}
	}
	for d, rs := range ResolveDocs(next, again) {
		out[d] = rs
	}
	return out
}

// mayDiffer reports whether r, a reference of pd, can resolve otherwise
// after the change Derive describes.
func mayDiffer(r *Ref, pd *policy.Document, changed map[*policy.Document]bool, tierChanged, wholeTier map[policy.Tier]bool, labels map[policy.Tier]map[string]bool) bool {
	switch {
	case r.External:
		// A law's provision depends on nothing else; a form's name cited
		// as kept apart (様式第1号 where the tier holds no form) depends
		// on the forms of the citing tier.
		return tierChanged[pd.Meta.Tier]
	case len(r.Targets) == 0:
		return true // it may resolve now
	}
	for _, t := range r.Targets {
		td := t.Doc
		if changed[td] || wholeTier[td.Meta.Tier] {
			return true
		}
		if r.Range && tierChanged[td.Meta.Tier] {
			// A range covers every provision between its ends, in
			// whatever files of the tier they stand: one gained or lost
			// between them is in it or out of it.
			return true
		}
		// A provision of the same number or title gained elsewhere in
		// the tier can take the reference over, or make it ambiguous —
		// also one into its own document, written with the tier's name
		// (対策基準第2条).
		if l := labels[td.Meta.Tier]; l != nil && (l[t.Outline()] || CitedTitle(t) != "" && l["title\x00"+CitedTitle(t)]) {
			return true
		}
	}
	return false
}

// AllFrom is All for next, derived from prev's resolution, refs, when
// next's has not been made yet (Derive): the base revision of a working
// tree whose documents it mostly shares is resolved in a fraction of the
// time.
func AllFrom(next, prev *policy.Repo, refs map[*policy.Document][]*Ref) map[*policy.Document][]*Ref {
	return next.Memo(allKey{}, func() any { return Derive(prev, refs, next) }).(map[*policy.Document][]*Ref)
}

// Labels are what a reference from another document can find a provision
// of d by: its number as cited and its title.
func Labels(d *policy.Document) map[string]bool {
	out := map[string]bool{}
	for _, s := range d.Sections() {
		if o := s.Outline(); o != "" {
			out[o] = true
		}
		if t := CitedTitle(s); t != "" {
			out["title\x00"+t] = true
		}
	}
	return out
}

// CitedTitle is the title a reference from another document can find s
// by — a heading's, an article's caption — or "". The title of a numbered
// paragraph or item is the first line of its text: a rewritten reference
// there changes no provision another document can cite.
func CitedTitle(s *policy.Section) string {
	if s.Kind == policy.KindHeading || s.Style == policy.StyleArticle {
		return s.Title
	}
	return ""
}

// SameShape reports whether two versions of a document hold the same
// provisions — kind, style, number and cited title, in order — so that
// only their text differs (a rewritten reference).
func SameShape(a, b *policy.Document) bool {
	x, y := a.Sections(), b.Sections()
	if len(x) != len(y) {
		return false
	}
	for i := range x {
		if x[i].Kind != y[i].Kind || x[i].Style != y[i].Style || CitedTitle(x[i]) != CitedTitle(y[i]) || !x[i].Number.Equal(y[i].Number) || x[i].Parent == nil != (y[i].Parent == nil) {
			return false
		}
	}
	return true
}

// sameFirstArticle reports whether two versions of a document take the
// same place in their tier's numbering: both have articles or neither,
// and both begin their own numbering (policy.StartsAtOne) or both go on
// from the file before them.
func sameFirstArticle(a, b *policy.Document) bool {
	arts := func(d *policy.Document) []*policy.Section {
		var out []*policy.Section
		for _, s := range d.Sections() {
			if s.Style == policy.StyleArticle && !s.InSupplement() {
				out = append(out, s)
			}
		}
		return out
	}
	x, y := arts(a), arts(b)
	if len(x) == 0 || len(y) == 0 {
		return len(x) == 0 && len(y) == 0
	}
	return policy.StartsAtOne(x) == policy.StartsAtOne(y)
}
