package main

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/policyctl/policyctl/internal/check"
	"github.com/policyctl/policyctl/internal/history"
)

func (a *app) checkCmd() *cobra.Command {
	var format, against string
	c := &cobra.Command{
		Use:   "check",
		Short: "validate front matter, encoding, numbering, links and references",
		Long: `check validates every document of the repository and reports all findings in one run:
front matter, text encoding, the approvals registry, numbering, Markdown links,
Japanese textual references (上記3, 前項, 第5条第2項) and visibility leaks.

It also compares the repository with the revision in force, when there is
one, or with --against REV: a reference that reads as it did there but that a
renumbering made point at another provision is an error (ref/renumbered),
with the number to write. --against none turns the comparison off.

Each finding is FILE:LINE:COL: SEVERITY RULE: message, with a hint.
Exit 0 when there is no error (warnings allowed), 1 when there is one.`,
		Example: `  policyctl check
  policyctl check -C policy-repo --format json
  policyctl check --rev HEAD~1
  policyctl check --against 2024-04-01
  policyctl check --format sarif > policyctl.sarif`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			_, r, err := a.load()
			if err != nil {
				return err
			}
			opts, err := a.against(against)
			if err != nil {
				return err
			}
			res := check.RunWith(r, opts)
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
	c.Flags().StringVar(&against, "against", "", "report references a renumbering moved since `REV` (default: the revision in force, when there is one; none: off)")
	return c
}

// against loads the revision check compares the repository with: rev, or
// by default the revision in force — none when the repository has no git
// history or no revision in force yet.
func (a *app) against(rev string) (check.Options, error) {
	switch rev {
	case "none":
		return check.Options{}, nil
	case "", history.InForceRev:
		t, err := history.Open(a.dir, history.InForceRev)
		if err != nil {
			if rev != "" {
				return check.Options{}, fmt.Errorf("--against %s: %w", rev, err)
			}
			if errors.Is(err, history.ErrShallow) {
				// The gate would pass what it cannot see: say so.
				fmt.Fprintf(a.stderr, "policyctl: not comparing with the revision in force (ref/renumbered): %v\n", err)
			}
			return check.Options{}, nil // nothing is in force yet: nothing to compare with
		}
		base, err := a.loadTree(t)
		if err != nil {
			return check.Options{}, fmt.Errorf("--against %s: %w", history.InForceRev, err)
		}
		name := "the revision in force"
		if t.Commit != nil {
			name += " (" + t.Commit.Hash.String()[:7] + ")"
		}
		return check.Options{Base: base, BaseName: name}, nil
	}
	t, err := history.Open(a.dir, rev)
	if err != nil {
		return check.Options{}, fmt.Errorf("--against %s: %w", rev, err)
	}
	base, err := a.loadTree(t)
	if err != nil {
		return check.Options{}, fmt.Errorf("--against %s: %w", rev, err)
	}
	return check.Options{Base: base, BaseName: t.Label()}, nil
}
