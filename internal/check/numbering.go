package check

import (
	"github.com/policyctl/policyctl/internal/i18n"
	"github.com/policyctl/policyctl/internal/policy"
)

// numbering checks each run of sibling sections of one style: numbers go
// up by one (branch numbers such as 第25条の2 are allowed), none repeats,
// and headings of one style sit at one heading level.
func numbering(r *policy.Repo, report func(policy.Finding)) {
	// Articles and chapters are numbered through a document, and through the
	// files of a tier when a 対策基準 is split by chapter: a file whose first
	// article (not counting 第?条) is not 第1条 continues the previous file
	// of its tier (policy.StartsAtOne).
	through := map[policy.Style]bool{policy.StyleArticle: true, policy.StyleChapter: true}
	runs := map[policy.Tier]map[policy.Style][]*policy.Section{}
	perTier := map[policy.Tier]int{}
	// A file that cannot be read (text/encoding) holds numbers nobody
	// knows, and its tier too (its front matter is unread): the sequences
	// through files are not judged until it is converted, rather than
	// reported as gaps it only seems to leave.
	unread := false
	for _, d := range r.Docs {
		perTier[d.Meta.Tier]++
		unread = unread || d.Unreadable()
	}
	for _, d := range r.Docs {
		if runs[d.Meta.Tier] == nil {
			runs[d.Meta.Tier] = map[policy.Style][]*policy.Section{}
		}
		for _, st := range []policy.Style{policy.StyleArticle, policy.StyleChapter} {
			if unread {
				break
			}
			var own []*policy.Section
			for _, s := range d.Sections() {
				// A 附則's articles are numbered on their own, from 第1条.
				if s.Style == st && !s.InSupplement() {
					own = append(own, s)
				}
			}
			if len(own) == 0 {
				continue
			}
			prev := runs[d.Meta.Tier][st]
			if policy.StartsAtOne(own) {
				prev = nil
			}
			checkRun(append(prev, own...), len(prev) == 0, len(prev), perTier[d.Meta.Tier] > 1, report)
			runs[d.Meta.Tier][st] = append(prev, own...)
		}
		d.Root.Walk(func(s *policy.Section) bool {
			if s.Style == policy.StyleSupplement {
				var arts []*policy.Section
				for _, c := range s.Children {
					if c.Style == policy.StyleArticle {
						arts = append(arts, c)
					}
				}
				checkRun(arts, true, 0, false, report)
			}
			groups := map[policy.Style][]*policy.Section{}
			var order []policy.Style
			for _, c := range s.Children {
				if !c.Numbered() || through[c.Style] || c.Style == policy.StyleSupplement {
					continue
				}
				if _, ok := groups[c.Style]; !ok {
					order = append(order, c.Style)
				}
				groups[c.Style] = append(groups[c.Style], c)
			}
			for _, st := range order {
				checkRun(groups[st], true, 0, false, report)
				checkLevels(groups[st], report)
			}
			return true
		})
	}
}

// checkRun checks a run of sections numbered one after another; the first
// skip sections were checked with an earlier file. files says the run may
// go on through other files of its tier.
func checkRun(run []*policy.Section, fromOne bool, skip int, files bool, report func(policy.Finding)) {
	// A provisional 第?条 counts as the number after the one before it,
	// so that the article after it is judged by what it will follow.
	eff := make([]policy.Number, len(run))
	for i, s := range run {
		eff[i] = s.Number
		if s.Provisional {
			eff[i] = policy.Number{N: 1}
			if i > 0 {
				eff[i] = policy.Number{N: eff[i-1].N + 1}
			}
		}
	}
	// A sequence that runs through several files (the chapters of a
	// 対策基準) follows the files' names: a gap there is most often a file
	// that sorts in the wrong place.
	acrossFiles := files || len(run) > 0 && run[0].Doc != run[len(run)-1].Doc
	fileOrder := i18n.T("the documents of a tier are read in the order of their file names: name the chapter files so that they sort as the chapters do (01-organization.md, 02-assets.md, …)")
	for i, s := range run {
		if i < skip {
			continue
		}
		pos := policy.Pos{File: s.Doc.Path, Line: s.Line, Col: s.Col}
		if s.Provisional {
			report(policy.Finding{Rule: policy.RuleNumberingGap, Severity: policy.Error, Pos: pos,
				Message: i18n.Sprintf("%s has no number yet; in its place it is %s", label(s), s.Style.Label(eff[i])),
				Hint:    i18n.T("run policyctl renumber: it numbers the provision, renumbers those after it and keeps every reference's target")})
			continue
		}
		if i == 0 {
			if fromOne && s.Number.N != 1 && len(s.Number.Sub) == 0 {
				report(policy.Finding{Rule: policy.RuleNumberingGap, Severity: policy.Error, Pos: pos,
					Message: i18n.Sprintf("%s starts its sequence; expected %s", label(s), s.Style.Label(policy.Number{N: 1})),
					Hint:    orHint(acrossFiles, fileOrder, i18n.T("number the first section 1, or check whether sections before it were removed"))})
			}
			continue
		}
		prev := run[i-1]
		switch {
		case prev.Provisional && next(eff[i-1], s.Number):
		case prev.Provisional:
			report(policy.Finding{Rule: policy.RuleNumberingGap, Severity: policy.Error, Pos: pos,
				Message: i18n.Sprintf("%s follows %s (%s line %d), which is to be %s; expected %s", label(s), label(prev), prev.Doc.Path, prev.Line, s.Style.Label(eff[i-1]), s.Style.Label(policy.Number{N: eff[i-1].N + 1})),
				Hint:    i18n.T("run policyctl renumber: it renumbers the sequence and keeps every reference's target")})
		case s.Number.Equal(prev.Number):
			report(policy.Finding{Rule: policy.RuleNumberingDuplicate, Severity: policy.Error, Pos: pos,
				Message: i18n.Sprintf("%s repeats the number of %s line %d", label(s), prev.Doc.Path, prev.Line),
				Hint:    i18n.T("renumber the sections that follow, and the references to them")})
		case next(prev.Number, s.Number):
		default:
			report(policy.Finding{Rule: policy.RuleNumberingGap, Severity: policy.Error, Pos: pos,
				Message: i18n.Sprintf("%s follows %s (%s line %d); expected %s", label(s), label(prev), prev.Doc.Path, prev.Line, s.Style.Label(policy.Number{N: prev.Number.N + 1})),
				Hint:    orHint(prev.Doc != s.Doc, fileOrder, i18n.T("renumber so the sequence has no gap, and update the references to the renumbered sections"))})
		}
	}
}

// orHint is the file-order hint when the sequence crosses files there,
// the usual one otherwise.
func orHint(crossing bool, fileOrder, usual string) string {
	if crossing {
		return usual + i18n.T("; ") + fileOrder
	}
	return usual
}

// next reports whether b may follow a: 3 → 4, 25 → 25の2, 25の2 → 25の3 or 26.
func next(a, b policy.Number) bool {
	switch {
	case len(b.Sub) == 0:
		return b.N == a.N+1
	case b.N != a.N:
		return false
	case len(a.Sub) == 0:
		return len(b.Sub) == 1 && b.Sub[0] == 2
	}
	return len(b.Sub) == len(a.Sub) && b.Sub[len(b.Sub)-1] == a.Sub[len(a.Sub)-1]+1
}

func label(s *policy.Section) string {
	if s.Label != "" {
		return s.Label
	}
	return s.Style.Label(s.Number)
}

// checkLevels warns where headings of one numbering style use different
// heading levels: real documents do this and policyctl follows the
// numbering, but renderers indent them differently.
func checkLevels(run []*policy.Section, report func(policy.Finding)) {
	first := -1
	for _, s := range run {
		if s.Kind != policy.KindHeading {
			continue
		}
		if first < 0 {
			first = s.HeadingLevel
			continue
		}
		if s.HeadingLevel != first {
			report(policy.Finding{Rule: policy.RuleNumberingLevel, Severity: policy.Warning,
				Pos:     policy.Pos{File: s.Doc.Path, Line: s.Line, Col: 1},
				Message: i18n.Sprintf("%s is a level-%d heading; its siblings of the same numbering are level %d", label(s), s.HeadingLevel, first),
				Hint:    i18n.T("use the same number of # for sections of one numbering style")})
		}
	}
}
