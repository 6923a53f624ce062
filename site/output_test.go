package site

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
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
		ino, _ := inodeOf(t, filepath.Join(dst, p))
		return ino
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
	if _, ok := inodeOf(t, dst); !ok {
		return // which file a name holds is not known here
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

// TestPublishAllOrNothing: when one edition cannot be written (here two
// paths that are one file on a case-folding file system, which only that
// edition has), no edition is swapped in — the one written before it
// neither — and nothing is left beside them.
func TestPublishAllOrNothing(t *testing.T) {
	root := t.TempDir()
	out, err := openOutput(root)
	if err != nil {
		t.Fatal(err)
	}
	defer out.close()
	first := []map[string][]byte{{"index.html": []byte("public 1")}, {"index.html": []byte("internal 1")}}
	produce := func(eds []map[string][]byte) func(int) (map[string][]byte, error) {
		return func(i int) (map[string][]byte, error) { return eds[i], nil }
	}
	if _, err := out.publishAll([]string{"public", "internal"}, produce(first), nil); err != nil {
		t.Fatal(err)
	}
	second := []map[string][]byte{{"index.html": []byte("public 2")}, {"index.html": []byte("internal 2"), "A.html": nil, "a.html": nil}}
	if _, err := out.publishAll([]string{"public", "internal"}, produce(second), nil); err == nil || !strings.Contains(err.Error(), "internal") {
		t.Fatalf("the second build: %v", err)
	}
	for name, want := range map[string]string{"public": "public 1", "internal": "internal 1"} {
		got, err := os.ReadFile(filepath.Join(root, name, "index.html"))
		if err != nil || string(got) != want {
			t.Errorf("%s: %q, %v; want the previous output %q", name, got, err, want)
		}
	}
	// An edition whose pages fail to render stops the build the same way.
	third := func(i int) (map[string][]byte, error) {
		if i == 1 {
			return nil, errors.New("refused")
		}
		return map[string][]byte{"index.html": []byte("public 3")}, nil
	}
	if _, err := out.publishAll([]string{"public", "internal"}, third, nil); err == nil {
		t.Fatal("the third build succeeded")
	}
	if got, _ := os.ReadFile(filepath.Join(root, "public", "index.html")); string(got) != "public 1" {
		t.Errorf("public: %q after a build whose internal edition failed", got)
	}
	ents, _ := os.ReadDir(root)
	for _, e := range ents {
		if e.Name() != "public" && e.Name() != "internal" {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}

// TestUndoExchange: an edition swapped in is put back as it was, and one
// that did not exist before is removed.
func TestUndoExchange(t *testing.T) {
	root := t.TempDir()
	dst, tmp := filepath.Join(root, "public"), filepath.Join(root, "tmp")
	for dir, text := range map[string]string{dst: "old", tmp: "new"} {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "index.html"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	old, err := exchange(tmp, dst)
	if err != nil || old == "" {
		t.Fatalf("exchange: %q, %v", old, err)
	}
	if err := undoExchange(dst, old); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(filepath.Join(dst, "index.html")); string(got) != "old" {
		t.Errorf("after undo: %q", got)
	}
	if _, err := os.Stat(old); !os.IsNotExist(err) {
		t.Errorf("the new content is still at %s: %v", old, err)
	}
	fresh := filepath.Join(root, "internal")
	if err := undoExchange(fresh, ""); err != nil {
		t.Fatal(err)
	}
}

// TestReplacesOnlyItsOwnFolders: a build replaces an edition's folder it
// wrote, or an empty one, and refuses one it did not write — a hand-made
// site, the documents folder when the output is the repository — and a
// file or link in an edition's place, leaving each as it was.
func TestReplacesOnlyItsOwnFolders(t *testing.T) {
	files := func(int) (map[string][]byte, error) {
		return map[string][]byte{"index.html": []byte("site")}, nil
	}
	for _, tc := range []struct {
		name    string
		prepare func(t *testing.T, dst string)
		refused string
	}{
		{"none", func(*testing.T, string) {}, ""},
		{"empty folder", func(t *testing.T, dst string) { mkdir(t, dst) }, ""},
		{"someone's folder", func(t *testing.T, dst string) {
			mkdir(t, dst)
			writeFile(t, filepath.Join(dst, "notes.txt"), "mine")
		}, "holds files that no build wrote"},
		{"someone's empty subfolder", func(t *testing.T, dst string) { mkdir(t, filepath.Join(dst, "sub")) }, "holds files that no build wrote"},
		{"a file", func(t *testing.T, dst string) { writeFile(t, dst, "mine") }, "is not a folder"},
		{"a folder put in place of a build's", func(t *testing.T, dst string) {
			out, err := openOutput(filepath.Dir(dst))
			if err != nil {
				t.Fatal(err)
			}
			_, err = out.publishAll([]string{"public"}, files, nil)
			out.close()
			if err != nil {
				t.Fatal(err)
			}
			if err := os.RemoveAll(dst); err != nil {
				t.Fatal(err)
			}
			mkdir(t, dst)
			writeFile(t, filepath.Join(dst, "index.html"), "mine")
		}, "holds files that no build wrote"},
		{"a marker that is not a build's", func(t *testing.T, dst string) {
			mkdir(t, dst)
			writeFile(t, filepath.Join(dst, MarkerFile), "mine")
		}, "holds files that no build wrote"},
		{"a link", func(t *testing.T, dst string) {
			other := t.TempDir()
			writeFile(t, filepath.Join(other, "notes.txt"), "mine")
			if err := os.Symlink(other, dst); err != nil {
				t.Skip(err)
			}
		}, "is not a folder"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			dst := filepath.Join(root, "public")
			tc.prepare(t, dst)
			link := tc.name == "a link"
			var before map[string][]byte
			if !link {
				before = readTree(t, root)
			}
			out, err := openOutput(root)
			if err != nil {
				t.Fatal(err)
			}
			_, err = out.publishAll([]string{"public"}, files, nil)
			out.close()
			if tc.refused == "" {
				if err != nil {
					t.Fatal(err)
				}
				// Its own output, a build replaces again.
				out, _ := openOutput(root)
				_, err := out.publishAll([]string{"public"}, files, nil)
				out.close()
				if err != nil {
					t.Fatalf("the second build: %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.refused) {
				t.Fatalf("got %v, want an error saying %q", err, tc.refused)
			}
			if link {
				if b, err := os.ReadFile(filepath.Join(dst, "notes.txt")); err != nil || string(b) != "mine" {
					t.Fatalf("the link's folder: %q, %v", b, err)
				}
				return
			}
			after := readTree(t, root)
			if len(after) != len(before) {
				t.Fatalf("%d files before, %d after", len(before), len(after))
			}
			for p, b := range before {
				if !bytes.Equal(after[p], b) {
					t.Errorf("%s changed", p)
				}
			}
		})
	}
}

func mkdir(t *testing.T, dir string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
}

func writeFile(t *testing.T, name, text string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}
