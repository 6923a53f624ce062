package history

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-git/go-git/v5/plumbing"

	"github.com/policyctl/policyctl/internal/gittest"
)

// TestPartialClone: a partial clone (git clone --filter=…) is not
// shallow, but lacks the trees or files of old commits, which go-git does
// not fetch on demand. The walk stops with ErrPartial, which says the
// clone is partial and how to fetch the history; the command it names
// makes the same clone work.
func TestPartialClone(t *testing.T) {
	git, err := exec.LookPath("git")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("git is required in CI")
		}
		t.Skip("git not installed")
	}
	run := func(dir string, args ...string) (string, error) {
		// No background gc or maintenance: the folder is removed after.
		cmd := exec.Command(git, append([]string{"-C", dir, "-c", "gc.auto=0", "-c", "maintenance.auto=false"}, args...)...)
		cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL="+os.DevNull)
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	r := newRepo(t)
	r.approve(t, "2019-04-01", "改訂")
	r.Commit(gittest.Commit{Files: map[string][]byte{"policy/a.md": doc("a", "第二版")}})
	if out, err := run(r.Dir, "config", "uploadpack.allowFilter", "true"); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	for _, filter := range []string{"tree:0", "blob:none"} {
		t.Run(filter, func(t *testing.T) {
			clone := filepath.Join(t.TempDir(), "clone")
			if out, err := run(".", "clone", "-q", "--no-local", "--filter="+filter, "file://"+r.Dir, clone); err != nil {
				t.Fatalf("git clone --filter=%s: %v\n%s", filter, err, out)
			}
			h, err := OpenRepository(clone, "", testOptions)
			if err != nil {
				t.Fatal(err)
			}
			_, err = h.Revisions()
			if !errors.Is(err, ErrPartial) {
				t.Fatalf("the walk of a partial clone: %v, want ErrPartial", err)
			}
			for _, want := range []string{"partial clone", "git fetch --refetch --no-filter", "fetch-depth: 0", "filter:"} {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("the error does not say %q: %v", want, err)
				}
			}
			if _, err := open(t, clone, InForceRev); !errors.Is(err, ErrPartial) {
				t.Errorf("--rev in-force in a partial clone: %v, want ErrPartial", err)
			}
			// What the message says to run makes the clone whole.
			if out, err := run(clone, "fetch", "-q", "--refetch", "--no-filter", "origin"); err != nil {
				if strings.Contains(out, "refetch") {
					t.Skipf("git too old for --refetch: %s", out)
				}
				t.Fatalf("git fetch --refetch --no-filter: %v\n%s", err, out)
			}
			h, err = OpenRepository(clone, "", testOptions)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := h.Revisions(); err != nil {
				t.Errorf("after git fetch --refetch --no-filter: %v", err)
			}
		})
	}
}

// TestMissingObjectNotPartial: an object missing from a clone that is
// neither shallow nor partial is a damaged repository, not blamed on a
// partial clone, and never read as a file or folder that is not there.
func TestMissingObjectNotPartial(t *testing.T) {
	r := newRepo(t)
	r.approve(t, "2019-04-01", "改訂")
	head := r.Commit(gittest.Commit{Files: map[string][]byte{"policy/a.md": doc("a", "第二版")}})
	c, err := r.Git.CommitObject(head)
	if err != nil {
		t.Fatal(err)
	}
	tree, err := c.Tree()
	if err != nil {
		t.Fatal(err)
	}
	// The revision's folder: the walk reads it at every commit.
	e, err := tree.FindEntry("approvals/2019-04-01")
	if err != nil {
		t.Fatal(err)
	}
	h := e.Hash.String()
	if err := os.Remove(filepath.Join(r.Dir, ".git", "objects", h[:2], h[2:])); err != nil {
		t.Fatal(err)
	}
	o, err := OpenRepository(r.Dir, "", testOptions)
	if err != nil {
		t.Fatal(err)
	}
	_, err = o.Revisions()
	if err == nil || errors.Is(err, ErrPartial) || errors.Is(err, ErrShallow) || !errors.Is(err, plumbing.ErrObjectNotFound) || !strings.Contains(err.Error(), "git fsck") {
		t.Errorf("a damaged clone: %v", err)
	}
}
