package policy_test

import (
	"testing"
	"testing/fstest"

	"github.com/policyctl/policyctl/internal/policy"
)

// Two models read through one cache share a document whose bytes, path
// and visibility levels are the same — a working tree has no hashes of
// its own, so its bytes are hashed as git hashes them — and parse
// anything else again.
func TestCacheSharesWorkingTreeDocuments(t *testing.T) {
	const doc = "---\nid: a\ntitle: 甲\ntier: standard\nvisibility: public\n---\n第1条　甲\n"
	tree := func(config, a, b string) fstest.MapFS {
		return fstest.MapFS{
			"policyctl.yaml": {Data: []byte("organization: {id: t, name: テスト市}\ntitle: テスト\n" + config)},
			"policy/a.md":    {Data: []byte(a)},
			"policy/b.md":    {Data: []byte(b)},
		}
	}
	c := policy.NewCache()
	load := func(fsys fstest.MapFS) *policy.Repo {
		t.Helper()
		r, err := policy.Load(fsys, policy.LoadOptions{Cache: c})
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	first := load(tree("", doc, doc))
	second := load(tree("", doc, doc+"\n第2条　乙\n"))
	if second.Docs[0] != first.Docs[0] {
		t.Error("a document with the same bytes was parsed again")
	}
	if second.Docs[1] == first.Docs[1] {
		t.Error("a changed document was taken from the cache")
	}
	if first.Docs[0] == first.Docs[1] {
		t.Error("two paths with the same bytes share one document")
	}
	levels := load(tree("visibility: [public, internal, secret]\n", doc, doc))
	if levels.Docs[0] == first.Docs[0] {
		t.Error("a document read with other visibility levels was taken from the cache")
	}
	if got, want := policy.BlobHash([]byte("甲\n")), "857254abf297baeb1e34b76597210e6e2d6a0878"; got != want {
		t.Errorf("BlobHash = %s, want git's %s", got, want)
	}
}
