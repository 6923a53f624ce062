// Package policytest builds repository models in memory for tests: a map
// of repository paths to file contents, read by policy.Load as a working
// tree would be.
package policytest

import (
	"io/fs"
	"testing"
	"testing/fstest"

	"github.com/policyctl/policyctl/internal/policy"
)

// Load reads files (policyctl.yaml among them) as a repository; a load
// error fails the test.
func Load(t testing.TB, files map[string]string) *policy.Repo {
	t.Helper()
	fsys := fstest.MapFS{}
	for p, s := range files {
		fsys[p] = &fstest.MapFile{Data: []byte(s)}
	}
	r, err := policy.Load(Committed{fsys}, policy.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// Committed is a file system every file of which counts as committed
// (policy.Committer), as a git revision's does: files in memory stand for
// a revision. A file system without it commits nothing, and an edition
// that cuts refuses to publish a file it links.
type Committed struct{ fs.FS }

// Committed implements policy.Committer.
func (Committed) Committed(string, []byte) (bool, error) { return true, nil }

// With returns files and the configuration together.
func With(config string, files map[string]string) map[string]string {
	out := map[string]string{"policyctl.yaml": config}
	for p, s := range files {
		out[p] = s
	}
	return out
}
