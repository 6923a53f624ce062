package main

import (
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/policyctl/policyctl/internal/demo"
	"github.com/policyctl/policyctl/internal/i18n"
)

type demoOptions struct {
	f      *factory
	Output string
	Force  bool
}

func newCmdDemo(f *factory, runF func(*demoOptions) error) *cobra.Command {
	opts := &demoOptions{f: f}
	c := &cobra.Command{
		Use:   "demo",
		Short: "build the embedded example repository and run policyctl on it",
		Long: `demo writes the embedded example — the policy of みどり野市, a fictional city — as a
git repository with its history, then runs policyctl's own commands on it
(check, verify, status, history, diff, build) and says what it made.
The demo keys it generates are derived from fixed seeds: never use them for real.`,
		Example: `  policyctl demo -o /tmp/policyctl-demo
  policyctl demo -o /tmp/policyctl-demo --force`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			if runF != nil {
				return runF(opts)
			}
			return demoRun(opts)
		},
	}
	c.Flags().StringVarP(&opts.Output, "output", "o", "policyctl-demo", "write the example repository to `DIR`")
	c.Flags().BoolVar(&opts.Force, "force", false, "replace DIR even if it is not empty")
	return c
}

// demoRun writes the example, then runs the commands a user would, through
// the same options and run functions.
func demoRun(opts *demoOptions) error {
	f := opts.f
	res, err := demo.Build(opts.Output, opts.Force)
	if err != nil {
		return err
	}
	w := f.stdout
	i18n.Fprintf(w, "Wrote the example policy repository to %s\n\n", res.Dir)
	var revs []string
	for _, r := range res.Revisions {
		revs = append(revs, r.ID+" "+r.Kind)
	}
	i18n.Fprintf(w, "  git history  %d commits; revisions %s; %d draft commit(s) after the last revision\n", res.Commits, strings.Join(revs, ", "), res.Drafts)
	i18n.Fprintf(w, "  approvals    %d signatures by the members of 7 committees, one set per revision\n", res.Approvals)
	i18n.Fprintf(w, "  demo keys    %d members, in %s/ (demo only)\n", len(res.Keys), demo.KeyDir)
	repo := repoOptions{Dir: res.Dir}
	last := res.Revisions[len(res.Revisions)-1].ID
	step := func(cmdline string, run func() error) error {
		i18n.Fprintf(w, "\n$ policyctl %s\n", cmdline)
		if err := run(); err != nil {
			return i18n.Errorf("policyctl %s on the embedded example: %w (a bug in policyctl)", cmdline, err)
		}
		return nil
	}
	siteDir := filepath.Join(res.Dir, "_site")
	steps := []struct {
		cmdline string
		run     func() error
	}{
		{"check -C " + res.Dir, func() error { return checkRun(&checkOptions{f: f, repo: repo, Format: "text"}) }},
		{"verify -C " + res.Dir + " --revision " + last, func() error {
			return verifyRun(&verifyOptions{f: f, repo: repo, Revision: last, Format: "text"})
		}},
		{"status -C " + res.Dir + "   (the working tree holds a draft edit made after " + last + ": the CI gate, policyctl verify, fails until the committees approve it)", func() error {
			return statusRun(&statusOptions{f: f, repo: repo, Format: "text"})
		}},
		{"history -C " + res.Dir, func() error { return historyRun(&historyOptions{f: f, repo: repo, Format: "text"}) }},
		{"diff -C " + res.Dir + "   (in-force against the working tree)", func() error {
			return diffRun(&diffOptions{f: f, repo: repo, Format: "text"}, nil)
		}},
		{"build -C " + res.Dir + " -o " + siteDir, func() error {
			return buildRun(&buildOptions{f: f, repo: repo, Edition: "all", Output: siteDir})
		}},
	}
	for _, s := range steps {
		if err := step(s.cmdline, s.run); err != nil {
			return err
		}
	}
	i18n.Fprintf(w, "\nThe site: file://%s\n", filepath.Join(siteDir, "public", "index.html"))
	i18n.Fprintf(w, "The internal edition (not for publication): file://%s\n", filepath.Join(siteDir, "internal", "index.html"))
	i18n.Fprintf(w, "Next: cd %s && git log --oneline; policyctl diff 2021-10-01 2024-04-01 --format html -o shinkyu.html\n", res.Dir)
	return nil
}
