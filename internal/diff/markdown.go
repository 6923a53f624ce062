package diff

import (
	"html"
	"io"
	"strings"

	"github.com/policyctl/policyctl/internal/markdown"
)

// WriteMarkdown writes the 新旧対照表 for a pull request or an issue: the
// title as a heading and each changed document as an HTML table, which
// GitHub renders with the table inside a cell and line breaks intact.
// Changed wording is in <ins> on both sides, which GitHub underlines: one
// marking (傍線) for both columns, as the printed table has.
func (r *Result) WriteMarkdown(w io.Writer, o FormatOptions) error {
	t := r.Layout(o)
	var b strings.Builder
	b.WriteString("## " + markdown.Escape(t.Title) + "\n\n" + markdown.Escape(t.Revision+t.Against) + "\n\n" + markdown.Escape(t.Legend) + "\n")
	for _, d := range t.Docs {
		b.WriteString("\n### " + markdown.Escape(d.Title) + "\n\n<table>\n<thead><tr>")
		for _, c := range t.Columns(d) {
			b.WriteString("<th>" + html.EscapeString(c) + "</th>")
		}
		b.WriteString("</tr></thead>\n<tbody>\n")
		for _, row := range d.Rows {
			b.WriteString("<tr><td>" + string(HTMLCell(row.Left, "ins")) + "</td><td>" + string(HTMLCell(row.Right, "ins")) + "</td>")
			if d.Notes {
				b.WriteString("<td>" + html.EscapeString(row.Note) + "</td>")
			}
			b.WriteString("</tr>\n")
		}
		b.WriteString("</tbody>\n</table>\n")
	}
	if len(t.Docs) == 0 {
		b.WriteString("\n" + markdown.Escape(t.Labels.NoChanges) + "\n")
	}
	if len(t.Broken) > 0 {
		b.WriteString("\n### " + markdown.Escape(t.Labels.BrokenHeading) + "\n\n")
		for _, x := range t.Broken {
			b.WriteString("- " + markdown.Escape(x) + "\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
