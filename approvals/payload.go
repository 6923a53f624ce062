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
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/policyctl/policyctl/internal/i18n"
)

// Namespace is the SSHSIG namespace of every approval signature.
const Namespace = "policyctl-approval"

// Format names the payload format. Version 2 binds the configuration and
// every file the documents link to, and the documents a revision
// abolishes; version 1 payloads are not accepted.
const Format = "policyctl-approval/v2"

// Decision is what an approval decides.
const Decision = "approve"

// Payload is what a member signs: who approves which bytes, for which
// revision, under which configuration and registry.
type Payload struct {
	Format       string      `json:"format"`
	Organization string      `json:"organization"`
	Revision     string      `json:"revision"`
	Kind         string      `json:"kind"`
	Committee    string      `json:"committee"`
	Member       string      `json:"member"`
	Decision     string      `json:"decision"`
	Documents    []DocDigest `json:"documents"`
	// Removed are the documents the revision abolishes that the committee
	// approved before.
	Removed []DocRef `json:"removed"`
	// ConfigSHA256 is the digest of policyctl.yaml, which says what each
	// edition shows.
	ConfigSHA256   string `json:"config_sha256"`
	RegistrySHA256 string `json:"registry_sha256"`

	// byDoc finds a document's entry without a search per lookup; set
	// by ParsePayload.
	byDoc map[DocRef]*DocDigest
}

// doc returns the entry for the document with that id and path, or nil.
func (p *Payload) doc(id, path string) *DocDigest {
	if p.byDoc != nil {
		return p.byDoc[DocRef{ID: id, Path: path}]
	}
	var got *DocDigest
	for i := range p.Documents {
		if p.Documents[i].ID == id && p.Documents[i].Path == path {
			got = &p.Documents[i]
		}
	}
	return got
}

// DocDigest names one approved document by id, path and the SHA-256 of
// its exact bytes, with the files its text links to.
type DocDigest struct {
	ID     string       `json:"id"`
	Path   string       `json:"path"`
	SHA256 string       `json:"sha256"`
	Files  []FileDigest `json:"files"`
}

// FileDigest names a file an edition can contain by path and SHA-256.
type FileDigest struct {
	Path   string `json:"path"`
	SHA256 string `json:"sha256"`
}

// DocRef names a document without its bytes: one that was abolished.
type DocRef struct {
	ID   string `json:"id"`
	Path string `json:"path"`
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
	return p.appendMarshal(nil)
}

// appendMarshal appends the canonical bytes to b. A payload already in
// canonical order (every payload read from a file is) is written as it
// is, without the sorted copy: history checks thousands of them.
func (p *Payload) appendMarshal(b []byte) []byte {
	if p.inCanonicalOrder() {
		return appendCanonical(b, p)
	}
	q := p.canonicalOrder()
	return appendCanonical(b, &q)
}

// inCanonicalOrder reports whether canonicalOrder would leave p as it is:
// documents, files and removed documents strictly ascending (with equal
// keys, the unstable sort would be free to reorder them).
func (p *Payload) inCanonicalOrder() bool {
	for i := 1; i < len(p.Documents); i++ {
		a, b := &p.Documents[i-1], &p.Documents[i]
		if !docLess(a.ID, a.Path, b.ID, b.Path) {
			return false
		}
	}
	for _, d := range p.Documents {
		for i := 1; i < len(d.Files); i++ {
			if !(d.Files[i-1].Path < d.Files[i].Path) {
				return false
			}
		}
	}
	for i := 1; i < len(p.Removed); i++ {
		a, b := p.Removed[i-1], p.Removed[i]
		if !docLess(a.ID, a.Path, b.ID, b.Path) {
			return false
		}
	}
	return true
}

// canonicalOrder is a copy of p with documents sorted by id and path,
// each document's files by path, and removed documents by id and path.
func (p *Payload) canonicalOrder() Payload {
	q := *p
	q.Documents = make([]DocDigest, len(p.Documents))
	for i, d := range p.Documents {
		d.Files = append([]FileDigest{}, d.Files...)
		sort.Slice(d.Files, func(i, j int) bool { return d.Files[i].Path < d.Files[j].Path })
		q.Documents[i] = d
	}
	sort.Slice(q.Documents, func(i, j int) bool {
		return docLess(q.Documents[i].ID, q.Documents[i].Path, q.Documents[j].ID, q.Documents[j].Path)
	})
	q.Removed = append([]DocRef{}, p.Removed...)
	sort.Slice(q.Removed, func(i, j int) bool {
		return docLess(q.Removed[i].ID, q.Removed[i].Path, q.Removed[j].ID, q.Removed[j].Path)
	})
	return q
}

// marshalJSON is Marshal by encoding/json alone: the reference the
// canonical writer is tested against.
func (p *Payload) marshalJSON() []byte {
	q := p.canonicalOrder()
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
)

// ValidRevisionID reports whether id is a revision id: an effective date,
// YYYY-MM-DD, that exists in the calendar (2026-02-30 does not).
func ValidRevisionID(id string) bool {
	if !revisionRE.MatchString(id) {
		return false
	}
	t, err := time.Parse(time.DateOnly, id)
	return err == nil && t.Format(time.DateOnly) == id
}

// isHexDigest reports whether s is a lower-case hex SHA-256.
func isHexDigest(s string) bool {
	if len(s) != 64 {
		return false
	}
	var bad byte
	for i := 0; i < len(s); i++ {
		bad |= notLowerHex[s[i]]
	}
	return bad == 0
}

// notLowerHex is 1 for every byte that is not a lower-case hex digit: a
// history reads some hundred thousand digests, and a table without
// branches reads them several times faster.
var notLowerHex = func() (t [256]byte) {
	for c := range t {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			t[c] = 1
		}
	}
	return t
}()

// ParsePayload reads payload bytes whose signature has been verified. It
// accepts only the canonical form Marshal writes, so that two different
// byte strings never mean the same approval.
func ParsePayload(b []byte) (*Payload, error) {
	if len(b) > MaxPayload {
		return nil, i18n.Errorf("payload of %d bytes is larger than %d", len(b), MaxPayload)
	}
	p := parseCanonical(b)
	// Canonical bytes are their own size when written again.
	if p == nil || !writesAs(p, b) {
		// Not what the fast reader knows: encoding/json decides, and says
		// what is wrong.
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.DisallowUnknownFields()
		p = new(Payload)
		if err := dec.Decode(p); err != nil {
			return nil, i18n.Errorf("payload is not valid JSON: %w", err)
		}
		if !bytes.Equal(p.Marshal(), b) {
			return nil, i18n.Errorf("payload is not in canonical form (fields, order, spacing or document order differ from what policyctl writes)")
		}
	}
	switch {
	case p.Format != Format:
		return nil, i18n.Errorf("payload format %q, want %q", p.Format, Format)
	case p.Decision != Decision:
		return nil, i18n.Errorf("decision %q, want %q", p.Decision, Decision)
	case !ValidRevisionID(p.Revision):
		return nil, i18n.Errorf("revision %q is not a revision id (YYYY-MM-DD)", p.Revision)
	case !isHexDigest(p.RegistrySHA256):
		return nil, i18n.Errorf("registry_sha256 is not a SHA-256")
	case !isHexDigest(p.ConfigSHA256):
		return nil, i18n.Errorf("config_sha256 is not a SHA-256")
	}
	for _, d := range p.Documents {
		if !isHexDigest(d.SHA256) || d.ID == "" || d.Path == "" {
			return nil, i18n.Errorf("document %q: malformed digest entry", d.ID)
		}
		for _, f := range d.Files {
			if !isHexDigest(f.SHA256) || f.Path == "" {
				return nil, i18n.Errorf("document %q: malformed file digest %q", d.ID, f.Path)
			}
		}
	}
	for _, d := range p.Removed {
		if d.Path == "" {
			return nil, i18n.Errorf("removed: an entry has no path")
		}
	}
	p.byDoc = make(map[DocRef]*DocDigest, len(p.Documents))
	for i := range p.Documents {
		p.byDoc[DocRef{ID: p.Documents[i].ID, Path: p.Documents[i].Path}] = &p.Documents[i]
	}
	return p, nil
}

var marshalBuffers sync.Pool

// writesAs reports whether p is written as exactly b.
func writesAs(p *Payload, b []byte) bool {
	buf, _ := marshalBuffers.Get().(*[]byte)
	if buf == nil {
		buf = new([]byte)
	}
	*buf = p.appendMarshal((*buf)[:0])
	same := bytes.Equal(*buf, b)
	marshalBuffers.Put(buf)
	return same
}

// FileName is the base name of an approval's payload and signature.
func FileName(committee, member string) string { return committee + "." + member }

// Dir is the folder of a revision's approvals.
func Dir(rev string) string { return "approvals/" + rev }

func splitName(base string) (committee, member string, ok bool) {
	c, m, ok := strings.Cut(base, ".")
	return c, m, ok && c != "" && m != "" && !strings.Contains(m, ".")
}
