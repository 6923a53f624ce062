package approvals

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/mattn/go-runewidth"

	"github.com/policyctl/policyctl/internal/i18n"
	"github.com/policyctl/policyctl/internal/markdown"
	"github.com/policyctl/policyctl/internal/policy"
)

// WriteText writes a verdict for a terminal: each committee, its quorum,
// who approved, and for each document that is not approved, why.
// Results are words as well as marks, never colour alone.
func (v *Verdict) WriteText(w io.Writer, against string) error {
	var b strings.Builder
	i18n.Fprintf(&b, "Revision %s (%s) against %s\n", v.Revision, v.Kind, against)
	if v.PreviousRules != "" {
		i18n.Fprintf(&b, "Judged under its own rules and those of %s, the revision in force before it.\n", v.PreviousRules)
	}
	ok := 0
	configStale := false
	for _, c := range v.Committees {
		mark := "NG"
		if c.OK {
			mark, ok = "OK", ok+1
		}
		i18n.Fprintf(&b, "  [%s] %s %s (quorum %d)", mark, c.ID, c.Name, c.Quorum)
		if len(c.Approved) > 0 {
			i18n.Fprintf(&b, ": approved by %s", strings.Join(c.Approved, i18n.T(", ")))
		}
		if c.Detail != "" {
			b.WriteString(i18n.T(": ") + c.Detail)
		}
		b.WriteString("\n")
		for _, d := range c.Documents {
			switch d.State {
			case "stale":
				i18n.Fprintf(&b, "       %s: stale: %s since %s approved it\n", d.Path, staleWhat(d.Why), strings.Join(d.Stale, i18n.T(", ")))
				configStale = configStale || d.Why == ReasonConfigChanged
			case "missing":
				i18n.Fprintf(&b, "       %s: missing\n", d.Path)
			}
		}
		for _, d := range c.Removed {
			i18n.Fprintf(&b, "       %s: abolished by this revision; the committee signs for it\n", d.Path)
		}
	}
	if configStale {
		b.WriteString(i18n.T("policyctl.yaml is approved with the documents, every byte of it: a changed file needs the approvals again. A setting of where the site is published can be given in CI instead (POLICYCTL_SITE_BASE_URL, --set site.base_url=…), which needs none.\n"))
	}
	if len(v.Blockers) > 0 {
		b.WriteString(i18n.T("What no approval can make right:\n"))
		for _, p := range v.Blockers {
			fmt.Fprintf(&b, "  %s: %s\n", p.File, p.Detail)
		}
	}
	if len(v.Invalid) > 0 {
		b.WriteString(i18n.T("Approvals that do not count:\n"))
		for _, p := range v.Invalid {
			fmt.Fprintf(&b, "  %s: %s\n", p.File, p.Detail)
		}
	}
	if v.OK {
		i18n.Fprintf(&b, "verify: OK, all %d committees approved the current content\n", len(v.Committees))
	} else {
		i18n.Fprintf(&b, "verify: FAILED, %d of %d committees approved the current content\n", ok, len(v.Committees))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteMarkdown writes a verdict for a GitHub job summary.
func (v *Verdict) WriteMarkdown(w io.Writer, against string) error {
	var b strings.Builder
	result := i18n.T("❌ not approved")
	if v.OK {
		result = i18n.T("✅ approved")
	}
	i18n.Fprintf(&b, "### Verification of approvals — revision %s (%s): %s\n\n", markdown.Escape(v.Revision), markdown.Escape(v.Kind), result)
	i18n.Fprintf(&b, "Content: %s.", against)
	if v.PreviousRules != "" {
		i18n.Fprintf(&b, " Also judged under the rules of %s.", v.PreviousRules)
	}
	b.WriteString(i18n.T("\n\n| committee | quorum | result | approved by | documents not approved |\n|---|---|---|---|---|\n"))
	for _, c := range v.Committees {
		res := "NG"
		if c.OK {
			res = "OK"
		}
		var notes []string
		for _, d := range c.Documents {
			if d.State != "approved" {
				notes = append(notes, d.Path+" "+stateWord(d.State))
			}
		}
		if c.Detail != "" && len(notes) == 0 {
			notes = append(notes, c.Detail)
		}
		fmt.Fprintf(&b, "| %s %s | %d | %s | %s | %s |\n", markdown.Escape(c.Name), markdown.Escape(c.ID), c.Quorum, res, markdown.Escape(strings.Join(c.Approved, i18n.T(", "))), markdown.Escape(strings.Join(notes, i18n.T("; "))))
	}
	if len(v.Blockers) > 0 {
		b.WriteString("\n" + i18n.T("What no approval can make right:\n") + "\n")
		for _, p := range v.Blockers {
			fmt.Fprintf(&b, "- %s: %s\n", markdown.Escape(p.File), markdown.Escape(p.Detail))
		}
	}
	if len(v.Invalid) > 0 {
		b.WriteString("\n" + i18n.T("Approvals that do not count:\n") + "\n")
		for _, p := range v.Invalid {
			fmt.Fprintf(&b, "- %s: %s\n", markdown.Escape(p.File), markdown.Escape(p.Detail))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteJSON writes a verdict as JSON.
func (v *Verdict) WriteJSON(w io.Writer) error {
	type doc struct {
		ID    string   `json:"id"`
		Path  string   `json:"path"`
		State string   `json:"state"`
		By    []string `json:"approved_by"`
		Stale []string `json:"stale_by"`
		Why   Reason   `json:"stale_because,omitempty"`
	}
	type committee struct {
		ID       string   `json:"id"`
		Name     string   `json:"name"`
		Quorum   int      `json:"quorum"`
		OK       bool     `json:"ok"`
		Approved []string `json:"approved_by"`
		Reason   Reason   `json:"reason,omitempty"`
		Detail   string   `json:"detail,omitempty"`
		Docs     []doc    `json:"documents"`
		Removed  []DocRef `json:"removed"`
	}
	type invalid struct {
		File   string `json:"file"`
		Reason Reason `json:"reason"`
		Detail string `json:"detail"`
	}
	out := struct {
		Revision      string      `json:"revision"`
		Kind          string      `json:"kind"`
		OK            bool        `json:"ok"`
		PreviousRules string      `json:"previous_rules,omitempty"`
		Committees    []committee `json:"committees"`
		Blockers      []invalid   `json:"blockers"`
		Invalid       []invalid   `json:"invalid"`
	}{Revision: v.Revision, Kind: v.Kind, OK: v.OK, PreviousRules: v.PreviousRules, Committees: []committee{}, Blockers: []invalid{}, Invalid: []invalid{}}
	for _, c := range v.Committees {
		cc := committee{ID: c.ID, Name: c.Name, Quorum: c.Quorum, OK: c.OK, Approved: nonNil(c.Approved), Reason: c.Reason, Detail: c.Detail, Docs: []doc{}, Removed: append([]DocRef{}, c.Removed...)}
		for _, d := range c.Documents {
			cc.Docs = append(cc.Docs, doc{d.ID, d.Path, d.State, nonNil(d.By), nonNil(d.Stale), d.Why})
		}
		out.Committees = append(out.Committees, cc)
	}
	for _, p := range v.Blockers {
		out.Blockers = append(out.Blockers, invalid{p.File, p.Reason, p.Detail})
	}
	for _, p := range v.Invalid {
		out.Invalid = append(out.Invalid, invalid{p.File, p.Reason, p.Detail})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// Status marks: full-width characters that are words in themselves (済
// approved, 未 missing, 変 changed since approved), never colour alone,
// and of one display width in every terminal.
const (
	markApproved = "済"
	markMissing  = "未"
	markStale    = "変"
	markNone     = "－"
)

// WriteMatrix writes documents × committees for a terminal, with Japanese
// titles aligned by display width.
func (v *Verdict) WriteMatrix(w io.Writer, r *policy.Repo) error {
	var b strings.Builder
	i18n.Fprintf(&b, "Revision %s (%s): %s approved, %s missing, %s stale (changed since approved), %s not an approver\n\n",
		v.Revision, v.Kind, markApproved, markMissing, markStale, markNone)
	state := map[string]map[string]string{} // doc -> committee -> mark
	for _, c := range v.Committees {
		for _, d := range c.Documents {
			if state[d.ID] == nil {
				state[d.ID] = map[string]string{}
			}
			switch d.State {
			case "approved":
				state[d.ID][c.ID] = markApproved
			case "stale":
				state[d.ID][c.ID] = markStale
			default:
				state[d.ID][c.ID] = markMissing
			}
		}
	}
	// Committees are columns ①, ②, …, named in a legend: their names are
	// too long to stand side by side.
	for i, c := range v.Committees {
		name := c.Name
		if name == "" {
			name = c.ID
		}
		i18n.Fprintf(&b, "%s %s (%s)\n", column(i), name, c.ID)
	}
	b.WriteString("\n")
	docHeader := i18n.T("document")
	titleW := runewidth.StringWidth(docHeader)
	for _, d := range r.Docs {
		titleW = max(titleW, runewidth.StringWidth(truncate(d.Meta.Title, 40)))
	}
	b.WriteString(runewidth.FillRight(docHeader, titleW))
	for i := range v.Committees {
		b.WriteString("  " + runewidth.FillRight(column(i), 2))
	}
	b.WriteString("\n")
	for _, d := range r.Docs {
		b.WriteString(runewidth.FillRight(truncate(d.Meta.Title, 40), titleW))
		for _, c := range v.Committees {
			m := state[d.Meta.ID][c.ID]
			if m == "" {
				m = markNone
			}
			b.WriteString("  " + runewidth.FillRight(m, 2))
		}
		b.WriteString("\n")
	}
	b.WriteString("\n")
	for _, c := range v.Committees {
		res := "NG"
		if c.OK {
			res = "OK"
		}
		i18n.Fprintf(&b, "%s %s %s (quorum %d)", res, c.ID, c.Name, c.Quorum)
		if len(c.Approved) > 0 {
			i18n.Fprintf(&b, ": approved by %s", strings.Join(c.Approved, i18n.T(", ")))
		}
		if c.Detail != "" {
			b.WriteString(i18n.T(": ") + c.Detail)
		}
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// stateWord names a document's approval state in the reader's language;
// the JSON keeps the English word.
func stateWord(state string) string {
	switch state {
	case "stale":
		return i18n.T("stale")
	case "missing":
		return i18n.T("missing")
	case "approved":
		return i18n.T("approved")
	}
	return state
}

// staleWhat says in words what changed since an approval.
func staleWhat(why Reason) string {
	switch why {
	case ReasonConfigChanged:
		return i18n.T("policyctl.yaml changed")
	case ReasonFileChanged:
		return i18n.T("a file it links to changed")
	}
	return i18n.T("changed")
}

// column names a committee's column: ①, ②, …, then (21), (22), ….
func column(i int) string {
	if i < 20 {
		return string(rune('①' + i))
	}
	return fmt.Sprintf("(%d)", i+1)
}

func truncate(s string, width int) string {
	if runewidth.StringWidth(s) <= width {
		return s
	}
	return runewidth.Truncate(s, width, "…")
}
