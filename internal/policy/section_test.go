package policy

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/policyctl/policyctl/internal/example"
	"github.com/policyctl/policyctl/internal/golden"
)

var levels = []string{"public", "internal"}

// referencePath is the real municipality's published policy beside the
// project; tests that read it skip, saying so, when it is absent.
const referencePath = "../../../shared/reference/000_bf74d5d4909e8cc6.txt"

func readReference(t *testing.T) []byte {
	t.Helper()
	b, err := os.ReadFile(referencePath)
	if err != nil {
		t.Skipf("reference document not available (%v): ../shared is absent", err)
	}
	return append([]byte("---\nid: reference\ntitle: reference\ntier: basic\nvisibility: public\n---\n"), b...)
}

func TestSectionTreeReference(t *testing.T) {
	d := ParseDocument("reference.md", readReference(t), levels)
	// The golden file keeps only the shape (line, number, style), so no
	// text of the reference enters the project.
	var shape strings.Builder
	for _, line := range strings.Split(strings.TrimSuffix(d.DumpTree(), "\n"), "\n") {
		f := strings.Fields(line)
		indent := line[:len(line)-len(strings.TrimLeft(line, " "))]
		shape.WriteString(indent + strings.Join(f[:3], " ") + "\n")
	}
	golden.Check(t, "testdata/reference.shape", []byte(shape.String()))

	// The reference writes sibling sections at different heading levels:
	// "## 1." … "## 2." then "### 3." …; and "(8)" as a paragraph next to
	// "#### (9)" as a heading. The tree follows the numbering.
	want := map[string]int{"3": 99, "4(3)①": 127, "4(3)②": 128, "6(8)": 171, "6(9)": 179, "10": 197, "2(12)": 93}
	got := map[string]int{}
	for _, s := range d.Sections() {
		got[s.Outline()] = s.Line
	}
	for o, line := range want {
		if got[o] != line {
			t.Errorf("section %s at line %d, want %d", o, got[o], line)
		}
	}
	var top []string
	for _, s := range d.Sections() {
		if s.Parent.Kind == KindHeading && s.Parent.Parent.Kind == KindRoot && s.Style == StyleDot {
			top = append(top, s.Label)
		}
	}
	if strings.Join(top, " ") != "1. 2. 3. 4. 5. 6. 7. 8. 9. 10." {
		t.Errorf("top-level sections of 基本方針: %q", top)
	}
}

func TestSectionTreeExample(t *testing.T) {
	fsys := example.Files()
	paths, _ := fs.Glob(fsys, "policy/*/*.md")
	more, _ := fs.Glob(fsys, "policy/*.md")
	paths = append(more, paths...)
	if len(paths) < 10 {
		t.Fatalf("example has %d documents", len(paths))
	}
	for _, p := range paths {
		src, err := fs.ReadFile(fsys, p)
		if err != nil {
			t.Fatal(err)
		}
		d := ParseDocument(p, src, levels)
		for _, f := range d.Findings {
			t.Errorf("%s: %s %s", f.Pos, f.Rule, f.Message)
		}
		golden.Check(t, filepath.Join("testdata", "example", strings.ReplaceAll(strings.TrimSuffix(p, ".md"), "/", "_")+".tree"), []byte(d.DumpTree()))
	}
}

func parse(t *testing.T, body string) *Document {
	t.Helper()
	return ParseDocument("t.md", []byte("---\nid: t\ntitle: T\ntier: standard\nvisibility: public\n---\n"+body), levels)
}

func TestSectionTreeShapes(t *testing.T) {
	tests := []struct {
		name, body, want string
	}{{
		name: "numbering wins over heading levels",
		body: "## 1. A\n\n### (1) a\n\n### 2. B\n\n#### (1) b\n\n(2) c\n\n#### (3) d\n\n## 3. C\n",
		want: "7 1. [dot] A #1-a L0\n  9 (1) [paren] a #1-a-1 L0\n11 2. [dot] B #2-b L0\n  13 (1) [paren] b #1-b L0\n  15 (2) [paren] c #2-b.p2 L0\n  17 (3) [paren] d #3-d L0\n19 3. [dot] C #3-c L0\n",
	}, {
		name: "an ordered list inside a section starts its own sequence",
		body: "## 1. A\n\n1. x\n2. y\n\n## 2. B\n",
		want: "7 1. [dot] A #1-a L0\n  9 1. [dot] x #1-a.1 L0\n  10 2. [dot] y #1-a.2 L0\n12 2. [dot] B #2-b L0\n",
	}, {
		name: "articles with captions, clauses and items",
		body: "（目的）\n第1条　目的を定める。\n\n2　次に掲げる。\n\n一　甲\n\n二　乙\n\n（定義）\n\n第2条の2　定義する。\n",
		want: "8 第1条 [article] 目的 #s.a1 L0\n  8 (第1項) [clause]  #s.a1.1 L0\n  10 2 [clause] 次に掲げる。 #s.a1.2 L0\n    12 一 [kanji] 甲 #s.a1.2.g1 L0\n    14 二 [kanji] 乙 #s.a1.2.g2 L0\n18 第2条の2 [article] 定義 #s.a2-2 L0\n  18 (第1項) [clause]  #s.a2-2.1 L0\n",
	}, {
		name: "an unnumbered heading closes the numbered sections before it",
		body: "# 方針\n\n## 1. A\n\n(1) x\n\n# 付録\n\n## 1. B\n",
		want: "7 - [none] 方針 #方針 L0\n  9 1. [dot] A #1-a L0\n    11 (1) [paren] x #1-a.p1 L0\n13 - [none] 付録 #付録 L0\n  15 1. [dot] B #1-b L0\n",
	}, {
		name: "katakana and circled items, full-width digits",
		body: "## １．目的\n\nア　一つ目\n\nイ　二つ目\n\n（ア）細目\n\n① 丸数字\n\nアクセス制御は番号ではない。\n",
		want: "7 １． [dot] 目的 #１目的 L0\n  9 ア [katakana] 一つ目 #１目的.k1 L0\n  11 イ [katakana] 二つ目 #１目的.k2 L0\n    13 （ア） [paren-katakana] 細目 #１目的.k2.pk1 L0\n      15 ① [circled] 丸数字 #１目的.k2.pk1.m1 L0\n",
	}, {
		name: "a caption line merged with its article",
		body: "（目的）\n第3条　定める。\n",
		want: "8 第3条 [article] 目的 #s.a3 L0\n  8 (第1項) [clause]  #s.a3.1 L0\n",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := parse(t, tt.body)
			if got := d.DumpTree(); got != tt.want {
				t.Errorf("tree:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

func TestHeadingIDs(t *testing.T) {
	d := parse(t, "# 情報セキュリティ基本方針\n\n## 1. 目的\n\n## 1. 目的\n\n## LGWAN 接続系（定義）\n\n## 対象 {#scope}\n\n## Hello, World!\n")
	var ids []string
	for _, s := range d.Sections() {
		ids = append(ids, s.ID)
	}
	want := "情報セキュリティ基本方針 1-目的 1-目的-1 lgwan-接続系定義 scope hello-world"
	if got := strings.Join(ids, " "); got != want {
		t.Errorf("ids %q, want %q", got, want)
	}
}

func TestOutline(t *testing.T) {
	d := parse(t, "# 第2章 管理\n\n第5条　本文\n\n2　次のとおり。\n\n(1) 甲\n\n(2) 乙\n\n(3) 丙\n\n## 別表第1 分類\n")
	var got []string
	for _, s := range d.Sections() {
		if s.Kind != KindImplicit {
			got = append(got, s.Outline())
		}
	}
	want := "第2章 第5条 第5条第2項 第5条第2項第1号 第5条第2項第2号 第5条第2項第3号 別表第1"
	if strings.Join(got, " ") != want {
		t.Errorf("outlines %q, want %q", strings.Join(got, " "), want)
	}
}

// TestLinesOpenProvisions: inside a paragraph, a line that opens a
// provision starts a new one, exactly as after a blank line; a line that
// may be a number or text is reported, with the fix, and read as text.
func TestLinesOpenProvisions(t *testing.T) {
	cases := []struct {
		name, body string
		tree       string // labels and styles, one section a line
		findings   []string
	}{{
		name: "項, 号 and 号の細分 on consecutive lines",
		body: "第1条　甲\n2　乙\n一　丙\nイ　丁\nロ　戊\n(1)　己\n(i)　庚\n二　辛\n3　壬\n",
		tree: "第1条 article|(第1項) clause|2 clause|一 kanji|イ iroha|ロ iroha|(1) paren|(i) paren-roman|二 kanji|3 clause",
	}, {
		name: "a 号 inserted as a branch (二の二, 二の三) on consecutive lines",
		body: "第1条　甲\n一　乙\n二　丙\n二の二　丁\n二の三　戊\n三　己\n",
		tree: "第1条 article|(第1項) clause|一 kanji|二 kanji|二の二 kanji|二の三 kanji|三 kanji",
	}, {
		name: "a 項 number with no space after it, where it is the next 項",
		body: "第1条　甲\n２職員等は、乙\n３前項の者は、丙\n",
		tree: "第1条 article|(第1項) clause|２ clause|３ clause",
	}, {
		name: "a caption line opens its article",
		body: "第1条　甲\n（定義）\n第2条　乙\n",
		tree: "第1条 article|(第1項) clause|第2条 article|(第1項) clause",
	}, {
		name: "a count or an unexpected number is text; the one that could be a 項 is reported",
		body: "第1条　甲は、\n2日以内に報告し、\n5　人を置く。\n",
		tree: "第1条 article|(第1項) clause",
		findings: []string{
			"f.md:6:1: numbering/ambiguous: this line starts with 2, which may open 第2項 or continue the text; policyctl reads it as text",
			"f.md:7:1: numbering/ambiguous: this line starts with 5, which may open a 項 (the next is 第2項) or continue the text; policyctl reads it as text",
		},
	}, {
		name: "a number citing, not opening: (1)に示す, (2)の, 第5条の規定",
		body: "## 1. 甲\n\n次のとおり\n(1)に示す者は、\n(2)の者と\n第5条の規定による。\n",
		tree: "1. dot",
	}, {
		name: "a paragraph, a list item and a 別表 line opening with a citation: 第1条第2項の規定にかかわらず",
		body: "### 第1条（目的）\n\n甲\n\n2　乙\n\n第1条第2項の規定にかかわらず、丙\n\n- 第1条第2項に掲げるもの\n\n第2条　丁\n\n附則\n\n第1条　戊\n\n別表第1（附則第1条関係）\n\n附則第1条に規定するもの\n\n第1条の2第1項に規定するもの\n",
		tree: "第1条 article|(第1項) clause|2 clause|第2条 article|(第1項) clause|附則 supplement|第1条 article|(第1項) clause|別表第1 appendix",
	}, {
		name: "a heading's label may run into its title: ## 第1章総則 (a heading is never a citation)",
		body: "## 第1章総則\n\n### 第1節通則\n\n第1条　甲\n\n## 第2章組織\n\n第2条　乙\n",
		tree: "第1章 chapter|第1節 division|第1条 article|(第1項) clause|第2章 chapter|第2条 article|(第1項) clause",
	}, {
		name: "deleted articles in one line: 第2条から第4条まで　削除, 第5条及び第6条　削除",
		body: "第1条　甲\n\n第2条から第4条まで　削除\n\n第5条及び第6条　削除\n\n第7条　乙\n\n第8条から第9条までの規定は、丙\n",
		tree: "第1条 article|(第1項) clause|第2条から第4条まで article|(第1項) clause|第2条から第4条まで article|(第1項) clause|第2条から第4条まで article|(第1項) clause|第5条及び第6条 article|(第1項) clause|第5条及び第6条 article|(第1項) clause|第7条 article|(第1項) clause",
	}}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := ParseDocument("f.md", []byte("---\nid: f\nvisibility: public\n---\n"+c.body), levels)
			var tree []string
			for _, s := range d.Sections() {
				label := s.Label
				if s.Kind == KindImplicit {
					label = "(第1項)"
				}
				tree = append(tree, label+" "+s.Style.String())
			}
			if got := strings.Join(tree, "|"); got != c.tree {
				t.Errorf("tree %s, want %s", got, c.tree)
			}
			var findings []string
			for _, f := range d.Findings {
				findings = append(findings, f.Pos.String()+": "+f.Rule.ID+": "+f.Message)
			}
			if strings.Join(findings, "\n") != strings.Join(c.findings, "\n") {
				t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(findings, "\n"), strings.Join(c.findings, "\n"))
			}
		})
	}
}

// TestFormHeadings: 別記 headings are numbered, 様式 headings are not —
// a 規程 has 別記第1 and 様式第1号 side by side, and numbering them as one
// sequence would make them duplicates (and renumber one of them).
func TestFormHeadings(t *testing.T) {
	d := ParseDocument("x.md", []byte("---\nid: x\ntitle: x\ntier: standard\nvisibility: public\n---\n第1条　甲\n\n## 別記第1 区分\n\n## 別記様式第2号（第1条関係）\n\n## 様式第1号（第1条関係）\n\n## 第2号様式\n"), levels)
	var got []string
	for _, s := range d.Sections() {
		got = append(got, s.Style.String()+":"+s.Label+":"+s.Title)
	}
	want := "article:第1条:甲 clause:: form:別記第1:区分 form:別記様式第2号:（第1条関係） none::様式第1号（第1条関係） none::第2号様式"
	if strings.Join(got, " ") != want {
		t.Errorf("sections %q\nwant %q", strings.Join(got, " "), want)
	}
}

// TestProvisionalDisplay: a provision typed 第?条 reads as written in
// messages (never 第0条), in its own outline and its 項's; the outline
// that references are matched by keeps its number.
func TestProvisionalDisplay(t *testing.T) {
	d := parse(t, "\n第1条　目的を定める。\n\n（新設）\n\n第?条　新たに定める。\n\n2　その細目は別に定める。\n")
	var art, clause *Section
	for _, s := range d.Sections() {
		switch {
		case s.Provisional:
			art = s
		case art != nil && s.Style == StyleClause:
			clause = s
		}
	}
	if art == nil || clause == nil {
		t.Fatalf("sections: %v", d.Sections())
	}
	if got := art.Display(); !strings.HasPrefix(got, "第?条") {
		t.Errorf("Display = %q", got)
	}
	if got := clause.Display(); !strings.HasPrefix(got, "第?条第2項") {
		t.Errorf("the 項's Display = %q", got)
	}
	if got := art.Outline(); got != "第0条" {
		t.Errorf("Outline = %q", got)
	}
}
