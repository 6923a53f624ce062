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
	if strings.Join(at, " ") != "policy/std/ln.md policy/linked" {
		t.Fatalf("files/symlink at %v, want policy/std/ln.md and policy/linked (a linked folder, not walked)", at)
	}
}

// foldFS finds names whatever their case, as the file systems of macOS
// and Windows do; its listings keep the names as stored.
type foldFS struct{ fstest.MapFS }

func (f foldFS) name(n string) string {
	for k := range f.MapFS {
		if strings.EqualFold(k, n) {
			return k
		}
		if strings.HasPrefix(strings.ToLower(k), strings.ToLower(n)+"/") {
			return k[:len(n)]
		}
	}
	return n
}
func (f foldFS) Open(n string) (fs.File, error)          { return f.MapFS.Open(f.name(n)) }
func (f foldFS) Stat(n string) (fs.FileInfo, error)      { return f.MapFS.Stat(f.name(n)) }
func (f foldFS) ReadFile(n string) ([]byte, error)       { return f.MapFS.ReadFile(f.name(n)) }
func (f foldFS) ReadDir(n string) ([]fs.DirEntry, error) { return f.MapFS.ReadDir(f.name(n)) }

// TestSymlinkCaseFolded: on a file system that folds case, a glob naming
// a folder in another case finds it, but the folder's listing does not
// hold that name: nothing is known of the entry (it could be a link), so
// no document is read through it.
func TestSymlinkCaseFolded(t *testing.T) {
	doc := "---\nid: a\ntitle: A\ntier: basic\nvisibility: public\napprovers: [mayor]\n---\n"
	fsys := foldFS{fstest.MapFS{
		ConfigFile:    {Data: []byte("organization: {id: t, name: テスト市}\ntitle: テスト\ndocuments: Policy/*.md\n")},
		"policy/a.md": {Data: []byte(doc)},
	}}
	r, err := Load(fsys, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Docs) != 0 || len(r.Findings) != 1 || r.Findings[0].Rule != RuleFilesSymlink {
		t.Fatalf("documents %v, findings %+v: want none read and one files/symlink", KnownIDs(5, r), r.Findings)
	}
}

// TestFrontMatterMistypedCloser: front matter closed by a line that only
// looks like "---" is an error at that line, and none of its keys is
// trusted; the body stays the whole file, so every marker is still read.
func TestFrontMatterMistypedCloser(t *testing.T) {
	for _, closer := range []string{"--", "----", "ーーー", "--- end"} {
		d := ParseDocument("t.md", []byte("---\nid: t\ntitle: T\nvisibility: public\n"+closer+"\n\n# T\n\n本文\n"), []string{"public", "internal"})
		if len(d.Findings) == 0 || d.Findings[0].Rule != RuleFrontMatterSyntax || d.Findings[0].Pos.Line != 5 {
			t.Errorf("%q: findings %+v, want frontmatter/syntax at line 5 first", closer, d.Findings)
		}
		if d.Meta.Visibility == "public" {
			t.Errorf("%q: the visibility of unclosed front matter was trusted", closer)
		}
	}
}

// TestFrontMatterCloserLikeInFence: an attacker leaves the front matter
// unclosed and puts a "--" line inside a code block, then a secret
// section. The "--" is not taken for the closer, and the secret marker
// is still read: its text is not visible at the public level.
func TestFrontMatterCloserLikeInFence(t *testing.T) {
	src := "---\nid: t\ntitle: T\nvisibility: public\n\n# T\n\n```\n-- comment\n```\n\n::: internal\n\n秘密の手順\n\n:::\n"
	d := ParseDocument("t.md", []byte(src), []string{"public", "internal"})
	for _, f := range d.Findings {
		if f.Rule == RuleFrontMatterSyntax && f.Pos.Line == 9 {
			t.Errorf("the -- inside the fence was taken for the closer: %+v", f)
		}
	}
	off := strings.Index(src, "秘密")
	if d.BodyStart > off {
		t.Fatalf("body starts at %d, after the secret text at %d", d.BodyStart, off)
	}
	if lv := d.LevelAt(off - d.BodyStart); lv < 1 {
		t.Errorf("the secret text is at level %d, want internal (1) or more", lv)
	}
}

// TestSymlinkOutsideGlob: a linked folder where the glob could never find
// a document (images beside policy/*.md) is not an error; one where it
// could (under policy/**) is.
func TestSymlinkOutsideGlob(t *testing.T) {
	doc := "---\nid: a\ntitle: A\ntier: basic\nvisibility: public\napprovers: [mayor]\n---\n"
	for glob, want := range map[string]int{"policy/*.md": 0, "policy/**/*.md": 1} {
		fsys := fstest.MapFS{
			ConfigFile:      {Data: []byte("organization: {id: t, name: テスト市}\ntitle: テスト\ndocuments: " + glob + "\n")},
			"policy/a.md":   {Data: []byte(doc)},
			"shared/i.png":  {Data: []byte("png")},
			"policy/images": {Data: []byte("../shared"), Mode: fs.ModeSymlink},
		}
		r, err := Load(fsys, LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, f := range r.Findings {
			if f.Rule == RuleFilesSymlink {
				n++
			}
		}
		if n != want || len(r.Docs) != 1 {
			t.Errorf("%s: %d files/symlink, %d documents; want %d and 1", glob, n, len(r.Docs), want)
		}
	}
}
