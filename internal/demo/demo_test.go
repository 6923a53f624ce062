package demo

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing/object"
)

func TestBuild(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "demo")
	res, err := Build(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	r, err := git.PlainOpen(dir)
	if err != nil {
		t.Fatal(err)
	}
	iter, err := r.Log(&git.LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var msgs []string
	_ = iter.ForEach(func(c *object.Commit) error {
		msgs = append(msgs, c.Author.When.Format("2006-01-02 -0700")+" "+c.Message)
		return nil
	})
	if len(msgs) != res.Commits || len(msgs) < 10 {
		t.Errorf("%d commits, result says %d", len(msgs), res.Commits)
	}
	if !strings.HasPrefix(msgs[len(msgs)-1], "2019-01-15 +0900 ") {
		t.Errorf("first commit %q", msgs[len(msgs)-1])
	}
	reg, err := os.ReadFile(filepath.Join(dir, "approvals/registry.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(reg), "keys: []") || strings.Count(string(reg), "ssh-ed25519 ") != 8 {
		t.Errorf("registry keys not filled:\n%s", reg)
	}
	key, err := os.ReadFile(res.Keys["yamamoto"])
	if err != nil || !strings.Contains(string(key), "OPENSSH PRIVATE KEY") {
		t.Errorf("private key: %v", err)
	}
	wt, _ := r.Worktree()
	st, _ := wt.Status()
	if !st.IsClean() {
		t.Errorf("the demo's working tree is not clean:\n%s", st)
	}

	// The same build twice gives the same history: keys and dates are fixed.
	dir2 := filepath.Join(t.TempDir(), "demo")
	if _, err := Build(dir2, false); err != nil {
		t.Fatal(err)
	}
	r2, _ := git.PlainOpen(dir2)
	h1, _ := r.Head()
	h2, _ := r2.Head()
	if h1.Hash() != h2.Hash() {
		t.Errorf("two demo builds differ: %s and %s", h1.Hash(), h2.Hash())
	}
}

func TestBuildRefusesNonEmpty(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "keep.txt"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Build(dir, false); err == nil || !strings.Contains(err.Error(), "not empty") {
		t.Fatalf("err %v", err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "keep.txt")); string(b) != "mine" {
		t.Error("a refused build touched the directory")
	}
	if _, err := Build(dir, true); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "keep.txt")); !os.IsNotExist(err) {
		t.Error("--force replaces the directory")
	}
}
