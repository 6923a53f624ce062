package history

import (
	"bytes"
	"errors"
	"io/fs"
	"maps"

	"github.com/policyctl/policyctl/approvals"
	"github.com/policyctl/policyctl/internal/i18n"
	"github.com/policyctl/policyctl/internal/policy"
)

// Gate is a revision as policyctl verify and status judge it.
type Gate struct {
	Verdict *approvals.Verdict
	// Against says in words which content was judged.
	Against string
	// Model is that content (front matter only).
	Model *policy.Repo
	// Record is the revision in the history, nil when it is only recorded
	// in the tree read.
	Record *Recorded
	// Previous is the approved revision whose rules applied too.
	Previous *Recorded
	// OfTree is set when the content judged is the tree read (the gate,
	// a draft), not the content an approved revision was approved with.
	OfTree bool
	// Replaced are the approved revisions whose approvals changed after
	// they were approved: while any stands, nothing is published.
	Replaced []*Recorded
}

// ErrNoRevision is returned when the tree records no revision yet.
var ErrNoRevision = i18n.NewError("no revision is recorded yet: the first approval (policyctl approve --revision YYYY-MM-DD --kind 策定 …) records one")

// Verify judges a revision. With revision "" it is the newest recorded in
// the tree, checked against the tree: the CI gate. With a revision id that
// is approved it is the verdict at its content; a draft is checked against
// the tree. The history is required: the previous revision's rules, and
// whether the revision is sealed, come from it.
func (r *Repository) Verify(revision string) (*Gate, error) {
	recs, err := r.Revisions()
	if err != nil {
		return nil, err
	}
	if revision != "" {
		if !approvals.ValidRevisionID(revision) {
			return nil, i18n.Errorf("--revision %q: expected a revision id, a date YYYY-MM-DD", revision)
		}
		rec := Find(recs, revision)
		switch {
		case rec != nil && rec.Approved:
			g := &Gate{Verdict: rec.Verdict, Record: rec, Previous: rec.Previous, Model: rec.Model,
				Against: i18n.Sprintf("its content, commit %s of %s", ShortHash(rec.Commit), rec.Commit.Committer.When.Format("2006-01-02"))}
			// Approved where it was sealed; but while any approved
			// revision's approvals stand replaced, nothing is published,
			// and the answer must not say otherwise.
			g.Replaced = replaced(recs)
			if replacedBlockers(recs) != nil {
				v := *rec.Verdict
				v.Blockers = append(append([]approvals.Problem(nil), v.Blockers...), replacedBlockers(recs)...)
				v.OK = false
				g.Verdict = &v
			}
			return g, nil
		case rec == nil:
			if _, err := approvals.ReadMeta(r.Tree.FS, revision); err != nil {
				return nil, i18n.Errorf("--revision %s: no such revision is recorded (approvals/%s/revision.yaml)", revision, revision)
			}
		}
	}
	model, err := policy.Load(r.Tree.FS, policy.LoadOptions{Overrides: r.opts.Load.Overrides, HeadOnly: true})
	if err != nil {
		return nil, err
	}
	id := revision
	if id == "" {
		ids, err := approvals.ListRevisions(r.Tree.FS)
		if err != nil {
			return nil, err
		}
		if len(ids) == 0 {
			return nil, ErrNoRevision
		}
		id = ids[len(ids)-1]
	}
	g := &Gate{Model: model, Record: Find(recs, id), Against: r.Tree.Label(), OfTree: true}
	var rules *approvals.Rules
	prevID := ""
	if g.Previous = PreviousApproved(recs, id); g.Previous != nil {
		rules, prevID = approvals.RulesOf(g.Previous.Model), g.Previous.ID
	}
	if g.Verdict, err = approvals.Verify(r.Tree.FS, model, id, rules, prevID); err != nil {
		return nil, err
	}
	// The record of an approved revision stays: a tree without it would
	// lose the signatures the history rests on, and a rollback to older
	// content would look like a tree that never had it.
	for _, rec := range recs {
		if !rec.Approved {
			continue
		}
		if _, err := fs.Stat(r.Tree.FS, approvals.Dir(rec.ID)); err != nil {
			g.Verdict.OK = false
			g.Verdict.Blockers = append(g.Verdict.Blockers, approvals.Problem{File: approvals.Dir(rec.ID), Reason: approvals.ReasonSealed,
				Detail: i18n.Sprintf("the approvals of revision %s, approved at commit %s, are missing from the tree: the record of an approved revision is kept; restore %s", rec.ID, ShortHash(rec.Commit), approvals.Dir(rec.ID))})
		}
	}
	// Auditors check approvals with ssh-keygen -Y verify against
	// approvals/allowed_signers: a key added there by hand would pass
	// their check though no registry gives it. It is written from the
	// registry, and must say what the registry says.
	if model.Registry != nil {
		if got, err := fs.ReadFile(r.Tree.FS, policy.AllowedSignersFile); err == nil && !bytes.Equal(got, model.Registry.AllowedSigners(approvals.Namespace)) {
			g.Verdict.OK = false
			g.Verdict.Blockers = append(g.Verdict.Blockers, approvals.Problem{File: policy.AllowedSignersFile, Reason: approvals.ReasonSigners,
				Detail: i18n.T("approvals/allowed_signers does not match approvals/registry.yaml: ssh-keygen would check approvals against other keys; write it again from the registry with policyctl signers, never by hand")})
		}
	}
	g.Replaced = replaced(recs)
	if bs := replacedBlockers(recs); bs != nil {
		g.Verdict.OK = false
		g.Verdict.Blockers = append(g.Verdict.Blockers, bs...)
	}
	if rec := g.Record; rec != nil {
		switch {
		case rec.Late != nil:
			g.Verdict.OK = false
			g.Verdict.Blockers = append(g.Verdict.Blockers, approvals.Problem{File: approvals.Dir(id), Reason: approvals.ReasonSealed,
				Detail: i18n.Sprintf("revision %s was not approved when the later-dated revision %s was (commit %s): approved now, it would change what was in force before %s, so it never counts; record a new revision dated after every approved one", id, rec.Late.ID, ShortHash(rec.Late.Commit), rec.Late.ID)})
		case rec.Approved && (!sameContent(rec.Model, model) || !maps.Equal(rec.Verdict.Files, g.Verdict.Files) && g.Verdict.OK):
			// The re-approval trap: new signatures for a revision that is
			// already approved would publish nothing and record nothing.
			g.Verdict.OK = false
			g.Verdict.Blockers = append(g.Verdict.Blockers, approvals.Problem{File: approvals.Dir(id), Reason: approvals.ReasonSealed,
				Detail: i18n.Sprintf("revision %s was approved at commit %s; its content is sealed. Record a new revision: policyctl approve --revision YYYY-MM-DD --kind 一部改正 (a date after %s)", id, ShortHash(rec.Commit), id)})
		}
	}
	return g, nil
}

// sameContent reports whether two models hold the same configuration,
// registry and documents, byte for byte.
func sameContent(a, b *policy.Repo) bool {
	read := func(r *policy.Repo) []byte {
		bs, _ := fs.ReadFile(r.FS, policy.ConfigFile)
		return bs
	}
	if !bytes.Equal(read(a), read(b)) || len(a.Docs) != len(b.Docs) {
		return false
	}
	if (a.Registry == nil) != (b.Registry == nil) || a.Registry != nil && !bytes.Equal(a.Registry.Source, b.Registry.Source) {
		return false
	}
	for i := range a.Docs {
		if a.Docs[i].Path != b.Docs[i].Path || !bytes.Equal(a.Docs[i].Source, b.Docs[i].Source) {
			return false
		}
	}
	return true
}

// Sealed returns the approved revision with that id, if any: approving it
// again is refused.
func (r *Repository) Sealed(id string) (*Recorded, error) {
	recs, err := r.Revisions()
	if err != nil {
		return nil, err
	}
	if rec := Find(recs, id); rec != nil && rec.Approved {
		return rec, nil
	}
	return nil, nil
}

// replacedMessage says why a revision whose approvals were replaced after
// it was approved stops the gate and the publishing.
func replacedMessage(rec *Recorded) string {
	return i18n.Sprintf("revision %[1]s was approved at commit %[2]s, and approvals/%[1]s has changed since: the history seals what that commit's approvals signed, not what the approvals in the repository sign now (a branch merged by rebase or as a fast-forward can bring approvals the committees withdrew); nothing is published while it stands: restore the approvals it was approved with (git checkout %[2]s -- approvals/%[1]s), record the content meant as a new revision, and merge pull requests with merge commits", rec.ID, ShortHash(rec.Commit))
}

// replaced are the approved revisions whose approvals were replaced after
// they were approved.
func replaced(recs []*Recorded) []*Recorded {
	var out []*Recorded
	for _, rec := range recs {
		if rec.Approved && rec.Replaced {
			out = append(out, rec)
		}
	}
	return out
}

// replacedBlockers are the problems of the approved revisions whose
// approvals were replaced after they were approved, or nil.
func replacedBlockers(recs []*Recorded) []approvals.Problem {
	var out []approvals.Problem
	for _, rec := range replaced(recs) {
		out = append(out, approvals.Problem{File: approvals.Dir(rec.ID), Reason: approvals.ReasonSealed, Detail: replacedMessage(rec)})
	}
	return out
}

// ReplacedError is returned for publishing from a history in which an
// approved revision's approvals were replaced after it was approved.
func ReplacedError(recs []*Recorded) error {
	for _, rec := range recs {
		if rec.Approved && rec.Replaced {
			return errors.New(replacedMessage(rec))
		}
	}
	return nil
}
