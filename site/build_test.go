package site

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/policyctl/policyctl/internal/policy"
	"github.com/policyctl/policyctl/internal/source"
)

func readTree(t *testing.T, root string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(root, p)
		out[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestDeterministic(t *testing.T) {
	repo := canaryRepo(t)
	a, b := readTree(t, buildSite(t, repo)), readTree(t, buildSite(t, repo))
	if len(a) != len(b) || len(a) == 0 {
		t.Fatalf("%d and %d files", len(a), len(b))
	}
	for p, x := range a {
		if !bytes.Equal(x, b[p]) {
			t.Errorf("%s differs between two builds", p)
		}
	}
	for p := range a {
		if strings.HasPrefix(filepath.Base(p), ".policyctl-") && filepath.Base(p) != MarkerFile {
			t.Errorf("a temporary file was left behind: %s", p)
		}
	}
}

// TestAtomic: a build that fails leaves the previous output as it was.
func TestAtomic(t *testing.T) {
	repo := canaryRepo(t)
	out := buildSite(t, repo)
	before := readTree(t, out)
	// A model read without its Markdown has no restricted parts marked: the
	// edition filter's own check stops the build of the public edition.
	tr, _ := source.Open(repo, "")
	heads, err := policy.Load(tr.FS, policy.LoadOptions{HeadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	_, err = Build(heads, Options{Dir: out, Editions: heads.Config.EditionList()})
	if err == nil || !strings.Contains(err.Error(), "was read without its Markdown") {
		t.Fatalf("the build did not fail as planned: %v", err)
	}
	after := readTree(t, out)
	if len(after) != len(before) {
		t.Fatalf("%d files before, %d after", len(before), len(after))
	}
	for p, b := range before {
		if !bytes.Equal(after[p], b) {
			t.Errorf("%s changed", p)
		}
	}
	ents, _ := os.ReadDir(out)
	for _, e := range ents {
		if strings.HasPrefix(e.Name(), ".policyctl-") {
			t.Errorf("a temporary folder was left behind: %s", e.Name())
		}
	}
}

func TestSiteShape(t *testing.T) {
	out := readTree(t, buildSite(t, canaryRepo(t)))
	for _, p := range []string{"public/index.html", "public/basic.html", "public/history.html", "public/search.html", "public/search-index.js", "public/robots.txt", "public/style.css", "internal/canary-doc-id.html", "internal/robots.txt"} {
		if _, ok := out[p]; !ok {
			t.Errorf("missing %s", p)
		}
	}
	if _, ok := out["internal/sitemap.xml"]; ok {
		t.Error("the internal edition has a sitemap")
	}
	pub, internal := string(out["public/basic.html"]), string(out["internal/basic.html"])
	for _, want := range []string{`<html lang="ja">`, `<a class="skip" href="#main">`, `<main id="main"`, `<nav class="toc"`, `class="permalink"`, "@page"} {
		if !strings.Contains(pub+string(out["public/style.css"]), want) {
			t.Errorf("public page lacks %s", want)
		}
	}
	if strings.Contains(pub, "noindex") || !strings.Contains(internal, `<meta name="robots" content="noindex, nofollow">`) {
		t.Error("noindex must be on every internal page and on no public page")
	}
	if strings.Count(pub, "<h1") != 1 {
		t.Errorf("%d h1 on the public page", strings.Count(pub, "<h1"))
	}
	if !strings.Contains(pub, `<a href="#1-目的" title="1 目的" class="ref">上記1</a>`) && !strings.Contains(pub, `class="ref">上記1</a>`) {
		t.Error("上記1 is not a link")
	}
	if !strings.Contains(pub, `<table class="history-compact"><caption>改訂履歴</caption>`) {
		t.Error("the <!-- policyctl:history --> directive was not filled")
	}
	if strings.Contains(pub, "raw HTML omitted") || strings.Contains(pub, "policyctl:history") {
		t.Error("raw HTML markers in the page")
	}
}
