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
	olds := map[string]*adoc{}
	for _, d := range r.Documents {
		ps, _ := Provisions(d, true)
		olds[d.Title] = fromProvisions(ps)
	}
	got, date, err := applyAll(b.String(), olds)
	if err != nil {
		t.Fatalf("the 改め文 does not apply: %v\n%s", err, b.String())
	}
	changed := false
	for _, d := range r.Documents {
		changed = changed || d.Status != diff.Unchanged
	}
	if revision != "" && changed {
		want, _ := effective(revision)
		if date != "　この改正は、"+want+"から施行する。" {
			t.Errorf("附則: %q, want the 施行日 %s", date, want)
		}
	}
	for _, d := range r.Documents {
		if d.Status == diff.Unchanged {
			continue
		}
		news, _ := Provisions(d, false)
		var want []string
		for _, p := range news {
			want = append(want, p.Text())
		}
		if d.Status == diff.Deleted {
			want = nil
		}
		g, ok := got[d.Title]
		if !ok {
			t.Errorf("%s: the 改め文 does not amend it", d.Title)
			continue
		}
		compareProvisions(t, d.Title, g, news, strings.Join(want, "\n"), b.String())
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
