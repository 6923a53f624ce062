package check

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/policyctl/policyctl/internal/i18n"
	"github.com/policyctl/policyctl/internal/policy"
)

// WriteText writes one line per finding, FILE:LINE:COL: SEVERITY RULE:
// message, the hint indented on the next line, and a summary.
//
// docs < 0 leaves the count of documents out.
func (res *Result) WriteText(w io.Writer, docs int) error {
	var b strings.Builder
	for _, f := range res.Findings {
		fmt.Fprintf(&b, "%s: %s %s: %s\n", f.Pos, f.Severity, f.Rule.ID, f.Message)
		if f.Hint != "" {
			i18n.Fprintf(&b, "\thint: %s\n", f.Hint)
		}
		if f.Fix != nil {
			i18n.Fprintf(&b, "\tfix: %s\n", fixable())
		}
	}
	if docs < 0 {
		// The caller lists findings that refused something, not a check
		// of the documents: no count of them.
		i18n.Fprintf(&b, "%d errors, %d warnings\n", res.Errors, res.Warnings)
	} else {
		i18n.Fprintf(&b, "%d errors, %d warnings in %d documents\n", res.Errors, res.Warnings, docs)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// fixable is what the text and GitHub outputs say of a finding that
// carries a fix.
func fixable() string { return i18n.T("policyctl fix can fix this") }

type jsonFinding struct {
	Rule     string   `json:"rule"`
	Severity string   `json:"severity"`
	File     string   `json:"file"`
	Line     int      `json:"line"`
	Column   int      `json:"column"`
	Message  string   `json:"message"`
	Hint     string   `json:"hint,omitempty"`
	Fix      *jsonFix `json:"fix,omitempty"`
}

// jsonFix is a finding's fix: the replacements policyctl fix would make,
// with byte offsets into the file as it is.
type jsonFix struct {
	Description string     `json:"description"`
	Edits       []jsonEdit `json:"edits"`
}

type jsonEdit struct {
	File  string `json:"file"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	New   string `json:"new"`
}

func fixJSON(f *policy.Fix) *jsonFix {
	if f == nil {
		return nil
	}
	out := &jsonFix{Description: f.Description, Edits: []jsonEdit{}}
	for _, e := range f.Edits {
		out.Edits = append(out.Edits, jsonEdit{e.File, e.Start, e.End, e.New})
	}
	return out
}

// WriteJSON writes {"findings":[…],"errors":N,"warnings":N} (SPEC §2).
func (res *Result) WriteJSON(w io.Writer) error {
	out := struct {
		Findings []jsonFinding `json:"findings"`
		Errors   int           `json:"errors"`
		Warnings int           `json:"warnings"`
	}{Findings: []jsonFinding{}, Errors: res.Errors, Warnings: res.Warnings}
	for _, f := range res.Findings {
		out.Findings = append(out.Findings, jsonFinding{f.Rule.ID, f.Severity.String(), f.Pos.File, f.Pos.Line, f.Pos.Col, f.Message, f.Hint, fixJSON(f.Fix)})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// WriteGitHub writes GitHub Actions workflow commands, one annotation per
// finding, which GitHub shows on the pull request's changed lines.
func (res *Result) WriteGitHub(w io.Writer) error {
	var b strings.Builder
	for _, f := range res.Findings {
		cmd := "warning"
		if f.Severity == policy.Error {
			cmd = "error"
		}
		msg := f.Message
		if f.Hint != "" {
			msg += "\n" + f.Hint
		}
		if f.Fix != nil {
			msg += "\n" + fixable()
		}
		where := "file=" + escapeProperty(f.Pos.File)
		if f.Pos.Line > 0 {
			where += fmt.Sprintf(",line=%d", f.Pos.Line)
			if f.Pos.Col > 0 {
				where += fmt.Sprintf(",col=%d", f.Pos.Col)
			}
		}
		fmt.Fprintf(&b, "::%s %s,title=%s::%s\n", cmd, where, escapeProperty(f.Rule.ID), escapeData(msg))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// escapeData and escapeProperty follow @actions/core's command escaping.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
