package diff

import (
	"fmt"
	"html"
	"io"
	"strings"
)

// WriteMarkdown writes the 新旧対照表 for a pull request: a two-column
// table per changed document, changes in <ins> and <del>, which GitHub
// underlines and strikes; the table note says so in words.
func (r *Result) WriteMarkdown(w io.Writer, oldFirst bool) error {
	var b strings.Builder
	fmt.Fprintf(&b, "## %s 新旧対照表\n\n%s → %s。改正部分は、改正後欄で <ins>下線</ins>、改正前欄で <del>取消線</del> で示す。\n", mdEscape(r.Title), mdEscape(r.Old), mdEscape(r.New))
	left, right := "改正後", "改正前"
	if oldFirst {
		left, right = right, left
	}
	changed := 0
	for _, d := range r.Documents {
		if d.Status == Unchanged {
			continue
		}
		changed++
		fmt.Fprintf(&b, "\n### %s（`%s`）— %s\n\n| %s | %s |\n|---|---|\n", mdEscape(d.Title), firstNonEmpty(d.NewPath, d.OldPath), statusJa(d.Status), left, right)
		for _, row := range d.Rows() {
			var l, rt string
			if row.Elided {
				l, rt = mdEscape(row.Text), mdEscape(row.Text)
			} else {
				l, rt = mdCell(row.Section, true), mdCell(row.Section, false)
				if row.Section.Status == Moved {
					l += "<br>（移動）"
				}
			}
			if oldFirst {
				l, rt = rt, l
			}
			fmt.Fprintf(&b, "| %s | %s |\n", l, rt)
		}
	}
	if changed == 0 {
		b.WriteString("\n変更はありません。\n")
	}
	if len(r.Broken) > 0 {
		b.WriteString("\n**番号の変更で参照先が変わった箇所**\n\n")
		for _, x := range r.Broken {
			fmt.Fprintf(&b, "- `%s`: %s\n", x.Pos, mdEscape(x.Message))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func mdCell(s *Section, newSide bool) string {
	if p := s.Placeholder(newSide); p != "" {
		return p
	}
	pieces, tag := s.OldSide(), "del"
	if newSide {
		pieces, tag = s.NewSide(), "ins"
	}
	var b strings.Builder
	for _, p := range pieces {
		t := mdEscape(p.Text)
		if p.Marked {
			t = "<" + tag + ">" + t + "</" + tag + ">"
		}
		b.WriteString(t)
	}
	return b.String()
}

func mdEscape(s string) string {
	s = html.EscapeString(s)
	return strings.NewReplacer("|", "&#124;", "\n", "<br>", "*", "\\*", "_", "\\_", "`", "\\`", "[", "\\[", "]", "\\]").Replace(s)
}
