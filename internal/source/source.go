// Package source opens the files of a policy repository as an io/fs.FS: the
// working tree, or the tree of a git revision. Every command reads through
// it, so every command works on any revision.
package source

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"

	"github.com/policyctl/policyctl/internal/gitfs"
	"github.com/policyctl/policyctl/internal/i18n"
)

// Tree is an opened repository: its files and, for a git revision, the
// commit they came from.
type Tree struct {
	FS fs.FS
	// Dir is the repository directory on disk.
	Dir string
	// Rev is what the user asked for ("" for the working tree).
	Rev string
	// Commit is the commit read, nil for the working tree.
	Commit *object.Commit
	// Git is the git repository containing Dir, nil when Dir is not in one.
	Git *git.Repository
}

// Label names the tree for people: "working tree" or "HEAD~1 (1a2b3c4)".
func (t *Tree) Label() string {
	if t.Commit == nil {
		return i18n.T("the working tree")
	}
	short := t.Commit.Hash.String()[:7]
	if t.Rev == short || t.Rev == t.Commit.Hash.String() {
		return short
	}
	return fmt.Sprintf("%s (%s)", t.Rev, short)
}

// Open opens dir at rev; rev "" is the working tree.
func Open(dir, rev string) (*Tree, error) {
	st, err := os.Stat(dir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, i18n.Errorf("%s: no such directory", dir)
		}
		return nil, err
	}
	if !st.IsDir() {
		return nil, i18n.Errorf("%s: not a directory", dir)
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	t := &Tree{Dir: abs, Rev: rev}
	if r, err := gitfs.Open(abs); err == nil {
		t.Git = r
	}
	if rev == "" {
		if t.FS, err = newRootFS(abs); err != nil {
			return nil, err
		}
		if t.Git != nil {
			if sub, err := t.Sub(); err == nil {
				t.FS = &workTree{FS: t.FS, git: t.Git, sub: sub}
			}
		}
		return t, nil
	}
	if t.Git == nil {
		return nil, i18n.Errorf("--rev %s: %s is not in a git repository", rev, dir)
	}
	return t.At(rev)
}

// At returns the same repository at another git revision.
func (t *Tree) At(rev string) (*Tree, error) {
	if t.Git == nil {
		return nil, i18n.Errorf("revision %s: %s is not in a git repository", rev, t.Dir)
	}
	c, err := gitfs.Resolve(t.Git, rev)
	if err != nil {
		return nil, i18n.Errorf("revision %q is not a commit, tag or branch of %s (%v)", rev, t.Dir, gitReason(errors.Unwrap(err)))
	}
	return t.AtCommit(rev, c)
}

// gitReason is the reason go-git gives, in the reader's language where it
// is one of the usual ones.
func gitReason(err error) string {
	switch {
	case errors.Is(err, plumbing.ErrReferenceNotFound):
		return i18n.T("no such name")
	case errors.Is(err, plumbing.ErrObjectNotFound):
		return i18n.T("no such object")
	case err == nil:
		return ""
	}
	return err.Error()
}

// AtCommit returns the same repository at a commit.
func (t *Tree) AtCommit(rev string, c *object.Commit) (*Tree, error) {
	gfs, err := gitfs.ForCommit(c)
	if err != nil {
		return nil, err
	}
	sub, err := t.Sub()
	if err != nil {
		return nil, err
	}
	var fsys fs.FS = gfs
	if sub != "." {
		if fsys, err = fs.Sub(gfs, sub); err != nil {
			return nil, err
		}
	}
	return &Tree{FS: fsys, Dir: t.Dir, Rev: rev, Commit: c, Git: t.Git}, nil
}

// Sub is Dir relative to the root of its git work tree ("." at the root).
func (t *Tree) Sub() (string, error) {
	wt, err := t.Git.Worktree()
	if err != nil {
		return ".", nil // a bare repository: the policy is at its root
	}
	root := wt.Filesystem.Root()
	if r, err := filepath.EvalSymlinks(root); err == nil {
		root = r
	}
	dir := t.Dir
	if d, err := filepath.EvalSymlinks(dir); err == nil {
		dir = d
	}
	rel, err := filepath.Rel(root, dir)
	if err != nil {
		return "", err
	}
	return filepath.ToSlash(rel), nil
}
