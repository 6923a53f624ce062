package site

import (
	"errors"
	"fmt"

	"github.com/policyctl/policyctl/internal/history"
	"github.com/policyctl/policyctl/internal/policy"
)

// FromHistory fills the 改訂履歴, the content in force and the archive of
// revisions from the history of h (one walk, h's options). A working tree
// outside git, or before its first commit, has only the legacy history:
// the build says so on Warn rather than failing, since it only previews;
// every other error reading the history is an error.
func FromHistory(h *history.Repository, full *policy.Repo, o *Options) error {
	recs, err := h.Revisions()
	if errors.Is(err, history.ErrNoGit) || errors.Is(err, history.ErrNoCommits) {
		warnf(o.Warn, "policyctl: %v; the site shows the legacy revisions only\n", err)
		o.Entries, err = history.Log(full.Config, nil)
		return err
	}
	if err != nil {
		return err
	}
	if h.Revision != nil {
		// The content of a recorded revision: its history is what was
		// approved up to it.
		var upTo []*history.Recorded
		for _, r := range recs {
			if r.ID <= h.Revision.ID {
				upTo = append(upTo, r)
			}
		}
		recs = upTo
	}
	if o.Entries, err = history.Log(full.Config, recs); err != nil {
		return err
	}
	models := map[string]*policy.Repo{}
	var prev *history.Recorded
	for _, r := range recs {
		if !r.InForce {
			continue
		}
		nt, err := h.Tree.AtCommit(r.ID, r.Commit)
		if err != nil {
			return err
		}
		m, err := policy.Load(nt.FS, h.Options().Load)
		if err != nil {
			return fmt.Errorf("revision %s: %w", r.ID, err)
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
