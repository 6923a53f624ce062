package render

import (
	"html"
	"io/fs"
	"net/url"
	"os"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/policyctl/policyctl/internal/example"
	"github.com/policyctl/policyctl/internal/policy"
	"github.com/policyctl/policyctl/internal/policytest"
	"github.com/policyctl/policyctl/internal/ref"
)

// pages names each document's page by its id.
type pages struct{}

func (pages) Page(from, to *policy.Document) string          { return to.Meta.ID + ".html" }
func (pages) File(from *policy.Document, path string) string { return "" }

var (
	idRE   = regexp.MustCompile(` id="([^"]*)"`)
	linkRE = regexp.MustCompile(`<a href="([^"]*)"[^>]*class="ref"`)
)

// checkLinks renders every document of a repository and checks that every
// reference link lands on an element of the page it names.
func checkLinks(t *testing.T, fsys fs.FS) int {
	t.Helper()
	r, err := policy.Load(fsys, policy.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var m *EditionModel
	for _, e := range r.Config.EditionList() {
		if e.SeesAll(r.Config) {
			if m, err = Edition(r, e); err != nil {
				t.Fatal(err)
			}
		}
	}
	rs := ref.New(m.Repo())
	ids := map[string]map[string]bool{}
	links := map[string][]string{}
	for _, d := range m.Docs() {
		p, err := Document(m, rs, d, pages{}, Extras{})
		if err != nil {
			t.Fatal(err)
		}
		page := d.Meta.ID + ".html"
		ids[page] = map[string]bool{}
		for _, m := range idRE.FindAllStringSubmatch(string(p.HTML), -1) {
			ids[page][html.UnescapeString(m[1])] = true
		}
		for _, m := range linkRE.FindAllStringSubmatch(string(p.HTML), -1) {
			links[page] = append(links[page], html.UnescapeString(m[1]))
		}
	}
	n := 0
	for page, ls := range links {
		for _, l := range ls {
			n++
			to, frag, _ := strings.Cut(l, "#")
			if f, err := url.PathUnescape(frag); err == nil {
				frag = f
			}
			if to == "" {
				to = page
			}
			if ids[to] == nil {
				t.Errorf("%s: a reference links to %s, which is not a page", page, l)
				continue
			}
			if !ids[to][frag] {
				t.Errorf("%s: a reference links to %s, but no element of %s has id %q", page, l, to, frag)
			}
		}
	}
	return n
}

// TestEveryReferenceLands renders the example and every statute-style
// fixture: every reference link lands on an element.
func TestEveryReferenceLands(t *testing.T) {
	if n := checkLinks(t, example.Files()); n < 40 {
		t.Errorf("the example renders only %d reference links", n)
	}
	for name, least := range map[string]int{"blank.md": 25, "paste.md": 25, "excerpt.md": 6} {
		b, err := os.ReadFile("../internal/ref/testdata/statute/" + name)
		if err != nil {
			t.Fatal(err)
		}
		fsys := fstest.MapFS{
			"policyctl.yaml":  {Data: []byte("organization: {id: t, name: テスト市}\ntitle: テスト\n")},
			"policy/rules.md": {Data: b},
		}
		if n := checkLinks(t, fsys); n < least {
			t.Errorf("%s renders only %d reference links", name, n)
		}
	}
}

// TestTermsOnHover: a use of a defined term carries its definition.
func TestTermsOnHover(t *testing.T) {
	p := publicPage(t, example.Files(), func(r *policy.Repo) *policy.Document { return r.DocByPath("policy/basic-policy.md") })
	want := `<span class="term" title="「職員等」: この基本方針を守るべき者（みどり野市情報セキュリティ基本方針）">職員等</span>`
	if !strings.Contains(string(p.HTML), want) {
		t.Errorf("no use of 職員等 shows its definition: want %s", want)
	}
}

// TestReferenceTitles: a reference to several provisions (前項各号, a range)
// names each of them on hover, not the first alone.
func TestReferenceTitles(t *testing.T) {
	fsys := fstest.MapFS{
		policy.ConfigFile: {Data: []byte("organization: {id: t, name: 試験市}\ntitle: 試験市情報セキュリティポリシー\n")},
		"policy/std.md":   {Data: []byte("---\nid: std\ntitle: 試験市情報セキュリティ対策基準\ntier: standard\nvisibility: public\n---\n\n（管理）\n\n第1条　課長は、次に掲げる事務を行う。\n\n一　記録\n\n二　点検\n\n三　報告\n\n2　前項各号の事務は、第1条第1項第1号から第3号までのほか、第1条第1項第1号による。\n")},
	}
	p := publicPage(t, fsys, func(r *policy.Repo) *policy.Document { return r.Doc("std") })
	for _, want := range []string{
		`title="第1条第1項第1号 記録、第1条第1項第2号 点検、第1条第1項第3号 報告" class="ref">前項各号</a>`,
		`title="第1条第1項第1号 記録" class="ref">第1条第1項第1号</a>`,
	} {
		if !strings.Contains(string(p.HTML), want) {
			t.Errorf("no %s in\n%s", want, p.HTML)
		}
	}
}

// TestReferenceInBold: a reference set in bold or italics is linked
// inside the markup; the markup stays. A reference wrapped over a soft
// line break is linked whole, the line joined as the page joins it.
func TestReferenceInBold(t *testing.T) {
	fsys := fstest.MapFS{
		policy.ConfigFile: {Data: []byte("organization: {id: t, name: 試験市}\ntitle: 試験市情報セキュリティポリシー\n")},
		"policy/std.md":   {Data: []byte("---\nid: std\ntitle: 試験市情報セキュリティ対策基準\ntier: standard\nvisibility: public\n---\n\n第1条　甲\n\n2　乙\n\n第2条　**第1条第2項**の規定及び*前条*による。\n\n第3条　第1条\n第2項による。**第1条**第2項及び第1条*第2項*による。\n")},
	}
	p := publicPage(t, fsys, func(r *policy.Repo) *policy.Document { return r.Doc("std") })
	for _, want := range []string{
		`<strong><a href="#s.a1.2" title="第1条第2項 乙" class="ref">第1条第2項</a></strong>`,
		`<em><a href="#s.a1" title="第1条 甲" class="ref">前条</a></em>`,
		`<a href="#s.a1.2" title="第1条第2項 乙" class="ref">第1条第2項</a>による。`,
		`<strong><a href="#s.a1.2" title="第1条第2項 乙" class="ref">第1条</a></strong><a href="#s.a1.2" title="第1条第2項 乙" class="ref">第2項</a>及び`,
		`及び<a href="#s.a1.2" title="第1条第2項 乙" class="ref">第1条</a><em><a href="#s.a1.2" title="第1条第2項 乙" class="ref">第2項</a></em>による。`,
	} {
		if !strings.Contains(string(p.HTML), want) {
			t.Errorf("no %s in\n%s", want, p.HTML)
		}
	}
}

// publicPage renders one document of a repository's public edition.
func publicPage(t *testing.T, fsys fs.FS, doc func(*policy.Repo) *policy.Document) *Page {
	t.Helper()
	r, err := policy.Load(policytest.Committed{FS: fsys}, policy.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	e, _ := r.Config.Edition("public")
	m, err := Edition(r, e)
	if err != nil {
		t.Fatal(err)
	}
	p, err := Document(m, ref.New(m.Repo()), doc(m.Repo()), pages{}, Extras{})
	if err != nil {
		t.Fatal(err)
	}
	return p
}
