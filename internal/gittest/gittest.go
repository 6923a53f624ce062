// Package gittest builds real git repositories for tests with go-git: a
// sequence of commits, each a set of file changes with its own date.
package gittest

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// Commit is one commit: files to write (a nil value deletes the file).
type Commit struct {
	Files   map[string][]byte
	Message string
	When    time.Time
}

// Repo is a repository under construction.
type Repo struct {
	T    testing.TB
	Dir  string
	Git  *git.Repository
	when time.Time
}

// New initialises an empty repository in a new temporary directory.
func New(t testing.TB) *Repo {
	t.Helper()
	dir := t.TempDir()
	r, err := git.PlainInitWithOptions(dir, &git.PlainInitOptions{
		InitOptions: git.InitOptions{DefaultBranch: plumbing.NewBranchReferenceName("main")},
	})
	if err != nil {
		t.Fatal(err)
	}
	return &Repo{T: t, Dir: dir, Git: r, when: time.Date(2020, 4, 1, 10, 0, 0, 0, time.FixedZone("JST", 9*3600))}
}

// Write changes files in the working tree without committing.
func (r *Repo) Write(files map[string][]byte) {
	r.T.Helper()
	for p, b := range files {
		full := filepath.Join(r.Dir, filepath.FromSlash(p))
		if b == nil {
			if err := os.Remove(full); err != nil {
				r.T.Fatal(err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			r.T.Fatal(err)
		}
		if err := os.WriteFile(full, b, 0o644); err != nil {
			r.T.Fatal(err)
		}
	}
}

// Commit writes the commit's files and commits everything. A zero When
// means one day after the previous commit.
func (r *Repo) Commit(c Commit) plumbing.Hash {
	r.T.Helper()
	r.Write(c.Files)
	if c.When.IsZero() {
		r.when = r.when.Add(24 * time.Hour)
		c.When = r.when
	} else {
		r.when = c.When
	}
	if c.Message == "" {
		c.Message = "commit"
	}
	wt, err := r.Git.Worktree()
	if err != nil {
		r.T.Fatal(err)
	}
	if err := wt.AddWithOptions(&git.AddOptions{All: true}); err != nil {
		r.T.Fatal(err)
	}
	sig := &object.Signature{Name: "テスト", Email: "test@example.jp", When: c.When}
	h, err := wt.Commit(c.Message, &git.CommitOptions{Author: sig, Committer: sig, AllowEmptyCommits: true})
	if err != nil {
		r.T.Fatal(err)
	}
	return h
}

// Tag creates a lightweight tag at HEAD.
func (r *Repo) Tag(name string) {
	r.T.Helper()
	head, err := r.Git.Head()
	if err != nil {
		r.T.Fatal(err)
	}
	if _, err := r.Git.CreateTag(name, head.Hash(), nil); err != nil {
		r.T.Fatal(err)
	}
}

// RunGit runs the git binary in the repository (git gc, git repack …): the
// peer whose packs policyctl must read as git writes them.
func (r *Repo) RunGit(args ...string) {
	r.T.Helper()
	if out, err := exec.Command("git", append([]string{"-C", r.Dir}, args...)...).CombinedOutput(); err != nil {
		r.T.Fatalf("git %v: %v\n%s", args, err, out)
	}
}
