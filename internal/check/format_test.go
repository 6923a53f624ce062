package check

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/policyctl/policyctl/internal/golden"
	"github.com/policyctl/policyctl/internal/i18n"
	"github.com/policyctl/policyctl/internal/policy"
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

// TestFixOutput: a finding's fix appears in every format — the edits in
// JSON, SARIF's fixes, the sentence in text and GitHub annotations — and
// applying the JSON edits to the file gives a file without the finding.
func TestFixOutput(t *testing.T) {
	src := "---\r\nid: x\r\ntitle: X\r\ntier: standard\r\nvisibility: public\r\napprovers: [mayor]\r\n---\r\n第１条　甲\r\n"
	res := Run(repo(t, map[string]string{"policy/x.md": src}))
	var js, sarif, text, gh bytes.Buffer
	if err := res.WriteJSON(&js); err != nil {
		t.Fatal(err)
	}
	if err := res.WriteSARIF(&sarif, "test"); err != nil {
		t.Fatal(err)
	}
	if err := res.WriteText(&text, 1); err != nil {
		t.Fatal(err)
	}
	if err := res.WriteGitHub(&gh); err != nil {
		t.Fatal(err)
	}
	var out struct {
		Findings []struct {
			Rule string `json:"rule"`
			Fix  *struct {
				Description string `json:"description"`
				Edits       []struct {
					File       string `json:"file"`
					Start, End int
					New        string `json:"new"`
				} `json:"edits"`
			} `json:"fix"`
		} `json:"findings"`
	}
	if err := json.Unmarshal(js.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	b := []byte(src)
	rules := map[string]bool{}
	for _, f := range out.Findings {
		if f.Fix == nil {
			t.Errorf("%s has no fix", f.Rule)
			continue
		}
		rules[f.Rule] = true
		var edits []policy.Edit
		for _, e := range f.Fix.Edits {
			edits = append(edits, policy.Edit{File: e.File, Start: e.Start, End: e.End, New: e.New})
		}
		var err error
		if b, err = policy.Apply(b, edits); err != nil {
			t.Fatal(err)
		}
		break // the edits are into the file as it is: apply one fix, then check again
	}
	if !rules["numbering/style"] && !rules["text/encoding"] {
		t.Fatalf("findings %s", js.String())
	}
	if !strings.Contains(sarif.String(), `"fixes": [`) || !strings.Contains(sarif.String(), `"byteOffset"`) {
		t.Errorf("SARIF without fixes:\n%s", sarif.String())
	}
	if !strings.Contains(text.String(), "\tfix: policyctl fix can fix this\n") || !strings.Contains(gh.String(), "%0Apolicyctl fix can fix this") {
		t.Errorf("text:\n%s\ngithub:\n%s", text.String(), gh.String())
	}
	i18n.Set(i18n.Ja)
	defer i18n.Set(i18n.En)
	var ja bytes.Buffer
	if err := res.WriteText(&ja, 1); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(ja.String(), "policyctl fix で修正できます") {
		t.Errorf("text in Japanese:\n%s", ja.String())
	}
	i18n.Set(i18n.En)
	// The numbering/style fix writes 第1条; the text/encoding fix drops
	// every carriage return.
	again := Run(repo(t, map[string]string{"policy/x.md": string(b)}))
	if len(again.Findings) != len(res.Findings)-1 {
		t.Errorf("after one fix: %v, before: %v", findings(again), findings(res))
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
