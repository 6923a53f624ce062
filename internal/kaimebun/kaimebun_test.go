package kaimebun

import (
	"bytes"
	"strings"
	"testing"

	"github.com/policyctl/policyctl/internal/diff"
	"github.com/policyctl/policyctl/internal/golden"
	"github.com/policyctl/policyctl/internal/policy"
	"github.com/policyctl/policyctl/internal/policytest"
)

// roundTrip writes the 改め文 of a 新旧対照表, applies it to the old
// provisions of every document and compares the result with the new
// ones, provision by provision.
func roundTrip(t *testing.T, r *diff.Result, revision string) string {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, r, Options{Revision: revision}); err != nil {
		t.Fatal(err)
	}
	// The chapter files of one 規程, amended in part, are amended as one
	// instrument: the oracle reads them as one text, in file order.
	name := func(d *diff.Document) string {
		if d.Instrument != "" && d.Status == diff.Modified && strings.Contains(b.String(), d.Instrument+"の一部を次のように改正する。") {
			return d.Instrument
		}
		return d.Title
	}
	olds := map[string]*adoc{}
	for _, d := range r.Documents {
		ps, _ := Provisions(d, true)
		if o := olds[name(d)]; o != nil {
			o.units = append(o.units, fromProvisions(ps).units...)
			continue
		}
		olds[name(d)] = fromProvisions(ps)
	}
	got, date, err := applyAll(b.String(), olds)
	if err != nil {
		t.Fatalf("the 改め文 does not apply: %v\n%s", err, b.String())
	}
	changed := false
	for _, d := range r.Documents {
		changed = changed || textChanged(d)
	}
	if revision != "" && changed {
		want, _ := effective(revision)
		if date != "　この改正は、"+want+"から施行する。" {
			t.Errorf("附則: %q, want the 施行日 %s", date, want)
		}
	}
	type instrument struct {
		news    []*Provision
		want    []string
		changed bool
	}
	var order []string
	all := map[string]*instrument{}
	for _, d := range r.Documents {
		n := name(d)
		in := all[n]
		if in == nil {
			in = &instrument{}
			all[n] = in
			order = append(order, n)
		}
		in.changed = in.changed || textChanged(d)
		news, _ := Provisions(d, false)
		in.news = append(in.news, news...)
		if d.Status == diff.Deleted {
			continue
		}
		for _, p := range news {
			in.want = append(in.want, p.Text())
		}
	}
	for _, n := range order {
		in := all[n]
		if !in.changed {
			continue
		}
		g, ok := got[n]
		if !ok {
			t.Errorf("%s: the 改め文 does not amend it", n)
			continue
		}
		compareProvisions(t, n, g, in.news, strings.Join(in.want, "\n"), b.String())
	}
	return b.String()
}

// compareProvisions reports the first new provision the applied text
// gets wrong.
func compareProvisions(t *testing.T, title, got string, news []*Provision, want, kaimebun string) {
	t.Helper()
	if got == want {
		return
	}
	gl, wl := strings.Split(got, "\n"), strings.Split(want, "\n")
	line := 0
	for line < len(gl) && line < len(wl) && gl[line] == wl[line] {
		line++
	}
	where := "after the last provision"
	n := 0
	for _, p := range news {
		n += strings.Count(p.Text(), "\n") + 1
		if n > line {
			where = p.Addr()
			break
		}
	}
	g, w := "(end)", "(end)"
	if line < len(gl) {
		g = gl[line]
	}
	if line < len(wl) {
		w = wl[line]
	}
	t.Errorf("%s: applying the 改め文 gives a different %s:\n got: %s\nwant: %s\n改め文:\n%s", title, where, g, w, kaimebun)
}

const config = "organization: {id: t, name: 試験市}\ntitle: 試験市情報セキュリティポリシー\n"

// textChanged reports whether a document's provisions read otherwise:
// bytes that no reader sees (an extra table cell GFM drops) amend nothing.
func textChanged(d *diff.Document) bool {
	switch d.Status {
	case diff.Added, diff.Deleted:
		return true
	case diff.Unchanged:
		return false
	}
	olds, _ := Provisions(d, true)
	news, _ := Provisions(d, false)
	if len(olds) != len(news) {
		return true
	}
	for i := range olds {
		if olds[i].Text() != news[i].Text() || olds[i].Addr() != news[i].Addr() {
			return true
		}
	}
	return false
}

func model(t testing.TB, docs map[string]string) *policy.Repo {
	t.Helper()
	return policytest.Load(t, policytest.With(config, docs))
}

func std(body string) string {
	return "---\nid: std\ntitle: 試験市情報セキュリティ対策基準\ntier: standard\nvisibility: public\n---\n" + body
}

// TestExampleRevisions: the 改め文 of every revision of the example
// applies to the old text and gives the new, and reads as the golden
// files say (reviewed by eye).
func TestExampleRevisions(t *testing.T) {
	revs := exampleRevisions(t)
	for i := 1; i < len(revs); i++ {
		r := diff.Compare(revs[i-1].Model, revs[i].Model, diff.Options{})
		out := roundTrip(t, r, revs[i].ID)
		golden.Check(t, "testdata/example_"+revs[i].ID+".txt", []byte(out))
		// Per document, as diff --doc writes it.
		for _, d := range r.Documents {
			if d.Status == diff.Unchanged {
				continue
			}
			one := diff.Compare(revs[i-1].Model, revs[i].Model, diff.Options{Doc: d.ID})
			roundTrip(t, one, revs[i].ID)
		}
	}
}

// TestInstrument: the chapter files of one 規程 are amended as one
// instrument, unless two of them hold a provision of the same address
// (each its own 附則), which one text could not tell apart.
func TestInstrument(t *testing.T) {
	file := func(id, title, body string) string {
		return "---\nid: " + id + "\ntitle: " + title + "\ntier: standard\nvisibility: public\n---\n" + body
	}
	one := "## 第1章　総則\n\n（目的）\n\n第1条　この基準は、情報資産を守る。\n"
	two := "## 第2章　管理\n\n（管理者）\n\n第2条　情報政策課長は、情報資産を管理する。\n"
	supplement := "\n## 附則\n\nこの基準は、令和6年4月1日から施行する。\n"
	for _, tt := range []struct {
		name       string
		withSuppl  bool
		wantTitles []string
	}{
		{"one instrument", false, []string{"（試験市情報セキュリティ対策基準の一部改正）"}},
		{"two 附則", true, []string{"（試験市情報セキュリティ対策基準 第1章 総則の一部改正）", "（試験市情報セキュリティ対策基準 第2章 管理の一部改正）"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s1, s2 := one, two
			if tt.withSuppl {
				s1, s2 = one+supplement, two+supplement
			}
			old := map[string]string{
				"policy/standards/01.md": file("s1", "試験市情報セキュリティ対策基準 第1章 総則", s1),
				"policy/standards/02.md": file("s2", "試験市情報セキュリティ対策基準 第2章 管理", s2),
				"policy/basic.md":        "---\nid: b\ntitle: 基本方針\ntier: basic\nvisibility: public\n---\n## 1. 目的\n\n守る。\n",
			}
			new := map[string]string{
				"policy/standards/01.md": strings.Replace(old["policy/standards/01.md"], "守る", "保護する", 1),
				"policy/standards/02.md": strings.Replace(old["policy/standards/02.md"], "管理する", "適切に管理する", 1),
				"policy/basic.md":        strings.Replace(old["policy/basic.md"], "守る", "保護する", 1),
			}
			r := diff.Compare(model(t, old), model(t, new), diff.Options{})
			out := roundTrip(t, r, "2026-04-01")
			var titles []string
			for _, l := range strings.Split(out, "\n") {
				if strings.HasPrefix(l, "（試験市情報セキュリティ対策基準") {
					titles = append(titles, l)
				}
			}
			if strings.Join(titles, "|") != strings.Join(tt.wantTitles, "|") || strings.Contains(out, "第1章 総則の一部") != tt.withSuppl {
				t.Errorf("instruments %q, want %q:\n%s", titles, tt.wantTitles, out)
			}
		})
	}
}

// TestNothingInTheText: a document whose text is the same — only its
// front matter changed — has nothing to amend: no 全部改正 with an empty
// reason, and no 附則.
func TestNothingInTheText(t *testing.T) {
	body := "## 第1章　総則\n\n（目的）\n\n第1条　この基準は、情報資産を守る。\n"
	old := model(t, map[string]string{"policy/std.md": std(body)})
	new := model(t, map[string]string{"policy/std.md": strings.Replace(std(body), "visibility: public\n", "visibility: public\napprovers: [mayor]\n", 1)})
	var b strings.Builder
	if err := Write(&b, diff.Compare(old, new, diff.Options{}), Options{Revision: "2026-04-01"}); err != nil {
		t.Fatal(err)
	}
	if got := b.String(); got != "改正する規定はありません。\n" {
		t.Errorf("got:\n%s", got)
	}
}

// TestRenumberingAcrossChapters: an article added in the first chapter
// file moves the articles of the next file too; the 規程 is amended as
// one text, its articles moved once from the end, and the 改め文 applied
// to the old text gives the new.
func TestRenumberingAcrossChapters(t *testing.T) {
	file := func(id, title, body string) string {
		return "---\nid: " + id + "\ntitle: " + title + "\ntier: standard\nvisibility: public\n---\n" + body
	}
	old := map[string]string{
		"policy/standards/01.md": file("s1", "試験市情報セキュリティ対策基準 第1章 総則", "## 第1章　総則\n\n（目的）\n\n第1条　この基準は、情報資産を守る。\n\n（定義）\n\n第2条　用語は、基本方針の例による。\n"),
		"policy/standards/02.md": file("s2", "試験市情報セキュリティ対策基準 第2章 管理", "## 第2章　管理\n\n（管理者）\n\n第3条　情報政策課長は、情報資産を管理する。\n\n（記録）\n\n第4条　前条の管理は、記録する。\n"),
	}
	new := map[string]string{
		"policy/standards/01.md": strings.Replace(old["policy/standards/01.md"], "（定義）\n\n第2条", "（適用）\n\n第2条　この基準は、全職員に適用する。\n\n（定義）\n\n第3条", 1),
		"policy/standards/02.md": strings.NewReplacer("第3条", "第4条", "第4条", "第5条").Replace(old["policy/standards/02.md"]),
	}
	r := diff.Compare(model(t, old), model(t, new), diff.Options{})
	out := roundTrip(t, r, "2026-04-01")
	if strings.Count(out, "の一部を次のように改正する。") != 1 || !strings.Contains(out, "試験市情報セキュリティ対策基準の一部を次のように改正する。") {
		t.Errorf("not one amendment of the 規程:\n%s", out)
	}
	if !strings.Contains(out, "第二条から第四条までを一条ずつ繰り下げ、第一条の次に次の一条を加える。") {
		t.Errorf("the articles are not moved once, through the files:\n%s", out)
	}
}
