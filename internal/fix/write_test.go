package fix

import (
	"errors"
	"os"
	"path/filepath"
	"sort"
	"testing"
)

// TestWriteAllOrNothing makes the move of one file of three fail after
// the others may have been moved, with and without the one-step swap:
// every file must read as it did, with its mode, and nothing of the
// attempt may be left in the folders.
func TestWriteAllOrNothing(t *testing.T) {
	for _, withSwap := range []bool{true, false} {
		t.Run(map[bool]string{true: "swap", false: "second name"}[withSwap], func(t *testing.T) {
			dir := t.TempDir()
			c := newChange(nil)
			for i, name := range []string{"a.md", "sub/b.md", "sub/c.md"} {
				full := filepath.Join(dir, filepath.FromSlash(name))
				if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
					t.Fatal(err)
				}
				old := []byte("old " + name + "\n")
				if err := os.WriteFile(full, old, os.FileMode(0o640+i)); err != nil {
					t.Fatal(err)
				}
				if err := os.Chmod(full, os.FileMode(0o640+i)); err != nil {
					t.Fatal(err)
				}
				c.Before[name], c.After[name] = old, []byte("new "+name+"\n")
			}
			if !withSwap {
				swapFiles = func(a, b string) error { return errors.ErrUnsupported }
				defer func() { swapFiles = swap }()
			}
			moveFault = func(p string) error {
				if p == "sub/b.md" {
					return errors.New("injected failure")
				}
				return nil
			}
			defer func() { moveFault = nil }()

			err := c.Write(dir, nil)
			if err == nil {
				t.Fatal("Write succeeded with a failing move")
			}
			for i, name := range []string{"a.md", "sub/b.md", "sub/c.md"} {
				full := filepath.Join(dir, filepath.FromSlash(name))
				b, err := os.ReadFile(full)
				if err != nil {
					t.Fatal(err)
				}
				if string(b) != "old "+name+"\n" {
					t.Errorf("%s reads %q after a failed write", name, b)
				}
				fi, err := os.Stat(full)
				if err != nil {
					t.Fatal(err)
				}
				if fi.Mode().Perm() != os.FileMode(0o640+i) {
					t.Errorf("%s has mode %v, want %v", name, fi.Mode().Perm(), os.FileMode(0o640+i))
				}
			}
			if left := listFiles(t, dir); len(left) != 3 {
				t.Errorf("files left: %v", left)
			}

			// And without the fault, every file is written, with its mode.
			moveFault = nil
			if err := c.Write(dir, nil); err != nil {
				t.Fatal(err)
			}
			for i, name := range []string{"a.md", "sub/b.md", "sub/c.md"} {
				full := filepath.Join(dir, filepath.FromSlash(name))
				b, _ := os.ReadFile(full)
				fi, _ := os.Stat(full)
				if string(b) != "new "+name+"\n" || fi.Mode().Perm() != os.FileMode(0o640+i) {
					t.Errorf("%s: %q, mode %v", name, b, fi.Mode().Perm())
				}
			}
			if left := listFiles(t, dir); len(left) != 3 {
				t.Errorf("files left: %v", left)
			}
		})
	}
}

func listFiles(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			out = append(out, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(out)
	return out
}
