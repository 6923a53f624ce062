package check

import (
	"bytes"
	"encoding/json"
	"regexp"
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

// TestRulesComplete: every rule is described in both languages, with a
// severity. A finding names its rule as a value, so a rule that is
// reported is a rule that is listed.
func TestRulesComplete(t *testing.T) {
	rules := Rules()
	if len(rules) < 40 {
		t.Fatalf("only %d rules", len(rules))
	}
	id := regexp.MustCompile(`^[a-z]+/[a-z-]+$`)
	for _, r := range rules {
		if !id.MatchString(r.ID) || r.Summary == "" || r.SummaryJa == "" || r.Help == "" || r.HelpJa == "" {
			t.Errorf("rule %q is not described in both languages: %+v", r.ID, r)
		}
	}
}

// TestRulesDoc: docs/rules.md is generated from the rules and kept current
// (go test ./internal/check -update rewrites it).
func TestRulesDoc(t *testing.T) {
	var b bytes.Buffer
	if err := WriteRulesDoc(&b); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "../../docs/rules.md", b.Bytes())
}
