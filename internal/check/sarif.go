package check

import (
	"encoding/json"
	"io"
)

// WriteSARIF writes the findings as SARIF 2.1.0 for code scanning: every
// rule with its help, every finding with its place. Columns count Unicode
// code points, as policyctl's do.
func (res *Result) WriteSARIF(w io.Writer, version string) error {
	type text struct {
		Text string `json:"text"`
	}
	type rule struct {
		ID                   string `json:"id"`
		Name                 string `json:"name"`
		ShortDescription     text   `json:"shortDescription"`
		FullDescription      text   `json:"fullDescription"`
		Help                 text   `json:"help"`
		DefaultConfiguration struct {
			Level string `json:"level"`
		} `json:"defaultConfiguration"`
	}
	type region struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn,omitempty"`
	}
	type location struct {
		PhysicalLocation struct {
			ArtifactLocation struct {
				URI       string `json:"uri"`
				URIBaseID string `json:"uriBaseId"`
			} `json:"artifactLocation"`
			Region *region `json:"region,omitempty"`
		} `json:"physicalLocation"`
	}
	// A fix is SARIF's fix object: for each file, replacements of byte
	// ranges (byteOffset and byteLength count bytes of the file as it is).
	type deleted struct {
		ByteOffset int `json:"byteOffset"`
		ByteLength int `json:"byteLength"`
	}
	type replacement struct {
		DeletedRegion   deleted `json:"deletedRegion"`
		InsertedContent *text   `json:"insertedContent,omitempty"`
	}
	type artifactChange struct {
		ArtifactLocation struct {
			URI       string `json:"uri"`
			URIBaseID string `json:"uriBaseId"`
		} `json:"artifactLocation"`
		Replacements []replacement `json:"replacements"`
	}
	type fix struct {
		Description     text             `json:"description"`
		ArtifactChanges []artifactChange `json:"artifactChanges"`
	}
	type result struct {
		RuleID    string     `json:"ruleId"`
		RuleIndex int        `json:"ruleIndex"`
		Level     string     `json:"level"`
		Message   text       `json:"message"`
		Locations []location `json:"locations"`
		Fixes     []fix      `json:"fixes,omitempty"`
	}
	var rules []rule
	for _, r := range Rules() {
		x := rule{ID: r.ID, Name: r.ID, ShortDescription: text{Summary(r)}, FullDescription: text{Summary(r)}, Help: text{Help(r)}}
		x.DefaultConfiguration.Level = r.Severity.String()
		rules = append(rules, x)
	}
	results := []result{}
	for _, f := range res.Findings {
		r := result{RuleID: f.Rule.ID, RuleIndex: RuleIndex(f.Rule.ID), Level: f.Severity.String(), Message: text{f.Message}}
		if f.Hint != "" {
			r.Message.Text += " (" + f.Hint + ")"
		}
		var l location
		l.PhysicalLocation.ArtifactLocation.URI = f.Pos.File
		l.PhysicalLocation.ArtifactLocation.URIBaseID = "%SRCROOT%"
		if f.Pos.Line > 0 {
			l.PhysicalLocation.Region = &region{StartLine: f.Pos.Line, StartColumn: f.Pos.Col}
		}
		r.Locations = []location{l}
		if f.Fix != nil {
			x := fix{Description: text{f.Fix.Description}}
			byFile := map[string]int{}
			for _, e := range f.Fix.Edits {
				i, ok := byFile[e.File]
				if !ok {
					i = len(x.ArtifactChanges)
					byFile[e.File] = i
					var c artifactChange
					c.ArtifactLocation.URI, c.ArtifactLocation.URIBaseID = e.File, "%SRCROOT%"
					x.ArtifactChanges = append(x.ArtifactChanges, c)
				}
				rp := replacement{DeletedRegion: deleted{e.Start, e.End - e.Start}}
				if e.New != "" {
					rp.InsertedContent = &text{e.New}
				}
				x.ArtifactChanges[i].Replacements = append(x.ArtifactChanges[i].Replacements, rp)
			}
			r.Fixes = []fix{x}
		}
		results = append(results, r)
	}
	type driver struct {
		Name           string `json:"name"`
		InformationURI string `json:"informationUri"`
		Version        string `json:"version"`
		Rules          []rule `json:"rules"`
	}
	log := map[string]any{
		"$schema": "https://json.schemastore.org/sarif-2.1.0.json",
		"version": "2.1.0",
		"runs": []any{map[string]any{
			"tool":       map[string]any{"driver": driver{"policyctl", "https://github.com/policyctl/policyctl", version, rules}},
			"columnKind": "unicodeCodePoints",
			"results":    results,
		}},
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(log)
}
