package history

import (
	"errors"
	"io/fs"
	"strings"
	"sync"

	"github.com/go-git/go-git/v5/plumbing"

	"github.com/policyctl/policyctl/approvals"
	"github.com/policyctl/policyctl/internal/gitfs"
	"github.com/policyctl/policyctl/internal/i18n"
	"github.com/policyctl/policyctl/internal/policy"
	"github.com/policyctl/policyctl/internal/source"
)

// InForceRev is the --rev value that names the content of the newest
// revision in force.
const InForceRev = "in-force"

// Repository is a policy repository opened at a revision, with the
// history that ends where it was read. A command opens one, with its own
// options, and reads the model and the history through it: the history is
// walked at most once.
type Repository struct {
	// Tree is the content read: the working tree, a git commit, or a
	// recorded revision's content.
	Tree *source.Tree
	// Revision is the recorded revision whose content Tree is, when --rev
	// named one (or in-force); nil otherwise.
	Revision *Recorded
	opts     Options

	once     sync.Once
	walk     *Walk
	err      error
	model    *policy.Repo
	mErr     error
	mOnce    sync.Once
	head     *policy.Repo
	headErr  error
	headOnce sync.Once
}

// OpenRepository opens dir at rev: "" for the working tree, in-force for
// the content of the newest revision in force, a recorded revision's id for
// its content, or any git revision.
func OpenRepository(dir, rev string, opts Options) (*Repository, error) {
	if opts.At != "" && !approvals.ValidRevisionID(opts.At) {
		return nil, i18n.Errorf("--at %q: expected a date, YYYY-MM-DD", opts.At)
	}
	if rev != InForceRev && !approvals.ValidRevisionID(rev) {
		t, err := source.Open(dir, rev)
		if err != nil {
			return nil, err
		}
		return &Repository{Tree: t, opts: opts}, nil
	}
	t, err := source.Open(dir, "")
	if err != nil {
		return nil, err
	}
	return (&Repository{Tree: t, opts: opts}).recorded(rev)
}

// Open opens another revision of the same repository with the same
// options. When this repository's history is the one that ends at HEAD (the
// working tree, or a recorded revision's content), in-force and revision
// ids are found in it without walking again.
func (r *Repository) Open(rev string) (*Repository, error) {
	if rev != InForceRev && !approvals.ValidRevisionID(rev) {
		t, err := source.Open(r.Tree.Dir, rev)
		if err != nil {
			return nil, err
		}
		return &Repository{Tree: t, opts: r.opts}, nil
	}
	if r.Tree.Commit != nil && r.Revision == nil {
		return OpenRepository(r.Tree.Dir, rev, r.opts)
	}
	head := r
	if r.Revision != nil {
		t, err := source.Open(r.Tree.Dir, "")
		if err != nil {
			return nil, err
		}
		head = &Repository{Tree: t, opts: r.opts}
		head.once.Do(func() { head.walk, head.err = r.Walk() })
	}
	return head.recorded(rev)
}

// recorded opens rev, in-force or a revision id, from the history of head,
// a repository opened at the working tree.
func (head *Repository) recorded(rev string) (*Repository, error) {
	t := head.Tree
	opts := head.opts
	recs, err := head.Revisions()
	if err != nil {
		return nil, i18n.Errorf("--rev %s: %w", rev, err)
	}
	var r *Recorded
	if rev == InForceRev {
		if r = InForce(recs); r == nil {
			return nil, i18n.Errorf("--rev in-force: no revision is in force on %s: record one with policyctl approve and complete its approvals (policyctl status shows what is missing)%s%s", head.walk.At(), scheduledNote(recs), uncommittedNote(head, recs))
		}
	} else if r = Find(recs, rev); r == nil {
		nt, err := t.At(rev) // a tag or branch that looks like a date
		if err != nil {
			var ids []string
			for _, r := range recs {
				if r.Approved {
					ids = append(ids, r.ID)
				}
			}
			if len(ids) == 0 {
				return nil, i18n.Errorf("revision %s: no revision is recorded with that date, and it is no commit, tag or branch (no revision is approved yet)", rev)
			}
			return nil, i18n.Errorf("revision %s: no revision is recorded with that date, and it is no commit, tag or branch; the approved revisions are %s", rev, strings.Join(ids, i18n.T(", ")))
		}
		return &Repository{Tree: nt, opts: opts}, nil
	} else if !r.Approved {
		return nil, i18n.Errorf("--rev %s: revision %s is a draft: its approvals are not complete (policyctl verify --revision %s says what is missing)", rev, rev, rev)
	}
	nt, err := t.AtCommit(rev, r.Commit)
	if err != nil {
		return nil, err
	}
	// The history is the one walked from HEAD: the revision's own content
	// is in it, with what came after.
	out := &Repository{Tree: nt, Revision: r, opts: opts}
	out.once.Do(func() { out.walk, out.err = head.walk, head.err })
	return out, nil
}

// uncommittedNote names revisions whose approvals are in the working tree
// but in no commit: the history reads only what git holds.
func uncommittedNote(head *Repository, recs []*Recorded) string {
	if head.Tree == nil || head.Tree.Commit != nil {
		return "" // a revision, not the working tree
	}
	entries, err := fs.ReadDir(head.Tree.FS, "approvals")
	if err != nil {
		return ""
	}
	for _, e := range entries {
		if e.IsDir() && approvals.ValidRevisionID(e.Name()) && Find(recs, e.Name()) == nil {
			return i18n.Sprintf("; the approvals of revision %s in the working tree are not committed, and the history reads only what git holds: commit approvals/%s", e.Name(), e.Name())
		}
	}
	return ""
}

func scheduledNote(recs []*Recorded) string {
	for _, r := range recs {
		if r.Scheduled {
			return i18n.Sprintf("; revision %s is approved and takes effect on %s (施行予定): to use it before then, name it (%s) or judge that day (--at %s)", r.ID, DayName(r.ID), r.ID, r.ID)
		}
	}
	return ""
}

// Options are the options the repository was opened with.
func (r *Repository) Options() Options { return r.opts }

// Model reads the tree with the options' overrides, once.
func (r *Repository) Model() (*policy.Repo, error) {
	r.mOnce.Do(func() {
		opts := r.opts.Load
		opts.HeadOnly = false
		r.model, r.mErr = policy.Load(r.Tree.FS, opts)
		r.mErr = ExplainMissing(r.Tree.Git, r.mErr)
	})
	return r.model, r.mErr
}

// HeadConfig reads the tree's configuration alone, with the options'
// overrides: all that the history of the whole policy needs from the tree
// (its title and the legacy revisions); reading every document's front
// matter too took most of a run that found its history in the cache.
func (r *Repository) HeadConfig() (*policy.Config, error) {
	cfg, err := policy.LoadConfig(r.Tree.FS, r.opts.Load.Overrides)
	return cfg, ExplainMissing(r.Tree.Git, err)
}

// HeadModel reads the tree's configuration, registry and documents'
// front matter and bytes, but not their Markdown: what history and
// approvals need. It is the full model when that was read already.
func (r *Repository) HeadModel() (*policy.Repo, error) {
	r.headOnce.Do(func() {
		if r.model != nil {
			r.head = r.model
			return
		}
		opts := r.opts.Load
		opts.HeadOnly = true
		r.head, r.headErr = policy.Load(r.Tree.FS, opts)
		r.headErr = ExplainMissing(r.Tree.Git, r.headErr)
	})
	return r.head, r.headErr
}

// Walk returns the history that ends where the tree was read (HEAD for the
// working tree). Without git, without a commit or in a shallow clone it
// says so: there is no silent fallback.
func (r *Repository) Walk() (*Walk, error) {
	r.once.Do(func() {
		r.walk, r.err = r.newWalk()
		r.err = ExplainMissing(r.Tree.Git, r.err)
	})
	return r.walk, r.err
}

func (r *Repository) newWalk() (*Walk, error) {
	t := r.Tree
	if t.Git == nil {
		return nil, ErrNoGit
	}
	c := t.Commit
	if c == nil {
		head, err := t.Git.Head()
		if errors.Is(err, plumbing.ErrReferenceNotFound) {
			return nil, ErrNoCommits
		}
		if err != nil {
			return nil, i18n.Errorf("history: HEAD: %w", err)
		}
		if c, err = t.Git.CommitObject(head.Hash()); err != nil {
			return nil, i18n.Errorf("history: HEAD %s: %w", head.Hash().String()[:7], err)
		}
	}
	sub, err := t.Sub()
	if err != nil {
		return nil, err
	}
	return NewWalk(t.Git, c, sub, r.opts)
}

// Revisions walks the history (once) and returns the recorded revisions.
func (r *Repository) Revisions() ([]*Recorded, error) {
	w, err := r.Walk()
	if err != nil {
		return nil, err
	}
	return w.Revisions()
}

// Extends checks that the history read continues the one that ended at
// rev: that rev is in its first-parent history. CI names the commit the
// branch pointed at before a push (github.event.before): a force-push, or
// a merge that put another history first and was pushed as a
// fast-forward, is refused before anything is judged or published.
func (r *Repository) Extends(rev string) error {
	w, err := r.Walk()
	if err != nil {
		return err
	}
	c, err := gitfs.Resolve(w.Repo, rev)
	if err != nil {
		return i18n.Errorf("%w: --extends %s: the commit is not in this clone (%v); a force-push drops it — fetch every branch with fetch-depth: 0", ErrReplaced, rev, err)
	}
	if !w.Contains(c.Hash) {
		return i18n.Errorf("%w: --extends %s: commit %s is not in the first-parent history that ends at %s; a force-push, or a merge that put another history first, replaced it", ErrReplaced, rev, c.Hash.String()[:7], w.Commits[len(w.Commits)-1].Hash.String()[:7])
	}
	return nil
}
