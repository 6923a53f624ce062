package site

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/policyctl/policyctl/internal/corpus"
	"github.com/policyctl/policyctl/internal/policy"
)

// BenchmarkBuild builds every edition of the generated 1,000-document
// repository, as policyctl build --edition all does (without history).
func BenchmarkBuild(b *testing.B) {
	dir := corpus.Shared(b, 1000)
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
