package main

import (
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/policyctl/policyctl/internal/golden"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"policyctl": func() { os.Exit(Main(os.Args[1:], os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs the end-to-end tests in testdata/script: each script is
// a repository, the commands run on it, and their expected output and exit
// codes.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		UpdateScripts:       golden.Updating(),
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"insert-section": insertSection,
			"replace":        replaceText,
			"edit":           editText,
			"racing":         racing,
		},
		Setup: func(env *testscript.Env) error {
			env.Setenv("HOME", env.WorkDir)
			env.Setenv("GIT_AUTHOR_NAME", "テスト")
			env.Setenv("GIT_AUTHOR_EMAIL", "test@example.jp")
			env.Setenv("GIT_COMMITTER_NAME", "テスト")
			env.Setenv("GIT_COMMITTER_EMAIL", "test@example.jp")
			return nil
		},
	})
}

// insertSection FILE N TITLE inserts a section "## N. TITLE" before the
// document's section N and renumbers the "## M." headings from N on, as an
// editor does — without touching a single reference.
func insertSection(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: insert-section FILE N TITLE")
	}
	n, err := strconv.Atoi(args[1])
	ts.Check(err)
	path := ts.MkAbs(args[0])
	b, err := os.ReadFile(path)
	ts.Check(err)
	heading := regexp.MustCompile(`(?m)^## ([0-9]+)\. `)
	inserted := false
	out := heading.ReplaceAllStringFunc(string(b), func(h string) string {
		m, _ := strconv.Atoi(heading.FindStringSubmatch(h)[1])
		if m < n {
			return h
		}
		h = fmt.Sprintf("## %d. ", m+1)
		if m == n {
			inserted = true
			h = fmt.Sprintf("## %d. %s\n\n本市は、この節の考え方に従って対策を講じる。\n\n", n, args[2]) + h
		}
		return h
	})
	if !inserted {
		ts.Fatalf("%s has no section ## %d.", args[0], n)
	}
	ts.Check(os.WriteFile(path, []byte(out), 0o644))
}

// replace FILE OLD NEW replaces the one occurrence of OLD in FILE.
func replaceText(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: replace FILE OLD NEW")
	}
	path := ts.MkAbs(args[0])
	b, err := os.ReadFile(path)
	ts.Check(err)
	if c := strings.Count(string(b), args[1]); c != 1 {
		ts.Fatalf("%s holds %q %d times, not once", args[0], args[1], c)
	}
	ts.Check(os.WriteFile(path, []byte(strings.Replace(string(b), args[1], args[2], 1)), 0o644))
}

// edit FILE OLD NEW replaces the one occurrence of OLD in FILE, where \n
// in OLD and NEW stands for a line end: for edits of several lines.
func editText(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: edit FILE OLD NEW")
	}
	unescape := strings.NewReplacer(`\n`, "\n").Replace
	replaceText(ts, false, []string{args[0], unescape(args[1]), unescape(args[2])})
}

// racing FILE TEXT ARGS… runs policyctl ARGS in this process and appends
// TEXT to FILE after renumber or fix have written their files aside and
// before they compare the files on disk with what they read: an editor
// saving a file meanwhile. Paths in ARGS are the script's ($WORK/…).
func racing(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) < 3 {
		ts.Fatalf("usage: racing FILE TEXT ARGS…")
	}
	path := ts.MkAbs(args[0])
	f := newFactory(strings.NewReader(""), ts.Stdout(), ts.Stderr())
	f.between = func() {
		b, err := os.ReadFile(path)
		ts.Check(err)
		ts.Check(os.WriteFile(path, append(b, args[1]...), 0o644))
	}
	code := run(f, args[2:])
	if neg != (code != 0) {
		ts.Fatalf("policyctl %s: exit %d", strings.Join(args[2:], " "), code)
	}
}
