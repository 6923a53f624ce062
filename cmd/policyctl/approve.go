package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/mattn/go-runewidth"
	"github.com/spf13/cobra"
	"golang.org/x/crypto/ssh"

	"github.com/policyctl/policyctl/approvals"
	"github.com/policyctl/policyctl/internal/check"
	"github.com/policyctl/policyctl/internal/history"
	"github.com/policyctl/policyctl/internal/i18n"
	"github.com/policyctl/policyctl/internal/policy"
	"github.com/policyctl/policyctl/internal/termtext"
)

type approveOptions struct {
	f    *factory
	repo repoOptions
	approvals.Request
	Key string
	Yes bool
}

func newCmdApprove(f *factory, runF func(*approveOptions) error) *cobra.Command {
	opts := &approveOptions{f: f}
	c := &cobra.Command{
		Use:   "approve",
		Short: i18n.T("sign the current content for a revision, as a member of a committee"),
		Long: i18n.T(`approve records one member's approval of the current content for a revision:
it shows what is approved (the revision and its kind, each document's title and
SHA-256 digest with the files it links to, the documents it abolishes, and
what changed since the revision in force), asks for confirmation on a terminal
(--yes for scripts), signs the canonical payload with the member's SSH key
(the --key file, or ssh-agent) and writes approvals/ID/COMMITTEE.MEMBER.json
and .sig. The first approval of a revision also writes
approvals/ID/revision.yaml, with the kind --kind gives.

A revision id is its effective date (施行日), YYYY-MM-DD as it is in the
calendar, later than every revision already recorded. Once a revision is
approved its content is sealed: new content needs a new revision.

It refuses a member who is not in the committee, a key the registry does not
give the member, and content that fails policyctl check (compared with the
revision in force, so a reference a renumbering moved blocks it too).`),
		Example: i18n.T(`  policyctl approve --revision 2026-04-01 --kind 一部改正 --committee mayor --member yamamoto --key ~/.ssh/id_ed25519
  policyctl approve --revision 2026-04-01 --committee council --member saito   # key from ssh-agent`),
		Args: noArgs,
		RunE: func(*cobra.Command, []string) error {
			if runF != nil {
				return runF(opts)
			}
			return approveRun(opts)
		},
	}
	addDirFlag(c, &opts.repo)
	c.Flags().StringVar(&opts.Revision, "revision", "", i18n.T("the revision `ID`: its effective date, YYYY-MM-DD (required)"))
	c.Flags().StringVar(&opts.Kind, "kind", "", i18n.T("the revision's `KIND` (策定, 改訂, 一部改正, 全部改正, 廃止): required when the revision is new"))
	c.Flags().StringVar(&opts.Committee, "committee", "", i18n.T("the committee `ID` (required)"))
	c.Flags().StringVar(&opts.Member, "member", "", i18n.T("the member `ID` (required)"))
	c.Flags().StringVar(&opts.Key, "key", "", i18n.T("sign with this private key `FILE` instead of ssh-agent"))
	c.Flags().BoolVarP(&opts.Yes, "yes", "y", false, i18n.T("sign without asking (for scripts)"))
	for _, name := range []string{"revision", "committee", "member"} {
		_ = c.MarkFlagRequired(name)
	}
	return c
}

func approveRun(opts *approveOptions) error {
	f := opts.f
	h, err := opts.repo.open("")
	if err != nil {
		return err
	}
	r, err := opts.repo.model(h)
	if err != nil {
		return err
	}
	// Approve refuses content that fails check — compared with the
	// revision in force, so a renumbering that moved a reference's target
	// blocks it too — except for a stale allowed_signers, which it
	// rewrites itself.
	co, err := againstOptions(f, &opts.repo, h, "")
	if err != nil {
		return err
	}
	chk := check.RunWith(r, co)
	var blocking []policy.Finding
	for _, fd := range chk.Findings {
		if fd.Severity == policy.Error && fd.Rule != policy.RuleAllowedSigners {
			blocking = append(blocking, fd)
		}
	}
	if len(blocking) > 0 {
		chk.Findings, chk.Errors, chk.Warnings = blocking, len(blocking), 0
		_ = chk.WriteText(termtext.Writer(f.stderr), len(r.Docs))
		// The findings are the problem check reports (exit 1), not a
		// usage error.
		fmt.Fprintf(f.stderr, "policyctl: %s\n", i18n.Sprintf("the content fails check with %d errors: fix them before approving", len(blocking)))
		return errProblems
	}
	day := h.Options().At
	if day == "" {
		day = history.Today()
	}
	if opts.Revision > history.RevisionHorizon(day) {
		return i18n.Errorf("revision %s is more than ten years away: a revision id is the date it takes effect; the history would never count a revision after it", opts.Revision)
	}
	recs, err := h.Revisions()
	if err != nil && !errors.Is(err, history.ErrNoCommits) {
		return i18n.Errorf("approve needs the git history to know the rules of the revision approved before: %w", err)
	}
	if rec := history.Find(recs, opts.Revision); rec != nil && rec.Approved {
		return i18n.Errorf("revision %s was approved at commit %s and its content is sealed: approving it again would change nothing that is published or recorded. Record a new revision: policyctl approve --revision YYYY-MM-DD --kind %s … (a date after %s)",
			opts.Revision, history.ShortHash(rec.Commit), suggestKind(rec.Kind), latest(recs))
	}
	var rules *approvals.Rules
	prev := history.PreviousApproved(recs, opts.Revision)
	if prev != nil {
		rules = approvals.RulesOf(prev.Model)
	}
	p, isNew, err := approvals.Prepare(h.Tree.FS, r, rules, opts.Request)
	if err != nil {
		return err
	}
	// A draft recorded before a later-dated revision was approved.
	for _, rec := range recs {
		if rec.Approved && rec.ID > opts.Revision {
			return i18n.Errorf("revision %s is dated before revision %s, which was approved at commit %s: approved now, it would change what was in force before %s, so it never counts. Record a new revision: policyctl approve --revision YYYY-MM-DD --kind 一部改正 … (a date after %s)",
				opts.Revision, rec.ID, history.ShortHash(rec.Commit), rec.ID, latest(recs))
		}
	}
	signer, closeSigner, err := signerFor(r, opts.Member, opts.Key)
	if err != nil {
		return err
	}
	defer closeSigner()
	if err := approvals.CheckKey(r, opts.Member, signer.PublicKey()); err != nil {
		return err
	}
	// What is signed is shown as text: a name in the registry or a title
	// cannot move the cursor or clear the lines a member reads (termtext).
	shown := termtext.Writer(f.stdout)
	writeApprovalPreview(shown, r, p, isNew, prev)
	// The gate judges what git holds: a signature over content that is
	// not committed matches nothing until that content is committed with
	// it, exactly as signed.
	uncommitted := uncommittedFiles(h, r, false)
	if len(uncommitted) > 0 {
		i18n.Fprintf(shown, "\nThese files differ from the last commit; the signature is over them as they are now, so commit them together with the approval, unchanged:\n")
		for _, p := range uncommitted {
			fmt.Fprintf(shown, "  %s\n", p)
		}
	}
	if !opts.Yes {
		if !f.interactive() {
			return i18n.Errorf("approve asks for confirmation on a terminal; there is none: pass --yes to sign what is shown above")
		}
		i18n.Fprintf(f.stdout, "\nSign what is shown above? [y/N] ")
		answer, _ := bufio.NewReader(f.stdin).ReadString('\n')
		if a := strings.ToLower(strings.TrimSpace(answer)); a != "y" && a != "yes" && a != "はい" {
			i18n.Fprintf(f.stdout, "Not signed.\n")
			return nil
		}
	}
	res, err := approvals.Approve(h.Tree.Dir, r, p, isNew, signer)
	if err != nil {
		return err
	}
	w := f.stdout
	i18n.Fprintf(w, "\nSigned with %s %s. Wrote:\n", signer.PublicKey().Type(), ssh.FingerprintSHA256(signer.PublicKey()))
	for _, file := range res.Files {
		fmt.Fprintf(w, "  %s\n", file)
	}
	base := approvals.Dir(p.Revision) + "/" + approvals.FileName(p.Committee, p.Member)
	i18n.Fprintf(w, "\nAnyone can check it with OpenSSH:\n  ssh-keygen -Y verify -f %s -I %s -n %s -s %s.sig < %s.json\n",
		policy.AllowedSignersFile, p.Member, approvals.Namespace, base, base)
	if len(uncommitted) > 0 {
		i18n.Fprintf(w, "Commit these files and the changed ones listed above (%s) in one commit; policyctl status shows who else must approve.\n", strings.Join(uncommitted, i18n.T(", ")))
		return nil
	}
	if h.Tree.Git != nil {
		if _, err := h.Tree.Git.Head(); err != nil {
			// Before the first commit the documents are not in git either,
			// and the gate reads only what git holds.
			i18n.Fprintf(w, "Nothing is committed yet: commit the documents, policyctl.yaml and the registry with these files; policyctl status shows who else must approve.\n")
			return nil
		}
	}
	i18n.Fprintf(w, "Commit these files; policyctl status shows who else must approve.\n")
	return nil
}

// uncommittedFiles are the files approvals are computed over — documents,
// configuration, registry — that differ from the last commit or are not
// in it. Outside git, or before the first commit, there is nothing to
// compare with.
func uncommittedFiles(h *history.Repository, r *policy.Repo, approvalsToo bool) []string {
	head, err := h.Open("HEAD")
	if err != nil {
		return nil
	}
	hm, err := head.HeadModel()
	if err != nil {
		return nil
	}
	var out []string
	for _, name := range []string{policy.ConfigFile, policy.RegistryFile} {
		now, err1 := fs.ReadFile(r.FS, name)
		then, err2 := fs.ReadFile(hm.FS, name)
		if (err1 == nil) != (err2 == nil) || err1 == nil && string(now) != string(then) {
			out = append(out, name)
		}
	}
	for _, d := range r.Docs {
		if old := hm.DocByPath(d.Path); old == nil || string(old.Source) != string(d.Source) {
			out = append(out, d.Path)
		}
	}
	for _, d := range hm.Docs {
		if r.DocByPath(d.Path) == nil {
			out = append(out, d.Path)
		}
	}
	if !approvalsToo {
		sort.Strings(out)
		return out
	}
	// The approvals themselves: signed in the working tree, they count
	// only once committed.
	files := func(fsys fs.FS) map[string]string {
		m := map[string]string{}
		_ = fs.WalkDir(fsys, "approvals", func(p string, e fs.DirEntry, err error) error {
			if err == nil && e.Type().IsRegular() && p != policy.RegistryFile {
				if b, err := fs.ReadFile(fsys, p); err == nil {
					m[p] = string(b)
				}
			}
			return nil
		})
		return m
	}
	now, then := files(r.FS), files(hm.FS)
	folders := map[string]bool{} // approvals/ID/, named once
	changed := func(p string) {
		if dir := path.Dir(p); dir != "approvals" {
			if !folders[dir] {
				folders[dir] = true
				out = append(out, dir+"/")
			}
			return
		}
		out = append(out, p)
	}
	for p, b := range now {
		if t, ok := then[p]; !ok || t != b {
			changed(p)
		}
	}
	for p := range then {
		if _, ok := now[p]; !ok {
			changed(p)
		}
	}
	sort.Strings(out)
	return out
}

func suggestKind(kind string) string {
	if kind == "策定" {
		return "一部改正"
	}
	return kind
}

func latest(recs []*history.Recorded) string {
	if len(recs) == 0 {
		return ""
	}
	return recs[len(recs)-1].ID
}

// signerFor finds the member's key: the --key file, or ssh-agent.
func signerFor(r *policy.Repo, member, keyFile string) (ssh.Signer, func() error, error) {
	nothing := func() error { return nil }
	if keyFile != "" {
		s, err := approvals.KeyFileSigner(keyFile)
		return s, nothing, err
	}
	m := r.Registry.Member(member)
	if m == nil {
		return nil, nil, i18n.Errorf("member %q is not in %s", member, policy.RegistryFile)
	}
	return approvals.AgentSigner(m.PublicKeys)
}

// writeApprovalPreview shows exactly what is signed, before signing.
func writeApprovalPreview(w io.Writer, r *policy.Repo, p *approvals.Payload, isNew bool, prev *history.Recorded) {
	c := r.Registry.Committee(p.Committee)
	cname := p.Committee
	if c != nil {
		cname = i18n.Sprintf("%s (%s)", c.Name, c.ID)
	}
	m := r.Registry.Member(p.Member)
	state := i18n.T("an existing revision")
	if isNew {
		state = i18n.T("a new revision")
	}
	i18n.Fprintf(w, "%s (%s) approves revision %s (%s, %s) for %s.\n", m.Name, m.ID, p.Revision, p.Kind, state, cname)
	i18n.Fprintf(w, "Organisation %s\n  policyctl.yaml  sha256 %s\n  registry        sha256 %s\n\nDocuments approved (SHA-256 of their exact bytes):\n", p.Organization, p.ConfigSHA256, p.RegistrySHA256)
	for _, d := range p.Documents {
		title := d.ID
		if doc := r.DocByPath(d.Path); doc != nil {
			title = doc.Meta.Title
		}
		i18n.Fprintf(w, "  %s\n    %s (%s)\n    sha256 %s\n", title, d.Path, d.ID, d.SHA256)
		for _, fd := range d.Files {
			i18n.Fprintf(w, "    file %s sha256 %s\n", fd.Path, fd.SHA256)
		}
	}
	for _, d := range p.Removed {
		i18n.Fprintf(w, "  abolished: %s (%s)\n", d.Path, d.ID)
	}
	if prev == nil {
		i18n.Fprintf(w, "\nNo revision was approved before: this is the first.\n")
		return
	}
	i18n.Fprintf(w, "\nChanged since %s, the revision approved before:\n", prev.ID)
	mine := map[string]bool{}
	for _, d := range p.Documents {
		mine[d.ID] = true
	}
	for _, d := range p.Removed {
		mine[d.ID] = true
	}
	n := 0
	for _, ch := range history.Changes(prev.Model, r) {
		if !mine[ch.ID] {
			continue
		}
		i18n.Fprintf(w, "  %s %s (%s)\n", runewidth.FillRight(ch.Word(), 9), ch.Path, ch.Title)
		n++
	}
	if n == 0 {
		i18n.Fprintf(w, "  (none of the documents this committee approves)\n")
	}
	i18n.Fprintf(w, "  policyctl diff %s shows the 新旧対照表.\n", prev.ID)
}
