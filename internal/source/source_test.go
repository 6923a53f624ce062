package source

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/policyctl/policyctl/internal/gittest"
	"github.com/policyctl/policyctl/internal/policy"
)

const cfg = "organization: {id: t, name: テスト市}\ntitle: テスト\n"

func doc(title string) []byte {
	return []byte("---\nid: d\ntitle: " + title + "\ntier: basic\nvisibility: public\n---\n## 1. 目的\n")
}

// TestLoaderOnRevisions reads the working tree and past revisions of one
// repository through the same loader.
func TestLoaderOnRevisions(t *testing.T) {
	r := gittest.New(t)
	r.Commit(gittest.Commit{Files: map[string][]byte{"policyctl.yaml": []byte(cfg), "policy/d.md": doc("第一版")}})
	r.Tag("v1")
	r.Commit(gittest.Commit{Files: map[string][]byte{"policy/d.md": doc("第二版"), "policy/e.md": doc("追加")}})
	r.Write(map[string][]byte{"policy/d.md": doc("作業中")})

	for _, tt := range []struct {
		rev   string
		title string
		docs  int
	}{{"", "作業中", 2}, {"HEAD", "第二版", 2}, {"main", "第二版", 2}, {"HEAD~1", "第一版", 1}, {"v1", "第一版", 1}} {
		tr, err := Open(r.Dir, tt.rev)
		if err != nil {
			t.Fatalf("rev %q: %v", tt.rev, err)
		}
		repo, err := policy.Load(tr.FS, policy.LoadOptions{})
		if err != nil {
			t.Fatalf("rev %q: %v", tt.rev, err)
		}
		if len(repo.Docs) != tt.docs || repo.DocByPath("policy/d.md").Meta.Title != tt.title {
			t.Errorf("rev %q: %d docs, title %q", tt.rev, len(repo.Docs), repo.DocByPath("policy/d.md").Meta.Title)
		}
		if tt.rev != "" && (tr.Commit == nil || !strings.Contains(tr.Label(), tt.rev)) {
			t.Errorf("rev %q: label %q", tt.rev, tr.Label())
		}
	}
	if _, err := Open(r.Dir, "no-such-branch"); err == nil || !strings.Contains(err.Error(), `"no-such-branch" is not a commit`) {
		t.Errorf("unknown revision: %v", err)
	}
}

func TestSubdirectory(t *testing.T) {
	r := gittest.New(t)
	r.Commit(gittest.Commit{Files: map[string][]byte{"sub/policyctl.yaml": []byte(cfg), "sub/policy/d.md": doc("版")}})
	tr, err := Open(filepath.Join(r.Dir, "sub"), "HEAD")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := fs.Stat(tr.FS, "policyctl.yaml"); err != nil {
		t.Errorf("the subdirectory is the policy root at a revision: %v", err)
	}
}

func TestOpenErrors(t *testing.T) {
	if _, err := Open(filepath.Join(t.TempDir(), "missing"), ""); err == nil || !strings.Contains(err.Error(), "no such directory") {
		t.Errorf("missing dir: %v", err)
	}
	dir := t.TempDir()
	if _, err := Open(dir, "HEAD"); err == nil || !strings.Contains(err.Error(), "not in a git repository") {
		t.Errorf("--rev outside git: %v", err)
	}
	f := filepath.Join(dir, "file")
	os.WriteFile(f, nil, 0o644)
	if _, err := Open(f, ""); err == nil || !strings.Contains(err.Error(), "not a directory") {
		t.Errorf("file: %v", err)
	}
}

// TestGitFS runs the standard library's file system conformance test on a
// git tree.
func TestGitFS(t *testing.T) {
	r := gittest.New(t)
	r.Commit(gittest.Commit{Files: map[string][]byte{"a.md": []byte("a"), "d/b.md": []byte("bb"), "d/e/c.md": []byte("ccc")}})
	tr, err := Open(r.Dir, "HEAD")
	if err != nil {
		t.Fatal(err)
	}
	if err := fstest.TestFS(tr.FS, "a.md", "d/b.md", "d/e/c.md"); err != nil {
		t.Fatal(err)
	}
}

// TestTracked: the working tree says which files git tracks, in a policy
// repository at the root of its work tree or in a folder of it; a git
// revision needs no such answer (every file in it is committed).
func TestTracked(t *testing.T) {
	r := gittest.New(t)
	r.Commit(gittest.Commit{Files: map[string][]byte{"p/policyctl.yaml": []byte(cfg), "p/policy/d.md": doc("第一版"), "p/files/a.txt": []byte("a")}})
	r.Write(map[string][]byte{"p/files/b.txt": []byte("b")})
	for _, dir := range []string{r.Dir, filepath.Join(r.Dir, "p")} {
		tr, err := Open(dir, "")
		if err != nil {
			t.Fatal(err)
		}
		tk, ok := tr.FS.(policy.Tracker)
		if !ok {
			t.Fatalf("%s: the working tree in git is no Tracker", dir)
		}
		prefix := ""
		if dir == r.Dir {
			prefix = "p/"
		}
		for name, want := range map[string]bool{"files/a.txt": true, "files/b.txt": false, "policy/d.md": true} {
			if got, err := tk.Tracked(prefix + name); err != nil || got != want {
				t.Errorf("%s: Tracked(%s) = %v, %v; want %v", dir, prefix+name, got, err, want)
			}
		}
		if b, err := fs.ReadFile(tr.FS, prefix+"files/b.txt"); err != nil || string(b) != "b" {
			t.Errorf("%s: reading through the working tree: %q, %v", dir, b, err)
		}
	}
	tr, err := Open(r.Dir, "HEAD")
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := tr.FS.(policy.Tracker); ok {
		t.Error("a git revision is a Tracker")
	}
}
