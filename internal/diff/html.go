package diff

import (
	_ "embed"
	"html/template"
	"io"
	"strings"
)

//go:embed shinkyu.html.tmpl
var pageTemplate string

var page = template.Must(template.New("shinkyu").Funcs(template.FuncMap{
	"cell":   htmlCell,
	"status": statusJa,
	"either": firstNonEmpty,
}).Parse(pageTemplate))

// HTMLOptions adjust the printable page.
type HTMLOptions struct {
	OldFirst bool
	// Kind names the revision in the title: 一部改正 by default.
	Kind string
}

// WriteHTML writes one self-contained, printable page (A4 landscape): a
// real table with column headers, the changed wording underlined (傍線) in
// <ins> and <del>, and （略）（新設）（削る） as a 新旧対照表 prints them.
// Changes are marked by underline and by element, never by colour alone.
func (r *Result) WriteHTML(w io.Writer, o HTMLOptions) error {
	if o.Kind == "" {
		o.Kind = "一部改正"
	}
	type row struct {
		Left, Right template.HTML
	}
	type doc struct {
		*Document
		Rows []row
	}
	var docs []doc
	for _, d := range r.Documents {
		if d.Status == Unchanged {
			continue
		}
		dd := doc{Document: d}
		for _, rw := range d.Rows() {
			var l, rt template.HTML
			if rw.Elided {
				l = template.HTML(template.HTMLEscapeString(rw.Text))
				rt = l
			} else {
				l, rt = htmlCell(rw.Section, true), htmlCell(rw.Section, false)
				if rw.Section.Status == Moved {
					l += `<span class="note">（移動）</span>`
				}
			}
			if o.OldFirst {
				l, rt = rt, l
			}
			dd.Rows = append(dd.Rows, row{l, rt})
		}
		docs = append(docs, dd)
	}
	left, right := "改正後", "改正前"
	if o.OldFirst {
		left, right = right, left
	}
	return page.Execute(w, map[string]any{
		"R": r, "Docs": docs, "Left": left, "Right": right, "Kind": o.Kind,
	})
}

func htmlCell(s *Section, newSide bool) template.HTML {
	if p := s.Placeholder(newSide); p != "" {
		return template.HTML(`<span class="placeholder">` + p + `</span>`)
	}
	pieces, tag := s.OldSide(), "del"
	if newSide {
		pieces, tag = s.NewSide(), "ins"
	}
	var b strings.Builder
	for _, p := range pieces {
		t := template.HTMLEscapeString(p.Text)
		if p.Marked {
			t = "<" + tag + ">" + t + "</" + tag + ">"
		}
		b.WriteString(t)
	}
	if s.Coarse && newSide {
		b.WriteString(`<span class="note">（差分の計算を打ち切り、全体を示す）</span>`)
	}
	return template.HTML(b.String())
}
