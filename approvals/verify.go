package approvals

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"
	"golang.org/x/crypto/ssh"

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
		}
	}
	sort.Strings(ids)
	return ids, nil
}

// ReadMeta reads approvals/<id>/revision.yaml.
func ReadMeta(fsys fs.FS, id string) (*Meta, error) {
	p := path.Join(Dir(id), "revision.yaml")
	b, err := fs.ReadFile(fsys, p)
	if err != nil {
		return nil, fmt.Errorf("approvals: %w", err)
	}
	var m Meta
	if err := yaml.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("approvals: %s: %w", p, err)
	}
	if m.ID != id {
		return nil, fmt.Errorf("approvals: %s: id %q does not match its folder", p, m.ID)
	}
	if !slices.Contains(policy.RevisionKinds, m.Kind) {
		return nil, fmt.Errorf("approvals: %s: kind %q is not one of %s", p, m.Kind, strings.Join(policy.RevisionKinds, ", "))
	}
	return &m, nil
}

// Verdict is the result of verifying one revision.
type Verdict struct {
	Revision   string
	Kind       string
	Committees []*CommitteeVerdict
	// Invalid lists approval files that do not count, and why.
	Invalid []Problem
	// PreviousRules names the revision whose rules were applied as well,
	// or "" when there is none.
	PreviousRules string
	OK            bool
}

// CommitteeVerdict is one committee's state.
type CommitteeVerdict struct {
	ID     string
	Name   string
	Quorum int
	// Approved lists the members whose approval of the exact current bytes
	// counts, sorted.
	Approved  []string
	Documents []*DocStatus
	OK        bool
	// Reason says why the committee is not satisfied.
	Reason string
}

// DocStatus is a document's state for one committee.
type DocStatus struct {
	ID, Path string
	// State is approved, missing or stale.
	State string
	By    []string
	// Stale lists members whose approval names older bytes.
	Stale []string
}

// Problem is an approval file that does not count.
type Problem struct {
	File      string
	Committee string
	Member    string
	Reason    string
}

// Verify checks revision id: the approvals under approvals/<id>/ in fsys
// against the documents of r, under the rules of r and, when prev is not
// nil, also under the rules of the previous revision in force.
func Verify(fsys fs.FS, r *policy.Repo, id string, prev *Rules, prevID string) (*Verdict, error) {
	meta, err := ReadMeta(fsys, id)
	if err != nil {
		return nil, err
	}
	if r.Registry == nil {
		return nil, fmt.Errorf("approvals: %s is missing or unreadable", policy.RegistryFile)
	}
	v := &Verdict{Revision: id, Kind: meta.Kind, PreviousRules: prevID}
	registryDigest := Digest(r.Registry.Source)
	// valid[c][m] is true when m's approval for c counts.
	valid := map[string]map[string]bool{}
	payloads := map[string]map[string]*Payload{}
	ents, err := fs.ReadDir(fsys, Dir(id))
	if err != nil {
		return nil, fmt.Errorf("approvals: %w", err)
	}
	required := map[string][]DocDigest{}
	for _, c := range Committees(r, prev) {
		required[c] = Required(r, prev, c)
	}
	for _, e := range ents {
		name := e.Name()
		if e.IsDir() || name == "revision.yaml" || strings.HasSuffix(name, ".sig") {
			continue
		}
		file := path.Join(Dir(id), name)
		base, isJSON := strings.CutSuffix(name, ".json")
		c, m, okName := splitName(base)
		bad := func(reason string) {
			v.Invalid = append(v.Invalid, Problem{File: file, Committee: c, Member: m, Reason: reason})
		}
		switch {
		case !isJSON:
			bad("not an approval: approvals/<revision>/ holds revision.yaml and <committee>.<member>.json/.sig pairs")
			continue
		case !okName:
			bad("the file name is not <committee>.<member>.json")
			continue
		}
		p, reason := verifyOne(fsys, r, prev, id, meta, c, m, file, registryDigest, required[c])
		if reason != "" {
			bad(reason)
			continue
		}
		if payloads[c] == nil {
			payloads[c], valid[c] = map[string]*Payload{}, map[string]bool{}
		}
		payloads[c][m] = p
		valid[c][m] = true
	}
	v.OK = true
	for _, c := range Committees(r, prev) {
		cv := committeeVerdict(r, prev, c, required[c], payloads[c])
		v.Committees = append(v.Committees, cv)
		if !cv.OK {
			v.OK = false
		}
	}
	return v, nil
}

// verifyOne checks one approval: signature first, payload after. It
// returns the payload, or why the approval does not count.
func verifyOne(fsys fs.FS, r *policy.Repo, prev *Rules, id string, meta *Meta, c, m, file, registryDigest string, required []DocDigest) (*Payload, string) {
	if required == nil {
		return nil, fmt.Sprintf("committee %q approves no document of this revision", c)
	}
	payload, err := readLimited(fsys, file, MaxPayload)
	if err != nil {
		return nil, err.Error()
	}
	sigFile := strings.TrimSuffix(file, ".json") + ".sig"
	sig, err := readLimited(fsys, sigFile, MaxSignature)
	if err != nil {
		return nil, err.Error()
	}
	// Membership and keys under every rule set that applies.
	cur := r.Registry.Committee(c)
	keys := map[string]ssh.PublicKey{}
	if cur == nil {
		return nil, fmt.Sprintf("committee %q is not in the registry", c)
	}
	if !cur.HasMember(m) {
		return nil, fmt.Sprintf("member %q is not in committee %q", m, c)
	}
	mem := r.Registry.Member(m)
	if mem == nil {
		return nil, fmt.Sprintf("member %q is not in the registry", m)
	}
	for _, k := range mem.PublicKeys {
		keys[string(k.Marshal())] = k
	}
	var prevKeys map[string]bool
	if prev != nil && prev.Registry != nil && appliesTo(prev, c) {
		pc := prev.Registry.Committee(c)
		pm := prev.Registry.Member(m)
		if pc == nil || !pc.HasMember(m) || pm == nil {
			return nil, fmt.Sprintf("member %q was not in committee %q under the rules of the previous revision, which still apply", m, c)
		}
		prevKeys = map[string]bool{}
		for _, k := range pm.PublicKeys {
			prevKeys[string(k.Marshal())] = true
		}
	}
	var candidates []ssh.PublicKey
	for _, k := range keys {
		candidates = append(candidates, k)
	}
	key, err := VerifySignature(payload, sig, candidates)
	if err != nil {
		return nil, err.Error()
	}
	if prevKeys != nil && !prevKeys[string(key.Marshal())] {
		return nil, fmt.Sprintf("signed with %s, a key the registry of the previous revision did not give %q; a changed key is accepted once the revision that adds it is in force", ssh.FingerprintSHA256(key), m)
	}
	// The signature holds; now the payload may be read.
	p, err := ParsePayload(payload)
	if err != nil {
		return nil, err.Error()
	}
	switch {
	case p.Organization != r.Config.Organization.ID:
		return nil, fmt.Sprintf("payload is for organization %q, not %q", p.Organization, r.Config.Organization.ID)
	case p.Revision != id:
		return nil, fmt.Sprintf("payload is for revision %s, not %s", p.Revision, id)
	case p.Kind != meta.Kind:
		return nil, fmt.Sprintf("payload is for a revision of kind %s, not %s", p.Kind, meta.Kind)
	case p.Committee != c || p.Member != m:
		return nil, fmt.Sprintf("payload is for %s.%s, but the file is %s.%s", p.Committee, p.Member, c, m)
	case p.RegistrySHA256 != registryDigest:
		return nil, "payload was made under another registry (registry_sha256 differs): the registry changed after the approval"
	}
	if !sameIDs(p.Documents, required) {
		return nil, fmt.Sprintf("payload approves documents %s, but the committee must approve %s", ids(p.Documents), ids(required))
	}
	return p, ""
}

func appliesTo(prev *Rules, c string) bool {
	for _, cs := range prev.Approvers {
		if slices.Contains(cs, c) {
			return true
		}
	}
	return false
}

func readLimited(fsys fs.FS, name string, max int64) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("%s is missing", name)
		}
		return nil, err
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.Size() > max {
		return nil, fmt.Errorf("%s is %d bytes, larger than %d", name, st.Size(), max)
	}
	b, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > max {
		return nil, fmt.Errorf("%s is larger than %d bytes", name, max)
	}
	return b, nil
}

func sameIDs(a, b []DocDigest) bool {
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

func ids(ds []DocDigest) string {
	var s []string
	for _, d := range ds {
		s = append(s, d.ID)
	}
	if len(s) == 0 {
		return "(none)"
	}
	return strings.Join(s, ", ")
}

// committeeVerdict counts the members whose approval names the exact
// current bytes of every required document.
func committeeVerdict(r *policy.Repo, prev *Rules, c string, required []DocDigest, payloads map[string]*Payload) *CommitteeVerdict {
	cv := &CommitteeVerdict{ID: c}
	cur := r.Registry.Committee(c)
	if cur != nil {
		cv.Name, cv.Quorum = cur.Name, cur.Quorum
	}
	if prev != nil && prev.Registry != nil && appliesTo(prev, c) {
		if pc := prev.Registry.Committee(c); pc != nil {
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
	for _, d := range required {
		ds := &DocStatus{ID: d.ID, Path: d.Path}
		for _, m := range members {
			got := findDoc(payloads[m].Documents, d.ID)
			if got != nil && got.SHA256 == d.SHA256 {
				ds.By = append(ds.By, m)
			} else {
				ds.Stale = append(ds.Stale, m)
				current[m] = false
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
	switch {
	case cur == nil && (prev == nil || prev.Registry == nil || prev.Registry.Committee(c) == nil):
		cv.Reason = fmt.Sprintf("committee %q is named as an approver but is not in the registry", c)
	case cur == nil:
		cv.Reason = fmt.Sprintf("committee %q was dropped from the registry, but the rules of the previous revision still need its approval", c)
	case len(cv.Approved) >= cv.Quorum:
		cv.OK = true
	case len(cv.Approved) == 0 && len(members) == 0:
		cv.Reason = fmt.Sprintf("no approval (quorum %d)", cv.Quorum)
	default:
		cv.Reason = fmt.Sprintf("%d of %d approvals name the current bytes of every document", len(cv.Approved), cv.Quorum)
	}
	return cv
}

func findDoc(ds []DocDigest, id string) *DocDigest {
	for i := range ds {
		if ds[i].ID == id {
			return &ds[i]
		}
	}
	return nil
}
