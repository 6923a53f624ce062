package gitfs_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/go-git/go-git/v5/plumbing"

	"github.com/policyctl/policyctl/internal/gitfs"
	"github.com/policyctl/policyctl/internal/gittest"
)

// TestMissingObject: a folder or file whose git object is not in the
// clone (a partial clone, a damaged one) is an error that says so, never
// "does not exist": read as absent, a missing approvals/ or policy/ tree
// would silently change what a commit holds.
func TestMissingObject(t *testing.T) {
	g := gittest.New(t)
	head := g.Commit(gittest.Commit{Files: map[string][]byte{
		"policy/std/a.md": []byte("a\n"),
		"policy/b.md":     []byte("b\n"),
	}})
	repo, err := gitfs.Open(g.Dir)
	if err != nil {
		t.Fatal(err)
	}
	c, err := repo.CommitObject(head)
	if err != nil {
		t.Fatal(err)
	}
	fsys, err := gitfs.ForCommit(c)
	if err != nil {
		t.Fatal(err)
	}
	hash := func(p string) plumbing.Hash {
		e, err := fsys.Tree().FindEntry(p)
		if err != nil {
			t.Fatal(err)
		}
		return e.Hash
	}
	std, b := hash("policy/std"), hash("policy/b.md")
	for _, h := range []plumbing.Hash{std, b} {
		s := h.String()
		if err := os.Remove(filepath.Join(g.Dir, ".git", "objects", s[:2], s[2:])); err != nil {
			t.Fatal(err)
		}
	}
	// A fresh file system: nothing of the tree is cached.
	repo, _ = gitfs.Open(g.Dir)
	c, _ = repo.CommitObject(head)
	fsys, err = gitfs.ForCommit(c)
	if err != nil {
		t.Fatal(err)
	}
	for name, read := range map[string]func() error{
		"ReadDir policy/std":    func() error { _, err := fs.ReadDir(fsys, "policy/std"); return err },
		"ReadFile policy/std/a": func() error { _, err := fs.ReadFile(fsys, "policy/std/a.md"); return err },
		"Stat policy/std/a":     func() error { _, err := fs.Stat(fsys, "policy/std/a.md"); return err },
		"ReadFile policy/b.md":  func() error { _, err := fs.ReadFile(fsys, "policy/b.md"); return err },
		"WalkDir policy (error)": func() error {
			return fs.WalkDir(fsys, "policy", func(_ string, _ fs.DirEntry, err error) error { return err })
		},
	} {
		err := read()
		if err == nil || errors.Is(err, fs.ErrNotExist) || !errors.Is(err, plumbing.ErrObjectNotFound) {
			t.Errorf("%s: %v; want an error that is plumbing.ErrObjectNotFound, not fs.ErrNotExist", name, err)
		}
	}
	// What exists and what does not are told apart as before.
	if _, err := fs.ReadFile(fsys, "policy/none.md"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a file that is not there: %v", err)
	}
	if _, err := fs.ReadFile(fsys, "policy/b.md/x"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a path below a file: %v", err)
	}
}
