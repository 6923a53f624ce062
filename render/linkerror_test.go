package render

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/policyctl/policyctl/internal/policy"
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
