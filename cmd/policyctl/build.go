package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/policyctl/policyctl/internal/check"
	"github.com/policyctl/policyctl/internal/history"
	"github.com/policyctl/policyctl/internal/i18n"
	"github.com/policyctl/policyctl/internal/policy"
	"github.com/policyctl/policyctl/internal/termtext"
	"github.com/policyctl/policyctl/render"
	"github.com/policyctl/policyctl/site"
)

type buildOptions struct {
	f       *factory
	repo    repoOptions
	cache   cacheOptions
	Edition string
	Output  string
}

func newCmdBuild(f *factory, runF func(*buildOptions) error) *cobra.Command {
	opts := &buildOptions{f: f}
	c := &cobra.Command{
		Use:   "build",
		Short: i18n.T("render the editions into a static site"),
		Long: i18n.T(`build renders editions of the policy into DIR/<edition>/: an index, a page per
document (table of contents, permalinks, previous/next), the 改訂履歴 with every
revision in force readable and its 新旧対照表, search for Japanese text and
print CSS. The public edition holds no byte of restricted content; other
editions carry noindex. Pages that differ from the revision in force are
marked 「案」. Output is deterministic, and the editions' folders are swapped
in only when every edition is built: a failed build changes none of them.
A build replaces only an edition folder a build wrote (it holds the file
.policyctl-edition) or an empty one; it refuses any other folder or file there.

build refuses an edition that does not see every level while check reports an
error that could make restricted content reach it, and stops when the
tripwire finds restricted text in the output. CI publishes the public edition
with --rev in-force: the content of the newest revision whose date has come.

Rendered pages are kept in a cache (--cache DIR, by default policyctl in the
user's cache folder; --no-cache for none), keyed by digests of everything a
page depends on: a build after a small change renders only what it touched,
and an archived revision is rendered once. CI keeps the folder between runs
with actions/cache. The tripwire reads every page, cached or not.`),
		Example: i18n.T(`  policyctl build
  policyctl build --edition public --rev in-force -o public-site`),
		Args: noArgs,
		RunE: func(*cobra.Command, []string) error {
			if runF != nil {
				return runF(opts)
			}
			return buildRun(opts)
		},
	}
	addRepoFlags(c, &opts.repo)
	addCacheFlags(c, &opts.cache)
	c.Flags().StringVar(&opts.Edition, "edition", "all", i18n.T("the edition `NAME` to build, or all"))
	c.Flags().StringVarP(&opts.Output, "output", "o", "_site", i18n.T("write the site into `DIR`/<edition>/"))
	return c
}

func buildRun(opts *buildOptions) error {
	opts.repo.meter = opts.f.meter()
	h, err := opts.repo.open(opts.repo.Rev)
	if err != nil {
		return err
	}
	full, err := opts.repo.model(h)
	if err != nil {
		return err
	}
	var eds []policy.Edition
	for _, e := range full.Config.EditionList() {
		if opts.Edition == "all" || e.Name == opts.Edition {
			eds = append(eds, e)
		}
	}
	if len(eds) == 0 {
		return i18n.Errorf("--edition %q: not an edition of policyctl.yaml (editions: %s, or all)", opts.Edition, strings.Join(full.Config.EditionNames(), i18n.T(", ")))
	}
	c, err := opts.cache.open(opts.f.stderr)
	if err != nil {
		return err
	}
	defer c.Close()
	o := site.Options{Dir: opts.Output, Editions: eds, Warn: opts.f.stderr, Cache: c, Progress: opts.repo.meter}
	if rev := opts.repo.Rev; rev != "" && rev != history.InForceRev {
		// A revision id, branch, tag or commit is built: what was approved
		// on the history the command runs from narrows it too (a tag named
		// like a date is a tag when no revision has that id). in-force is
		// read from that history already: no second walk for CI's build.
		here, err := opts.repo.open("")
		if err != nil {
			return err
		}
		if o.Narrow, err = approvedConfig(here); err != nil {
			return err
		}
	}
	if err := site.FromHistory(h, full, &o); err != nil {
		return err
	}
	written, err := site.Build(full, o)
	if err != nil {
		return buildError(opts.f, err)
	}
	for _, w := range written {
		i18n.Fprintf(opts.f.stdout, "wrote %s/index.html\n", w)
	}
	return nil
}

// buildError reports why an edition was not built: the findings that
// forbid it (exit 1, as check would), the tripwire's hit (exit 1), or the
// error.
func buildError(f *factory, err error) error {
	var refused *render.RefusedError
	if errors.As(err, &refused) {
		res := &check.Result{Findings: refused.Findings, Errors: len(refused.Findings)}
		_ = res.WriteText(termtext.Writer(f.stderr), -1)
		if refused.Complete {
			// The edition cuts nothing: what stops it is only a level
			// nobody configured, which may mean more than it may show.
			i18n.Fprintf(f.stderr, "policyctl: refusing to build the %s edition: a level policyctl.yaml does not list may mean one more restricted than any edition shows (and with one level configured, this edition is the public one); write one of the configured levels\n", refused.Edition)
			return errProblems
		}
		i18n.Fprintf(f.stderr, "policyctl: refusing to build the %s edition: these errors could make it show restricted content; fix them (policyctl check lists every finding)\n", refused.Edition)
		return errProblems
	}
	var trip *render.TripwireError
	if errors.As(err, &trip) {
		fmt.Fprintf(f.stderr, "policyctl: %v\n", err)
		return errProblems
	}
	return err
}
