package main

import (
	"bufio"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDocumentedCommands: every policyctl command line in the README and
// docs/ names a command and flags that exist, and every command and flag
// it uses is run by an end-to-end test script.
func TestDocumentedCommands(t *testing.T) {
	scripts, _ := filepath.Glob("testdata/script/*.txtar")
	var tested strings.Builder
	for _, s := range scripts {
		b, _ := os.ReadFile(s)
		tested.Write(b)
	}
	docs, _ := filepath.Glob("../../docs/*.md")
	docs = append(docs, "../../README.md")
	lines := 0
	for _, d := range docs {
		f, err := os.Open(d)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		inCode := false
		for n := 1; sc.Scan(); n++ {
			line := strings.TrimSpace(sc.Text())
			if strings.HasPrefix(line, "```") {
				inCode = !inCode
				continue
			}
			if !inCode || !strings.HasPrefix(line, "policyctl ") && !strings.HasPrefix(line, "go run ./cmd/policyctl ") {
				continue
			}
			line = strings.TrimPrefix(line, "go run ./cmd/policyctl ")
			line = strings.TrimPrefix(line, "policyctl ")
			if i := strings.Index(line, " #"); i >= 0 {
				line = line[:i]
			}
			if i := strings.Index(line, ">"); i >= 0 {
				line = line[:i]
			}
			args := strings.Fields(line)
			lines++
			root := newRootCmd(newFactory(nil, io.Discard, io.Discard))
			cmd, rest, err := root.Find(args)
			if err != nil || cmd == root {
				t.Errorf("%s:%d: policyctl %s: no such command", d, n, line)
				continue
			}
			if err := cmd.ParseFlags(rest); err != nil {
				t.Errorf("%s:%d: policyctl %s: %v", d, n, line, err)
				continue
			}
			if !strings.Contains(tested.String(), "policyctl "+cmd.Name()) {
				t.Errorf("%s:%d: no test script runs policyctl %s", d, n, cmd.Name())
			}
			for _, a := range rest {
				if strings.HasPrefix(a, "--") {
					flag, _, _ := strings.Cut(a, "=")
					if !strings.Contains(tested.String(), flag) {
						t.Errorf("%s:%d: no test script uses %s %s", d, n, cmd.Name(), flag)
					}
				}
			}
		}
		f.Close()
	}
	if lines < 20 {
		t.Errorf("only %d documented command lines", lines)
	}
}
