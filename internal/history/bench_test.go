package history

import (
	"os"
	"sync"
	"testing"

	"github.com/policyctl/policyctl/internal/corpus"
	"github.com/policyctl/policyctl/internal/policy"
)

var (
	longOnce sync.Once
	longDir  string
)

// longHistory writes, once per test binary, a repository of 300 documents
// with 5,000 commits and 40 approved revisions.
func longHistory(b *testing.B) string {
	longOnce.Do(func() {
		dir, err := os.MkdirTemp("", "policyctl-history-")
		if err != nil {
			b.Fatal(err)
		}
		if err := corpus.WriteRepo(dir, corpus.Options{Docs: 300, Seed: 1}, corpus.History{Commits: 5000, Revisions: 40}); err != nil {
			b.Fatal(err)
		}
		longDir = dir
	})
	return longDir
}

// BenchmarkHistory computes the 改訂履歴 of a 5,000-commit repository as
// policyctl history does: walk, find the revisions in force, list what
// each changed.
func BenchmarkHistory(b *testing.B) {
	dir := longHistory(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		h, err := OpenRepository(dir, "", Options{})
		if err != nil {
			b.Fatal(err)
		}
		m, err := policy.Load(h.Tree.FS, policy.LoadOptions{HeadOnly: true})
		if err != nil {
			b.Fatal(err)
		}
		recs, err := h.Revisions()
		if err != nil {
			b.Fatal(err)
		}
		es, err := Log(m.Config, recs)
		if err != nil || len(es) != 40 {
			b.Fatalf("%d entries, %v", len(es), err)
		}
	}
}
