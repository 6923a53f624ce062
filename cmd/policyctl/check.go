package main

import (
	"errors"

	"github.com/spf13/cobra"

	"github.com/policyctl/policyctl/internal/check"
	"github.com/policyctl/policyctl/internal/history"
	"github.com/policyctl/policyctl/internal/i18n"
	"github.com/policyctl/policyctl/internal/termtext"
)

type checkOptions struct {
	f       *factory
	repo    repoOptions
	Format  string
	Against string
}

func newCmdCheck(f *factory, runF func(*checkOptions) error) *cobra.Command {
	opts := &checkOptions{f: f}
	c := &cobra.Command{
		Use:   "check",
		Short: i18n.T("validate front matter, encoding, numbering, links and references"),
		Long: i18n.T(`check validates every document of the repository and reports all findings in one run:
front matter, text encoding, the approvals registry, numbering, Markdown links,
Japanese textual references (上記3, 前項, 第5条第2項) and visibility leaks.

It also compares the repository with the revision in force, when there is
one, or with --against REV: a reference that reads as it did there but that a
renumbering made point at another provision is an error (ref/renumbered),
with the number to write. --against none turns the comparison off.

Each finding is FILE:LINE:COL: SEVERITY RULE: message, with a hint.
Exit 0 when there is no error (warnings allowed), 1 when there is one.`),
		Example: i18n.T(`  policyctl check
  policyctl check -C policy-repo --format json
  policyctl check --rev HEAD~1
  policyctl check --against 2024-04-01
  policyctl check --format sarif > policyctl.sarif`),
		Args: noArgs,
		RunE: func(*cobra.Command, []string) error {
			if runF != nil {
				return runF(opts)
			}
			return checkRun(opts)
		},
	}
	addRepoFlags(c, &opts.repo)
	c.Flags().StringVar(&opts.Format, "format", "text", i18n.T("output `FORMAT`: text, json, github (workflow annotations) or sarif (code scanning)"))
	c.Flags().StringVar(&opts.Against, "against", "", i18n.T("report references a renumbering moved since `REV` (default: the revision approved last, in force or scheduled, when there is one; none: off)"))
	return c
}

func checkRun(opts *checkOptions) error {
	opts.repo.meter = opts.f.meter()
	h, err := opts.repo.open(opts.repo.Rev)
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
	res := check.RunWith(r, co)
	w := opts.f.stdout
	switch opts.Format {
	case "text":
		err = res.WriteText(termtext.Writer(w), len(r.Docs))
	case "json":
		err = res.WriteJSON(w)
	case "github":
		err = res.WriteGitHub(w)
	case "sarif":
		err = res.WriteSARIF(w, version())
	default:
		return i18n.Errorf("--format %q: expected text, json, github or sarif", opts.Format)
	}
	if err != nil {
		return err
	}
	if res.Errors > 0 {
		return errProblems
	}
	return nil
}

// againstOptions loads the revision check compares the repository with:
// rev, or by default the revision in force. With no git history, or no
// revision in force yet, there is nothing to compare with by default; a
// shallow clone or a corrupt history is an error, since the gate would pass
// what it cannot see.
func againstOptions(f *factory, ro *repoOptions, h *history.Repository, rev string) (check.Options, error) {
	if rev == "none" {
		return check.Options{}, nil
	}
	name := rev
	var last *history.Recorded
	if rev == "" {
		recs, err := h.Revisions()
		switch {
		case errors.Is(err, history.ErrNoGit), errors.Is(err, history.ErrNoCommits):
			return check.Options{}, nil
		case err != nil:
			return check.Options{}, i18n.Errorf("comparing with the revision in force (ref/renumbered): %w; --against none skips the comparison", err)
		}
		// The working tree goes on from the revision approved last, in
		// force or scheduled: a renumbering since then is what moves
		// references. Comparing with an older one in force would take the
		// scheduled revision's own renumbering for the editor's.
		last = lastApproved(recs)
		if last == nil {
			return check.Options{}, nil
		}
		name = last.ID
	}
	base, err := h.Open(name)
	if err != nil {
		return check.Options{}, i18n.Errorf("--against %s: %w", name, err)
	}
	m, err := ro.model(base)
	if err != nil {
		return check.Options{}, i18n.Errorf("--against %s: %w", name, err)
	}
	label := base.Tree.Label()
	switch {
	case last != nil && last.InForce:
		label = i18n.Sprintf("the revision in force (%s)", last.ID)
	case last != nil:
		label = i18n.Sprintf("the revision approved last (%s, scheduled)", last.ID)
	}
	return check.Options{Base: m, BaseName: label}, nil
}

// lastApproved is the revision approved last, in force or scheduled.
func lastApproved(recs []*history.Recorded) *history.Recorded {
	for i := len(recs) - 1; i >= 0; i-- {
		if recs[i].Approved {
			return recs[i]
		}
	}
	return nil
}
