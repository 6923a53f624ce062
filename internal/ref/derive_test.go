package ref

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/policyctl/policyctl/internal/policy"
	"github.com/policyctl/policyctl/internal/policytest"
)

// A rewritten reference changes the first line of the paragraph it stands
// in, which is that paragraph's Title; no other document cites a
// paragraph by it, so the document keeps its shape and gains no label. A
// heading's title and an article's caption are labels.
func TestCitedTitles(t *testing.T) {
	doc := func(src string) *policy.Document {
		return policy.ParseDocument("policy/standards/a.md", []byte("---\nid: a\ntitle: 基準\ntier: standards\n---\n"+src), nil)
	}
	a := doc("## 第1条（目的）\n\n１　基本方針5に基づく。\n\n２　前項の規定による。\n")
	b := doc("## 第1条（目的）\n\n１　基本方針6に基づく。\n\n２　前項の規定による。\n")
	c := doc("## 第1条（目標）\n\n１　基本方針5に基づく。\n\n２　前項の規定による。\n")
	if !SameShape(a, b) {
		t.Error("a rewritten reference in a paragraph changed the document's shape")
	}
	if SameShape(a, c) {
		t.Error("a new caption kept the document's shape")
	}
	la, lc := Labels(a), Labels(c)
	if !la["title\x00目的"] || !lc["title\x00目標"] {
		t.Errorf("captions are not labels: %v %v", la, lc)
	}
	for l := range la {
		if strings.Contains(l, "基本方針") {
			t.Errorf("a paragraph's first line is a label: %q", l)
		}
	}
}

// Derive takes a document's references from the model before a change
// only where the change cannot alter them: for every kind of change, each
// document's references as derived read exactly as resolving next afresh
// reads them, and a document the change cannot touch keeps prev's.
func TestDeriveAgreesWithResolving(t *testing.T) {
	basic := front("basic", "basic") + "## 1. 目的\n\n甲\n\n## 2. 対象\n\n(1) 乙\n\n(2) 丙\n\n## 3. 体制\n\n上記2(2)による。\n"
	std := front("std", "standard") + "第1条　基本方針3による。\n\n第2条　前条による。\n\n2　第1条の規定は基本方針2(1)に準じる。\n\n第3条　第4条に定める。\n"
	proc := front("proc", "procedure") + "## 1. 手順\n\n対策基準第2条第2項による。\n"
	other := front("other", "procedure") + "## 1. 他\n\n他に定める。\n"
	// An unresolved reference, and one by a tier's name that another
	// document of the tier could take over.
	note := front("note", "guide") + "## 1. 注\n\n対策基準第5条に定める。\n"
	pa := front("pa", "procedure") + "第1条　甲\n\n第2条　乙\n"
	pb := front("pb", "procedure") + "第1条　丙\n"
	tiers := front("tiers", "guide") + "## 1. 参照\n\n実施手順第2条による。\n"
	files := map[string]string{"policy/basic.md": basic, "policy/std.md": std, "policy/proc.md": proc, "policy/other.md": other,
		"policy/note.md": note, "policy/pa.md": pa, "policy/pb.md": pb, "policy/tiers.md": tiers}
	for _, tt := range []struct {
		name, path, old, new string
		keeps                string // a document whose references are prev's
	}{
		{"text only", "policy/std.md", "前条による。", "前条の定めによる。", "policy/other.md"},
		{"a section inserted", "policy/basic.md", "## 2. 対象", "## 2. 新設\n\n丁\n\n## 2. 対象", "policy/other.md"},
		{"a label gained", "policy/std.md", "第3条　第4条に定める。\n", "第3条　第4条に定める。\n\n第4条　戊\n", "policy/other.md"},
		{"a cited article added", "policy/std.md", "第3条　第4条に定める。\n", "第3条　第4条に定める。\n\n第4条　戊\n\n第5条　己\n", "policy/other.md"},
		{"an article another tier's name can cite added", "policy/pb.md", "第1条　丙\n", "第1条　丙\n\n第2条　丁\n", "policy/other.md"},
		{"a caption changed", "policy/std.md", "第1条　", "（目的）\n\n第1条　", "policy/other.md"},
		{"a paragraph removed", "policy/std.md", "\n2　第1条の規定は基本方針2(1)に準じる。\n", "", "policy/other.md"},
		{"a title changed", "policy/std.md", "title: std", "title: 新基準", ""},
		{"numbering continued", "policy/other.md", "## 1. 他\n\n他に定める。\n", "第5条　他に定める。\n", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := policy.NewCache()
			prev := loadCached(t, c, files)
			changed := map[string]string{}
			for p, s := range files {
				changed[p] = s
			}
			if !strings.Contains(files[tt.path], tt.old) {
				t.Fatalf("%s holds no %q", tt.path, tt.old)
			}
			changed[tt.path] = strings.Replace(files[tt.path], tt.old, tt.new, 1)
			next := loadCached(t, c, changed)
			shared := 0
			for i, d := range next.Docs {
				if d == prev.Docs[i] {
					shared++
				}
			}
			if shared != len(files)-1 {
				t.Fatalf("%d documents shared between the two models, want %d", shared, len(files)-1)
			}
			prevRefs := All(prev)
			got := Derive(prev, prevRefs, next)
			want := ResolveDocs(next, next.Docs)
			for _, d := range next.Docs {
				g, w := strings.Join(describeRefs(got[d]), "\n"), strings.Join(describeRefs(want[d]), "\n")
				if g != w {
					t.Errorf("%s: derived\n%s\nresolved\n%s", d.Path, g, w)
				}
				for _, r := range got[d] {
					for _, s := range r.Targets {
						if s.Doc != next.DocByPath(s.Doc.Path) {
							t.Errorf("%s: %s points into the document before the change", d.Path, r.Text)
						}
					}
				}
			}
			// The same change made in memory (Repo.With): the changed
			// document reuses the scan of its blocks that read as before.
			with, err := prev.With(map[string][]byte{tt.path: []byte(changed[tt.path])})
			if err != nil {
				t.Fatal(err)
			}
			again := All(with)
			for i, d := range with.Docs {
				g, w := strings.Join(describeRefs(again[d]), "\n"), strings.Join(describeRefs(want[next.Docs[i]]), "\n")
				if g != w {
					t.Errorf("%s, parsed again: resolved\n%s\nwant\n%s", d.Path, g, w)
				}
			}
			if tt.keeps != "" {
				d := next.DocByPath(tt.keeps)
				if len(got[d]) != len(prevRefs[d]) || len(got[d]) > 0 && got[d][0] != prevRefs[d][0] {
					t.Errorf("%s: resolved again, though the change cannot alter its references", tt.keeps)
				}
			}
		})
	}
}

// loadCached reads files as a working tree through the cache c.
func loadCached(t *testing.T, c *policy.Cache, docs map[string]string) *policy.Repo {
	t.Helper()
	fsys := fstest.MapFS{}
	for p, s := range policytest.With(config, docs) {
		fsys[p] = &fstest.MapFile{Data: []byte(s)}
	}
	r, err := policy.Load(policytest.Committed{FS: fsys}, policy.LoadOptions{Cache: c})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// deriveAgrees changes old to new in path and holds Derive to a fresh
// resolution of the changed model, document by document.
func deriveAgrees(t *testing.T, files map[string]string, path, old, new string) {
	t.Helper()
	c := policy.NewCache()
	prev := loadCached(t, c, files)
	changed := map[string]string{}
	for p, s := range files {
		changed[p] = s
	}
	if !strings.Contains(files[path], old) {
		t.Fatalf("%s holds no %q", path, old)
	}
	changed[path] = strings.Replace(files[path], old, new, 1)
	next := loadCached(t, c, changed)
	got := Derive(prev, All(prev), next)
	want := ResolveDocs(next, next.Docs)
	for _, d := range next.Docs {
		if g, w := strings.Join(describeRefs(got[d]), "\n"), strings.Join(describeRefs(want[d]), "\n"); g != w {
			t.Errorf("%s: derived\n%s\nresolved\n%s", d.Path, g, w)
		}
		for _, r := range got[d] {
			for _, s := range r.Targets {
				if s.Doc != next.DocByPath(s.Doc.Path) {
					t.Errorf("%s: %s points into %s before the change", d.Path, r.Text, s.Doc.Path)
				}
			}
		}
	}
}

// What a reference resolves to can depend on documents it does not point
// into: the files a range runs through, another document of the tier
// its name cites, the forms of its tier (a review found each kept wrong).
func TestDeriveAcrossFiles(t *testing.T) {
	t.Run("a tier's name into its own document", func(t *testing.T) {
		deriveAgrees(t, map[string]string{
			"policy/a.md": front("sa", "standard") + "第1条　甲\n\n第2条　乙\n\n第3条　対策基準第2条による。\n",
			"policy/b.md": front("sb", "standard") + "第1条　丙\n",
		}, "policy/b.md", "第1条　丙\n", "第1条　丙\n\n第2条　丁\n")
	})
	t.Run("a form of the tier added", func(t *testing.T) {
		deriveAgrees(t, map[string]string{
			"policy/a.md": front("pa", "procedure") + "## 1. 手順\n\n様式第1号により届け出る。\n",
			"policy/b.md": front("pb", "procedure") + "## 1. 他\n\n他に定める。\n",
		}, "policy/b.md", "他に定める。\n", "他に定める。\n\n## 様式第1号\n\n届出書\n")
	})
	ranges := map[string]string{
		"policy/a.md": front("sa", "standard") + "第1条　甲\n\n第2条　乙\n",
		"policy/b.md": front("sb", "standard") + "第3条　丙\n\n第4条　丁\n\n２　戊\n",
		"policy/c.md": front("sc", "standard") + "第5条　戊\n\n第6条　第1条から第4条までの規定による。\n",
		"policy/p.md": front("pp", "procedure") + "## 1. 手順\n\n他に定める。\n",
	}
	t.Run("a range through a file that gained a branch article", func(t *testing.T) {
		deriveAgrees(t, ranges, "policy/b.md", "第4条　丁\n", "第3条の2　己\n\n第4条　丁\n")
	})
	t.Run("a range through a file whose text changed", func(t *testing.T) {
		deriveAgrees(t, ranges, "policy/b.md", "２　戊\n", "２　戊己\n")
	})
}
