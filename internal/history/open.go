package history

import (
	"errors"
	"fmt"

	"github.com/policyctl/policyctl/approvals"
	"github.com/policyctl/policyctl/internal/policy"
	"github.com/policyctl/policyctl/internal/source"
)

// InForceRev is the --rev value that names the content of the newest
// revision in force.
const InForceRev = "in-force"

// FromHead walks the history that ends at the repository's HEAD.
func FromHead(t *source.Tree, opts policy.LoadOptions) (*Walk, error) {
	if t.Git == nil {
		return nil, ErrNoGit
	}
	head, err := t.Git.Head()
	if err != nil {
		return nil, fmt.Errorf("the git repository has no commits yet: %w", err)
	}
	c, err := t.Git.CommitObject(head.Hash())
	if err != nil {
		return nil, err
	}
	sub, err := t.Sub()
	if err != nil {
		return nil, err
	}
	return NewWalk(t.Git, c, sub, opts)
}

// FromTree walks the history that ends at the commit a tree was read from,
// or at HEAD for the working tree.
func FromTree(t *source.Tree, opts policy.LoadOptions) (*Walk, error) {
	if t.Commit == nil {
		return FromHead(t, opts)
	}
	sub, err := t.Sub()
	if err != nil {
		return nil, err
	}
	return NewWalk(t.Git, t.Commit, sub, opts)
}

// Open opens dir at rev, where rev may also be "in-force" (the content of
// the newest revision in force) or the id of a recorded revision (its
// content); anything else is a git revision.
func Open(dir, rev string) (*source.Tree, error) {
	if rev != InForceRev && !approvals.ValidRevisionID(rev) {
		return source.Open(dir, rev)
	}
	t, err := source.Open(dir, "")
	if err != nil {
		return nil, err
	}
	w, err := FromHead(t, policy.LoadOptions{})
	if err != nil {
		return nil, fmt.Errorf("--rev %s: %w", rev, err)
	}
	recs, err := w.Revisions()
	if err != nil {
		return nil, fmt.Errorf("--rev %s: %w", rev, err)
	}
	var r *Recorded
	if rev == InForceRev {
		if r = InForce(recs); r == nil {
			return nil, errors.New("--rev in-force: no revision is in force yet: record one with policyctl approve and complete its approvals (policyctl status shows what is missing)")
		}
	} else if r = Find(recs, rev); r == nil {
		return t.At(rev) // a tag or branch that looks like a date
	} else if !r.InForce {
		return nil, fmt.Errorf("--rev %s: revision %s is a draft: its approvals are not complete (policyctl verify --revision %s says what is missing)", rev, rev, rev)
	}
	nt, err := t.AtCommit(rev, r.Commit)
	if err != nil {
		return nil, err
	}
	return nt, nil
}
