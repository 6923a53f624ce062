package approvals

import (
	"io/fs"
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
