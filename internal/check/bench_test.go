package check

import (
	"os"
	"testing"

	"github.com/policyctl/policyctl/internal/corpus"
	"github.com/policyctl/policyctl/internal/policy"
)

// BenchmarkCheck loads and checks the generated 1,000-document repository,
// from disk, as policyctl check does. Run with -cpu 1 for the one-core
// figure the [check] issue asks for.
func BenchmarkCheck(b *testing.B) {
	dir := corpus.Shared(b, 1000)
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

// BenchmarkCheckAgainst checks the generated 1,000-document repository
// against a base revision with the same content, as check does by default
// against the revision in force: the cost of ref/renumbered on top of
// BenchmarkCheck.
func BenchmarkCheckAgainst(b *testing.B) {
	dir := corpus.Shared(b, 1000)
	fsys := os.DirFS(dir)
	base, err := policy.Load(fsys, policy.LoadOptions{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		r, err := policy.Load(fsys, policy.LoadOptions{})
		if err != nil {
			b.Fatal(err)
		}
		if res := RunWith(r, Options{Base: base, BaseName: "base"}); res.Errors > 0 {
			b.Fatalf("%d errors, first %+v", res.Errors, res.Findings[0])
		}
	}
}
