package site

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/policyctl/policyctl/internal/policy"
	"github.com/policyctl/policyctl/internal/policytest"
)

// archivePrefix is the folder of an archived revision.
var archivePrefix = regexp.MustCompile(`^revisions/[^/]+/`)

// TestReservedPageNames: every page the site writes of its own, in the
// edition's folder or an archived revision's, is named in
// policy.ReservedIDs, which check refuses as a document id. A page added to
// the site without its name there fails here.
func TestReservedPageNames(t *testing.T) {
	pub, internal, _ := jaBuild(t, "site: {title: 試験市情報セキュリティポリシー, base_url: \"https://www.city.example.jp/policy/\"}\n")
	docs := map[string]bool{"basic": true, "secret": true}
	own := map[string]bool{}
	for _, files := range []map[string][]byte{pub, internal} {
		for p := range files {
			name := archivePrefix.ReplaceAllString(p, "")
			stem, ok := strings.CutSuffix(name, ".html")
			if !ok || strings.Contains(stem, "/") || docs[stem] {
				continue
			}
			own[stem] = true
			if !slices.Contains(policy.ReservedIDs, stem) {
				t.Errorf("the site writes %s, but %q is not in policy.ReservedIDs: a document with that id would take its place", p, stem)
			}
		}
	}
	for _, want := range []string{"index", "history", "search", "approvals", "shinkyu"} {
		if !own[want] {
			t.Errorf("the test build has no %s.html: it no longer covers every page of the site", want)
		}
	}
}

// collidingRepo is the ja test repository with one more public document,
// whose id is id.
func collidingRepo(t *testing.T, r *policy.Repo, id string) *policy.Repo {
	t.Helper()
	fsys := fstest.MapFS{}
	for _, p := range []string{policy.ConfigFile, "policy/basic.md", "policy/secret.md", "policy/images/a.svg"} {
		b, err := fs.ReadFile(r.FS, p)
		if err != nil {
			t.Fatal(err)
		}
		fsys[p] = &fstest.MapFile{Data: b}
	}
	fsys["policy/extra.md"] = &fstest.MapFile{Data: []byte("---\nid: " + id + "\ntitle: 手順 " + id + "\ntier: procedure\nvisibility: public\napprovers: [mayor]\n---\n\n# 手順\n\n## 1. 目的\n\nPAGE-OF-DOCUMENT この手順の本文。\n")}
	out, err := policy.Load(fsys, policy.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestDocumentPageCollision: a document whose id is the name of one of
// the site's own pages stops the build before any edition is written,
// with an error that names the id; the previous output stays as it was.
func TestDocumentPageCollision(t *testing.T) {
	for _, id := range []string{"index", "history", "search", "approvals", "shinkyu"} {
		t.Run(id, func(t *testing.T) {
			full, o := jaOptions(t, "")
			out := filepath.Join(t.TempDir(), "site")
			o.Dir = out
			if _, err := Build(full, o); err != nil {
				t.Fatal(err)
			}
			before := readTree(t, out)
			full = collidingRepo(t, full, id)
			for i := range o.Archive {
				o.Archive[i].Model = collidingRepo(t, o.Archive[i].Model, id)
				if o.Archive[i].Previous != nil {
					o.Archive[i].Previous = o.Archive[i-1].Model
				}
			}
			o.InForce = o.Archive[len(o.Archive)-1].Model
			// The public edition is refused by check's finding already;
			// the internal one, which cuts nothing, by the site itself.
			for _, eds := range [][]policy.Edition{o.Editions, internalOnly(t, o.Editions)} {
				o := o
				o.Editions = eds
				_, err := Build(full, o)
				if err == nil {
					t.Fatalf("the build succeeded with a document whose page is %s.html", id)
				}
				if !strings.Contains(err.Error(), `"`+id+`"`) || !strings.Contains(err.Error(), id+".html") {
					t.Errorf("the error does not name the id and the page: %v", err)
				}
			}
			// Each edition's writer refuses it on its own (shinkyu.html is
			// written only in archived revisions, which buildEdition leaves
			// out first: TestArchivedPageCollision).
			e := internalOnly(t, o.Editions)[0].Restrict(o.InForce.Config)
			if _, err := buildEdition(full, e, o); id != "shinkyu" && (err == nil || !strings.Contains(err.Error(), "would be written twice") || !strings.Contains(err.Error(), `"`+id+`"`)) {
				t.Errorf("the internal edition's writer did not refuse the page written twice: %v", err)
			}
			after := readTree(t, out)
			if len(after) != len(before) {
				t.Errorf("%d files before, %d after", len(before), len(after))
			}
			for p, b := range before {
				if !bytes.Equal(after[p], b) {
					t.Errorf("%s changed", p)
				}
			}
		})
	}
}

// TestWrittenTwice: whatever the cause, an edition that would write one
// path twice is refused, and nothing of it is written.
func TestWrittenTwice(t *testing.T) {
	w := &files{m: map[string][]byte{}}
	w.put("a.html", []byte("first"))
	w.put("b.html", []byte("b"))
	w.put("a.html", []byte("second"))
	err := w.check()
	if err == nil || !strings.Contains(err.Error(), "a.html") || strings.Contains(err.Error(), "b.html") {
		t.Errorf("a path written twice: %v", err)
	}
}

// TestFoldedCollision: two output paths that are one file on a
// case-insensitive or normalising file system (macOS, Windows) or web
// server, or a file where another path needs a folder, are refused by the
// writer before it creates anything.
func TestFoldedCollision(t *testing.T) {
	for name, tt := range map[string]struct{ paths, want []string }{
		"case":         {[]string{"files/policy/images/Map.svg", "files/policy/images/map.svg"}, nil},
		"folder case":  {[]string{"files/policy/Images/a.svg", "files/policy/images/b.svg"}, []string{"files/policy/Images", "files/policy/images"}},
		"nfc":          {[]string{"files/policy/\u30ac.svg", "files/policy/\u30ab\u3099.svg"}, nil},
		"page case":    {[]string{"Index.html", "index.html"}, nil},
		"file, folder": {[]string{"files/x", "files/x/y.svg"}, []string{"files/x"}},
		"folded file":  {[]string{"files/X", "files/x/y.svg"}, []string{"files/X", "files/x"}},
	} {
		t.Run(name, func(t *testing.T) {
			root := t.TempDir()
			o, err := openOutput(root)
			if err != nil {
				t.Fatal(err)
			}
			defer o.close()
			m := map[string][]byte{"index.html": []byte("x")}
			for _, p := range tt.paths {
				m[p] = []byte(p)
			}
			want := tt.want
			if want == nil {
				want = tt.paths
			}
			_, err = o.publish("public", m, nil)
			if err == nil {
				t.Fatal("not refused")
			}
			for _, w := range want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("the error does not name %s: %v", w, err)
				}
			}
			ents, _ := os.ReadDir(root)
			for _, e := range ents {
				t.Errorf("left behind: %s", e.Name())
			}
		})
	}
}

func internalOnly(t *testing.T, eds []policy.Edition) []policy.Edition {
	t.Helper()
	for _, e := range eds {
		if e.Name == "internal" {
			return []policy.Edition{e}
		}
	}
	t.Fatal("no internal edition")
	return nil
}

// TestArchivedPageCollision: an archived revision whose document has an
// id that names one of the site's own pages is left out of every edition,
// with a warning, and overwrites nothing: its content is sealed, and the
// revision that renamed the document must still be publishable.
func TestArchivedPageCollision(t *testing.T) {
	full, o := jaOptions(t, "")
	o.Archive[0].Model = collidingRepo(t, o.Archive[0].Model, "index")
	o.Archive[1].Previous = o.Archive[0].Model
	var warn bytes.Buffer
	o.Warn = &warn
	o.Dir = filepath.Join(t.TempDir(), "site")
	if _, err := Build(full, o); err != nil {
		t.Fatal(err)
	}
	got := readTree(t, o.Dir)
	for _, ed := range []string{"public", "internal"} {
		if _, ok := got[ed+"/revisions/2024-04-01/index.html"]; ok {
			t.Errorf("%s: the revision holding a document with id index was archived", ed)
		}
		if _, ok := got[ed+"/revisions/2026-03-31/index.html"]; !ok {
			t.Errorf("%s: the next revision was not archived", ed)
		}
		if !strings.Contains(warn.String(), "the "+ed+" edition leaves out revision 2024-04-01") {
			t.Errorf("no warning for the %s edition: %s", ed, warn.String())
		}
	}
	for p, b := range got {
		if bytes.Contains(b, []byte("PAGE-OF-DOCUMENT")) {
			t.Errorf("%s holds the left-out document", p)
		}
	}
}

// TestReclassifiedDocument: a document public in one revision and made
// internal by the next has left the public edition, but it was not
// abolished: the next revision's public 新旧対照表 does not print its text
// again as 削る, and no 改め文 says 廃止する. (The archive of the revision
// that published it keeps it: that was published.)
func TestReclassifiedDocument(t *testing.T) {
	full, o := jaOptions(t, "")
	withExtra := func(r *policy.Repo, visibility string) *policy.Repo {
		out := collidingRepo(t, r, "reclassified")
		if visibility == "public" {
			return out
		}
		return editedRepo(t, out, "policy/extra.md", func(b []byte) []byte {
			return bytes.Replace(b, []byte("visibility: public"), []byte("visibility: "+visibility), 1)
		})
	}
	o.Archive[0].Model = withExtra(o.Archive[0].Model, "public")
	o.Archive[1].Model = withExtra(o.Archive[1].Model, "internal")
	o.Archive[1].Previous = o.Archive[0].Model
	o.InForce = o.Archive[1].Model
	full = withExtra(full, "internal")
	files := publicFiles(t, full, o)
	if !bytes.Contains(files["revisions/2024-04-01/reclassified.html"], []byte("PAGE-OF-DOCUMENT")) {
		t.Error("the archive of the revision that published the document lost it")
	}
	for p, b := range files {
		if strings.HasPrefix(p, "revisions/2026-03-31/") && (bytes.Contains(b, []byte("PAGE-OF-DOCUMENT")) || bytes.Contains(b, []byte("廃止"))) {
			t.Errorf("%s prints the document made internal again, or says it was abolished", p)
		}
	}
}

// TestNoDraftMarkForACut: a page whose public text is the revision in
// force's, while the working tree added a restricted part to it, carries
// no 「案」 mark in the public edition: the mark would say where
// restricted text was added.
func TestNoDraftMarkForACut(t *testing.T) {
	_, o := jaOptions(t, "")
	full := editedRepo(t, o.InForce, "policy/basic.md", func(b []byte) []byte {
		return append(b, "\n::: internal\n\n追記した非公開の手順。\n\n:::\n"...)
	})
	files := publicFiles(t, full, o)
	if page := files["basic.html"]; page == nil || bytes.Contains(page, []byte("承認前の案")) {
		t.Errorf("basic.html is marked as a draft (or missing): %d bytes", len(page))
	}
}

// editedRepo is r's files (the ja test repository's, with policy/extra.md
// when it has one) with one of them edited, read as a revision's.
func editedRepo(t *testing.T, r *policy.Repo, path string, edit func([]byte) []byte) *policy.Repo {
	t.Helper()
	fsys := fstest.MapFS{}
	for _, p := range []string{policy.ConfigFile, "policy/basic.md", "policy/secret.md", "policy/images/a.svg", "policy/extra.md"} {
		b, err := fs.ReadFile(r.FS, p)
		if errors.Is(err, fs.ErrNotExist) && p == "policy/extra.md" {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		if p == path {
			b = edit(b)
		}
		fsys[p] = &fstest.MapFile{Data: b}
	}
	m, err := policy.Load(policytest.Committed{FS: fsys}, policy.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// publicFiles builds the public edition of full under o, narrowed by the
// revision in force's configuration as Build narrows it.
func publicFiles(t *testing.T, full *policy.Repo, o Options) map[string][]byte {
	t.Helper()
	for _, e := range o.Editions {
		if e.Name == "public" {
			files, err := buildEdition(full, e.Restrict(o.InForce.Config), o)
			if err != nil {
				t.Fatal(err)
			}
			return files
		}
	}
	t.Fatal("no public edition")
	return nil
}
