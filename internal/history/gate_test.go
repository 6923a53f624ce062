package history

import (
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/crypto/ssh"

	"github.com/policyctl/policyctl/approvals"
	"github.com/policyctl/policyctl/internal/gittest"
	"github.com/policyctl/policyctl/internal/policy"
)

func verifyAt(t *testing.T, dir string, opts Options) *Gate {
	t.Helper()
	h, err := OpenRepository(dir, "", opts)
	if err != nil {
		t.Fatal(err)
	}
	g, err := h.Verify("")
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// revisionsAt reads the revisions of the repository in dir as opts judge
// them; an error fails the test.
func revisionsAt(t *testing.T, dir string, opts Options) []*Recorded {
	t.Helper()
	h, err := OpenRepository(dir, "", opts)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := h.Revisions()
	if err != nil {
		t.Fatalf("revisions: %v", err)
	}
	return recs
}

// TestReapprovalTrap: approving an approved revision again for other
// content does not pass the gate; a new revision does.
func TestReapprovalTrap(t *testing.T) {
	r := newRepo(t)
	r.approve(t, "2026-04-01", "改訂")
	approvedAt := strings.TrimSpace(gitCLI(t, r.Dir, "rev-parse", "HEAD"))
	r.Commit(gittest.Commit{Files: map[string][]byte{"policy/a.md": doc("a", "第二版")}, Message: "a を改正"})
	if g := verifyAt(t, r.Dir, testOptions); g.Verdict.OK {
		t.Fatal("an edit after the approvals passed the gate")
	}
	// The secretary signs the same revision id again.
	if err := os.RemoveAll(filepath.Join(r.Dir, "approvals/2026-04-01")); err != nil {
		t.Fatal(err)
	}
	r.approve(t, "2026-04-01", "改訂")
	g := verifyAt(t, r.Dir, testOptions)
	sealed := false
	for _, b := range g.Verdict.Blockers {
		sealed = sealed || b.Reason == approvals.ReasonSealed && strings.Contains(b.Detail, "Record a new revision")
	}
	if g.Verdict.OK || !sealed {
		t.Fatalf("re-approving a sealed revision passed: OK=%v %+v", g.Verdict.OK, g.Verdict.Blockers)
	}
	// The way forward: the approvals it was approved with back, and a new
	// revision.
	gitCLI(t, r.Dir, "rm", "-q", "-r", "approvals/2026-04-01")
	gitCLI(t, r.Dir, "checkout", "-q", approvedAt, "--", "approvals/2026-04-01")
	gitCLI(t, r.Dir, "commit", "-q", "-m", "restore")
	r.approve(t, "2026-10-01", "一部改正")
	if g := verifyAt(t, r.Dir, testOptions); !g.Verdict.OK {
		t.Fatalf("a new revision: %+v", g.Verdict.Blockers)
	}
}

// TestBackdated: a revision recorded after a later-dated approved one
// never counts (it is late: approved, it would change what was in force).
func TestBackdated(t *testing.T) {
	r := newRepo(t)
	r.approve(t, "2026-04-01", "改訂")
	r.Commit(gittest.Commit{Files: map[string][]byte{"policy/a.md": doc("a", "第二版")}, Message: "a を改正"})
	// Sign a revision dated before the one in force, by hand (approve
	// refuses it).
	r.Write(map[string][]byte{"approvals/2025-04-01/revision.yaml": []byte("id: \"2025-04-01\"\nkind: 改訂\n")})
	r.approve(t, "2025-04-01", "改訂")
	h, err := OpenRepository(r.Dir, "", testOptions)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := h.Revisions()
	if err != nil {
		t.Fatal(err)
	}
	if rec := Find(recs, "2025-04-01"); rec == nil || rec.Late == nil || rec.Late.ID != "2026-04-01" || rec.Approved {
		t.Errorf("the backdated revision: %+v", rec)
	}
	es, _ := Log(mustModel(t, h).Config, recs)
	for _, e := range es {
		if e.Revision == "2025-04-01" {
			t.Error("the backdated revision is in the 改訂履歴")
		}
	}
}

// TestScheduled: a revision approved before its date is 施行予定 until
// then; in-force keeps the previous one.
func TestScheduled(t *testing.T) {
	r := newRepo(t)
	r.approve(t, "2026-04-01", "改訂")
	r.Commit(gittest.Commit{Files: map[string][]byte{"policy/a.md": doc("a", "第二版")}, Message: "a を改正"})
	r.approve(t, "2027-04-01", "一部改正")
	for _, tt := range []struct{ at, inForce, text string }{
		{"2027-03-31", "2026-04-01", "第一版"},
		{"2027-04-01", "2027-04-01", "第二版"},
	} {
		h, err := OpenRepository(r.Dir, InForceRev, Options{At: tt.at})
		if err != nil {
			t.Fatal(err)
		}
		if h.Revision.ID != tt.inForce {
			t.Errorf("--at %s: in-force is %s, want %s", tt.at, h.Revision.ID, tt.inForce)
		}
		if b, _ := readFS(h.Tree, "policy/a.md"); !strings.Contains(b, tt.text) {
			t.Errorf("--at %s: a.md %q", tt.at, b)
		}
		recs, _ := h.Revisions()
		es, _ := Log(mustModel(t, h).Config, recs)
		last := es[len(es)-1]
		if last.Revision != "2027-04-01" || last.Scheduled != (tt.at < "2027-04-01") {
			t.Errorf("--at %s: the 改訂履歴 ends %+v", tt.at, last)
		}
	}
}

// TestNoHistory: without the history the previous rules need, the gate
// stops and says what is missing.
func TestNoHistory(t *testing.T) {
	r := newRepo(t)
	r.approve(t, "2026-04-01", "改訂")
	plain := t.TempDir()
	for _, f := range []string{"policyctl.yaml", "approvals/registry.yaml", "policy/a.md", "policy/b.md"} {
		b, _ := os.ReadFile(filepath.Join(r.Dir, f))
		os.MkdirAll(filepath.Dir(filepath.Join(plain, f)), 0o755)
		os.WriteFile(filepath.Join(plain, f), b, 0o644)
	}
	h, err := OpenRepository(plain, "", testOptions)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := h.Verify(""); !errors.Is(err, ErrNoGit) {
		t.Errorf("verify outside git: %v", err)
	}
	if _, err := OpenRepository(plain, InForceRev, testOptions); !errors.Is(err, ErrNoGit) {
		t.Errorf("in-force outside git: %v", err)
	}
	empty := gittest.New(t)
	empty.Write(map[string][]byte{"policyctl.yaml": []byte("organization: {id: t, name: 試験市}\ntitle: 試験\n")})
	h, err = OpenRepository(empty.Dir, "", testOptions)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := h.Revisions(); !errors.Is(err, ErrNoCommits) {
		t.Errorf("no commits: %v", err)
	}
}

// TestCorruptTree: a tree object that cannot be read at HEAD is an error,
// never a revision that silently disappears.
func TestCorruptTree(t *testing.T) {
	r := newRepo(t)
	r.approve(t, "2026-04-01", "改訂")
	// Remove the loose object of approvals/ at HEAD.
	h, err := OpenRepository(r.Dir, "", testOptions)
	if err != nil {
		t.Fatal(err)
	}
	w, err := h.Walk()
	if err != nil {
		t.Fatal(err)
	}
	at, err := approvalsAt(w.Commits[len(w.Commits)-1], w.Sub)
	if err != nil || at.IsZero() {
		t.Fatal(err)
	}
	hash := at.String()
	if err := os.Remove(filepath.Join(r.Dir, ".git/objects", hash[:2], hash[2:])); err != nil {
		t.Fatal(err)
	}
	h, _ = OpenRepository(r.Dir, "", testOptions)
	if _, err := h.Revisions(); err == nil {
		t.Error("a missing tree object went unnoticed")
	}
	if _, err := OpenRepository(r.Dir, InForceRev, testOptions); err == nil {
		t.Error("in-force was served from a history with a missing object")
	}
}

// TestHistoryForDocument: exactly the revisions that changed a document,
// the first one included, and no legacy revision before it existed.
func TestHistoryForDocument(t *testing.T) {
	r := newRepo(t)
	r.approve(t, "2019-04-01", "改訂")
	r.Commit(gittest.Commit{Files: map[string][]byte{"policy/c.md": doc("c", "新設")}, Message: "c を新設"})
	r.approve(t, "2021-04-01", "一部改正")
	r.Commit(gittest.Commit{Files: map[string][]byte{"policy/a.md": doc("a", "第二版")}, Message: "a を改正"})
	r.approve(t, "2024-04-01", "一部改正")
	h, _ := OpenRepository(r.Dir, "", testOptions)
	recs, _ := h.Revisions()
	es, _ := Log(mustModel(t, h).Config, recs)
	if got := describe(ForDocument(es, Summarize(recs), "a")); got != "平成15年9月 策定 平成15年度版 | 平成31年4月1日 改訂 平成31年度改訂版 added:a | 令和6年4月1日 一部改正 令和6年度改訂版 modified:a" {
		t.Errorf("a: %s", got)
	}
	if got := describe(ForDocument(es, Summarize(recs), "c")); got != "令和3年4月1日 一部改正 令和3年度改訂版 added:c" {
		t.Errorf("c: %s", got)
	}
}

// TestLateDraft: an approved revision stays approved. A draft recorded
// early and completed only after a later-dated revision was approved —
// here by a member that revision removed, with a registry of the draft's
// own making — never counts: it would otherwise become the later
// revision's previous rules, overturn it and take its place in force.
func TestLateDraft(t *testing.T) {
	r := newRepo(t)
	_, priv, _ := ed25519.GenerateKey(rand.Reader)
	carol, _ := ssh.NewSignerFromKey(priv)
	registry := func(members ...string) []byte {
		keys := map[string]ssh.Signer{"tanaka": r.signer, "carol": carol}
		var b strings.Builder
		b.WriteString("members:\n")
		for _, m := range []string{"tanaka", "carol"} {
			fmt.Fprintf(&b, "  - {id: %s, name: %s, keys: [%q]}\n", m, m, strings.TrimSpace(string(ssh.MarshalAuthorizedKey(keys[m].PublicKey()))))
		}
		fmt.Fprintf(&b, "committees:\n  - {id: mayor, name: 市長, quorum: 1, members: [%s]}\n", strings.Join(members, ", "))
		return []byte(b.String())
	}
	r.Commit(gittest.Commit{Files: map[string][]byte{policy.RegistryFile: registry("tanaka", "carol")}, Message: "carol joins"})
	r.approve(t, "2024-04-01", "策定")
	// A draft, recorded and abandoned.
	r.Commit(gittest.Commit{Files: map[string][]byte{"approvals/2025-04-01/revision.yaml": []byte("id: \"2025-04-01\"\nkind: 一部改正\n")}, Message: "draft"})
	if err := os.RemoveAll(filepath.Join(r.Dir, "approvals/2025-04-01")); err != nil {
		t.Fatal(err)
	}
	r.Commit(gittest.Commit{Message: "drop the draft"})
	// The next revision removes carol from the committee.
	r.Commit(gittest.Commit{Files: map[string][]byte{policy.RegistryFile: registry("tanaka"), "policy/a.md": doc("a", "第三版")}, Message: "R3"})
	r.approve(t, "2026-01-01", "一部改正")
	if g := verifyAt(t, r.Dir, testOptions); !g.Verdict.OK {
		t.Fatalf("before the attack: %+v", g.Verdict.Blockers)
	}
	// carol restores the draft with a registry of her own and signs it
	// (by hand: approve refuses), then drops the later revision's record.
	r.Write(map[string][]byte{
		policy.RegistryFile:                  registry("carol"),
		"policy/a.md":                        doc("a", "偽の版"),
		"approvals/2025-04-01/revision.yaml": []byte("id: \"2025-04-01\"\nkind: 一部改正\n"),
	})
	r.signer = carol
	r.signAs(t, "2025-04-01", "一部改正", "carol")
	if err := os.RemoveAll(filepath.Join(r.Dir, "approvals/2026-01-01")); err != nil {
		t.Fatal(err)
	}
	r.Commit(gittest.Commit{Message: "an innocent-looking commit"})

	h, err := OpenRepository(r.Dir, "", testOptions)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := h.Revisions()
	if err != nil {
		t.Fatal(err)
	}
	if rec := Find(recs, "2026-01-01"); rec == nil || !rec.Approved || !rec.InForce {
		t.Errorf("the later revision lost its approval: %+v", rec)
	}
	if rec := Find(recs, "2025-04-01"); rec == nil || rec.Approved || rec.Late == nil || rec.Late.ID != "2026-01-01" {
		t.Errorf("the late draft: %+v", rec)
	}
	if in := InForce(recs); in == nil || in.ID != "2026-01-01" {
		t.Errorf("in force: %+v", in)
	}
	g, err := h.Verify("")
	if err != nil {
		t.Fatal(err)
	}
	late, missing := false, false
	for _, b := range g.Verdict.Blockers {
		late = late || strings.Contains(b.Detail, "was not approved when the later-dated revision 2026-01-01 was")
		missing = missing || strings.Contains(b.Detail, "the approvals of revision 2026-01-01")
	}
	if g.Verdict.OK || !late || !missing {
		t.Errorf("the gate: OK=%v %+v", g.Verdict.OK, g.Verdict.Blockers)
	}
}

// TestAllowedSignersGate: a key added to approvals/allowed_signers by hand
// fails the gate: auditors' ssh-keygen would accept signatures the
// registry does not.
func TestAllowedSignersGate(t *testing.T) {
	r := newRepo(t)
	r.approve(t, "2026-04-01", "改訂")
	if g := verifyAt(t, r.Dir, testOptions); !g.Verdict.OK {
		t.Fatalf("before: %+v", g.Verdict.Blockers)
	}
	b, err := os.ReadFile(filepath.Join(r.Dir, "approvals/allowed_signers"))
	if err != nil {
		t.Fatal(err)
	}
	r.Commit(gittest.Commit{Files: map[string][]byte{"approvals/allowed_signers": append(b, "mallory namespaces=\"policyctl-approval\" ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl\n"...)}, Message: "a key by hand"})
	g := verifyAt(t, r.Dir, testOptions)
	found := false
	for _, b := range g.Verdict.Blockers {
		found = found || b.Reason == approvals.ReasonSigners
	}
	if g.Verdict.OK || !found {
		t.Errorf("a hand-added key passed the gate: OK=%v %+v", g.Verdict.OK, g.Verdict.Blockers)
	}
}

// TestReplacedApprovals: an approved revision's approvals never change
// after the commit that approved it; when a history brings other
// approvals under its id (a branch merged by rebase carrying approvals
// the committees withdrew, then their replacement), the revision is
// marked replaced: the gate fails and nothing may be published, until the
// approvals it was approved with are restored.
func TestReplacedApprovals(t *testing.T) {
	r := newRepo(t)
	r.approve(t, "2026-04-01", "改訂")
	sealed := strings.TrimSpace(gitCLI(t, r.Dir, "rev-parse", "HEAD"))
	ents, err := os.ReadDir(filepath.Join(r.Dir, "approvals", "2026-04-01"))
	if err != nil {
		t.Fatal(err)
	}
	var sig string
	for _, e := range ents {
		if e.Name() != "revision.yaml" {
			sig = filepath.Join(r.Dir, "approvals", "2026-04-01", e.Name())
			break
		}
	}
	if err := os.WriteFile(sig, []byte("replaced\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	gitCLI(t, r.Dir, "commit", "-q", "-am", "other approvals")
	recs := revisionsAt(t, r.Dir, testOptions)
	if rec := Find(recs, "2026-04-01"); rec == nil || !rec.Approved || !rec.Replaced {
		t.Fatalf("2026-04-01: %+v", rec)
	}
	if err := ReplacedError(recs); err == nil || !strings.Contains(err.Error(), "git checkout "+sealed[:7]) {
		t.Errorf("publishing is not refused with the way back: %v", err)
	}
	if g := verifyAt(t, r.Dir, testOptions); g.Verdict.OK || len(g.Replaced) != 1 || g.Replaced[0].ID != "2026-04-01" {
		t.Errorf("the gate passed, or does not name the replaced revision: OK=%v %v", g.Verdict.OK, g.Replaced)
	}
	// Asked about the revision itself (verify --revision), the answer is
	// not "approved" while nothing is published; the 改訂履歴 says so too.
	h, err := OpenRepository(r.Dir, "", testOptions)
	if err != nil {
		t.Fatal(err)
	}
	g, err := h.Verify("2026-04-01")
	if err != nil {
		t.Fatal(err)
	}
	if g.Verdict.OK || len(g.Verdict.Blockers) == 0 || g.Verdict.Blockers[len(g.Verdict.Blockers)-1].Reason != approvals.ReasonSealed {
		t.Errorf("verify --revision of a replaced revision: OK=%v %+v", g.Verdict.OK, g.Verdict.Blockers)
	}
	if rec := Find(recs, "2026-04-01"); !rec.Verdict.OK {
		t.Error("the record's own verdict was changed")
	}
	entries, err := Log(&policy.Config{}, recs)
	if err != nil {
		t.Fatal(err)
	}
	var text strings.Builder
	if err := WriteText(&text, "t", entries); err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 || !entries[0].Replaced || !strings.Contains(text.String(), "nothing is published") {
		t.Errorf("the 改訂履歴 does not say the approvals were replaced: %+v\n%s", entries, text.String())
	}
	gitCLI(t, r.Dir, "checkout", "-q", sealed, "--", "approvals/2026-04-01")
	gitCLI(t, r.Dir, "commit", "-q", "-m", "restore")
	if err := ReplacedError(revisionsAt(t, r.Dir, testOptions)); err != nil {
		t.Errorf("restored, still refused: %v", err)
	}
}

// TestZeroApprovalsTree: an approvals/ entry that names the all-zero
// object id (git mktree --missing writes one; go-git could too) names no
// object, so reading it fails as a missing tree does — it is never read as
// a commit without approvals/.
func TestZeroApprovalsTree(t *testing.T) {
	r := newRepo(t)
	r.approve(t, "2026-04-01", "改訂")
	git := func(stdin string, args ...string) string {
		cmd := exec.Command("git", args...)
		cmd.Dir = r.Dir
		cmd.Stdin = strings.NewReader(stdin)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("git %v: %v %s", args, err, out)
		}
		return strings.TrimSpace(string(out))
	}
	var lines []string
	for _, l := range strings.Split(git("", "ls-tree", "HEAD"), "\n") {
		if strings.HasSuffix(l, "\tapprovals") {
			l = "040000 tree " + strings.Repeat("0", 40) + "\tapprovals"
		}
		lines = append(lines, l)
	}
	tree := git(strings.Join(lines, "\n")+"\n", "mktree", "--missing")
	c := git("", "-c", "user.name=x", "-c", "user.email=x@x", "commit-tree", tree, "-p", "HEAD", "-m", "zero")
	git("", "update-ref", "HEAD", c)
	h, err := OpenRepository(r.Dir, "", testOptions)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := h.Revisions(); err == nil || !strings.Contains(err.Error(), "approvals") {
		t.Errorf("an approvals/ tree that names no object: %v", err)
	}
}
