package approvals

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"runtime"
	"slices"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"
	"golang.org/x/crypto/ssh"
	"golang.org/x/sync/errgroup"

	"github.com/policyctl/policyctl/internal/i18n"
	"github.com/policyctl/policyctl/internal/policy"
)

// Meta is a revision's revision.yaml.
type Meta struct {
	ID   string `yaml:"id"`
	Kind string `yaml:"kind"`
}

// ListRevisions returns the ids of the revisions recorded in fsys (folders
// approvals/<id>/ with a revision.yaml), oldest first.
func ListRevisions(fsys fs.FS) ([]string, error) {
	ents, err := fs.ReadDir(fsys, "approvals")
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("approvals: %w", err)
	}
	var ids []string
	for _, e := range ents {
		if !e.IsDir() || !ValidRevisionID(e.Name()) {
			continue
		}
		if _, err := fs.Stat(fsys, path.Join(Dir(e.Name()), "revision.yaml")); err == nil {
			ids = append(ids, e.Name())
		} else if !errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("approvals: %w", err)
		}
	}
	sort.Strings(ids)
	return ids, nil
}

// MetaError is a revision.yaml that is missing or does not say what a
// revision is. At a past commit it only means that commit approves
// nothing; any other error reading the history is an error.
type MetaError struct {
	File string
	Err  error
}

func (e *MetaError) Error() string { return fmt.Sprintf("approvals: %s: %v", e.File, e.Err) }
func (e *MetaError) Unwrap() error { return e.Err }

// ReadMeta reads approvals/<id>/revision.yaml.
func ReadMeta(fsys fs.FS, id string) (*Meta, error) {
	p := path.Join(Dir(id), "revision.yaml")
	if ents, err := fs.ReadDir(fsys, Dir(id)); err == nil {
		for _, e := range ents {
			if e.Name() == "revision.yaml" && !e.Type().IsRegular() {
				return nil, &MetaError{p, i18n.Errorf("a symbolic link or something else that is not a file: a revision is read only from a file in its folder")}
			}
		}
	}
	b, err := fs.ReadFile(fsys, p)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, &MetaError{p, err}
	}
	if err != nil {
		return nil, fmt.Errorf("approvals: %s: %w", p, err)
	}
	var m Meta
	if err := yaml.Unmarshal(b, &m); err != nil {
		return nil, &MetaError{p, err}
	}
	if line := policy.SecondYAMLDocument(b); line > 0 {
		return nil, &MetaError{p, i18n.Errorf("line %d starts a second YAML document, whose keys would not count; keep one", line)}
	}
	if m.ID != id {
		return nil, &MetaError{p, i18n.Errorf("id %q does not match its folder", m.ID)}
	}
	if !slices.Contains(policy.RevisionKinds, m.Kind) {
		return nil, &MetaError{p, i18n.Errorf("kind %q is not one of %s", m.Kind, strings.Join(policy.RevisionKinds, i18n.T(", ")))}
	}
	return &m, nil
}

// Reason says, as a stable id, why an approval does not count, why a
// committee is not satisfied or why the revision cannot be approved.
type Reason string

// Reasons an approval file does not count.
const (
	ReasonNotApproval  Reason = "not-an-approval" // a stray file in approvals/<rev>/
	ReasonNotFile      Reason = "not-a-file"      // a link (or anything but a file) in approvals/<rev>/
	ReasonFileName     Reason = "file-name"       // not <committee>.<member>.json
	ReasonMissing      Reason = "missing-file"    // the payload or signature is missing
	ReasonTooLarge     Reason = "too-large"       // over MaxPayload or MaxSignature
	ReasonNotRequired  Reason = "not-required"    // the committee approves nothing in this revision
	ReasonCommittee    Reason = "unknown-committee"
	ReasonMember       Reason = "not-a-member" // not in the committee or not in the registry
	ReasonPrevMember   Reason = "not-a-member-before"
	ReasonSignature    Reason = "signature"      // malformed, wrong namespace, does not verify, unknown key
	ReasonPrevKey      Reason = "key-not-before" // a key the previous registry did not give
	ReasonPayload      Reason = "payload"        // malformed or not canonical
	ReasonOrganization Reason = "organization"
	ReasonRevision     Reason = "revision"
	ReasonKind         Reason = "kind"
	ReasonSigner       Reason = "signer"           // payload names another committee or member than its file
	ReasonRegistry     Reason = "registry-changed" // registry_sha256 differs
	ReasonDocuments    Reason = "documents"        // another document set than required
	ReasonRemoved      Reason = "removed"          // another set of abolished documents than required
)

// Reasons a committee is not satisfied or a revision cannot be approved.
const (
	ReasonQuorum          Reason = "quorum"           // fewer valid approvals than the quorum
	ReasonNoApproval      Reason = "no-approval"      // none at all
	ReasonNotInRegistry   Reason = "not-in-registry"  // an approver that no registry has
	ReasonDropped         Reason = "dropped"          // dropped from the registry while the old rules need it
	ReasonNoID            Reason = "no-id"            // a document without a usable id
	ReasonFrontMatter     Reason = "front-matter"     // front matter that cannot be trusted
	ReasonNoApprovers     Reason = "no-approvers"     // a document nobody approves
	ReasonDuplicateID     Reason = "duplicate-id"     // two documents with one id
	ReasonRegistryInvalid Reason = "registry-invalid" // a registry error (quorum below 1, …)
	ReasonNoRegistry      Reason = "no-registry"      // approvals/registry.yaml is missing
	ReasonNoDocuments     Reason = "no-documents"     // the documents glob matched nothing
	ReasonSymlink         Reason = "symlink"          // a document that is a symbolic link
	ReasonSealed          Reason = "sealed"           // the revision is in force with other content
	ReasonConfigChanged   Reason = "config-changed"   // policyctl.yaml changed since approval
	ReasonFileChanged     Reason = "linked-file-changed"
	ReasonDocChanged      Reason = "document-changed"
	ReasonSigners         Reason = "allowed-signers" // approvals/allowed_signers is not the registry's
)

// Verdict is the result of verifying one revision.
type Verdict struct {
	Revision   string
	Kind       string
	Committees []*CommitteeVerdict
	// Invalid lists approval files that do not count, and why.
	Invalid []Problem
	// Blockers are what no signature can make right: documents that cannot
	// be approved as they are, a registry that is not valid.
	Blockers []Problem
	// PreviousRules names the revision whose rules were applied as well,
	// or "" when there is none.
	PreviousRules string
	OK            bool
	// Files are the linked files (path to SHA-256) that the approvals
	// which count name: with the documents, the content approved.
	Files map[string]string
}

// CommitteeVerdict is one committee's state.
type CommitteeVerdict struct {
	ID     string
	Name   string
	Quorum int
	// Approved lists the members whose approval of the exact current
	// content counts, sorted.
	Approved  []string
	Documents []*DocStatus
	// Removed are the abolished documents the committee must sign for.
	Removed []DocRef
	OK      bool
	// Reason says why the committee is not satisfied; Detail says it in
	// words.
	Reason Reason
	Detail string
}

// DocStatus is a document's state for one committee.
type DocStatus struct {
	ID, Path string
	// State is approved, missing or stale.
	State string
	By    []string
	// Stale lists members whose approval names other content, and Why
	// says what changed (document, linked file or configuration).
	Stale []string
	Why   Reason
}

// Problem is an approval file that does not count, or a blocker.
type Problem struct {
	File      string
	Committee string
	Member    string
	Reason    Reason
	Detail    string
}

// Verify checks revision id: the approvals under approvals/<id>/ in fsys
// against the content of r, under the rules of r and, when prev is not
// nil, also under the rules of the previous revision (prevID). An error is
// returned only when something could not be read; everything that is
// wrong with the approvals is in the verdict.
func Verify(fsys fs.FS, r *policy.Repo, id string, prev *Rules, prevID string) (*Verdict, error) {
	return (*Cache)(nil).Verify(fsys, r, id, prev, prevID)
}

// Verify is the package's Verify, remembering what it checked in c for
// the next call (nil remembers nothing).
func (c *Cache) Verify(fsys fs.FS, r *policy.Repo, id string, prev *Rules, prevID string) (*Verdict, error) {
	meta, err := ReadMeta(fsys, id)
	if err != nil {
		return nil, err
	}
	v := &Verdict{Revision: id, Kind: meta.Kind, PreviousRules: prevID, Files: map[string]string{}}
	vr := &verifier{fsys: fsys, r: r, prev: prev, id: id, meta: meta, reqs: map[string]*Requirement{}, files: map[string]string{}, cache: c}
	v.Blockers = blockers(r)
	if r.Registry == nil {
		v.Committees = nil
		return v, nil
	}
	vr.registryDigest = Digest(r.Registry.Source)
	cfg, err := fs.ReadFile(fsys, policy.ConfigFile)
	if err != nil {
		return nil, fmt.Errorf("approvals: %w", err)
	}
	vr.configDigest = Digest(cfg)
	ents, err := fs.ReadDir(fsys, Dir(id))
	if err != nil {
		return nil, fmt.Errorf("approvals: %w", err)
	}
	// What each committee must sign (the lineage of every changed
	// document) is worked out while the approvals are read and their
	// signatures checked: a file waits for it only to be judged.
	var reqs []*Requirement
	ready := make(chan struct{})
	vr.ready = ready
	go func() {
		defer close(ready)
		reqs = Requirements(r, prev)
		for _, q := range reqs {
			vr.reqs[q.Committee] = q
		}
	}()
	// The approvals are checked side by side (reading, signature and
	// payload are each file's own) and their verdicts taken in the
	// folder's order.
	type job struct {
		file, c, m string
		p          *Payload
		prob       *Problem
		err        error
	}
	var jobs []*job
	// An approval is read only from a file of its folder. A link would be
	// followed in a working tree and read as its target's path in a commit:
	// the gate and the history would judge two different things.
	irregular := map[string]bool{}
	for _, e := range ents {
		if !e.IsDir() && !e.Type().IsRegular() {
			irregular[e.Name()] = true
		}
	}
	for _, e := range ents {
		name := e.Name()
		if e.IsDir() || name == "revision.yaml" || strings.HasSuffix(name, ".sig") {
			continue
		}
		file := path.Join(Dir(id), name)
		base, isJSON := strings.CutSuffix(name, ".json")
		c, m, okName := splitName(base)
		switch {
		case irregular[name] || irregular[base+".sig"]:
			jobs = append(jobs, &job{prob: &Problem{file, c, m, ReasonNotFile, "a symbolic link or something else that is not a file: an approval and its signature are read only from files in approvals/<revision>/"}})
		case !isJSON:
			jobs = append(jobs, &job{prob: &Problem{file, c, m, ReasonNotApproval, "not an approval: approvals/<revision>/ holds revision.yaml and <committee>.<member>.json/.sig pairs"}})
		case !okName:
			jobs = append(jobs, &job{prob: &Problem{file, c, m, ReasonFileName, "the file name is not <committee>.<member>.json"}})
		default:
			jobs = append(jobs, &job{file: file, c: c, m: m})
		}
	}
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for _, j := range jobs {
		if j.file != "" {
			g.Go(func() error {
				j.p, j.prob, j.err = vr.one(j.c, j.m, j.file)
				return nil
			})
		}
	}
	_ = g.Wait()
	<-ready
	payloads := map[string]map[string]*Payload{}
	for _, j := range jobs {
		if j.err != nil {
			return nil, j.err
		}
		if j.prob != nil {
			v.Invalid = append(v.Invalid, *j.prob)
			continue
		}
		if payloads[j.c] == nil {
			payloads[j.c] = map[string]*Payload{}
		}
		payloads[j.c][j.m] = j.p
	}
	v.OK = len(v.Blockers) == 0
	for _, q := range reqs {
		cv, err := vr.committee(q, payloads[q.Committee])
		if err != nil {
			return nil, err
		}
		v.Committees = append(v.Committees, cv)
		v.OK = v.OK && cv.OK
		for _, m := range cv.Approved {
			for _, d := range payloads[q.Committee][m].Documents {
				for _, f := range d.Files {
					v.Files[f.Path] = f.SHA256
				}
			}
		}
	}
	return v, nil
}

// blockers are what no approval can make right.
func blockers(r *policy.Repo) []Problem {
	var out []Problem
	add := func(file string, reason Reason, detail string) {
		out = append(out, Problem{File: file, Reason: reason, Detail: detail})
	}
	if r.Registry == nil {
		add(policy.RegistryFile, ReasonNoRegistry, policy.RegistryFile+i18n.T(" is missing or unreadable: nobody can approve"))
	} else {
		if len(r.Registry.Committees) == 0 {
			add(policy.RegistryFile, ReasonRegistryInvalid, i18n.T("the registry has no committee: nobody can approve"))
		}
		for _, f := range r.Findings {
			if f.Severity == policy.Error && strings.HasPrefix(f.Rule.ID, "registry/") {
				add(f.Pos.String(), ReasonRegistryInvalid, f.Message)
			}
		}
	}
	// A document that is a symbolic link is left out of the model: what
	// it would show is nobody's approved text, and the gate fails closed.
	for _, f := range r.Findings {
		if f.Rule == policy.RuleFilesSymlink {
			add(f.Pos.File, ReasonSymlink, f.Message)
		}
	}
	if len(r.Docs) == 0 {
		add(policy.ConfigFile, ReasonNoDocuments, i18n.Sprintf("the documents glob %q matches no file: there is nothing to approve", r.Config.Documents))
	}
	ids := map[string]string{}
	for _, d := range r.Docs {
		for _, f := range d.Findings {
			if f.Severity == policy.Error && strings.HasPrefix(f.Rule.ID, "frontmatter/") {
				add(f.Pos.String(), ReasonFrontMatter, i18n.T("front matter that cannot be read: ")+f.Message)
				break
			}
		}
		switch {
		case d.Meta.ID == "":
			add(d.Path, ReasonNoID, i18n.T("the document has no id, so no approval can name it"))
		case ids[d.Meta.ID] != "":
			add(d.Path, ReasonDuplicateID, i18n.Sprintf("id %q is also the id of %s", d.Meta.ID, ids[d.Meta.ID]))
		}
		ids[d.Meta.ID] = d.Path
		if len(d.Meta.Approvers) == 0 {
			add(d.Path, ReasonNoApprovers, i18n.T("the document names no approver: every document is adopted by at least one committee"))
		}
	}
	return out
}

// verifier checks the approval files of one revision.
type verifier struct {
	fsys                         fs.FS
	r                            *policy.Repo
	prev                         *Rules
	id                           string
	meta                         *Meta
	reqs                         map[string]*Requirement
	ready                        <-chan struct{} // closed when reqs is complete
	registryDigest, configDigest string
	files                        map[string]string // path -> digest of the current bytes, "" when missing
	cache                        *Cache
}

// one checks one approval: signature first, payload after. It returns the
// payload, or the problem that makes it not count; the error is for what
// could not be read.
func (vr *verifier) one(c, m, file string) (*Payload, *Problem, error) {
	bad := func(reason Reason, detail string) (*Payload, *Problem, error) {
		return nil, &Problem{File: file, Committee: c, Member: m, Reason: reason, Detail: detail}, nil
	}
	// The files are read while the requirements are still being worked
	// out; what was read counts only for a committee that is required.
	payload, reason, err := vr.cache.read(vr.fsys, file, MaxPayload)
	var sig *read
	if reason == "" && err == nil {
		sig, reason, err = vr.cache.read(vr.fsys, strings.TrimSuffix(file, ".json")+".sig", MaxSignature)
	}
	<-vr.ready
	q := vr.reqs[c]
	if q == nil {
		return bad(ReasonNotRequired, i18n.Sprintf("committee %q approves no document of this revision", c))
	}
	if reason != "" || err != nil {
		return nil, problemOf(file, c, m, reason, err), errOf(reason, err)
	}
	// Membership and keys under every rule set that applies: the current
	// registry (unless the committee was dropped from it) and the previous
	// one where its rules need this committee.
	cur := vr.r.Registry.Committee(c)
	prevApplies := vr.prev != nil && vr.prev.Registry != nil && vr.prev.approvesAny(c)
	var candidates []ssh.PublicKey
	switch {
	case cur != nil:
		if !cur.HasMember(m) {
			return bad(ReasonMember, i18n.Sprintf("member %q is not in committee %q", m, c))
		}
		mem := vr.r.Registry.Member(m)
		if mem == nil {
			return bad(ReasonMember, i18n.Sprintf("member %q is not in the registry", m))
		}
		candidates = mem.PublicKeys
	case prevApplies:
		// Dropped from the registry: its members sign under the old one.
	default:
		return bad(ReasonCommittee, i18n.Sprintf("committee %q is not in the registry", c))
	}
	if prevApplies {
		pc, pm := vr.prev.Registry.Committee(c), vr.prev.Registry.Member(m)
		if pc == nil || !pc.HasMember(m) || pm == nil {
			return bad(ReasonPrevMember, i18n.Sprintf("member %q was not in committee %q under the rules of the previous revision, which still apply", m, c))
		}
		if cur == nil {
			candidates = pm.PublicKeys
		} else {
			// Only a key both registries give the member counts: a changed
			// key is accepted once the revision that adds it is approved.
			var both []ssh.PublicKey
			for _, k := range candidates {
				if hasKey(pm.PublicKeys, k) {
					both = append(both, k)
				}
			}
			if len(both) == 0 && len(candidates) > 0 {
				if key, err := vr.cache.verifySignature(payload, sig, candidates); err == nil {
					return bad(ReasonPrevKey, i18n.Sprintf("signed with %s, a key the registry of the previous revision did not give %q; a changed key is accepted once the revision that adds it is approved", ssh.FingerprintSHA256(key), m))
				}
			}
			candidates = both
		}
	}
	if _, err := vr.cache.verifySignature(payload, sig, candidates); err != nil {
		return bad(ReasonSignature, err.Error())
	}
	// The signature holds; now the payload may be read.
	p, err := vr.cache.parsePayload(payload)
	if err != nil {
		return bad(ReasonPayload, err.Error())
	}
	switch {
	case p.Organization != vr.r.Config.Organization.ID:
		return bad(ReasonOrganization, i18n.Sprintf("payload is for organization %q, not %q", p.Organization, vr.r.Config.Organization.ID))
	case p.Revision != vr.id:
		return bad(ReasonRevision, i18n.Sprintf("payload is for revision %s, not %s", p.Revision, vr.id))
	case p.Kind != vr.meta.Kind:
		return bad(ReasonKind, i18n.Sprintf("payload is for a revision of kind %s, not %s", p.Kind, vr.meta.Kind))
	case p.Committee != c || p.Member != m:
		return bad(ReasonSigner, i18n.Sprintf("payload is for %s.%s, but the file is %s.%s", p.Committee, p.Member, c, m))
	case p.RegistrySHA256 != vr.registryDigest:
		return bad(ReasonRegistry, i18n.Sprintf("payload was made under another registry (registry_sha256 differs): the registry changed after the approval"))
	}
	if !sameDocs(p.Documents, q.Documents) {
		return bad(ReasonDocuments, i18n.Sprintf("payload approves documents %s, but the committee must approve %s", docList(p.Documents), docList(q.Documents)))
	}
	if !slices.Equal(p.Removed, q.Removed) {
		return bad(ReasonRemoved, i18n.Sprintf("payload abolishes %s, but the revision abolishes %s among the committee's documents", refList(p.Removed), refList(q.Removed)))
	}
	return p, nil, nil
}

func problemOf(file, c, m string, reason Reason, err error) *Problem {
	if reason == "" {
		return nil
	}
	return &Problem{File: file, Committee: c, Member: m, Reason: reason, Detail: err.Error()}
}

func errOf(reason Reason, err error) error {
	if reason != "" {
		return nil
	}
	return err
}

// readLimited reads a file of at most max bytes. A missing or oversized
// file is a reason an approval does not count; anything else is an error.
func readLimited(fsys fs.FS, name string, max int64) ([]byte, Reason, error) {
	f, err := fsys.Open(name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, ReasonMissing, i18n.Errorf("%s is missing", name)
	}
	if err != nil {
		return nil, "", fmt.Errorf("approvals: %w", err)
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.Size() > max {
		return nil, ReasonTooLarge, i18n.Errorf("%s is %d bytes, larger than %d", name, st.Size(), max)
	}
	b, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, "", fmt.Errorf("approvals: %s: %w", name, err)
	}
	if int64(len(b)) > max {
		return nil, ReasonTooLarge, i18n.Errorf("%s is larger than %d bytes", name, max)
	}
	return b, "", nil
}

func sameDocs(a, b []DocDigest) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].ID != b[i].ID || a[i].Path != b[i].Path {
			return false
		}
	}
	return true
}

func docList(ds []DocDigest) string {
	var s []string
	for _, d := range ds {
		s = append(s, d.ID)
	}
	if len(s) == 0 {
		return i18n.T("(none)")
	}
	return strings.Join(s, i18n.T(", "))
}

func refList(ds []DocRef) string {
	var s []string
	for _, d := range ds {
		s = append(s, d.Path)
	}
	if len(s) == 0 {
		return i18n.T("(none)")
	}
	return strings.Join(s, i18n.T(", "))
}

// fileDigest is the digest of a file's current bytes, "" when it is
// missing or not a regular file.
func (vr *verifier) fileDigest(p string) (string, error) {
	if d, ok := vr.files[p]; ok {
		return d, nil
	}
	d := ""
	b, err := fs.ReadFile(vr.fsys, p)
	switch {
	case err == nil:
		d = Digest(b)
	case errors.Is(err, fs.ErrNotExist), errors.Is(err, fs.ErrInvalid):
	default:
		var pe *fs.PathError
		if !errors.As(err, &pe) {
			return "", fmt.Errorf("approvals: %s: %w", p, err)
		}
	}
	vr.files[p] = d
	return d, nil
}

// matches says whether a payload approved a document exactly as it is now,
// and if not, what changed.
func (vr *verifier) matches(p *Payload, want DocDigest) (Reason, error) {
	got := p.doc(want.ID, want.Path)
	switch {
	case got == nil || got.SHA256 != want.SHA256:
		return ReasonDocChanged, nil
	case p.ConfigSHA256 != vr.configDigest:
		return ReasonConfigChanged, nil
	}
	for _, f := range got.Files {
		d, err := vr.fileDigest(f.Path)
		if err != nil {
			return "", err
		}
		if d != f.SHA256 {
			return ReasonFileChanged, nil
		}
	}
	return "", nil
}

// committee counts the members whose approval names the exact current
// content of every document the committee must approve.
func (vr *verifier) committee(q *Requirement, payloads map[string]*Payload) (*CommitteeVerdict, error) {
	c := q.Committee
	cv := &CommitteeVerdict{ID: c, Quorum: 1, Removed: q.Removed}
	cur := vr.r.Registry.Committee(c)
	if cur != nil {
		cv.Name, cv.Quorum = cur.Name, max(1, cur.Quorum)
	}
	if vr.prev != nil && vr.prev.Registry != nil && vr.prev.approvesAny(c) {
		if pc := vr.prev.Registry.Committee(c); pc != nil {
			if cv.Name == "" {
				cv.Name = pc.Name
			}
			cv.Quorum = max(cv.Quorum, pc.Quorum)
		}
	}
	members := make([]string, 0, len(payloads))
	for m := range payloads {
		members = append(members, m)
	}
	sort.Strings(members)
	current := map[string]bool{}
	for _, m := range members {
		current[m] = true
	}
	for _, d := range q.Documents {
		ds := &DocStatus{ID: d.ID, Path: d.Path}
		for _, m := range members {
			why, err := vr.matches(payloads[m], d)
			if err != nil {
				return nil, err
			}
			if why == "" {
				ds.By = append(ds.By, m)
			} else {
				ds.Stale = append(ds.Stale, m)
				current[m] = false
				if ds.Why == "" || why == ReasonDocChanged {
					ds.Why = why
				}
			}
		}
		switch {
		case len(ds.By) > 0 && len(ds.By) >= cv.Quorum:
			ds.State = "approved"
		case len(ds.Stale) > 0:
			ds.State = "stale"
		default:
			ds.State = "missing"
		}
		cv.Documents = append(cv.Documents, ds)
	}
	for _, m := range members {
		if current[m] {
			cv.Approved = append(cv.Approved, m)
		}
	}
	inPrev := vr.prev != nil && vr.prev.Registry != nil && vr.prev.Registry.Committee(c) != nil
	switch {
	case cur == nil && !inPrev:
		cv.Reason, cv.Detail = ReasonNotInRegistry, i18n.Sprintf("committee %q is named as an approver but is not in the registry", c)
	case len(cv.Approved) >= cv.Quorum:
		cv.OK = true
	case len(members) == 0:
		cv.Reason, cv.Detail = ReasonNoApproval, i18n.Sprintf("no approval (quorum %d)", cv.Quorum)
	default:
		cv.Reason, cv.Detail = ReasonQuorum, i18n.Sprintf("%d of %d approvals name the current content of every document", len(cv.Approved), cv.Quorum)
	}
	if cur == nil && inPrev && !cv.OK && cv.Reason == ReasonNoApproval {
		cv.Reason, cv.Detail = ReasonDropped, i18n.Sprintf("committee %q was dropped from the registry, but the rules of the previous revision still need its approval", c)
	}
	return cv, nil
}
