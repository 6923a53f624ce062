// Package history derives the 改訂履歴 of a policy repository: the legacy
// revisions from policyctl.yaml and the recorded revisions whose approvals
// verify, each with the content it was approved with (the tree of the first
// commit at which its approvals were complete) and the documents it changed.
// It walks the git history once and reads each document version once.
package history

import (
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strings"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"

	"github.com/policyctl/policyctl/approvals"
	"github.com/policyctl/policyctl/internal/gitfs"
	"github.com/policyctl/policyctl/internal/policy"
)

// Recorded is a revision recorded under approvals/<id>/.
type Recorded struct {
	ID   string
	Kind string
	// InForce is set when the revision's approvals verified at some commit.
	InForce bool
	// Commit is the first commit at which the approvals were complete: the
	// revision's content. Nil for a draft.
	Commit *object.Commit
	// Model is the repository at Commit, documents read without their
	// Markdown (enough for digests and approvers).
	Model *policy.Repo
	// Verdict is the verification at Commit, or at the last commit looked
	// at for a draft.
	Verdict *approvals.Verdict
	// Previous is the revision in force before this one, whose rules
	// applied too; nil for the first.
	Previous *Recorded
	// Changes are the documents that differ from Previous's content.
	Changes []Change
}

// Change is a document added, modified or removed by a revision.
type Change struct {
	ID    string `json:"id"`
	Path  string `json:"path"`
	Title string `json:"title"`
	What  string `json:"change"` // added, modified, removed
}

// ErrShallow is returned when the git history needed is not in the clone.
var ErrShallow = errors.New("the git history is incomplete (a shallow clone): policyctl needs every commit to find when each revision was approved; run `git fetch --unshallow`, or in GitHub Actions set `fetch-depth: 0` on actions/checkout")

// ErrNoGit is returned when the repository is not in git.
var ErrNoGit = errors.New("the repository is not in git: revisions and their content come from the git history")

// Walk is the first-parent history up to a commit, oldest first, with the
// state of approvals/ at each commit.
type Walk struct {
	Repo    *git.Repository
	Commits []*object.Commit
	// Sub is the policy repository's folder in the git work tree ("." at
	// the root).
	Sub   string
	cache *policy.Cache
	opts  policy.LoadOptions
	// approvals[i] maps revision ids to the tree hash of their folder at
	// Commits[i].
	approvals []map[string]string
}

// NewWalk reads the first-parent history that ends at head.
func NewWalk(repo *git.Repository, head *object.Commit, sub string, opts policy.LoadOptions) (*Walk, error) {
	shallow, _ := repo.Storer.Shallow()
	isShallow := map[plumbing.Hash]bool{}
	for _, h := range shallow {
		isShallow[h] = true
	}
	var commits []*object.Commit
	for c := head; c != nil; {
		commits = append(commits, c)
		if isShallow[c.Hash] && c.NumParents() > 0 {
			return nil, ErrShallow
		}
		if c.NumParents() == 0 {
			break
		}
		p, err := c.Parent(0)
		if err != nil {
			return nil, fmt.Errorf("%w (%v)", ErrShallow, err)
		}
		c = p
	}
	for i, j := 0, len(commits)-1; i < j; i, j = i+1, j-1 {
		commits[i], commits[j] = commits[j], commits[i]
	}
	opts.HeadOnly = true
	if opts.Cache == nil {
		opts.Cache = policy.NewCache()
	}
	return &Walk{Repo: repo, Commits: commits, Sub: sub, cache: opts.Cache, opts: opts}, nil
}

// FS returns the policy repository's files at a commit.
func (w *Walk) FS(c *object.Commit) (fs.FS, error) {
	g, err := gitfs.ForCommit(c)
	if err != nil {
		return nil, err
	}
	if w.Sub == "" || w.Sub == "." {
		return g, nil
	}
	if _, err := g.Tree().Tree(w.Sub); err != nil {
		return nil, fs.ErrNotExist
	}
	return &subFS{g: g, sub: w.Sub}, nil
}

// subFS is fs.Sub that keeps FileHash, so the document cache works in a
// policy repository below the root of its git work tree.
type subFS struct {
	g   *gitfs.FS
	sub string
}

func (s *subFS) full(name string) string {
	if name == "." {
		return s.sub
	}
	return s.sub + "/" + name
}
func (s *subFS) Open(name string) (fs.File, error) { return s.g.Open(s.full(name)) }
func (s *subFS) ReadFile(name string) ([]byte, error) {
	return s.g.ReadFile(s.full(name))
}
func (s *subFS) ReadDir(name string) ([]fs.DirEntry, error) { return s.g.ReadDir(s.full(name)) }
func (s *subFS) FileHash(name string) (string, bool)        { return s.g.FileHash(s.full(name)) }

// approvalsHash is the tree hash of approvals/ at a commit, or "".
func (w *Walk) approvalsHash(c *object.Commit) string {
	t, err := c.Tree()
	if err != nil {
		return ""
	}
	p := "approvals"
	if w.Sub != "" && w.Sub != "." {
		p = w.Sub + "/" + p
	}
	e, err := t.FindEntry(p)
	if err != nil {
		return ""
	}
	return e.Hash.String()
}

// approvalsAt lists, for one commit, the tree hash of each folder under
// approvals/: approvals can only have changed where that hash changed.
func (w *Walk) approvalsAt(c *object.Commit) map[string]string {
	t, err := c.Tree()
	if err != nil {
		return nil
	}
	p := "approvals"
	if w.Sub != "" && w.Sub != "." {
		p = w.Sub + "/" + p
	}
	at, err := t.Tree(p)
	if err != nil {
		return nil
	}
	out := map[string]string{}
	for _, e := range at.Entries {
		if !e.Mode.IsFile() && approvals.ValidRevisionID(e.Name) {
			out[e.Name] = e.Hash.String()
		}
	}
	return out
}

// Model reads the repository at a commit (front matter only).
func (w *Walk) Model(c *object.Commit) (fs.FS, *policy.Repo, error) {
	fsys, err := w.FS(c)
	if err != nil {
		return nil, nil, err
	}
	r, err := policy.Load(fsys, w.opts)
	return fsys, r, err
}

// Revisions finds every recorded revision in the history and decides which
// are in force, oldest first. A revision is judged under its own rules and
// those of the revision in force before it.
func (w *Walk) Revisions() ([]*Recorded, error) {
	if len(w.Commits) == 0 {
		return nil, nil
	}
	// One pass over the commits records approvals/<id> at each.
	w.approvals = make([]map[string]string, len(w.Commits))
	ids := map[string]bool{}
	lastHash := ""
	for i, c := range w.Commits {
		// Most commits leave approvals/ as it was: compare its tree hash
		// before reading it.
		h := w.approvalsHash(c)
		if i > 0 && h == lastHash {
			w.approvals[i] = w.approvals[i-1]
			continue
		}
		lastHash = h
		w.approvals[i] = w.approvalsAt(c)
		for id := range w.approvals[i] {
			ids[id] = true
		}
	}
	sorted := make([]string, 0, len(ids))
	for id := range ids {
		sorted = append(sorted, id)
	}
	sort.Strings(sorted)
	var out []*Recorded
	var prev *Recorded
	for _, id := range sorted {
		rec, err := w.find(id, prev)
		if err != nil {
			return nil, err
		}
		out = append(out, rec)
		if rec.InForce {
			prev = rec
		}
	}
	return out, nil
}

// find looks for the first commit at which revision id verifies.
func (w *Walk) find(id string, prev *Recorded) (*Recorded, error) {
	rec := &Recorded{ID: id, Previous: prev}
	var prevRules *approvals.Rules
	prevID := ""
	if prev != nil {
		prevRules, prevID = approvals.RulesOf(prev.Model), prev.ID
	}
	last := ""
	for i, c := range w.Commits {
		h := w.approvals[i][id]
		if h == "" {
			last = ""
			continue
		}
		// Approvals can only have become complete where they changed, or
		// where the content changed back to what they name.
		if h == last && rec.Verdict != nil && !contentChanged(w, c) {
			continue
		}
		last = h
		fsys, model, err := w.Model(c)
		if err == nil {
			w.cache.Keep(model)
		}
		if err != nil {
			var ce *policy.ConfigError
			if errors.As(err, &ce) {
				continue // a commit with a broken configuration approves nothing
			}
			return nil, err
		}
		v, err := approvals.Verify(fsys, model, id, prevRules, prevID)
		if err != nil {
			continue // e.g. a malformed revision.yaml at this commit
		}
		rec.Kind, rec.Verdict = v.Kind, v
		if v.OK {
			rec.InForce, rec.Commit, rec.Model = true, c, model
			rec.Changes = changes(prev, model)
			return rec, nil
		}
	}
	return rec, nil
}

// contentChanged reports whether the commit changed anything but
// approvals/ compared with its parent.
func contentChanged(w *Walk, c *object.Commit) bool {
	if c.NumParents() == 0 {
		return true
	}
	p, err := c.Parent(0)
	if err != nil {
		return true
	}
	t1, err1 := p.Tree()
	t2, err2 := c.Tree()
	if err1 != nil || err2 != nil {
		return true
	}
	root1, root2 := t1, t2
	if w.Sub != "" && w.Sub != "." {
		if root1, err1 = t1.Tree(w.Sub); err1 != nil {
			return true
		}
		if root2, err2 = t2.Tree(w.Sub); err2 != nil {
			return true
		}
	}
	for _, e := range root2.Entries {
		if e.Name == "approvals" {
			continue
		}
		o, err := root1.FindEntry(e.Name)
		if err != nil || o.Hash != e.Hash {
			return true
		}
	}
	return len(root1.Entries) != len(root2.Entries)
}

// changes compares the documents of a revision's content with the
// previous revision in force.
func changes(prev *Recorded, model *policy.Repo) []Change {
	if prev == nil {
		// The first revision in the repository: what it changed against
		// the paper editions before it is not known.
		return nil
	}
	old := map[string]*policy.Document{}
	if prev != nil {
		for _, d := range prev.Model.Docs {
			old[d.Meta.ID] = d
		}
	}
	var out []Change
	seen := map[string]bool{}
	for _, d := range model.Docs {
		id := d.Meta.ID
		seen[id] = true
		o, ok := old[id]
		switch {
		case !ok:
			out = append(out, Change{ID: id, Path: d.Path, Title: d.Meta.Title, What: "added"})
		case string(o.Source) != string(d.Source):
			out = append(out, Change{ID: id, Path: d.Path, Title: d.Meta.Title, What: "modified"})
		}
	}
	for id, d := range old {
		if !seen[id] {
			out = append(out, Change{ID: id, Path: d.Path, Title: d.Meta.Title, What: "removed"})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// InForce returns the newest revision in force, or nil.
func InForce(recs []*Recorded) *Recorded {
	for i := len(recs) - 1; i >= 0; i-- {
		if recs[i].InForce {
			return recs[i]
		}
	}
	return nil
}

// Find returns the recorded revision with the given id, or nil.
func Find(recs []*Recorded, id string) *Recorded {
	for _, r := range recs {
		if r.ID == id {
			return r
		}
	}
	return nil
}

// PreviousInForce returns the newest revision in force older than id.
func PreviousInForce(recs []*Recorded, id string) *Recorded {
	var best *Recorded
	for _, r := range recs {
		if r.InForce && r.ID < id {
			best = r
		}
	}
	return best
}

// ShortHash is the first seven characters of a commit hash.
func ShortHash(c *object.Commit) string {
	if c == nil {
		return ""
	}
	return strings.TrimSpace(c.Hash.String()[:7])
}
