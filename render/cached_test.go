package render

import (
	"strings"
	"testing"

	"github.com/policyctl/policyctl/internal/cache"
	"github.com/policyctl/policyctl/internal/ref"
)

// TestCachedPagePlanted: a page entry put in the cache folder without this
// machine's seal — as a job that can write CI's cache could plant one, with
// a script and restricted text — is never taken for the page: the page is
// rendered again, and the planted bytes are not published.
func TestCachedPagePlanted(t *testing.T) {
	m := tripwireModel(t)
	d := m.Repo().Doc("basic")
	refs := ref.New(m.Repo())
	c, err := cache.Open(t.TempDir())
	if err != nil || c == nil {
		t.Fatal(c, err)
	}
	defer c.Close()
	planted := &Page{HTML: "<script>alert(1)</script>管理者用の緊急連絡先は内線四四四四番とする。"}
	c.Put(pageKey(m, refs, d, pages{}, Extras{}), encodePage(planted))
	p, err := CachedDocument(c, m, refs, d, pages{}, Extras{})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(p.HTML), "<script>") || strings.Contains(string(p.HTML), "内線四四四四番") {
		t.Fatalf("the planted page was taken:\n%s", p.HTML)
	}
	if !strings.Contains(string(p.HTML), "情報資産を適切に管理する。") {
		t.Fatalf("the page was not rendered:\n%s", p.HTML)
	}
}
