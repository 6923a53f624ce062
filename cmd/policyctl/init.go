package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/policyctl/policyctl/internal/scaffold"
)

func (a *app) initCmd() *cobra.Command {
	var o scaffold.Options
	var keyFile string
	c := &cobra.Command{
		Use:   "init [DIR]",
		Short: "create a new policy repository",
		Long: `init writes a new, minimal policy repository into DIR (default: the current
directory): policyctl.yaml, approvals/registry.yaml, one document per tier and
.gitattributes, the CI workflow .github/workflows/policy.yml, and runs git init
unless DIR is already in a git repository.`,
		Example: `  policyctl init --org-id ena --org-name 恵那市 ena-policy`,
		Args:    cobra.MaximumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			dir := "."
			if len(args) == 1 {
				dir = args[0]
			}
			if keyFile != "" {
				b, err := os.ReadFile(keyFile)
				if err != nil {
					return err
				}
				o.Key = string(b)
			}
			files, err := scaffold.Write(dir, o)
			if err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "Created a policy repository in %s:\n", dir)
			for _, f := range files {
				fmt.Fprintf(a.stdout, "  %s\n", f)
			}
			fmt.Fprintf(a.stdout, "\nNext: add the members and their SSH public keys to approvals/registry.yaml, commit, then run policyctl check -C %s\n", dir)
			return nil
		},
	}
	c.Flags().StringVar(&o.OrgID, "org-id", "city", "the organisation's `ID` ([a-z0-9-]+)")
	c.Flags().StringVar(&o.OrgName, "org-name", "〇〇市", "the organisation's `NAME`, such as 恵那市")
	c.Flags().StringVar(&keyFile, "key", "", "the secretary's SSH public key `FILE` (such as ~/.ssh/id_ed25519.pub), so approvals can start at once")
	return c
}
