// Package workflows holds the test that lints every GitHub Actions
// workflow of the project and the one policyctl init writes.
package workflows

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/go-git/go-git/v5"
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
	if _, err := scaffold.Write(dir, scaffold.Options{OrgID: "sakuradai", OrgName: "さくら台市"}); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, ".github/workflows/policy.yml")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	lint(t, p, b)
}

// TestInitWorkflowInSubfolder: in a folder of an existing git repository
// the workflow goes to the repository's root, where GitHub runs it, and
// works in the folder; it pins the version that wrote it.
func TestInitWorkflowInSubfolder(t *testing.T) {
	root := t.TempDir()
	if _, err := git.PlainInit(root, false); err != nil {
		t.Fatal(err)
	}
	sub := filepath.Join(root, "policy-repo")
	if _, err := scaffold.Write(sub, scaffold.Options{OrgID: "sakuradai", OrgName: "さくら台市", Version: "v1.2.3"}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(sub, ".github")); !os.IsNotExist(err) {
		t.Errorf("a workflow was written inside the folder, where GitHub never runs it: %v", err)
	}
	p := filepath.Join(root, ".github/workflows/policy.yml")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	lint(t, p, b)
	for _, want := range []string{"working-directory: policy-repo", "cmd/policyctl@v1.2.3", "path: policy-repo/_site/public", "schedule:"} {
		if !bytes.Contains(b, []byte(want)) {
			t.Errorf("the workflow lacks %q", want)
		}
	}
	if bytes.Contains(b, []byte("@latest")) {
		t.Error("the workflow installs @latest")
	}
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
