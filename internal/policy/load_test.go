package policy_test

import (
	"fmt"
	"reflect"
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

// Documents that share their front matter share its YAML, read once — in
// the same model, where two workers decode it at once (go test -race), and
// in the next — and each reads it as it would alone.
func TestCacheSharesFrontMatter(t *testing.T) {
	const head = "---\nid: a\ntitle: 甲\ntier: standard\nvisibility: internal\napprovers: [mayor, council]\nextra: 1\n---\n"
	fsys := fstest.MapFS{"policyctl.yaml": {Data: []byte("organization: {id: t, name: テスト市}\ntitle: テスト\n")}}
	for i := range 40 {
		fsys[fmt.Sprintf("policy/d%02d.md", i)] = &fstest.MapFile{Data: []byte(fmt.Sprintf("%s第1条　本文%d\n", head, i))}
	}
	c := policy.NewCache()
	for range 2 {
		r, err := policy.Load(fsys, policy.LoadOptions{Cache: c, HeadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		alone, err := policy.Load(fsys, policy.LoadOptions{HeadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		for i, d := range r.Docs {
			if !reflect.DeepEqual(d.Meta, alone.Docs[i].Meta) || !reflect.DeepEqual(d.Findings, alone.Docs[i].Findings) || d.Level != alone.Docs[i].Level {
				t.Fatalf("%s read through the cache: %+v %v, alone: %+v %v", d.Path, d.Meta, d.Findings, alone.Docs[i].Meta, alone.Docs[i].Findings)
			}
		}
		if d := r.Docs[0]; d.Meta.ID != "a" || len(d.Meta.Approvers) != 2 || len(d.Findings) != 1 {
			t.Fatalf("front matter read as %+v, findings %v", d.Meta, d.Findings)
		}
		// The next model's documents change their bodies, not their heads.
		for i := range 40 {
			fsys[fmt.Sprintf("policy/d%02d.md", i)].Data = append(fsys[fmt.Sprintf("policy/d%02d.md", i)].Data, "改\n"...)
		}
		c.Keep(r)
	}
	if n := policy.CachedFrontMatters(c); n != 1 {
		t.Errorf("the cache holds %d front matters, want 1", n)
	}
}
