package main

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/policyctl/policyctl/internal/history"
	"github.com/policyctl/policyctl/internal/policy"
)

func (a *app) historyCmd() *cobra.Command {
	var doc, format string
	c := &cobra.Command{
		Use:   "history",
		Short: "the 改訂履歴: legacy revisions and revisions in force, in 和暦, with edition names",
		Long: `history writes the 改訂履歴: the revisions older than the repository (policyctl.yaml
history.legacy) and the recorded revisions in force, oldest first, with their 和暦
dates, kinds and the edition each made (令和7年度改訂版: a revision on 2026-03-31
falls in 令和7年度). Drafts — revisions whose approvals are not complete — are
left out. With --doc, only the revisions that changed that document.`,
		Example: `  policyctl history
  policyctl history --doc basic-policy --format markdown
  policyctl history --format json`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			_, r, err := a.load()
			if err != nil {
				return err
			}
			entries, err := a.historyEntries(r)
			if err != nil {
				return err
			}
			title := r.Config.Title
			if doc != "" {
				d := r.Doc(doc)
				if d == nil {
					return fmt.Errorf("--doc %q: no document has that id", doc)
				}
				entries = history.ForDocument(entries, doc)
				title = d.Meta.Title
			}
			switch format {
			case "text":
				return history.WriteText(a.stdout, title, entries)
			case "markdown":
				return history.WriteMarkdown(a.stdout, title, entries)
			case "json":
				return history.WriteJSON(a.stdout, entries)
			}
			return fmt.Errorf("--format %q: expected text, markdown or json", format)
		},
	}
	a.repoFlags(c)
	c.Flags().StringVar(&doc, "doc", "", "only the revisions that changed the document with this `ID`")
	c.Flags().StringVar(&format, "format", "text", "output `FORMAT`: text, markdown or json")
	return c
}

// historyEntries computes the 改訂履歴 of the repository the flags name:
// the history that ends at the commit read (HEAD for the working tree).
func (a *app) historyEntries(r *policy.Repo) ([]history.Entry, error) {
	tree, err := a.tree()
	if err != nil {
		return nil, err
	}
	var recs []*history.Recorded
	w, err := history.FromTree(tree, policy.LoadOptions{})
	switch {
	case errors.Is(err, history.ErrNoGit):
		fmt.Fprintf(a.stderr, "policyctl: %v; showing the legacy revisions only\n", err)
	case err != nil:
		return nil, err
	default:
		if recs, err = w.Revisions(); err != nil {
			return nil, err
		}
	}
	return history.Log(r.Config, recs)
}
