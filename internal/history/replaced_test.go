package history

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/policyctl/policyctl/internal/gittest"
)

// gitCLI runs git in dir, as the peer that builds the histories an
// attacker would push.
func gitCLI(t *testing.T, dir string, args ...string) string {
	t.Helper()
	git, err := exec.LookPath("git")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("git is required in CI")
		}
		t.Skip("git not installed")
	}
	cmd := exec.Command(git, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.jp", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.jp")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(string(out))
}

// TestUnrelatedHistoryFirst: a history of someone else's making, with
// the approved one merged in as a second parent (git merge -s ours
// --allow-unrelated-histories, then pushed as a fast-forward), is refused:
// along its first parents, a registry of the attacker's would approve
// anything.
func TestUnrelatedHistoryFirst(t *testing.T) {
	r := newRepo(t)
	r.approve(t, "2019-04-01", "改訂")
	main := gitCLI(t, r.Dir, "rev-parse", "HEAD")
	branch := gitCLI(t, r.Dir, "rev-parse", "--abbrev-ref", "HEAD")
	gitCLI(t, r.Dir, "checkout", "-q", "--orphan", "evil")
	r.Write(map[string][]byte{"policy/a.md": doc("a", "改ざん")})
	gitCLI(t, r.Dir, "add", "-A")
	gitCLI(t, r.Dir, "commit", "-q", "-m", "root")
	gitCLI(t, r.Dir, "merge", "-q", "-s", "ours", "--allow-unrelated-histories", "-m", "merge", main)
	gitCLI(t, r.Dir, "checkout", "-q", branch)
	gitCLI(t, r.Dir, "merge", "-q", "--ff-only", "evil")
	h, err := OpenRepository(r.Dir, "", testOptions)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := h.Revisions(); !errors.Is(err, ErrReplaced) {
		t.Fatalf("a merge that put an unrelated history first: %v", err)
	}
	if _, err := OpenRepository(r.Dir, InForceRev, testOptions); !errors.Is(err, ErrReplaced) {
		t.Errorf("in-force read from a replaced history: %v", err)
	}
}

// TestExtends: the history read must contain the commit CI names (the
// branch before the push); a history forked from the first commit and
// put first by a merge (-s ours), or rewritten by a force-push, does not.
func TestExtends(t *testing.T) {
	r := newRepo(t)
	root := gitCLI(t, r.Dir, "rev-parse", "HEAD")
	r.approve(t, "2019-04-01", "改訂")
	before := gitCLI(t, r.Dir, "rev-parse", "HEAD")
	branch := gitCLI(t, r.Dir, "rev-parse", "--abbrev-ref", "HEAD")
	r.Commit(gittest.Commit{Files: map[string][]byte{"policy/a.md": doc("a", "第二版")}, Message: "a を改正"})
	h, _ := OpenRepository(r.Dir, "", testOptions)
	if err := h.Extends(before); err != nil {
		t.Fatalf("a history that continues %s: %v", before[:7], err)
	}
	// Forked from the first commit, the approved line merged in second.
	gitCLI(t, r.Dir, "checkout", "-q", "-b", "evil", root)
	r.Write(map[string][]byte{"policy/a.md": doc("a", "改ざん")})
	gitCLI(t, r.Dir, "commit", "-q", "-am", "evil")
	gitCLI(t, r.Dir, "merge", "-q", "-s", "ours", "-m", "merge", branch)
	gitCLI(t, r.Dir, "checkout", "-q", branch)
	gitCLI(t, r.Dir, "merge", "-q", "--ff-only", "evil")
	h, _ = OpenRepository(r.Dir, "", testOptions)
	if _, err := h.Revisions(); err != nil {
		t.Fatalf("a related history is walked: %v", err)
	}
	h, _ = OpenRepository(r.Dir, "", testOptions)
	if err := h.Extends(before); !errors.Is(err, ErrReplaced) {
		t.Errorf("the approved line on a second parent: %v", err)
	}
	// A commit the clone does not have (dropped by a force-push).
	if err := h.Extends("0123456789abcdef0123456789abcdef01234567"); !errors.Is(err, ErrReplaced) {
		t.Errorf("a commit not in the clone: %v", err)
	}
}

// TestRegistryCommittedAfterSignatures: signatures made under a registry
// that is committed after them become complete at the registry's commit,
// though that commit touches nothing but approvals/.
func TestRegistryCommittedAfterSignatures(t *testing.T) {
	r := newRepo(t)
	reg, err := os.ReadFile(r.Dir + "/approvals/registry.yaml")
	if err != nil {
		t.Fatal(err)
	}
	r.Write(map[string][]byte{"approvals/registry.yaml": append(reg, "# 令和元年度の名簿\n"...)})
	r.sign(t, "2019-04-01", "改訂")
	gitCLI(t, r.Dir, "add", "approvals/2019-04-01")
	gitCLI(t, r.Dir, "commit", "-q", "-m", "署名")
	gitCLI(t, r.Dir, "add", "-A")
	gitCLI(t, r.Dir, "commit", "-q", "-m", "名簿")
	h, _ := OpenRepository(r.Dir, "", testOptions)
	recs, err := h.Revisions()
	if err != nil {
		t.Fatal(err)
	}
	if rec := Find(recs, "2019-04-01"); rec == nil || !rec.Approved {
		t.Fatalf("the revision never became approved: %+v", rec)
	}
}

// TestFarFutureFolder: a revision folder nobody approved — without
// revision.yaml, dated years ahead (also when the day judged reaches its
// date), a draft — holds back no revision recorded and approved after it.
func TestFarFutureFolder(t *testing.T) {
	for _, tt := range []struct{ name, path string }{
		{"no revision.yaml", "approvals/2027-12-31/README.md"},
		{"more than ten years away", "approvals/9999-12-31/revision.yaml"},
		{"a draft dated later", "approvals/2030-04-01/revision.yaml"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := newRepo(t)
			r.Commit(gittest.Commit{Files: map[string][]byte{tt.path: []byte("id: " + strings.Split(tt.path, "/")[1] + "\nkind: 改訂\n")}, Message: "folder"})
			// Removed afterwards: the walk saw where it first appeared.
			gitCLI(t, r.Dir, "rm", "-q", "-r", strings.Join(strings.Split(tt.path, "/")[:2], "/"))
			gitCLI(t, r.Dir, "commit", "-q", "-m", "remove")
			r.approve(t, "2026-04-01", "改訂")
			if rec := Find(revisionsAt(t, r.Dir, testOptions), "2026-04-01"); rec == nil || !rec.Approved || rec.Late != nil {
				t.Errorf("2026-04-01 after %s: %+v", tt.path, rec)
			}
			// Judged on a day past the folder's date, the history is the
			// same: what was approved stays approved.
			for _, at := range []string{"2031-01-01", "2040-01-01"} {
				o := testOptions
				o.At = at
				if rec := Find(revisionsAt(t, r.Dir, o), "2026-04-01"); rec == nil || !rec.Approved || rec.Late != nil {
					t.Errorf("at %s, 2026-04-01 after %s: %+v", at, tt.path, rec)
				}
			}
		})
	}
}

// TestRemovedRecord: the gate refuses a tree that dropped the approvals of
// an approved revision.
func TestRemovedRecord(t *testing.T) {
	r := newRepo(t)
	r.approve(t, "2019-04-01", "改訂")
	r.Commit(gittest.Commit{Files: map[string][]byte{"policy/a.md": doc("a", "第二版")}, Message: "a を改正"})
	r.approve(t, "2024-04-01", "一部改正")
	gitCLI(t, r.Dir, "rm", "-q", "-r", "approvals/2019-04-01")
	h, _ := OpenRepository(r.Dir, "", testOptions)
	g, err := h.Verify("")
	if err != nil {
		t.Fatal(err)
	}
	if g.Verdict.OK || !strings.Contains(fmt.Sprint(g.Verdict.Blockers), "approvals/2019-04-01") {
		t.Errorf("a tree without an approved revision's record: %+v", g.Verdict.Blockers)
	}
}

// TestSubmoduleFolder: a submodule (gitlink) named like a revision under
// approvals/ is no revision folder: the walk passes over it, where it used
// to read the commit it names as a tree and stop every later gate.
func TestSubmoduleFolder(t *testing.T) {
	r := newRepo(t)
	r.approve(t, "2026-04-01", "改訂")
	head := strings.TrimSpace(gitCLI(t, r.Dir, "rev-parse", "HEAD"))
	gitCLI(t, r.Dir, "update-index", "--add", "--cacheinfo", "160000,"+head+",approvals/2026-05-01")
	gitCLI(t, r.Dir, "commit", "-q", "-m", "gitlink")
	recs := revisionsAt(t, r.Dir, testOptions) // the walk used to stop at the gitlink
	if Find(recs, "2026-05-01") != nil {
		t.Error("a gitlink is a recorded revision")
	}
	if rec := Find(recs, "2026-04-01"); rec == nil || !rec.Approved {
		t.Errorf("2026-04-01: %+v", rec)
	}
}
