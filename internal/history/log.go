package history

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/mattn/go-runewidth"

	"github.com/policyctl/policyctl/internal/i18n"
	"github.com/policyctl/policyctl/internal/markdown"
	"github.com/policyctl/policyctl/internal/policy"
	"github.com/policyctl/policyctl/internal/wareki"
)

// Entry is one line of the 改訂履歴.
type Entry struct {
	// Revision is the revision id (YYYY-MM-DD), or a legacy revision's
	// date as configured (YYYY-MM or YYYY-MM-DD).
	Revision string `json:"revision"`
	// Date is the ISO date, Wareki the same date in 和暦.
	Date       string `json:"date"`
	Wareki     string `json:"wareki"`
	Kind       string `json:"kind"`
	FiscalYear string `json:"fiscal_year"`
	// Edition names the edition the revision made: 令和7年度改訂版.
	Edition string `json:"edition"`
	Legacy  bool   `json:"legacy"`
	// Scheduled is set for an approved revision whose date has not come:
	// 施行予定.
	Scheduled bool `json:"scheduled"`
	// Commit is the commit of the revision's content (empty for legacy).
	Commit    string   `json:"commit,omitempty"`
	Documents []Change `json:"documents"`
	// Replaced is set when the revision's approvals changed after it was
	// approved: nothing is published while it stands (verify says how to
	// put them back).
	Replaced bool `json:"replaced,omitempty"`
}

// EditionName names the edition a revision makes, by fiscal year:
// 令和7年度改訂版, or 平成16年度版 for the first (策定).
func EditionName(fy wareki.FiscalYear, kind string) string {
	switch kind {
	case "策定":
		return fy.String() + "版"
	case "廃止":
		return fy.String() + "廃止"
	}
	return fy.String() + "改訂版"
}

// Log builds the 改訂履歴: the legacy revisions of the configuration and the
// recorded revisions approved, oldest first; those whose date has not come
// are marked Scheduled (施行予定). Drafts are left out.
func Log(cfg *policy.Config, recs []*Recorded) ([]Entry, error) {
	var out []Entry
	for _, l := range cfg.History.Legacy {
		e, err := entry(l.Date, l.Date, l.Kind)
		if err != nil {
			return nil, i18n.Errorf("history: policyctl.yaml history.legacy %s: %w", l.Date, err)
		}
		e.Legacy, e.Documents = true, []Change{}
		out = append(out, e)
	}
	for _, r := range recs {
		if !r.Approved {
			continue
		}
		e, err := entry(r.ID, r.ID, r.Kind)
		if err != nil {
			return nil, i18n.Errorf("history: revision %s: %w", r.ID, err)
		}
		e.Scheduled, e.Replaced = r.Scheduled, r.Replaced
		e.Commit = ShortHash(r.Commit)
		e.Documents = append([]Change{}, r.Changes...)
		out = append(out, e)
	}
	slices.SortStableFunc(out, func(a, b Entry) int { return strings.Compare(a.Date, b.Date) })
	return out, nil
}

func entry(rev, date, kind string) (Entry, error) {
	y, m, d, err := wareki.ParseISO(date)
	if err != nil {
		return Entry{}, err
	}
	w, err := wareki.Of(y, m, d)
	if err != nil {
		return Entry{}, err
	}
	fd := d
	if fd == 0 {
		fd = 1
	}
	fy, err := wareki.FiscalYearOf(y, m, fd)
	if err != nil {
		return Entry{}, err
	}
	return Entry{Revision: rev, Date: date, Wareki: w.String(), Kind: kind, FiscalYear: fy.String(), Edition: EditionName(fy, kind)}, nil
}

// ForDocument keeps the entries that changed a document: the revisions
// whose changes name it, the first revision in the repository when the
// document was part of it, and the legacy revisions only for a document
// that existed before the repository (it was in that first revision).
func ForDocument(entries []Entry, s *Summary, id string) []Entry {
	var first *Recorded
	for _, r := range s.Revisions {
		if r.Approved {
			first = r
			break
		}
	}
	var firstDoc *Change
	for i, d := range s.First {
		if d.ID == id {
			firstDoc = &s.First[i]
		}
	}
	var out []Entry
	for _, e := range entries {
		switch {
		case e.Legacy:
			if first == nil || firstDoc != nil {
				out = append(out, e)
			}
		case first != nil && e.Revision == first.ID:
			if firstDoc != nil {
				e.Documents = []Change{*firstDoc}
				out = append(out, e)
			}
		default:
			for _, c := range e.Documents {
				if c.ID == id {
					e.Documents = []Change{c}
					out = append(out, e)
					break
				}
			}
		}
	}
	return out
}

// Current is the edition name of the newest entry in force — an approved
// revision still to come (施行予定) is not the current edition yet — or "".
func Current(entries []Entry) string {
	for i := len(entries) - 1; i >= 0; i-- {
		if !entries[i].Scheduled {
			return entries[i].Edition
		}
	}
	return ""
}

// monthly writes a date the way 改訂履歴 tables do: 平成15年9月.
func monthly(e Entry) string {
	d, err := wareki.Parse(e.Wareki)
	if err != nil {
		return e.Wareki
	}
	return d.MonthOnly().String()
}

// WriteText writes the 改訂履歴 aligned for a terminal, East Asian width
// respected.
func WriteText(w io.Writer, title string, entries []Entry) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s 改訂履歴", title)
	if c := Current(entries); c != "" {
		fmt.Fprintf(&b, "（%s）", c)
	}
	b.WriteString("\n\n")
	dateW, kindW, edW := 0, 0, 0
	for _, e := range entries {
		dateW = max(dateW, runewidth.StringWidth(monthly(e)))
		kindW = max(kindW, runewidth.StringWidth(e.Kind))
		if !e.Legacy {
			edW = max(edW, runewidth.StringWidth(e.Edition))
		}
	}
	for _, e := range entries {
		b.WriteString(runewidth.FillRight(monthly(e), dateW) + "  " + runewidth.FillRight(e.Kind, kindW))
		switch {
		case e.Legacy:
			b.WriteString(i18n.T("  (before the repository)"))
		default:
			fmt.Fprintf(&b, "  %s  %s  %s", e.Revision, runewidth.FillRight(e.Edition, edW), e.Commit)
			if e.Scheduled {
				b.WriteString(i18n.T("  (施行予定: takes effect on its date)"))
			}
			if e.Replaced {
				b.WriteString(i18n.T("  (its approvals changed after it was approved: nothing is published; see policyctl verify)"))
			}
			if len(e.Documents) > 0 {
				b.WriteString("  " + describeChanges(e.Documents))
			} else {
				b.WriteString(i18n.T("  (the first revision in the repository)"))
			}
		}
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func describeChanges(cs []Change) string {
	var parts []string
	for _, c := range cs {
		parts = append(parts, changeText(c))
	}
	return strings.Join(parts, i18n.T(", "))
}

// Word says in the reader's language what happened to the document:
// 改正, 新設 or 廃止.
func (c Change) Word() string {
	switch c.What {
	case "added":
		return i18n.T("added")
	case "removed":
		return i18n.T("abolished")
	}
	return i18n.T("amended")
}

// changeText names a changed document by its title and what happened to
// it: 情報セキュリティ基本方針（改正）.
func changeText(c Change) string {
	switch c.What {
	case "added":
		return i18n.Sprintf("%s (added)", c.Title)
	case "removed":
		return i18n.Sprintf("%s (abolished)", c.Title)
	}
	return i18n.Sprintf("%s (amended)", c.Title)
}

// WriteMarkdown writes the 改訂履歴 as a Markdown table.
func WriteMarkdown(w io.Writer, title string, entries []Entry) error {
	var b strings.Builder
	fmt.Fprintf(&b, "## %s 改訂履歴", markdown.Escape(title))
	if c := Current(entries); c != "" {
		fmt.Fprintf(&b, "（%s）", markdown.Escape(c))
	}
	b.WriteString(i18n.T("\n\n| date | kind | edition | documents changed |\n|---|---|---|---|\n"))
	for _, e := range entries {
		docs := ""
		if e.Legacy {
			docs = "—"
		} else {
			var ts []string
			for _, c := range e.Documents {
				ts = append(ts, changeText(c))
			}
			docs = strings.Join(ts, "、")
			if e.Replaced {
				docs += i18n.T("  (its approvals changed after it was approved: nothing is published; see policyctl verify)")
			}
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", markdown.Escape(monthly(e)), markdown.Escape(e.Kind), markdown.Escape(e.Edition), markdown.Escape(docs))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteJSON writes the entries as the array SPEC §5 describes.
func WriteJSON(w io.Writer, entries []Entry) error {
	if entries == nil {
		entries = []Entry{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(entries)
}
