package site

import (
	"strings"

	"github.com/policyctl/policyctl/approvals"
	"github.com/policyctl/policyctl/internal/policy"
)

// ApprovalTable is the 承認状況 of one revision, as `policyctl status`
// prints it: which committee approved which document. The command fills
// it from the approvals verdict; the site only lays it out, and only in an
// edition that sees every level.
type ApprovalTable struct {
	// Revision is the revision id (YYYY-MM-DD); Kind is 改訂, 一部改正 ….
	Revision, Kind string
	// Committees are the committees' names, the table's columns.
	Committees []string
	// Documents are the documents' titles, the table's rows.
	Documents []string
	// States[d][c] is the state of document d for committee c. Its length
	// may fall short: a missing state is Unrequired.
	States [][]ApprovalState
	// Note is what the secretariat should know, in a sentence (what is
	// missing, what to do next); optional.
	Note string
}

// scheduled marks the approved cells of a revision that takes effect later.
func (t *ApprovalTable) scheduled() {
	for _, row := range t.States {
		for j, st := range row {
			if st == Approved {
				row[j] = Scheduled
			}
		}
	}
}

// ApprovalState is one cell of the 承認状況, in the marks `policyctl
// status` prints.
type ApprovalState string

const (
	Approved   ApprovalState = "済"  // approved the current text
	Missing    ApprovalState = "未"  // not approved yet
	Stale      ApprovalState = "変"  // approved, but the text changed since
	Scheduled  ApprovalState = "予定" // approved; the revision takes effect later
	Unrequired ApprovalState = ""   // the committee does not approve this document
)

// describe is a state in words, for the cell's accessible name and the
// legend: a mark alone is not enough for everyone.
func (s ApprovalState) describe() string {
	switch s {
	case Approved:
		return "承認済み"
	case Missing:
		return "未承認"
	case Stale:
		return "承認後に変更あり・再承認が必要"
	case Scheduled:
		return "承認済み（施行予定）"
	}
	return "承認の対象外"
}

func (s ApprovalState) mark() string {
	if s == Unrequired {
		return "－"
	}
	return string(s)
}

// approvalView is one revision's table as the template reads it.
type approvalView struct {
	ID                   string
	Date                 jdate
	Kind                 string
	Committees           []string
	Rows                 []approvalRow
	Note                 string
	Approved, Incomplete int
}

type approvalRow struct {
	Title string
	Cells []approvalCell
}

type approvalCell struct {
	Mark, Words, Class string
}

func approvalViews(tables []ApprovalTable) []approvalView {
	var out []approvalView
	// Newest first: the secretariat looks at the revision in progress.
	for i := len(tables) - 1; i >= 0; i-- {
		t := tables[i]
		v := approvalView{ID: t.Revision, Date: dateOf(t.Revision), Kind: t.Kind, Committees: t.Committees, Note: t.Note}
		for d, title := range t.Documents {
			r := approvalRow{Title: title}
			for c := range t.Committees {
				var s ApprovalState
				if d < len(t.States) && c < len(t.States[d]) {
					s = t.States[d][c]
				}
				class := map[ApprovalState]string{Approved: "ok", Missing: "missing", Stale: "stale", Scheduled: "scheduled"}[s]
				if class == "" {
					class = "none"
				}
				switch s {
				case Approved, Scheduled:
					v.Approved++
				case Missing, Stale:
					v.Incomplete++
				}
				r.Cells = append(r.Cells, approvalCell{Mark: s.mark(), Words: s.describe(), Class: class})
			}
			v.Rows = append(v.Rows, r)
		}
		out = append(out, v)
	}
	return out
}

func writeApprovals(w *files, info siteInfo, tables []ApprovalTable) error {
	return w.page("approvals.html", "approvals.html", pageData{Site: info, NoIndex: true, Title: "承認状況", Approvals: approvalViews(tables)})
}

// The notes over a table of the 承認状況.
const (
	staleNote   = "承認が揃っていない委員会等: "
	currentNote = "現在の内容に対する状況です。"
)

// ApprovalTableOf lays a verdict out as `policyctl status` prints it: the
// documents of m (rows, in reading order) × the verdict's committees. A
// document the verdict names but m lacks is a row under its id.
func ApprovalTableOf(v *approvals.Verdict, m *policy.Repo) ApprovalTable {
	t := ApprovalTable{Revision: v.Revision, Kind: v.Kind}
	state := map[string]map[string]ApprovalState{} // document id -> committee id
	var ids []string
	seen := map[string]bool{}
	for _, d := range order(m.Docs) {
		ids = append(ids, d.Meta.ID)
		seen[d.Meta.ID] = true
	}
	var missing []string
	for _, c := range v.Committees {
		t.Committees = append(t.Committees, c.Name)
		if !c.OK {
			missing = append(missing, c.Name)
		}
		for _, d := range c.Documents {
			if state[d.ID] == nil {
				state[d.ID] = map[string]ApprovalState{}
			}
			state[d.ID][c.ID] = map[string]ApprovalState{"approved": Approved, "stale": Stale, "scheduled": Scheduled}[d.State]
			if state[d.ID][c.ID] == Unrequired {
				state[d.ID][c.ID] = Missing
			}
			if !seen[d.ID] {
				ids = append(ids, d.ID)
				seen[d.ID] = true
			}
		}
	}
	for _, id := range ids {
		title := id
		if d := m.Doc(id); d != nil {
			title = d.Meta.Title
		}
		t.Documents = append(t.Documents, title)
		row := make([]ApprovalState, len(v.Committees))
		for i, c := range v.Committees {
			row[i] = state[id][c.ID]
		}
		t.States = append(t.States, row)
	}
	if len(missing) > 0 {
		t.Note = staleNote + strings.Join(missing, "、") + "。"
	}
	return t
}
