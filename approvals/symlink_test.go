package approvals

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"testing/fstest"

	"github.com/policyctl/policyctl/internal/policy"
)

// TestSymlinkDocumentBlocks: a document left out of the model because it
// is a symbolic link fails the gate, whatever the approvals say.
func TestSymlinkDocumentBlocks(t *testing.T) {
	doc := "---\nid: a\ntitle: A\ntier: basic\nvisibility: public\napprovers: [mayor]\n---\n"
	r, err := policy.Load(fstest.MapFS{
		policy.ConfigFile: {Data: []byte("organization: {id: t, name: テスト市}\ntitle: テスト\n")},
		"policy/a.md":     {Data: []byte(doc)},
		"policy/ln.md":    {Data: []byte("a.md"), Mode: fs.ModeSymlink},
	}, policy.LoadOptions{HeadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range blockers(r) {
		if p.Reason == ReasonSymlink && p.File == "policy/ln.md" {
			return
		}
	}
	t.Fatalf("no symlink blocker: %+v", blockers(r))
}

// TestSymlinkApprovalRefused: an approval file, its signature or the
// revision's revision.yaml that is a symbolic link is not read: a working
// tree follows it where a commit holds the link's text, so the gate and
// the history would judge different things. The approval does not count.
func TestSymlinkApprovalRefused(t *testing.T) {
	for _, name := range []string{"mayor.tanaka.json", "mayor.tanaka.sig"} {
		f := newFixture(t)
		f.approveAll("2026-04-01", nil)
		dir := filepath.Join(f.dir, "approvals", "2026-04-01")
		if err := os.MkdirAll(filepath.Join(f.dir, "x"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(filepath.Join(dir, name), filepath.Join(f.dir, "x", name)); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(filepath.Join("..", "..", "x", name), filepath.Join(dir, name)); err != nil {
			t.Skip(err)
		}
		v := f.verify(os.DirFS(f.dir), "2026-04-01", nil)
		if v.OK || !slices.ContainsFunc(v.Invalid, func(p Problem) bool { return p.Reason == ReasonNotFile }) {
			t.Errorf("%s linked: OK %v, invalid %+v", name, v.OK, v.Invalid)
		}
	}
	f := newFixture(t)
	f.approveAll("2026-04-01", nil)
	meta := filepath.Join(f.dir, "approvals", "2026-04-01", "revision.yaml")
	if err := os.Rename(meta, filepath.Join(f.dir, "revision.yaml")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join("..", "..", "revision.yaml"), meta); err != nil {
		t.Skip(err)
	}
	if _, err := ReadMeta(os.DirFS(f.dir), "2026-04-01"); err == nil {
		t.Error("a linked revision.yaml was read")
	}
}
