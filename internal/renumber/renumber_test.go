package renumber

import (
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/policyctl/policyctl/internal/policy"
)

var update = flag.Bool("update", false, "rewrite the out/ and problems sections of testdata/*.txtar")

// Each testdata/*.txtar is a case: base/ is the base revision (optional),
// cur/ the working tree (files not given are the base's), "options" the
// options (doc=ID, branch, collapse, refs-only); out/ are the files the
// plan changes, as they become, and "problems" what it refuses. go test
// -update rewrites out/ and problems.
func TestCases(t *testing.T) {
	cases, _ := filepath.Glob("testdata/*.txtar")
	if len(cases) < 2 {
		t.Fatalf("%d cases", len(cases))
	}
	for _, c := range cases {
		t.Run(strings.TrimSuffix(filepath.Base(c), ".txtar"), func(t *testing.T) {
			a, err := txtar.ParseFile(c)
			if err != nil {
				t.Fatal(err)
			}
			base, cur := fstest.MapFS{}, fstest.MapFS{}
			var opts Options
			hasBase := false
			var keep []txtar.File
			for _, f := range a.Files {
				switch {
				case f.Name == "options":
					opts = parseOptions(t, string(f.Data))
				case strings.HasPrefix(f.Name, "base/"):
					hasBase = true
					base[strings.TrimPrefix(f.Name, "base/")] = &fstest.MapFile{Data: f.Data}
				case strings.HasPrefix(f.Name, "cur/"):
					cur[strings.TrimPrefix(f.Name, "cur/")] = &fstest.MapFile{Data: f.Data}
				case strings.HasPrefix(f.Name, "out/"), f.Name == "problems":
					continue
				}
				keep = append(keep, f)
			}
			for p, f := range base {
				if _, ok := cur[p]; !ok {
					cur[p] = f
				}
			}
			in := Input{Cur: load(t, cur)}
			if hasBase {
				in.Base = load(t, base)
			}
			out, probs := run(t, in, opts)
			if *update {
				a.Files = append(keep, out...)
				if probs != "" {
					a.Files = append(a.Files, txtar.File{Name: "problems", Data: []byte(probs)})
				}
				if err := os.WriteFile(c, txtar.Format(a), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want := map[string]string{}
			wantProbs := ""
			for _, f := range a.Files {
				if strings.HasPrefix(f.Name, "out/") {
					want[f.Name] = string(f.Data)
				}
				if f.Name == "problems" {
					wantProbs = string(f.Data)
				}
			}
			got := map[string]string{}
			for _, f := range out {
				got[f.Name] = string(f.Data)
			}
			for name, w := range want {
				if got[name] != w {
					t.Errorf("%s:\n%s\nwant:\n%s", name, got[name], w)
				}
			}
			for name := range got {
				if _, ok := want[name]; !ok {
					t.Errorf("%s changed, but the case does not say so:\n%s", name, got[name])
				}
			}
			if probs != wantProbs {
				t.Errorf("problems:\n%s\nwant:\n%s", probs, wantProbs)
			}
		})
	}
}

func parseOptions(t *testing.T, s string) Options {
	var o Options
	for _, f := range strings.Fields(s) {
		switch {
		case f == "branch":
			o.Branch = true
		case f == "collapse":
			o.Collapse = true
		case f == "refs-only":
			o.RefsOnly = true
		case strings.HasPrefix(f, "doc="):
			o.Doc = strings.TrimPrefix(f, "doc=")
		default:
			t.Fatalf("unknown option %q", f)
		}
	}
	return o
}

func load(t testing.TB, fsys fstest.MapFS) *policy.Repo {
	t.Helper()
	r, err := policy.Load(fsys, policy.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// run plans, applies and verifies; it returns the changed files as out/
// sections and the problems, one a line.
func run(t testing.TB, in Input, opts Options) ([]txtar.File, string) {
	t.Helper()
	p, err := Make(in, opts)
	if err != nil {
		return nil, err.Error() + "\n"
	}
	res, err := p.Apply()
	if err != nil {
		t.Fatal(err)
	}
	var probs strings.Builder
	for _, pr := range res.Problems {
		probs.WriteString(pr.String() + "\n")
	}
	for _, k := range p.Kept {
		probs.WriteString("kept: " + k.String() + "\n")
	}
	var paths []string
	for f := range res.Files {
		paths = append(paths, f)
	}
	sort.Strings(paths)
	var out []txtar.File
	for _, f := range paths {
		out = append(out, txtar.File{Name: "out/" + f, Data: res.Files[f]})
	}
	return out, probs.String()
}

// TestWriteLabel: a renumbered label keeps every word around its number,
// the 号 of a form's name included (別記様式第1号 became 別記様式第2).
func TestWriteLabel(t *testing.T) {
	for _, tt := range []struct {
		label string
		style policy.Style
		num   policy.Number
		want  string
	}{
		{"第3条の2", policy.StyleArticle, policy.Number{N: 4, Sub: []int{2}}, "第4条の2"},
		{"別表第1の2", policy.StyleAppendix, policy.Number{N: 2}, "別表第2"},
		{"別記第1", policy.StyleForm, policy.Number{N: 2}, "別記第2"},
		{"別記様式第1号", policy.StyleForm, policy.Number{N: 2}, "別記様式第2号"},
		{"別記第1号様式", policy.StyleForm, policy.Number{N: 2}, "別記第2号様式"},
		{"別記様式第１号の２", policy.StyleForm, policy.Number{N: 3, Sub: []int{1}}, "別記様式第３号の１"},
		{"様式第1号", policy.StyleForm, policy.Number{N: 2}, "様式第2号"},
	} {
		if got, ok := writeLabel(tt.label, tt.style, tt.num, policy.DigitsASCII); !ok || got != tt.want {
			t.Errorf("writeLabel(%q, %v) = %q, %v; want %q", tt.label, tt.num, got, ok, tt.want)
		}
	}
}

func TestRestyle(t *testing.T) {
	half := policy.StyleConfig{Digits: "half-width", Articles: "arabic"}
	full := policy.StyleConfig{Digits: "full-width", Articles: "arabic"}
	kanji := policy.StyleConfig{Digits: "full-width", Articles: "kanji"}
	anyStyle := policy.StyleConfig{Digits: "any", Articles: "any"}
	// 第1条 beside a full-width ２, as 例規 written horizontally often are.
	reiki := policy.StyleConfig{Digits: "half-width", Articles: "arabic", Clauses: "full-width"}
	for _, tt := range []struct {
		text  string
		style policy.StyleConfig
		want  string
	}{
		{"第５条の２", half, "第5条の2"},
		{"第5条", half, "第5条"},
		{"第十二条", half, "第12条"},
		{"第12条", full, "第１２条"},
		{"第12条の2", kanji, "第十二条の二"},
		{"第１２項", kanji, "第十二項"},
		{"２", half, "2"},
		{"2", full, "２"},
		{"１．", half, "1."},
		{"1.", full, "１．"},
		{"（１）", half, "(1)"},
		{"( 1 )", full, "（ １ ）"},
		{"（一）", half, "（一）"},
		{"別表第１", half, "別表第1"},
		{"別表第１の２", half, "別表第1の2"},
		{"別記様式第１号", half, "別記様式第1号"},
		{"別記第１号様式", half, "別記第1号様式"},
		{"様式第１号の２", half, "様式第1号の2"},
		{"①", half, "①"},
		{"ア", full, "ア"},
		{"第５条", anyStyle, "第５条"},
		{"2", reiki, "２"},
		{"２", reiki, "２"},
		{"第２項", reiki, "第2項"},
		{"１．", reiki, "1."},
		{"（１）", reiki, "(1)"},
		{"２", policy.StyleConfig{Digits: "full-width", Articles: "arabic", Clauses: "half-width"}, "2"},
		{"第十二条", anyStyle, "第十二条"},
		{"（１）", anyStyle, "（１）"},
	} {
		got, changed := Restyle(tt.text, tt.style)
		if got != tt.want || changed != (tt.want != tt.text) {
			t.Errorf("Restyle(%q, %+v) = %q, %v; want %q", tt.text, tt.style, got, changed, tt.want)
		}
	}
}
