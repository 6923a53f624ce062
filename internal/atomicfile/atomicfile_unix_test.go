//go:build unix

package atomicfile

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestWriteMode: a new file's mode is 0666 less the umask (0600 under
// umask 077, 0644 under 022), a file that was there keeps its mode, and
// the bytes are the new ones.
func TestWriteMode(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		umask int
		want  os.FileMode
	}{{0o077, 0o600}, {0o022, 0o644}} {
		old := syscall.Umask(c.umask)
		p := filepath.Join(dir, "new.docx")
		os.Remove(p)
		err := Write(p, []byte("新"))
		syscall.Umask(old)
		if err != nil {
			t.Fatal(err)
		}
		if fi, _ := os.Stat(p); fi.Mode().Perm() != c.want {
			t.Errorf("umask %o: new file has mode %v, want %v", c.umask, fi.Mode().Perm(), c.want)
		}
	}
	p := filepath.Join(dir, "kept.html")
	if err := os.WriteFile(p, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(p, 0o640); err != nil {
		t.Fatal(err)
	}
	if err := Write(p, []byte("new")); err != nil {
		t.Fatal(err)
	}
	fi, _ := os.Stat(p)
	b, _ := os.ReadFile(p)
	if fi.Mode().Perm() != 0o640 || string(b) != "new" {
		t.Errorf("an existing file: mode %v, %q; want 0640, %q", fi.Mode().Perm(), b, "new")
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".policyctl-*")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}
