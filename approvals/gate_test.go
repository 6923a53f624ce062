package approvals

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

// The cases of [gate]: what committees sign covers everything that shapes
// an edition, and the previous revision's rules cannot be escaped.

// TestSignedConfigAndFiles: policyctl.yaml and the files a document links
// to are part of what is approved.
func TestSignedConfigAndFiles(t *testing.T) {
	f := newFixture(t)
	f.write("policy/basic.md", basicDoc+"\n![組織図](images/chart.svg)\n")
	f.write("policy/images/chart.svg", `<svg xmlns="http://www.w3.org/2000/svg"><title>組織図</title></svg>`)
	f.approveAll("2026-03-31", nil)
	if v := f.verify(os.DirFS(f.dir), "2026-03-31", nil); !v.OK {
		t.Fatalf("approved: %s", summary(v))
	}
	f.keygenVerifies("2026-03-31")
	for _, tt := range []struct {
		name, file, content, want string
	}{
		{"policyctl.yaml changed after the approvals", "policyctl.yaml", "organization: {id: test, name: 試験市}\ntitle: 試験市情報セキュリティポリシー\neditions: {public: internal, internal: internal}\n", "basic:stale"},
		{"a linked image changed after the approvals", "policy/images/chart.svg", `<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`, "basic:stale"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m := f.snapshot()
			m[tt.file].Data = []byte(tt.content)
			v := f.verify(m, "2026-03-31", nil)
			if v.OK || !strings.Contains(summary(v), tt.want) {
				t.Errorf("verdict %s", summary(v))
			}
		})
	}
	// And a file nobody links to is not part of it.
	m := f.snapshot()
	m["policy/images/other.svg"] = m["policy/images/chart.svg"]
	if v := f.verify(m, "2026-03-31", nil); !v.OK {
		t.Errorf("an unlinked file changed the verdict: %s", summary(v))
	}
}

// nextRevision is a fixture with f's keys and registry, its documents
// changed by change: the working tree of the revision after f's.
func (f *fixture) nextRevision(t *testing.T, change func(g *fixture)) *fixture {
	g := newFixture(t)
	g.keys, g.priv = f.keys, f.priv
	g.write("approvals/registry.yaml", f.registry(nil, true))
	change(g)
	return g
}

// TestIdentityAcrossRevisions: a document keeps its identity when its id
// changes, it moves, or both; the approvers of the old identity still sign.
func TestIdentityAcrossRevisions(t *testing.T) {
	f := newFixture(t)
	f.approveAll("2025-04-01", nil)
	prev := RulesOf(f.load(os.DirFS(f.dir)))
	for _, tt := range []struct {
		name   string
		change func(g *fixture)
	}{
		{"the id renamed, approvers changed", func(g *fixture) {
			g.write("policy/std.md", strings.Replace(strings.Replace(stdDoc, "id: std", "id: std-new", 1), "[mayor]", "[council]", 1))
		}},
		{"moved and renamed at once", func(g *fixture) {
			os.Remove(g.dir + "/policy/std.md")
			g.write("policy/standards/renamed.md", strings.Replace(strings.Replace(stdDoc, "id: std", "id: renamed", 1), "[mayor]", "[council]", 1))
		}},
		{"split in two", func(g *fixture) {
			os.Remove(g.dir + "/policy/std.md")
			g.write("policy/std-a.md", strings.Replace(strings.Replace(stdDoc, "id: std", "id: std-a", 1), "[mayor]", "[council]", 1))
			g.write("policy/std-b.md", strings.Replace(strings.Replace(stdDoc, "id: std", "id: std-b", 1), "[mayor]", "[council]", 1))
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			g := f.nextRevision(t, tt.change)
			// Only the council signs: it was never an approver of std.
			g.approve("2026-04-01", "council", "sato", "", prev)
			g.approve("2026-04-01", "council", "suzuki", "", prev)
			v := g.verify(os.DirFS(g.dir), "2026-04-01", prev)
			if v.OK || !strings.Contains(summary(v), "mayor=NG") {
				t.Errorf("the mayor, approver of the old identity, was not required: %s", summary(v))
			}
		})
	}
}

// TestCopiedText: a new document that continues a previous one's text
// needs that document's approvers, even when the previous document lives
// on under its own name — cut a section out and paste it into a document
// another committee alone approves, or copy the whole document.
func TestCopiedText(t *testing.T) {
	f := newFixture(t)
	f.approveAll("2025-04-01", nil)
	prev := RulesOf(f.load(os.DirFS(f.dir)))
	council := func(doc, id string) string {
		return strings.Replace(strings.Replace(doc, "id: std", "id: "+id, 1), "[mayor]", "[council]", 1)
	}
	for _, tt := range []struct {
		name   string
		change func(g *fixture)
		doc    string // the document the mayor must sign too
	}{
		{"copied, the original kept", func(g *fixture) {
			g.write("policy/std-copy.md", council(stdDoc, "std-copy"))
		}, "std-copy"},
		{"split, one part keeping the id", func(g *fixture) {
			g.write("policy/std.md", stdDoc[:strings.Index(stdDoc, "---\n")+4]+strings.SplitN(stdDoc, "---\n", 3)[1]+"---\n")
			g.write("policy/std-b.md", council(stdDoc, "std-b"))
		}, "std-b"},
		{"copied with characters written as references and lines reflowed", func(g *fixture) {
			g.write("policy/std-copy.md", council(strings.Replace(stdDoc, "第1条　定める。", "第1条\n定&#x3081;る。", 1), "std-copy"))
		}, "std-copy"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			g := f.nextRevision(t, tt.change)
			for _, q := range Requirements(g.load(os.DirFS(g.dir)), prev) {
				if q.Committee != "mayor" {
					continue
				}
				for _, d := range q.Documents {
					if d.ID == tt.doc {
						return // the mayor signs it too
					}
				}
				t.Fatalf("the mayor signs %+v, not %s, which holds std's text", q.Documents, tt.doc)
			}
			t.Fatal("the mayor is not required at all")
		})
	}
}

// TestPastedIntoAnother: a document the council alone approves that takes
// in the text of one the mayor approves needs the mayor too.
func TestPastedIntoAnother(t *testing.T) {
	f := newFixture(t)
	own := "---\nid: rules\ntitle: 会議規程\ntier: procedure\nvisibility: internal\napprovers: [council]\n---\n会議の手順を定める。\n"
	f.write("policy/rules.md", own)
	f.approveAll("2025-04-01", nil)
	prev := RulesOf(f.load(os.DirFS(f.dir)))
	need := func(g *fixture) bool {
		for _, q := range Requirements(g.load(os.DirFS(g.dir)), prev) {
			for _, d := range q.Documents {
				if q.Committee == "mayor" && d.ID == "rules" {
					return true
				}
			}
		}
		return false
	}
	g := f.nextRevision(t, func(g *fixture) {
		g.write("policy/rules.md", own+"\n"+strings.SplitN(stdDoc, "---\n", 3)[2])
	})
	if !need(g) {
		t.Error("the mayor does not sign a council document that took in the mayor's text")
	}
	g = f.nextRevision(t, func(g *fixture) {
		g.write("policy/rules.md", own+"\n会議は毎月開く。\n")
	})
	if need(g) {
		t.Error("the mayor must sign a council document that took in nothing of the mayor's")
	}
}

// TestAbolish: abolishing a document is signed by its approvers, and a
// committee whose last document is abolished is not needed afterwards.
func TestAbolish(t *testing.T) {
	f := newFixture(t)
	f.approveAll("2025-04-01", nil)
	prev := RulesOf(f.load(os.DirFS(f.dir)))
	// The council approves only basic; basic is abolished.
	os.Remove(f.dir + "/policy/basic.md")
	f.approve("2026-04-01", "mayor", "tanaka", "", prev)
	v := f.verify(os.DirFS(f.dir), "2026-04-01", prev)
	if v.OK || !strings.Contains(summary(v), "council=NG") {
		t.Fatalf("abolishing basic without the council's signature: %s", summary(v))
	}
	f.approve("2026-04-01", "council", "sato", "", prev)
	f.approve("2026-04-01", "council", "suzuki", "", prev)
	v = f.verify(os.DirFS(f.dir), "2026-04-01", prev)
	if !v.OK {
		t.Fatalf("the abolition signed: %s", summary(v))
	}
	p, _ := ParsePayload(f.snapshot()["approvals/2026-04-01/council.sato.json"].Data)
	if len(p.Removed) != 1 || p.Removed[0].ID != "basic" || len(p.Documents) != 0 {
		t.Errorf("the council's payload: %+v", p)
	}
	f.keygenVerifies("2026-04-01")
	// The next revision does not need the council any more: no deadlock.
	next := RulesOf(f.load(os.DirFS(f.dir)))
	f.write("policy/std.md", strings.Replace(stdDoc, "定める。", "改めて定める。", 1))
	f.approve("2026-10-01", "mayor", "tanaka", "", next)
	if v := f.verify(os.DirFS(f.dir), "2026-10-01", next); !v.OK {
		t.Errorf("a committee with nothing left to approve blocks the next revision: %s", summary(v))
	}
}

// TestUnapprovable: documents and registries no signature can make right.
func TestUnapprovable(t *testing.T) {
	f := newFixture(t)
	f.approveAll("2026-03-31", nil)
	for _, tt := range []struct {
		name, file, content string
		want                Reason
	}{
		{"a document with approvers: []", "policy/new.md", "---\nid: new\ntitle: 新\ntier: procedure\nvisibility: internal\napprovers: []\n---\n本文\n", ReasonNoApprovers},
		{"a document without approvers", "policy/new.md", "---\nid: new\ntitle: 新\ntier: procedure\nvisibility: internal\n---\n本文\n", ReasonNoApprovers},
		{"a document without id", "policy/new.md", "---\ntitle: 新\ntier: procedure\nvisibility: internal\napprovers: [mayor]\n---\n本文\n", ReasonNoID},
		{"broken front matter", "policy/new.md", "---\nid: new\ntitle: [\n---\n本文\n", ReasonFrontMatter},
		{"a duplicated id", "policy/new.md", strings.Replace(stdDoc, "title: 対策基準", "title: 複製", 1), ReasonDuplicateID},
		{"quorum 0", "approvals/registry.yaml", strings.Replace(f.registry(nil, true), "quorum: 2", "quorum: 0", 1), ReasonRegistryInvalid},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m := f.snapshot()
			m[tt.file] = &fstest.MapFile{Data: []byte(tt.content)}
			v := f.verify(m, "2026-03-31", nil)
			found := false
			for _, b := range v.Blockers {
				found = found || b.Reason == tt.want
			}
			if v.OK || !found {
				t.Errorf("want blocker %s: OK=%v blockers %+v", tt.want, v.OK, v.Blockers)
			}
		})
	}
}

// keygenVerifies runs ssh-keygen -Y verify on every approval of a revision:
// every payload kind (with files, with abolished documents) is one OpenSSH
// accepts.
func (f *fixture) keygenVerifies(rev string) {
	f.t.Helper()
	keygen := sshTool(f.t, "ssh-keygen")
	ents, err := os.ReadDir(filepath.Join(f.dir, "approvals", rev))
	if err != nil {
		f.t.Fatal(err)
	}
	n := 0
	for _, e := range ents {
		base, ok := strings.CutSuffix(e.Name(), ".json")
		if !ok {
			continue
		}
		_, member, _ := strings.Cut(base, ".")
		file := filepath.Join(f.dir, "approvals", rev, base)
		payload, _ := os.ReadFile(file + ".json")
		cmd := exec.Command(keygen, "-Y", "verify", "-f", filepath.Join(f.dir, "approvals/allowed_signers"), "-I", member, "-n", Namespace, "-s", file+".sig")
		cmd.Stdin = bytes.NewReader(payload)
		if out, err := cmd.CombinedOutput(); err != nil {
			f.t.Errorf("ssh-keygen -Y verify %s: %v\n%s", e.Name(), err, out)
		}
		n++
	}
	if n == 0 {
		f.t.Fatalf("no approval in %s", rev)
	}
}
