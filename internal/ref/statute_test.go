package ref

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/text/width"

	"github.com/policyctl/policyctl/internal/golden"
)

// statuteRefs resolves the references of a statute-style fixture.
func statuteRefs(t *testing.T, name string) ([]string, []string) {
	refs, findings, _ := statute(t, name)
	return refs, findings
}

// statute reads a fixture: its references, its findings and its section
// tree without line numbers.
func statute(t *testing.T, name string) ([]string, []string, string) {
	t.Helper()
	b, err := os.ReadFile("testdata/statute/" + name)
	if err != nil {
		t.Fatal(err)
	}
	r := load(t, map[string]string{"policy/rules.md": string(b)})
	d := r.Docs[0]
	var findings []string
	for _, f := range d.Findings {
		findings = append(findings, f.Pos.String()+" "+f.Rule.ID+": "+f.Message)
	}
	tree := regexp.MustCompile(`(?m)^( *)[0-9]+ `).ReplaceAllString(d.DumpTree(), "$1")
	return describeTargets(New(r).Doc(d)), findings, tree
}

// TestStatuteFixture resolves every reference of a 規程 written as a
// city's 例規 is, each to its provision and anchor.
func TestStatuteFixture(t *testing.T) {
	got, findings := statuteRefs(t, "blank.md")
	for _, f := range findings {
		t.Errorf("finding: %s", f)
	}
	// The golden file lists every reference with its targets; review it
	// like code when it changes.
	golden.Check(t, "testdata/statute/blank.refs", []byte(strings.Join(got, "\n")+"\n"))
}

// TestWordPasteTwin: the same 規程 pasted from Word — provisions on
// consecutive lines, no blank line between them, a 項 number without a
// space after it — resolves exactly like its blank-line twin: the same
// references, the same targets, the same anchors.
func TestWordPasteTwin(t *testing.T) {
	blank, _, blankTree := statute(t, "blank.md")
	paste, findings, pasteTree := statute(t, "paste.md")
	// The labels are as written: ２ in the paste, 2 in the twin.
	if width.Narrow.String(pasteTree) != width.Narrow.String(blankTree) {
		t.Errorf("the Word paste has another section tree:\n%s\nthe blank-line twin:\n%s", pasteTree, blankTree)
	}
	for _, f := range findings {
		t.Errorf("finding in the Word paste: %s", f)
	}
	if strings.Join(paste, "\n") != strings.Join(blank, "\n") {
		t.Errorf("the Word paste resolves differently:\n%s\nthe blank-line twin:\n%s", strings.Join(paste, "\n"), strings.Join(blank, "\n"))
	}
}

// TestExcerpt: an excerpt (抄) elides provisions as ２・３　（略）; each
// elided provision is still a target, with its anchor.
func TestExcerpt(t *testing.T) {
	got, findings := statuteRefs(t, "excerpt.md")
	for _, f := range findings {
		t.Errorf("finding: %s", f)
	}
	golden.Check(t, "testdata/statute/excerpt.refs", []byte(strings.Join(got, "\n")+"\n"))
}
