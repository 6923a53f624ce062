package diff

import (
	"io"
	"strings"

	"github.com/mattn/go-runewidth"
	"github.com/rivo/uniseg"

	"github.com/policyctl/policyctl/internal/termtext"
)

// TextOptions lay out the terminal 新旧対照表.
type TextOptions struct {
	Width int  // columns of the terminal; 100 when 0
	Color bool // underline changes with ANSI; otherwise 【】 brackets
	// OldFirst, Notes, Lang, Kind and Restricted are as in FormatOptions.
	OldFirst   bool
	Notes      bool
	Lang       string
	Kind       string
	Restricted bool
}

// WriteText writes the 新旧対照表 side by side, East Asian width respected.
// Lines break where Japanese typesetting allows (禁則処理, by the Unicode
// line breaking rules: no line begins with 、。）」 or a small kana). Changes
// are underlined when colour is on and bracketed with 【】 when it is off:
// never colour alone.
func (r *Result) WriteText(w io.Writer, o TextOptions) error {
	if o.Width < 40 {
		o.Width = 100
	}
	t := r.Layout(FormatOptions{OldFirst: o.OldFirst, Notes: o.Notes, Lang: o.Lang, Kind: o.Kind, Restricted: o.Restricted})
	var b strings.Builder
	// Text from the repository is shown with its control characters as
	// pictures (termtext): an escape sequence in a title or a sentence of
	// a change under review must not act on the reviewer's terminal.
	b.WriteString(termtext.String(t.Title) + "\n" + termtext.String(t.Revision))
	if t.Against != "" {
		b.WriteString(termtext.String(t.Against))
	}
	b.WriteString("\n")
	if o.Color {
		b.WriteString(t.Legend + "\n")
	} else {
		b.WriteString(t.Labels.LegendBrackets + "\n")
	}
	for _, d := range t.Docs {
		cols := t.Columns(d)
		// Two text columns share the width; a 備考 column takes 10.
		notesW := 0
		if d.Notes {
			notesW = 10
		}
		col := (o.Width - 3 - notesW - 3*min(notesW, 1)) / 2
		widths := []int{col, col}
		if d.Notes {
			widths = append(widths, notesW)
		}
		rule := func(l, m, r string) string {
			var parts []string
			for _, w := range widths {
				parts = append(parts, strings.Repeat("─", w))
			}
			return l + strings.Join(parts, "─"+m+"─") + r + "\n"
		}
		b.WriteString("\n■ " + termtext.String(d.Title) + "\n")
		b.WriteString(rule("", "┬", ""))
		var head []string
		for i, c := range cols {
			head = append(head, runewidth.FillRight(runewidth.Truncate(c, widths[i], "…"), widths[i]))
		}
		b.WriteString(strings.TrimRight(strings.Join(head, " │ "), " ") + "\n")
		b.WriteString(rule("", "┼", ""))
		for _, row := range d.Rows {
			cells := [][]string{textCell(row.Left, col, o.Color), textCell(row.Right, col, o.Color)}
			if d.Notes {
				cells = append(cells, wrapLine([]Piece{{Text: row.Note}}, notesW, false))
			}
			n := 0
			for _, c := range cells {
				n = max(n, len(c))
			}
			for i := 0; i < n; i++ {
				var line []string
				for k, c := range cells {
					s := ""
					if i < len(c) {
						s = c[i]
					}
					if k < len(cells)-1 {
						s = fillANSI(s, widths[k])
					}
					line = append(line, s)
				}
				b.WriteString(strings.TrimRight(strings.Join(line, " │ "), " ") + "\n")
			}
			b.WriteString(rule("", "┼", ""))
		}
	}
	if len(t.Docs) == 0 {
		b.WriteString("\n" + t.Labels.NoChanges + "\n")
	}
	if len(t.Broken) > 0 {
		b.WriteString("\n" + t.Labels.BrokenHeading + "\n")
		for _, x := range t.Broken {
			for _, l := range wrapLine([]Piece{{Text: x}}, o.Width-4, false) {
				b.WriteString("　" + termtext.String(l) + "\n")
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// textCell lays a cell into lines of at most width columns. A run of
// table rows is drawn as a table: its cells padded to a common width when
// the table fits, separated by a full-width space.
func textCell(ps []Piece, width int, color bool) []string {
	lines := Lines(ps)
	var out []string
	for i := 0; i < len(lines); i++ {
		if _, ok := Cells(lines[i]); !ok {
			out = append(out, wrapLine(lines[i], width, color)...)
			continue
		}
		j := i
		var rows [][][]Piece
		for ; j < len(lines); j++ {
			cells, ok := Cells(lines[j])
			if !ok {
				break
			}
			rows = append(rows, cells)
		}
		out = append(out, textTable(rows, width, color)...)
		i = j - 1
	}
	return out
}

func textTable(rows [][][]Piece, width int, color bool) []string {
	var widths []int
	for _, r := range rows {
		for k, c := range r {
			if k >= len(widths) {
				widths = append(widths, 0)
			}
			widths[k] = max(widths[k], markedWidth(c, color))
		}
	}
	total := 0
	for _, w := range widths {
		total += w + 2
	}
	var out []string
	for _, r := range rows {
		var line []Piece
		for k, c := range r {
			if k > 0 {
				line = append(line, Piece{Text: "　"})
			}
			line = append(line, c...)
			if total <= width && k < len(r)-1 {
				if pad := widths[k] - markedWidth(c, color); pad > 0 {
					line = append(line, Piece{Text: strings.Repeat(" ", pad)})
				}
			}
		}
		out = append(out, wrapLine(line, width, color)...)
	}
	return out
}

func markedWidth(ps []Piece, color bool) int {
	w := 0
	for _, p := range ps {
		w += runewidth.StringWidth(p.Text)
		if p.Marked && !color {
			w += 4 // 【】
		}
	}
	return w
}

const (
	underlineOn  = "\x1b[4m"
	underlineOff = "\x1b[24m"
)

// wrapLine lays one line of pieces into lines of at most width display
// columns, breaking only where the Unicode line breaking algorithm allows
// (uniseg: 、。 and closing brackets never begin a line, small kana and
// 長音 count as non-starters, an opening bracket stays with what follows).
// A unit wider than a line is cut where it must be. Marked pieces are
// underlined, or bracketed with 【】.
func wrapLine(ps []Piece, width int, color bool) []string {
	var rs []rune
	var marks []bool
	for _, p := range ps {
		if p.Marked && !color {
			rs, marks = append(rs, '【'), append(marks, false)
		}
		for _, r := range p.Text {
			// The picture of a control character, as it will be shown,
			// so that the widths below are the widths written.
			rs, marks = append(rs, termtext.Rune(r)), append(marks, p.Marked && color)
		}
		if p.Marked && !color {
			rs, marks = append(rs, '】'), append(marks, false)
		}
	}
	var lines []string
	var cur strings.Builder
	w := 0
	on := false
	flush := func() {
		if on {
			cur.WriteString(underlineOff)
		}
		lines = append(lines, strings.TrimRight(cur.String(), " "))
		cur.Reset()
		w = 0
		if on {
			cur.WriteString(underlineOn)
		}
	}
	put := func(r rune, m bool) {
		if m != on {
			if m {
				cur.WriteString(underlineOn)
			} else {
				cur.WriteString(underlineOff)
			}
			on = m
		}
		cur.WriteRune(r)
		w += runewidth.RuneWidth(r)
	}
	s := string(rs)
	i := 0 // index into rs of the segment's first rune
	state := -1
	for s != "" {
		var seg string
		seg, s, _, state = uniseg.FirstLineSegmentInString(s, state)
		segRunes := []rune(seg)
		sw := runewidth.StringWidth(strings.TrimRight(seg, " "))
		if w > 0 && w+sw > width {
			flush()
		}
		for k, r := range segRunes {
			if rw := runewidth.RuneWidth(r); w+rw > width && w > 0 && r != ' ' {
				flush()
			}
			if w == 0 && r == ' ' && len(lines) > 0 {
				continue // a space the line broke at
			}
			put(r, marks[i+k])
		}
		i += len(segRunes)
	}
	if on {
		cur.WriteString(underlineOff)
		on = false
	}
	if cur.Len() > 0 || len(lines) == 0 {
		lines = append(lines, strings.TrimRight(cur.String(), " "))
	}
	return lines
}

// fillANSI pads a line that may hold ANSI codes to width display columns.
func fillANSI(s string, width int) string {
	visible := strings.NewReplacer(underlineOn, "", underlineOff, "").Replace(s)
	pad := width - runewidth.StringWidth(visible)
	if pad < 0 {
		pad = 0
	}
	return s + strings.Repeat(" ", pad)
}
