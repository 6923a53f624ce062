package diff

import (
	"fmt"
	"strings"
)

// FormatOptions are what every format of the 新旧対照表 shares.
type FormatOptions struct {
	// OldFirst puts 改正前 on the left (diff.order: old-new); the default
	// is 改正後 on the left, as the national government prints it.
	OldFirst bool
	// Notes adds a 備考 column saying per row 追加, 変更, 削除, 新設 or
	// 移動. A document with a moved or coarse row has the column anyway:
	// a move is a mark outside the wording, never text in it.
	Notes bool
	// Lang is the language of the labels: ja (default) or en.
	Lang string
	// Kind names the new revision in the title: 一部改正, 改訂 …; 改正
	// when empty.
	Kind string
	// Restricted marks the table 【庁内限り】 before its title: it holds
	// text that is not public, and a printout must say so.
	Restricted bool
}

// HTMLOptions adjust the printable page.
type HTMLOptions = FormatOptions

// Table is the 新旧対照表 laid out once for every format: a title, the
// column headings in their order, and per document its rows.
type Table struct {
	Title    string // みどり野市情報セキュリティポリシー新旧対照表
	Revision string // 令和8年3月31日改訂
	Against  string // （改正前：令和6年4月1日施行の版）
	Legend   string // （傍線部分は改正部分）
	Headings []string
	Docs     []TableDoc
	Broken   []string
	Labels   *Labels
	OldFirst bool
}

// TableDoc is one changed document of a Table.
type TableDoc struct {
	Title string // the document's title, with （新設） or （廃止）
	Notes bool   // whether this document's rows carry the 備考 column
	Rows  []TableRow
}

// TableRow is one row: the left and right cells in display order, and the
// 備考.
type TableRow struct {
	Left, Right []Piece
	Note        string
	// Section is the row's section; nil for a run of unchanged ones.
	Section *Section
}

// A Piece is a run of a cell's text, marked (傍線) where it changed. A
// "\n" in Text breaks the line; a line holding "\t" is a table row whose
// cells the tabs separate.
type Piece struct {
	Text   string
	Marked bool
}

// Layout lays the 新旧対照表 out for the formats: provisions in document
// order, runs of unchanged ones folded into one （略） row, a provision
// that was only renumbered as 「第4条　（略）」 with its number marked.
func (r *Result) Layout(o FormatOptions) *Table {
	l := LabelsFor(o.Lang)
	t := &Table{
		Title:    fmt.Sprintf(l.Title, r.Title),
		Revision: revisionName(r.New, o.Kind, l),
		Legend:   l.Legend,
		Labels:   l,
		OldFirst: o.OldFirst,
	}
	if r.Old != "" {
		t.Against = against(r.Old, l)
	}
	if o.Restricted {
		t.Title = l.Restricted + t.Title
	}
	t.Headings = []string{l.New, l.Old}
	if o.OldFirst {
		t.Headings = []string{l.Old, l.New}
	}
	for _, d := range r.Documents {
		if d.Status == Unchanged {
			continue
		}
		td := TableDoc{Title: d.Title, Notes: o.Notes}
		switch d.Status {
		case Added:
			td.Title += l.DocAdded
		case Deleted:
			td.Title += l.DocDeleted
		}
		for _, row := range d.Rows() {
			var tr TableRow
			if row.Elided {
				tr.Left = []Piece{{Text: row.Text(l)}}
				tr.Right = tr.Left
			} else {
				s := row.Section
				tr.Section = s
				tr.Left, tr.Right = s.side(true, l), s.side(false, l)
				tr.Note = s.note(l)
				if s.Status == Moved || s.Coarse {
					td.Notes = true
				}
			}
			if o.OldFirst {
				tr.Left, tr.Right = tr.Right, tr.Left
			}
			td.Rows = append(td.Rows, tr)
		}
		t.Docs = append(t.Docs, td)
	}
	for _, b := range r.Broken {
		t.Broken = append(t.Broken, b.Describe(l))
	}
	return t
}

// Columns returns the column headings of a document's table.
func (t *Table) Columns(d TableDoc) []string {
	if d.Notes {
		return append(append([]string(nil), t.Headings...), t.Labels.Notes)
	}
	return t.Headings
}

// A Row is one line of the 新旧対照表 before it is laid out: a changed
// section, or a run of unchanged ones elided as （略）.
type Row struct {
	// Run holds the unchanged sections of an elided row.
	Run []*Section
	// Section is the row's section when not elided.
	Section *Section
	Elided  bool
}

// Rows lays out a document: changed sections one per row, unchanged runs
// folded into one （略） row named by their numbers — 「第２条　（略）」,
// 「２及び３　（略）」, 「２から５まで　（略）」. A changed 項 or 号 is shown
// under the provisions it belongs to, each as a row of its own —
// 「第21条　（略）」 above 「２　パスワードの…」 — so the reader knows whose 項
// it is, as a 新旧対照表 prints it.
func (d *Document) Rows() []Row {
	var out []Row
	var run []*Section
	flush := func(next *Section) {
		if len(run) == 0 {
			return
		}
		var group []*Section
		for _, x := range run {
			if next != nil && x.NewLabel != "" && encloses(x, next) {
				if len(group) > 0 {
					out = append(out, Row{Elided: true, Run: group})
					group = nil
				}
				out = append(out, Row{Elided: true, Run: []*Section{x}})
				continue
			}
			group = append(group, x)
		}
		if len(group) > 0 {
			out = append(out, Row{Elided: true, Run: group})
		}
		run = nil
	}
	for _, s := range d.Sections {
		if s.Status == Unchanged {
			run = append(run, s)
			continue
		}
		flush(s)
		out = append(out, Row{Section: s})
	}
	flush(nil)
	return out
}

// encloses reports whether the unchanged provision x is one that s stands
// in: its article, its 項, its chapter.
func encloses(x, s *Section) bool {
	in, outer := s.NewSec, x.NewSec
	if in == nil {
		in, outer = s.OldSec, x.OldSec
	}
	if in == nil || outer == nil {
		return false
	}
	for p := in.Parent; p != nil; p = p.Parent {
		if p == outer {
			return true
		}
	}
	return false
}

// Text names an elided run: 「第2条　（略）」, 「第2条から第5条まで　（略）」.
// A run across kinds — the last 項 of one article and the next article —
// is named kind by kind, a line each (「３　（略）」 and 「第３条　（略）」),
// a provision inside one named before it going with it; a run with an
// unnumbered member is just （略）.
func (row Row) Text(l *Labels) string {
	var run []*Section
	for _, s := range row.Run {
		if s.NewLabel == "" {
			return l.Omitted
		}
		if !coveredBy(s, run) {
			run = append(run, s)
		}
	}
	var lines []string
	for i := 0; i < len(run); {
		j := i + 1
		for j < len(run) && run[j].style == run[i].style {
			j++
		}
		lines = append(lines, runName(run[i:j], l))
		i = j
	}
	return strings.Join(lines, "\n")
}

// runName names provisions of one kind: 第2条, 第2条及び第3条, 第2条から第5条まで.
func runName(run []*Section, l *Labels) string {
	first, last := number(run[0].NewLabel), number(run[len(run)-1].NewLabel)
	if len(run) == 1 {
		return first + l.OmittedSep + l.Omitted
	}
	// A member that is a run of its own (第6条から第8条まで　削除) lends
	// the run its end: 第1条から第8条まで, never 第1条から第6条から第8条まで
	// まで.
	if a, _, ok := rangeEnds(first, l); ok {
		first = a
	}
	if _, b, ok := rangeEnds(last, l); ok {
		last = b
	}
	if len(run) == 2 && !strings.Contains(run[0].NewLabel+run[1].NewLabel, l.From) {
		return first + l.And + last + l.OmittedSep + l.Omitted
	}
	return first + l.From + last + l.To + l.OmittedSep + l.Omitted
}

// rangeEnds splits a label written as a range, 第6条から第8条まで.
func rangeEnds(label string, l *Labels) (string, string, bool) {
	a, rest, ok := strings.Cut(label, l.From)
	if !ok || l.To == "" || !strings.HasSuffix(rest, l.To) {
		return "", "", false
	}
	return a, strings.TrimSuffix(rest, l.To), true
}

// coveredBy reports whether s stands inside one of the provisions named.
func coveredBy(s *Section, named []*Section) bool {
	if s.NewSec == nil {
		return false
	}
	for p := s.NewSec.Parent; p != nil; p = p.Parent {
		for _, n := range named {
			if n.NewSec == p {
				return true
			}
		}
	}
	return false
}

// number is a label as a 新旧対照表 names it: 「4.」 is 「4」.
func number(label string) string { return strings.TrimSuffix(label, ".") }

// RenumberedOnly reports whether a section changed only its number: its
// text with the number taken out is the same on both sides.
func (s *Section) RenumberedOnly() bool {
	if !s.Renumbered || s.Status == Added || s.Status == Deleted {
		return false
	}
	return strings.Replace(s.OldText, s.OldLabel, "", 1) == strings.Replace(s.NewText, s.NewLabel, "", 1)
}

// NewSide returns the new text in pieces, inserted text marked.
func (s *Section) NewSide() []Piece { return pieces(s.Ops, "insert") }

// OldSide returns the old text in pieces, deleted text marked.
func (s *Section) OldSide() []Piece { return pieces(s.Ops, "delete") }

// side is one cell of a changed section: its pieces, （新設） or （削る）
// where it is absent, 「第4条　（略）」 where only the number changed.
func (s *Section) side(newSide bool, l *Labels) []Piece {
	switch {
	case s.Status == Added && !newSide:
		return []Piece{{Text: l.Created}}
	case s.Status == Deleted && newSide:
		return []Piece{{Text: l.Removed}}
	case s.Status == Added:
		return []Piece{{Text: s.NewText, Marked: true}}
	case s.Status == Deleted:
		return []Piece{{Text: s.OldText, Marked: true}}
	case s.RenumberedOnly():
		label := s.OldLabel
		if newSide {
			label = s.NewLabel
		}
		return []Piece{{Text: number(label), Marked: true}, {Text: l.OmittedSep + l.Omitted}}
	case newSide:
		return s.NewSide()
	}
	return s.OldSide()
}

// note is a row's 備考: what happened to the provision.
func (s *Section) note(l *Labels) string {
	switch {
	case s.Status == Added:
		return l.NoteNew
	case s.Status == Deleted:
		return l.NoteDeleted
	case s.Status == Moved:
		return l.NoteMoved
	case s.Coarse:
		return l.NoteCoarse
	}
	ins, del := false, false
	for _, o := range s.Ops {
		ins = ins || o.Op == "insert"
		del = del || o.Op == "delete"
	}
	switch {
	case ins && del:
		return l.NoteChanged
	case ins:
		return l.NoteAdded
	case del:
		return l.NoteDeleted
	}
	return ""
}

func pieces(ops []Op, changed string) []Piece {
	var out []Piece
	for _, o := range ops {
		switch o.Op {
		case "equal":
			out = append(out, Piece{Text: o.Text})
		case changed:
			out = append(out, Piece{Text: o.Text, Marked: true})
		}
	}
	return out
}

// Lines splits a cell into lines of pieces at each "\n".
func Lines(ps []Piece) [][]Piece {
	out := [][]Piece{nil}
	for _, p := range ps {
		parts := strings.Split(p.Text, "\n")
		for i, part := range parts {
			if i > 0 {
				out = append(out, nil)
			}
			if part != "" {
				out[len(out)-1] = append(out[len(out)-1], Piece{Text: part, Marked: p.Marked})
			}
		}
	}
	return out
}

// Cells splits a line that is a table row into its cells' pieces; ok is
// false for a line that is not one.
func Cells(line []Piece) (cells [][]Piece, ok bool) {
	for _, p := range line {
		if strings.Contains(p.Text, tableCell) {
			ok = true
		}
	}
	if !ok {
		return nil, false
	}
	cells = [][]Piece{nil}
	for _, p := range line {
		parts := strings.Split(p.Text, tableCell)
		for i, part := range parts {
			if i > 0 {
				cells = append(cells, nil)
			}
			if part != "" {
				cells[len(cells)-1] = append(cells[len(cells)-1], Piece{Text: part, Marked: p.Marked})
			}
		}
	}
	return cells, true
}

// PlainText joins pieces into their text.
func PlainText(ps []Piece) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString(p.Text)
	}
	return b.String()
}
