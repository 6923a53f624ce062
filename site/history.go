package site

import (
	"errors"
	"io"

	"github.com/policyctl/policyctl/approvals"
	"github.com/policyctl/policyctl/internal/history"
	"github.com/policyctl/policyctl/internal/policy"
	"github.com/policyctl/policyctl/internal/source"
)

// FromHistory fills the 改訂履歴, the content in force and the archive of
// revisions from the git history that ends at the tree read (HEAD for the
// working tree). Without git there is only the legacy history.
func FromHistory(t *source.Tree, full *policy.Repo, opts policy.LoadOptions, o *Options) error {
	w, err := history.FromTree(t, policy.LoadOptions{Overrides: opts.Overrides})
	if errors.Is(err, history.ErrNoGit) || err != nil && t.Git != nil && noCommits(t) {
		o.Entries, err = history.Log(full.Config, nil)
		return err
	}
	if err != nil {
		return err
	}
	recs, err := w.Revisions()
	if err != nil {
		return err
	}
	if o.Entries, err = history.Log(full.Config, recs); err != nil {
		return err
	}
	if opts.Cache == nil {
		opts.Cache = policy.NewCache()
	}
	models := map[string]*policy.Repo{}
	var prev *history.Recorded
	for _, r := range recs {
		if !r.InForce {
			continue
		}
		nt, err := t.AtCommit(r.ID, r.Commit)
		if err != nil {
			return err
		}
		m, err := policy.Load(nt.FS, opts)
		if err != nil {
			return err
		}
		models[r.ID] = m
		rv := Revision{ID: r.ID, Kind: r.Kind, Model: m}
		if prev != nil {
			rv.Previous, rv.PrevID = models[prev.ID], prev.ID
		}
		o.Archive = append(o.Archive, rv)
		prev = r
	}
	if prev != nil {
		o.InForce, o.InForceID = models[prev.ID], prev.ID
	}
	o.Approvals = approvalTables(t, full, recs, o.Warn)
	return nil
}

// approvalTables is the 承認状況 of every recorded revision: a revision in
// force as it stood when its approvals were complete, and the newest as
// `policyctl status` shows it, against the content read (edits made after
// its approvals are 変).
func approvalTables(t *source.Tree, full *policy.Repo, recs []*history.Recorded, warn io.Writer) []ApprovalTable {
	var out []ApprovalTable
	for i, r := range recs {
		v, m := r.Verdict, r.Model
		if m == nil {
			m = full
		}
		if i == len(recs)-1 {
			var prevRules *approvals.Rules
			prevID := ""
			if r.Previous != nil {
				prevRules, prevID = approvals.RulesOf(r.Previous.Model), r.Previous.ID
			}
			cur, err := approvals.Verify(t.FS, full, r.ID, prevRules, prevID)
			if err != nil {
				warnf(warn, "site: the 承認状況 of revision %s shows it as recorded: %v\n", r.ID, err)
			} else {
				v, m = cur, full
			}
		}
		if v == nil {
			continue
		}
		at := ApprovalTableOf(v, m)
		if m == full {
			at.Note = currentNote + at.Note
		}
		out = append(out, at)
	}
	return out
}

func noCommits(t *source.Tree) bool {
	_, err := t.Git.Head()
	return err != nil
}
