package diff

import "strings"

// A Row is one line of the 新旧対照表 as every format lays it out: the new
// and old side (in the configured order by the caller), or a run of
// unchanged provisions elided as （略）.
type Row struct {
	// Elided is set for a run of unchanged sections: Text says which.
	Elided bool
	Text   string
	// Section is the row's section when not elided.
	Section *Section
}

// Rows lays out a document: changed sections one per row, unchanged runs
// folded into one （略） row named by their numbers — 「第２条　（略）」,
// 「２及び３　（略）」, 「２から５まで　（略）」.
func (d *Document) Rows() []Row {
	var out []Row
	var run []*Section
	flush := func() {
		if len(run) == 0 {
			return
		}
		out = append(out, Row{Elided: true, Text: elision(run)})
		run = nil
	}
	for _, s := range d.Sections {
		if s.Status == Unchanged {
			run = append(run, s)
			continue
		}
		flush()
		out = append(out, Row{Section: s})
	}
	flush()
	return out
}

func elision(run []*Section) string {
	name := func(s *Section) string {
		return strings.TrimSuffix(s.NewLabel, ".")
	}
	// A run is named by its numbers only when they are of one kind
	// (第2条から第5条まで); a run across kinds is just （略）.
	for _, s := range run {
		if s.NewLabel == "" || s.style != run[0].style {
			return "（略）"
		}
	}
	first, last := name(run[0]), name(run[len(run)-1])
	switch {
	case len(run) == 1:
		return first + "　（略）"
	case len(run) == 2:
		return first + "及び" + last + "　（略）"
	}
	return first + "から" + last + "まで　（略）"
}

// Side is one column's text in pieces: marked pieces changed.
type Piece struct {
	Text   string
	Marked bool
}

// NewSide returns the new text in pieces, inserted text marked.
func (s *Section) NewSide() []Piece { return side(s.Ops, "insert") }

// OldSide returns the old text in pieces, deleted text marked.
func (s *Section) OldSide() []Piece { return side(s.Ops, "delete") }

func side(ops []Op, changed string) []Piece {
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

// Placeholder is what stands on the side where a section is absent.
func (s *Section) Placeholder(newSide bool) string {
	switch {
	case s.Status == Added && !newSide:
		return "（新設）"
	case s.Status == Deleted && newSide:
		return "（削る）"
	}
	return ""
}
