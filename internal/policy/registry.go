package policy

import (
	"crypto/rsa"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
	"golang.org/x/crypto/ssh"

	"github.com/policyctl/policyctl/internal/i18n"
)

// RegistryFile is where members, keys and committees are kept.
const RegistryFile = "approvals/registry.yaml"

// AllowedSignersFile is generated from the registry for ssh-keygen -Y verify.
const AllowedSignersFile = "approvals/allowed_signers"

// Registry is approvals/registry.yaml: who may approve, with which keys, in
// which committees.
type Registry struct {
	Members    []Member    `yaml:"members"`
	Committees []Committee `yaml:"committees"`
	// Source is the file's exact bytes; approvals sign their SHA-256.
	Source []byte `yaml:"-"`
}

// Member is a person who may sign approvals.
type Member struct {
	ID   string   `yaml:"id"`
	Name string   `yaml:"name"`
	Keys []string `yaml:"keys"`
	// PublicKeys are the parsed Keys; a key that does not parse is left out
	// and reported.
	PublicKeys []ssh.PublicKey `yaml:"-"`
	Line       int             `yaml:"-"`
}

// Committee is a body that adopts documents, by a quorum of its members.
type Committee struct {
	ID      string   `yaml:"id"`
	Name    string   `yaml:"name"`
	Quorum  int      `yaml:"quorum"`
	Members []string `yaml:"members"`
	Line    int      `yaml:"-"`
}

// Member returns the member with the given id, or nil.
func (r *Registry) Member(id string) *Member {
	for i := range r.Members {
		if r.Members[i].ID == id {
			return &r.Members[i]
		}
	}
	return nil
}

// Committee returns the committee with the given id, or nil.
func (r *Registry) Committee(id string) *Committee {
	for i := range r.Committees {
		if r.Committees[i].ID == id {
			return &r.Committees[i]
		}
	}
	return nil
}

// HasMember reports whether member belongs to the committee.
func (c *Committee) HasMember(member string) bool {
	for _, m := range c.Members {
		if m == member {
			return true
		}
	}
	return false
}

// allowedKeyTypes are the key types approvals accept: ed25519, its security
// key form, ECDSA, and RSA (whose signatures must be rsa-sha2-256/512).
var allowedKeyTypes = map[string]bool{
	ssh.KeyAlgoED25519:    true,
	ssh.KeyAlgoSKED25519:  true,
	ssh.KeyAlgoECDSA256:   true,
	ssh.KeyAlgoECDSA384:   true,
	ssh.KeyAlgoECDSA521:   true,
	ssh.KeyAlgoSKECDSA256: true,
	ssh.KeyAlgoRSA:        true,
}

// ParseRegistry reads and validates a registry. It returns the registry and
// the problems found; the registry is nil only when the YAML cannot be read.
func ParseRegistry(src []byte) (*Registry, []Finding) {
	var fs []Finding
	bad := func(line int, rule *Rule, msg, hint string) {
		fs = append(fs, Finding{Rule: rule, Severity: Error, Pos: Pos{File: RegistryFile, Line: line, Col: 1}, Message: msg, Hint: hint})
	}
	var root yaml.Node
	if err := yaml.Unmarshal(src, &root); err != nil {
		bad(yamlErrorLine(err), RuleRegistrySyntax, i18n.T("malformed YAML: ")+trimYAMLError(err), i18n.T("see the registry format in docs/formats.md"))
		return nil, fs
	}
	if line := SecondYAMLDocument(src); line > 0 {
		bad(line, RuleRegistrySyntax, i18n.T(`a second YAML document starts here (a line "---" or "..."): policyctl would read only the first, and every key after it would not count`), i18n.T("keep one YAML document in the registry"))
		return nil, fs
	}
	// Names and ids reach the approval preview a member reads before
	// signing, and every report: none may act on a terminal.
	if v, c := yamlControl(&root, false); v != nil {
		bad(v.Line, RuleRegistrySyntax, i18n.Sprintf("a value holds the character %U: it is invisible, or acts on the terminal that shows it", c), i18n.T("delete it from the value"))
		return nil, fs
	}
	r := &Registry{Source: src}
	if err := root.Decode(r); err != nil {
		bad(yamlErrorLine(err), RuleRegistrySyntax, i18n.T("cannot read the registry: ")+trimYAMLError(err),
			i18n.T("expected members: [{id, name, keys: [...]}] and committees: [{id, name, quorum, members: [...]}]"))
		return nil, fs
	}
	lines := func(key string, n int) []int {
		ls := make([]int, n)
		if len(root.Content) == 0 || root.Content[0].Kind != yaml.MappingNode {
			return ls
		}
		m := root.Content[0]
		for i := 0; i+1 < len(m.Content); i += 2 {
			if m.Content[i].Value == key && m.Content[i+1].Kind == yaml.SequenceNode {
				for j, e := range m.Content[i+1].Content {
					if j < n {
						ls[j] = e.Line
					}
				}
			}
		}
		return ls
	}
	if len(r.Committees) == 0 || len(r.Members) == 0 {
		bad(1, RuleRegistryEmpty, i18n.T("the registry has no committee or no member: nobody can approve"),
			i18n.T("add the members with their SSH public keys and the committees with their quorums (docs/formats.md)"))
	}
	ml, cl := lines("members", len(r.Members)), lines("committees", len(r.Committees))
	members := map[string]bool{}
	keyOwner := map[string]string{}
	for i := range r.Members {
		m := &r.Members[i]
		m.Line = ml[i]
		switch {
		case !idPattern.MatchString(m.ID):
			bad(m.Line, RuleRegistryMember, i18n.Sprintf("member id %q is not an id", m.ID), i18n.T(`use lower-case letters, digits and "-", such as "tanaka"`))
		case members[m.ID]:
			bad(m.Line, RuleRegistryMember, i18n.Sprintf("member %q is listed twice", m.ID), i18n.T("merge the two entries"))
		}
		members[m.ID] = true
		if len(m.Keys) == 0 {
			// A new repository lists its members before it has their keys.
			fs = append(fs, Finding{Rule: RuleRegistryKey, Severity: Warning, Pos: Pos{File: RegistryFile, Line: m.Line, Col: 1},
				Message: i18n.Sprintf("member %q has no keys yet and cannot approve", m.ID),
				Hint:    i18n.T("add the member's SSH public key (the line in ~/.ssh/id_ed25519.pub)")})
		}
		for _, k := range m.Keys {
			if f := strings.Fields(k); len(f) > 0 && !allowedKeyTypes[f[0]] && !strings.Contains(f[0], "=") {
				bad(m.Line, RuleRegistryKey, i18n.Sprintf("member %q: key type %s is not accepted", m.ID, f[0]), i18n.T("use ed25519, sk-ed25519, ECDSA or RSA (3072 bits or more) keys"))
				continue
			}
			pk, _, options, _, err := ssh.ParseAuthorizedKey([]byte(k))
			if err != nil {
				bad(m.Line, RuleRegistryKey, i18n.Sprintf("member %q: a key does not parse: %v", m.ID, err), i18n.T("paste the whole public key line: type, base64 data, comment"))
				continue
			}
			if len(options) > 0 {
				// valid-before, namespaces, cert-authority …: policyctl
				// applies none of them, and the allowed_signers it writes
				// would not carry them, so a key its entry retires would
				// still approve. The key is not taken.
				bad(m.Line, RuleRegistryKey, i18n.Sprintf("member %q: a key carries options (%s), which policyctl does not apply: the key would approve as if they were not there", m.ID, strings.Join(options, ",")),
					i18n.T("write the key without options (type, base64 data, comment); to retire a key, remove it from the registry, and to let it approve only for a time, add and remove it in approved revisions"))
				continue
			}
			if !allowedKeyTypes[pk.Type()] {
				bad(m.Line, RuleRegistryKey, i18n.Sprintf("member %q: key type %s is not accepted", m.ID, pk.Type()), i18n.T("use ed25519, sk-ed25519, ECDSA or RSA (3072 bits or more) keys"))
				continue
			}
			if ck, ok := pk.(ssh.CryptoPublicKey); ok && pk.Type() == ssh.KeyAlgoRSA {
				if rk, ok := ck.CryptoPublicKey().(*rsa.PublicKey); ok && rk.N.BitLen() < 2048 {
					bad(m.Line, RuleRegistryKey, i18n.Sprintf("member %q: RSA key of %d bits is too short", m.ID, rk.N.BitLen()), i18n.T("use an ed25519 key, or RSA of 3072 bits or more"))
					continue
				}
			}
			fp := ssh.FingerprintSHA256(pk)
			if owner, dup := keyOwner[fp]; dup {
				bad(m.Line, RuleRegistryKey, i18n.Sprintf("key %s is listed twice (members %q and %q)", fp, owner, m.ID), i18n.T("every key belongs to exactly one member"))
				continue
			}
			keyOwner[fp] = m.ID
			m.PublicKeys = append(m.PublicKeys, pk)
		}
	}
	committees := map[string]bool{}
	for i := range r.Committees {
		c := &r.Committees[i]
		c.Line = cl[i]
		switch {
		case !idPattern.MatchString(c.ID):
			bad(c.Line, RuleRegistryCommittee, i18n.Sprintf("committee id %q is not an id", c.ID), i18n.T(`use lower-case letters, digits and "-", such as "mayor"`))
		case committees[c.ID]:
			bad(c.Line, RuleRegistryCommittee, i18n.Sprintf("committee %q is listed twice", c.ID), i18n.T("merge the two entries"))
		}
		committees[c.ID] = true
		seen := map[string]bool{}
		for _, m := range c.Members {
			if !members[m] {
				bad(c.Line, RuleRegistryCommittee, i18n.Sprintf("committee %q lists unknown member %q", c.ID, m), i18n.T("add the member under members, or fix the id"))
			}
			if seen[m] {
				bad(c.Line, RuleRegistryCommittee, i18n.Sprintf("committee %q lists member %q twice", c.ID, m), i18n.T("list each member once"))
			}
			seen[m] = true
		}
		switch {
		case c.Quorum < 1:
			bad(c.Line, RuleRegistryQuorum, i18n.Sprintf("committee %q has quorum %d", c.ID, c.Quorum), i18n.T("set quorum to the number of members whose approval adopts a document, at least 1"))
		case c.Quorum > len(seen):
			bad(c.Line, RuleRegistryQuorum, i18n.Sprintf("committee %q has quorum %d but only %d members", c.ID, c.Quorum, len(seen)), i18n.T("lower the quorum or add members"))
		}
	}
	return r, fs
}

// AllowedSigners writes the registry in OpenSSH allowed_signers form, one
// line per key, principal = member id, restricted to the approval namespace.
func (r *Registry) AllowedSigners(namespace string) []byte {
	var b strings.Builder
	b.WriteString("# Generated by policyctl from approvals/registry.yaml. Do not edit.\n")
	b.WriteString("# ssh-keygen -Y verify -f approvals/allowed_signers -I <member> -n " + namespace + " -s <approval>.sig < <approval>.json\n")
	for _, m := range r.Members {
		for _, k := range m.PublicKeys {
			fmt.Fprintf(&b, "%s namespaces=%q %s", m.ID, namespace, ssh.MarshalAuthorizedKey(k))
		}
	}
	return []byte(b.String())
}
