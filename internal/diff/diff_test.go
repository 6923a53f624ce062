package diff

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/policyctl/policyctl/internal/example"
	"github.com/policyctl/policyctl/internal/golden"
	"github.com/policyctl/policyctl/internal/policy"
	"github.com/policyctl/policyctl/internal/policytest"
)

const config = "organization: {id: t, name: 試験市}\ntitle: 試験市情報セキュリティポリシー\n"

func model(t testing.TB, docs map[string]string) *policy.Repo {
	t.Helper()
	return policytest.Load(t, policytest.With(config, docs))
}

func doc(body string) string {
	return "---\nid: d\ntitle: 手順\ntier: procedure\nvisibility: public\n---\n" + body
}

// rows writes a document's rows as "status old -> new".
func rows(d *Document) string {
	var out []string
	for _, s := range d.Sections {
		out = append(out, s.Status+" "+s.Old+" -> "+s.New)
	}
	return strings.Join(out, "\n")
}

func TestAlignment(t *testing.T) {
	tests := []struct {
		name, old, new, want string
	}{{
		name: "a section inserted renumbers the ones after it; they stay one row each",
		old:  "## 1. 目的\n\n目的。\n\n## 2. 連絡体制\n\n連絡する。\n\n## 3. 報告\n\n報告する。\n",
		new:  "## 1. 目的\n\n目的。\n\n## 2. 初動対応\n\n切り離す。\n\n## 3. 連絡体制\n\n連絡する。\n\n## 4. 報告\n\n報告する。\n",
		want: "unchanged 1. 目的 -> 1. 目的\nadded  -> 2. 初動対応\nmodified 2. 連絡体制 -> 3. 連絡体制\nmodified 3. 報告 -> 4. 報告",
	}, {
		name: "a retitled section",
		old:  "## 1. 目的\n\n目的。\n\n## 2. 連絡\n\n連絡する。\n",
		new:  "## 1. 目的\n\n目的。\n\n## 2. 連絡体制\n\n連絡する。\n",
		want: "unchanged 1. 目的 -> 1. 目的\nmodified 2. 連絡 -> 2. 連絡体制",
	}, {
		name: "a section removed",
		old:  "## 1. 目的\n\n目的。\n\n## 2. 廃止する節\n\n不要。\n\n## 3. 報告\n\n報告する。\n",
		new:  "## 1. 目的\n\n目的。\n\n## 2. 報告\n\n報告する。\n",
		want: "unchanged 1. 目的 -> 1. 目的\ndeleted 2. 廃止する節 -> \nmodified 3. 報告 -> 2. 報告",
	}, {
		name: "a section moved",
		old:  "## 1. 目的\n\n目的。\n\n## 2. 報告\n\n報告する。\n\n## 3. 記録\n\n記録する。\n",
		new:  "## 1. 目的\n\n目的。\n\n## 2. 記録\n\n記録する。\n\n## 3. 報告\n\n報告する。\n",
		want: "unchanged 1. 目的 -> 1. 目的\nmoved 3. 記録 -> 2. 記録\nmodified 2. 報告 -> 3. 報告",
	}, {
		name: "renumbered and retitled: matched by content",
		old:  "## 1. 目的\n\n目的。\n\n## 2. 連絡\n\n情報政策課へ電話で報告し、その指示に従って対応する。\n",
		new:  "## 1. 目的\n\n目的。\n\n## 2. 新設\n\n新しい節。\n\n## 3. 連絡体制\n\n情報政策課へ電話で報告し、その指示に従って対応する。\n",
		want: "unchanged 1. 目的 -> 1. 目的\nadded  -> 2. 新設\nmodified 2. 連絡 -> 3. 連絡体制",
	}, {
		name: "an explicit ID wins over everything",
		old:  "## 1. 連絡 {#contact}\n\n甲。\n\n## 2. 報告\n\n乙。\n",
		new:  "## 1. 報告\n\n乙。\n\n## 2. 連絡の方法 {#contact}\n\n甲を改める。\n",
		want: "moved 2. 報告 -> 1. 報告\nmodified 1. 連絡 -> 2. 連絡の方法",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Compare(model(t, map[string]string{"policy/d.md": doc(tt.old)}), model(t, map[string]string{"policy/d.md": doc(tt.new)}), Options{})
			if got := rows(r.Documents[0]); got != tt.want {
				t.Errorf("rows:\n%s\nwant:\n%s", got, tt.want)
			}
			for _, s := range r.Documents[0].Sections {
				if got, ok := Apply(s.OldText, s.Ops); !ok || got != s.NewText {
					t.Errorf("%s: ops do not turn old into new", s.New)
				}
			}
		})
	}
}

func TestBrokenReferences(t *testing.T) {
	old := "## 1. 目的\n\n目的。\n\n## 2. 脅威\n\n脅威。\n\n## 3. 対策\n\n上記2の脅威に対処する。\n"
	new := "## 1. 目的\n\n目的。\n\n## 2. 基本的な考え方\n\n新設。\n\n## 3. 脅威\n\n脅威。\n\n## 4. 対策\n\n上記2の脅威に対処する。\n"
	r := Compare(model(t, map[string]string{"policy/d.md": doc(old)}), model(t, map[string]string{"policy/d.md": doc(new)}), Options{})
	if len(r.Broken) != 1 {
		t.Fatalf("broken references: %+v", r.Broken)
	}
	b := r.Broken[0]
	if b.Pos.Line != 21 || b.Text != "上記2" || b.Describe(LabelsFor("ja")) != "手順　「上記2」が指していた「2 脅威」は3となり、「上記2」は現在「2 基本的な考え方」を指す。「上記3」と改める。" {
		t.Errorf("broken %+v: %s", b, b.Describe(LabelsFor("ja")))
	}
	if got := b.Describe(LabelsFor("en")); got != "手順 上記2 pointed at 2 脅威, now numbered 3; 上記2 now points at 2 基本的な考え方. Write 上記3." {
		t.Errorf("in English: %s", got)
	}
}

// exampleRevision reads the example as it was at the end of a revision.
func exampleRevision(t testing.TB, id string) *policy.Repo {
	t.Helper()
	steps, err := example.Steps()
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range steps {
		if st.Last && st.Revision.ID == id {
			return stepModel(t, st)
		}
	}
	t.Fatalf("no revision %s in the example", id)
	return nil
}

func stepModel(t testing.TB, st example.Step) *policy.Repo {
	t.Helper()
	fsys := fstest.MapFS{}
	for p, b := range st.Files {
		fsys[p] = &fstest.MapFile{Data: b}
	}
	r, err := policy.Load(fsys, policy.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// exampleRevisions lists the example's revisions in order: id, kind and
// model.
type exampleRev struct {
	ID, Kind string
	Model    *policy.Repo
}

func exampleRevisions(t testing.TB) []exampleRev {
	t.Helper()
	steps, err := example.Steps()
	if err != nil {
		t.Fatal(err)
	}
	var out []exampleRev
	for _, st := range steps {
		if st.Last && st.Revision != nil {
			out = append(out, exampleRev{st.Revision.ID, st.Revision.Kind, stepModel(t, st)})
		}
	}
	return out
}

// TestGoldenFormats renders the 新旧対照表 of every revision of the
// example in every format. Review them by eye: no Markdown left (#, - ,
// |, **), 傍線 for changes, renumbered provisions as 「第N条　（略）」.
func TestGoldenFormats(t *testing.T) {
	revs := exampleRevisions(t)
	for i := 1; i < len(revs); i++ {
		old, new := revs[i-1], revs[i]
		r := Compare(old.Model, new.Model, Options{})
		r.Old, r.New = old.ID, new.ID
		name := "testdata/" + old.ID + "_" + new.ID
		var text, color, md, js, html bytes.Buffer
		if err := r.WriteText(&text, TextOptions{Width: 100, Kind: new.Kind}); err != nil {
			t.Fatal(err)
		}
		if err := r.WriteText(&color, TextOptions{Width: 100, Color: true, OldFirst: true, Notes: true, Kind: new.Kind}); err != nil {
			t.Fatal(err)
		}
		if err := r.WriteMarkdown(&md, FormatOptions{Notes: true, Kind: new.Kind}); err != nil {
			t.Fatal(err)
		}
		if err := r.WriteJSON(&js); err != nil {
			t.Fatal(err)
		}
		if err := r.WriteHTML(&html, HTMLOptions{Kind: new.Kind}); err != nil {
			t.Fatal(err)
		}
		golden.Check(t, name+".txt", text.Bytes())
		golden.Check(t, name+".color.txt", color.Bytes())
		golden.Check(t, name+".md", md.Bytes())
		golden.Check(t, name+".json", js.Bytes())
		golden.Check(t, name+".html", html.Bytes())
		for _, f := range []struct {
			name string
			b    []byte
		}{{"text", text.Bytes()}, {"markdown", md.Bytes()}, {"html", html.Bytes()}} {
			checkNoMarkdown(t, f.name, f.b)
		}
	}
}

// checkNoMarkdown fails when provision text still carries the Markdown it
// was written in.
func checkNoMarkdown(t *testing.T, format string, b []byte) {
	t.Helper()
	for i, line := range strings.Split(string(b), "\n") {
		// Strip the format's own frame: box rules, table cells.
		for _, cell := range strings.Split(line, "│") {
			c := strings.TrimSpace(stripTags(cell))
			for _, bad := range []string{"# ", "## ", "### ", "- ", "**", "|---", "| "} {
				if strings.HasPrefix(c, bad) || (bad == "**" && strings.Contains(c, bad)) {
					if format == "markdown" && (strings.HasPrefix(line, "## ") || strings.HasPrefix(line, "### ") || strings.HasPrefix(line, "- ")) {
						continue // the Markdown format's own headings and list
					}
					t.Errorf("%s line %d: Markdown %q left in %q", format, i+1, bad, c)
				}
			}
		}
	}
}

func stripTags(s string) string {
	var b strings.Builder
	in := false
	for _, r := range s {
		switch {
		case r == '<':
			in = true
		case r == '>':
			in = false
		case !in:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func TestBoundFallsBackToCoarse(t *testing.T) {
	// Two unrelated texts of 3,000 lines each: the line diff needs far
	// more than maxWork steps, on every machine.
	var old, new strings.Builder
	for i := range 3000 {
		fmt.Fprintf(&old, "情報資産%dを管理する。\n", i)
		fmt.Fprintf(&new, "職員等%dが端末を確認した。\n", i)
	}
	ops, coarse := Words(old.String(), new.String())
	if !coarse {
		t.Fatal("not coarse")
	}
	if got, ok := Apply(old.String(), ops); !ok || got != new.String() {
		t.Fatal("coarse ops do not turn old into new")
	}
}

// TestDiffersShown: two versions differ for a reader only when what the
// reader sees differs. An edition leaves <!-- --> where it cut a
// restricted part: a part added to a public document must not make the
// public edition's 新旧対照表 and 改訂履歴 name the document as amended
// (that would tell where restricted text was added). A change in a code
// block's blank lines, or in the title, is seen.
func TestDiffersShown(t *testing.T) {
	base := "\n## 1. 目的\n\nこの手順は目的を定める。\n\n## 2. 適用\n\n```\na\n\nb\n```\n"
	for _, tc := range []struct {
		name, new string
		want      bool
	}{
		{"a cut part", strings.Replace(base, "定める。\n", "定める。\n\n<!-- -->\n", 1), false},
		{"a cut part at the end", base + "\n<!-- -->\n", false},
		{"a cut part before a heading, no blank line before", strings.Replace(base, "\n## 2.", "<!-- -->\n## 2.", 1), false},
		{"a cut part in a quote", strings.Replace(base, "この手順は目的を定める。\n", "> この手順は目的を定める。\n>\n> <!-- -->\n", 1), true},
		{"a comment added", strings.Replace(base, "## 2.", "<!-- 注 -->\n\n## 2.", 1), false},
		{"a word", strings.Replace(base, "目的を", "目標を", 1), true},
		{"blank lines in code", strings.Replace(base, "a\n\nb", "a\n\n\nb", 1), true},
		{"the title", base, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			newSrc := doc(tc.new)
			if tc.name == "the title" {
				newSrc = strings.Replace(doc(base), "title: 手順", "title: 新手順", 1)
			}
			old := model(t, map[string]string{"policy/d.md": doc(base)})
			cur := model(t, map[string]string{"policy/d.md": newSrc})
			od, nd := old.Doc("d"), cur.Doc("d")
			if got := Differs(od, nd); got != tc.want {
				t.Errorf("Differs = %v, want %v", got, tc.want)
			}
			res := Compare(old, cur, Options{})
			if got := res.Documents[0].Status != Unchanged; got != tc.want {
				t.Errorf("the document's status is %s", res.Documents[0].Status)
			}
		})
	}
}

// TestDeletedInPlace: an article deleted in the 例規 way, its number kept
// (第3条　削除), is one row with the article it deleted, also when an
// article inserted before it moved its number.
func TestDeletedInPlace(t *testing.T) {
	old := doc("\n（目的）\n\n第1条　目的を定める。\n\n（暗号化）\n\n第2条　機密性の高い情報は暗号化する。\n\n（記録）\n\n第3条　記録を保存する。\n")
	new := doc("\n（目的）\n\n第1条　目的を定める。\n\n（適用）\n\n第2条　全職員に適用する。\n\n第3条　削除\n\n（記録）\n\n第4条　記録を保存する。\n")
	res := Compare(model(t, map[string]string{"policy/d.md": old}), model(t, map[string]string{"policy/d.md": new}), Options{})
	var deleted *Section
	for _, s := range res.Documents[0].Sections {
		if strings.Contains(s.NewText, "削除") {
			deleted = s
		}
	}
	if deleted == nil || !strings.Contains(deleted.OldText, "暗号化する") {
		t.Errorf("第3条　削除 is not the row of the article it deleted:\n%s", rows(res.Documents[0]))
	}
}

// TestLeft: a document that left an edition but goes on in the full model
// not shown — made internal, also renamed and moved — is left out of the
// edition's table; one abolished, or merged into a shown document, is not.
func TestLeft(t *testing.T) {
	body := "\n## 1. 目的\n\nこの指針は外部委託の管理を定める。\n\n## 2. 契約\n\n契約には秘密保持を定める。\n"
	pub := func(id, vis, b string) string {
		return "---\nid: " + id + "\ntitle: 外部委託指針\ntier: procedure\nvisibility: " + vis + "\n---\n" + b
	}
	old := model(t, map[string]string{"policy/other.md": pub("other", "public", body)})
	for _, tc := range []struct {
		name  string
		files map[string]string
		want  bool
	}{
		{"made internal", map[string]string{"policy/other.md": pub("other", "internal", body)}, true},
		{"renamed, moved and made internal", map[string]string{"policy/x/other2.md": pub("other2", "internal", body)}, true},
		{"abolished", map[string]string{"policy/b.md": pub("b", "internal", "\n## 1. 別\n\n別の内容。\n")}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			full := model(t, tc.files)
			edition := model(t, map[string]string{"policy/keep.md": pub("keep", "public", "\n## 1. 残る\n\n残る文書。\n")})
			if got := Left(old, edition, full)["other"]; got != tc.want {
				t.Errorf("Left = %v, want %v", got, tc.want)
			}
		})
	}
}

// TestDeletedPlaceholdersInOrder: 削除 placeholders that a renumbering
// moves past each other's numbers (第8条・第9条　削除 become 第9条・第10条)
// pair in order — each with itself — and none is called moved.
func TestDeletedPlaceholdersInOrder(t *testing.T) {
	old := "第1条　一\n\n第2条　二\n\n第3条　三\n\n第4条　四\n\n第5条　五\n\n第6条　六\n\n第7条　七\n\n第8条　削除\n\n第9条　削除\n\n第10条　十\n"
	new := "第1条　一\n\n第2条　新設\n\n第3条　二\n\n第4条　三\n\n第5条　四\n\n第6条　五\n\n第7条　六\n\n第8条　七\n\n第9条　削除\n\n第10条　削除\n\n第11条　十\n"
	res := Compare(model(t, map[string]string{"policy/d.md": doc(old)}), model(t, map[string]string{"policy/d.md": doc(new)}), Options{})
	for _, d := range res.Documents {
		for _, s := range d.Sections {
			if s.Status == Moved {
				t.Errorf("%s → %s is called moved", s.OldLabel, s.NewLabel)
			}
			if s.OldLabel == "第8条" && s.NewLabel != "第9条" || s.OldLabel == "第9条" && s.NewLabel != "第10条" {
				t.Errorf("%s pairs with %s", s.OldLabel, s.NewLabel)
			}
		}
	}
}

// TestSharedLabelOneRow: provisions written as one (第2条から第4条まで
// 削除) are one row under their one label, renumbered as one.
func TestSharedLabelOneRow(t *testing.T) {
	old := "第1条　一\n\n第2条から第4条まで　削除\n\n第5条　五\n"
	new := "第1条　一\n\n第2条　新設\n\n第3条から第5条まで　削除\n\n第6条　五\n"
	res := Compare(model(t, map[string]string{"policy/d.md": doc(old)}), model(t, map[string]string{"policy/d.md": doc(new)}), Options{})
	var got []string
	for _, s := range res.Documents[0].Sections {
		got = append(got, s.Status+" "+s.OldLabel+" -> "+s.NewLabel)
	}
	want := []string{"unchanged 第1条 -> 第1条", "added  -> 第2条", "modified 第2条から第4条まで -> 第3条から第5条まで", "modified 第5条 -> 第6条"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("rows:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
