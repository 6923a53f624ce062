package main

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/policyctl/policyctl/internal/history"
	"github.com/policyctl/policyctl/internal/policy"
	"github.com/policyctl/policyctl/internal/source"
)

// Exit codes (SPEC §2).
const (
	exitOK       = 0
	exitProblems = 1 // the command ran and found problems
	exitUsage    = 2 // usage, configuration or input error
)

// errProblems is returned by a command that has already reported the
// problems it found (check findings, failed verification).
var errProblems = errors.New("problems found")

type app struct {
	stdout, stderr io.Writer
	// Repository flags, shared by every command that reads a repository.
	dir  string
	rev  string
	sets []string
}

// Main runs policyctl with args and returns its exit code.
func Main(args []string, stdout, stderr io.Writer) int {
	a := &app{stdout: stdout, stderr: stderr}
	root := a.rootCmd()
	root.SetArgs(args)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.Execute()
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errProblems):
		return exitProblems
	}
	fmt.Fprintf(stderr, "policyctl: %v\n", err)
	return exitUsage
}

func (a *app) rootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "policyctl",
		Short: "情報セキュリティポリシーを git で管理する — keep an information security policy in git",
		Long: `policyctl keeps a municipality's 情報セキュリティポリシー — the public 基本方針 and
the non-public 対策基準 and 実施手順 — as Markdown in a git repository. It checks
the documents, records each committee's approval as an SSH signature, renders
the public and internal editions, writes the 改訂履歴 and prints the 新旧対照表.

Exit codes: 0 success, 1 problems found, 2 usage, configuration or input error.`,
		SilenceErrors: true,
		SilenceUsage:  true,
		Version:       version(),
	}
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return fmt.Errorf("%w\nRun '%s --help' for usage.", err, c.CommandPath())
	})
	root.AddCommand(
		a.checkCmd(),
		a.approveCmd(),
		a.verifyCmd(),
		a.statusCmd(),
		a.historyCmd(),
		a.diffCmd(),
		a.buildCmd(),
		a.demoCmd(),
		a.initCmd(),
		a.versionCmd(),
	)
	root.AddCommand(a.manCmd(root))
	return root
}

// repoFlags adds -C, --rev and --set to a command that reads a repository.
func (a *app) repoFlags(c *cobra.Command) {
	c.Flags().StringVarP(&a.dir, "dir", "C", ".", "the policy repository `DIR`")
	c.Flags().StringVar(&a.rev, "rev", "", "read the repository at `REV` instead of the working tree: a revision id, in-force, or a git commit, tag, branch or HEAD~1")
	c.Flags().StringArrayVar(&a.sets, "set", nil, "override a configuration key, `KEY=VALUE` (also POLICYCTL_KEY env vars)")
}

// overrides reads the --set flags.
func (a *app) overrides() (map[string]string, error) {
	out := map[string]string{}
	for _, s := range a.sets {
		k, v, ok := strings.Cut(s, "=")
		if !ok || k == "" {
			return nil, fmt.Errorf("--set %q: expected KEY=VALUE, such as --set site.base_url=https://example.jp/policy/", s)
		}
		out[strings.ToLower(k)] = v
	}
	return out, nil
}

// tree opens the repository the flags name: the working tree, a git
// revision, a recorded revision's content, or in-force.
func (a *app) tree() (*source.Tree, error) {
	return history.Open(a.dir, a.rev)
}

// load opens and reads the repository the flags name.
func (a *app) load() (*source.Tree, *policy.Repo, error) {
	t, err := a.tree()
	if err != nil {
		return nil, nil, err
	}
	r, err := a.loadTree(t)
	return t, r, err
}

func (a *app) loadTree(t *source.Tree) (*policy.Repo, error) {
	return a.loadTreeOpts(t, policy.LoadOptions{})
}

func (a *app) loadTreeOpts(t *source.Tree, opts policy.LoadOptions) (*policy.Repo, error) {
	overrides, err := a.overrides()
	if err != nil {
		return nil, err
	}
	opts.Overrides = overrides
	r, err := policy.Load(t.FS, opts)
	var ce *policy.ConfigError
	if errors.As(err, &ce) {
		if a.dir != "." {
			ce.File = filepath.Join(a.dir, ce.File)
		}
		if t.Commit != nil {
			ce.File += " at " + t.Label()
		}
	}
	return r, err
}
