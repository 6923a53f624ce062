package history

import (
	"encoding/json"
	"sort"

	"github.com/go-git/go-git/v5/plumbing"

	"github.com/policyctl/policyctl/internal/cache"
	"github.com/policyctl/policyctl/internal/i18n"
)

// Summary is what the 改訂履歴 is written from: the recorded revisions
// with their kinds, the commits of their content and the documents they
// changed, but not their models or verdicts; and the documents of the
// first approved revision, which ForDocument needs.
type Summary struct {
	Revisions []*Recorded
	First     []Change
}

// Summarize keeps what the 改訂履歴 needs of the recorded revisions.
func Summarize(recs []*Recorded) *Summary {
	s := &Summary{Revisions: recs}
	for _, r := range recs {
		if r.Approved {
			for _, d := range r.Model.Docs {
				s.First = append(s.First, Change{ID: d.Meta.ID, Path: d.Path, Title: d.Meta.Title, What: "added"})
			}
			break
		}
	}
	return s
}

// Summary walks the history (once) and summarises it; with a cache, the
// summary of exactly this history — the same commit at its end, the same
// overrides, the same policyctl — is taken from the cache when this
// machine sealed it there, and sealed there otherwise. A commit names its
// whole history, so the walk cannot tell more; what is taken from the
// cache is never used to decide anything but what history prints (the
// gate, status and the site walk the history themselves). A shallow
// clone, a missing commit or any other doubt walks the history, which
// says what is wrong.
func (r *Repository) Summary(c *cache.Cache) (*Summary, error) {
	var key cache.Key
	cached := false
	if c != nil && r.Revision == nil {
		key, cached = r.summaryKey()
	}
	if cached {
		if v, ok := c.GetSealed(key); ok {
			if s, err := r.decodeSummary(v); err == nil {
				return s, nil
			}
		}
	}
	recs, err := r.Revisions()
	if err != nil {
		return nil, err
	}
	s := Summarize(recs)
	if cached {
		if v, err := encodeSummary(s); err == nil {
			c.PutSealed(key, v)
		}
	}
	return s, nil
}

// summaryKey is the cache key of the history that ends where the tree was
// read, or false when there is none to cache: no git, no commit, or a
// shallow clone (the walk says so).
func (r *Repository) summaryKey() (cache.Key, bool) {
	t := r.Tree
	if t.Git == nil {
		return cache.Key{}, false
	}
	if shallow, err := t.Git.Storer.Shallow(); err != nil || len(shallow) > 0 {
		return cache.Key{}, false
	}
	head := plumbing.ZeroHash
	if t.Commit != nil {
		head = t.Commit.Hash
	} else if ref, err := t.Git.Head(); err == nil {
		head = ref.Hash()
	}
	sub, err := t.Sub()
	if head.IsZero() || err != nil {
		return cache.Key{}, false
	}
	k := cache.NewKey("history").String(head.String()).String(sub)
	keys := make([]string, 0, len(r.opts.Load.Overrides))
	for key := range r.opts.Load.Overrides {
		keys = append(keys, key)
	}
	sort.Strings(keys)
	for _, key := range keys {
		k.String(key).String(r.opts.Load.Overrides[key])
	}
	return k.Sum(), true
}

// cachedRevision is a recorded revision as the cache keeps it. InForce and
// Scheduled are not kept: they depend on the day (--at).
type cachedRevision struct {
	ID       string   `json:"id"`
	Kind     string   `json:"kind,omitempty"`
	Approved bool     `json:"approved,omitempty"`
	Commit   string   `json:"commit,omitempty"`
	Changes  []Change `json:"changes,omitempty"`
	Late     string   `json:"late,omitempty"` // the id of Recorded.Late
	Replaced bool     `json:"replaced,omitempty"`
}

type cachedSummary struct {
	Revisions []cachedRevision `json:"revisions"`
	First     []Change         `json:"first"`
}

func encodeSummary(s *Summary) ([]byte, error) {
	var cs cachedSummary
	for _, r := range s.Revisions {
		cr := cachedRevision{ID: r.ID, Kind: r.Kind, Approved: r.Approved, Changes: r.Changes, Replaced: r.Replaced}
		if r.Late != nil {
			cr.Late = r.Late.ID
		}
		if r.Commit != nil {
			cr.Commit = r.Commit.Hash.String()
		}
		cs.Revisions = append(cs.Revisions, cr)
	}
	cs.First = s.First
	return json.Marshal(cs)
}

// decodeSummary rebuilds a summary, reading each revision's commit from
// the repository: a commit that is not there is an error, not a guess.
func (r *Repository) decodeSummary(v []byte) (*Summary, error) {
	var cs cachedSummary
	if err := json.Unmarshal(v, &cs); err != nil {
		return nil, err
	}
	at := r.opts.at()
	s := &Summary{First: cs.First}
	var prev *Recorded
	for _, cr := range cs.Revisions {
		rec := &Recorded{ID: cr.ID, Kind: cr.Kind, Approved: cr.Approved, Changes: cr.Changes, Replaced: cr.Replaced}
		if cr.Late != "" {
			rec.Late = &Recorded{ID: cr.Late} // dated later: linked below
		}
		if rec.Late == nil {
			rec.Previous = prev
		}
		if cr.Approved {
			c, err := r.Tree.Git.CommitObject(plumbing.NewHash(cr.Commit))
			if err != nil || c.Hash.String() != cr.Commit {
				return nil, i18n.Errorf("history: cached commit %s: %v", cr.Commit, err)
			}
			rec.Commit = c
			rec.InForce, rec.Scheduled = rec.ID <= at, rec.ID > at
			prev = rec
		}
		s.Revisions = append(s.Revisions, rec)
	}
	for _, rec := range s.Revisions {
		if rec.Late != nil {
			if l := Find(s.Revisions, rec.Late.ID); l != nil {
				rec.Late = l
			}
		}
	}
	return s, nil
}
