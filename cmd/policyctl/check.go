package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/policyctl/policyctl/internal/check"
)

func (a *app) checkCmd() *cobra.Command {
	var format string
	c := &cobra.Command{
		Use:   "check",
		Short: "validate front matter, encoding, numbering, links and references",
		Long: `check validates every document of the repository and reports all findings in one run:
front matter, text encoding, the approvals registry, numbering, Markdown links,
Japanese textual references (上記3, 前項, 第5条第2項) and visibility leaks.

Each finding is FILE:LINE:COL: SEVERITY RULE: message, with a hint.
Exit 0 when there is no error (warnings allowed), 1 when there is one.`,
		Example: `  policyctl check
  policyctl check -C policy-repo --format json
  policyctl check --rev HEAD~1
  policyctl check --format sarif > policyctl.sarif`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			_, r, err := a.load()
			if err != nil {
				return err
			}
			res := check.Run(r)
			switch format {
			case "text":
				err = res.WriteText(a.stdout, len(r.Docs))
			case "json":
				err = res.WriteJSON(a.stdout)
			case "github":
				err = res.WriteGitHub(a.stdout)
			case "sarif":
				err = res.WriteSARIF(a.stdout, version())
			default:
				return fmt.Errorf("--format %q: expected text, json, github or sarif", format)
			}
			if err != nil {
				return err
			}
			if res.Errors > 0 {
				return errProblems
			}
			return nil
		},
	}
	a.repoFlags(c)
	c.Flags().StringVar(&format, "format", "text", "output `FORMAT`: text, json, github (workflow annotations) or sarif (code scanning)")
	return c
}
