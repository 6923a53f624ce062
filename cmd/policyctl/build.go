package main

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/policyctl/policyctl/internal/check"
	"github.com/policyctl/policyctl/internal/policy"
	"github.com/policyctl/policyctl/internal/source"
	"github.com/policyctl/policyctl/render"
	"github.com/policyctl/policyctl/site"
)

func (a *app) buildCmd() *cobra.Command {
	var edition, out string
	c := &cobra.Command{
		Use:   "build",
		Short: "render the editions into a static site",
		Long: `build renders editions of the policy into DIR/<edition>/: an index, a page per
document (table of contents, permalinks, previous/next), the 改訂履歴 with every
revision in force readable and its 新旧対照表, search for Japanese text and
print CSS. The public edition holds no byte of restricted content; other
editions carry noindex. Pages that differ from the revision in force are
marked 「案」. Output is deterministic, and each edition's folder is replaced
only when its build succeeds.

build refuses an edition below the most restricted level while check reports
a visibility/leak error. CI publishes the public edition with --rev in-force.`,
		Example: `  policyctl build
  policyctl build --edition public --rev in-force -o public-site`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			t, full, err := a.load()
			if err != nil {
				return err
			}
			var eds []policy.Edition
			for _, e := range full.Config.EditionList() {
				if edition == "all" || e.Name == edition {
					eds = append(eds, e)
				}
			}
			if len(eds) == 0 {
				return fmt.Errorf("--edition %q: not an edition of policyctl.yaml (editions: %v, or all)", edition, full.Config.Editions)
			}
			opts := site.Options{Dir: out, Editions: eds, Warn: a.stderr}
			if err := a.siteHistory(t, full, &opts); err != nil {
				return err
			}
			written, err := site.Build(full, opts)
			if err != nil {
				return a.buildError(err)
			}
			for _, w := range written {
				fmt.Fprintf(a.stdout, "wrote %s/index.html\n", w)
			}
			return nil
		},
	}
	a.repoFlags(c)
	c.Flags().StringVar(&edition, "edition", "all", "the edition `NAME` to build, or all")
	c.Flags().StringVarP(&out, "output", "o", "_site", "write the site into `DIR`/<edition>/")
	return c
}

// buildError reports why an edition was not built: the findings that
// forbid it (exit 1, as check would), or the error.
func (a *app) buildError(err error) error {
	var refused *render.RefusedError
	if errors.As(err, &refused) {
		res := &check.Result{Findings: refused.Findings, Errors: len(refused.Findings)}
		_ = res.WriteText(a.stderr, 0)
		fmt.Fprintf(a.stderr, "policyctl: refusing to build the %s edition: these errors could make it show restricted content; fix them (policyctl check lists every finding)\n", refused.Edition)
		return errProblems
	}
	var trip *render.TripwireError
	if errors.As(err, &trip) {
		fmt.Fprintf(a.stderr, "policyctl: %v\n", err)
		return errProblems
	}
	return err
}

// siteHistory fills the 改訂履歴, the content in force and the archive.
func (a *app) siteHistory(t *source.Tree, full *policy.Repo, o *site.Options) error {
	overrides, err := a.overrides()
	if err != nil {
		return err
	}
	return site.FromHistory(t, full, policy.LoadOptions{Overrides: overrides}, o)
}
