package main

import (
	"os"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
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
