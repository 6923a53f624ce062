// Package golden compares test output with files under testdata/ and
// rewrites them when a test runs with -update.
package golden

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/sergi/go-diff/diffmatchpatch"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata/ with the current output")

// Check compares got with the golden file at path (relative to the test's
// package directory), or rewrites the file under -update.
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if string(want) != string(got) {
		dmp := diffmatchpatch.New()
		a, b, lines := dmp.DiffLinesToChars(string(want), string(got))
		diffs := dmp.DiffCharsToLines(dmp.DiffMain(a, b, false), lines)
		t.Errorf("%s differs from the output (- golden, + got; go test -update rewrites it):\n%s", path, lineDiff(diffs))
	}
}

func lineDiff(diffs []diffmatchpatch.Diff) string {
	var out []byte
	for _, d := range diffs {
		prefix := "  "
		switch d.Type {
		case diffmatchpatch.DiffDelete:
			prefix = "- "
		case diffmatchpatch.DiffInsert:
			prefix = "+ "
		case diffmatchpatch.DiffEqual:
			continue
		}
		start := 0
		for i := 0; i < len(d.Text); i++ {
			if d.Text[i] == '\n' {
				out = append(out, prefix...)
				out = append(out, d.Text[start:i+1]...)
				start = i + 1
			}
		}
		if start < len(d.Text) {
			out = append(out, prefix...)
			out = append(out, d.Text[start:]...)
			out = append(out, '\n')
		}
	}
	return string(out)
}

// Updating reports whether the test runs with -update, for harnesses that
// rewrite their own golden files (testscript's UpdateScripts).
func Updating() bool { return *update }
