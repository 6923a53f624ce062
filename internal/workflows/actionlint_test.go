// Package workflows holds the test that lints every GitHub Actions
// workflow of the project and the one policyctl init writes.
package workflows

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/rhysd/actionlint"

	"github.com/policyctl/policyctl/internal/scaffold"
)

func lint(t *testing.T, path string, content []byte) {
	t.Helper()
	var out bytes.Buffer
	l, err := actionlint.NewLinter(&out, &actionlint.LinterOptions{})
	if err != nil {
		t.Fatal(err)
	}
	errs, err := l.Lint(path, content, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range errs {
		t.Errorf("%s:%d:%d: %s [%s]", path, e.Line, e.Column, e.Message, e.Kind)
	}
}

func TestProjectWorkflows(t *testing.T) {
	files, err := filepath.Glob("../../.github/workflows/*.yml")
	if err != nil || len(files) < 2 {
		t.Fatalf("workflows: %v %v", files, err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lint(t, f, b)
	}
}

func TestInitWorkflow(t *testing.T) {
	dir := t.TempDir()
	if _, err := scaffold.Write(dir, scaffold.Options{OrgID: "ena", OrgName: "恵那市"}); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, ".github/workflows/policy.yml")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	lint(t, p, b)
}

// TestLinterCatchesMistakes: the linter does report a broken workflow, so
// the tests above can fail.
func TestLinterCatchesMistakes(t *testing.T) {
	var out bytes.Buffer
	l, err := actionlint.NewLinter(&out, &actionlint.LinterOptions{})
	if err != nil {
		t.Fatal(err)
	}
	bad := []byte("on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n        with:\n          fetch-depth: ${{ github.nosuch.thing }}\n      - run: echo ${{ matrix.missing }}\n")
	errs, err := l.Lint("bad.yml", bad, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(errs) == 0 {
		t.Fatal("actionlint found nothing wrong with a broken workflow")
	}
}
