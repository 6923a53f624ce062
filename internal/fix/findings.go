package fix

import (
	"strings"
	"unicode/utf8"

	"github.com/policyctl/policyctl/internal/i18n"

	"github.com/policyctl/policyctl/internal/check"
	"github.com/policyctl/policyctl/internal/policy"
	"github.com/policyctl/policyctl/internal/ref"
	"github.com/policyctl/policyctl/internal/renumber"
)

// Selector says which rules' fixes to apply: rule ids (ref/renumbered) or
// their families (text/, numbering/); every rule when empty.
type Selector []string

// Has reports whether a rule is selected.
func (s Selector) Has(rule string) bool {
	if len(s) == 0 {
		return true
	}
	for _, x := range s {
		if x == rule || strings.HasSuffix(x, "/") && strings.HasPrefix(rule, x) || !strings.Contains(x, "/") && strings.HasPrefix(rule, x+"/") {
			return true
		}
	}
	return false
}

// Findings applies every certain fix that the findings of check carry,
// for the selected rules, in the order that keeps each one certain:
// text/encoding first (every other fix reads the text as UTF-8 in NFC);
// then numbering gaps and references a renumbering moved, by renumbering
// (package renumber); then text/kana and numbering/style. Each step is verified before
// the next; a step that cannot be made whole is left out and said why.
func Findings(r *policy.Repo, co check.Options, rules Selector) (*Change, error) {
	c := newChange(r)
	refs0 := ref.All(r)
	co0 := co
	co0.Refs = refs0
	first := check.RunWith(r, co0)
	has := func(res *check.Result, pred func(*policy.Rule) bool) bool {
		for _, f := range res.Findings {
			if rules.Has(f.Rule.ID) && pred(f.Rule) {
				return true
			}
		}
		return false
	}
	cur := r

	// text/encoding: the file is converted and normalised whole, which is
	// what its findings' edits come to when applied until none is left.
	enc := map[string][]byte{}
	unread := map[string]bool{} // converted from Shift_JIS or UTF-16
	for _, f := range first.Findings {
		if f.Rule != policy.RuleTextEncoding || f.Fix == nil || !rules.Has(f.Rule.ID) {
			continue
		}
		d := r.DocByPath(f.Pos.File)
		if d == nil || enc[d.Path] != nil {
			continue
		}
		if out, err := policy.Normalize(d.Source); err == nil {
			enc[d.Path] = out
			unread[d.Path] = !utf8.Valid(d.Source)
		}
	}
	if len(enc) > 0 {
		next, err := cur.With(enc)
		if err != nil {
			return nil, err
		}
		cur = next
		c.add(r, enc)
		c.Applied = append(c.Applied, i18n.Sprintf("%d files converted to UTF-8 with LF line ends in NFC (text/encoding)", len(enc)))
	}
	// What a converted file needs is seen only once it can be read: the
	// steps after this one are chosen on the text as it now is (a
	// Shift_JIS file with half-width kana and a gap is fixed in one run).
	decide := first
	if len(enc) > 0 {
		decide = check.RunWith(cur, co)
	}

	// Numbering gaps and duplicates, by renumbering; references that a
	// renumbering since the base moved, by rewriting them.
	numbering := has(decide, func(rule *policy.Rule) bool {
		return rule == policy.RuleNumberingGap || rule == policy.RuleNumberingDuplicate
	})
	moved := has(decide, func(rule *policy.Rule) bool { return rule == policy.RuleRefRenumbered })
	if numbering || moved {
		p, err := renumber.Make(renumber.Input{Base: co.Base, Cur: cur}, renumber.Options{RefsOnly: !numbering})
		if err != nil {
			return nil, err
		}
		res, err := p.Apply()
		if err != nil {
			return nil, err
		}
		if len(res.Problems) > 0 {
			// Left to a person: the other fixes go on without it.
			what := i18n.T("numbering/gap and numbering/duplicate: the renumbering was refused:")
			if !numbering {
				what = i18n.T("ref/renumbered: the rewriting was refused:")
			}
			c.Skipped = append(c.Skipped, what)
			for _, l := range problemLines(res.Problems) {
				c.Skipped = append(c.Skipped, "\t"+l)
			}
		} else if len(res.Files) > 0 {
			cur = res.After
			c.add(r, res.Files)
			if len(p.Numbers) > 0 {
				c.Applied = append(c.Applied, i18n.Sprintf("%d provisions renumbered (numbering/gap, numbering/duplicate)", len(p.Numbers)))
			}
			if len(p.Refs) > 0 {
				c.Applied = append(c.Applied, i18n.Sprintf("%d references rewritten to keep their targets (ref/renumbered)", len(p.Refs)))
			}
		}
	}

	// Half-width katakana (text/kana), then how numbers are written
	// (numbering/style), each on the text as it now is. A step that would
	// move a reference, or make check report something new (｢対策基準｣
	// written 「対策基準」 becomes a quoted title that cites), is left out
	// and said why; the others go on.
	for _, step := range []struct {
		rule    *policy.Rule
		applied func(n int) string
	}{
		{policy.RuleTextKana, func(n int) string {
			return i18n.Sprintf("%d runs of half-width katakana written full-width (text/kana)", n)
		}},
		{policy.RuleNumberingStyle, func(n int) string {
			return i18n.Sprintf("%d numbers written in the configured style (numbering/style)", n)
		}},
	} {
		if !has(decide, func(rule *policy.Rule) bool { return rule == step.rule }) {
			continue
		}
		curRefs := ref.All(cur)
		coCur := co
		coCur.Refs = curRefs
		var edits []policy.Edit
		before := check.RunWith(cur, coCur)
		for _, f := range before.Findings {
			if f.Rule == step.rule && f.Fix != nil {
				edits = append(edits, f.Fix.Edits...)
			}
		}
		if len(edits) == 0 {
			continue
		}
		p := renumber.Keep(renumber.Input{Cur: cur, CurRefs: curRefs})
		p.Edits = edits
		res, err := p.Apply()
		if err != nil {
			return nil, err
		}
		problems := problemLines(res.Problems)
		if len(problems) == 0 {
			for _, f := range newFindings(before.Findings, check.RunWith(res.After, co).Findings) {
				problems = append(problems, i18n.Sprintf("%s: %s %s: %s (check would report this only after the change)", f.Pos, f.Severity, f.Rule.ID, f.Message))
			}
		}
		if len(problems) > 0 {
			c.Skipped = append(c.Skipped, i18n.Sprintf("%s: left out, it would not keep everything as it is:", step.rule.ID))
			for _, l := range problems {
				c.Skipped = append(c.Skipped, "\t"+l)
			}
			continue
		}
		cur = res.After
		c.add(r, res.Files)
		c.Applied = append(c.Applied, step.applied(len(edits)))
	}

	c.Result = cur
	if cur == r {
		for _, f := range first.Findings {
			if rules.Has(f.Rule.ID) {
				c.Remaining = append(c.Remaining, f)
			}
		}
		return c, nil
	}
	final := check.RunWith(cur, co)
	keep := func(f policy.Finding) bool { return rules.Has(f.Rule.ID) }
	if err := c.judgeExcept("fix", func() *check.Result { return first }, final, keep, unread); err != nil {
		return nil, err
	}
	return c, nil
}
