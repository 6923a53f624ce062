package approvals

import (
	"errors"
	"fmt"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/crypto/ssh"
	"golang.org/x/crypto/ssh/agent"

	"github.com/policyctl/policyctl/internal/atomicfile"
	"github.com/policyctl/policyctl/internal/policy"
)

// Request names what is approved and by whom.
type Request struct {
	Revision  string
	Kind      string // needed for a new revision; must match an existing one
	Committee string
	Member    string
}

// Result says what Approve wrote.
type Result struct {
	Payload *Payload
	// Files are the repository paths written, in order.
	Files       []string
	NewRevision bool
}

// Prepare checks a request against the repository and returns the payload
// that would be signed, without signing anything, so that the member sees
// exactly what they approve.
func Prepare(fsys fs.FS, r *policy.Repo, prev *Rules, req Request) (*Payload, bool, error) {
	if !ValidRevisionID(req.Revision) {
		return nil, false, fmt.Errorf("revision %q is not a revision id: use the effective date, YYYY-MM-DD", req.Revision)
	}
	if r.Registry == nil {
		return nil, false, fmt.Errorf("%s is missing or unreadable; run policyctl check", policy.RegistryFile)
	}
	c := r.Registry.Committee(req.Committee)
	if c == nil {
		return nil, false, fmt.Errorf("committee %q is not in %s", req.Committee, policy.RegistryFile)
	}
	if !c.HasMember(req.Member) || r.Registry.Member(req.Member) == nil {
		return nil, false, fmt.Errorf("member %q is not in committee %q (%s); members: %s", req.Member, c.ID, c.Name, strings.Join(c.Members, ", "))
	}
	if !slices.Contains(Committees(r, prev), req.Committee) {
		return nil, false, fmt.Errorf("committee %q approves no document: no document lists it under approvers", req.Committee)
	}
	kind := req.Kind
	isNew := false
	meta, err := ReadMeta(fsys, req.Revision)
	switch {
	case err == nil:
		if kind != "" && kind != meta.Kind {
			return nil, false, fmt.Errorf("revision %s is recorded as %s, not %s", req.Revision, meta.Kind, kind)
		}
		kind = meta.Kind
	case errors.Is(err, fs.ErrNotExist):
		isNew = true
		if kind == "" {
			kind = "改訂"
		}
		if !slices.Contains(policy.RevisionKinds, kind) {
			return nil, false, fmt.Errorf("kind %q is not one of %s", kind, strings.Join(policy.RevisionKinds, ", "))
		}
	default:
		return nil, false, err
	}
	p := &Payload{
		Format:         Format,
		Organization:   r.Config.Organization.ID,
		Revision:       req.Revision,
		Kind:           kind,
		Committee:      req.Committee,
		Member:         req.Member,
		Decision:       Decision,
		Documents:      Required(r, prev, req.Committee),
		RegistrySHA256: Digest(r.Registry.Source),
	}
	return p, isNew, nil
}

// Approve signs a prepared payload with signer, whose key must be one the
// registry gives the member, and writes the approval into the repository
// at dir: approvals/<rev>/<committee>.<member>.json and .sig, the
// revision's revision.yaml when it is new, and approvals/allowed_signers.
// Every file is written to a temporary name and renamed into place.
func Approve(dir string, r *policy.Repo, p *Payload, isNew bool, signer ssh.Signer) (*Result, error) {
	if err := CheckKey(r, p.Member, signer.PublicKey()); err != nil {
		return nil, err
	}
	body := p.Marshal()
	sig, err := Sign(body, signer)
	if err != nil {
		return nil, err
	}
	res := &Result{Payload: p, NewRevision: isNew}
	folder := Dir(p.Revision)
	if err := os.MkdirAll(filepath.Join(dir, filepath.FromSlash(folder)), 0o755); err != nil {
		return nil, err
	}
	write := func(rel string, b []byte) error {
		if err := atomicfile.Write(filepath.Join(dir, filepath.FromSlash(rel)), b); err != nil {
			return fmt.Errorf("approvals: %w", err)
		}
		res.Files = append(res.Files, rel)
		return nil
	}
	if isNew {
		meta := fmt.Sprintf("# 改訂 %s (%s): recorded by policyctl approve\nid: %q\nkind: %s\n", p.Revision, p.Kind, p.Revision, p.Kind)
		if err := write(folder+"/revision.yaml", []byte(meta)); err != nil {
			return nil, err
		}
	}
	base := folder + "/" + FileName(p.Committee, p.Member)
	// The signature first: a payload without its signature is an
	// approval that does not count yet, never one that counts wrongly.
	if err := write(base+".sig", sig); err != nil {
		return nil, err
	}
	if err := write(base+".json", body); err != nil {
		return nil, err
	}
	if err := write(policy.AllowedSignersFile, r.Registry.AllowedSigners(Namespace)); err != nil {
		return nil, err
	}
	return res, nil
}

// CheckKey reports whether the registry gives member the key.
func CheckKey(r *policy.Repo, member string, k ssh.PublicKey) error {
	m := r.Registry.Member(member)
	if m == nil || !hasKey(m.PublicKeys, k) {
		return fmt.Errorf("key %s is not a key of member %q in %s", ssh.FingerprintSHA256(k), member, policy.RegistryFile)
	}
	return nil
}

func hasKey(keys []ssh.PublicKey, k ssh.PublicKey) bool {
	for _, x := range keys {
		if string(x.Marshal()) == string(k.Marshal()) {
			return true
		}
	}
	return false
}

// KeyFileSigner reads an unencrypted OpenSSH private key file.
func KeyFileSigner(file string) (ssh.Signer, error) {
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	s, err := ssh.ParsePrivateKey(b)
	var pass *ssh.PassphraseMissingError
	if errors.As(err, &pass) {
		return nil, fmt.Errorf("%s is protected by a passphrase: add it to ssh-agent (ssh-add %s) and run approve without --key", file, file)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return s, nil
}

// AgentSigner finds, in the ssh-agent at SSH_AUTH_SOCK, a key the registry
// gives the member. The returned close function ends the connection.
func AgentSigner(keys []ssh.PublicKey) (ssh.Signer, func() error, error) {
	sock := os.Getenv("SSH_AUTH_SOCK")
	if sock == "" {
		return nil, nil, errors.New("no --key given and no ssh-agent (SSH_AUTH_SOCK is not set): pass --key FILE or start ssh-agent and ssh-add your key")
	}
	conn, err := net.Dial("unix", sock)
	if err != nil {
		return nil, nil, fmt.Errorf("ssh-agent at %s: %w", sock, err)
	}
	signers, err := agent.NewClient(conn).Signers()
	if err != nil {
		conn.Close()
		return nil, nil, fmt.Errorf("ssh-agent: %w", err)
	}
	for _, s := range signers {
		if hasKey(keys, s.PublicKey()) {
			return s, conn.Close, nil
		}
	}
	conn.Close()
	return nil, nil, fmt.Errorf("ssh-agent holds %d keys, none of them the member's key in %s", len(signers), policy.RegistryFile)
}
