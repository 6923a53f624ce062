package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"
	"golang.org/x/crypto/ssh"

	"github.com/policyctl/policyctl/internal/i18n"
	"github.com/policyctl/policyctl/internal/scaffold"
)

type initOptions struct {
	f       *factory
	Dir     string
	KeyFile string
	scaffold.Options
}

func newCmdInit(f *factory, runF func(*initOptions) error) *cobra.Command {
	opts := &initOptions{f: f}
	c := &cobra.Command{
		Use:   "init [DIR]",
		Short: i18n.T("create a new policy repository"),
		Long: i18n.T(`init writes a new, minimal policy repository into DIR (default: the current
directory): policyctl.yaml, approvals/registry.yaml, one document per tier,
.gitattributes, and the CI workflow .github/workflows/policy.yml — at the root
of the git repository when DIR is a folder inside one, with DIR as its working
directory — and runs git init unless DIR is already in a git repository.

The workflow installs the policyctl version that wrote it, checks every pull
request, and publishes the public edition on every push and once a day, so the
site switches to a revision on its effective date without anyone pushing.`),
		Example: i18n.T(`  policyctl init --org-id sakuradai --org-name さくら台市 sakuradai-policy`),
		Args:    cobra.MaximumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.Dir = "."
			if len(args) == 1 {
				opts.Dir = args[0]
			}
			if runF != nil {
				return runF(opts)
			}
			return initRun(opts)
		},
	}
	c.Flags().StringVar(&opts.OrgID, "org-id", "city", i18n.T("the organisation's `ID` ([a-z0-9-]+)"))
	c.Flags().StringVar(&opts.OrgName, "org-name", "〇〇市", i18n.T("the organisation's `NAME`, such as さくら台市"))
	c.Flags().StringVar(&opts.KeyFile, "key", "", i18n.T("the secretary's SSH public key `FILE` (such as ~/.ssh/id_ed25519.pub), so approvals can start at once"))
	return c
}

func initRun(opts *initOptions) error {
	w := opts.f.stdout
	if opts.KeyFile != "" {
		b, err := os.ReadFile(opts.KeyFile)
		if err != nil {
			return i18n.Errorf("--key %s: the file cannot be read (%v)", opts.KeyFile, err)
		}
		if _, _, _, _, err := ssh.ParseAuthorizedKey(b); err != nil {
			return i18n.Errorf("--key %s is not an SSH public key (one line such as ssh-ed25519 AAAA… name): give the .pub file, never the private key", opts.KeyFile)
		}
		opts.Key = string(b)
	}
	opts.Version = pinnedVersion()
	files, err := scaffold.Write(opts.Dir, opts.Options)
	if err != nil {
		return err
	}
	i18n.Fprintf(w, "Created a policy repository in %s:\n", opts.Dir)
	for _, file := range files {
		fmt.Fprintf(w, "  %s\n", file)
	}
	if opts.Version == "latest" {
		i18n.Fprintf(opts.f.stderr, "policyctl: this policyctl has no version (built from a work tree): the workflow installs @latest; pin it to the release you use\n")
	}
	if opts.Key != "" {
		// The key given is the secretariat's, as member "secretary" of
		// the mayor's committee: say what to type to approve with it.
		i18n.Fprintf(w, "\nThe key is member \"secretary\" of committee \"mayor\" in approvals/registry.yaml: approve with policyctl approve --committee mayor --member secretary --key <the private key>.\n")
		// The registry and allowed_signers already hold the key.
		i18n.Fprintf(w, "\nNext: add the other members and their keys to approvals/registry.yaml when you have them (then run policyctl signers), commit, then run policyctl check -C %s\n", opts.Dir)
		return nil
	}
	i18n.Fprintf(w, "\nNext: add the members and their SSH public keys to approvals/registry.yaml, run policyctl signers, commit, then run policyctl check -C %s\n", opts.Dir)
	return nil
}
