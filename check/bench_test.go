package check

import (
	"os"
	"sync"
	"testing"

	"github.com/policyctl/policyctl/internal/corpus"
	"github.com/policyctl/policyctl/policy"
)

var (
	corpusOnce sync.Once
	corpusDir  string
)

// benchCorpus writes the 1,000-document, 12 MB corpus once per test binary.
func benchCorpus(b *testing.B) string {
	corpusOnce.Do(func() {
		dir, err := os.MkdirTemp("", "policyctl-bench-")
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

// BenchmarkCheck loads and checks the generated 1,000-document repository,
// from disk, as policyctl check does. Run with -cpu 1 for the one-core
// figure the [check] issue asks for.
func BenchmarkCheck(b *testing.B) {
	dir := benchCorpus(b)
	fsys := os.DirFS(dir)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		r, err := policy.Load(fsys, policy.LoadOptions{})
		if err != nil {
			b.Fatal(err)
		}
		if res := Run(r); res.Errors > 0 {
			b.Fatalf("%d errors, first %+v", res.Errors, res.Findings[0])
		}
	}
}
