// Package fix changes a policy repository the way policyctl fix and
// policyctl renumber do: it makes the changes in memory — the fixes that
// findings carry, a renumbering — verifies the result, and only then
// writes it. Every reference must keep its target (by identity, not by
// number) and check must report no finding that was not there before;
// otherwise nothing is written and the problems are named.
//
// Writing is atomic per repository: every changed file is written aside
// first, then each file on disk is compared with what was read, and only
// if none changed are they all moved into place. The package never decides
// a fix that needs a person's judgement: such findings are listed.
package fix

import (
	"sort"
	"strings"
	"unicode"

	"github.com/policyctl/policyctl/internal/i18n"
	"github.com/policyctl/policyctl/internal/ref"

	"github.com/policyctl/policyctl/internal/check"
	"github.com/policyctl/policyctl/internal/policy"
	"github.com/policyctl/policyctl/internal/renumber"
)

// Change is a verified change of a repository, ready to be shown and
// written.
type Change struct {
	// Before are the changed files as they were read, After as they will
	// be written.
	Before, After map[string][]byte
	// Result is the repository as the change leaves it.
	Result *policy.Repo
	// Remaining are the findings check still reports on Result: what
	// needs a person (with RULE arguments, only of those rules).
	Remaining []policy.Finding
	// Applied counts what was done, by kind, for a summary.
	Applied []string
	// Skipped says which fixes were left out and why: a renumbering that
	// could not keep every reference's target, with each reference.
	Skipped []string
}

// Empty reports whether the change changes no file.
func (c *Change) Empty() bool { return len(c.After) == 0 }

// Refused is the error of a change that would not keep every reference's
// target, or would make check report something new: nothing is written.
type Refused struct {
	What     string
	Problems []string
}

func (e *Refused) Error() string {
	return i18n.Sprintf("%s refused, nothing was written:\n\t%s", e.What, strings.Join(e.Problems, "\n\t"))
}

// Renumber plans a renumbering of r and verifies it. co.Base (or, with
// none, opts.Base), when set, is the revision whose references give each
// reference its target; check runs on the result with co.
func Renumber(r *policy.Repo, co check.Options, opts renumber.Options) (*Change, error) {
	c, verify, err := PlanRenumber(r, co, opts)
	if err != nil {
		return nil, err
	}
	if err := verify(); err != nil {
		return nil, err
	}
	return c, nil
}

// PlanRenumber is Renumber in two steps: the change, whose every
// reference is already verified to keep its target, and verify, which
// runs check on its result and refuses a change that would add a
// finding. The change must not be written unless verify returns nil
// (Change.SaveVerified writes it aside meanwhile).
func PlanRenumber(r *policy.Repo, co check.Options, opts renumber.Options) (*Change, func() error, error) {
	refs := renumber.Resolve(r, nil)
	in := renumber.Input{Base: co.Base, Cur: r, CurRefs: refs}
	if in.Base == nil {
		in.Base = opts.Base
	}
	if in.Base != nil {
		// The base shares most documents with the working tree (one
		// cache reads both): its resolution is derived from Cur's.
		in.BaseRefs = ref.AllFrom(in.Base, r, refs)
	}
	p, err := renumber.Make(in, opts)
	if err != nil {
		return nil, nil, err
	}
	res, err := p.Apply()
	if err != nil {
		return nil, nil, err
	}
	if len(res.Problems) > 0 {
		return nil, nil, &Refused{What: "renumber", Problems: problemLines(res.Problems)}
	}
	c := newChange(r)
	c.add(r, res.Files)
	c.Result = res.After
	for _, k := range p.Kept {
		c.Skipped = append(c.Skipped, k.String())
	}
	if len(p.Numbers) > 0 {
		c.Applied = append(c.Applied, i18n.Sprintf("%d provisions renumbered", len(p.Numbers)))
	}
	if len(p.Refs) > 0 {
		c.Applied = append(c.Applied, i18n.Sprintf("%d references rewritten", len(p.Refs)))
	}
	if p.LinkTexts > 0 {
		c.Applied = append(c.Applied, i18n.Sprintf("%d numbers in link texts rewritten", p.LinkTexts))
	}
	before := func() *check.Result { co := co; co.Refs = refs; return check.RunWith(r, co) }
	after := co
	after.Refs = res.Refs
	if co.Base != nil {
		after.Match = res.BaseMatch()
	}
	verify := func() error { return c.judge("renumber", before, check.RunWith(res.After, after), nil) }
	return c, verify, nil
}

func newChange(r *policy.Repo) *Change {
	return &Change{Before: map[string][]byte{}, After: map[string][]byte{}, Result: r}
}

// add records new bytes for files, against the repository they were made
// from; a file changed twice keeps its first Before.
func (c *Change) add(r *policy.Repo, files map[string][]byte) {
	for p, b := range files {
		if _, ok := c.Before[p]; !ok {
			c.Before[p] = r.DocByPath(p).Source
		}
		c.After[p] = b
	}
	for p, b := range c.After {
		if string(b) == string(c.Before[p]) {
			delete(c.After, p)
			delete(c.Before, p)
		}
	}
}

// judge compares check on the result with check on the repository as
// read: a finding the change would add refuses it. before is run only
// when the result has findings at all. keep, when set, chooses the
// findings listed as remaining.
func (c *Change) judge(what string, before func() *check.Result, after *check.Result, keep func(policy.Finding) bool) error {
	return c.judgeExcept(what, before, after, keep, nil)
}

// judgeExcept is judge for a change that converted some files from
// another encoding: what check finds in them could not be read before,
// so it is listed as remaining, never taken for something the change did.
func (c *Change) judgeExcept(what string, before func() *check.Result, after *check.Result, keep func(policy.Finding) bool, unread map[string]bool) error {
	for _, f := range after.Findings {
		if keep == nil || keep(f) {
			c.Remaining = append(c.Remaining, f)
		}
	}
	if len(after.Findings) == 0 {
		return nil
	}
	if added := newFindings(before().Findings, after.Findings); len(added) > 0 {
		var lines []string
		for _, f := range added {
			if unread[f.Pos.File] {
				continue
			}
			lines = append(lines, i18n.Sprintf("%s: %s %s: %s (check would report this only after the change)", f.Pos, f.Severity, f.Rule.ID, f.Message))
		}
		if len(lines) > 0 {
			return &Refused{What: what, Problems: lines}
		}
	}
	return nil
}

// newFindings are the findings of after that before does not have. Their
// places and wording move with the change (a renumbered reference reads
// differently), so findings are counted by file, rule and severity — and a
// gap or a duplicate in the numbering also by what it says, its numbers
// aside: a gap a renumbering made (第5条 follows 第3条の2) is not the 第?条
// it was run to number, though both are numbering/gap.
func newFindings(before, after []policy.Finding) []policy.Finding {
	type key struct {
		file, shape string
		rule        *policy.Rule
		sev         policy.Severity
	}
	keyOf := func(f policy.Finding) key {
		k := key{file: f.Pos.File, rule: f.Rule, sev: f.Severity}
		if f.Rule == policy.RuleNumberingGap || f.Rule == policy.RuleNumberingDuplicate {
			k.shape = numbersAside(f.Message)
		}
		return k
	}
	count := map[key]int{}
	places := map[key]int{} // numbering/style and text/kana: the places one finding counts
	for _, f := range before {
		count[keyOf(f)]++
		places[keyOf(f)] += placesOf(f)
	}
	var out []policy.Finding
	for _, f := range after {
		k := keyOf(f)
		if perDocument(f.Rule) && placesOf(f) > places[k] {
			// Reported once per document: more places than before are
			// new ones (a renumbering that wrote 第２項 beside 第1条).
			out = append(out, f)
			continue
		}
		if f.Rule == policy.RuleRefForm {
			// How a citation is written, not where it points: a 第2条第1項
			// whose article a deletion left with one 項 would be 第2条,
			// which names the article, not the 項 — renumber keeps the
			// target and leaves the form to the editor (Remaining).
			continue
		}
		// Every reference keeps the target it had in the base, so none
		// can point elsewhere now, whatever the repository said before.
		if count[k] > 0 && f.Rule != policy.RuleRefRenumbered {
			count[k]--
			continue
		}
		out = append(out, f)
	}
	return out
}

// perDocument reports whether a rule reports once per document, with the
// count of the places its fix rewrites.
func perDocument(r *policy.Rule) bool {
	return r == policy.RuleNumberingStyle || r == policy.RuleTextKana
}

func placesOf(f policy.Finding) int {
	if f.Fix != nil && len(f.Fix.Edits) > 0 {
		return len(f.Fix.Edits)
	}
	return 1
}

// numbersAside is a message with each number in it — digits, kanji
// numerals, a provisional ? — written as one #.
func numbersAside(msg string) string {
	var b strings.Builder
	num := false
	for _, r := range msg {
		if unicode.IsDigit(r) || strings.ContainsRune("〇一二三四五六七八九十百千?？", r) {
			if !num {
				b.WriteByte('#')
			}
			num = true
			continue
		}
		num = false
		b.WriteRune(r)
	}
	return b.String()
}

func problemLines(ps []renumber.Problem) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.String())
	}
	return out
}

// Paths are the changed files, sorted.
func (c *Change) Paths() []string {
	var ps []string
	for p := range c.After {
		ps = append(ps, p)
	}
	sort.Strings(ps)
	return ps
}
