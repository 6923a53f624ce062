package main

import (
	"bufio"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"

	"github.com/policyctl/policyctl/internal/demo"
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
			line := strings.TrimPrefix(strings.TrimSpace(sc.Text()), "$ ")
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

// TestDocumentedOutput: the output the README and the guides show for
// status, history and diff is what those commands print on the demo, line
// for line in order ("…" stands for lines left out).
func TestDocumentedOutput(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "demo")
	if _, err := demo.Build(dir, false); err != nil {
		t.Fatal(err)
	}
	// The examples were printed in a Japanese locale, where go-runewidth
	// counts East Asian ambiguous characters (①, －, …) as two columns.
	ea := runewidth.DefaultCondition.EastAsianWidth
	runewidth.DefaultCondition.EastAsianWidth = true
	defer func() { runewidth.DefaultCondition.EastAsianWidth = ea }()
	docs := []string{"../../README.md", "../../docs/guide.ja.md", "../../docs/guide.md"}
	blocks := 0
	for _, d := range docs {
		b, err := os.ReadFile(d)
		if err != nil {
			t.Fatal(err)
		}
		for _, blk := range consoleBlocks(string(b)) {
			args := strings.Fields(strings.TrimPrefix(blk.lines[0], "$ policyctl "))
			switch args[0] {
			case "status", "history", "diff", "verify":
			default:
				continue // shown on an edited demo
			}
			blocks++
			var out, errOut strings.Builder
			Main(append(args, "-C", dir, "--lang", "ja"), &out, &errOut)
			got := strings.Split(out.String(), "\n")
			i := 0
			for _, want := range blk.lines[1:] {
				if want == "…" {
					continue
				}
				for i < len(got) && got[i] != want {
					i++
				}
				if i == len(got) {
					t.Errorf("%s:%d: %s prints no line\n\t%s\nin this place; it printed:\n%s", d, blk.line, blk.lines[0], want, out.String())
					break
				}
				i++
			}
		}
	}
	if blocks < 6 {
		t.Errorf("only %d documented outputs checked", blocks)
	}
}

type consoleBlock struct {
	line  int
	lines []string
}

// consoleBlocks returns the ```console blocks that start with a
// policyctl command.
func consoleBlocks(md string) []consoleBlock {
	var out []consoleBlock
	var cur *consoleBlock
	for n, line := range strings.Split(md, "\n") {
		switch {
		case cur == nil && line == "```console":
			cur = &consoleBlock{line: n + 2}
		case cur != nil && line == "```":
			if len(cur.lines) > 0 && strings.HasPrefix(cur.lines[0], "$ policyctl ") {
				out = append(out, *cur)
			}
			cur = nil
		case cur != nil:
			cur.lines = append(cur.lines, line)
		}
	}
	return out
}
