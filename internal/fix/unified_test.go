package fix

import (
	"bytes"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestWriteUnifiedForm(t *testing.T) {
	a := "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n"
	b := "1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\neleven\n12"
	var got bytes.Buffer
	if err := writeUnified(&got, "a/f.md", "b/f.md", a, b); err != nil {
		t.Fatal(err)
	}
	// What GNU diff -u writes for the same two files.
	want := `--- a/f.md
+++ b/f.md
@@ -2,11 +2,12 @@
 2
 3
 4
-5
+five
 6
 7
 8
 9
 10
 11
-12
+eleven
+12
\ No newline at end of file
`
	if got.String() != want {
		t.Errorf("got\n%s\nwant\n%s", got.String(), want)
	}
	got.Reset()
	if err := writeUnified(&got, "a", "b", a, a); err != nil || got.Len() != 0 {
		t.Errorf("no change wrote %q, %v", got.String(), err)
	}
}

// TestWriteUnifiedApplies hands every diff to git apply, the peer that
// editors and reviewers use on it, and requires the new text back:
// fixed cases at the edges (empty files, no final line end, CRLF, a
// change in the first and in the last line) and random edits of texts
// with many repeated lines, where a line diff can align lines wrongly.
func TestWriteUnifiedApplies(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Fatal("git is needed: it is the peer that applies the diffs")
	}
	cases := [][2]string{
		{"", "new\n"},
		{"old\n", ""},
		{"a\nb", "a\nb\n"},
		{"a\nb\n", "a\nb"},
		{"a\r\nb\r\n", "a\nb\n"},
		{"x\ny\nz\n", "X\ny\nz\n"},
		{"x\ny\nz\n", "x\ny\nZ\n"},
		{"第1条\n\n第2条\n", "第1条\n\n第2条\n\n第3条\n"},
	}
	rng := rand.New(rand.NewPCG(1, 2))
	words := []string{"", "第1条", "前項", "(1)", "上記3", "以下同じ。"}
	for range 60 {
		var lines []string
		for range rng.IntN(40) {
			lines = append(lines, words[rng.IntN(len(words))]+"\n")
		}
		edited := append([]string(nil), lines...)
		for range 1 + rng.IntN(4) {
			k := rng.IntN(len(edited) + 1)
			switch rng.IntN(3) {
			case 0:
				edited = append(edited[:k], append([]string{words[rng.IntN(len(words))] + "!\n"}, edited[k:]...)...)
			case 1:
				if k < len(edited) {
					edited = append(edited[:k], edited[k+1:]...)
				}
			default:
				if k < len(edited) {
					edited[k] = "改" + edited[k]
				}
			}
		}
		cases = append(cases, [2]string{strings.Join(lines, ""), strings.Join(edited, "")})
	}
	dir := t.TempDir()
	for i, c := range cases {
		file := filepath.Join(dir, "f.md")
		if err := os.WriteFile(file, []byte(c[0]), 0o644); err != nil {
			t.Fatal(err)
		}
		var d bytes.Buffer
		if err := writeUnified(&d, "a/f.md", "b/f.md", c[0], c[1]); err != nil {
			t.Fatal(err)
		}
		if c[0] == c[1] {
			if d.Len() != 0 {
				t.Errorf("case %d: no change gave a diff", i)
			}
			continue
		}
		cmd := exec.Command("git", "apply", "--unsafe-paths", "-")
		cmd.Dir = dir
		cmd.Stdin = bytes.NewReader(d.Bytes())
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("case %d: git apply: %v\n%s\ndiff:\n%s", i, err, out, d.String())
		}
		got, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != c[1] {
			t.Fatalf("case %d: applied %q, want %q\ndiff:\n%s", i, got, c[1], d.String())
		}
	}
}
