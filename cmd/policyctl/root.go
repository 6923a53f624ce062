package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"
	"golang.org/x/term"
)

// Exit codes (SPEC §2).
const (
	exitOK       = 0
	exitProblems = 1 // the command ran and found problems
	exitUsage    = 2 // usage, configuration or input error
)

// errProblems is returned by a command that has already reported the
// problems it found (check findings, failed verification).
var errProblems = errors.New("problems found")

// factory holds what every command needs from its surroundings, as gh's
// cmdutil.Factory does: where output goes, where input comes from, whether
// a person is at a terminal. Commands share nothing else: each has its own
// options struct.
type factory struct {
	stdout, stderr io.Writer
	stdin          io.Reader
	// interactive reports whether a person can answer a prompt: standard
	// input and output are terminals.
	interactive func() bool
	// between, when set, is called by renumber and fix after the new
	// files are written aside and before they are checked against what
	// was read and moved into place: tests change a file there.
	between func()
}

func newFactory(stdin io.Reader, stdout, stderr io.Writer) *factory {
	return &factory{stdout: stdout, stderr: stderr, stdin: stdin, interactive: func() bool {
		in, ok1 := stdin.(*os.File)
		out, ok2 := stdout.(*os.File)
		return ok1 && ok2 && term.IsTerminal(int(in.Fd())) && term.IsTerminal(int(out.Fd()))
	}}
}

// Main runs policyctl with args and returns its exit code. Errors become
// exit codes here and nowhere else.
func Main(args []string, stdout, stderr io.Writer) int {
	return run(newFactory(os.Stdin, stdout, stderr), args)
}

func run(f *factory, args []string) int {
	root := newRootCmd(f)
	root.SetArgs(args)
	root.SetOut(f.stdout)
	root.SetErr(f.stderr)
	err := root.Execute()
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errProblems):
		return exitProblems
	}
	fmt.Fprintf(f.stderr, "policyctl: %v\n", err)
	return exitUsage
}

func newRootCmd(f *factory) *cobra.Command {
	root := &cobra.Command{
		Use:   "policyctl",
		Short: "情報セキュリティポリシーを git で管理する — keep an information security policy in git",
		Long: `policyctl keeps a municipality's 情報セキュリティポリシー — the public 基本方針 and
the non-public 対策基準 and 実施手順 — as Markdown in a git repository. It checks
the documents, records each committee's approval as an SSH signature, renders
the public and internal editions, writes the 改訂履歴 and prints the 新旧対照表.

Exit codes: 0 success, 1 problems found, 2 usage, configuration or input error.`,
		SilenceErrors: true,
		SilenceUsage:  true,
		Version:       version(),
	}
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return fmt.Errorf("%w\nRun '%s --help' for usage.", err, c.CommandPath())
	})
	root.AddCommand(
		newCmdCheck(f, nil),
		newCmdApprove(f, nil),
		newCmdVerify(f, nil),
		newCmdStatus(f, nil),
		newCmdSigners(f, nil),
		newCmdHistory(f, nil),
		newCmdDiff(f, nil),
		newCmdBuild(f, nil),
		newCmdRenumber(f, nil),
		newCmdFix(f, nil),
		newCmdDemo(f, nil),
		newCmdInit(f, nil),
		newCmdVersion(f),
	)
	root.AddCommand(newCmdMan(f, root))
	return root
}
