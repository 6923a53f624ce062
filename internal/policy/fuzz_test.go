package policy

import (
	"bytes"
	"io/fs"
	"testing"

	"github.com/policyctl/policyctl/internal/example"
)

// checkInvariants holds for any input: positions inside the file, parts
// inside the body, a consistent tree.
func checkInvariants(t *testing.T, d *Document) {
	lines := bytes.Count(d.Source, []byte("\n")) + 1
	for _, f := range d.Findings {
		if f.Pos.Line < 0 || f.Pos.Line > lines || f.Rule == "" || f.Message == "" {
			t.Fatalf("finding out of range: %+v", f)
		}
	}
	for _, p := range d.Parts {
		if p.Start < 0 || p.End > len(d.Body()) || p.Start > p.End {
			t.Fatalf("part %+v outside body of %d bytes", p, len(d.Body()))
		}
	}
	d.Root.Walk(func(s *Section) bool {
		for _, c := range s.Children {
			if c.Parent != s {
				t.Fatalf("section %q has the wrong parent", c.Label)
			}
		}
		if s.Kind != KindRoot && (s.Line < 1 || s.Line > lines || s.Level < d.Level) {
			t.Fatalf("section %+v out of range", s)
		}
		return true
	})
}

func seeds(f *testing.F) {
	fsys := example.Files()
	_ = fs.WalkDir(fsys, "policy", func(p string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() {
			// Whole documents make Go's fuzzer crawl; their first lines
			// carry the same shapes.
			b, _ := fs.ReadFile(fsys, p)
			if len(b) > 700 {
				b = b[:bytes.LastIndexByte(b[:700], '\n')+1]
			}
			f.Add(b)
		}
		return nil
	})
	f.Add([]byte("---\nid: a\ntitle: [x\n---\n"))
	f.Add([]byte("---\n---\n::: internal\n- (1) a\n  ::: public\n  :::\n"))
	f.Add([]byte("\uFEFF---\r\nid: a\r\n---\r\n第1条　a\r\n2　b\r\n一　c\r\n"))
}

func FuzzFrontMatter(f *testing.F) {
	seeds(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		d := ParseDocument("f.md", src, levels)
		checkInvariants(t, d)
	})
}

func FuzzSectionTree(f *testing.F) {
	seeds(f)
	f.Add([]byte("## 1. a {visibility=internal}\n### (1) b\n(2) c\n#### (3) d\n1. x\n2. y\n## 2. e\n"))
	f.Fuzz(func(t *testing.T, body []byte) {
		src := append([]byte("---\nid: f\nvisibility: public\n---\n"), body...)
		d := ParseDocument("f.md", src, levels)
		checkInvariants(t, d)
		_ = d.DumpTree()
		for _, s := range d.Sections() {
			_ = s.Outline()
			_ = s.Display()
		}
	})
}

func FuzzParseNumbered(f *testing.F) {
	for _, s := range []string{"第5条の2　x", "(1) a", "（１２）b", "① c", "ア d", "(ア) e", "一 f", "2 g", "別表第十", "附則", "第百二十三条", "１．目的"} {
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, inArticle bool) {
		nb, ok := ParseNumbered(s, inArticle)
		if ok && nb.Num.N < 0 {
			t.Fatalf("negative number from %q", s)
		}
		_ = nb.Style.Label(nb.Num)
	})
}
