package check

import (
	"strings"

	"github.com/policyctl/policyctl/internal/i18n"
	"github.com/policyctl/policyctl/internal/policy"
	"github.com/policyctl/policyctl/internal/ref"
)

// referencesAgainst is the references rule for a run with a base
// revision: it also reports references that a renumbering made point
// elsewhere since the base (ref/renumbered) — the wording and the
// provision they stand in are the same, the target is not. The
// repository's references are resolved once for both.
func referencesAgainst(base *policy.Repo, name string, all map[*policy.Document][]*ref.Ref, match map[*policy.Section]*policy.Section) rule {
	return func(r *policy.Repo, report func(policy.Finding)) {
		if all == nil {
			all = ref.All(r)
		}
		reportRefs(r, all, report)
		if match == nil {
			match = ref.Match(base, r)
		}
		for _, s := range ref.RenumberedRefsMatched(base, r, ref.AllFrom(base, r, all), all, match) {
			if intoUnreadable(r, s) {
				// The document it pointed into cannot be read now (text/
				// encoding says so, once): its provisions are not gone.
				continue
			}
			report(renumberedFinding(s, name))
		}
	}
}

func renumberedFinding(s ref.Shift, base string) policy.Finding {
	f := policy.Finding{Rule: policy.RuleRefRenumbered, Severity: policy.Error, Pos: s.Ref.Pos}
	points := i18n.T("it no longer resolves")
	if len(s.Ref.Targets) > 0 && s.Ref.Problem == nil || s.Ref.Problem != nil && s.Ref.Problem.Rule != policy.RuleRefUnresolved {
		points = i18n.Sprintf("it now points at %s", describe(s.Ref.Targets))
	}
	var now []string
	renumbered, removed := false, false
	for i, n := range s.Now {
		switch {
		case n == nil:
			removed = true
		case n.Outline() != s.Was[i].Outline():
			renumbered = true
			now = append(now, n.Outline())
		}
	}
	switch {
	case removed:
		f.Message = i18n.Sprintf("%s pointed at %s in %s, which was removed; %s", s.Ref.Text, describe(s.Was), base, points)
		f.Hint = i18n.T("the provision it cited is gone: rewrite the sentence, or cite the provision that replaces it")
		return f
	case renumbered:
		f.Message = i18n.Sprintf("%s pointed at %s in %s, which is now %s; %s", s.Ref.Text, describe(s.Was), base, strings.Join(now, i18n.T(", ")), points)
	case s.Write == s.Ref.Text:
		f.Message = i18n.Sprintf("%s pointed at %s in %s; a provision inserted with the same number comes first, and %s", s.Ref.Text, describe(s.Was), base, points)
	default:
		// The target kept its number; the reference is relative (前条) and
		// the provision it stands in moved.
		f.Message = i18n.Sprintf("%s pointed at %s in %s; the provisions around it were renumbered and %s", s.Ref.Text, describe(s.Was), base, points)
	}
	f.Hint = i18n.Sprintf("write %s to keep pointing at it", s.Write)
	switch {
	case s.Write == "":
		f.Hint = i18n.T("rewrite the reference to cite what it cited before")
	case s.Write == s.Ref.Text:
		// The provision still carries the number the reference says: an
		// inserted one carries it too (a repeated (2)), and numbering them
		// is what keeps the reference.
		f.Hint = i18n.T("another provision now carries the same number: run policyctl renumber, which numbers them and rewrites this reference to keep its target")
	}
	return f
}

// describe names sections briefly: 3 対象とする脅威, 第5条 目的,
// 第1条第2項「前項の記録は、…」.
func describe(ss []*policy.Section) string {
	var out []string
	for _, s := range ss {
		switch {
		case s == nil:
		case s.Kind == policy.KindHeading || s.Style == policy.StyleArticle:
			out = append(out, s.Display())
		case s.Title != "":
			// A 項 or 号 by its number and its first words: the number
			// alone may be what the reference says now of another one.
			t := []rune(s.Title)
			if len(t) > 16 {
				t = append(t[:16], '…')
			}
			out = append(out, s.Outline()+"「"+string(t)+"」")
		default:
			out = append(out, s.Outline())
		}
	}
	if len(out) > 3 {
		out = append(out[:3], "…")
	}
	return strings.Join(out, i18n.T(", "))
}

// intoUnreadable reports whether a shifted reference pointed into a
// document that is there but cannot be read now (Shift_JIS, UTF-16).
func intoUnreadable(r *policy.Repo, s ref.Shift) bool {
	for _, w := range s.Was {
		if w == nil || w.Doc == nil {
			continue
		}
		if d := r.DocByPath(w.Doc.Path); d != nil && d.Unreadable() {
			return true
		}
	}
	return false
}
