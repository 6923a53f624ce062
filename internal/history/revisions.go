// Package history derives the 改訂履歴 of a policy repository: the legacy
// revisions from policyctl.yaml and the recorded revisions whose approvals
// verify, each with the content it was approved with (the tree of the first
// commit at which its approvals were complete) and the documents it changed.
// It walks the git history once per command and reads each document
// version once. It never falls back silently: without the history it
// needs, it says what is missing.
package history

import (
	"errors"
	"fmt"
	"io/fs"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"
	"golang.org/x/sync/errgroup"

	"github.com/policyctl/policyctl/approvals"
	"github.com/policyctl/policyctl/internal/gitfs"
	"github.com/policyctl/policyctl/internal/i18n"
	"github.com/policyctl/policyctl/internal/policy"
	"github.com/policyctl/policyctl/internal/progress"
	"github.com/policyctl/policyctl/internal/wareki"
)

// Recorded is a revision recorded under approvals/<id>/.
type Recorded struct {
	ID   string
	Kind string
	// Approved is set when the revision's approvals verified at some
	// commit: its content is sealed there.
	Approved bool
	// InForce is set when it is approved and its date (its effective
	// date, 施行日) has come; Scheduled when it is approved and the date
	// is still to come (施行予定).
	InForce, Scheduled bool
	// Commit is the first commit at which the approvals were complete: the
	// revision's content. Nil for a draft.
	Commit *object.Commit
	// Model is the repository at Commit, documents read without their
	// Markdown (enough for digests, identities and approvers).
	Model *policy.Repo
	// Verdict is the verification at Commit, or at the last commit looked
	// at for a draft.
	Verdict *approvals.Verdict
	// Previous is the approved revision before this one, whose rules
	// applied too; nil for the first.
	Previous *Recorded
	// Changes are the documents that differ from Previous's content.
	Changes []Change
	// Replaced is set for an approved revision whose approvals/<id>
	// differ at the end of the history from those it was approved with:
	// the history seals what the earlier commit's approvals signed, which
	// is not what the repository's approvals sign now (a branch merged by
	// rebase brought approvals the committees withdrew). Nothing is
	// published while it stands.
	Replaced bool
	// Late is the later-dated revision that was approved while this
	// one's approvals were not complete: completed afterwards, it would
	// change what was in force before that revision and judge it again by
	// rules of its own making, so it never counts. Nil otherwise.
	Late *Recorded
}

// Change is a document added, modified or removed by a revision.
type Change struct {
	ID    string `json:"id"`
	Path  string `json:"path"`
	Title string `json:"title"`
	What  string `json:"change"` // added, modified, removed
}

// ErrShallow is returned when the git history needed is not in the clone.
var ErrShallow = i18n.NewError("the git history is incomplete (a shallow clone): policyctl needs every commit to find when each revision was approved; run `git fetch --unshallow`, or in GitHub Actions set `fetch-depth: 0` on actions/checkout")

// ErrNoGit is returned when the repository is not in git.
var ErrNoGit = i18n.NewError("the repository is not in git: revisions, the rules they are judged by and their content come from the git history; run git init and commit")

// ErrNoCommits is returned when the git repository has no commit yet.
var ErrNoCommits = i18n.NewError("the git repository has no commit yet: revisions and the rules they are judged by come from the git history; commit the repository first")

// ErrReplaced is returned when the history read is not the continuation
// of one it must continue: it joins an unrelated history, or it does not
// contain a commit named with --extends. Approvals are judged along the
// first-parent history; a merge that puts another history first (git
// merge -s ours, pushed as a fast-forward) or a force-push would otherwise
// judge them along a history of someone else's making.
var ErrReplaced = i18n.NewError("the git history is not the continuation of the approved history")

// Options adjust a walk.
type Options struct {
	// Load reads every commit's repository: the command's --set and
	// POLICYCTL_* overrides apply to the whole history.
	Load policy.LoadOptions
	// At is the day on which "in force" is judged, YYYY-MM-DD; "" is
	// today in Japan.
	At string
	// Progress counts the commits walked and the revisions verified.
	Progress *progress.Meter
}

// Today is the date in Japan, YYYY-MM-DD.
func Today() string { return time.Now().In(wareki.JST).Format(time.DateOnly) }

func (o Options) at() string {
	if o.At == "" {
		return Today()
	}
	return o.At
}

// Walk is the first-parent history up to a commit, oldest first, with the
// state of approvals/ at each commit.
type Walk struct {
	Repo    *git.Repository
	Commits []*object.Commit
	// Sub is the policy repository's folder in the git work tree ("." at
	// the root).
	Sub  string
	opts Options
	// approvals[i] maps revision ids to the tree hash of their folder at
	// Commits[i]; approvalsHash[i] is the hash of approvals/ itself, or
	// approvalsErr[i] why it could not be read.
	approvals     []map[string]string
	approvalsHash []plumbing.Hash
	approvalsErr  []error
	// verified remembers the approvals checked at one commit for the next:
	// most of a revision's signatures stand unchanged over many commits.
	verified approvals.Cache

	// ahead holds models read in advance, by commit index (prefetch).
	ahead sync.Map // int -> *aheadModel

	once sync.Once
	recs []*Recorded
	err  error
}

// aheadModel is a model being read in advance: done closes when it is.
type aheadModel struct {
	done  chan struct{}
	fsys  fs.FS
	model *policy.Repo
	err   error
}

// prefetch starts reading the model at Commits[i] while the walk goes on:
// a revision is verified (signatures, lineage) while the commits the next
// two are most likely first judged at are read (two ahead, not one: 0.97×
// the time at 5,000 commits). Reading a model is a pure function of
// its commit, so reading it early changes nothing but the time.
func (w *Walk) prefetch(i int) {
	a := &aheadModel{done: make(chan struct{})}
	if _, loaded := w.ahead.LoadOrStore(i, a); loaded {
		return
	}
	go func() {
		defer close(a.done)
		a.fsys, a.model, a.err = w.Model(w.Commits[i])
	}()
}

// modelAt is Model at Commits[i], taken from prefetch when it started one.
func (w *Walk) modelAt(i int) (fs.FS, *policy.Repo, error) {
	if v, ok := w.ahead.LoadAndDelete(i); ok {
		a := v.(*aheadModel)
		<-a.done
		return a.fsys, a.model, a.err
	}
	return w.Model(w.Commits[i])
}

// NewWalk reads the first-parent history that ends at head.
func NewWalk(repo *git.Repository, head *object.Commit, sub string, opts Options) (*Walk, error) {
	shallow, err := repo.Storer.Shallow()
	if err != nil {
		return nil, fmt.Errorf("history: %w", err)
	}
	isShallow := map[plumbing.Hash]bool{}
	for _, h := range shallow {
		isShallow[h] = true
	}
	// The hash of approvals/ at every commit, which revisions reads
	// first, is read on the other cores while the history is followed
	// one parent at a time.
	type found struct {
		h   plumbing.Hash
		err error
	}
	var (
		mu     sync.Mutex
		hashes = map[plumbing.Hash]found{}
		jobs   = make(chan *object.Commit, 64)
		g      errgroup.Group
	)
	for range max(runtime.GOMAXPROCS(0)-1, 1) {
		g.Go(func() error {
			for c := range jobs {
				h, err := approvalsAt(c, sub)
				mu.Lock()
				hashes[c.Hash] = found{h, err}
				mu.Unlock()
			}
			return nil
		})
	}
	defer func() {
		if jobs != nil {
			close(jobs)
			_ = g.Wait()
		}
	}()
	var commits []*object.Commit
	for c := head; c != nil; {
		commits = append(commits, c)
		jobs <- c
		if isShallow[c.Hash] && c.NumParents() > 0 {
			return nil, ErrShallow
		}
		if c.NumParents() == 0 {
			break
		}
		p, err := c.Parent(0)
		if err != nil {
			return nil, i18n.Errorf("%w (commit %s: %v)", ErrShallow, c.Hash.String()[:7], err)
		}
		c = p
	}
	for i, j := 0, len(commits)-1; i < j; i, j = i+1, j-1 {
		commits[i], commits[j] = commits[j], commits[i]
	}
	close(jobs)
	_ = g.Wait()
	jobs = nil
	approvalsHash, approvalsErr := make([]plumbing.Hash, len(commits)), make([]error, len(commits))
	for i, c := range commits {
		approvalsHash[i], approvalsErr[i] = hashes[c.Hash].h, hashes[c.Hash].err
	}
	if err := related(commits, isShallow); err != nil {
		return nil, err
	}
	opts.Load.HeadOnly, opts.Load.Digests = true, true
	// The walk reads a model at many commits: it shows its own progress,
	// not a phase per model.
	opts.Load.Progress = nil
	if opts.Load.Cache == nil {
		opts.Load.Cache = policy.NewCache()
	}
	if opts.At != "" && !approvals.ValidRevisionID(opts.At) {
		return nil, i18n.Errorf("--at %q: expected a date, YYYY-MM-DD", opts.At)
	}
	return &Walk{Repo: repo, Commits: commits, Sub: sub, opts: opts, approvalsHash: approvalsHash, approvalsErr: approvalsErr}, nil
}

// related checks that every merge along the first-parent history joins a
// history that shares its root: a branch forked from it, not an unrelated
// one (git merge --allow-unrelated-histories). Each other parent's own
// first-parent history is followed until it meets the walk.
func related(commits []*object.Commit, isShallow map[plumbing.Hash]bool) error {
	on := make(map[plumbing.Hash]bool, len(commits))
	for _, c := range commits {
		on[c.Hash] = true
	}
	for _, m := range commits {
		for i := 1; i < m.NumParents(); i++ {
			p, err := m.Parent(i)
			if err != nil {
				return i18n.Errorf("%w (commit %s: %v)", ErrShallow, m.Hash.String()[:7], err)
			}
			for !on[p.Hash] {
				if p.NumParents() == 0 {
					return i18n.Errorf("%w: the merge %s joins a history with another first commit (%s): approvals are judged along one history, from its first commit; merge branches that were forked from this repository", ErrReplaced, m.Hash.String()[:7], p.Hash.String()[:7])
				}
				if isShallow[p.Hash] {
					return ErrShallow
				}
				on[p.Hash] = true // each side commit is followed once
				if p, err = p.Parent(0); err != nil {
					return i18n.Errorf("%w (commit %s: %v)", ErrShallow, m.Hash.String()[:7], err)
				}
			}
		}
	}
	return nil
}

// Contains reports whether a commit is in the walk's first-parent history.
func (w *Walk) Contains(h plumbing.Hash) bool {
	for _, c := range w.Commits {
		if c.Hash == h {
			return true
		}
	}
	return false
}

// At is the day on which the walk judges what is in force.
func (w *Walk) At() string { return w.opts.at() }

// FS returns the policy repository's files at a commit.
func (w *Walk) FS(c *object.Commit) (fs.FS, error) {
	g, err := gitfs.ForCommit(c)
	if err != nil {
		return nil, err
	}
	if w.Sub == "" || w.Sub == "." {
		return g, nil
	}
	if _, err := g.Tree().Tree(w.Sub); errors.Is(err, object.ErrDirectoryNotFound) {
		return nil, fs.ErrNotExist
	} else if err != nil {
		return nil, i18n.Errorf("history: commit %s: %s: %w", c.Hash.String()[:7], w.Sub, err)
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

// approvalsAt is the hash of the tree of approvals/ at a commit, or
// ZeroHash when there is none. A tree that cannot be read is an error: a
// corrupt object must not make a revision disappear.
func approvalsAt(c *object.Commit, sub string) (plumbing.Hash, error) {
	t, err := c.Tree()
	if err != nil {
		return plumbing.ZeroHash, i18n.Errorf("history: commit %s: %w", c.Hash.String()[:7], err)
	}
	p := "approvals"
	if sub != "" && sub != "." {
		p = sub + "/" + p
	}
	e, err := t.FindEntry(p)
	if errors.Is(err, object.ErrEntryNotFound) || errors.Is(err, object.ErrDirectoryNotFound) {
		return plumbing.ZeroHash, nil
	}
	if err != nil {
		return plumbing.ZeroHash, i18n.Errorf("history: commit %s: %s: %w", c.Hash.String()[:7], p, err)
	}
	if e.Mode.IsFile() {
		return plumbing.ZeroHash, nil
	}
	if e.Hash.IsZero() {
		// No object has the zero id: a folder that names it is missing,
		// never a folder that is not there.
		return plumbing.ZeroHash, i18n.Errorf("history: commit %s: %s: %w", c.Hash.String()[:7], p, plumbing.ErrObjectNotFound)
	}
	return e.Hash, nil
}

// Model reads the repository at a commit (front matter only).
func (w *Walk) Model(c *object.Commit) (fs.FS, *policy.Repo, error) {
	fsys, err := w.FS(c)
	if err != nil {
		return nil, nil, err
	}
	r, err := policy.Load(fsys, w.opts.Load)
	return fsys, r, err
}

// Revisions finds every recorded revision in the history and decides which
// are approved and which in force, oldest first. A revision is judged
// under its own rules and those of the approved revision before it. The
// walk is done once; later calls return the same result.
func (w *Walk) Revisions() ([]*Recorded, error) {
	w.once.Do(func() {
		w.recs, w.err = w.revisions()
		w.err = ExplainMissing(w.Repo, w.err)
	})
	return w.recs, w.err
}

func (w *Walk) revisions() ([]*Recorded, error) {
	if len(w.Commits) == 0 {
		return nil, nil
	}
	// One pass over the commits records approvals/<id> at each, and which
	// ids were ever recorded revisions.
	w.approvals = make([]map[string]string, len(w.Commits))
	recorded := map[string]bool{}
	meter := w.opts.Progress
	meter.Phase(i18n.T("reading the git history"), len(w.Commits))
	defer meter.Done()
	// Each commit's tree is read on every core; the folder itself only
	// where it changed, which most commits leave as it was.
	for i, c := range w.Commits {
		meter.Add(1)
		if err := w.approvalsErr[i]; err != nil {
			return nil, err
		}
		h := w.approvalsHash[i]
		if i > 0 && h == w.approvalsHash[i-1] {
			w.approvals[i] = w.approvals[i-1]
			continue
		}
		w.approvals[i] = map[string]string{}
		if h.IsZero() {
			continue
		}
		at, err := w.Repo.TreeObject(h)
		if err != nil {
			p := "approvals"
			if w.Sub != "" && w.Sub != "." {
				p = w.Sub + "/" + p
			}
			return nil, i18n.Errorf("history: commit %s: %s: %w", c.Hash.String()[:7], p, err)
		}
		for _, e := range at.Entries {
			// A revision is a folder (not a file, a symbolic link or a
			// submodule) named like a date.
			if e.Mode != filemode.Dir || !approvals.ValidRevisionID(e.Name) {
				continue
			}
			w.approvals[i][e.Name] = e.Hash.String()
			if recorded[e.Name] {
				continue
			}
			// Only a folder with its revision.yaml is a recorded revision.
			if has, err := w.hasRevisionFile(e.Hash); err != nil {
				return nil, i18n.Errorf("history: commit %s: %w", c.Hash.String()[:7], err)
			} else if has {
				recorded[e.Name] = true
			}
		}
	}
	sorted := make([]string, 0, len(recorded))
	for id := range recorded {
		sorted = append(sorted, id)
	}
	sort.Strings(sorted)
	at := w.opts.at()
	meter.Phase(i18n.T("verifying revisions"), len(sorted))
	// Only an approved revision orders the history: one dated before it
	// and not approved when it was never counts (judge, Recorded.Late). A
	// draft — dated ten years ahead, never signed, removed again — holds
	// back nothing: neither the revisions recorded after it nor, when the
	// day judged reaches its date, those approved since.
	// Models read in advance are waited for before the walk returns: no
	// read outlives it.
	defer w.ahead.Range(func(_, v any) bool {
		<-v.(*aheadModel).done
		return true
	})
	recs := make([]*Recorded, len(sorted))
	undecided := make([]int, len(sorted))
	for k, id := range sorted {
		recs[k] = &Recorded{ID: id}
		undecided[k] = k
	}
	if err := w.judge(sorted, recs, undecided, meter); err != nil {
		return nil, err
	}
	last := len(w.Commits) - 1
	index := make(map[plumbing.Hash]int, len(w.Commits))
	for i, c := range w.Commits {
		index[c.Hash] = i
	}
	var prev *Recorded
	for _, rec := range recs {
		if rec.Approved && rec.Commit != nil {
			if i, ok := index[rec.Commit.Hash]; ok && w.approvals[i][rec.ID] != w.approvals[last][rec.ID] {
				rec.Replaced = true
			}
		}
		if rec.Late != nil {
			continue
		}
		if !rec.Approved {
			rec.Previous = prev // a draft is judged by the rules of the one before
			continue
		}
		rec.InForce, rec.Scheduled = rec.ID <= at, rec.ID > at
		prev = rec
	}
	return recs, nil
}

// judge goes through the commits in order and finds the commit at which
// each undecided revision's approvals first verify, under its own rules
// and those of the revision approved last before that commit. History is
// judged as it happened: once approved, a revision stays approved, and
// nothing that comes later — an older draft completed afterwards, a
// registry it writes — can take that back. A revision dated before one
// already approved can no longer count: approved now, it would change
// what was in force before a revision that rests on it (Late).
func (w *Walk) judge(sorted []string, recs []*Recorded, undecided []int, meter *progress.Meter) error {
	type state struct {
		last     string    // the approvals' tree hash at the last verification
		lastPrev *Recorded // the revision whose rules applied then
	}
	states := make([]state, len(sorted))
	var prev *Recorded
	for i, c := range w.Commits {
		if len(undecided) == 0 {
			return nil
		}
		var (
			fsys                  fs.FS
			model                 *policy.Repo
			read, broken          bool
			changedKnown, changed bool
		)
		// In date order: of two revisions approved by one commit, the
		// earlier-dated one's rules judge the later one.
		keep := undecided[:0]
		for _, k := range undecided {
			id, rec, st := sorted[k], recs[k], &states[k]
			h := w.approvals[i][id]
			if h == "" {
				st.last = ""
				keep = append(keep, k)
				continue
			}
			if prev != nil && id < prev.ID {
				rec.Late = prev
				meter.Add(1)
				continue
			}
			// Approvals can only have become complete where they changed,
			// where the rules they are judged by changed, or where the
			// content changed back to what they name.
			if h == st.last && rec.Verdict != nil && st.lastPrev == prev {
				if !changedKnown {
					var err error
					if changed, err = contentChanged(w, c); err != nil {
						return err
					}
					changedKnown = true
				}
				if !changed {
					keep = append(keep, k)
					continue
				}
			}
			st.last, st.lastPrev = h, prev
			if !read {
				read = true
				var err error
				fsys, model, err = w.modelAt(i)
				var ce *policy.ConfigError
				switch {
				case errors.As(err, &ce):
					broken = true // a commit with a broken configuration approves nothing
				case err != nil:
					return i18n.Errorf("history: commit %s: %w", c.Hash.String()[:7], err)
				default:
					w.opts.Load.Cache.Keep(model)
				}
				for j, n := i, 0; n < 2; n++ {
					if j = w.nextChange(j); j < 0 {
						break
					}
					w.prefetch(j)
				}
			}
			if broken {
				keep = append(keep, k)
				continue
			}
			var prevRules *approvals.Rules
			prevID := ""
			if prev != nil {
				prevRules, prevID = approvals.RulesOf(prev.Model), prev.ID
			}
			v, err := w.verified.Verify(fsys, model, id, prevRules, prevID)
			var me *approvals.MetaError
			if errors.As(err, &me) {
				keep = append(keep, k) // a missing or malformed revision.yaml at this commit
				continue
			}
			if err != nil {
				return i18n.Errorf("history: commit %s: %w", c.Hash.String()[:7], err)
			}
			rec.Kind, rec.Verdict = v.Kind, v
			if !v.OK {
				keep = append(keep, k)
				continue
			}
			rec.Approved, rec.Commit, rec.Model, rec.Previous = true, c, model, prev
			rec.Changes = changes(prev, model)
			prev = rec
			meter.Add(1)
		}
		undecided = keep
	}
	meter.Add(len(undecided))
	return nil
}

// nextChange is the next commit after i at which approvals/ differs, or
// -1: where the walk will most likely read a model next.
func (w *Walk) nextChange(i int) int {
	for j := i + 1; j < len(w.Commits); j++ {
		if w.approvalsHash[j] != w.approvalsHash[i] {
			return j
		}
	}
	return -1
}

// RevisionHorizon is the last revision id that can be real on day at:
// ten years later.
func RevisionHorizon(at string) string {
	t, err := time.Parse(time.DateOnly, at)
	if err != nil {
		return at
	}
	return t.AddDate(10, 0, 0).Format(time.DateOnly)
}

// hasRevisionFile reports whether a revision folder holds revision.yaml.
func (w *Walk) hasRevisionFile(h plumbing.Hash) (bool, error) {
	t, err := w.Repo.TreeObject(h)
	if err != nil {
		return false, err
	}
	for _, e := range t.Entries {
		// A symbolic link is no revision.yaml: the working tree follows
		// it (or skips it when it leads nowhere), the history would not.
		if e.Name == "revision.yaml" && (e.Mode == filemode.Regular || e.Mode == filemode.Executable) {
			return true, nil
		}
	}
	return false, nil
}

// contentChanged reports whether the commit changed anything but
// approvals/ compared with its parent.
func contentChanged(w *Walk, c *object.Commit) (bool, error) {
	if c.NumParents() == 0 {
		return true, nil
	}
	p, err := c.Parent(0)
	if err != nil {
		return false, i18n.Errorf("history: commit %s: %w", c.Hash.String()[:7], err)
	}
	t1, err := p.Tree()
	if err != nil {
		return false, i18n.Errorf("history: commit %s: %w", p.Hash.String()[:7], err)
	}
	t2, err := c.Tree()
	if err != nil {
		return false, i18n.Errorf("history: commit %s: %w", c.Hash.String()[:7], err)
	}
	root1, root2 := t1, t2
	if w.Sub != "" && w.Sub != "." {
		if root1, err = t1.Tree(w.Sub); err != nil {
			return true, nil
		}
		if root2, err = t2.Tree(w.Sub); err != nil {
			return true, nil
		}
	}
	for _, e := range root2.Entries {
		o, err := root1.FindEntry(e.Name)
		if err != nil {
			return true, nil
		}
		if e.Name == "approvals" && o.Hash != e.Hash {
			// Revision folders are what find looks at anyway; the rest of
			// approvals/ (the registry, allowed signers) is what they are
			// judged by: a registry committed after the signatures can
			// complete them.
			if changed, err := approvalsRulesChanged(w, o.Hash, e.Hash); err != nil || changed {
				return true, err
			}
			continue
		}
		if o.Hash != e.Hash {
			return true, nil
		}
	}
	return len(root1.Entries) != len(root2.Entries), nil
}

// approvalsRulesChanged reports whether two approvals/ trees differ in
// anything but revision folders.
func approvalsRulesChanged(w *Walk, a, b plumbing.Hash) (bool, error) {
	ta, err := w.Repo.TreeObject(a)
	if err != nil {
		return true, i18n.Errorf("history: approvals tree %s: %w", a.String()[:7], err)
	}
	tb, err := w.Repo.TreeObject(b)
	if err != nil {
		return true, i18n.Errorf("history: approvals tree %s: %w", b.String()[:7], err)
	}
	rules := func(t *object.Tree) map[string]plumbing.Hash {
		out := map[string]plumbing.Hash{}
		for _, e := range t.Entries {
			if e.Mode.IsFile() || !approvals.ValidRevisionID(e.Name) {
				out[e.Name] = e.Hash
			}
		}
		return out
	}
	ra, rb := rules(ta), rules(tb)
	if len(ra) != len(rb) {
		return true, nil
	}
	for name, h := range ra {
		if rb[name] != h {
			return true, nil
		}
	}
	return false, nil
}

// changes compares the documents of a revision's content with the
// previous approved revision.
func changes(prev *Recorded, model *policy.Repo) []Change {
	if prev == nil {
		// The first revision in the repository: what it changed against
		// the paper editions before it is not known.
		return nil
	}
	return Changes(prev.Model, model)
}

// Changes lists the documents added, modified and removed from old to new,
// in the order a reader takes them: by tier (基本方針, 対策基準, 実施手順),
// then by path — the chapters of a 対策基準 in their files' order.
func Changes(prevModel, model *policy.Repo) []Change {
	rank := map[string]int{}
	for _, m := range []*policy.Repo{prevModel, model} {
		for _, d := range m.Docs {
			r := slices.Index(policy.Tiers, d.Meta.Tier)
			if r < 0 {
				r = len(policy.Tiers)
			}
			rank[d.Meta.ID] = r
		}
	}
	old := map[string]*policy.Document{}
	for _, d := range prevModel.Docs {
		old[d.Meta.ID] = d
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
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if rank[a.ID] != rank[b.ID] {
			return rank[a.ID] < rank[b.ID]
		}
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		return a.ID < b.ID
	})
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

// PreviousApproved returns the newest approved revision older than id:
// the one whose rules judge id.
func PreviousApproved(recs []*Recorded, id string) *Recorded {
	var best *Recorded
	for _, r := range recs {
		if r.Approved && r.ID < id {
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

// DayName writes a revision id as the day it names, for a sentence in the
// reader's language: 令和8年12月1日 in Japanese (公用文 writes dates in
// 和暦), the id itself otherwise or when it is no date.
func DayName(id string) string {
	if i18n.Current() != i18n.Ja {
		return id
	}
	y, m, d, err := wareki.ParseISO(id)
	if err != nil {
		return id
	}
	w, err := wareki.Of(y, m, d)
	if err != nil {
		return id
	}
	return w.String()
}
