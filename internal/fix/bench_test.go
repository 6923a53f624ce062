package fix

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/policyctl/policyctl/internal/check"
	"github.com/policyctl/policyctl/internal/corpus"
	"github.com/policyctl/policyctl/internal/policy"
	"github.com/policyctl/policyctl/internal/ref"
	"github.com/policyctl/policyctl/internal/renumber"
)

// The goal of [fix]: renumber on the 1,000-document corpus takes less than
// one check of it plus writing the files renumber changes. Compare
// BenchmarkRenumber with BenchmarkCheckAndWrite, its yardstick, case by
// case (go test ./internal/fix -run '^$' -bench . -benchtime 5x).
//
// article: an article typed 第?条 in the middle of one 対策基準 document;
// only that document changes. basic: a section with its (1) to (3)
// inserted into the 基本方針 as a repeated number 4; half the documents
// cite the sections after it and change.
var benchCases = []struct {
	name, file, at, insert string
}{
	{"article", corpus.DocPath(500), "\n（", "\n（新設）\n\n第?条　新たに定める。\n"},
	{"basic", "policy/basic-policy.md", "## 4. ", "## 4. 新設\n\n新たに定める。\n\n(1) 一\n\n(2) 二\n\n(3) 三\n\n"},
}

// benchRepo writes the corpus with the case's insertion into a folder of
// its own, and returns the folder and the files as written.
func benchRepo(b *testing.B, file, at, insert string) (string, map[string][]byte) {
	dir := b.TempDir()
	if err := corpus.Write(dir, corpus.Options{Docs: 1000, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	full := filepath.Join(dir, filepath.FromSlash(file))
	src, err := os.ReadFile(full)
	if err != nil {
		b.Fatal(err)
	}
	// Insert before the second occurrence: in the middle, not first.
	i := strings.Index(string(src), at)
	if j := strings.Index(string(src[i+1:]), at); j >= 0 && file != "policy/basic-policy.md" {
		i += 1 + j
	}
	out := string(src[:i]) + insert + string(src[i:])
	if err := os.WriteFile(full, []byte(out), 0o644); err != nil {
		b.Fatal(err)
	}
	return dir, nil
}

// restore writes back the files a change wrote, as they were.
func restore(b *testing.B, dir string, c *Change) {
	for p, src := range c.Before {
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(p)), src, 0o644); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRenumber loads the corpus from disk, renumbers it, verifies the
// result (references and check) and writes the changed files.
func BenchmarkRenumber(b *testing.B) {
	for _, bc := range benchCases {
		b.Run(bc.name, func(b *testing.B) {
			dir, _ := benchRepo(b, bc.file, bc.at, bc.insert)
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				r, err := policy.Load(os.DirFS(dir), policy.LoadOptions{})
				if err != nil {
					b.Fatal(err)
				}
				c, err := Renumber(r, check.Options{}, renumber.Options{})
				if err != nil {
					b.Fatal(err)
				}
				if c.Empty() {
					b.Fatal("nothing renumbered")
				}
				if err := c.Write(dir, nil); err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				b.ReportMetric(float64(len(c.After)), "files/op")
				restore(b, dir, c)
				b.StartTimer()
			}
		})
	}
}

// BenchmarkCheckAndWrite is the yardstick: one check of the corpus, as
// policyctl check runs it on the corpus as generated (clean: no finding
// to attach a fix to), and writing the files renumber changes.
func BenchmarkCheckAndWrite(b *testing.B) {
	clean := corpus.Shared(b, 1000)
	for _, bc := range benchCases {
		b.Run(bc.name, func(b *testing.B) {
			dir, _ := benchRepo(b, bc.file, bc.at, bc.insert)
			r, err := policy.Load(os.DirFS(dir), policy.LoadOptions{})
			if err != nil {
				b.Fatal(err)
			}
			c, err := Renumber(r, check.Options{}, renumber.Options{})
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				r, err := policy.Load(os.DirFS(clean), policy.LoadOptions{})
				if err != nil {
					b.Fatal(err)
				}
				if res := check.Run(r); len(res.Findings) > 0 {
					b.Fatalf("the corpus is not clean: %+v", res.Findings[0])
				}
				if err := c.Write(dir, nil); err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				restore(b, dir, c)
				b.StartTimer()
			}
		})
	}
}

// BenchmarkResolve is the part of a check that renumber repeats on its
// result: resolving every reference.
func BenchmarkResolve(b *testing.B) {
	dir := corpus.Shared(b, 1000)
	r, err := policy.Load(os.DirFS(dir), policy.LoadOptions{})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		ref.All(r)
	}
}
