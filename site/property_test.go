package site

import (
	"errors"
	"flag"
	"fmt"
	"math/rand"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/policyctl/policyctl/internal/policy"
	"github.com/policyctl/policyctl/internal/policytest"
	"github.com/policyctl/policyctl/render"
)

var propertyCases = flag.Int("property-cases", 3000, "random repositories TestPropertyNoLeak builds")

// raceSample is set under -race, where a tenth of the cases run.
var raceSample bool

// gen writes random policy repositories. Every piece of text carries a
// unique token: SEC…X where the rules make it restricted, PUB…X where they
// make it public, NEAR…X inside a near-miss marker (which an author meant
// to restrict), HID…X where it is public but never rendered (raw HTML,
// comments). The generator applies the visibility rules itself.
type gen struct {
	rng                   *rand.Rand
	n                     int
	secret, public, never []string
	near                  []string
	nearMiss              bool
	files                 fstest.MapFS
}

func (g *gen) tok(kind string) string {
	g.n++
	var t string
	if g.rng.Intn(4) == 0 {
		t = fmt.Sprintf("%s%d号カナリア", map[string]string{"SEC": "極秘", "PUB": "公開", "NEAR": "準秘", "HID": "注記"}[kind], g.n)
	} else {
		t = fmt.Sprintf("%s%dX", kind, g.n)
	}
	switch kind {
	case "SEC":
		g.secret = append(g.secret, t)
	case "NEAR":
		g.near = append(g.near, t)
	case "PUB":
		g.public = append(g.public, t)
	case "HID":
		g.never = append(g.never, t)
	}
	return t
}

// name is a restricted token usable as an id or a file name.
func (g *gen) name() string {
	g.n++
	t := fmt.Sprintf("sec%dx", g.n)
	g.secret = append(g.secret, t)
	return t
}

func (g *gen) text(restricted bool) string {
	if restricted {
		return g.tok("SEC")
	}
	return g.tok("PUB")
}

// inline writes a paragraph using every inline a renderer copies from.
func (g *gen) inline(r bool) string {
	var b strings.Builder
	for k := 0; k < 1+g.rng.Intn(3); k++ {
		switch g.rng.Intn(9) {
		case 0:
			fmt.Fprintf(&b, "[%s](https://%s.example/p \"%s\") ", g.text(r), strings.ToLower(g.text(r)), g.text(r))
		case 1:
			img := "pub.svg"
			if r {
				img = g.name() + ".svg"
				g.files["policy/"+img] = &fstest.MapFile{Data: []byte("<svg><title>" + g.text(r) + "</title></svg>")}
			}
			fmt.Fprintf(&b, "![%s](%s \"%s\") ", g.text(r), img, g.text(r))
		case 2:
			fmt.Fprintf(&b, "`%s` ", g.text(r))
		case 3:
			fmt.Fprintf(&b, "**%s** *%s* ~~%s~~ ", g.text(r), g.text(r), g.text(r))
		case 4:
			fmt.Fprintf(&b, "<https://%s.example/> ", strings.ToLower(g.text(r)))
		case 5:
			hid := g.tok("HID")
			fmt.Fprintf(&b, "<span title=\"%s\">%s</span> <!-- %s --> ", hid, g.text(r), hid)
		default:
			fmt.Fprintf(&b, "本文%sを定める。 ", g.text(r))
		}
	}
	return b.String() + "\n"
}

// block writes one block that stays inside the part it is written in.
func (g *gen) block(r bool) string {
	switch g.rng.Intn(10) {
	case 0:
		return fmt.Sprintf("- (1) %s\n- (2) %s\n  - ア %s\n", g.text(r), g.inline(r), g.text(r))
	case 1:
		return fmt.Sprintf("1. %s\n2. %s\n", g.text(r), g.text(r))
	case 2:
		return fmt.Sprintf("| 区分 | %s |\n|---|---|\n| %s | %s |\n", g.text(r), g.text(r), g.text(r))
	case 3:
		g.n++
		k := g.n
		return fmt.Sprintf("注記[^f%d]の本文%s。\n\n[^f%d]: 脚注%s\n", k, g.text(r), k, g.text(r))
	case 4:
		g.n++
		k := g.n
		return fmt.Sprintf("[参照%s][r%d]を見よ。\n\n[r%d]: https://%s.example/ref \"%s\"\n", g.text(r), k, k, strings.ToLower(g.text(r)), g.text(r))
	case 5:
		return fmt.Sprintf("```text\n%s\n:::\n%s\n```\n", g.text(r), g.text(r))
	case 6:
		return fmt.Sprintf("> %s\n> %s\n", g.text(r), g.text(r))
	case 7:
		hid := g.tok("HID")
		return fmt.Sprintf("<div class=\"note\">\n%s\n</div>\n", hid)
	case 8:
		return fmt.Sprintf("    %s\n", g.text(r))
	}
	return g.inline(r)
}

// nearMisses are markers written almost right, with %s for the content the
// author meant to restrict.
var nearMisses = []string{
	"::: internal 人事情報\n%s\n:::\n",
	"::: internal.\n%s\n:::\n",
	"::: 内部\n%s\n:::\n",
	"::: {.internal}\n%s\n:::\n",
	"  ::: internal\n%s\n:::\n",
	"：：： internal\n%s\n：：：\n",
	"<div>\n::: internal\n%s\n:::\n</div>\n",
	"## 見出し ｛visibility=internal｝\n\n%s\n",
	"## 見出し {visibility=“internal”}\n\n%s\n",
	"## 見出し {visiblity=internal}\n\n%s\n",
	"## 見出し {visibility=internal} ##\n\n%s\n",
	"## 見出し {visibility=内部}\n\n%s\n",
	"**見出し** {visibility=internal}\n\n%s\n",
	"<section class=\"level-internal\">\n\n%s\n\n</section>\n",
	"::: internal\n<p>x</p>\n:::\n\n%s\n",
}

// body writes a document body with parts restricted by every marker kind.
func (g *gen) body(docRestricted bool) string {
	var b strings.Builder
	var scopes []int // heading levels of open {visibility} scopes
	for i := 0; i < 3+g.rng.Intn(8); i++ {
		r := docRestricted || len(scopes) > 0
		switch x := g.rng.Intn(12); {
		case x < 3:
			lvl := 2 + g.rng.Intn(3)
			for len(scopes) > 0 && scopes[len(scopes)-1] >= lvl {
				scopes = scopes[:len(scopes)-1]
			}
			vis := g.rng.Intn(3) == 0
			r = docRestricted || len(scopes) > 0 || vis
			attr := ""
			if vis {
				attr = " {visibility=internal}"
				if g.rng.Intn(2) == 0 {
					attr = fmt.Sprintf(" {#%s visibility=internal}", g.name())
				}
				scopes = append(scopes, lvl)
			}
			fmt.Fprintf(&b, "%s %d. %s%s\n\n", strings.Repeat("#", lvl), i+1, g.text(r), attr)
		case x < 6:
			fence := ":::"
			if g.rng.Intn(3) == 0 {
				fence = ":::::"
			}
			fmt.Fprintf(&b, "%s internal\n\n", fence)
			for k := 0; k < 1+g.rng.Intn(3); k++ {
				if g.rng.Intn(6) == 0 {
					fmt.Fprintf(&b, "::: internal\n\n%s\n:::\n\n", g.block(true))
				} else {
					b.WriteString(g.block(true) + "\n")
				}
			}
			fmt.Fprintf(&b, "%s\n\n", fence)
		case x == 6 && g.rng.Intn(4) == 0:
			g.nearMiss = true
			fmt.Fprintf(&b, nearMisses[g.rng.Intn(len(nearMisses))]+"\n", g.tok("NEAR"))
		default:
			b.WriteString(g.block(r) + "\n")
		}
	}
	return b.String()
}

// repo writes a repository: a public document with restricted parts, a
// restricted document, and one without a visibility key.
func (g *gen) repo() fstest.MapFS {
	g.files = fstest.MapFS{
		"policyctl.yaml": {Data: []byte("organization: {id: t, name: 試験市}\ntitle: 試験市情報セキュリティポリシー\n")},
		"policy/pub.svg": {Data: []byte("<svg><title>公開図</title></svg>")},
	}
	g.files["policy/basic.md"] = &fstest.MapFile{Data: []byte("---\nid: basic\ntitle: 試験市情報セキュリティ基本方針\ntier: basic\nvisibility: public\napprovers: [mayor]\n---\n\n# 試験市情報セキュリティ基本方針\n\n" + g.body(false))}
	for _, vis := range []string{"visibility: internal\n", ""} {
		id := g.name()
		g.files["policy/"+id+".md"] = &fstest.MapFile{Data: []byte(fmt.Sprintf("---\nid: %s\ntitle: 手順%s\ntier: procedure\n%sapprovers: [mayor]\n---\n\n# 手順\n\n%s", id, g.text(true), vis, g.body(true)))}
	}
	return g.files
}

// TestPropertyNoLeak builds the editions of thousands of random
// repositories, without the tripwire: the public edition holds no
// restricted token in any file or file name, in any encoding; every
// near-miss marker stops the build; the internal edition shows everything.
func TestPropertyNoLeak(t *testing.T) {
	cases := *propertyCases
	if testing.Short() || raceSample {
		cases /= 10
	}
	rng := rand.New(rand.NewSource(11))
	built, refused := 0, 0
	for c := 0; c < cases; c++ {
		g := &gen{rng: rng}
		fsys := g.repo()
		full, err := policy.Load(policytest.Committed{FS: fsys}, policy.LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range full.Config.EditionList() {
			files, err := buildEdition(full, e, Options{noTripwire: true})
			if e.SeesAll(full.Config) {
				if err != nil {
					t.Fatalf("case %d: the internal edition failed: %v\n%s", c, err, dump(fsys))
				}
				assertShows(t, c, files, fsys, g.public, g.secret)
				continue
			}
			var refusedErr *render.RefusedError
			switch {
			case err != nil && g.nearMiss:
				refused++
				continue
			case errors.As(err, &refusedErr):
				t.Fatalf("case %d: refused without a near-miss marker: %v\n%s", c, err, dump(fsys))
			case err != nil:
				t.Fatalf("case %d: %v\n%s", c, err, dump(fsys))
			case g.nearMiss:
				t.Fatalf("case %d: a near-miss marker did not stop the public edition\n%s", c, dump(fsys))
			}
			built++
			assertHides(t, c, files, append(append(append([]string{}, g.secret...), g.never...), g.near...), fsys)
			assertShows(t, c, files, fsys, g.public)
		}
	}
	if built < cases/2 || refused == 0 {
		t.Fatalf("%d public editions built, %d refused: the generator does not exercise both", built, refused)
	}
	t.Logf("%d public editions built and checked, %d refused for a near-miss marker", built, refused)
}

func assertHides(t *testing.T, c int, files map[string][]byte, secret []string, fsys fstest.MapFS) {
	t.Helper()
	names := sortedNames(files)
	lower := make([]string, len(names))
	for i, name := range names {
		lower[i] = strings.ToLower(string(files[name]))
	}
	for _, s := range secret {
		for _, f := range forms(s) {
			lf := strings.ToLower(f)
			for i, name := range names {
				if strings.Contains(strings.ToLower(name), lf) {
					t.Fatalf("case %d: public file name %s holds %q\n%s", c, name, s, dump(fsys))
				}
				if strings.Contains(lower[i], lf) {
					t.Fatalf("case %d: public %s holds %q (as %q)\n%s\n--- output ---\n%s", c, name, s, f, dump(fsys), files[name])
				}
			}
		}
	}
}

func assertShows(t *testing.T, c int, files map[string][]byte, fsys fstest.MapFS, lists ...[]string) {
	t.Helper()
	var all strings.Builder
	for _, name := range sortedNames(files) {
		all.Write(files[name])
	}
	out := all.String()
	for _, l := range lists {
		for _, s := range l {
			found := false
			for _, f := range forms(s) {
				found = found || strings.Contains(out, f)
			}
			if !found {
				t.Fatalf("case %d: %q is missing from the edition that should show it\n%s", c, s, dump(fsys))
			}
		}
	}
}

func sortedNames(files map[string][]byte) []string {
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func dump(fsys fstest.MapFS) string {
	var b strings.Builder
	for _, n := range sortedNames(mapOf(fsys)) {
		if strings.HasSuffix(n, ".md") {
			fmt.Fprintf(&b, "--- %s ---\n%s\n", n, fsys[n].Data)
		}
	}
	return b.String()
}

func mapOf(fsys fstest.MapFS) map[string][]byte {
	out := map[string][]byte{}
	for n, f := range fsys {
		out[n] = f.Data
	}
	return out
}
