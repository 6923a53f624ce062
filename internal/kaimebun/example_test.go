package kaimebun

import (
	"testing"
	"testing/fstest"

	"github.com/policyctl/policyctl/internal/example"
	"github.com/policyctl/policyctl/internal/policy"
)

type exampleRev struct {
	ID, Kind string
	Model    *policy.Repo
}

// exampleRevisions reads every revision of the embedded example.
func exampleRevisions(t testing.TB) []exampleRev {
	t.Helper()
	steps, err := example.Steps()
	if err != nil {
		t.Fatal(err)
	}
	var out []exampleRev
	for _, st := range steps {
		if !st.Last || st.Revision == nil {
			continue
		}
		fsys := fstest.MapFS{}
		for p, b := range st.Files {
			fsys[p] = &fstest.MapFile{Data: b}
		}
		r, err := policy.Load(fsys, policy.LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, exampleRev{st.Revision.ID, st.Revision.Kind, r})
	}
	return out
}
