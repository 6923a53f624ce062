package diff

import (
	"fmt"
	"io"
	"strings"

	"github.com/mattn/go-runewidth"
)

// TextOptions lay out the terminal 新旧対照表.
type TextOptions struct {
	Width int  // columns of the terminal; 100 when 0
	Color bool // underline changes with ANSI; otherwise 【】 brackets
	// OldFirst puts 改正前 on the left (diff.order: old-new); the default
	// is 改正後 on the left, as the national government prints it.
	OldFirst bool
}

// WriteText writes the 新旧対照表 side by side, East Asian width respected,
// long lines wrapped. Changes are underlined when colour is on and always
// also bracketed when it is off: never colour alone.
func (r *Result) WriteText(w io.Writer, o TextOptions) error {
	if o.Width < 40 {
		o.Width = 100
	}
	col := (o.Width - 3) / 2
	var b strings.Builder
	fmt.Fprintf(&b, "%s 新旧対照表  %s → %s\n", r.Title, r.Old, r.New)
	if o.Color {
		b.WriteString("（傍線部分は改正部分）\n")
	} else {
		b.WriteString("（【】内は改正部分）\n")
	}
	left, right := "改正後 ("+r.New+")", "改正前 ("+r.Old+")"
	if o.OldFirst {
		left, right = right, left
	}
	rule := strings.Repeat("─", col)
	changed := 0
	for _, d := range r.Documents {
		if d.Status == Unchanged {
			continue
		}
		changed++
		fmt.Fprintf(&b, "\n■ %s（%s）— %s\n", d.Title, firstNonEmpty(d.NewPath, d.OldPath), statusJa(d.Status))
		b.WriteString(rule + "─┬─" + rule + "\n")
		b.WriteString(runewidth.FillRight(runewidth.Truncate(left, col, "…"), col) + " │ " + runewidth.Truncate(right, col, "…") + "\n")
		b.WriteString(rule + "─┼─" + rule + "\n")
		for _, row := range d.Rows() {
			var l, rt []string
			if row.Elided {
				l, rt = wrap(row.Text, nil, col, o.Color), wrap(row.Text, nil, col, o.Color)
			} else {
				s := row.Section
				nl := cell(s, true, col, o.Color)
				ol := cell(s, false, col, o.Color)
				if s.Status == Moved {
					nl = append(nl, "（移動）")
				}
				if s.Coarse {
					nl = append(nl, "（差分の計算を打ち切り、全体を示す）")
				}
				l, rt = nl, ol
			}
			if o.OldFirst {
				l, rt = rt, l
			}
			for i := 0; i < max(len(l), len(rt)); i++ {
				var a, c string
				if i < len(l) {
					a = l[i]
				}
				if i < len(rt) {
					c = rt[i]
				}
				b.WriteString(fillANSI(a, col) + " │ " + c + "\n")
			}
			b.WriteString(rule + "─┼─" + rule + "\n")
		}
	}
	if changed == 0 {
		b.WriteString("\n変更はありません (no changes)\n")
	}
	if len(r.Broken) > 0 {
		b.WriteString("\n番号の変更で参照先が変わった箇所 (references changed by a renumbering):\n")
		for _, x := range r.Broken {
			fmt.Fprintf(&b, "  %s: %s\n", x.Pos, x.Message)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func statusJa(s string) string {
	return map[string]string{Added: "新設 (added)", Deleted: "廃止 (deleted)", Modified: "改正 (modified)", Moved: "移動 (moved)", Unchanged: "変更なし"}[s]
}

func cell(s *Section, newSide bool, width int, color bool) []string {
	if p := s.Placeholder(newSide); p != "" {
		return []string{p}
	}
	pieces := s.OldSide()
	if newSide {
		pieces = s.NewSide()
	}
	return wrap("", pieces, width, color)
}

const (
	underlineOn  = "\x1b[4m"
	underlineOff = "\x1b[24m"
)

// wrap lays pieces (or plain text) into lines of at most width display
// columns. Marked pieces are underlined, or bracketed with 【】.
func wrap(plain string, pieces []Piece, width int, color bool) []string {
	if pieces == nil {
		pieces = []Piece{{Text: plain}}
	}
	var lines []string
	var cur strings.Builder
	w := 0
	marked := false
	open := func() {
		if color {
			cur.WriteString(underlineOn)
		}
	}
	closeMark := func() {
		if color {
			cur.WriteString(underlineOff)
		}
	}
	newline := func() {
		if marked {
			closeMark()
		}
		lines = append(lines, cur.String())
		cur.Reset()
		w = 0
		if marked {
			open()
		}
	}
	put := func(r rune) {
		rw := runewidth.RuneWidth(r)
		if w+rw > width {
			newline()
		}
		cur.WriteRune(r)
		w += rw
	}
	for _, p := range pieces {
		if p.Marked {
			marked = true
			if color {
				open()
			} else {
				put('【')
			}
		}
		for _, r := range p.Text {
			if r == '\n' {
				newline()
				continue
			}
			put(r)
		}
		if p.Marked {
			if color {
				closeMark()
			} else {
				put('】')
			}
			marked = false
		}
	}
	if cur.Len() > 0 || len(lines) == 0 {
		lines = append(lines, cur.String())
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
