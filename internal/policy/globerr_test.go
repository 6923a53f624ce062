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
