package approvals

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"encoding/pem"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/hiddeco/sshsig"
	"golang.org/x/crypto/ssh"

	"github.com/policyctl/policyctl/internal/policy"
)

// fixture is a small policy repository on disk with members whose private
// keys the test holds.
type fixture struct {
	t    *testing.T
	dir  string
	keys map[string]ssh.Signer // member (or member#2) -> signer
	priv map[string]ed25519.PrivateKey
}

const basicDoc = "---\nid: basic\ntitle: 基本方針\ntier: basic\nvisibility: public\napprovers: [mayor, council]\n---\n## 1. 目的\n\n情報資産を守ることが目的である。\n"
const stdDoc = "---\nid: std\ntitle: 対策基準\ntier: standard\nvisibility: internal\napprovers: [mayor]\n---\n第1条　定める。\n"

func newFixture(t *testing.T) *fixture {
	f := &fixture{t: t, dir: t.TempDir(), keys: map[string]ssh.Signer{}, priv: map[string]ed25519.PrivateKey{}}
	for _, m := range []string{"tanaka", "sato", "sato#2", "suzuki", "mallory"} {
		_, priv, err := ed25519.GenerateKey(rand.Reader)
		if err != nil {
			t.Fatal(err)
		}
		s, err := ssh.NewSignerFromKey(priv)
		if err != nil {
			t.Fatal(err)
		}
		f.keys[m], f.priv[m] = s, priv
	}
	f.write("policyctl.yaml", "organization: {id: test, name: 試験市}\ntitle: 試験市情報セキュリティポリシー\n")
	f.write(policy.RegistryFile, f.registry(nil, true))
	f.write("policy/basic.md", basicDoc)
	f.write("policy/std.md", stdDoc)
	return f
}

func (f *fixture) pub(m string) string {
	return strings.TrimSpace(string(ssh.MarshalAuthorizedKey(f.keys[m].PublicKey())))
}

// registry writes the registry; swap replaces a member's key by another's.
func (f *fixture) registry(swap map[string]string, withCouncil bool) string {
	key := func(m string) string {
		if s, ok := swap[m]; ok {
			return f.pub(s)
		}
		return f.pub(m)
	}
	s := fmt.Sprintf("members:\n  - {id: tanaka, name: 田中, keys: [%q]}\n  - {id: sato, name: 佐藤, keys: [%q, %q]}\n  - {id: suzuki, name: 鈴木, keys: [%q]}\ncommittees:\n  - {id: mayor, name: 市長, quorum: 1, members: [tanaka, sato]}\n",
		key("tanaka"), key("sato"), f.pub("sato#2"), key("suzuki"))
	if withCouncil {
		s += "  - {id: council, name: 議会, quorum: 2, members: [sato, suzuki]}\n"
	}
	return s
}

func (f *fixture) write(p, s string) {
	f.t.Helper()
	full := filepath.Join(f.dir, filepath.FromSlash(p))
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		f.t.Fatal(err)
	}
	if err := os.WriteFile(full, []byte(s), 0o644); err != nil {
		f.t.Fatal(err)
	}
}

func (f *fixture) load(fsys fs.FS) *policy.Repo {
	f.t.Helper()
	r, err := policy.Load(fsys, policy.LoadOptions{})
	if err != nil {
		f.t.Fatal(err)
	}
	return r
}

// approve signs as member with key (default: the member's own).
func (f *fixture) approve(rev, committee, member, key string, prev *Rules) {
	f.t.Helper()
	if key == "" {
		key = member
	}
	fsys := os.DirFS(f.dir)
	r := f.load(fsys)
	p, isNew, err := Prepare(fsys, r, prev, Request{Revision: rev, Kind: "改訂", Committee: committee, Member: member})
	if err != nil {
		f.t.Fatal(err)
	}
	if _, err := Approve(f.dir, r, p, isNew, f.keys[key]); err != nil {
		f.t.Fatal(err)
	}
}

func (f *fixture) approveAll(rev string, prev *Rules) {
	f.approve(rev, "mayor", "tanaka", "", prev)
	f.approve(rev, "council", "sato", "", prev)
	f.approve(rev, "council", "suzuki", "", prev)
}

// snapshot copies the repository into memory, where a test can tamper.
func (f *fixture) snapshot() fstest.MapFS {
	f.t.Helper()
	m := fstest.MapFS{}
	err := filepath.WalkDir(f.dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(f.dir, p)
		m[filepath.ToSlash(rel)] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		f.t.Fatal(err)
	}
	return m
}

func (f *fixture) verify(fsys fs.FS, rev string, prev *Rules) *Verdict {
	f.t.Helper()
	v, err := Verify(fsys, f.load(fsys), rev, prev, "")
	if err != nil {
		f.t.Fatal(err)
	}
	return v
}

func summary(v *Verdict) string {
	var parts []string
	for _, c := range v.Committees {
		s := c.ID + "="
		if c.OK {
			s += "OK"
		} else {
			s += "NG"
		}
		for _, d := range c.Documents {
			if d.State != "approved" {
				s += " " + d.ID + ":" + d.State
			}
		}
		parts = append(parts, s)
	}
	for _, p := range v.Invalid {
		parts = append(parts, "invalid "+filepath.Base(p.File)+": "+p.Detail)
	}
	return strings.Join(parts, "; ")
}

func TestApproveAndVerify(t *testing.T) {
	f := newFixture(t)
	f.approveAll("2026-03-31", nil)
	v := f.verify(os.DirFS(f.dir), "2026-03-31", nil)
	if !v.OK {
		t.Fatalf("verdict: %s", summary(v))
	}
	if got := summary(v); got != "council=OK; mayor=OK" {
		t.Errorf("summary %q", got)
	}
	meta, err := os.ReadFile(filepath.Join(f.dir, "approvals/2026-03-31/revision.yaml"))
	if err != nil || !strings.Contains(string(meta), "kind: 改訂") {
		t.Errorf("revision.yaml: %s %v", meta, err)
	}
	as, _ := os.ReadFile(filepath.Join(f.dir, policy.AllowedSignersFile))
	if !strings.Contains(string(as), `tanaka namespaces="policyctl-approval" ssh-ed25519`) {
		t.Errorf("allowed_signers:\n%s", as)
	}
}

func TestPrepareRefuses(t *testing.T) {
	f := newFixture(t)
	fsys := os.DirFS(f.dir)
	r := f.load(fsys)
	for _, tt := range []struct {
		req  Request
		want string
	}{
		{Request{Revision: "2026-3-31", Committee: "mayor", Member: "tanaka"}, "is not a revision id"},
		{Request{Revision: "2026-03-31", Committee: "police", Member: "tanaka"}, `committee "police" is not in`},
		{Request{Revision: "2026-03-31", Committee: "council", Member: "tanaka"}, `member "tanaka" is not in committee "council"`},
		{Request{Revision: "2026-03-31", Kind: "改定", Committee: "mayor", Member: "tanaka"}, `kind "改定" is not one of`},
		{Request{Revision: "2026-02-30", Kind: "改訂", Committee: "mayor", Member: "tanaka"}, "as it is in the calendar"},
		{Request{Revision: "2026-03-31", Committee: "mayor", Member: "tanaka"}, "say its kind with --kind"},
	} {
		if _, _, err := Prepare(fsys, r, nil, tt.req); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%+v: %v, want %q", tt.req, err, tt.want)
		}
	}
	p, isNew, err := Prepare(fsys, r, nil, Request{Revision: "2026-03-31", Kind: "改訂", Committee: "mayor", Member: "tanaka"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Approve(f.dir, r, p, isNew, f.keys["mallory"]); err == nil || !strings.Contains(err.Error(), `is not a key of member "tanaka"`) {
		t.Errorf("a key that is not the member's: %v", err)
	}
	// A revision dated before one already recorded would rewrite history.
	f.approve("2026-03-31", "mayor", "tanaka", "", nil)
	if _, _, err := Prepare(os.DirFS(f.dir), f.load(os.DirFS(f.dir)), nil, Request{Revision: "2025-04-01", Kind: "改訂", Committee: "mayor", Member: "tanaka"}); err == nil || !strings.Contains(err.Error(), "is not later than 2026-03-31") {
		t.Errorf("an earlier revision: %v", err)
	}
	// A public key given as --key names the private one.
	pub := f.keyFile("tanaka") + ".pub"
	if _, err := KeyFileSigner(pub); err == nil || !strings.Contains(err.Error(), "is a public key: sign with its private key") {
		t.Errorf("a .pub key: %v", err)
	}
}

// TestTamper: every way to fake, reuse or outlive an approval fails.
func TestTamper(t *testing.T) {
	f := newFixture(t)
	f.approveAll("2026-03-31", nil)
	const rev = "2026-03-31"
	dirOf := "approvals/" + rev + "/"
	sign := func(payload []byte, key ssh.Signer, ns string, h sshsig.HashAlgorithm) []byte {
		s, err := sshsig.Sign(bytes.NewReader(payload), key, h, ns)
		if err != nil {
			t.Fatal(err)
		}
		return sshsig.Armor(s)
	}
	tests := []struct {
		name   string
		tamper func(m fstest.MapFS)
		want   string // a fragment of the summary
	}{
		{"one byte changed in an approved document", func(m fstest.MapFS) {
			m["policy/basic.md"].Data = bytes.Replace(m["policy/basic.md"].Data, []byte("目的である"), []byte("目的とする"), 1)
		}, "council=NG basic:stale; mayor=NG basic:stale"},
		{"CRLF in place of the approved bytes", func(m fstest.MapFS) {
			m["policy/std.md"].Data = bytes.ReplaceAll(m["policy/std.md"].Data, []byte("\n"), []byte("\r\n"))
		}, "mayor=NG std:stale"},
		{"a BOM in front of the approved bytes", func(m fstest.MapFS) {
			m["policy/std.md"].Data = append([]byte("\uFEFF"), m["policy/std.md"].Data...)
		}, "mayor=NG std:stale"},
		{"NFD in place of NFC", func(m fstest.MapFS) {
			m["policy/basic.md"].Data = bytes.Replace(m["policy/basic.md"].Data, []byte("が"), []byte("か\u3099"), -1)
			m["policy/basic.md"].Data = bytes.Replace(m["policy/basic.md"].Data, []byte("ことが"), []byte("ことか\u3099"), 1)
		}, "basic:stale"},
		{"a payload edited after signing", func(m fstest.MapFS) {
			m[dirOf+"mayor.tanaka.json"].Data = bytes.Replace(m[dirOf+"mayor.tanaka.json"].Data, []byte(`"decision":"approve"`), []byte(`"decision":"approve" `), 1)
		}, "invalid mayor.tanaka.json: signature does not verify"},
		{"a signature copied to another committee", func(m fstest.MapFS) {
			delete(m, dirOf+"mayor.tanaka.json")
			delete(m, dirOf+"mayor.tanaka.sig")
			m[dirOf+"mayor.sato.json"] = m[dirOf+"council.sato.json"]
			m[dirOf+"mayor.sato.sig"] = m[dirOf+"council.sato.sig"]
		}, "invalid mayor.sato.json: payload is for council.sato, but the file is mayor.sato"},
		{"a signature copied to another revision", func(m fstest.MapFS) {
			other := "approvals/2027-04-01/"
			m[other+"revision.yaml"] = &fstest.MapFile{Data: []byte("id: \"2027-04-01\"\nkind: 改訂\n")}
			for _, n := range []string{"mayor.tanaka", "council.sato", "council.suzuki"} {
				m[other+n+".json"], m[other+n+".sig"] = m[dirOf+n+".json"], m[dirOf+n+".sig"]
			}
		}, "@2027-04-01 invalid council.sato.json: payload is for revision 2026-03-31, not 2027-04-01"},
		{"a signature for another document set", func(m fstest.MapFS) {
			m["policy/extra.md"] = &fstest.MapFile{Data: []byte("---\nid: extra\ntitle: 追加\ntier: procedure\nvisibility: internal\napprovers: [mayor]\n---\n本文\n")}
		}, "invalid mayor.tanaka.json: payload approves documents basic, std, but the committee must approve basic, extra, std"},
		{"a signature for another organisation", func(m fstest.MapFS) {
			m["policyctl.yaml"].Data = bytes.Replace(m["policyctl.yaml"].Data, []byte("id: test"), []byte("id: other"), 1)
		}, `payload is for organization "test", not "other"`},
		{"the namespace git", func(m fstest.MapFS) {
			m[dirOf+"mayor.tanaka.sig"].Data = sign(m[dirOf+"mayor.tanaka.json"].Data, f.keys["tanaka"], "git", sshsig.HashSHA512)
		}, `invalid mayor.tanaka.json: signature namespace is "git", not "policyctl-approval"`},
		{"the namespace file", func(m fstest.MapFS) {
			m[dirOf+"mayor.tanaka.sig"].Data = sign(m[dirOf+"mayor.tanaka.json"].Data, f.keys["tanaka"], "file", sshsig.HashSHA256)
		}, `signature namespace is "file"`},
		{"one member's approval counted twice with two keys", func(m fstest.MapFS) {
			delete(m, dirOf+"council.suzuki.json")
			delete(m, dirOf+"council.suzuki.sig")
			m[dirOf+"council.sato-2.json"] = &fstest.MapFile{Data: m[dirOf+"council.sato.json"].Data}
			m[dirOf+"council.sato-2.sig"] = &fstest.MapFile{Data: sign(m[dirOf+"council.sato.json"].Data, f.keys["sato#2"], Namespace, sshsig.HashSHA512)}
		}, `council=NG basic:missing; mayor=OK; invalid council.sato-2.json: member "sato-2" is not in committee "council"`},
		{"a member signing for a committee they are not in", func(m fstest.MapFS) {
			p, _ := ParsePayload(m[dirOf+"council.sato.json"].Data)
			p.Member = "tanaka"
			body := p.Marshal()
			m[dirOf+"council.tanaka.json"] = &fstest.MapFile{Data: body}
			m[dirOf+"council.tanaka.sig"] = &fstest.MapFile{Data: sign(body, f.keys["tanaka"], Namespace, sshsig.HashSHA512)}
			delete(m, dirOf+"council.suzuki.json")
		}, `invalid council.tanaka.json: member "tanaka" is not in committee "council"`},
		{"a key not in the registry", func(m fstest.MapFS) {
			m[dirOf+"mayor.tanaka.sig"].Data = sign(m[dirOf+"mayor.tanaka.json"].Data, f.keys["mallory"], Namespace, sshsig.HashSHA512)
		}, "which is not a key of this member in the registry"},
		{"malformed armor", func(m fstest.MapFS) {
			m[dirOf+"mayor.tanaka.sig"].Data = []byte("-----BEGIN SSH SIGNATURE-----\nnot base64!\n-----END SSH SIGNATURE-----\n")
		}, "invalid mayor.tanaka.json: malformed SSH signature"},
		{"trailing garbage after the signature", func(m fstest.MapFS) {
			m[dirOf+"mayor.tanaka.sig"].Data = append(append([]byte{}, m[dirOf+"mayor.tanaka.sig"].Data...), []byte("extra\n")...)
		}, "bytes of trailing data after the signature"},
		{"leading garbage before the signature", func(m fstest.MapFS) {
			m[dirOf+"mayor.tanaka.sig"].Data = append([]byte("x\n"), m[dirOf+"mayor.tanaka.sig"].Data...)
		}, "not an armored SSH signature"},
		{"an unknown hash algorithm", func(m fstest.MapFS) {
			s, _ := ParseSignature(m[dirOf+"mayor.tanaka.sig"].Data)
			s.HashAlgorithm = "md5"
			m[dirOf+"mayor.tanaka.sig"].Data = pem.EncodeToMemory(&pem.Block{Type: "SSH SIGNATURE", Bytes: s.Marshal()})
		}, "invalid mayor.tanaka.json: malformed SSH signature"},
		{"an oversized payload", func(m fstest.MapFS) {
			m[dirOf+"mayor.tanaka.json"].Data = bytes.Repeat([]byte(" "), MaxPayload+1)
		}, "mayor.tanaka.json is 1048577 bytes, larger than 1048576"},
		{"an oversized signature", func(m fstest.MapFS) {
			m[dirOf+"mayor.tanaka.sig"].Data = bytes.Repeat([]byte("A"), MaxSignature+1)
		}, "mayor.tanaka.sig is 65537 bytes, larger than 65536"},
		{"a missing signature", func(m fstest.MapFS) {
			delete(m, dirOf+"mayor.tanaka.sig")
		}, "mayor.tanaka.sig is missing"},
		{"the registry changed after the approvals", func(m fstest.MapFS) {
			m[policy.RegistryFile].Data = append(append([]byte{}, m[policy.RegistryFile].Data...), []byte("# edited\n")...)
		}, "registry_sha256 differs"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := f.snapshot()
			tt.tamper(m)
			id := rev
			want := tt.want
			if strings.HasPrefix(want, "@") {
				id, want, _ = strings.Cut(want[1:], " ")
			}
			v := f.verify(m, id, nil)
			if v.OK {
				t.Fatalf("verify passed: %s", summary(v))
			}
			if !strings.Contains(summary(v), want) {
				t.Errorf("verdict %q\nwant it to contain %q", summary(v), want)
			}
		})
	}
	t.Run("a change to a file that is not a policy document", func(t *testing.T) {
		m := f.snapshot()
		m["README.md"] = &fstest.MapFile{Data: []byte("# 説明\n")}
		m["policy/images/chart.svg"] = &fstest.MapFile{Data: []byte("<svg/>")}
		if v := f.verify(m, rev, nil); !v.OK {
			t.Errorf("verify failed: %s", summary(v))
		}
	})
}

// TestPreviousRules: the rules in force at the previous revision judge the
// next one, so a revision cannot approve itself by changing them.
func TestPreviousRules(t *testing.T) {
	f := newFixture(t)
	f.approveAll("2025-04-01", nil)
	prev := RulesOf(f.load(os.DirFS(f.dir)))

	t.Run("a key swapped in the registry of the revision that relies on it", func(t *testing.T) {
		g := newFixture(t)
		g.keys, g.priv = f.keys, f.priv
		g.write(policy.RegistryFile, g.registry(map[string]string{"tanaka": "mallory"}, true))
		g.write("policy/std.md", strings.Replace(stdDoc, "定める。", "改めて定める。", 1))
		g.approve("2026-04-01", "mayor", "tanaka", "mallory", prev)
		g.approve("2026-04-01", "council", "sato", "", prev)
		g.approve("2026-04-01", "council", "suzuki", "", prev)
		v := g.verify(os.DirFS(g.dir), "2026-04-01", prev)
		if v.OK || !strings.Contains(summary(v), "a key the registry of the previous revision did not give \"tanaka\"") {
			t.Errorf("verdict %s", summary(v))
		}
		if v := g.verify(os.DirFS(g.dir), "2026-04-01", nil); !v.OK {
			t.Errorf("under its own rules alone the revision passes, which is why the old rules must apply: %s", summary(v))
		}
	})
	t.Run("a committee dropped from approvers in the same revision", func(t *testing.T) {
		g := newFixture(t)
		g.keys, g.priv = f.keys, f.priv
		g.write(policy.RegistryFile, f.registry(nil, true))
		g.write("policy/basic.md", strings.Replace(basicDoc, "[mayor, council]", "[mayor]", 1))
		g.approve("2026-04-01", "mayor", "tanaka", "", prev)
		v := g.verify(os.DirFS(g.dir), "2026-04-01", prev)
		if v.OK || !strings.Contains(summary(v), "council=NG") {
			t.Errorf("verdict %s", summary(v))
		}
	})
	t.Run("a quorum lowered in the same revision", func(t *testing.T) {
		g := newFixture(t)
		g.keys, g.priv = f.keys, f.priv
		g.write(policy.RegistryFile, strings.Replace(f.registry(nil, true), "quorum: 2", "quorum: 1", 1))
		g.approve("2026-04-01", "mayor", "tanaka", "", prev)
		g.approve("2026-04-01", "council", "sato", "", prev)
		v := g.verify(os.DirFS(g.dir), "2026-04-01", prev)
		if v.OK || !strings.Contains(summary(v), "council=NG") {
			t.Errorf("verdict %s", summary(v))
		}
	})
	t.Run("a revision rolled back to older approved text", func(t *testing.T) {
		// 2026 is approved on new text; the text is then put back as it
		// was in 2025, with no new approvals: the newest revision no
		// longer matches.
		g := newFixture(t)
		g.keys, g.priv = f.keys, f.priv
		g.write(policy.RegistryFile, f.registry(nil, true))
		g.write("policy/std.md", strings.Replace(stdDoc, "定める。", "改めて定める。", 1))
		g.approveAll("2026-04-01", prev)
		if v := g.verify(os.DirFS(g.dir), "2026-04-01", prev); !v.OK {
			t.Fatalf("the new revision: %s", summary(v))
		}
		g.write("policy/std.md", stdDoc)
		if v := g.verify(os.DirFS(g.dir), "2026-04-01", prev); v.OK || !strings.Contains(summary(v), "std:stale") {
			t.Errorf("rolled back: %s", summary(v))
		}
	})
}

// sshKeygen returns the path of ssh-keygen; CI must have it, so the test
// fails there rather than skip.
func sshTool(t *testing.T, name string) string {
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is required in CI (apt-get install openssh-client): %v", name, err)
		}
		t.Skipf("%s not installed: %v", name, err)
	}
	return p
}

func (f *fixture) keyFile(m string) string {
	f.t.Helper()
	block, err := ssh.MarshalPrivateKey(f.priv[m], m)
	if err != nil {
		f.t.Fatal(err)
	}
	p := filepath.Join(f.t.TempDir(), m)
	if err := os.WriteFile(p, pem.EncodeToMemory(block), 0o600); err != nil {
		f.t.Fatal(err)
	}
	if err := os.WriteFile(p+".pub", []byte(f.pub(m)+"\n"), 0o644); err != nil {
		f.t.Fatal(err)
	}
	return p
}

// TestInteropSSHKeygenVerifies: ssh-keygen -Y verify accepts every
// approval policyctl signs, with the generated allowed_signers.
func TestInteropSSHKeygenVerifies(t *testing.T) {
	keygen := sshTool(t, "ssh-keygen")
	f := newFixture(t)
	f.approveAll("2026-03-31", nil)
	for _, n := range []struct{ file, member string }{{"mayor.tanaka", "tanaka"}, {"council.sato", "sato"}, {"council.suzuki", "suzuki"}} {
		base := filepath.Join(f.dir, "approvals/2026-03-31", n.file)
		payload, _ := os.ReadFile(base + ".json")
		cmd := exec.Command(keygen, "-Y", "verify", "-f", filepath.Join(f.dir, policy.AllowedSignersFile), "-I", n.member, "-n", Namespace, "-s", base+".sig")
		cmd.Stdin = bytes.NewReader(payload)
		out, err := cmd.CombinedOutput()
		if err != nil || !strings.Contains(string(out), `Good "policyctl-approval" signature for `+n.member) {
			t.Errorf("ssh-keygen -Y verify %s: %v\n%s", n.file, err, out)
		}
		// And the wrong principal fails.
		cmd = exec.Command(keygen, "-Y", "verify", "-f", filepath.Join(f.dir, policy.AllowedSignersFile), "-I", "mallory", "-n", Namespace, "-s", base+".sig")
		cmd.Stdin = bytes.NewReader(payload)
		if err := cmd.Run(); err == nil {
			t.Errorf("ssh-keygen accepted %s for the wrong principal", n.file)
		}
	}
}

// TestInteropSSHKeygenSigns: policyctl accepts approvals signed by
// ssh-keygen -Y sign, with a key file and through a real ssh-agent.
func TestInteropSSHKeygenSigns(t *testing.T) {
	keygen := sshTool(t, "ssh-keygen")
	f := newFixture(t)
	fsys := os.DirFS(f.dir)
	r := f.load(fsys)
	rev := "2026-03-31"
	signWithKeygen := func(committee, member string, env []string, keyArg string) {
		p, isNew, err := Prepare(os.DirFS(f.dir), r, nil, Request{Revision: rev, Kind: "改訂", Committee: committee, Member: member})
		if err != nil {
			t.Fatal(err)
		}
		if isNew {
			f.write("approvals/"+rev+"/revision.yaml", "id: \""+rev+"\"\nkind: 改訂\n")
		}
		base := filepath.Join(f.dir, "approvals", rev, FileName(committee, member))
		if err := os.WriteFile(base+".json", p.Marshal(), 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(keygen, "-Y", "sign", "-f", keyArg, "-n", Namespace, base+".json")
		cmd.Env = append(os.Environ(), env...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("ssh-keygen -Y sign: %v\n%s", err, out)
		}
		if err := os.Rename(base+".json.sig", base+".sig"); err != nil {
			t.Fatal(err)
		}
	}
	signWithKeygen("mayor", "tanaka", nil, f.keyFile("tanaka"))
	signWithKeygen("council", "sato", nil, f.keyFile("sato"))

	// suzuki signs through ssh-agent: ssh-keygen is given only the public
	// key and asks the agent.
	agentBin := sshTool(t, "ssh-agent")
	addBin := sshTool(t, "ssh-add")
	sock := filepath.Join(t.TempDir(), "agent.sock")
	// ssh-agent -s forks the agent and exits once its socket is bound.
	out, err := exec.Command(agentBin, "-s", "-a", sock).Output()
	if err != nil {
		t.Fatalf("ssh-agent: %v", err)
	}
	var pid int
	if i := strings.Index(string(out), "SSH_AGENT_PID="); i >= 0 {
		fmt.Sscanf(string(out[i+len("SSH_AGENT_PID="):]), "%d", &pid)
	}
	if pid == 0 {
		t.Fatalf("ssh-agent printed no pid:\n%s", out)
	}
	defer func() {
		if p, err := os.FindProcess(pid); err == nil {
			_ = p.Kill()
		}
	}()
	env := []string{"SSH_AUTH_SOCK=" + sock}
	key := f.keyFile("suzuki")
	add := exec.Command(addBin, key)
	add.Env = append(os.Environ(), env...)
	if out, err := add.CombinedOutput(); err != nil {
		t.Fatalf("ssh-add: %v\n%s", err, out)
	}
	signWithKeygen("council", "suzuki", env, key+".pub")

	v := f.verify(os.DirFS(f.dir), rev, nil)
	if !v.OK {
		t.Fatalf("policyctl rejects ssh-keygen's signatures: %s", summary(v))
	}

	// And policyctl signs through the same agent.
	t.Setenv("SSH_AUTH_SOCK", sock)
	s, closeAgent, err := AgentSigner(r.Registry.Member("suzuki").PublicKeys)
	if err != nil {
		t.Fatal(err)
	}
	defer closeAgent()
	if string(s.PublicKey().Marshal()) != string(f.keys["suzuki"].PublicKey().Marshal()) {
		t.Fatal("the agent signer is not suzuki's key")
	}
	p, _, err := Prepare(os.DirFS(f.dir), r, nil, Request{Revision: rev, Committee: "council", Member: "suzuki"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Approve(f.dir, r, p, false, s); err != nil {
		t.Fatal(err)
	}
	if v := f.verify(os.DirFS(f.dir), rev, nil); !v.OK {
		t.Fatalf("signed through ssh-agent: %s", summary(v))
	}
}

func newFixtureF(f *testing.F) ssh.Signer {
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		f.Fatal(err)
	}
	s, err := ssh.NewSignerFromKey(priv)
	if err != nil {
		f.Fatal(err)
	}
	return s
}

// hashedMap is a MapFS that names its files' content, as a git tree does,
// so that Cache.read reads them as blobs.
type hashedMap struct{ fstest.MapFS }

func (m hashedMap) FileHash(name string) (string, bool) {
	f, ok := m.MapFS[name]
	if !ok {
		return "", false
	}
	return fmt.Sprintf("%x", sha256.Sum256(f.Data)), true
}

// TestReadBlobAsFile: a file read as a git blob gives what the same file
// read from a folder gives — its bytes, missing, or too large, with the
// same words.
func TestReadBlobAsFile(t *testing.T) {
	m := fstest.MapFS{
		"a.json":   {Data: []byte(`{"a":1}`)},
		"big.json": {Data: bytes.Repeat([]byte(" "), 101)},
	}
	for _, name := range []string{"a.json", "big.json", "none.json"} {
		var c Cache
		blob, breason, berr := c.read(hashedMap{m}, name, 100)
		file, freason, ferr := c.read(m, name, 100)
		if breason != freason || fmt.Sprint(berr) != fmt.Sprint(ferr) || (blob == nil) != (file == nil) || blob != nil && !bytes.Equal(blob.b, file.b) {
			t.Errorf("%s as a blob: %v %q %v; as a file: %v %q %v", name, blob, breason, berr, file, freason, ferr)
		}
	}
}
