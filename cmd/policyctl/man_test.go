package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// TestManPagesUpToDate: docs/man is what policyctl man writes today, in
// English whatever the locale. Run go run ./cmd/policyctl man -o docs/man
// --markdown docs/commands --lang en after changing a command.
func TestManPagesUpToDate(t *testing.T) {
	dir := t.TempDir()
	md := t.TempDir()
	if code := Main([]string{"man", "-o", dir, "--markdown", md, "--lang", "en"}, io.Discard, os.Stderr); code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, c := range []struct{ got, want, glob string }{{dir, "../../docs/man", "*.1"}, {md, "../../docs/commands", "*.md"}} {
		got, _ := filepath.Glob(filepath.Join(c.got, c.glob))
		want, _ := filepath.Glob(filepath.Join(c.want, c.glob))
		if len(got) != len(want) || len(got) < 10 {
			t.Fatalf("%d pages written, %d in %s", len(got), len(want), c.want)
		}
		for _, p := range got {
			a, _ := os.ReadFile(p)
			b, err := os.ReadFile(filepath.Join(c.want, filepath.Base(p)))
			if err != nil || !bytes.Equal(a, b) {
				t.Errorf("%s/%s is out of date: run go run ./cmd/policyctl man -o docs/man --markdown docs/commands --lang en", c.want, filepath.Base(p))
			}
		}
	}
}

func TestCompletion(t *testing.T) {
	for _, sh := range []string{"bash", "zsh", "fish", "powershell"} {
		var out bytes.Buffer
		if code := Main([]string{"completion", sh}, &out, os.Stderr); code != 0 || out.Len() < 1000 {
			t.Errorf("completion %s: exit %d, %d bytes", sh, code, out.Len())
		}
	}
}
