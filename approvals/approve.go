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
	"github.com/policyctl/policyctl/internal/i18n"
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
// exactly what they approve. r must be read with its Markdown: the files
// the documents link to are part of what is signed.
func Prepare(fsys fs.FS, r *policy.Repo, prev *Rules, req Request) (*Payload, bool, error) {
	if !ValidRevisionID(req.Revision) {
		return nil, false, i18n.Errorf("revision %q is not a revision id: use the effective date as it is in the calendar, YYYY-MM-DD", req.Revision)
	}
	if r.Registry == nil {
		return nil, false, i18n.Errorf("%s is missing or unreadable; run policyctl check", policy.RegistryFile)
	}
	c := r.Registry.Committee(req.Committee)
	if c == nil && (prev == nil || prev.Registry == nil || prev.Registry.Committee(req.Committee) == nil) {
		var ids []string
		for _, c := range r.Registry.Committees {
			ids = append(ids, c.ID)
		}
		return nil, false, i18n.Errorf("committee %q is not in %s (committees: %s)%s", req.Committee, policy.RegistryFile, strings.Join(ids, i18n.T(", ")), suggest(req.Committee, ids))
	}
	if c != nil && (!c.HasMember(req.Member) || r.Registry.Member(req.Member) == nil) {
		return nil, false, i18n.Errorf("member %q is not in committee %q (%s); members: %s%s", req.Member, c.ID, c.Name, strings.Join(c.Members, i18n.T(", ")), suggest(req.Member, c.Members))
	}
	var q *Requirement
	for _, x := range Requirements(r, prev) {
		if x.Committee == req.Committee {
			q = x
		}
	}
	if q == nil {
		return nil, false, i18n.Errorf("committee %q approves no document: no document lists it under approvers", req.Committee)
	}
	kind := req.Kind
	isNew := false
	meta, err := ReadMeta(fsys, req.Revision)
	var me *MetaError
	switch {
	case err == nil:
		if kind != "" && kind != meta.Kind {
			return nil, false, i18n.Errorf("revision %s is recorded as %s, not %s: a revision's kind is fixed when it is first recorded", req.Revision, meta.Kind, kind)
		}
		kind = meta.Kind
	case errors.As(err, &me) && errors.Is(err, fs.ErrNotExist):
		isNew = true
		if kind == "" {
			return nil, false, i18n.Errorf("revision %s is new: say its kind with --kind (%s)", req.Revision, strings.Join(policy.RevisionKinds, i18n.T(", ")))
		}
		if !slices.Contains(policy.RevisionKinds, kind) {
			return nil, false, i18n.Errorf("kind %q is not one of %s", kind, strings.Join(policy.RevisionKinds, i18n.T(", ")))
		}
		ids, err := ListRevisions(fsys)
		if err != nil {
			return nil, false, err
		}
		if len(ids) > 0 && ids[len(ids)-1] >= req.Revision {
			return nil, false, i18n.Errorf("revision %s is not later than %s, the newest revision recorded: a new revision's date (its effective date) comes after every recorded one", req.Revision, ids[len(ids)-1])
		}
	default:
		return nil, false, err
	}
	cfg, err := fs.ReadFile(fsys, policy.ConfigFile)
	if err != nil {
		return nil, false, fmt.Errorf("approvals: %w", err)
	}
	docs := slices.Clone(q.Documents)
	for i := range docs {
		d := r.DocByPath(docs[i].Path)
		if docs[i].Files, err = FilesOf(r, d); err != nil {
			return nil, false, err
		}
	}
	p := &Payload{
		Format:         Format,
		Organization:   r.Config.Organization.ID,
		Revision:       req.Revision,
		Kind:           kind,
		Committee:      req.Committee,
		Member:         req.Member,
		Decision:       Decision,
		Documents:      docs,
		Removed:        q.Removed,
		ConfigSHA256:   Digest(cfg),
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

// WriteAllowedSigners writes approvals/allowed_signers for the registry of
// r into the repository at dir, and returns its repository path.
func WriteAllowedSigners(dir string, r *policy.Repo) (string, error) {
	if r.Registry == nil {
		return "", i18n.Errorf("%s is missing or unreadable; run policyctl check", policy.RegistryFile)
	}
	if err := atomicfile.Write(filepath.Join(dir, filepath.FromSlash(policy.AllowedSignersFile)), r.Registry.AllowedSigners(Namespace)); err != nil {
		return "", fmt.Errorf("approvals: %w", err)
	}
	return policy.AllowedSignersFile, nil
}

// CheckKey reports whether the registry gives member the key.
func CheckKey(r *policy.Repo, member string, k ssh.PublicKey) error {
	m := r.Registry.Member(member)
	if m == nil || !hasKey(m.PublicKeys, k) {
		// Name whose key it is: most often the wrong file was given.
		for _, o := range r.Registry.Members {
			if o.ID != member && hasKey(o.PublicKeys, k) {
				return i18n.Errorf("key %s is not a key of member %q in %s: it is member %q's; give %q's own key, or --member %s", ssh.FingerprintSHA256(k), member, policy.RegistryFile, o.ID, member, o.ID)
			}
		}
		return i18n.Errorf("key %s is not a key of member %q in %s", ssh.FingerprintSHA256(k), member, policy.RegistryFile)
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
	if err != nil {
		if _, _, _, _, perr := ssh.ParseAuthorizedKey(b); perr == nil {
			priv := strings.TrimSuffix(file, ".pub")
			if priv == file {
				priv = i18n.T("the private key that goes with it")
			}
			return nil, i18n.Errorf("%s is a public key: sign with its private key, %s (the file without .pub)", file, priv)
		}
	}
	var pass *ssh.PassphraseMissingError
	if errors.As(err, &pass) {
		return nil, i18n.Errorf("%s is protected by a passphrase: add it to ssh-agent (ssh-add %s) and run approve without --key", file, file)
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
		return nil, nil, i18n.Errorf("no --key given and no ssh-agent (SSH_AUTH_SOCK is not set): pass --key FILE or start ssh-agent and ssh-add your key")
	}
	conn, err := net.Dial("unix", sock)
	if err != nil {
		return nil, nil, i18n.Errorf("ssh-agent at %s: %w", sock, err)
	}
	signers, err := agent.NewClient(conn).Signers()
	if err != nil {
		conn.Close()
		return nil, nil, i18n.Errorf("ssh-agent: %w", err)
	}
	for _, s := range signers {
		if hasKey(keys, s.PublicKey()) {
			return s, conn.Close, nil
		}
	}
	conn.Close()
	return nil, nil, i18n.Errorf("ssh-agent holds %d keys, none of them the member's key in %s", len(signers), policy.RegistryFile)
}

// suggest is " (did you mean X?)" when s is probably a misspelling of one
// of ids.
func suggest(s string, ids []string) string {
	if near := policy.Nearest(s, ids); near != "" {
		return i18n.Sprintf(" (did you mean %q?)", near)
	}
	return ""
}
