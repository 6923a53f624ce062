package check

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/rogpeppe/go-internal/txtar"
	"golang.org/x/text/encoding/japanese"

	"github.com/policyctl/policyctl/internal/policy"
)

// The planted-defect suite: testdata/planted/base is a clean repository;
// each .txtar file replaces some of its files with versions that carry
// known defects and lists, under "want", every finding check must report —
// at its exact line and column, and nothing else.

func baseFS(t *testing.T) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	root := "testdata/planted/base"
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(root, p)
		m[filepath.ToSlash(rel)] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func run(t *testing.T, fsys fs.FS) []string {
	t.Helper()
	r, err := policy.Load(fsys, policy.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range Run(r).Findings {
		out = append(out, f.Pos.String()+" "+f.Severity.String()+" "+f.Rule.ID)
	}
	return out
}

func TestPlantedBaseIsClean(t *testing.T) {
	if got := run(t, baseFS(t)); len(got) != 0 {
		t.Errorf("the clean repository has findings:\n%s", strings.Join(got, "\n"))
	}
}

func TestPlantedDefects(t *testing.T) {
	cases, _ := filepath.Glob("testdata/planted/*.txtar")
	if len(cases) < 5 {
		t.Fatalf("%d planted-defect cases", len(cases))
	}
	for _, c := range cases {
		t.Run(strings.TrimSuffix(filepath.Base(c), ".txtar"), func(t *testing.T) {
			a, err := txtar.ParseFile(c)
			if err != nil {
				t.Fatal(err)
			}
			fsys := baseFS(t)
			var want []string
			for _, f := range a.Files {
				if f.Name == "want" {
					want = strings.Split(strings.TrimSpace(string(f.Data)), "\n")
					continue
				}
				fsys[f.Name] = &fstest.MapFile{Data: f.Data}
			}
			got := run(t, fsys)
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}

// TestAgainst: each testdata/against/*.txtar changes the planted base
// repository, which stands as the base revision (the revision in force);
// "want" lists every finding of check against it, with message and hint.
func TestAgainst(t *testing.T) {
	cases, _ := filepath.Glob("testdata/against/*.txtar")
	if len(cases) < 2 {
		t.Fatalf("%d cases", len(cases))
	}
	for _, c := range cases {
		t.Run(strings.TrimSuffix(filepath.Base(c), ".txtar"), func(t *testing.T) {
			a, err := txtar.ParseFile(c)
			if err != nil {
				t.Fatal(err)
			}
			base, err := policy.Load(baseFS(t), policy.LoadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			fsys := baseFS(t)
			var want []string
			for _, f := range a.Files {
				if f.Name == "want" {
					want = strings.Split(strings.TrimSpace(string(f.Data)), "\n")
					continue
				}
				fsys[f.Name] = &fstest.MapFile{Data: f.Data}
			}
			r, err := policy.Load(fsys, policy.LoadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range RunWith(r, Options{Base: base, BaseName: "2024-04-01"}).Findings {
				got = append(got, f.Pos.String()+" "+f.Severity.String()+" "+f.Rule.ID+": "+f.Message+" | "+f.Hint)
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}

// TestStatuteFixtures: the statute-style 規程 of package ref's tests, in
// its blank-line form and as a Word paste, passes check without a finding.
func TestStatuteFixtures(t *testing.T) {
	for _, name := range []string{"blank.md", "paste.md"} {
		b, err := os.ReadFile("../ref/testdata/statute/" + name)
		if err != nil {
			t.Fatal(err)
		}
		fsys := baseFS(t)
		fsys["policy/rules.md"] = &fstest.MapFile{Data: b}
		// The fixture writes numbers in every form a 例規 uses, on purpose.
		fsys["policyctl.yaml"] = &fstest.MapFile{Data: append(fsys["policyctl.yaml"].Data, "style: {digits: any, articles: any}\n"...)}
		// A second 対策基準 would make the procedure's 対策基準第2条 ambiguous.
		delete(fsys, "policy/procedure.md")
		if got := run(t, fsys); len(got) != 0 {
			t.Errorf("%s: findings:\n%s", name, strings.Join(got, "\n"))
		}
	}
}

// TestUnreadableTarget: a chapter file saved as Shift_JIS cannot be read,
// and text/encoding says so; references into it from the other chapter
// are not reported as pointing at provisions that were removed.
func TestUnreadableTarget(t *testing.T) {
	head := func(id string) string {
		return "---\nid: " + id + "\ntitle: 対策基準 " + id + "\ntier: standard\nvisibility: internal\napprovers: [mayor]\n---\n"
	}
	files := map[string]string{
		"policy/std/01.md": head("a") + "# 第1章 組織\n\n第1条　第3条に定める者を置く。\n\n第2条　乙\n",
		"policy/std/02.md": head("b") + "# 第2章 運用\n\n第3条　責任者を置く。\n\n第4条　丁\n",
	}
	base := repo(t, files)
	sjis, err := japanese.ShiftJIS.NewEncoder().String(files["policy/std/02.md"])
	if err != nil {
		t.Fatal(err)
	}
	files["policy/std/02.md"] = sjis
	r := repo(t, files)
	encoding := false
	for _, f := range RunWith(r, Options{Base: base, BaseName: "2024-04-01"}).Findings {
		encoding = encoding || f.Rule == policy.RuleTextEncoding
		if f.Rule == policy.RuleRefRenumbered {
			t.Errorf("%s: %s", f.Pos, f.Message)
		}
	}
	if !encoding {
		t.Error("no text/encoding finding")
	}
}
