package site

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/policyctl/policyctl/internal/cache"
	"github.com/policyctl/policyctl/internal/demo"
	"github.com/policyctl/policyctl/internal/history"
)

// TestCacheEqualsFresh: after edits that change what other pages show of
// a document — a heading another document's reference links to, a defined
// term, a document's title — a build that reuses cached pages writes
// exactly what a build without the cache writes. A key that missed an
// input would serve a stale page here.
func TestCacheEqualsFresh(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "demo")
	if _, err := demo.Build(dir, false); err != nil {
		t.Fatal(err)
	}
	cacheDir := filepath.Join(t.TempDir(), "cache")
	edit := func(file, old, new string) func() {
		return func() {
			p := filepath.Join(dir, file)
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Contains(b, []byte(old)) {
				t.Fatalf("%s has no %q", file, old)
			}
			if err := os.WriteFile(p, bytes.Replace(b, []byte(old), []byte(new), 1), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	steps := []struct {
		name string
		do   func()
	}{
		{"as committed", func() {}},
		{"the text of a provision another document cites", edit("policy/standards/07-operations.md", "前項各号の措置の結果は、CISO に報告する。", "前項各号の措置の結果は、速やかに CISO に報告する。")},
		{"a heading another document cites", edit("policy/basic-policy.md", "### (3) 対象となる者", "### (3) 対象となる職員等")},
		{"a defined term's meaning", edit("policy/standards/01-organization.md", "副市長を、最高情報セキュリティ責任者", "市長が指名する者を、最高情報セキュリティ責任者")},
		{"a reference removed", edit("policy/procedures/incident-response.md", "対策基準第28条第3項に従い", "所定の手続に従い")},
		{"the id of a document only a link leads to", edit("policy/standards/07-operations.md", "id: std-operations", "id: std-ops")},
		{"a cited document's title", edit("policy/basic-policy.md", "title: みどり野市情報セキュリティ基本方針", "title: みどり野市情報セキュリティ基本方針（改）")},
	}
	for _, s := range steps {
		s.do()
		// A run per step: each reads the packs the runs before it wrote.
		c, err := cache.Open(cacheDir)
		if err != nil || c == nil {
			t.Fatal(c, err)
		}
		cached := buildWith(t, dir, c)
		c.Close()
		fresh := buildWith(t, dir, nil)
		a, b := readTree(t, cached), readTree(t, fresh)
		if len(a) != len(b) {
			t.Errorf("%s: %d files with the cache, %d without", s.name, len(a), len(b))
		}
		for p, x := range b {
			if !bytes.Equal(a[p], x) {
				t.Errorf("%s: %s differs with the cache", s.name, p)
			}
		}
	}
	if n := len(mustGlob(t, filepath.Join(cacheDir, "*.pack"))); n == 0 {
		t.Error("nothing was cached")
	}
}

func buildWith(t *testing.T, dir string, c *cache.Cache) string {
	t.Helper()
	h, err := history.OpenRepository(dir, "", history.Options{})
	if err != nil {
		t.Fatal(err)
	}
	full, err := h.Model()
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "site")
	o := Options{Dir: out, Editions: full.Config.EditionList(), Cache: c}
	if err := FromHistory(h, full, &o); err != nil {
		t.Fatal(err)
	}
	if _, err := Build(full, o); err != nil {
		t.Fatal(err)
	}
	return out
}

func mustGlob(t *testing.T, pattern string) []string {
	t.Helper()
	m, err := filepath.Glob(pattern)
	if err != nil {
		t.Fatal(err)
	}
	return m
}
