package fix

import (
	"bytes"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/sergi/go-diff/diffmatchpatch"
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

// TestLineOpcodesAsGoDiff holds lineOpcodes, which trims the equal lines
// at both ends itself and names lines by runes of its own, to go-diff's
// line mode (DiffLinesToRunes, then DiffMainRunes), which it replaced, on
// random texts of repeated lines: its runs cover both texts, its equal
// runs are equal, and it deletes and inserts as few lines as go-diff. (An
// edit between repeated lines may be placed a line apart: go-diff slides
// it over the lines both texts end with, which it no longer sees.)
func TestLineOpcodesAsGoDiff(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	words := []string{"第1条\n", "前項\n", "\n", "(1) 一\n", "上記3\n", "以下同じ。\n", "x"}
	text := func(n int) string {
		var sb strings.Builder
		for range n {
			sb.WriteString(words[rng.IntN(len(words))])
		}
		return sb.String()
	}
	changed := func(ops []opcode) (del, ins int) {
		for _, o := range ops {
			if !o.equal {
				del, ins = del+o.i2-o.i1, ins+o.j2-o.j1
			}
		}
		return del, ins
	}
	for i := range 1000 {
		a := text(rng.IntN(60))
		b := a
		switch rng.IntN(3) {
		case 0:
			b = text(rng.IntN(60))
		default:
			for range 1 + rng.IntN(5) {
				k := rng.IntN(len(b) + 1)
				b = b[:k] + words[rng.IntN(len(words))] + b[k:]
			}
		}
		al, bl := splitLines(a), splitLines(b)
		got, err := lineOpcodes(al, bl)
		if err != nil {
			t.Fatal(err)
		}
		x, y := 0, 0
		for _, o := range got {
			if o.i1 != x || o.j1 != y || o.i2 < o.i1 || o.j2 < o.j1 {
				t.Fatalf("case %d: runs %v do not follow each other", i, got)
			}
			if o.equal && (o.i2-o.i1 != o.j2-o.j1 || strings.Join(al[o.i1:o.i2], "") != strings.Join(bl[o.j1:o.j2], "")) {
				t.Fatalf("case %d: equal run %v differs", i, o)
			}
			x, y = o.i2, o.j2
		}
		if x != len(al) || y != len(bl) {
			t.Fatalf("case %d: runs %v cover %d and %d of %d and %d lines", i, got, x, y, len(al), len(bl))
		}
		gd, gi := changed(got)
		wd, wi := changed(goDiffOpcodes(a, b))
		if gd != wd || gi != wi {
			t.Fatalf("case %d: %q → %q: %d deleted and %d inserted lines, go-diff %d and %d", i, a, b, gd, gi, wd, wi)
		}
	}
}

// goDiffOpcodes is lineOpcodes as it was: go-diff's own line mode.
func goDiffOpcodes(a, b string) []opcode {
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0
	ra, rb, _ := dmp.DiffLinesToRunes(a, b)
	ops, _, _ := appendDiffs(nil, 0, 0, dmp.DiffMainRunes(ra, rb, false))
	return ops
}

// TestLineOpcodesManyLines diffs texts of more distinct lines than there
// are runes below the surrogates, changed at both ends only, so that every
// line goes to go-diff and the names of the later ones skip the
// surrogates: one equal run must cover all the lines between the changes.
func TestLineOpcodesManyLines(t *testing.T) {
	const n = 0xD800 + 5000
	lines := make([]string, n)
	for i := range lines {
		lines[i] = "第" + strconv.Itoa(i) + "項\n"
	}
	a := append([]string{"old first\n"}, append(lines, "old last\n")...)
	b := append([]string{"new first\n"}, append(lines, "new last\n")...)
	got, err := lineOpcodes(a, b)
	if err != nil {
		t.Fatal(err)
	}
	want := []opcode{{i1: 0, i2: 1, j1: 0, j2: 1}, {equal: true, i1: 1, i2: n + 1, j1: 1, j2: n + 1}, {i1: n + 1, i2: n + 2, j1: n + 1, j2: n + 2}}
	if !slices.Equal(got, want) {
		t.Errorf("got %v", got)
	}
}

// TestQuotedPathApplies: a file name with a line feed, an escape, a quote
// or a backslash is quoted in the headers as git quotes it: each header
// stays one line, and git apply changes that file.
func TestQuotedPathApplies(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows file names cannot hold these characters")
	}
	dir := t.TempDir()
	name := "evil\nname\x1b[31m\"x\\y.md"
	if err := os.WriteFile(filepath.Join(dir, name), []byte("old\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c := newChange(nil)
	c.Before[name], c.After[name] = []byte("old\n"), []byte("new\n")
	var d bytes.Buffer
	if err := c.WriteDiff(&d); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(d.String(), "\n")
	if len(lines) < 2 || lines[0] != `--- "a/evil\nname\033[31m\"x\\y.md"` || !strings.HasPrefix(lines[1], "+++ \"b/evil") {
		t.Fatalf("headers:\n%s", d.String())
	}
	cmd := exec.Command("git", "apply", "--unsafe-paths", "-")
	cmd.Dir = dir
	cmd.Stdin = bytes.NewReader(d.Bytes())
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git apply: %v\n%s\ndiff:\n%s", err, out, d.String())
	}
	if got := readText(t, dir, name); got != "new\n" {
		t.Errorf("applied: %q", got)
	}
}
