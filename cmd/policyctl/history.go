package main

import (
	"errors"

	"github.com/spf13/cobra"

	"github.com/policyctl/policyctl/internal/history"
	"github.com/policyctl/policyctl/internal/i18n"
	"github.com/policyctl/policyctl/internal/policy"
	"github.com/policyctl/policyctl/internal/termtext"
)

type historyOptions struct {
	f      *factory
	repo   repoOptions
	cache  cacheOptions
	Doc    string
	Format string
}

func newCmdHistory(f *factory, runF func(*historyOptions) error) *cobra.Command {
	opts := &historyOptions{f: f}
	c := &cobra.Command{
		Use:   "history",
		Short: i18n.T("the 改訂履歴: legacy revisions and approved revisions, in 和暦, with edition names"),
		Long: i18n.T(`history writes the 改訂履歴: the revisions older than the repository (policyctl.yaml
history.legacy) and the recorded revisions approved, oldest first, with their
和暦 dates, kinds and the edition each made (令和7年度改訂版: a revision on
2026-03-31 falls in 令和7年度). A revision approved whose date has not come is
marked 施行予定 (--at evaluates another day). Drafts — revisions whose approvals
are not complete — are left out. With --doc, only the revisions that changed
that document. The git history is required.

The history is walked and every revision verified; the result is kept in the
cache for the next run on the same commit (--no-cache: not), sealed with a key
of this machine's user, so that an entry written elsewhere is never believed.
Commands that decide — verify, status, build — always walk the history.

Its output names every document a revision changed, non-public ones too
(title, id, path): it is for the office. The 改訂履歴 to publish is the one
build writes into the public edition, which says 非公開部分の改正 for them.`),
		Example: i18n.T(`  policyctl history
  policyctl history --doc basic-policy --format markdown
  policyctl history --format json`),
		Args: noArgs,
		RunE: func(*cobra.Command, []string) error {
			if runF != nil {
				return runF(opts)
			}
			return historyRun(opts)
		},
	}
	addRepoFlags(c, &opts.repo)
	addCacheFlags(c, &opts.cache)
	c.Flags().StringVar(&opts.Doc, "doc", "", i18n.T("only the revisions that changed the document with this `ID`"))
	c.Flags().StringVar(&opts.Format, "format", "text", i18n.T("output `FORMAT`: text, markdown or json"))
	return c
}

func historyRun(opts *historyOptions) error {
	opts.repo.meter = opts.f.meter()
	h, err := opts.repo.open(opts.repo.Rev)
	if err != nil {
		return err
	}
	// The documents are read only for --doc: the whole history needs the
	// configuration alone.
	var r *policy.Repo
	if opts.Doc != "" {
		r, err = opts.repo.headModel(h)
	} else {
		var cfg *policy.Config
		cfg, err = h.HeadConfig()
		r = &policy.Repo{Config: cfg}
		err = opts.repo.configError(h, err)
	}
	if err != nil {
		return err
	}
	c, err := opts.cache.open(opts.f.stderr)
	if err != nil {
		return err
	}
	defer c.Close()
	sum, err := h.Summary(c)
	if errors.Is(err, history.ErrNoGit) || errors.Is(err, history.ErrNoCommits) {
		return i18n.Errorf("%w; the legacy revisions alone are in policyctl.yaml", err)
	}
	if err != nil {
		return err
	}
	if h.Revision != nil {
		sum.Revisions = upTo(sum.Revisions, h.Revision.ID)
	}
	entries, err := history.Log(r.Config, sum.Revisions)
	if err != nil {
		return err
	}
	title := r.Config.Title
	if opts.Doc != "" {
		d := r.Doc(opts.Doc)
		if d == nil {
			return i18n.Errorf("--doc %q: no document has that id (ids: %s)", opts.Doc, policy.KnownIDs(20, r))
		}
		entries = history.ForDocument(entries, sum, opts.Doc)
		title = d.Meta.Title
	}
	w := opts.f.stdout
	switch opts.Format {
	case "text":
		return history.WriteText(termtext.Writer(w), title, entries)
	case "markdown":
		return history.WriteMarkdown(w, title, entries)
	case "json":
		return history.WriteJSON(w, entries)
	}
	return i18n.Errorf("--format %q: expected text, markdown or json", opts.Format)
}

// upTo keeps the revisions up to id: the history as of a revision's content.
func upTo(recs []*history.Recorded, id string) []*history.Recorded {
	var out []*history.Recorded
	for _, r := range recs {
		if r.ID <= id {
			out = append(out, r)
		}
	}
	return out
}
