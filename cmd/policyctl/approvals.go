package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/crypto/ssh"

	"github.com/policyctl/policyctl/approvals"
	"github.com/policyctl/policyctl/internal/check"
	"github.com/policyctl/policyctl/internal/history"
	"github.com/policyctl/policyctl/internal/policy"
	"github.com/policyctl/policyctl/internal/source"
)

// previousRules finds the revision in force before id in the history that
// ends at HEAD, and its rules. Without git there is none; a shallow clone
// is an error, because the rules it would miss may be the ones that fail.
func previousRules(t *source.Tree, id string) (*approvals.Rules, string, *history.Recorded, error) {
	w, err := history.FromHead(t, policy.LoadOptions{})
	if errors.Is(err, history.ErrNoGit) {
		return nil, "", nil, nil
	}
	if err != nil {
		if strings.Contains(err.Error(), "no commits yet") {
			return nil, "", nil, nil
		}
		return nil, "", nil, err
	}
	recs, err := w.Revisions()
	if err != nil {
		return nil, "", nil, err
	}
	prev := history.PreviousInForce(recs, id)
	if prev == nil {
		return nil, "", nil, nil
	}
	return approvals.RulesOf(prev.Model), prev.ID, prev, nil
}

func (a *app) approveCmd() *cobra.Command {
	var req approvals.Request
	var keyFile string
	c := &cobra.Command{
		Use:   "approve",
		Short: "sign the current content for a revision, as a member of a committee",
		Long: `approve records one member's approval of the current content for a revision:
it shows what is approved (documents, SHA-256 digests, what changed since the
revision in force), signs the canonical payload with the member's SSH key (the
--key file, or ssh-agent) and writes approvals/ID/COMMITTEE.MEMBER.json and .sig.
The first approval of a revision also writes approvals/ID/revision.yaml.

It refuses a member who is not in the committee, a key the registry does not
give the member, and content that fails policyctl check.`,
		Example: `  policyctl approve --revision 2026-03-31 --kind 改訂 --committee mayor --member yamamoto --key ~/.ssh/id_ed25519
  policyctl approve --revision 2026-03-31 --committee council --member saito   # key from ssh-agent`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			t, r, err := a.load()
			if err != nil {
				return err
			}
			// Approve refuses content that fails check — compared with the
			// revision in force, so a renumbering that moved a reference's
			// target blocks it too — except for a stale allowed_signers,
			// which it rewrites itself.
			opts, err := a.against("")
			if err != nil {
				return err
			}
			chk := check.RunWith(r, opts)
			var blocking []policy.Finding
			for _, f := range chk.Findings {
				if f.Severity == policy.Error && f.Rule != "approvals/allowed-signers" {
					blocking = append(blocking, f)
				}
			}
			if len(blocking) > 0 {
				chk.Findings, chk.Errors, chk.Warnings = blocking, len(blocking), 0
				_ = chk.WriteText(a.stderr, len(r.Docs))
				return fmt.Errorf("the content fails check with %d errors: fix them before approving", len(blocking))
			}
			prevRules, prevID, prev, err := previousRules(t, req.Revision)
			if err != nil {
				return err
			}
			p, isNew, err := approvals.Prepare(t.FS, r, prevRules, req)
			if err != nil {
				return err
			}
			m := r.Registry.Member(req.Member)
			var signer ssh.Signer
			if keyFile != "" {
				if signer, err = approvals.KeyFileSigner(keyFile); err != nil {
					return err
				}
			} else {
				s, closeAgent, err := approvals.AgentSigner(m.PublicKeys)
				if err != nil {
					return err
				}
				defer closeAgent()
				signer = s
			}
			if err := approvals.CheckKey(r, req.Member, signer.PublicKey()); err != nil {
				return err
			}
			writeApprovalPreview(a.stdout, r, p, isNew, prevID, prev)
			res, err := approvals.Approve(t.Dir, r, p, isNew, signer)
			if err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "\nSigned with %s %s. Wrote:\n", signer.PublicKey().Type(), ssh.FingerprintSHA256(signer.PublicKey()))
			for _, f := range res.Files {
				fmt.Fprintf(a.stdout, "  %s\n", f)
			}
			base := approvals.Dir(p.Revision) + "/" + approvals.FileName(p.Committee, p.Member)
			fmt.Fprintf(a.stdout, "\nAnyone can check it with OpenSSH:\n  ssh-keygen -Y verify -f %s -I %s -n %s -s %s.sig < %s.json\n",
				policy.AllowedSignersFile, p.Member, approvals.Namespace, base, base)
			fmt.Fprintf(a.stdout, "Commit these files; policyctl status shows who else must approve.\n")
			return nil
		},
	}
	c.Flags().StringVarP(&a.dir, "dir", "C", ".", "the policy repository `DIR`")
	c.Flags().StringVar(&req.Revision, "revision", "", "the revision `ID`: its effective date, YYYY-MM-DD (required)")
	c.Flags().StringVar(&req.Kind, "kind", "", "the revision's `KIND` (策定, 改訂, 一部改正, 全部改正, 廃止) when it is new; default 改訂")
	c.Flags().StringVar(&req.Committee, "committee", "", "the committee `ID` (required)")
	c.Flags().StringVar(&req.Member, "member", "", "the member `ID` (required)")
	c.Flags().StringVar(&keyFile, "key", "", "sign with this private key `FILE` instead of ssh-agent")
	for _, f := range []string{"revision", "committee", "member"} {
		_ = c.MarkFlagRequired(f)
	}
	return c
}

func writeApprovalPreview(w io.Writer, r *policy.Repo, p *approvals.Payload, isNew bool, prevID string, prev *history.Recorded) {
	c := r.Registry.Committee(p.Committee)
	m := r.Registry.Member(p.Member)
	state := "an existing revision"
	if isNew {
		state = "a new revision"
	}
	fmt.Fprintf(w, "%s (%s) approves revision %s (%s, %s) for %s (%s).\n", m.Name, m.ID, p.Revision, p.Kind, state, c.Name, c.ID)
	fmt.Fprintf(w, "Organisation %s, registry sha256 %s\n\nDocuments approved (SHA-256 of their exact bytes):\n", p.Organization, p.RegistrySHA256[:16])
	for _, d := range p.Documents {
		fmt.Fprintf(w, "  %s  %s (%s)\n", d.SHA256[:16], d.Path, d.ID)
	}
	if prev != nil {
		fmt.Fprintf(w, "\nChanged since %s, the revision in force:\n", prevID)
		old := map[string]string{}
		for _, d := range prev.Model.Docs {
			old[d.Meta.ID] = approvals.Digest(d.Source)
		}
		n := 0
		for _, d := range p.Documents {
			switch o, ok := old[d.ID]; {
			case !ok:
				fmt.Fprintf(w, "  added     %s\n", d.Path)
				n++
			case o != d.SHA256:
				fmt.Fprintf(w, "  modified  %s\n", d.Path)
				n++
			}
		}
		if n == 0 {
			fmt.Fprintf(w, "  (none of the documents this committee approves)\n")
		}
		fmt.Fprintf(w, "  policyctl diff %s shows the 新旧対照表.\n", prevID)
	}
}

func (a *app) verifyCmd() *cobra.Command {
	var revision, format string
	c := &cobra.Command{
		Use:   "verify",
		Short: "check every approval the revision needs",
		Long: `verify checks the approvals of a revision. Without --revision it checks the newest
recorded revision against the working tree (or --rev): the CI gate, which fails
as soon as a document changes after its approval. With --revision ID it checks
that revision against the content it was approved with.

Each approval counts when its signature verifies with a key the registry gives
the member, the member is in the committee, and the payload names the exact
current bytes of every document the committee approves. The rules of the
revision in force before are applied too. Exit 1 when anything is missing,
invalid or stale.`,
		Example: `  policyctl verify
  policyctl verify --revision 2024-04-01
  policyctl verify --format markdown >> "$GITHUB_STEP_SUMMARY"`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			v, against, _, err := a.verdict(revision)
			if err != nil {
				return err
			}
			switch format {
			case "text":
				err = v.WriteText(a.stdout, against)
			case "json":
				err = v.WriteJSON(a.stdout)
			case "markdown":
				err = v.WriteMarkdown(a.stdout, against)
			default:
				return fmt.Errorf("--format %q: expected text, json or markdown", format)
			}
			if err != nil {
				return err
			}
			if !v.OK {
				return errProblems
			}
			return nil
		},
	}
	a.repoFlags(c)
	c.Flags().StringVar(&revision, "revision", "", "check this revision `ID` against the content it was approved with")
	c.Flags().StringVar(&format, "format", "text", "output `FORMAT`: text, json or markdown")
	return c
}

// verdict verifies a revision: the newest in the tree the flags name, or
// the one given, against the content it was approved with.
func (a *app) verdict(revision string) (*approvals.Verdict, string, *policy.Repo, error) {
	t, err := a.tree()
	if err != nil {
		return nil, "", nil, err
	}
	if revision != "" {
		if !approvals.ValidRevisionID(revision) {
			return nil, "", nil, fmt.Errorf("--revision %q: expected a revision id, YYYY-MM-DD", revision)
		}
		w, err := history.FromHead(t, policy.LoadOptions{})
		if err != nil {
			return nil, "", nil, fmt.Errorf("--revision %s: %w", revision, err)
		}
		recs, err := w.Revisions()
		if err != nil {
			return nil, "", nil, err
		}
		rec := history.Find(recs, revision)
		if rec != nil && rec.InForce {
			return rec.Verdict, fmt.Sprintf("its content, commit %s of %s", history.ShortHash(rec.Commit), rec.Commit.Committer.When.Format("2006-01-02")), rec.Model, nil
		}
		if rec == nil {
			return nil, "", nil, fmt.Errorf("--revision %s: no such revision is recorded in the history (approvals/%s/revision.yaml)", revision, revision)
		}
		// A draft: show what is missing against the tree the flags name.
	}
	r, err := a.loadTreeOpts(t, policy.LoadOptions{HeadOnly: true})
	if err != nil {
		return nil, "", nil, err
	}
	id := revision
	if id == "" {
		ids, err := approvals.ListRevisions(t.FS)
		if err != nil {
			return nil, "", nil, err
		}
		if len(ids) == 0 {
			return nil, "", nil, errors.New("no revision is recorded yet: the first approval (policyctl approve --revision YYYY-MM-DD …) records one")
		}
		id = ids[len(ids)-1]
	}
	prevRules, prevID, _, err := previousRules(t, id)
	if err != nil {
		return nil, "", nil, err
	}
	v, err := approvals.Verify(t.FS, r, id, prevRules, prevID)
	if err != nil {
		return nil, "", nil, err
	}
	return v, "the " + t.Label(), r, nil
}

func (a *app) statusCmd() *cobra.Command {
	var format string
	c := &cobra.Command{
		Use:   "status",
		Short: "committees × documents: approved, missing, stale",
		Long: `status shows, for the newest recorded revision, which committee has approved which
document: 済 approved (by whom), 未 missing, 変 stale (the document changed after
the approval), － not an approver of that document.`,
		Example: `  policyctl status
  policyctl status --format json`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			v, against, r, err := a.verdict("")
			if err != nil {
				return err
			}
			switch format {
			case "text":
				return v.WriteMatrix(a.stdout, r)
			case "json":
				return v.WriteJSON(a.stdout)
			case "markdown":
				return v.WriteMarkdown(a.stdout, against)
			}
			return fmt.Errorf("--format %q: expected text, json or markdown", format)
		},
	}
	a.repoFlags(c)
	c.Flags().StringVar(&format, "format", "text", "output `FORMAT`: text, json or markdown")
	return c
}
