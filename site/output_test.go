package site

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestRebuildLinks: a rebuild links the files whose bytes the previous
// output holds and writes the others; a previous file with other bytes of
// the same size, or other permissions, is never linked.
func TestRebuildLinks(t *testing.T) {
	root := t.TempDir()
	out, err := openOutput(root)
	if err != nil {
		t.Fatal(err)
	}
	defer out.close()
	first := map[string][]byte{"a.html": []byte("same"), "b.html": []byte("old!"), "c.html": []byte("mode"), "d/e.html": []byte("tamper")}
	dst, err := out.publish("public", first, nil)
	if err != nil {
		t.Fatal(err)
	}
	inode := func(p string) uint64 {
		st, err := os.Stat(filepath.Join(dst, p))
		if err != nil {
			t.Fatal(err)
		}
		return st.Sys().(*syscall.Stat_t).Ino
	}
	before := map[string]uint64{}
	for p := range first {
		before[p] = inode(p)
	}
	if err := os.Chmod(filepath.Join(dst, "c.html"), 0o666); err != nil {
		t.Fatal(err)
	}
	// Someone changed a published file: same size, other bytes.
	if err := os.WriteFile(filepath.Join(dst, "d/e.html"), []byte("TAMPER"), 0o644); err != nil {
		t.Fatal(err)
	}
	second := map[string][]byte{"a.html": []byte("same"), "b.html": []byte("new!"), "c.html": []byte("mode"), "d/e.html": []byte("tamper")}
	if _, err := out.publish("public", second, nil); err != nil {
		t.Fatal(err)
	}
	for p, want := range second {
		got, err := os.ReadFile(filepath.Join(dst, p))
		if err != nil || string(got) != string(want) {
			t.Errorf("%s: %q, %v; want %q", p, got, err, want)
		}
		st, _ := os.Stat(filepath.Join(dst, p))
		if st.Mode().Perm() != 0o644 {
			t.Errorf("%s: mode %v", p, st.Mode())
		}
	}
	if inode("a.html") != before["a.html"] {
		t.Error("a.html was written again, not linked")
	}
	for _, p := range []string{"b.html", "c.html", "d/e.html"} {
		if inode(p) == before[p] {
			t.Errorf("%s was linked from a previous file that differs", p)
		}
	}
}
