package policy

import (
	"errors"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

// brokenDir is a file system in which one folder cannot be read.
type brokenDir struct {
	fstest.MapFS
	dir string
	err error
}

func (b brokenDir) Open(name string) (fs.File, error) {
	if name == b.dir {
		return nil, &fs.PathError{Op: "open", Path: name, Err: b.err}
	}
	return b.MapFS.Open(name)
}

func (b brokenDir) ReadDir(name string) ([]fs.DirEntry, error) {
	if name == b.dir {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: b.err}
	}
	return b.MapFS.ReadDir(name)
}

// TestGlobReadError: a folder of documents that cannot be read (a git
// tree missing from a partial clone, a folder without permission) stops
// the load; it is never a folder without documents.
func TestGlobReadError(t *testing.T) {
	doc := "---\nid: %s\ntitle: A\ntier: basic\nvisibility: public\napprovers: [mayor]\n---\n"
	missing := errors.New("git object 1234 is not in this clone")
	fsys := brokenDir{MapFS: fstest.MapFS{
		ConfigFile:        {Data: []byte("organization: {id: t, name: テスト市}\ntitle: テスト\n")},
		"policy/a.md":     {Data: []byte(strings.Replace(doc, "%s", "a", 1))},
		"policy/std/b.md": {Data: []byte(strings.Replace(doc, "%s", "b", 1))},
	}, dir: "policy/std", err: missing}
	_, err := Load(fsys, LoadOptions{})
	if !errors.Is(err, missing) {
		t.Fatalf("a folder that cannot be read was skipped: %v", err)
	}
}

// TestSymlinkDocument: a document that is a symbolic link (here to a
// public document elsewhere) is never read through: it is files/symlink
// and no document, whatever it points at.
func TestSymlinkDocument(t *testing.T) {
	doc := "---\nid: %s\ntitle: A\ntier: basic\nvisibility: public\napprovers: [mayor]\n---\n"
	fsys := fstest.MapFS{
		ConfigFile:         {Data: []byte("organization: {id: t, name: テスト市}\ntitle: テスト\n")},
		"policy/a.md":      {Data: []byte(strings.Replace(doc, "%s", "a", 1))},
		"elsewhere/x.md":   {Data: []byte(strings.Replace(doc, "%s", "x", 1) + "\nSYMLINKCANARY\n")},
		"policy/std/ln.md": {Data: []byte("../../elsewhere/x.md"), Mode: fs.ModeSymlink},
		"policy/linked":    {Data: []byte("../elsewhere"), Mode: fs.ModeSymlink},
	}
	r, err := Load(fsys, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Docs) != 1 || r.Docs[0].Path != "policy/a.md" {
		t.Fatalf("documents: %v, want policy/a.md only", KnownIDs(5, r))
	}
	var at []string
	for _, f := range r.Findings {
		if f.Rule == RuleFilesSymlink {
			at = append(at, f.Pos.File)
		}
	}
	if strings.Join(at, " ") != "policy/linked/x.md policy/std/ln.md" {
		t.Fatalf("files/symlink at %v, want policy/linked/x.md (through a linked folder) and policy/std/ln.md", at)
	}
}

// TestFrontMatterMistypedCloser: front matter closed by a line that only
// looks like "---" is one error, at that line; the keys are not read as
// Markdown (a heading naming visibility) and none of them is trusted.
func TestFrontMatterMistypedCloser(t *testing.T) {
	for _, closer := range []string{"--", "----", "ーーー", "--- end"} {
		d := ParseDocument("t.md", []byte("---\nid: t\ntitle: T\nvisibility: public\n"+closer+"\n\n# T\n\n本文\n"), []string{"public", "internal"})
		if len(d.Findings) != 1 || d.Findings[0].Rule != RuleFrontMatterSyntax || d.Findings[0].Pos.Line != 5 {
			t.Errorf("%q: findings %+v, want one frontmatter/syntax at line 5", closer, d.Findings)
		}
		if d.Meta.Visibility == "public" {
			t.Errorf("%q: the visibility of unclosed front matter was trusted", closer)
		}
		if !strings.HasPrefix(string(d.Body()), "\n# T") {
			t.Errorf("%q: body %q, want it to begin after the closer", closer, d.Body())
		}
	}
}
