package site

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/policyctl/policyctl/internal/policy"
	"github.com/policyctl/policyctl/internal/ref"
	"github.com/policyctl/policyctl/render"
)

// randomDoc writes a document of random blocks. Every block carries a
// unique token: S… when the rules make it restricted, P… otherwise. The
// generator applies the rules itself: a {visibility=internal} heading
// restricts everything up to the next heading of its level or higher, a
// ::: internal block restricts its content.
func randomDoc(rng *rand.Rand, n *int) (string, []string, []string) {
	var b strings.Builder
	var secret, public []string
	b.WriteString("---\nid: d\ntitle: 文書\ntier: basic\nvisibility: public\n---\n\n")
	var scopes []int // levels of the open restricted headings
	token := func(restricted bool) string {
		*n++
		if restricted {
			t := fmt.Sprintf("SEC%dX", *n)
			secret = append(secret, t)
			return t
		}
		t := fmt.Sprintf("PUB%dX", *n)
		public = append(public, t)
		return t
	}
	inner := func(restricted bool) string {
		switch rng.Intn(5) {
		case 0:
			return fmt.Sprintf("- (%d) %s の項目\n", 1+rng.Intn(5), token(restricted))
		case 1:
			return fmt.Sprintf("| 区分 | 内容 |\n|---|---|\n| %s | 値 |\n", token(restricted))
		case 2:
			k := *n + 1
			return fmt.Sprintf("注記[^f%d]の本文 %s。\n\n[^f%d]: 脚注 %s\n", k, token(restricted), k, token(restricted))
		case 3:
			return fmt.Sprintf("![%s](img.svg \"%s\")\n", token(restricted), token(restricted))
		}
		return fmt.Sprintf("本文 %s と [リンク %s](#x \"%s\")。\n", token(restricted), token(restricted), token(restricted))
	}
	blocks := 3 + rng.Intn(10)
	for i := 0; i < blocks; i++ {
		switch rng.Intn(4) {
		case 0:
			lvl := 1 + rng.Intn(4)
			for len(scopes) > 0 && scopes[len(scopes)-1] >= lvl {
				scopes = scopes[:len(scopes)-1]
			}
			vis := rng.Intn(3) == 0
			restricted := vis || len(scopes) > 0
			attr := ""
			if vis {
				attr = " {visibility=internal}"
				if rng.Intn(2) == 0 {
					attr = fmt.Sprintf(" {#id%d visibility=internal}", *n)
				}
				scopes = append(scopes, lvl)
			}
			fmt.Fprintf(&b, "%s %d. %s%s\n\n", strings.Repeat("#", lvl), i+1, token(restricted), attr)
		case 1:
			b.WriteString("::: internal\n")
			for k := 0; k < 1+rng.Intn(3); k++ {
				b.WriteString(inner(true) + "\n")
			}
			b.WriteString(":::\n\n")
		default:
			b.WriteString(inner(len(scopes) > 0) + "\n")
		}
	}
	return b.String(), secret, public
}

// TestPropertyNoLeak renders thousands of random documents in the public
// edition: no restricted token in any output; every token in the internal
// edition.
func TestPropertyNoLeak(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	n := 0
	cases := 2000
	if testing.Short() {
		cases = 200
	}
	for c := 0; c < cases; c++ {
		src, secret, public := randomDoc(rng, &n)
		fsys := fstest.MapFS{
			"policyctl.yaml": {Data: []byte("organization: {id: t, name: 試験市}\ntitle: 試験\n")},
			"policy/d.md":    {Data: []byte(src)},
			"policy/img.svg": {Data: []byte("<svg/>")},
		}
		full, err := policy.Load(fsys, policy.LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range full.Config.EditionList() {
			ed, err := render.Edition(full, e)
			if err != nil {
				t.Fatalf("case %d: %v\n%s", c, err, src)
			}
			var out strings.Builder
			for _, d := range ed.Docs() {
				p, err := render.Document(ed, ref.New(ed.Repo()), d, links{ed: ed}, render.Extras{})
				if err != nil {
					t.Fatal(err)
				}
				out.WriteString(string(p.HTML))
				for _, x := range p.TOC {
					out.WriteString(x.ID + x.Title)
				}
				out.Write(searchIndex(searchSections(d)))
			}
			for p := range ed.Repo().FS.(fstest.MapFS) {
				out.WriteString(p)
			}
			html := out.String()
			if e.Level == 0 {
				for _, s := range secret {
					if strings.Contains(html, s) {
						t.Fatalf("case %d: restricted %s in the public edition\n--- document ---\n%s\n--- output ---\n%s", c, s, src, html)
					}
				}
			} else {
				for _, s := range append(append([]string{}, secret...), public...) {
					if !strings.Contains(html, s) {
						t.Fatalf("case %d: %s missing from the internal edition\n--- document ---\n%s", c, s, src)
					}
				}
			}
		}
	}
}
