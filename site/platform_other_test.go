//go:build !unix

package site

import (
	"os"
	"testing"
)

// strictUmask: there is no umask, and file modes are not Unix's; the test
// checks what does not depend on them.
func strictUmask(t *testing.T) bool {
	t.Log("file modes are not checked: this system has no Unix modes")
	return false
}

// inodeOf: this system's file identities are not compared; false says so.
func inodeOf(t *testing.T, p string) (uint64, bool) {
	if _, err := os.Stat(p); err != nil {
		t.Fatal(err)
	}
	return 0, false
}
