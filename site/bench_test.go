package site

import (
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/policyctl/policyctl/internal/corpus"
	"github.com/policyctl/policyctl/policy"
)

var (
	corpusOnce sync.Once
	corpusDir  string
)

func benchCorpus(b *testing.B) string {
	corpusOnce.Do(func() {
		dir, err := os.MkdirTemp("", "policyctl-site-bench-")
		if err != nil {
			b.Fatal(err)
		}
		if err := corpus.Write(dir, corpus.Options{Docs: 1000, Seed: 1}); err != nil {
			b.Fatal(err)
		}
		corpusDir = dir
	})
	return corpusDir
}

// BenchmarkBuild builds every edition of the generated 1,000-document
// repository, as policyctl build --edition all does (without history).
func BenchmarkBuild(b *testing.B) {
	dir := benchCorpus(b)
	out := filepath.Join(b.TempDir(), "site")
	b.ReportAllocs()
	for b.Loop() {
		full, err := policy.Load(os.DirFS(dir), policy.LoadOptions{})
		if err != nil {
			b.Fatal(err)
		}
		o := Options{Dir: out, Editions: full.Config.EditionList()}
		if _, err := Build(full, o); err != nil {
			b.Fatal(err)
		}
	}
}
