package diff

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"
)

//go:embed shinkyu.html.tmpl
var pageTemplate string

var page = template.Must(template.New("shinkyu").Parse(pageTemplate))

// WriteHTML writes one self-contained, printable page (A4 landscape): a
// real table with column headings repeated on every printed page, the
// title, revision and page number in the page margins, the changed
// wording underlined (傍線) on both sides — in <ins> on the new side and
// <del> on the old, both drawn as one underline — and （略）（新設）（削る）
// as a 新旧対照表 prints them. Never by colour alone.
func (r *Result) WriteHTML(w io.Writer, o HTMLOptions) error {
	t := r.Layout(o)
	type row struct {
		Cells []template.HTML
	}
	type doc struct {
		Title   string
		Columns []string
		Notes   bool
		Rows    []row
	}
	var docs []doc
	for _, d := range t.Docs {
		dd := doc{Title: d.Title, Columns: t.Columns(d), Notes: d.Notes}
		for _, rw := range d.Rows {
			lt, rt := "ins", "del"
			if t.OldFirst {
				lt, rt = rt, lt
			}
			cells := []template.HTML{HTMLCell(rw.Left, lt), HTMLCell(rw.Right, rt)}
			if d.Notes {
				cells = append(cells, template.HTML(template.HTMLEscapeString(rw.Note)))
			}
			dd.Rows = append(dd.Rows, row{cells})
		}
		docs = append(docs, dd)
	}
	l := t.Labels
	lang := "ja"
	if l == labels["en"] {
		lang = "en"
	}
	// The page margins name the table and number the pages (cssString).
	var pageLabel string
	if strings.Contains(l.Page, "%d / %d") {
		pre, post, _ := strings.Cut(fmt.Sprintf(l.Page, 0, 0), "0 / 0")
		pageLabel = fmt.Sprintf(`%s counter(page) " / " counter(pages) %s`, cssString(pre), cssString(post))
	} else {
		pageLabel = `counter(page) " / " counter(pages)`
	}
	return page.Execute(w, map[string]any{
		"T": t, "Docs": docs, "Lang": lang,
		"MarginTitle": cssString(t.Title + "　" + t.Revision),
		"PageNumber":  template.CSS(pageLabel),
		"NoChanges":   l.NoChanges,
		"Broken":      l.BrokenHeading,
	})
}

// cssString quotes s as a CSS string for the page margins. A title is
// text from the repository: every ASCII character but letters, digits and
// the space, and every control, format or line-separator character, is
// written as a hexadecimal escape, so that nothing in it — a quote, a
// backslash, CR or FF (which end a CSS string as LF does), a brace — can
// close the string and start a rule of the author's.
func cssString(s string) template.CSS {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r < 0x80 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == ' '):
			b.WriteRune(r)
		case r < 0x80 || r == utf8.RuneError || unicode.IsControl(r) || unicode.In(r, unicode.Cf, unicode.Zl, unicode.Zp):
			fmt.Fprintf(&b, `\%x `, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return template.CSS(b.String())
}

// HTMLCell writes a cell: lines broken with <br>, runs of table rows as a
// table, marked text in tag. The site's 新旧対照表 pages write their cells
// with it too.
func HTMLCell(ps []Piece, tag string) template.HTML {
	var b strings.Builder
	lines := Lines(ps)
	inline := func(ps []Piece) {
		for _, p := range ps {
			t := template.HTMLEscapeString(p.Text)
			if p.Marked {
				t = "<" + tag + ">" + t + "</" + tag + ">"
			}
			b.WriteString(t)
		}
	}
	for i := 0; i < len(lines); i++ {
		if cells, ok := Cells(lines[i]); ok {
			b.WriteString(`<table class="inner"><tbody>`)
			for ; i < len(lines); i++ {
				if cells, ok = Cells(lines[i]); !ok {
					break
				}
				b.WriteString("<tr>")
				for _, c := range cells {
					b.WriteString("<td>")
					inline(c)
					b.WriteString("</td>")
				}
				b.WriteString("</tr>")
			}
			b.WriteString("</tbody></table>")
			i--
			continue
		}
		if i > 0 {
			b.WriteString("<br>")
		}
		inline(lines[i])
	}
	return template.HTML(b.String())
}
