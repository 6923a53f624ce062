package render

import (
	"html"
	"io/fs"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/policyctl/policyctl/internal/policy"
	"github.com/policyctl/policyctl/internal/policytest"
	"github.com/policyctl/policyctl/internal/ref"
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

// TestFragmentsFollowTheCut: a heading's id counts the headings of its
// document that share its slug (概要, 概要-1, 概要-2), restricted ones
// too; in an edition that cuts one, a link written against the full
// document names its target by the id the target has there, so it lands
// on the heading the author meant, in this document and from another, and
// no id tells that a hidden heading exists.
func TestFragmentsFollowTheCut(t *testing.T) {
	front := func(id, title string) string {
		return "---\nid: " + id + "\ntitle: " + title + "\ntier: basic\nvisibility: public\napprovers: [mayor]\n---\n\n"
	}
	fsys := fstest.MapFS{
		policy.ConfigFile: {Data: []byte("organization: {id: t, name: 試験市}\ntitle: 試験市情報セキュリティポリシー\n")},
		"policy/basic.md": {Data: []byte(front("basic", "基本方針") + "## 概要 {visibility=internal}\n\n非公開の概要。\n\n## 概要\n\n甲の概要。\n\n## 概要\n\n乙の概要。[甲](#概要-1)と[乙](#%E6%A6%82%E8%A6%81-2)を参照。[基点](#)\n")},
		"policy/other.md": {Data: []byte(front("other", "別冊") + "## 1. 参照\n\n[基本方針の甲](basic.md#概要-1)による。\n")},
	}
	full, err := policy.Load(fsys, policy.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	hrefs := func(edition string) []string {
		e, _ := full.Config.Edition(edition)
		m, err := Edition(full, e)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, d := range m.Docs() {
			p, err := Document(m, ref.New(m.Repo()), d, pages{}, Extras{})
			if err != nil {
				t.Fatal(err)
			}
			for _, h := range regexp.MustCompile(`<a href="([^"]*)">[甲乙基]`).FindAllStringSubmatch(string(p.HTML), -1) {
				u, _ := url.PathUnescape(html.UnescapeString(h[1]))
				out = append(out, u)
			}
		}
		return out
	}
	e, _ := full.Config.Edition("public")
	m, err := Edition(full, e)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range m.Docs() {
		p, err := Document(m, ref.New(m.Repo()), d, pages{}, Extras{})
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(p.HTML), `id="概要-2"`) {
			t.Errorf("%s: the public page has an id counted with the hidden heading", d.Path)
		}
	}
	if got, want := strings.Join(hrefs("public"), " "), "#概要 #概要-1 # basic.html#概要"; got != want {
		t.Errorf("public edition: links %s, want %s", got, want)
	}
	if got, want := strings.Join(hrefs("internal"), " "), "#概要-1 #概要-2 # basic.html#概要-1"; got != want {
		t.Errorf("internal edition: links %s, want %s", got, want)
	}
}
