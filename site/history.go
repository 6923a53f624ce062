package site

import (
	"errors"

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
	return nil
}

func noCommits(t *source.Tree) bool {
	_, err := t.Git.Head()
	return err != nil
}
