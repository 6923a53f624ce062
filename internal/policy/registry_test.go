package policy

import (
	"crypto/ed25519"
	"crypto/rand"
	"crypto/rsa"
	"fmt"
	"strings"
	"testing"

	"golang.org/x/crypto/ssh"

	"github.com/policyctl/policyctl/internal/i18n"
)

func pubKey(t *testing.T, k any) string {
	t.Helper()
	p, err := ssh.NewPublicKey(k)
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(string(ssh.MarshalAuthorizedKey(p)))
}

func edKey(t *testing.T) string {
	pub, _, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return pubKey(t, pub)
}

func TestRegistryValid(t *testing.T) {
	k1, k2 := edKey(t), edKey(t)
	src := fmt.Sprintf("members:\n  - {id: tanaka, name: 田中一郎, keys: [%q]}\n  - {id: sato, name: 佐藤, keys: [%q]}\ncommittees:\n  - {id: mayor, name: 市長, quorum: 2, members: [tanaka, sato]}\n", k1, k2)
	r, fs := ParseRegistry([]byte(src))
	if len(fs) != 0 {
		t.Fatalf("findings %+v", fs)
	}
	if r.Member("sato") == nil || len(r.Member("tanaka").PublicKeys) != 1 || r.Committee("mayor").Quorum != 2 || !r.Committee("mayor").HasMember("sato") {
		t.Errorf("registry %+v", r)
	}
	as := string(r.AllowedSigners("policyctl-approval"))
	if !strings.Contains(as, "\ntanaka namespaces=\"policyctl-approval\" ssh-ed25519 ") || strings.Count(as, "namespaces=") != 2 {
		t.Errorf("allowed_signers:\n%s", as)
	}
}

func TestRegistryErrors(t *testing.T) {
	k := edKey(t)
	small, err := rsa.GenerateKey(rand.Reader, 1024)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, src, rule, want string
	}{
		{"unknown member", fmt.Sprintf("members:\n  - {id: a, name: A, keys: [%q]}\ncommittees:\n  - {id: c, name: C, quorum: 1, members: [a, b]}\n", k), "registry/committee", `unknown member "b"`},
		{"key listed twice", fmt.Sprintf("members:\n  - {id: a, name: A, keys: [%q]}\n  - {id: b, name: B, keys: [%q]}\ncommittees: []\n", k, k), "registry/key", "is listed twice"},
		{"quorum too large", fmt.Sprintf("members:\n  - {id: a, name: A, keys: [%q]}\ncommittees:\n  - {id: c, name: C, quorum: 2, members: [a]}\n", k), "registry/quorum", "quorum 2 but only 1 members"},
		{"quorum zero", fmt.Sprintf("members:\n  - {id: a, name: A, keys: [%q]}\ncommittees:\n  - {id: c, name: C, quorum: 0, members: [a]}\n", k), "registry/quorum", "quorum 0"},
		{"dsa key", "members:\n  - {id: a, name: A, keys: [\"ssh-dss AAAAB3NzaC1kc3MAAACBAP1/U4EddRIpUt9KnC7s5Of2EbdSPO9EAMMeP4C2USZpRV1AIlH7WT2NWPq/xfW6MPbLm1Vs14E7gB00b/JmYLdrmVClpJ+f6AR7ECLCT7up1/63xhv4O1fnxqimFQ8E+4P208UewwI1VBNaFpEy9nXzrith1yrv8iIDGZ3RSAHHAAAAFQCXYFCPFSMLzLKSuYKi64QL8Fgc9QAAAIEA9+GghdabPd7LvKtcNrhXuXmUr7v6OuqC+VdMCz0HgmdRWVeOutRZT+ZxBxCBgLRJFnEj6EwoFhO3zwkyjMim4TwWeotUfI0o4KOuHiuzpnWRbqN/C/ohNWLx+2J6ASQ7zKTxvqhRkImog9/hWuWfBpKLZl6Ae1UlZAFMO/7PSSoAAACBAKKSU2PFl/qOLxIwmBZPPIcJshVe7bVUpFvyl3BbJDow8rXfskl8wO63OzP/qLmcJM0+JbcRU/53JjTuyk31drV2qxhIOsLDC9dGCWj47Y7TyhPdXh/0dthTRBy6bqGtRPxGa7gJov1xm/UuYYXPIUR/3x9MAZvZ5xvE0kYXO+rx\"]}\ncommittees: []\n", "registry/key", "key type ssh-dss is not accepted"},
		{"short rsa", fmt.Sprintf("members:\n  - {id: a, name: A, keys: [%q]}\ncommittees: []\n", pubKey(t, &small.PublicKey)), "registry/key", "RSA key of 1024 bits"},
		{"key with valid-before", fmt.Sprintf("members:\n  - {id: a, name: A, keys: [%q]}\ncommittees: []\n", `valid-before="20200101" `+k), "registry/key", `carries options (valid-before="20200101")`},
		{"key with cert-authority", fmt.Sprintf("members:\n  - {id: a, name: A, keys: [%q]}\ncommittees: []\n", `cert-authority,namespaces="git" `+k), "registry/key", "carries options"},
		{"garbage key", "members:\n  - {id: a, name: A, keys: [\"ssh-ed25519 AAAA\"]}\ncommittees: []\n", "registry/key", "does not parse"},
		{"duplicate member", fmt.Sprintf("members:\n  - {id: a, name: A, keys: [%q]}\n  - {id: a, name: A2, keys: []}\ncommittees: []\n", k), "registry/member", "listed twice"},
		{"malformed", "members: [\n", "registry/syntax", "malformed YAML"},
		{"a second document", fmt.Sprintf("members:\n  - {id: a, name: A, keys: [%q]}\ncommittees: []\n---\ncommittees:\n  - {id: c, name: C, quorum: 1, members: [a]}\n", k), "registry/syntax", "a second YAML document"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, fs := ParseRegistry([]byte(tt.src))
			for _, f := range fs {
				if f.Rule.ID == tt.rule && strings.Contains(f.Message, tt.want) && f.Severity == Error && f.Pos.Line > 0 {
					return
				}
			}
			t.Errorf("findings %+v, want %s %q", fs, tt.rule, tt.want)
		})
	}
}

// A key line with options is not taken: verify must not count what the
// options would have refused (an expired valid-before).
func TestRegistryKeyWithOptionsIsNotTaken(t *testing.T) {
	src := fmt.Sprintf("members:\n  - {id: a, name: A, keys: [%q]}\ncommittees: []\n", `valid-before="20200101" `+edKey(t))
	r, _ := ParseRegistry([]byte(src))
	if r == nil || len(r.Members) != 1 {
		t.Fatalf("registry %+v", r)
	}
	if n := len(r.Members[0].PublicKeys); n != 0 {
		t.Errorf("%d keys taken from a line with options, want none", n)
	}
}

// TestYAMLMessagesInJapanese: the parser's messages an editor meets most
// are said in Japanese, and a list's message says which line it names.
func TestYAMLMessagesInJapanese(t *testing.T) {
	defer i18n.Set(i18n.Current())
	i18n.Set(i18n.Ja)
	src := "members:\n  - {id: a, name: 甲, keys: [\"ssh-ed25519 AAAA\"\n  - {id: b, name: 乙, keys: []}\ncommittees: []\n"
	_, fs := ParseRegistry([]byte(src))
	if len(fs) == 0 || !strings.Contains(fs[0].Message, "行番号は { の行です") && !strings.Contains(fs[0].Message, "行番号は [ の行です") {
		t.Fatalf("findings %+v, want the list's message in Japanese", fs)
	}
	if strings.Contains(fs[0].Message, "did not find") {
		t.Errorf("the parser's English is left: %s", fs[0].Message)
	}
}
