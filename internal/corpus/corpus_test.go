package corpus

import (
	"testing"
	"testing/fstest"

	"github.com/policyctl/policyctl/internal/check"
	"github.com/policyctl/policyctl/internal/policy"
)

// TestCorpusIsClean: the generated corpus passes check, so benchmarks
// measure the work on a realistic, valid repository.
func TestCorpusIsClean(t *testing.T) {
	files := Files(Options{Docs: 30, Seed: 1})
	fsys := fstest.MapFS{}
	for p, b := range files {
		fsys[p] = &fstest.MapFile{Data: b}
	}
	r, err := policy.Load(fsys, policy.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	res := check.Run(r)
	for i, f := range res.Findings {
		if i < 20 {
			t.Errorf("%s %s: %s", f.Pos, f.Rule, f.Message)
		}
	}
	again := Files(Options{Docs: 30, Seed: 1})
	for p, b := range files {
		if string(again[p]) != string(b) {
			t.Fatalf("%s differs between two runs with the same seed", p)
		}
	}
}
