package render

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/policyctl/policyctl/internal/policy"
	"github.com/policyctl/policyctl/internal/policytest"
)

// TestBrokenLinkMessage: an edition that refuses a broken link names the
// rule by its id, as check does, never as a dump of the rule's fields.
func TestBrokenLinkMessage(t *testing.T) {
	fsys := fstest.MapFS{
		policy.ConfigFile: {Data: []byte("organization: {id: t, name: 試験市}\ntitle: 試験市情報セキュリティポリシー\n")},
		"policy/basic.md": {Data: []byte("---\nid: basic\ntitle: 基本方針\ntier: basic\nvisibility: public\napprovers: [mayor]\n---\n\n## 4. 図\n\n![図](images/missing.svg)\n")},
	}
	full, err := policy.Load(fsys, policy.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	e, _ := full.Config.Edition("public")
	_, err = Edition(full, e)
	if err == nil {
		t.Fatal("the public edition was built with a broken image link")
	}
	msg := err.Error()
	if !strings.Contains(msg, "policy/basic.md: link/broken-file: ") || strings.Contains(msg, "&{") || strings.Contains(msg, policy.RuleLinkBrokenFile.Summary) {
		t.Errorf("the message does not name the rule by its id:\n%s", msg)
	}
}

// TestUncommittedFile: an edition that cuts publishes a linked file only
// when the file system says its bytes are committed; a file system that
// cannot say (a folder outside git) commits nothing. The edition that
// cuts nothing publishes it.
func TestUncommittedFile(t *testing.T) {
	fsys := fstest.MapFS{
		policy.ConfigFile:     {Data: []byte("organization: {id: t, name: 試験市}\ntitle: 試験市情報セキュリティポリシー\n")},
		"policy/basic.md":     {Data: []byte("---\nid: basic\ntitle: 基本方針\ntier: basic\nvisibility: public\napprovers: [mayor]\n---\n\n## 4. 図\n\n![図](images/a.svg)\n")},
		"policy/images/a.svg": {Data: []byte("<svg xmlns=\"http://www.w3.org/2000/svg\"><text>非公開の連絡網</text></svg>")},
	}
	for _, tc := range []struct {
		fsys    fs.FS
		edition string
		ok      bool
	}{
		{fsys, "public", false},
		{fsys, "internal", true},
		{policytest.Committed{FS: fsys}, "public", true},
	} {
		full, err := policy.Load(tc.fsys, policy.LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		e, _ := full.Config.Edition(tc.edition)
		m, err := Edition(full, e)
		switch {
		case tc.ok && err != nil:
			t.Errorf("%T, %s: %v", tc.fsys, tc.edition, err)
		case !tc.ok && (err == nil || !strings.Contains(err.Error(), "policy/basic.md links policy/images/a.svg, which is not committed")):
			t.Errorf("%T, %s: the uncommitted file was not refused: %v", tc.fsys, tc.edition, err)
		case tc.ok:
			if _, ok := m.Asset("policy/images/a.svg"); !ok {
				t.Errorf("%T, %s: the file is not in the edition", tc.fsys, tc.edition)
			}
		}
	}
}
