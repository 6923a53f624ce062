package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/policyctl/policyctl/internal/check"
	"github.com/policyctl/policyctl/internal/fix"
	"github.com/policyctl/policyctl/internal/history"
	"github.com/policyctl/policyctl/internal/i18n"
	"github.com/policyctl/policyctl/internal/policy"
	"github.com/policyctl/policyctl/internal/renumber"
	"github.com/policyctl/policyctl/internal/termtext"
)

type renumberOptions struct {
	f        *factory
	repo     repoOptions
	Doc      string
	DryRun   bool
	Branch   bool
	Collapse bool
	Against  string
}

func newCmdRenumber(f *factory, runF func(*renumberOptions) error) *cobra.Command {
	opts := &renumberOptions{f: f}
	c := &cobra.Command{
		Use:   "renumber",
		Short: i18n.T("make numbering contiguous again and keep every reference's target"),
		Long: i18n.T(`renumber makes every numbering sequence contiguous again after an insertion, a
deletion or a move — 章, 節, 条 (枝番 such as 第3条の2 are kept; --collapse folds
them), 項, 号, (1), ①, ア, (ア) and the 基本方針's 1. — and rewrites every
reference in every document that pointed at a renumbered provision so that it
keeps its target, in its own style: 上記6、7及び8 becomes 上記7、8及び9, 第十二条
becomes 第十三条, a 前条 whose target is no longer the article before it becomes
that article's number, and a range that would widen over an inserted article
becomes a list.

An inserted provision may carry any provisional number: 第?条, a repeated
number, or 第3条の2. A reference that stood in the revision approved last (before
any is approved, the last commit; or --against REV) keeps the provision it
pointed at there; one in new text keeps what it points at as written. --branch
makes an inserted article a 枝番 of the one before it, so that nothing after it
moves: every article that revision has keeps the number it has there.

The result is checked before anything is written: every reference must
resolve to the same provision as before and check must report nothing new;
otherwise renumber writes nothing and names what it could not keep. Every
changed file is written at once, or none, and none that changed since it was
read. The changes are printed as a unified diff; --dry-run prints only that,
and says on standard error that nothing was written.`),
		Example: i18n.T(`  policyctl renumber --dry-run
  policyctl renumber
  policyctl renumber --doc std-technical --branch
  policyctl renumber --against 2024-04-01`),
		Args: noArgs,
		RunE: func(*cobra.Command, []string) error {
			if runF != nil {
				return runF(opts)
			}
			return renumberRun(opts)
		},
	}
	addDirFlag(c, &opts.repo)
	c.Flags().StringArrayVar(&opts.repo.Sets, "set", nil, i18n.T("override a configuration key, `KEY=VALUE`"))
	c.Flags().StringVar(&opts.repo.At, "at", "", i18n.T("judge what is in force on `DATE` (YYYY-MM-DD) instead of today in Japan"))
	c.Flags().StringVar(&opts.Doc, "doc", "", i18n.T("renumber only the document with this `ID` (references everywhere follow)"))
	c.Flags().BoolVar(&opts.DryRun, "dry-run", false, i18n.T("print the unified diff and write nothing"))
	c.Flags().BoolVar(&opts.Branch, "branch", false, i18n.T("make an inserted article a 枝番 (第3条の2) and leave a deleted one's number free, so that nothing after them moves"))
	c.Flags().BoolVar(&opts.Collapse, "collapse", false, i18n.T("fold 枝番: 第3条の2 becomes 第4条"))
	c.Flags().StringVar(&opts.Against, "against", "", i18n.T("take each reference's target from `REV` (default: the revision approved last, in force or scheduled, else the last commit; none: as written)"))
	c.MarkFlagsMutuallyExclusive("branch", "collapse")
	return c
}

func renumberRun(opts *renumberOptions) error {
	opts.repo.meter = opts.f.meter()
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
	ro := renumber.Options{Doc: opts.Doc, Branch: opts.Branch, Collapse: opts.Collapse}
	if opts.Against == "" {
		// The references of the last commit say what each meant before
		// the edit (a new article typed as a second 第3条 leaves 第3条第2項
		// in older text ambiguous as written): the base when nothing is
		// approved yet; after the revision in force otherwise, for text
		// committed since it (a 前条 in an article written after it).
		// The check of the result is check's own: against the revision
		// in force, or none.
		last := lastCommit(opts.f, &opts.repo, h)
		if co.Base == nil {
			ro.Base = last.Base
		} else {
			ro.Head = last.Base
		}
	}
	c, verify, err := fix.PlanRenumber(r, co, ro)
	if err != nil {
		return refused(opts.f, "renumber", err)
	}
	// What was left out is said once the result holds, as a refusal
	// says nothing else — and once the files are in place: a closed pipe
	// ends the process where it writes.
	said := func() {
		for _, l := range c.Skipped {
			i18n.Fprintf(opts.f.stderr, "policyctl renumber: %s\n", l)
		}
	}
	if !c.Empty() && !opts.DryRun {
		if err := writeChange(opts.f, h.Tree.Dir, c, false, verify); err != nil {
			return refused(opts.f, "renumber", err)
		}
		said()
		return nil
	}
	if err := verify(); err != nil {
		return refused(opts.f, "renumber", err)
	}
	said()
	if c.Empty() {
		switch {
		case len(c.Skipped) > 0:
		case opts.DryRun:
			// Standard output is the patch alone (| git apply): empty.
			i18n.Fprintf(opts.f.stderr, "nothing to renumber: every sequence is contiguous and every reference keeps its target\n")
		default:
			i18n.Fprintf(opts.f.stdout, "nothing to renumber: every sequence is contiguous and every reference keeps its target\n")
		}
		return nil
	}
	return writeChange(opts.f, h.Tree.Dir, c, true, nil)
}

// lastCommit is the base of a working tree that has no approved revision:
// HEAD, or none — references as written — without git or a commit, or
// when HEAD cannot be read (its configuration broken, say), which is said.
func lastCommit(f *factory, ro *repoOptions, h *history.Repository) check.Options {
	if h.Tree.Git == nil || h.Tree.Commit != nil {
		return check.Options{}
	}
	if _, err := h.Tree.Git.Head(); err != nil {
		return check.Options{} // no commit yet
	}
	base, err := h.Open("HEAD")
	if err == nil {
		var m *policy.Repo
		if m, err = ro.model(base); err == nil {
			return check.Options{Base: m, BaseName: i18n.T("the last commit (HEAD)")}
		}
	}
	i18n.Fprintf(f.stderr, "policyctl renumber: the last commit cannot be read (%v); each reference keeps what it points at as written\n", err)
	return check.Options{}
}

// refused prints the problems of a change that was refused and returns
// errProblems; other errors are returned as they are.
func refused(f *factory, cmd string, err error) error {
	var rf *fix.Refused
	if !errors.As(err, &rf) {
		return err
	}
	if rf.What != cmd {
		i18n.Fprintf(f.stderr, "policyctl %s: refused (%s), nothing was written:\n", cmd, rf.What)
	} else {
		i18n.Fprintf(f.stderr, "policyctl %s: refused, nothing was written:\n", cmd)
	}
	for _, p := range rf.Problems {
		fmt.Fprintf(f.stderr, "\t%s\n", p)
	}
	return errProblems
}

// writeChange prints a change as a unified diff and, unless dryRun,
// writes it and says what it did.
func writeChange(f *factory, dir string, c *fix.Change, dryRun bool, verify func() error) error {
	// The diff is a patch (| git apply) and holds the files' bytes; on a
	// terminal, their control characters are shown as pictures.
	out := f.stdout
	if isTerminal(out) {
		out = termtext.Writer(out)
	}
	if dryRun {
		if err := c.WriteDiff(out); err != nil {
			return err
		}
		// Standard output is the patch alone (| git apply).
		i18n.Fprintf(f.stderr, "--dry-run: nothing was written; without it, %d files would be written: %s\n", len(c.After), strings.Join(c.Applied, i18n.T(", ")))
		return nil
	}
	if err := c.SaveVerified(dir, out, f.between, verify); err != nil {
		return err
	}
	i18n.Fprintf(f.stdout, "wrote %d files: %s\n", len(c.After), strings.Join(c.Applied, i18n.T(", ")))
	return nil
}
