//go:build unix

package site

import (
	"os"
	"syscall"
	"testing"
)

// strictUmask sets a umask that takes every bit from group and others for
// the rest of the test, and says that file modes are to be checked.
func strictUmask(t *testing.T) bool {
	old := syscall.Umask(0o077)
	t.Cleanup(func() { syscall.Umask(old) })
	return true
}

// inodeOf is the inode number of the file at p, and true: two names of one
// file have the same.
func inodeOf(t *testing.T, p string) (uint64, bool) {
	st, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	return st.Sys().(*syscall.Stat_t).Ino, true
}
