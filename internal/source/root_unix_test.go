//go:build unix

package source

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestWorkTreeReadsRegularFilesOnly puts a pipe where a document would
// be, as it could appear after the folder was listed: reading it fails at
// once, as does reading a configuration that is one (source.ReadInRoot),
// instead of waiting for a writer that never comes.
func TestWorkTreeReadsRegularFilesOnly(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.md"), 0o644); err != nil {
		t.Fatal(err)
	}
	tr, err := Open(dir, "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := fs.ReadFile(tr.FS, "pipe.md"); !errors.Is(err, errNotRegular) {
		t.Errorf("reading a pipe: %v", err)
	}
	if _, err := ReadInRoot(dir, "pipe.md"); !errors.Is(err, errNotRegular) {
		t.Errorf("ReadInRoot of a pipe: %v", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "d.md"), []byte("本文"), 0o644); err != nil {
		t.Fatal(err)
	}
	if b, err := ReadInRoot(dir, "d.md"); err != nil || string(b) != "本文" {
		t.Errorf("ReadInRoot: %q, %v", b, err)
	}
}

// TestWorkTreeOpensPlainFilesOnly opens what a reader opens rather than
// reads whole (an approval file, read up to a limit): a pipe fails at
// once, a folder and a file open.
func TestWorkTreeOpensPlainFilesOnly(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.json"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "a.json"), []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	tr, err := Open(dir, "")
	if err != nil {
		t.Fatal(err)
	}
	if f, err := tr.FS.Open("pipe.json"); !errors.Is(err, errNotRegular) {
		if f != nil {
			f.Close()
		}
		t.Errorf("opening a pipe: %v", err)
	}
	for _, name := range []string{".", "a.json"} {
		f, err := tr.FS.Open(name)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		f.Close()
	}
	if _, err := fs.ReadDir(tr.FS, "."); err != nil {
		t.Error(err)
	}
}
