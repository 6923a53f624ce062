// Package policytest builds repository models in memory for tests: a map
// of repository paths to file contents, read by policy.Load as a working
// tree would be.
package policytest

import (
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
	r, err := policy.Load(fsys, policy.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// With returns files and the configuration together.
func With(config string, files map[string]string) map[string]string {
	out := map[string]string{"policyctl.yaml": config}
	for p, s := range files {
		out[p] = s
	}
	return out
}
