package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/policyctl/policyctl/internal/check"
	"github.com/policyctl/policyctl/internal/policy"
	"github.com/policyctl/policyctl/internal/source"
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
			if err := a.refuseLeaks(full, eds); err != nil {
				return err
			}
			opts := site.Options{Dir: out, Editions: eds}
			if err := a.siteHistory(t, full, &opts); err != nil {
				return err
			}
			written, err := site.Build(full, opts)
			if err != nil {
				return err
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

// refuseLeaks stops the build of any edition less restricted than the
// most restricted level while check finds content that leaks into it.
func (a *app) refuseLeaks(full *policy.Repo, eds []policy.Edition) error {
	leaks := check.Leaks(full)
	if len(leaks) == 0 {
		return nil
	}
	for _, e := range eds {
		if e.Level < full.Config.MostRestricted() {
			res := &check.Result{Findings: leaks, Errors: len(leaks)}
			_ = res.WriteText(a.stderr, len(full.Docs))
			fmt.Fprintf(a.stderr, "policyctl: refusing to build the %s edition: restricted content would leak into it\n", e.Name)
			return errProblems
		}
	}
	return nil
}

// siteHistory fills the 改訂履歴, the content in force and the archive.
func (a *app) siteHistory(t *source.Tree, full *policy.Repo, o *site.Options) error {
	overrides, err := a.overrides()
	if err != nil {
		return err
	}
	return site.FromHistory(t, full, policy.LoadOptions{Overrides: overrides}, o)
}
