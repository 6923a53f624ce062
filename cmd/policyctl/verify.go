package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/policyctl/policyctl/approvals"
	"github.com/policyctl/policyctl/internal/history"
	"github.com/policyctl/policyctl/internal/i18n"
	"github.com/policyctl/policyctl/internal/policy"
	"github.com/policyctl/policyctl/internal/termtext"
)

type verifyOptions struct {
	f        *factory
	repo     repoOptions
	Revision string
	Format   string
}

func newCmdVerify(f *factory, runF func(*verifyOptions) error) *cobra.Command {
	opts := &verifyOptions{f: f}
	c := &cobra.Command{
		Use:   "verify",
		Short: i18n.T("check every approval the revision needs"),
		Long: i18n.T(`verify checks the approvals of a revision. Without --revision it checks the newest
recorded revision against the working tree (or --rev): the CI gate, which fails
as soon as a document, a file it links to or policyctl.yaml changes after its
approval. With --revision ID it checks that revision against the content it was
approved with.

Each approval counts when its signature verifies with a key the registry gives
the member, the member is in the committee, and the payload names the exact
current bytes of every document the committee approves, of the files they
link to, and of policyctl.yaml. The rules of the revision approved before are
applied too, so do documents that were renamed, moved, split, merged or
abolished. A revision already approved is sealed: new content needs a new
revision. Exit 1 when anything is missing, invalid or stale; exit 2 when the
git history it needs is missing.`),
		Example: i18n.T(`  policyctl verify
  policyctl verify --revision 2024-04-01
  policyctl verify --rev HEAD --format markdown >> "$GITHUB_STEP_SUMMARY"`),
		Args: noArgs,
		RunE: func(*cobra.Command, []string) error {
			if runF != nil {
				return runF(opts)
			}
			return verifyRun(opts)
		},
	}
	addRepoFlags(c, &opts.repo)
	c.Flags().StringVar(&opts.Revision, "revision", "", i18n.T("check this revision `ID` against the content it was approved with"))
	c.Flags().StringVar(&opts.Format, "format", "text", i18n.T("output `FORMAT`: text, json or markdown"))
	return c
}

// gateAt opens the repository and judges a revision (the newest recorded
// one when ""): the one walk of the command. It returns the repository
// too, for what is said about the working tree.
func gateAt(ro *repoOptions, revision string) (*history.Gate, *history.Repository, error) {
	h, err := ro.open(ro.Rev)
	if err != nil {
		return nil, nil, err
	}
	g, err := h.Verify(revision)
	return g, h, err
}

// warnUncommitted says, when the working tree is judged, which files the
// approvals cover differ from the last commit: the verdict here is on them
// as they are, and CI's is on what git holds.
func warnUncommitted(f *factory, ro *repoOptions, h *history.Repository, g *history.Gate) {
	// Only what the working tree holds can be uncommitted: an approved
	// revision is judged at the commit it was approved in.
	if ro.Rev != "" || g == nil || g.Model == nil || !g.OfTree {
		return
	}
	files := uncommittedFiles(h, g.Model, true)
	var approvals, others []string
	for _, p := range files {
		if strings.HasPrefix(p, "approvals/") && p != policy.RegistryFile {
			approvals = append(approvals, p)
		} else {
			others = append(others, p)
		}
	}
	switch {
	case len(others) > 0:
		i18n.Fprintf(f.stderr, "policyctl: these files differ from the last commit, and CI judges what is committed (policyctl verify --rev HEAD): %s; commit them, unchanged, with the approvals\n", strings.Join(files, i18n.T(", ")))
	case len(approvals) > 0:
		// Right after approve: what is left to do is to commit them.
		i18n.Fprintf(f.stderr, "policyctl: the approvals in %s are not committed yet, and CI judges what is committed (policyctl verify --rev HEAD): commit them\n", strings.Join(approvals, i18n.T(", ")))
	}
}

func verifyRun(opts *verifyOptions) error {
	g, h, err := gateAt(&opts.repo, opts.Revision)
	if err != nil {
		return err
	}
	defer warnUncommitted(opts.f, &opts.repo, h, g)
	v, w := g.Verdict, opts.f.stdout
	switch opts.Format {
	case "text":
		err = v.WriteText(termtext.Writer(w), g.Against)
		// Only when the verdict here agrees: with a registry changed since,
		// "approved" under it would contradict the lines above.
		if err == nil && g.Record != nil && g.Record.Scheduled && v.OK {
			if recs, rerr := h.Revisions(); rerr == nil && history.InForce(recs) == nil {
				_, err = i18n.Fprintf(w, "施行予定: revision %s is approved and takes effect on %s; it is the first, so until then no revision is in force.\n", v.Revision, history.DayName(v.Revision))
			} else {
				_, err = i18n.Fprintf(w, "施行予定: revision %s is approved and takes effect on %s; until then in-force is the revision before it.\n", v.Revision, history.DayName(v.Revision))
			}
		}
	case "json":
		err = v.WriteJSON(w)
	case "markdown":
		err = v.WriteMarkdown(w, g.Against)
	default:
		return i18n.Errorf("--format %q: expected text, json or markdown", opts.Format)
	}
	if err != nil {
		return err
	}
	if !v.OK {
		return errProblems
	}
	return nil
}

type statusOptions struct {
	f      *factory
	repo   repoOptions
	Format string
}

func newCmdStatus(f *factory, runF func(*statusOptions) error) *cobra.Command {
	opts := &statusOptions{f: f}
	c := &cobra.Command{
		Use:   "status",
		Short: i18n.T("committees × documents: approved, missing, stale; what to do next"),
		Long: i18n.T(`status shows, for the newest recorded revision, which committee has approved which
document: 済 approved (by whom), 未 missing, 変 stale (the document, a file it
links to or policyctl.yaml changed since the approval), － not an approver of
that document; whether the revision is 施行予定 (approved, its date still to
come); and what to do next.`),
		Example: i18n.T(`  policyctl status
  policyctl status --format json`),
		Args: noArgs,
		RunE: func(*cobra.Command, []string) error {
			if runF != nil {
				return runF(opts)
			}
			return statusRun(opts)
		},
	}
	addRepoFlags(c, &opts.repo)
	c.Flags().StringVar(&opts.Format, "format", "text", i18n.T("output `FORMAT`: text, json or markdown"))
	return c
}

func statusRun(opts *statusOptions) error {
	g, h, err := gateAt(&opts.repo, "")
	if errors.Is(err, history.ErrNoRevision) && opts.Format == "text" {
		// Before the first approval there is nothing to tabulate: status
		// says what to do first, and that is not an error.
		_, err = fmt.Fprintf(opts.f.stdout, "%s\n", err)
		return err
	}
	if err != nil {
		return err
	}
	defer warnUncommitted(opts.f, &opts.repo, h, g)
	w := opts.f.stdout
	switch opts.Format {
	case "text":
		w := termtext.Writer(w)
		if err := g.Verdict.WriteMatrix(w, g.Model); err != nil {
			return err
		}
		_, err = fmt.Fprint(w, nextStep(g))
		return err
	case "json":
		return g.Verdict.WriteJSON(w)
	case "markdown":
		return g.Verdict.WriteMarkdown(w, g.Against)
	}
	return i18n.Errorf("--format %q: expected text, json or markdown", opts.Format)
}

// nextStep says what a secretary does next.
func nextStep(g *history.Gate) string {
	v := g.Verdict
	switch {
	case len(g.Replaced) > 0:
		return i18n.Sprintf("\nNext: the approvals of revision %s changed after it was approved; nothing is published until the approvals it was approved with are put back (policyctl verify says how).\n", g.Replaced[0].ID)
	case g.Record != nil && g.Record.Approved && !v.OK:
		return i18n.Sprintf("\nNext: revision %s is approved and sealed; the content changed since. Record a new revision: policyctl approve --revision YYYY-MM-DD --kind 一部改正 … (a date after %s).\n", v.Revision, v.Revision)
	case g.Record != nil && g.Record.Scheduled:
		return i18n.Sprintf("\n施行予定: revision %s is approved and takes effect on %s.\n", v.Revision, history.DayName(v.Revision))
	case v.OK && v.Revision <= history.Today():
		return i18n.Sprintf("\nRevision %s is approved by every committee. Commit and push: its date has come, and CI publishes it.\n", v.Revision)
	case v.OK:
		return i18n.Sprintf("\nRevision %s is approved by every committee. Commit and push: CI publishes it once its date has come.\n", v.Revision)
	case len(v.Blockers) > 0:
		return i18n.T("\nNext: fix what no approval can make right (policyctl verify lists it), then approve.\n")
	}
	return i18n.Sprintf("\nNext: each committee marked 未 or 変 approves: policyctl approve --revision %s --committee ID --member ID\n", v.Revision)
}

type signersOptions struct {
	f    *factory
	repo repoOptions
}

func newCmdSigners(f *factory, runF func(*signersOptions) error) *cobra.Command {
	opts := &signersOptions{f: f}
	c := &cobra.Command{
		Use:   "signers",
		Short: i18n.T("regenerate approvals/allowed_signers from the registry"),
		Long: i18n.T(`signers writes approvals/allowed_signers, the registry in OpenSSH's allowed_signers
form, so that a change to the registry (a member added, a key replaced) passes
check before anyone signs, and auditors can run ssh-keygen -Y verify.`),
		Example: i18n.T(`  policyctl signers && git add approvals/allowed_signers`),
		Args:    noArgs,
		RunE: func(*cobra.Command, []string) error {
			if runF != nil {
				return runF(opts)
			}
			return signersRun(opts)
		},
	}
	addDirFlag(c, &opts.repo)
	return c
}

func signersRun(opts *signersOptions) error {
	h, err := opts.repo.open("")
	if err != nil {
		return err
	}
	r, err := opts.repo.model(h)
	if err != nil {
		return err
	}
	file, err := approvals.WriteAllowedSigners(h.Tree.Dir, r)
	if err != nil {
		return err
	}
	_, err = i18n.Fprintf(opts.f.stdout, "wrote %s; commit it with the registry\n", file)
	return err
}
