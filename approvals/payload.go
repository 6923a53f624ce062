// Package approvals records and verifies committee approvals: SSH
// signatures (OpenSSH SSHSIG, namespace policyctl-approval) over a canonical
// JSON payload that names the exact bytes approved. Anyone can check them
// with ssh-keygen -Y verify and approvals/allowed_signers.
//
// Verification never trusts what it has not checked: the signature is
// verified over the payload's bytes before the payload is parsed, the
// signing key must be one the registry gives the member, and the payload
// must name the current bytes of every document the committee approves.
package approvals

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/policyctl/policyctl/internal/policy"
)

// Namespace is the SSHSIG namespace of every approval signature.
const Namespace = "policyctl-approval"

// Format names the payload format.
const Format = "policyctl-approval/v1"

// Decision is what an approval decides.
const Decision = "approve"

// Payload is what a member signs: who approves which bytes, for which
// revision, under which registry.
type Payload struct {
	Format         string      `json:"format"`
	Organization   string      `json:"organization"`
	Revision       string      `json:"revision"`
	Kind           string      `json:"kind"`
	Committee      string      `json:"committee"`
	Member         string      `json:"member"`
	Decision       string      `json:"decision"`
	Documents      []DocDigest `json:"documents"`
	RegistrySHA256 string      `json:"registry_sha256"`
}

// DocDigest names one approved document by id, path and the SHA-256 of
// its exact bytes.
type DocDigest struct {
	ID     string `json:"id"`
	Path   string `json:"path"`
	SHA256 string `json:"sha256"`
}

// Digest is the hex SHA-256 of b.
func Digest(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// Marshal returns the canonical bytes of a payload: fields in a fixed
// order, documents sorted by id, no insignificant space, no HTML escaping,
// one final newline.
func (p *Payload) Marshal() []byte {
	q := *p
	q.Documents = append([]DocDigest{}, p.Documents...)
	sort.Slice(q.Documents, func(i, j int) bool { return q.Documents[i].ID < q.Documents[j].ID })
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(&q); err != nil {
		panic(err) // a struct of strings always encodes
	}
	return b.Bytes()
}

// MaxPayload and MaxSignature bound what verify reads: an approval is a
// few kilobytes, a larger file is an attack or a mistake.
const (
	MaxPayload   = 1 << 20
	MaxSignature = 64 << 10
)

var (
	revisionRE = regexp.MustCompile(`^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$`)
	hexRE      = regexp.MustCompile(`^[0-9a-f]{64}$`)
)

// ValidRevisionID reports whether id is a revision id: an effective date,
// YYYY-MM-DD.
func ValidRevisionID(id string) bool { return revisionRE.MatchString(id) }

// ParsePayload reads payload bytes whose signature has been verified. It
// accepts only the canonical form Marshal writes, so that two different
// byte strings never mean the same approval.
func ParsePayload(b []byte) (*Payload, error) {
	if len(b) > MaxPayload {
		return nil, fmt.Errorf("payload of %d bytes is larger than %d", len(b), MaxPayload)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var p Payload
	if err := dec.Decode(&p); err != nil {
		return nil, fmt.Errorf("payload is not valid JSON: %w", err)
	}
	if !bytes.Equal(p.Marshal(), b) {
		return nil, errors.New("payload is not in canonical form (fields, order, spacing or document order differ from what policyctl writes)")
	}
	switch {
	case p.Format != Format:
		return nil, fmt.Errorf("payload format %q, want %q", p.Format, Format)
	case p.Decision != Decision:
		return nil, fmt.Errorf("decision %q, want %q", p.Decision, Decision)
	case !ValidRevisionID(p.Revision):
		return nil, fmt.Errorf("revision %q is not a revision id (YYYY-MM-DD)", p.Revision)
	case !hexRE.MatchString(p.RegistrySHA256):
		return nil, errors.New("registry_sha256 is not a SHA-256")
	}
	for _, d := range p.Documents {
		if !hexRE.MatchString(d.SHA256) || d.ID == "" || d.Path == "" {
			return nil, fmt.Errorf("document %q: malformed digest entry", d.ID)
		}
	}
	return &p, nil
}

// Rules are what a revision must satisfy: the registry, and for each
// document id the committees that approve it.
type Rules struct {
	Registry  *policy.Registry
	Approvers map[string][]string // document id -> committee ids
}

// RulesOf reads the rules of a repository model.
func RulesOf(r *policy.Repo) *Rules {
	ru := &Rules{Registry: r.Registry, Approvers: map[string][]string{}}
	for _, d := range r.Docs {
		if d.Meta.ID != "" {
			ru.Approvers[d.Meta.ID] = d.Meta.Approvers
		}
	}
	return ru
}

// Required lists the documents committee c must approve in repository r:
// those that name c as an approver now, and, when prev is given, those
// that named c under the rules of the previous revision in force. Sorted by
// id, with the digests of their current bytes.
func Required(r *policy.Repo, prev *Rules, c string) []DocDigest {
	var out []DocDigest
	for _, d := range r.Docs {
		if d.Meta.ID == "" {
			continue
		}
		need := slices.Contains(d.Meta.Approvers, c)
		if prev != nil && slices.Contains(prev.Approvers[d.Meta.ID], c) {
			need = true
		}
		if need {
			out = append(out, DocDigest{ID: d.Meta.ID, Path: d.Path, SHA256: d.Digest()})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// Committees lists the committees a revision needs, under the current
// rules and those of prev, sorted.
func Committees(r *policy.Repo, prev *Rules) []string {
	set := map[string]bool{}
	for _, d := range r.Docs {
		for _, c := range d.Meta.Approvers {
			set[c] = true
		}
	}
	if prev != nil {
		for _, cs := range prev.Approvers {
			for _, c := range cs {
				set[c] = true
			}
		}
	}
	out := make([]string, 0, len(set))
	for c := range set {
		out = append(out, c)
	}
	sort.Strings(out)
	return out
}

// FileName is the base name of an approval's payload and signature.
func FileName(committee, member string) string { return committee + "." + member }

// Dir is the folder of a revision's approvals.
func Dir(rev string) string { return "approvals/" + rev }

func splitName(base string) (committee, member string, ok bool) {
	c, m, ok := strings.Cut(base, ".")
	return c, m, ok && c != "" && m != "" && !strings.Contains(m, ".")
}
