package source

import (
	"io/fs"
	"os"
	"os/exec"
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

// TestCommitted: the working tree says which files are committed as they
// are on disk, in a policy repository at the root of its work tree or in
// a folder of it: not one never committed, not one changed since, not one
// only staged. A git revision says so of its own files' bytes.
func TestCommitted(t *testing.T) {
	r := gittest.New(t)
	r.Commit(gittest.Commit{Files: map[string][]byte{"p/policyctl.yaml": []byte(cfg), "p/policy/d.md": doc("第一版"), "p/files/a.txt": []byte("a"), "p/files/c.txt": []byte("c")}})
	r.Write(map[string][]byte{"p/files/b.txt": []byte("b"), "p/files/c.txt": []byte("changed")})
	for _, dir := range []string{r.Dir, filepath.Join(r.Dir, "p")} {
		tr, err := Open(dir, "")
		if err != nil {
			t.Fatal(err)
		}
		c, ok := tr.FS.(policy.Committer)
		if !ok {
			t.Fatalf("%s: the working tree in git is no Committer", dir)
		}
		prefix := ""
		if dir == r.Dir {
			prefix = "p/"
		}
		for name, want := range map[string]bool{"files/a.txt": true, "files/b.txt": false, "files/c.txt": false, "policy/d.md": true} {
			b, err := fs.ReadFile(tr.FS, prefix+name)
			if err != nil {
				t.Fatal(err)
			}
			if got, err := c.Committed(prefix+name, b); err != nil || got != want {
				t.Errorf("%s: Committed(%s) = %v, %v; want %v", dir, prefix+name, got, err, want)
			}
		}
		if got, _ := c.Committed(prefix+"files/a.txt", []byte("other")); got {
			t.Errorf("%s: other bytes at a committed path count as committed", dir)
		}
	}
	// Staged is not committed.
	if out, err := exec.Command("git", "-C", r.Dir, "add", "p/files/c.txt", "p/files/b.txt").CombinedOutput(); err != nil {
		t.Fatalf("git add: %v\n%s", err, out)
	}
	tr, err := Open(r.Dir, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"p/files/b.txt", "p/files/c.txt"} {
		b, _ := fs.ReadFile(tr.FS, name)
		if got, _ := tr.FS.(policy.Committer).Committed(name, b); got {
			t.Errorf("staged %s counts as committed", name)
		}
	}
	tr, err = Open(r.Dir, "HEAD")
	if err != nil {
		t.Fatal(err)
	}
	c, ok := tr.FS.(policy.Committer)
	if !ok {
		t.Fatal("a git revision is no Committer")
	}
	if got, _ := c.Committed("p/files/c.txt", []byte("c")); !got {
		t.Error("a revision's own file is not committed")
	}
	if got, _ := c.Committed("p/files/c.txt", []byte("changed")); got {
		t.Error("other bytes count as the revision's file")
	}
	// A folder outside git commits nothing.
	plain := t.TempDir()
	if err := os.WriteFile(filepath.Join(plain, "policyctl.yaml"), []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	if tr, err := Open(plain, ""); err == nil {
		if _, ok := tr.FS.(policy.Committer); ok {
			t.Error("a folder outside git is a Committer")
		}
	}
}

// TestWorkTreeStaysInside reads the working tree through names that a
// link leads out of its folder: a linked file, and a file in a linked
// folder, as a link made after the folder was listed would be. Neither is
// read; a link that stays inside still is (policy.Load reports links
// before it reads anything: files/symlink).
func TestWorkTreeStaysInside(t *testing.T) {
	outside := t.TempDir()
	if err := os.WriteFile(filepath.Join(outside, "secret.md"), []byte("outside"), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "policy"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "policy", "d.md"), doc("内"), 0o644); err != nil {
		t.Fatal(err)
	}
	for link, to := range map[string]string{
		"policy/out.md": filepath.Join(outside, "secret.md"),
		"policy/up.md":  "../../" + filepath.Base(outside) + "/secret.md",
		"linked":        outside,
		"policy/in.md":  "d.md",
		"inner":         "policy",
	} {
		if err := os.Symlink(to, filepath.Join(dir, filepath.FromSlash(link))); err != nil {
			t.Fatal(err)
		}
	}
	tr, err := Open(dir, "")
	if err != nil {
		t.Fatal(err)
	}
	for name, link := range map[string]string{"policy/out.md": "policy/out.md", "policy/up.md": "policy/up.md", "linked/secret.md": "linked", "inner/out.md": "inner/out.md"} {
		b, err := fs.ReadFile(tr.FS, name)
		if err == nil {
			t.Errorf("%s read through a link out of the working tree: %q", name, b)
			continue
		}
		// The error names the link that leads out, not one on the way
		// that stays inside.
		if want := link + " is a symbolic link"; !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v, want it to say %q", name, err, want)
		}
	}
	if b, err := fs.ReadFile(tr.FS, "policy/in.md"); err != nil || string(b) != string(doc("内")) {
		t.Errorf("policy/in.md: %q, %v", b, err)
	}
}
