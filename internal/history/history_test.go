package history

import (
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/crypto/ssh"

	"github.com/policyctl/policyctl/approvals"
	"github.com/policyctl/policyctl/internal/gittest"
	"github.com/policyctl/policyctl/internal/policy"
	"github.com/policyctl/policyctl/internal/source"
)

type repo struct {
	*gittest.Repo
	signer ssh.Signer
}

func doc(id, text string) []byte {
	return []byte("---\nid: " + id + "\ntitle: " + id + "\ntier: basic\nvisibility: public\napprovers: [mayor]\n---\n## 1. 目的\n\n" + text + "\n")
}

func newRepo(t *testing.T) *repo {
	_, priv, _ := ed25519.GenerateKey(rand.Reader)
	s, _ := ssh.NewSignerFromKey(priv)
	r := &repo{Repo: gittest.New(t), signer: s}
	reg := fmt.Sprintf("members:\n  - {id: tanaka, name: 田中, keys: [%q]}\ncommittees:\n  - {id: mayor, name: 市長, quorum: 1, members: [tanaka]}\n",
		strings.TrimSpace(string(ssh.MarshalAuthorizedKey(s.PublicKey()))))
	r.Commit(gittest.Commit{Files: map[string][]byte{
		"policyctl.yaml":    []byte("organization: {id: t, name: 試験市}\ntitle: 試験市情報セキュリティポリシー\nhistory:\n  legacy:\n    - {date: 2003-09, kind: 策定}\n"),
		policy.RegistryFile: []byte(reg),
		"policy/a.md":       doc("a", "第一版"),
		"policy/b.md":       doc("b", "第一版"),
	}, Message: "import"})
	return r
}

// approve signs the working tree as it is for revision id and commits.
func (r *repo) approve(t *testing.T, id, kind string) {
	t.Helper()
	r.sign(t, id, kind)
	r.Commit(gittest.Commit{Message: "承認 " + id})
}

// sign signs the working tree as it is for revision id, judged by the
// revision approved before it in the history committed so far.
func (r *repo) sign(t *testing.T, id, kind string) {
	t.Helper()
	r.signAs(t, id, kind, "tanaka")
}

// signAs is sign by another member, with r.signer as that member's key.
func (r *repo) signAs(t *testing.T, id, kind, member string) {
	t.Helper()
	tr, err := source.Open(r.Dir, "")
	if err != nil {
		t.Fatal(err)
	}
	m, err := policy.Load(tr.FS, policy.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var prev *approvals.Rules
	h, err := OpenRepository(r.Dir, "", testOptions)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := h.Revisions()
	if err != nil && !errors.Is(err, ErrNoCommits) {
		t.Fatal(err)
	}
	if p := PreviousApproved(recs, id); p != nil {
		prev = approvals.RulesOf(p.Model)
	}
	p, isNew, err := approvals.Prepare(tr.FS, m, prev, approvals.Request{Revision: id, Kind: kind, Committee: "mayor", Member: member})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := approvals.Approve(r.Dir, m, p, isNew, r.signer); err != nil {
		t.Fatal(err)
	}
}

// testOptions judge what is in force on a fixed day, so that the tests
// read the same whatever the date.
var testOptions = Options{At: "2026-11-01"}

// open opens dir at rev as the commands do.
func open(t *testing.T, dir, rev string) (*source.Tree, error) {
	t.Helper()
	h, err := OpenRepository(dir, rev, testOptions)
	if err != nil {
		return nil, err
	}
	return h.Tree, nil
}

func entries(t *testing.T, dir, rev string) []Entry {
	t.Helper()
	h, err := OpenRepository(dir, rev, testOptions)
	if err != nil {
		t.Fatal(err)
	}
	m, err := h.Model()
	if err != nil {
		t.Fatal(err)
	}
	recs, err := h.Revisions()
	if err != nil {
		t.Fatal(err)
	}
	es, err := Log(m.Config, recs)
	if err != nil {
		t.Fatal(err)
	}
	return es
}

func describe(es []Entry) string {
	var parts []string
	for _, e := range es {
		s := e.Wareki + " " + e.Kind + " " + e.Edition
		for _, c := range e.Documents {
			s += " " + c.What + ":" + c.ID
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " | ")
}

func TestRevisions(t *testing.T) {
	r := newRepo(t)
	r.approve(t, "2019-04-01", "改訂")
	r.Commit(gittest.Commit{Files: map[string][]byte{"policy/a.md": doc("a", "第二版")}, Message: "a を改正"})
	r.Commit(gittest.Commit{Files: map[string][]byte{"policy/c.md": doc("c", "新設")}, Message: "c を新設"})
	r.approve(t, "2026-03-31", "一部改正")
	r.Commit(gittest.Commit{Files: map[string][]byte{"policy/b.md": doc("b", "第二版")}, Message: "b を改正"})
	r.approve(t, "2026-10-01", "改訂")
	// Edits after the last approval, and a revision recorded without its
	// approvals: a draft, left out of the 改訂履歴.
	r.Commit(gittest.Commit{Files: map[string][]byte{"policy/b.md": doc("b", "第三版（案）")}, Message: "b の案"})
	r.Write(map[string][]byte{"approvals/2027-04-01/revision.yaml": []byte("id: \"2027-04-01\"\nkind: 改訂\n")})
	r.Commit(gittest.Commit{Message: "2027 年度の改訂を起票"})

	got := describe(entries(t, r.Dir, ""))
	want := "平成15年9月 策定 平成15年度版 | 平成31年4月1日 改訂 平成31年度改訂版 | 令和8年3月31日 一部改正 令和7年度改訂版 modified:a added:c | 令和8年10月1日 改訂 令和8年度改訂版 modified:b"
	if got != want {
		t.Errorf("history:\n%s\nwant:\n%s", got, want)
	}
	// On an older revision of the repository, the history ends there.
	got = describe(entries(t, r.Dir, "HEAD~4"))
	want = "平成15年9月 策定 平成15年度版 | 平成31年4月1日 改訂 平成31年度改訂版 | 令和8年3月31日 一部改正 令和7年度改訂版 modified:a added:c"
	if got != want {
		t.Errorf("history at HEAD~4:\n%s\nwant:\n%s", got, want)
	}
	// --rev in-force is the content of 2026-10-01; --rev 2026-03-31 its own.
	for rev, text := range map[string]string{InForceRev: "第二版", "2026-03-31": "第一版", "2019-04-01": "第一版"} {
		tr, err := open(t, r.Dir, rev)
		if err != nil {
			t.Fatal(err)
		}
		got, err := readFS(tr, "policy/b.md")
		if err != nil || !strings.Contains(got, text) {
			t.Errorf("--rev %s: b.md %q, want %s", rev, got, text)
		}
	}
	if _, err := open(t, r.Dir, "2027-04-01"); err == nil || !strings.Contains(err.Error(), "is a draft") {
		t.Errorf("--rev of a draft: %v", err)
	}
}

func readFS(tr *source.Tree, p string) (string, error) {
	b, err := fs.ReadFile(tr.FS, p)
	return string(b), err
}

func TestNothingInForce(t *testing.T) {
	r := newRepo(t)
	if _, err := open(t, r.Dir, InForceRev); err == nil || !strings.Contains(err.Error(), "no revision is in force") {
		t.Errorf("in-force with nothing approved: %v", err)
	}
	if _, err := open(t, t.TempDir(), InForceRev); !errors.Is(err, ErrNoGit) {
		t.Errorf("in-force outside git: %v", err)
	}
}

func TestShallowClone(t *testing.T) {
	git, err := exec.LookPath("git")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("git is required in CI")
		}
		t.Skip("git not installed")
	}
	r := newRepo(t)
	r.approve(t, "2019-04-01", "改訂")
	r.Commit(gittest.Commit{Files: map[string][]byte{"policy/a.md": doc("a", "第二版")}})
	clone := filepath.Join(t.TempDir(), "clone")
	out, err := exec.Command(git, "clone", "-q", "--depth", "1", "file://"+r.Dir, clone).CombinedOutput()
	if err != nil {
		t.Fatalf("git clone --depth 1: %v\n%s", err, out)
	}
	_, err = open(t, clone, InForceRev)
	if !errors.Is(err, ErrShallow) || !strings.Contains(err.Error(), "fetch-depth: 0") || !strings.Contains(err.Error(), "git fetch --unshallow") {
		t.Errorf("shallow clone: %v", err)
	}
}

func mustModel(t *testing.T, h *Repository) *policy.Repo {
	t.Helper()
	m, err := h.Model()
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestCurrentIsInForce: an approved revision still to come is not the
// current edition.
func TestCurrentIsInForce(t *testing.T) {
	entries := []Entry{{Edition: "令和8年度版"}, {Edition: "令和8年度改訂版", Scheduled: true}}
	if got := Current(entries); got != "令和8年度版" {
		t.Errorf("Current = %q, want the edition in force", got)
	}
	if got := Current(entries[1:]); got != "" {
		t.Errorf("Current = %q with nothing in force", got)
	}
}

// TestWriteMarkdownEscapesTitles: a title from the configuration or a
// document's front matter is text in the 改訂履歴's Markdown: no tag, no
// link, and the heading stays one line.
func TestWriteMarkdownEscapesTitles(t *testing.T) {
	var b strings.Builder
	title := "パスワード<img src=x onerror=alert(1)>管理手順\n\n[x](javascript:alert(2))"
	entries := []Entry{{Kind: "改訂", Edition: "令和8年度改訂版", Documents: []Change{{ID: "p", Title: title, What: "modified"}}}}
	if err := WriteMarkdown(&b, title, entries); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if strings.Contains(out, "<img") || strings.Contains(out, "[x](javascript") || !strings.HasPrefix(out, "## ") || strings.Count(out, "\n## ") != 0 || strings.Contains(out, "\n[x]") {
		t.Errorf("the title was not kept as text:\n%s", out)
	}
}
