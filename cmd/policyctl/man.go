package main

import (
	"os"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"

	"github.com/policyctl/policyctl/internal/i18n"
)

// manDate is the date printed in the man pages: fixed, so that the
// generated docs/man is the same on every machine.
var manDate = time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)

func newCmdMan(f *factory, root *cobra.Command) *cobra.Command {
	var out, md string
	c := &cobra.Command{
		Use:   "man",
		Short: i18n.T("write man pages for every command"),
		Long: i18n.T(`man writes a man page for policyctl and each of its commands into DIR, for
packagers. The project keeps them in docs/man.`),
		Example: i18n.T(`  policyctl man -o docs/man --markdown docs/commands
  man docs/man/policyctl-diff.1`),
		Args: noArgs,
		RunE: func(*cobra.Command, []string) error {
			if err := os.MkdirAll(out, 0o755); err != nil {
				return err
			}
			root.DisableAutoGenTag = true
			localizeTree(root)
			h := &doc.GenManHeader{Title: "POLICYCTL", Section: "1", Source: "policyctl", Manual: "policyctl manual", Date: &manDate}
			if err := doc.GenManTree(root, h, out); err != nil {
				return err
			}
			if md != "" {
				if err := os.MkdirAll(md, 0o755); err != nil {
					return err
				}
				if err := doc.GenMarkdownTree(root, md); err != nil {
					return err
				}
			}
			i18n.Fprintf(f.stdout, "wrote man pages to %s\n", out)
			return nil
		},
	}
	c.Flags().StringVarP(&out, "output", "o", "man", i18n.T("write the pages into `DIR`"))
	c.Flags().StringVar(&md, "markdown", "", i18n.T("also write a Markdown reference page per command into `DIR`"))
	return c
}
