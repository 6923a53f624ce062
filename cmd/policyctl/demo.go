package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/policyctl/policyctl/check"
	"github.com/policyctl/policyctl/demo"
)

func (a *app) demoCmd() *cobra.Command {
	var out string
	var force bool
	c := &cobra.Command{
		Use:   "demo",
		Short: "build the embedded example repository and run policyctl on it",
		Long: `demo writes the embedded example — the policy of みどり野市, a fictional city — as a
git repository with its history, then runs policyctl on it and says what it made.
The demo keys it generates are derived from fixed seeds: never use them for real.`,
		Example: `  policyctl demo -o /tmp/policyctl-demo
  policyctl demo -o /tmp/policyctl-demo --force`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			res, err := demo.Build(out, force)
			if err != nil {
				return err
			}
			w := a.stdout
			fmt.Fprintf(w, "みどり野市の情報セキュリティポリシーを %s に作成しました。\n", res.Dir)
			fmt.Fprintf(w, "Wrote the example policy repository to %s\n\n", res.Dir)
			var revs []string
			for _, r := range res.Revisions {
				revs = append(revs, r.ID+" "+r.Kind)
			}
			fmt.Fprintf(w, "  git history  %d commits; revisions %s; %d draft commit(s) after the last revision\n", res.Commits, strings.Join(revs, ", "), res.Drafts)
			fmt.Fprintf(w, "  approvals    %d signatures by the members of 7 committees, one set per revision\n", res.Approvals)
			fmt.Fprintf(w, "  demo keys    %d members, in %s/ (demo only)\n\n", len(res.Keys), demo.KeyDir)

			a.dir = res.Dir
			t, r, err := a.load()
			if err != nil {
				return err
			}
			_ = t
			fmt.Fprintf(w, "$ policyctl check -C %s\n", res.Dir)
			chk := check.Run(r)
			if err := chk.WriteText(w, len(r.Docs)); err != nil {
				return err
			}
			if chk.Errors > 0 {
				return fmt.Errorf("the embedded example does not pass check: this is a bug in policyctl")
			}
			last := res.Revisions[len(res.Revisions)-1].ID
			fmt.Fprintf(w, "\n$ policyctl verify -C %s --revision %s\n", res.Dir, last)
			v, against, _, err := a.verdict(last)
			if err != nil {
				return err
			}
			if err := v.WriteText(w, against); err != nil {
				return err
			}
			fmt.Fprintf(w, "\n$ policyctl status -C %s\n", res.Dir)
			fmt.Fprintf(w, "(the working tree holds a draft edit made after %s: the CI gate, policyctl verify, fails until the committees approve it)\n", last)
			v, _, r, err = a.verdict("")
			if err != nil {
				return err
			}
			if err := v.WriteMatrix(w, r); err != nil {
				return err
			}
			fmt.Fprintf(w, "\nNext: cd %s && git log --oneline\n", res.Dir)
			return nil
		},
	}
	c.Flags().StringVarP(&out, "output", "o", "policyctl-demo", "write the example repository to `DIR`")
	c.Flags().BoolVar(&force, "force", false, "replace DIR even if it is not empty")
	return c
}
