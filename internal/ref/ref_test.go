package ref

import (
	"os"
	"strings"
	"testing"

	"github.com/policyctl/policyctl/internal/example"
	"github.com/policyctl/policyctl/internal/policy"
	"github.com/policyctl/policyctl/internal/policytest"
)

const config = "organization: {id: t, name: テスト市}\ntitle: テスト\n"

func load(t testing.TB, docs map[string]string) *policy.Repo {
	t.Helper()
	return policytest.Load(t, policytest.With(config, docs))
}

func front(id, tier string) string {
	return "---\nid: " + id + "\ntitle: " + id + "\ntier: " + tier + "\nvisibility: public\n---\n"
}

// describeRefs writes each reference as "LINE text -> target outline@line
// …" or "LINE text !rule".
func describeRefs(refs []*Ref) []string {
	var out []string
	for _, r := range refs {
		s := strings.TrimPrefix(r.Pos.String(), r.Doc.Path+":") + " " + r.Text
		switch {
		case r.External:
			s += " external"
		case r.Problem != nil:
			s += " !" + r.Problem.Rule.ID
		default:
			s += " ->"
			for _, t := range r.Targets {
				if r.TargetDoc != r.Doc {
					s += " " + r.TargetDoc.Meta.ID + ":"
				} else {
					s += " "
				}
				if t.Kind == policy.KindRoot {
					s += "(document)"
				} else {
					s += t.Outline()
				}
			}
		}
		out = append(out, s)
	}
	return out
}

// TestReference resolves the references of a real municipality's published
// basic policy (skipped, saying so, when ../shared is absent).
func TestReference(t *testing.T) {
	b, err := os.ReadFile("../../../shared/reference/000_bf74d5d4909e8cc6.txt")
	if err != nil {
		t.Skipf("reference document not available (%v): ../shared is absent", err)
	}
	r := load(t, map[string]string{"policy/ref.md": front("ref", "basic") + string(b)})
	got := describeRefs(New(r).Doc(r.Docs[0]))
	want := []string{
		"26:71 （昭和22年法律第67号）第244条の6第1項 external",
		"45:1 本基本方針 -> (document)",
		"63:1 本基本方針 -> (document)",
		"113:1 本基本方針 -> (document)",
		"117:1 本基本方針 -> (document)",
		"125:1 本基本方針 -> (document)",
		"127:5 (1) -> 4(1)",  // (1) に示す, inside 4(3)①
		"127:19 (2) -> 4(2)", // (2) に示す
		"128:5 ① -> 4(3)①",   // ① に準じ, inside 4(3)②
		"128:11 (2) -> 4(2)",
		"137:1 上記3 -> 3", // 上記3の脅威 → 3. 対象とする脅威
		"193:1 上記6 -> 6", // 上記6、7及び8
		"193:5 7 -> 7",
		"193:8 8 -> 8",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("references:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// The targets are the sections at the lines the reference numbers.
	lines := map[string]int{}
	for _, s := range r.Docs[0].Sections() {
		lines[s.Outline()] = s.Line
	}
	if lines["3"] != 99 || lines["4(1)"] != 111 || lines["4(2)"] != 115 || lines["4(3)①"] != 127 || lines["6"] != 135 {
		t.Errorf("section lines %v", lines)
	}
}

func TestExample(t *testing.T) {
	r, err := policy.Load(example.Files(), policy.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	all := All(r)
	n := 0
	for _, d := range r.Docs {
		for _, x := range all[d] {
			n++
			if x.Problem != nil {
				t.Errorf("%s %s: %s", x.Pos, x.Text, x.Problem.Message)
			}
		}
	}
	if n < 40 {
		t.Errorf("the example has %d references; it is meant to show every kind", n)
	}
	got := describeRefs(all[r.DocByPath("policy/procedures/incident-response.md")])
	want := "59:16 上記5 -> 5|59:24 対策基準第28条第3項 -> std-operations:第28条第3項|59:66 基本方針4(3)① -> basic-policy:4(3)①"
	if !strings.Contains(strings.Join(got, "|"), want) {
		t.Errorf("incident-response references:\n%s", strings.Join(got, "\n"))
	}
}

func TestResolution(t *testing.T) {
	std := front("std", "standard") + `# 第1章 総則

（目的）

第1条　目的を定める。

2　前項の規定にかかわらず、次に掲げる。

(1) 甲

(2) 前号に準ずるもの

(3) 前各号のほか、同項に定めるもの

3　前二項及び第2条第2項第1号に定める。

（定義）

第2条　前条第2項各号に定める。

2　次に掲げる。

一　乙

二　丙

第2条の2　第1条から前条まで、第2条第2項第1号から第2号まで及び別表第1による。本条は次条に続かない。

## 別表第1 区分

| 区分 | 根拠 |
|---|---|
| 一般 | 第1条第3項 |
`
	basic := front("basic", "basic") + `# 方針

## 1. 目的

下記2に従う。上記3はない。

## 2. 対策

(1) 組織

(2) 前記(1)に示す組織が、(1) に示す対策を行う。

① 第一

② ① に準じ、上記1による。ア及びイのとおり。

## 3. 範囲

前記2(2)②及び(1)、基本方針2(1)並びに対策基準第2条による。地方自治法第244条の2に定める。個人情報の保護に関する法律（平成15年法律第57号）第2条第1項。
`
	r := load(t, map[string]string{"policy/std.md": std, "policy/basic.md": basic})
	rs := New(r)
	got := strings.Join(describeRefs(rs.Doc(r.DocByPath("policy/std.md"))), "\n")
	want := strings.Join([]string{
		"13:3 前項 -> 第1条第1項",
		"17:5 前号 -> 第1条第2項第1号",
		"19:5 前各号 -> 第1条第2項第1号 第1条第2項第2号",
		"19:12 同項 -> 第1条第1項", // the 項 named last: 前項, in the text of the 項 above the 号
		"21:3 前二項 -> 第1条第1項 第1条第2項",
		"21:8 第2条第2項第1号 -> 第2条第2項第1号",
		"25:5 前条第2項各号 -> 第1条第2項第1号 第1条第2項第2号 第1条第2項第3号",
		"33:7 第1条から前条まで -> 第1条 第2条",
		"33:17 第2条第2項第1号から第2号まで -> 第2条第2項第1号 第2条第2項第2号",
		"33:35 別表第1 -> 別表第1",
		"33:43 本条 -> 第2条の2",
		"33:46 次条 !ref/unresolved",
		"39:8 第1条第3項 -> 第1条第3項",
	}, "\n")
	if got != want {
		t.Errorf("statute references:\n%s\nwant:\n%s", got, want)
	}
	got = strings.Join(describeRefs(rs.Doc(r.DocByPath("policy/basic.md"))), "\n")
	want = strings.Join([]string{
		"11:1 下記2 -> 2",
		"11:8 上記3 !ref/direction",
		"17:5 前記(1) -> 2(1)",
		"17:17 (1) -> 2(1)",
		"21:3 ① -> 2(2)①",
		"21:9 上記1 -> 1",
		"21:16 ア !ref/unresolved",
		"21:19 イ !ref/unresolved",
		"25:1 前記2(2)② -> 2(2)②",
		"25:10 (1) -> 2(1)",
		"25:14 基本方針2(1) -> 2(1)",
		"25:25 対策基準第2条 -> std:第2条",
		"25:41 第244条の2 external",
		"25:66 （平成15年法律第57号）第2条第1項 external",
	}, "\n")
	if got != want {
		t.Errorf("outline references:\n%s\nwant:\n%s", got, want)
	}
}

func TestProblems(t *testing.T) {
	doc := front("p", "procedure") + `# 手順

## 1. 脅威

## 2. 範囲

## 3. 対策

上記1の範囲に対し、上記7を除き、(4)に示す。

## 4. 追加

下記1による。
`
	r := load(t, map[string]string{"policy/p.md": doc})
	refs := New(r).Doc(r.Docs[0])
	want := map[string]string{
		"上記1": "ref/mismatch: 上記1 resolves to 1 脅威, but the text speaks of 「範囲」|did you mean 上記2 (line 11: 範囲)?",
		"上記7": "ref/unresolved: 上記7 does not resolve: no 7 above it|check the number; if the target was renumbered or removed, update the reference",
		"(4)": "ref/unresolved: (4) does not resolve: no (4) in the sections around it|check the number; if the target was renumbered or removed, update the reference",
		"下記1": "ref/direction: 下記1 points above: it resolves to 1 脅威 at line 9, before the reference|write 上記 or 前記 for a section above, or check the number",
	}
	for _, x := range refs {
		w, ok := want[x.Text]
		if !ok {
			t.Errorf("unexpected reference %s", x.Text)
			continue
		}
		if x.Problem == nil {
			t.Errorf("%s: no problem, want %s", x.Text, w)
			continue
		}
		if got := x.Problem.Rule.ID + ": " + x.Problem.Message + "|" + x.Problem.Hint; got != w {
			t.Errorf("%s:\n got %s\nwant %s", x.Text, got, w)
		}
		delete(want, x.Text)
	}
	for k := range want {
		t.Errorf("reference %s not found", k)
	}
}

// TestMismatchDuplicateNumber: when the section the text speaks of has
// the same number as the one the reference reaches (an insertion not yet
// renumbered), the hint does not offer the reference as it is written.
func TestMismatchDuplicateNumber(t *testing.T) {
	doc := front("p", "procedure") + "# 手順\n\n## 1. 範囲\n\n## 2. 新設\n\n## 2. 脅威\n\n## 3. 対策\n\n上記2の脅威に対し、対策を講じる。\n"
	r := load(t, map[string]string{"policy/p.md": doc})
	for _, x := range New(r).Doc(r.Docs[0]) {
		if x.Text != "上記2" {
			continue
		}
		if x.Problem == nil || x.Problem.Rule.ID != "ref/mismatch" {
			t.Fatalf("上記2: %+v, want ref/mismatch", x.Problem)
		}
		if want := "2 (line 13: 脅威) has the same number: policyctl renumber"; !strings.HasPrefix(x.Problem.Hint, want) {
			t.Errorf("hint %q, want it to begin %q", x.Problem.Hint, want)
		}
		return
	}
	t.Fatal("上記2 not found")
}

// TestDocumentNamed: a reference that goes through the document itself
// (本則第9条) names the document by its title, or as this document when
// it has none, never by an empty name.
func TestDocumentNamed(t *testing.T) {
	for _, tt := range []struct{ name, front, want string }{
		{"titled", "---\nid: a\ntitle: テスト規程\nvisibility: public\n---\n", "本則第9条 does not resolve: テスト規程 has no 第9条"},
		{"untitled", "---\nid: a\nvisibility: public\n---\n", "本則第9条 does not resolve: this document has no 第9条"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := load(t, map[string]string{"policy/a.md": tt.front + "第1条　本則第9条による。\n"})
			refs := New(r).Doc(r.Docs[0])
			if len(refs) != 1 || refs[0].Problem == nil || refs[0].Problem.Message != tt.want {
				t.Errorf("got %v, want the problem %q", describeRefs(refs), tt.want)
				for _, x := range refs {
					if x.Problem != nil {
						t.Logf("message: %s", x.Problem.Message)
					}
				}
			}
		})
	}
}

func TestAmbiguous(t *testing.T) {
	a := front("a", "standard") + "第5条　甲\n"
	b := front("b", "standard") + "第5条　乙\n"
	c := front("c", "procedure") + "## 1. 手順\n\n対策基準第5条による。\n"
	r := load(t, map[string]string{"policy/a.md": a, "policy/b.md": b, "policy/c.md": c})
	refs := New(r).Doc(r.DocByPath("policy/c.md"))
	if len(refs) != 1 || refs[0].Problem == nil || refs[0].Problem.Rule.ID != "ref/ambiguous" {
		t.Fatalf("refs %v", describeRefs(refs))
	}
	if !strings.Contains(refs[0].Problem.Message, "a (policy/a.md), b (policy/b.md)") {
		t.Errorf("message %q", refs[0].Problem.Message)
	}
}

// TestAcrossDocuments: references whose targets stand in other files. A
// 対策基準 split into one file per chapter numbers its articles through the
// files: a range whose ends stand in two files holds every article
// between them, and 前条 at the top of a file that goes on from the one
// before is that file's last article. 同条 and 同項 after a citation of
// another document are that document's, and 同基準 is the document cited
// last.
func TestAcrossDocuments(t *testing.T) {
	for _, tt := range []struct {
		name, path string
		docs       map[string]string
		want       []string
	}{{
		name: "chapter files",
		path: "policy/std/02.md",
		docs: map[string]string{
			"policy/std/01.md": front("std-1", "standard") + "# 第1章 総則\n\n第1条　甲\n\n第2条　乙\n\n2　丙\n",
			"policy/std/02.md": front("std-2", "standard") + "# 第2章 管理\n\n第3条　前条第2項による。\n\n2　第1条から第4条まで及び第2条から第3条までによる。\n\n第4条　丁\n",
		},
		want: []string{
			"前条第2項 -> std-1:第2条第2項#第1章-総則.a2.2",
			"第1条から第4条まで -> std-1:第1条#第1章-総則.a1 std-1:第2条#第1章-総則.a2 std-1:第3条#第2章-管理.a3 std-1:第4条#第2章-管理.a4",
			"第2条から第3条まで -> std-1:第2条#第1章-総則.a2 std-1:第3条#第2章-管理.a3",
		},
	}, {
		name: "本基準 and この基準 name the instrument as a whole, across its chapter files",
		path: "policy/std/02.md",
		docs: map[string]string{
			"policy/std/01.md": front("std-1", "standard") + "# 第1章 総則\n\n第1条　甲\n\n第2条　乙\n",
			"policy/std/02.md": front("std-2", "standard") + "# 第2章 管理\n\n第3条　本基準第1条及びこの基準第2条による。本基準第3条による。\n",
		},
		want: []string{
			"本基準第1条 -> std-1:第1条#第1章-総則.a1",
			"この基準第2条 -> std-1:第2条#第1章-総則.a2",
			"本基準第3条 -> 第3条#第2章-管理.a3",
		},
	}, {
		name: "chapters, 別表 and 本則 across chapter files",
		path: "policy/std/02.md",
		docs: map[string]string{
			"policy/std/01.md": front("std-1", "standard") + "# 第1章 総則\n\n第1条　甲\n",
			"policy/std/02.md": front("std-2", "standard") + "# 第2章 措置\n\n第2条　第1章及び別表第1による。\n\n附則\n\n1　本則第1条の規定は、別に定める。\n",
			"policy/std/03.md": front("std-3", "standard") + "## 別表第1 区分\n",
		},
		want: []string{
			"第1章 -> std-1:第1章#第1章-総則",
			"別表第1 -> std-3:別表第1#別表第1-区分",
			"本則第1条 -> std-1:第1条#第1章-総則.a1",
		},
	}, {
		name: "同 after another document",
		path: "policy/proc.md",
		docs: map[string]string{
			"policy/std.md":  front("std", "standard") + "第1条　甲\n\n第4条　乙\n\n2　丙\n\n一　丁\n\n二　戊\n",
			"policy/proc.md": front("proc", "procedure") + "## 1. 事務\n\n対策基準第4条第1項に定める事務のうち、同条第2項に掲げるもの及び同項第2号による。同基準第1条による。\n\n## 2. 他\n\n同基準第1条による。\n",
		},
		want: []string{
			"対策基準第4条第1項 -> std:第4条第1項#s.a4.1",
			"同条第2項 -> std:第4条第2項#s.a4.2",
			"同項第2号 -> std:第4条第2項第2号#s.a4.2.g2",
			"同基準第1条 -> std:第1条#s.a1",
			"同基準第1条 !ref/unresolved", // another section: nothing cited before it there
		},
	}, {
		name: "a name or an abbreviation with Latin letters, in either width",
		path: "policy/b.md",
		docs: map[string]string{
			"policy/a.md": "---\nid: a\ntitle: CSIRT運用手順\ntier: procedure\nvisibility: internal\n---\n第1条　甲\n\n第2条　乙\n",
			"policy/n.md": "---\nid: n\ntitle: ネットワーク運用手順\ntier: procedure\nvisibility: internal\n---\n第1条　丙\n",
			"policy/b.md": "---\nid: b\ntitle: 報告手順\ntier: procedure\nvisibility: internal\n---\n第1条　CSIRT運用手順第2条及びＣＳＩＲＴ運用手順第1条による。ネットワーク運用手順（以下「NW手順」という。）第1条及びNW手順第1条による。\n\n第2条　丁\n",
		},
		want: []string{
			"CSIRT運用手順第2条 -> a:第2条#s.a2",
			"ＣＳＩＲＴ運用手順第1条 -> a:第1条#s.a1",
			"ネットワーク運用手順（以下「NW手順」という。）第1条 -> n:第1条#s.a1",
			"NW手順第1条 -> n:第1条#s.a1",
		},
	}, {
		name: "a title cited without the city's name before it, unless a document bears that title",
		path: "policy/proc.md",
		docs: map[string]string{
			"policy/std.md":  "---\nid: std\ntitle: テスト市情報セキュリティ対策基準\ntier: standard\nvisibility: internal\n---\n第1条　甲\n\n第2条　乙\n",
			"policy/g.md":    "---\nid: g\ntitle: テスト市端末管理要領\ntier: procedure\nvisibility: internal\n---\n第1条　丙\n",
			"policy/g2.md":   "---\nid: g2\ntitle: 端末管理要領\ntier: procedure\nvisibility: internal\n---\n第1条　丁\n",
			"policy/proc.md": front("proc", "procedure") + "第1条　情報セキュリティ対策基準第2条及び端末管理要領第1条による。\n",
		},
		want: []string{
			"情報セキュリティ対策基準第2条 -> std:第2条#s.a2",
			"端末管理要領第1条 -> g2:第1条#s.a1",
		},
	}, {
		name: "a title cited without the city's name, of a document split into chapter files",
		path: "policy/proc.md",
		docs: map[string]string{
			"policy/std/01.md": "---\nid: std-1\ntitle: テスト市情報セキュリティ対策基準\ntier: standard\nvisibility: internal\n---\n## 第1章 総則\n\n第1条　甲\n\n第2条　乙\n",
			"policy/std/02.md": "---\nid: std-2\ntitle: テスト市情報セキュリティ対策基準（第2章）\ntier: standard\nvisibility: internal\n---\n## 第2章 管理\n\n第3条　丙\n",
			"policy/proc.md":   front("proc", "procedure") + "第1条　情報セキュリティ対策基準第3条及びテスト市情報セキュリティ対策基準第1条による。\n",
		},
		want: []string{
			"情報セキュリティ対策基準第3条 -> std-2:第3条#第2章-管理.a3",
			"テスト市情報セキュリティ対策基準第1条 -> std-1:第1条#第1章-総則.a1",
		},
	}, {
		name: "an abbreviation the text defines wins over a title it equals",
		path: "policy/proc.md",
		docs: map[string]string{
			"policy/std.md":  "---\nid: std\ntitle: テスト市情報セキュリティ対策基準\ntier: standard\nvisibility: internal\n---\n第1条　甲\n\n第2条　乙\n",
			"policy/edu.md":  "---\nid: edu\ntitle: テスト市教育委員会情報セキュリティ対策基準\ntier: standard\nvisibility: internal\n---\n第1条　丙\n\n第2条　丁\n",
			"policy/proc.md": front("proc", "procedure") + "第1条　テスト市教育委員会情報セキュリティ対策基準（以下「情報セキュリティ対策基準」という。）第1条による。\n\n第2条　情報セキュリティ対策基準第2条による。\n",
		},
		want: []string{
			"テスト市教育委員会情報セキュリティ対策基準（以下「情報セキュリティ対策基準」という。）第1条 -> edu:第1条#s.a1",
			"情報セキュリティ対策基準第2条 -> edu:第2条#s.a2",
		},
	}, {
		name: "a limit on another document's provision names that document's 号",
		path: "policy/proc.md",
		docs: map[string]string{
			"policy/std.md":  front("std", "standard") + "第1条　甲\n\n2　乙\n\n一　丙\n\n二　丁\n",
			"policy/proc.md": front("proc", "procedure") + "第1条　甲\n\n2　乙\n\n一　丙\n\n二　丁\n\n第2条　対策基準第1条第2項（第2号に限る。）及び対策基準第1条第2項（第1号を除く。）による。\n",
		},
		want: []string{
			"対策基準第1条第2項 -> std:第1条第2項#s.a1.2", "第2号 -> std:第1条第2項第2号#s.a1.2.g2",
			"対策基準第1条第2項 -> std:第1条第2項#s.a1.2", "第1号 -> std:第1条第2項第1号#s.a1.2.g1",
		},
	}, {
		name: "a relative word in a list that began with another document's article is this document's",
		path: "policy/proc.md",
		docs: map[string]string{
			"policy/std.md":  front("std", "standard") + "第1条　甲\n\n2　乙\n",
			"policy/proc.md": front("proc", "procedure") + "第1条　丙\n\n第2条　丁\n\n2　対策基準第1条第2項及び前項の規定による。対策基準第1条及び前条による。対策基準第1条及び同条第2項による。\n",
		},
		want: []string{
			"対策基準第1条第2項 -> std:第1条第2項#s.a1.2",
			"前項 -> 第2条第1項#s.a2.1",
			"対策基準第1条 -> std:第1条#s.a1",
			"前条 -> 第1条#s.a1",
			"対策基準第1条 -> std:第1条#s.a1",
			"同条第2項 -> std:第1条第2項#s.a1.2",
		},
	}, {
		name: "の between a document's name and its number",
		path: "policy/std.md",
		docs: map[string]string{
			"policy/basic.md": "---\nid: basic\ntitle: 〇〇市情報セキュリティ基本方針\ntier: basic\nvisibility: public\n---\n## 1. 甲\n\n## 2. 乙\n\n(1) a\n\n## 3. 丙\n\n(1) b\n\n(2) c\n",
			"policy/proc.md":  front("proc", "procedure") + "## 1. 甲\n",
			"policy/std.md":   front("std", "standard") + "第1条　基本方針の3(2)、〇〇市情報セキュリティ基本方針の2(1)及び実施手順の1による。基本方針の3年の計画。\n",
		},
		want: []string{
			"基本方針の3(2) -> basic:3(2)#3-丙.p2",
			"〇〇市情報セキュリティ基本方針の2(1) -> basic:2(1)#2-乙.p1",
			"実施手順の1 -> proc:1#1-甲",
		},
	}, {
		name: "a title quoted in 「」 or 『』 names its document, never another",
		path: "policy/c.md",
		docs: map[string]string{
			"policy/a.md": "---\nid: a\ntitle: インシデント対応手順\ntier: procedure\nvisibility: public\n---\n第1条　甲\n\n第2条　乙\n\n2　丙\n",
			"policy/b.md": "---\nid: b\ntitle: 監視手順\ntier: procedure\nvisibility: public\n---\n## 1. 監視\n\n## 2. 報告\n\n(1) 文書\n",
			"policy/c.md": "---\nid: c\ntitle: バックアップ手順\ntier: procedure\nvisibility: public\n---\n## 1. 報告\n\n" +
				"「インシデント対応手順」第2条第２項、『インシデント対応手順』第2条、「監視手順」2(1)、「監視手順」の2及び「監視手順」第2条による。\n",
		},
		want: []string{
			"「インシデント対応手順」第2条第２項 -> a:第2条第2項#s.a2.2",
			"『インシデント対応手順』第2条 -> a:第2条#s.a2",
			"「監視手順」2(1) -> b:2(1)#2-報告.p1",
			"「監視手順」の2 -> b:2#2-報告",
			"「監視手順」第2条 !ref/unresolved", // 監視手順 has no 第2条; インシデント対応手順 has, and is not meant
		},
	}, {
		name: "a quoted title of no document is unresolved; another body's quoted instrument is external",
		path: "policy/c.md",
		docs: map[string]string{
			"policy/a.md": "---\nid: a\ntitle: 情報セキュリティインシデント対応手順\ntier: procedure\nvisibility: public\n---\n第1条　甲\n\n第2条　乙\n",
			"policy/c.md": "---\nid: c\ntitle: バックアップ手順\ntier: procedure\nvisibility: public\n---\n第1条　甲\n\n第2条　乙\n\n第3条　「インシデント対応手順」第2条、「みどり野市文書管理規程」第3条、「個人情報の保護に関する法律」第2条及び「情報資産」の区分による。\n",
		},
		want: []string{
			"「インシデント対応手順」第2条 !ref/unresolved",
			"「みどり野市文書管理規程」第3条 external",
			"「個人情報の保護に関する法律」第2条 external",
		},
	}, {
		name: "a bare 第N条 is its own instrument's: never another procedure's",
		path: "policy/c.md",
		docs: map[string]string{
			"policy/a.md": "---\nid: a\ntitle: 情報資産管理手順\ntier: procedure\nvisibility: public\n---\n第1条　甲\n\n第2条　乙\n\n第3条　丙\n\n2　丁\n",
			"policy/b.md": "---\nid: b\ntitle: 監視手順\ntier: procedure\nvisibility: public\n---\n第1条　甲\n\n第2条　第3条の規定により監視する。\n",
			"policy/c.md": "---\nid: c\ntitle: 点検手順\ntier: procedure\nvisibility: public\n---\n## 1. 点検\n\n第3条の規定により点検する。情報資産管理手順（以下「管理手順」という。）第2条及び管理手順第3条第2項による。「監視手順」（以下「監視」という。）第1条による。\n",
		},
		want: []string{
			"第3条 !ref/unresolved",
			"情報資産管理手順（以下「管理手順」という。）第2条 -> a:第2条#s.a2",
			"管理手順第3条第2項 -> a:第3条第2項#s.a3.2",
			"「監視手順」（以下「監視」という。）第1条 -> b:第1条#s.a1",
		},
	}, {
		name: "an abbreviation of another body's instrument, or of two characters, names no document here",
		path: "policy/p.md",
		docs: map[string]string{
			"policy/a.md": "---\nid: a\ntitle: 〇〇市情報セキュリティ対策基準\ntier: standard\nvisibility: public\n---\n第1条　甲\n\n第2条　乙\n\n第10条　丙\n",
			"policy/p.md": "---\nid: p\ntitle: 委託手順\ntier: procedure\nvisibility: public\n---\n## 1. 委託\n\n〇〇県情報セキュリティ対策基準（以下「県基準」という。）第10条及び県基準第1条に準じる。\n\n## 2. 判断\n\n〇〇市情報セキュリティ対策基準（以下「基準」という。）第2条に基づき、国の判断基準第2号による。\n",
		},
		want: []string{
			"第10条 external",
			"第1条 external",
			"〇〇市情報セキュリティ対策基準（以下「基準」という。）第2条 -> a:第2条#s.a2",
			"第2号 external",
		},
	}} {
		t.Run(tt.name, func(t *testing.T) {
			r := load(t, tt.docs)
			got := strings.Join(describeTargets(New(r).Doc(r.DocByPath(tt.path))), "\n")
			if want := strings.Join(tt.want, "\n"); got != want {
				t.Errorf("references:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

// TestUnknownTierNoun: a document whose tier is misspelt or missing is
// named in messages by a noun that reads, never by the misspelt id or by
// nothing (「この文書にも他のstandardsにも」, 「他のにも」).
func TestUnknownTierNoun(t *testing.T) {
	for _, tier := range []string{"standards", ""} {
		r := load(t, map[string]string{"policy/a.md": front("a", tier) + "第1条　甲は、第3条による。\n"})
		var msgs []string
		for _, refs := range All(r) {
			for _, x := range refs {
				if x.Problem != nil {
					msgs = append(msgs, x.Problem.Message)
				}
			}
		}
		joined := strings.Join(msgs, "\n")
		if strings.Contains(joined, "another  document") || tier != "" && (strings.Contains(joined, tier) || !strings.Contains(joined, "another 同じ階層の文書 document")) {
			t.Errorf("tier %q: messages %q", tier, msgs)
		}
	}
}

// TestEachKeepsMeaning: 前項各号 means every 号 of that 項: a 号 appended
// to it is no renumbering the reference must follow, and it is marked
// Each; a plain list of the 号 is not.
func TestEachKeepsMeaning(t *testing.T) {
	art := "\n第1条　職員は、次に掲げる事項を報告する。\n\n一　事故の内容\n\n二　講じた措置\n%s\n2　前項各号の報告は、書面で行う。\n"
	base := load(t, map[string]string{"policy/std.md": front("std", "standard") + strings.Replace(art, "%s", "", 1)})
	cur := load(t, map[string]string{"policy/std.md": front("std", "standard") + strings.Replace(art, "%s", "\n三　再発防止策\n", 1)})
	if shifts := Renumbered(base, cur); len(shifts) != 0 {
		t.Errorf("a 号 appended moved 前項各号: %+v", shifts[0])
	}
	var each *Ref
	for _, r := range All(cur)[cur.Doc("std")] {
		if r.Text == "前項各号" {
			each = r
		}
	}
	if each == nil || !each.Each || len(each.Targets) != 3 {
		t.Errorf("前項各号: %+v", each)
	}
}
