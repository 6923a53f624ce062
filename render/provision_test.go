package render

import (
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/policyctl/policyctl/internal/policy"
	"github.com/policyctl/policyctl/internal/ref"
)

type pageLinks struct{}

func (pageLinks) Page(from, to *policy.Document) string       { return to.Meta.ID + ".html" }
func (pageLinks) File(from *policy.Document, p string) string { return "" }

// TestProvisionClasses: a 例規-style document's 条, 項, 号, 号の細分 and
// captions carry the classes the style sheet sets as a 例規集 does; an
// outline-style document's numbered paragraphs carry none.
func TestProvisionClasses(t *testing.T) {
	fsys := fstest.MapFS{
		policy.ConfigFile: {Data: []byte("organization: {id: t, name: 試験市}\ntitle: 試験市情報セキュリティポリシー\n")},
		"policy/rule.md": {Data: []byte("---\nid: rule\ntitle: 規程\ntier: standard\nvisibility: public\napprovers: [mayor]\n---\n\n" +
			"（目的）\n\n第1条　この規程は、目的を定める。\n\n2　前項の規定は、全ての職員に適用する。\n\n" +
			"（定義）\n\n第2条　用語の意味は、次のとおりとする。\n\n(1) 情報資産　情報をいう。\n\nア　電磁的記録\n\n(2) 情報システム　仕組みをいう。\n")},
		"policy/outline.md": {Data: []byte("---\nid: outline\ntitle: 方針\ntier: basic\nvisibility: public\napprovers: [mayor]\n---\n\n## 1. 目的\n\n(1) 組織体制\n\n（注記）\n\n本文である。\n")},
	}
	full, err := policy.Load(fsys, policy.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	e, _ := full.Config.Edition("public")
	m, err := Edition(full, e)
	if err != nil {
		t.Fatal(err)
	}
	render := func(id string) string {
		p, err := Document(m, ref.New(m.Repo()), m.Repo().Doc(id), pageLinks{}, Extras{})
		if err != nil {
			t.Fatal(err)
		}
		return string(p.HTML)
	}
	rule := render("rule")
	// An article's first 項 is an anchor at its start.
	for _, want := range []string{
		`<p class="caption">（目的）</p>`,
		`class="article">(<span [^>]*></span>)?第1条`,
		`class="clause">2　`,
		`class="item">\(1\) 情報資産`,
		`class="subitem">ア　電磁的記録`,
		`class="item">\(2\) 情報システム`,
		`<p class="caption">（定義）</p>`,
	} {
		if !regexp.MustCompile(want).MatchString(rule) {
			t.Errorf("the 例規-style page lacks %s:\n%s", want, rule)
		}
	}
	outline := render("outline")
	for _, c := range []string{"article", "clause", "item", "subitem", "caption"} {
		if strings.Contains(outline, `class="`+c+`"`) {
			t.Errorf("an outline-style page carries the class %s:\n%s", c, outline)
		}
	}
}
