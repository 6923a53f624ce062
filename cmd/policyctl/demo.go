package main

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/policyctl/policyctl/internal/check"
	"github.com/policyctl/policyctl/internal/demo"
	"github.com/policyctl/policyctl/internal/diff"
	"github.com/policyctl/policyctl/internal/history"
	"github.com/policyctl/policyctl/site"
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
			fmt.Fprintf(w, "$ policyctl check -C %s\n", res.Dir)
			base, err := a.against("")
			if err != nil {
				return err
			}
			chk := check.RunWith(r, base)
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
			v, _, heads, err := a.verdict("")
			if err != nil {
				return err
			}
			if err := v.WriteMatrix(w, heads); err != nil {
				return err
			}
			fmt.Fprintf(w, "\n$ policyctl history -C %s\n", res.Dir)
			entries, err := a.historyEntries(r)
			if err != nil {
				return err
			}
			if err := history.WriteText(w, r.Config.Title, entries); err != nil {
				return err
			}

			fmt.Fprintf(w, "\n$ policyctl diff -C %s   (in-force against the working tree)\n", res.Dir)
			_, om, err := a.openModel(history.InForceRev)
			if err != nil {
				return err
			}
			d := diff.Compare(om, r, diff.Options{})
			d.Old, d.New = "in-force ("+last+")", "作業中 (working tree)"
			if err := d.WriteText(w, diff.TextOptions{Width: 100}); err != nil {
				return err
			}

			siteDir := filepath.Join(res.Dir, "_site")
			fmt.Fprintf(w, "\n$ policyctl build -C %s -o %s\n", res.Dir, siteDir)
			opts := site.Options{Dir: siteDir, Editions: r.Config.EditionList()}
			if err := a.siteHistory(t, r, &opts); err != nil {
				return err
			}
			written, err := site.Build(r, opts)
			if err != nil {
				return a.buildError(err)
			}
			for _, p := range written {
				fmt.Fprintf(w, "wrote %s/index.html\n", p)
			}
			fmt.Fprintf(w, "\nThe site: file://%s\n", filepath.Join(siteDir, "public", "index.html"))
			fmt.Fprintf(w, "The internal edition (not for publication): file://%s\n", filepath.Join(siteDir, "internal", "index.html"))
			fmt.Fprintf(w, "Next: cd %s && git log --oneline; policyctl diff 2021-10-01 2024-04-01 --format html -o shinkyu.html\n", res.Dir)
			return nil
		},
	}
	c.Flags().StringVarP(&out, "output", "o", "policyctl-demo", "write the example repository to `DIR`")
	c.Flags().BoolVar(&force, "force", false, "replace DIR even if it is not empty")
	return c
}
