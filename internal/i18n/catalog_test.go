package i18n

import (
	"encoding/json"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// calls are the functions whose first string argument (after a language
// or a writer) is a message of the catalogue.
var calls = map[string]int{"Sprintf": 0, "Errorf": 0, "T": 0, "NewError": 0, "Fprintf": 1, "SprintfIn": 1}

// used reads every message the module's code passes to this package.
func used(t *testing.T) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	fset := token.NewFileSet()
	err := filepath.WalkDir("../..", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && p != "../.." {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, 0)
		if err != nil {
			return err
		}
		inPkg := f.Name.Name == "i18n"
		ast.Inspect(f, func(n ast.Node) bool {
			c, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			var name string
			switch fn := c.Fun.(type) {
			case *ast.SelectorExpr:
				if x, ok := fn.X.(*ast.Ident); ok && x.Name == "i18n" {
					name = fn.Sel.Name
				}
			case *ast.Ident:
				if inPkg {
					name = fn.Name
				}
			}
			i, ok := calls[name]
			if !ok || len(c.Args) <= i {
				return true
			}
			s, ok := constString(c.Args[i])
			if !ok {
				if !inPkg {
					t.Errorf("%s: i18n.%s with a message that is not a constant string", fset.Position(c.Pos()), name)
				}
				return true
			}
			out[s] = append(out[s], fset.Position(c.Pos()).String())
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func constString(e ast.Expr) (string, bool) {
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind == token.STRING {
			s, err := strconv.Unquote(e.Value)
			return s, err == nil
		}
	case *ast.BinaryExpr:
		if e.Op == token.ADD {
			a, ok1 := constString(e.X)
			b, ok2 := constString(e.Y)
			return a + b, ok1 && ok2
		}
	case *ast.ParenExpr:
		return constString(e.X)
	}
	return "", false
}

// TestConstString: the messages are read from every form a constant
// string takes in the source, raw strings of several lines (the help's
// Long texts) as well as quoted ones; anything else is not a message.
func TestConstString(t *testing.T) {
	for src, want := range map[string]string{
		`"a\tb\n"`:                   "a\tb\n",
		"`first line\n  second: %s`": "first line\n  second: %s",
		"`raw \\n stays`":            `raw \n stays`,
		"\"a \" + `b\nc` + (\"d\")":  "a b\ncd",
	} {
		e, err := parser.ParseExpr(src)
		if err != nil {
			t.Fatal(err)
		}
		if got, ok := constString(e); !ok || got != want {
			t.Errorf("%s: %q, %v; want %q", src, got, ok, want)
		}
	}
	for _, src := range []string{"x", `"a" + x`, "fmt.Sprint(`a`)"} {
		e, err := parser.ParseExpr(src)
		if err != nil {
			t.Fatal(err)
		}
		if got, ok := constString(e); ok {
			t.Errorf("%s read as the message %q", src, got)
		}
	}
}

var verbRE = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*(\.\d+)?[a-zA-Z%]`)

func verbs(s string) []string {
	vs := verbRE.FindAllString(s, -1)
	for i, v := range vs {
		vs[i] = regexp.MustCompile(`\[\d+\]`).ReplaceAllString(v, "")
	}
	// A verb's argument may move in translation only with an index: the
	// multiset of verbs must be the same.
	sort.Strings(vs)
	return vs
}

// TestCatalogue: every message the code writes exists in Japanese, with the
// same verbs; and every Japanese message is used.
func TestCatalogue(t *testing.T) {
	u := used(t)
	var missing []string
	for key, where := range u {
		ja, ok := japanese[key]
		switch {
		case !ok || ja == "":
			missing = append(missing, fmt.Sprintf("\t%q: \"\", // %s", key, where[0]))
		case strings.Join(verbs(key), " ") != strings.Join(verbs(ja), " "):
			t.Errorf("%s: the Japanese of %q has verbs %v, the English %v", where[0], key, verbs(ja), verbs(key))
		case !strings.Contains(ja, "%[") && strings.Join(verbRE.FindAllString(ja, -1), " ") != strings.Join(verbRE.FindAllString(key, -1), " "):
			t.Errorf("%s: the Japanese of %q takes its arguments in another order: number them (%%[1]s)", where[0], key)
		}
	}
	sort.Strings(missing)
	if out := os.Getenv("I18N_MISSING"); out != "" {
		var keys []string
		for key := range u {
			if japanese[key] == "" {
				keys = append(keys, key)
			}
		}
		sort.Strings(keys)
		b, _ := json.MarshalIndent(keys, "", " ")
		_ = os.WriteFile(out, b, 0o644)
	}
	if len(missing) > 0 {
		t.Errorf("%d messages exist in English only; add them to catalog.go:\n%s", len(missing), strings.Join(missing, "\n"))
	}
	for key := range japanese {
		if _, ok := u[key]; !ok {
			t.Errorf("catalog.go holds %q, which no code writes", key)
		}
	}
	for key := range englishPlurals {
		if _, ok := u[key]; !ok {
			t.Errorf("catalog.go has English plural forms of %q, which no code writes", key)
		}
	}
}

func TestResolve(t *testing.T) {
	for _, tt := range []struct {
		flag, env, config, lcAll, lang string
		want                           Lang
	}{
		{"", "", "", "", "C", En},
		{"", "", "", "", "ja_JP.UTF-8", Ja},
		{"", "", "", "C", "ja_JP.UTF-8", En},
		{"", "", "ja", "", "C", Ja},
		{"", "en", "ja", "", "ja_JP.UTF-8", En},
		{"ja", "en", "en", "C", "C", Ja},
		{"en", "", "ja", "", "ja_JP.UTF-8", En},
	} {
		t.Setenv("POLICYCTL_LANG", tt.env)
		t.Setenv("LC_ALL", tt.lcAll)
		t.Setenv("LC_MESSAGES", "")
		t.Setenv("LANG", tt.lang)
		got, err := Resolve(tt.flag, tt.config)
		if err != nil || got != tt.want {
			t.Errorf("%+v: %s %v", tt, got, err)
		}
	}
	if _, err := Resolve("fr", ""); err == nil {
		t.Error("--lang fr was accepted")
	}
}

// TestFormatting: translations reorder arguments with indexes, %w wraps,
// and a language is chosen per call.
func TestFormatting(t *testing.T) {
	if got := SprintfIn(Ja, "key %s is not a key of member %q in %s", "K", "tanaka", "reg.yaml"); got != `鍵 K は reg.yaml で構成員 "tanaka" に与えられた鍵ではありません` {
		t.Errorf("indexed verbs: %s", got)
	}
	if got := SprintfIn(En, "key %s is not a key of member %q in %s", "K", "tanaka", "reg.yaml"); got != `key K is not a key of member "tanaka" in reg.yaml` {
		t.Errorf("English: %s", got)
	}
	if got := SprintfIn(En, "%d errors, %d warnings in %d documents\n", 1, 0, 13); got != "1 error, 0 warnings in 13 documents\n" {
		t.Errorf("English plurals: %q", got)
	}
	if got := SprintfIn(En, "verify: OK, all %d committees approved the current content\n", 1); got != "verify: OK, the 1 committee approved the current content\n" {
		t.Errorf("English plurals: %q", got)
	}
	if got := SprintfIn(Ja, "%d errors, %d warnings in %d documents\n", 1, 0, 13); got != "誤り 1 件、警告 0 件（13 文書）\n" {
		t.Errorf("Japanese: %q", got)
	}
	inner := fmt.Errorf("inner")
	Set(Ja)
	defer Set(En)
	err := Errorf("--against %s: %w", "HEAD", inner)
	if !errors.Is(err, inner) || err.Error() != "--against HEAD: inner" {
		t.Errorf("wrapping: %v", err)
	}
	if got := NewError("the repository is not in git: revisions, the rules they are judged by and their content come from the git history; run git init and commit").Error(); !strings.HasPrefix(got, "リポジトリが git の中にありません") {
		t.Errorf("a lazy error in Japanese: %s", got)
	}
}
