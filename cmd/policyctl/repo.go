package main

import (
	"errors"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/policyctl/policyctl/internal/history"
	"github.com/policyctl/policyctl/internal/i18n"
	"github.com/policyctl/policyctl/internal/policy"
	"github.com/policyctl/policyctl/internal/progress"
)

// repoOptions are the flags of every command that reads a repository.
type repoOptions struct {
	Dir  string
	Rev  string
	Sets []string
	At   string
	// Extends name commits the history read must continue (--extends).
	Extends []string
	// meter shows progress while the repository and its history are read
	// (nil: none).
	meter *progress.Meter
}

// addRepoFlags adds -C, --rev, --set and --at to a command.
func addRepoFlags(c *cobra.Command, o *repoOptions) {
	addDirFlag(c, o)
	c.Flags().StringVar(&o.Rev, "rev", "", i18n.T("read the repository at `REV` instead of the working tree: a revision id, in-force, or a git commit, tag, branch or HEAD~1"))
	c.Flags().StringArrayVar(&o.Sets, "set", nil, i18n.T("override a configuration key, `KEY=VALUE` (also POLICYCTL_KEY env vars)"))
	c.Flags().StringVar(&o.At, "at", "", i18n.T("judge what is in force on `DATE` (YYYY-MM-DD) instead of today in Japan"))
	c.Flags().StringArrayVar(&o.Extends, "extends", nil, i18n.T("refuse a history whose first-parent line does not contain `COMMIT` (CI: the commit main pointed at before the push, the commit published last); may be given more than once"))
}

// addDirFlag adds -C and --set, for commands that work on the working
// tree only.
func addDirFlag(c *cobra.Command, o *repoOptions) {
	c.Flags().StringVarP(&o.Dir, "dir", "C", ".", i18n.T("the policy repository `DIR`"))
}

// overrides reads the --set flags.
func (o *repoOptions) overrides() (map[string]string, error) {
	out := map[string]string{}
	for _, s := range o.Sets {
		k, v, ok := strings.Cut(s, "=")
		if !ok || k == "" {
			return nil, i18n.Errorf("--set %q: expected KEY=VALUE, such as --set site.base_url=https://example.jp/policy/", s)
		}
		out[strings.ToLower(k)] = v
	}
	return out, nil
}

// historyOptions are the options every read of the history uses: the same
// overrides and day as the command's own model.
func (o *repoOptions) historyOptions() (history.Options, error) {
	ov, err := o.overrides()
	if err != nil {
		return history.Options{}, err
	}
	// One cache of parsed documents for every model the command reads:
	// a document the working tree holds as a commit does (renumber's
	// base, check's revision in force, diff's two sides) is parsed once.
	lo := policy.LoadOptions{Overrides: ov, Progress: o.meter, Cache: policy.NewCache()}
	return history.Options{Load: lo, At: o.At, Progress: o.meter}, nil
}

// open opens the repository at rev ("" for the working tree) with the
// command's options.
func (o *repoOptions) open(rev string) (*history.Repository, error) {
	if o.Dir == "." {
		o.Dir = findRoot(".")
	}
	ho, err := o.historyOptions()
	if err != nil {
		return nil, err
	}
	h, err := history.OpenRepository(o.Dir, rev, ho)
	if err != nil {
		return nil, err
	}
	for _, c := range o.Extends {
		if err := h.Extends(c); err != nil {
			return nil, err
		}
	}
	return h, nil
}

// model reads the repository's model, naming the directory and revision in
// a configuration error.
func (o *repoOptions) model(h *history.Repository) (*policy.Repo, error) {
	r, err := h.Model()
	return r, o.configError(h, err)
}

// headModel is model without the documents' Markdown (history.HeadModel).
func (o *repoOptions) headModel(h *history.Repository) (*policy.Repo, error) {
	r, err := h.HeadModel()
	return r, o.configError(h, err)
}

// configError names the directory and revision in a configuration error.
func (o *repoOptions) configError(h *history.Repository, err error) error {
	var ce *policy.ConfigError
	if errors.As(err, &ce) {
		if o.Dir != "." && !strings.HasPrefix(ce.File, o.Dir) {
			ce.File = filepath.Join(o.Dir, ce.File)
		}
		if h.Tree.Commit != nil && !strings.Contains(ce.File, " at ") {
			ce.File += " at " + h.Tree.Label()
		}
	}
	return err
}

// findRoot is the policy repository that holds dir, as git finds its work
// tree from a subfolder: dir or the nearest folder above it with a
// policyctl.yaml, not above the top of its git work tree. Without one it is
// dir, which then reports the configuration missing.
func findRoot(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return dir
	}
	for d, up := abs, dir; ; up = filepath.Join(up, "..") {
		if _, err := os.Stat(filepath.Join(d, policy.ConfigFile)); err == nil {
			return filepath.Clean(up)
		}
		if _, err := os.Stat(filepath.Join(d, ".git")); err == nil {
			return dir
		}
		parent := filepath.Dir(d)
		if parent == d {
			return dir
		}
		d = parent
	}
}
