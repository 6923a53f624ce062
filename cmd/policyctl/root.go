package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"

	"github.com/policyctl/policyctl/internal/history"

	"github.com/spf13/cobra"
	"go.yaml.in/yaml/v3"
	"golang.org/x/term"

	"github.com/policyctl/policyctl/internal/i18n"
	"github.com/policyctl/policyctl/internal/policy"
	"github.com/policyctl/policyctl/internal/progress"
	"github.com/policyctl/policyctl/internal/source"
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
	// quiet is --quiet: no progress.
	quiet bool
}

// meter returns a progress meter when a person is watching: standard
// error is a terminal, this is not CI, and --quiet was not given. Nil
// otherwise, which shows nothing: logs and pipes stay clean.
func (f *factory) meter() *progress.Meter {
	if f.quiet || os.Getenv("CI") != "" {
		return nil
	}
	e, ok := f.stderr.(*os.File)
	if !ok || !term.IsTerminal(int(e.Fd())) {
		return nil
	}
	return progress.New(e)
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
	earlyLang(args)
	root := newRootCmd(f)
	root.SetArgs(args)
	root.SetOut(f.stdout)
	root.SetErr(f.stderr)
	c, err := root.ExecuteC()
	if err != nil && c != nil {
		// A git object missing wherever it was read: say whether the clone
		// is partial, and how to fetch the history.
		dir := "."
		if fl := c.Flags().Lookup("dir"); fl != nil {
			dir = fl.Value.String()
		}
		err = history.ExplainMissingAt(dir, err)
	}
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errProblems):
		return exitProblems
	case errors.Is(err, history.ErrNoRevision):
		// Nothing recorded is nothing approved: the gate fails (exit 1),
		// it is not a usage error.
		fmt.Fprintf(f.stderr, "policyctl: %s\n", err)
		return exitProblems
	case errors.Is(err, history.ErrReplaced):
		// A history that is not the approved one's continuation is a
		// failed verification, not a usage error.
		fmt.Fprintf(f.stderr, "policyctl: %s\n", err)
		return exitProblems
	}
	fmt.Fprintf(f.stderr, "policyctl: %s\n", translateUsage(err.Error()))
	return exitUsage
}

// configLang reads the lang key of the policyctl.yaml a command will read
// (its -C folder), before anything else is read: messages about reading
// it are already in its language.
func configLang(c *cobra.Command) string {
	dir := "."
	if fl := c.Flags().Lookup("dir"); fl != nil {
		dir = fl.Value.String()
	}
	return configLangIn(dir)
}

// readLang reads the lang key of the policyctl.yaml in dir, "" when there
// is none or the file does not read: the command reports that itself. It
// is read as the repository is (source.ReadInRoot): a regular file, through
// no link out of the folder.
func readLang(dir string) string {
	b, err := source.ReadInRoot(dir, policy.ConfigFile)
	if err != nil {
		return ""
	}
	var cfg struct {
		Lang string `yaml:"lang"`
	}
	if err := yaml.Unmarshal(b, &cfg); err != nil {
		// A file that does not parse still says its language on a line
		// of its own: the error about it is then in that language.
		if m := langLine.FindSubmatch(b); m != nil {
			return string(m[1])
		}
	}
	return cfg.Lang
}

var langLine = regexp.MustCompile(`(?m)^lang:[ \t]*["']?([a-z]{2})["']?[ \t]*(?:#.*)?\r?$`)

func newRootCmd(f *factory) *cobra.Command {
	root := &cobra.Command{
		Use:   "policyctl",
		Short: i18n.T("情報セキュリティポリシーを git で管理する — keep an information security policy in git"),
		Long: i18n.T(`policyctl keeps a municipality's 情報セキュリティポリシー — the public 基本方針 and
the non-public 対策基準 and 実施手順 — as Markdown in a git repository. It checks
the documents, records each committee's approval as an SSH signature, renders
the public and internal editions, writes the 改訂履歴 and prints the 新旧対照表.

Exit codes: 0 success, 1 problems found, 2 usage, configuration or input error.`),
		SilenceErrors: true,
		SilenceUsage:  true,
		Version:       version(),
	}
	var lang string
	root.PersistentFlags().BoolVarP(&f.quiet, "quiet", "q", false, i18n.T("show no progress, even on a terminal"))
	root.PersistentFlags().StringVar(&lang, "lang", "", i18n.T("the language of messages, `LANG`: ja or en (default: POLICYCTL_LANG, lang in policyctl.yaml, then the locale)"))
	root.PersistentPreRunE = func(c *cobra.Command, _ []string) error {
		l, err := i18n.Resolve(lang, configLang(c))
		if err != nil {
			return err
		}
		i18n.Set(l)
		for _, name := range policy.IgnoredEnv(os.Environ()) {
			fmt.Fprintln(f.stderr, i18n.Sprintf("policyctl: warning: %s is ignored: the key it names decides what editions show and what approvals name, so only the approved policyctl.yaml sets it", name))
		}
		return nil
	}
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return i18n.Errorf("%w\nRun '%s --help' for usage.", err, c.CommandPath())
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
	root.SetOut(f.stdout)
	root.SetErr(f.stderr)
	localizeHelp(root)
	return root
}

// noArgs is cobra.NoArgs in words a reader understands: cobra calls the
// argument an unknown command.
func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return i18n.Errorf("%s takes no arguments, and %q is one (see %s --help)", cmd.CommandPath(), args[0], cmd.CommandPath())
	}
	return nil
}
