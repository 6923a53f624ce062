package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/policyctl/policyctl/internal/check"
	"github.com/policyctl/policyctl/internal/fix"
	"github.com/policyctl/policyctl/internal/i18n"
	"github.com/policyctl/policyctl/internal/termtext"
)

type fixOptions struct {
	f       *factory
	repo    repoOptions
	DryRun  bool
	Against string
}

func newCmdFix(f *factory, runF func(*fixOptions, []string) error) *cobra.Command {
	opts := &fixOptions{f: f}
	c := &cobra.Command{
		Use:   "fix [RULE…]",
		Short: i18n.T("apply every certain fix that check's findings carry"),
		Long: i18n.T(`fix applies every fix that is certain, for every rule or only the RULEs named
(ids such as ref/renumbered, or families such as text/):

  text/encoding        Shift_JIS and UTF-16 converted to UTF-8; BOM, CRLF, bidi
                       and zero-width controls removed; text normalised to NFC
  numbering/gap,       the numbering made contiguous and the references kept
  numbering/duplicate  (as policyctl renumber does)
  ref/renumbered       references a renumbering moved, written to point at
                       what they pointed at in the revision in force
  numbering/style      numbers written as style.digits and style.articles in
                       policyctl.yaml ask

Findings that need a person are listed, not guessed, and make fix exit 1 when
they are errors. The result is checked before anything is written: every
reference must keep its target and check must report nothing new. Every
changed file is written at once, or none, and none that changed since it was
read; each file keeps its line ends unless text/encoding changes them. The
changes are printed as a unified diff; --dry-run prints only that.`),
		Example: i18n.T(`  policyctl fix --dry-run
  policyctl fix
  policyctl fix text/encoding
  policyctl fix ref/renumbered numbering/`),
		RunE: func(_ *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts, args)
			}
			return fixRun(opts, args)
		},
	}
	addDirFlag(c, &opts.repo)
	c.Flags().StringArrayVar(&opts.repo.Sets, "set", nil, i18n.T("override a configuration key, `KEY=VALUE`"))
	c.Flags().StringVar(&opts.repo.At, "at", "", i18n.T("judge what is in force on `DATE` (YYYY-MM-DD) instead of today in Japan"))
	c.Flags().BoolVar(&opts.DryRun, "dry-run", false, i18n.T("print the unified diff and write nothing"))
	c.Flags().StringVar(&opts.Against, "against", "", i18n.T("compare with `REV` for ref/renumbered (default: the revision approved last, in force or scheduled, when there is one; none: off)"))
	return c
}

func fixRun(opts *fixOptions, rules []string) error {
	for _, r := range rules {
		if !knownRule(r) {
			return i18n.Errorf("fix %s: no such rule; name rule ids such as ref/renumbered or families such as text/ (policyctl check lists them with its findings)", r)
		}
	}
	h, err := opts.repo.open("")
	if err != nil {
		return err
	}
	r, err := opts.repo.model(h)
	if err != nil {
		return err
	}
	co, err := againstOptions(opts.f, &opts.repo, h, opts.Against)
	if err != nil {
		return err
	}
	c, err := fix.Findings(r, co, fix.Selector(rules))
	if err != nil {
		return refused(opts.f, "fix", err)
	}
	if !c.Empty() {
		if err := writeChange(opts.f, h.Tree.Dir, c, opts.DryRun, nil); err != nil {
			return err
		}
	} else if !opts.DryRun {
		i18n.Fprintf(opts.f.stdout, "nothing to fix\n")
	}
	for _, l := range c.Skipped {
		if strings.HasPrefix(l, "\t") {
			fmt.Fprintln(opts.f.stderr, l)
		} else {
			i18n.Fprintf(opts.f.stderr, "policyctl fix: not fixed: %s\n", l)
		}
	}
	if len(c.Remaining) == 0 {
		return nil
	}
	// What needs a person, as check prints it, on standard error: with
	// --dry-run, standard output is the diff alone.
	res := &check.Result{Findings: c.Remaining}
	for _, f := range c.Remaining {
		if f.Severity.String() == "error" {
			res.Errors++
		} else {
			res.Warnings++
		}
	}
	i18n.Fprintf(opts.f.stderr, "policyctl fix: %d findings need a person:\n", len(c.Remaining))
	if err := res.WriteText(termtext.Writer(opts.f.stderr), len(c.Result.Docs)); err != nil {
		return err
	}
	if res.Errors > 0 {
		return errProblems
	}
	return nil
}

// knownRule reports whether a RULE argument names a rule or a family of
// rules check reports.
func knownRule(arg string) bool {
	for _, r := range check.Rules() {
		family, _, _ := strings.Cut(r.ID, "/")
		if arg == r.ID || arg == family || arg == family+"/" {
			return true
		}
	}
	return false
}
