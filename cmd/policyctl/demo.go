package main

import (
	"io"
	"os"
	"os/exec"
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
		Short: i18n.T("build the embedded example repository and run policyctl on it"),
		Long: i18n.T(`demo writes the embedded example — the policy of みどり野市, a fictional city — as a
git repository with its history, then runs policyctl's own commands on it
(check, verify, status, history, diff, build) and says what it made.
The demo keys it generates are derived from fixed seeds: never use them for real.`),
		Example: i18n.T(`  policyctl demo -o /tmp/policyctl-demo
  policyctl demo -o /tmp/policyctl-demo --force`),
		Args: noArgs,
		RunE: func(*cobra.Command, []string) error {
			if runF != nil {
				return runF(opts)
			}
			return demoRun(opts)
		},
	}
	c.Flags().StringVarP(&opts.Output, "output", "o", "policyctl-demo", i18n.T("write the example repository to `DIR`"))
	c.Flags().BoolVar(&opts.Force, "force", false, i18n.T("replace DIR even if it is not empty"))
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
	i18n.Fprintf(w, "  git history  %d commits; revisions %s; %d draft commit(s) after the last revision\n", res.Commits, strings.Join(revs, i18n.T(", ")), res.Drafts)
	i18n.Fprintf(w, "  approvals    %d signatures by the members of 7 committees, one set per revision\n", res.Approvals)
	i18n.Fprintf(w, "  demo keys    %d members, in %s/ (demo only)\n", len(res.Keys), demo.KeyDir)
	repo := repoOptions{Dir: res.Dir}
	last := res.Revisions[len(res.Revisions)-1].ID
	step := func(cmdline, note string, run func() error) error {
		i18n.Fprintf(w, "\n$ policyctl %s\n", cmdline)
		if note != "" {
			io.WriteString(w, "# "+note+"\n")
		}
		if err := run(); err != nil {
			return i18n.Errorf("policyctl %s on the embedded example: %w (a bug in policyctl)", cmdline, err)
		}
		return nil
	}
	siteDir := filepath.Join(res.Dir, "_site")
	steps := []struct {
		cmdline, note string
		run           func() error
	}{
		{"check -C " + res.Dir, "", func() error { return checkRun(&checkOptions{f: f, repo: repo, Format: "text"}) }},
		{"verify -C " + res.Dir + " --revision " + last, "", func() error {
			return verifyRun(&verifyOptions{f: f, repo: repo, Revision: last, Format: "text"})
		}},
		{"status -C " + res.Dir, i18n.Sprintf("the working tree holds a draft edit made after %s: the CI gate, policyctl verify, fails until the committees approve it", last), func() error {
			return statusRun(&statusOptions{f: f, repo: repo, Format: "text"})
		}},
		{"history -C " + res.Dir, "", func() error { return historyRun(&historyOptions{f: f, repo: repo, Format: "text"}) }},
		{"diff -C " + res.Dir, i18n.T("the revision in force against the working tree"), func() error {
			return diffRun(&diffOptions{f: f, repo: repo, Format: "text"}, nil)
		}},
		{"build -C " + res.Dir + " -o " + siteDir, "", func() error {
			return buildRun(&buildOptions{f: f, repo: repo, Edition: "all", Output: siteDir})
		}},
	}
	for _, s := range steps {
		if err := step(s.cmdline, s.note, s.run); err != nil {
			return err
		}
	}
	i18n.Fprintf(w, "\nThe site: file://%s\n", filepath.Join(siteDir, "public", "index.html"))
	i18n.Fprintf(w, "The internal edition (not for publication): file://%s\n", filepath.Join(siteDir, "internal", "index.html"))
	older, newer := res.Revisions[1].ID, res.Revisions[2].ID
	if self := commandOnPath(); self != "" {
		i18n.Fprintf(w, "Next: cd %s && git log --oneline; %s diff %s %s --format html -o shinkyu.html\n", res.Dir, self, older, newer)
		return nil
	}
	// Run with go run, or from a binary that is not on the PATH: the
	// hint names what works from here, and how to install.
	i18n.Fprintf(w, "Next: %s diff -C %s %s %s --format html -o %s\n", invocation(), res.Dir, older, newer, filepath.Join(res.Dir, "shinkyu.html"))
	i18n.Fprintf(w, "policyctl is not on your PATH. To install it: go install %s@latest (it goes to $(go env GOPATH)/bin; add that folder to PATH)\n", mainPackage)
	return nil
}

// mainPackage is the import path go install takes.
const mainPackage = "github.com/policyctl/policyctl/cmd/policyctl"

// commandOnPath returns "policyctl" when that name on the PATH is this
// program (or any policyctl), "" otherwise.
func commandOnPath() string {
	if _, err := exec.LookPath("policyctl"); err == nil {
		return "policyctl"
	}
	return ""
}

// invocation is how the user ran this program: go run's binary lives in a
// temporary build folder, so the hint repeats go run; otherwise the path
// of the binary.
func invocation() string {
	exe, err := os.Executable()
	if err != nil || strings.Contains(exe, "go-build") {
		return "go run ./cmd/policyctl"
	}
	return exe
}
