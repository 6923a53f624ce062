package diff

import (
	"bytes"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/policyctl/policyctl/internal/example"
	"github.com/policyctl/policyctl/internal/golden"
	"github.com/policyctl/policyctl/internal/policy"
)

const config = "organization: {id: t, name: 試験市}\ntitle: 試験市情報セキュリティポリシー\n"

func model(t testing.TB, docs map[string]string) *policy.Repo {
	t.Helper()
	fsys := fstest.MapFS{"policyctl.yaml": {Data: []byte(config)}}
	for p, s := range docs {
		fsys[p] = &fstest.MapFile{Data: []byte(s)}
	}
	r, err := policy.Load(fsys, policy.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return r
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
	if b.Pos.Line != 21 || b.Text != "上記2" || b.Message != "「上記2」は改正前の「2 脅威」を指していたが、これは「3」に番号が変わった。改正後は「2 基本的な考え方」を指す。「上記3」と改める。" {
		t.Errorf("broken %+v", b)
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
	}
	t.Fatalf("no revision %s in the example", id)
	return nil
}

// TestGoldenFormats renders the 新旧対照表 of the example's revisions in
// every format.
func TestGoldenFormats(t *testing.T) {
	for _, pair := range [][2]string{{"2021-10-01", "2024-04-01"}, {"2024-04-01", "2026-03-31"}} {
		r := Compare(exampleRevision(t, pair[0]), exampleRevision(t, pair[1]), Options{})
		r.Old, r.New = pair[0], pair[1]
		name := "testdata/" + pair[0] + "_" + pair[1]
		var text, color, md, js, html bytes.Buffer
		if err := r.WriteText(&text, TextOptions{Width: 100}); err != nil {
			t.Fatal(err)
		}
		if err := r.WriteText(&color, TextOptions{Width: 100, Color: true, OldFirst: true}); err != nil {
			t.Fatal(err)
		}
		if err := r.WriteMarkdown(&md, false); err != nil {
			t.Fatal(err)
		}
		if err := r.WriteJSON(&js); err != nil {
			t.Fatal(err)
		}
		if err := r.WriteHTML(&html, HTMLOptions{}); err != nil {
			t.Fatal(err)
		}
		golden.Check(t, name+".txt", text.Bytes())
		golden.Check(t, name+".color.txt", color.Bytes())
		golden.Check(t, name+".md", md.Bytes())
		golden.Check(t, name+".json", js.Bytes())
		golden.Check(t, name+".html", html.Bytes())
	}
}

func TestTimeoutFallsBackToCoarse(t *testing.T) {
	old := strings.Repeat("情報資産を管理する。\n", 3000)
	new := strings.Repeat("職員等が端末を確認した。\n", 3000)
	ops, coarse := Words(old, new, time.Nanosecond)
	if !coarse {
		t.Fatal("not coarse")
	}
	if got, ok := Apply(old, ops); !ok || got != new {
		t.Fatal("coarse ops do not turn old into new")
	}
}
