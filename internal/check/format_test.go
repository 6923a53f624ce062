package check

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/policyctl/policyctl/internal/golden"
)

// defects is a repository with one finding of many kinds.
func defects(t *testing.T) *Result {
	return Run(repo(t, map[string]string{
		"policy/x.md": "---\nid: x\ntitle: X\ntier: rule\nvisibility: public\napprovers: [mayor]\n---\n## 1. 目的\n\n上記9による。[図](missing.md)\n",
		"policy/y.md": "# y, 100%\n",
	}))
}

func TestGitHubAndSARIFGolden(t *testing.T) {
	res := defects(t)
	var gh, sarif bytes.Buffer
	if err := res.WriteGitHub(&gh); err != nil {
		t.Fatal(err)
	}
	if err := res.WriteSARIF(&sarif, "test"); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "testdata/defects.github", gh.Bytes())
	golden.Check(t, "testdata/defects.sarif", sarif.Bytes())
}

// TestSARIFRequired checks the fields the SARIF 2.1.0 schema requires, and
// that every result names a rule the driver lists.
func TestSARIFRequired(t *testing.T) {
	var b bytes.Buffer
	if err := defects(t).WriteSARIF(&b, "test"); err != nil {
		t.Fatal(err)
	}
	var log struct {
		Version string `json:"version"`
		Runs    []struct {
			Tool struct {
				Driver struct {
					Name  string `json:"name"`
					Rules []struct {
						ID string `json:"id"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID    string `json:"ruleId"`
				RuleIndex int    `json:"ruleIndex"`
				Level     string `json:"level"`
				Message   struct {
					Text string `json:"text"`
				} `json:"message"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI string `json:"uri"`
						} `json:"artifactLocation"`
						Region *struct {
							StartLine int `json:"startLine"`
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(b.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	if log.Version != "2.1.0" || len(log.Runs) != 1 || log.Runs[0].Tool.Driver.Name != "policyctl" {
		t.Fatalf("sarif header: %+v", log)
	}
	run := log.Runs[0]
	if len(run.Results) < 3 {
		t.Fatalf("%d results", len(run.Results))
	}
	for _, r := range run.Results {
		if r.Message.Text == "" || r.RuleIndex < 0 || run.Tool.Driver.Rules[r.RuleIndex].ID != r.RuleID {
			t.Errorf("result %+v", r)
		}
		if r.Level != "error" && r.Level != "warning" {
			t.Errorf("level %q", r.Level)
		}
		for _, l := range r.Locations {
			if l.PhysicalLocation.ArtifactLocation.URI == "" || l.PhysicalLocation.Region != nil && l.PhysicalLocation.Region.StartLine < 1 {
				t.Errorf("location %+v", l)
			}
		}
	}
}

// TestEveryRuleIsListed: every rule id the code can report is in Rules,
// with help.
func TestEveryRuleIsListed(t *testing.T) {
	re := regexp.MustCompile(`"((?:frontmatter|text|registry|approvals|visibility|link|ref|term|numbering|files)/[a-z-]+)"`)
	found := map[string]bool{}
	err := filepath.Walk("..", func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return err
		}
		b, err := os.ReadFile(p)
		for _, m := range re.FindAllStringSubmatch(string(b), -1) {
			if m[1] != "text/template" {
				found[m[1]] = true
			}
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(found) < 25 {
		t.Fatalf("found only %d rule ids in the code", len(found))
	}
	for id := range found {
		if i := RuleIndex(id); i < 0 || Rules[i].Help == "" {
			t.Errorf("rule %s is reported but not listed in Rules", id)
		}
	}
	for _, r := range Rules {
		if !found[r.ID] {
			t.Errorf("rule %s is listed but never reported", r.ID)
		}
	}
}
