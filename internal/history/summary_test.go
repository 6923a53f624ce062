package history

import (
	"encoding/json"
	"testing"

	"github.com/policyctl/policyctl/internal/cache"
	"github.com/policyctl/policyctl/internal/gittest"
)

// summaryOf opens dir with opts and summarises its history through c,
// reporting whether the history was walked (not taken from the cache).
func summaryOf(t *testing.T, dir string, opts Options, c *cache.Cache) (*Summary, bool) {
	t.Helper()
	h, err := OpenRepository(dir, "", opts)
	if err != nil {
		t.Fatal(err)
	}
	s, err := h.Summary(c)
	if err != nil {
		t.Fatal(err)
	}
	return s, h.walk != nil
}

func logOf(t *testing.T, dir string, s *Summary) string {
	t.Helper()
	h, err := OpenRepository(dir, "", testOptions)
	if err != nil {
		t.Fatal(err)
	}
	es, err := Log(mustModel(t, h).Config, s.Revisions)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(es)
	return string(b)
}

// TestSummaryCache: the second run on the same commit takes the summary
// from the cache and prints the same 改訂履歴; a new commit, other
// overrides, an entry this machine did not seal or one naming a commit
// the repository does not have walk the history again; the day (--at) is
// applied to what the cache holds.
func TestSummaryCache(t *testing.T) {
	// The sealing key is this machine's user's: here, the test's.
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	r := newRepo(t)
	r.approve(t, "2019-04-01", "改訂")
	r.Commit(gittest.Commit{Files: map[string][]byte{"policy/a.md": doc("a", "第二版")}, Message: "a を改正"})
	r.approve(t, "2024-04-01", "一部改正")
	dir := t.TempDir()
	c, _ := cache.Open(dir)

	cold, walked := summaryOf(t, r.Dir, testOptions, c)
	if !walked {
		t.Fatal("the first run did not walk the history")
	}
	c.Close()
	c, _ = cache.Open(dir)
	warm, walked := summaryOf(t, r.Dir, testOptions, c)
	if walked {
		t.Error("the second run on the same commit walked the history again")
	}
	if got, want := logOf(t, r.Dir, warm), logOf(t, r.Dir, cold); got != want {
		t.Errorf("from the cache:\n%s\nwalked:\n%s", got, want)
	}
	if len(warm.First) != 2 || warm.Revisions[1].Previous != warm.Revisions[0] {
		t.Errorf("summary from the cache: first %v, previous %v", warm.First, warm.Revisions[1].Previous)
	}

	// Another day: the same revisions, judged on that day.
	earlier := testOptions
	earlier.At = "2020-01-01"
	s, walked := summaryOf(t, r.Dir, earlier, c)
	if walked || s.Revisions[1].InForce || !s.Revisions[1].Scheduled || !s.Revisions[0].InForce {
		t.Errorf("--at 2020-01-01 from the cache: walked %v, %+v", walked, s.Revisions[1])
	}

	// Other overrides are another history.
	set := testOptions
	set.Load.Overrides = map[string]string{"title": "別の題名"}
	if _, walked := summaryOf(t, r.Dir, set, c); !walked {
		t.Error("a run with other overrides took the summary from the cache")
	}

	// An entry this machine did not seal, under the right key, is not
	// believed: a summary that says a draft is approved.
	h, _ := OpenRepository(r.Dir, "", testOptions)
	key, ok := h.summaryKey()
	if !ok {
		t.Fatal("no key for a repository with commits")
	}
	forged, _ := json.Marshal(cachedSummary{Revisions: []cachedRevision{{ID: "2030-01-01", Approved: true, Commit: cold.Revisions[0].Commit.Hash.String()}}})
	c.Put(key, append(make([]byte, 32), forged...))
	s, walked = summaryOf(t, r.Dir, testOptions, c)
	if !walked || len(s.Revisions) != 2 {
		t.Errorf("a forged entry: walked %v, %d revisions", walked, len(s.Revisions))
	}

	// A sealed entry naming a commit the repository lacks is not used.
	missing, _ := json.Marshal(cachedSummary{Revisions: []cachedRevision{{ID: "2019-04-01", Approved: true, Commit: "0123456789abcdef0123456789abcdef01234567"}}})
	c.PutSealed(key, missing)
	if _, walked := summaryOf(t, r.Dir, testOptions, c); !walked {
		t.Error("a summary naming a missing commit was used")
	}

	// A new commit is a new history.
	r.Commit(gittest.Commit{Files: map[string][]byte{"policy/b.md": doc("b", "第二版")}, Message: "b を改正"})
	if _, walked := summaryOf(t, r.Dir, testOptions, c); !walked {
		t.Error("a new commit was served from the cache")
	}

	// Without a cache, the history is walked.
	if _, walked := summaryOf(t, r.Dir, testOptions, nil); !walked {
		t.Error("no cache, no walk")
	}
	c.Close()
}
