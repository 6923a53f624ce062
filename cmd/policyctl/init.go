package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/policyctl/policyctl/scaffold"
)

func (a *app) initCmd() *cobra.Command {
	var o scaffold.Options
	c := &cobra.Command{
		Use:   "init [DIR]",
		Short: "create a new policy repository",
		Long: `init writes a new, minimal policy repository into DIR (default: the current
directory): policyctl.yaml, approvals/registry.yaml, one document per tier and
.gitattributes, and runs git init unless DIR is already in a git repository.`,
		Example: `  policyctl init --org-id ena --org-name 恵那市 ena-policy`,
		Args:    cobra.MaximumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			dir := "."
			if len(args) == 1 {
				dir = args[0]
			}
			files, err := scaffold.Write(dir, o)
			if err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "Created a policy repository in %s:\n", dir)
			for _, f := range files {
				fmt.Fprintf(a.stdout, "  %s\n", f)
			}
			fmt.Fprintf(a.stdout, "\nNext: add the members' SSH public keys to approvals/registry.yaml, then run policyctl check -C %s\n", dir)
			return nil
		},
	}
	c.Flags().StringVar(&o.OrgID, "org-id", "city", "the organisation's `ID` ([a-z0-9-]+)")
	c.Flags().StringVar(&o.OrgName, "org-name", "〇〇市", "the organisation's `NAME`, such as 恵那市")
	return c
}
