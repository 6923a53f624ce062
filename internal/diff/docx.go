package diff

import (
	"fmt"
	"io"
	"strings"

	"github.com/policyctl/policyctl/internal/docx"
)

// WriteDocx writes the 新旧対照表 as a Word document for a 決裁: A4
// landscape; the title with the policy, the revision and its kind in 和暦;
// per changed document a table of 改正後 and 改正前 (in diff.order) and,
// when asked or needed, 備考; changed wording underlined (傍線);
// （略）（新設）（削る） as printed tables have them; the heading row
// repeated on every page and rows kept whole; the title and page number
// in the page margins. The site offers it for download beside the HTML
// table.
func (r *Result) WriteDocx(w io.Writer, o FormatOptions) error {
	t := r.Layout(o)
	d := &docx.Document{
		Title:     t.Title,
		Landscape: true,
		Font:      docx.Mincho,
		Header:    t.Title + "　" + t.Revision,
		Footer:    pageFooter(t.Labels),
	}
	d.Body = append(d.Body,
		docx.Paragraph{Runs: []docx.Run{{Text: t.Title}}, Align: "center", Bold: true, Size: 14},
		docx.Paragraph{Runs: []docx.Run{{Text: t.Revision + t.Against}}, Align: "center"},
		docx.Paragraph{Runs: []docx.Run{{Text: t.Legend}}, Align: "right", Space: 4},
	)
	for i, doc := range t.Docs {
		if i > 0 {
			d.Body = append(d.Body, docx.Paragraph{Space: 6})
		}
		d.Body = append(d.Body, docx.Paragraph{Runs: []docx.Run{{Text: doc.Title}}, Bold: true, KeepNext: true, Space: 3})
		widths := []float64{1, 1}
		if doc.Notes {
			widths = []float64{4.4, 4.4, 1.2}
		}
		tbl := &docx.Table{Widths: widths, Header: 1, Shade: true}
		var head []docx.Cell
		for _, c := range t.Columns(doc) {
			head = append(head, docx.Cell{Blocks: []docx.Block{docx.Paragraph{Runs: []docx.Run{{Text: c}}, Align: "center"}}})
		}
		tbl.Rows = append(tbl.Rows, head)
		for _, row := range doc.Rows {
			cells := []docx.Cell{docxCell(row.Left), docxCell(row.Right)}
			if doc.Notes {
				cells = append(cells, docx.Cell{Blocks: []docx.Block{docx.Paragraph{Runs: []docx.Run{{Text: row.Note}}}}})
			}
			tbl.Rows = append(tbl.Rows, cells)
		}
		d.Body = append(d.Body, tbl)
	}
	if len(t.Docs) == 0 {
		d.Body = append(d.Body, docx.Paragraph{Runs: []docx.Run{{Text: t.Labels.NoChanges}}})
	}
	if len(t.Broken) > 0 {
		d.Body = append(d.Body, docx.Paragraph{Runs: []docx.Run{{Text: t.Labels.BrokenHeading}}, Bold: true, KeepNext: true})
		for _, x := range t.Broken {
			d.Body = append(d.Body, docx.Paragraph{Runs: []docx.Run{{Text: "・" + x}}})
		}
	}
	// The body ends with a paragraph, as Word wants; a small one, so
	// that a table filling its last page does not push it onto a page of
	// its own.
	d.Body = append(d.Body, docx.Paragraph{Size: 1})
	if err := d.Write(w); err != nil {
		return fmt.Errorf("diff: %w", err)
	}
	return nil
}

// pageFooter numbers the pages in a language's words.
func pageFooter(l *Labels) string {
	return strings.Replace(strings.Replace(l.Page, "%d", "{PAGE}", 1), "%d", "{NUMPAGES}", 1)
}

// docxCell turns a cell's pieces into paragraphs, one a line, and runs of
// table rows into a table.
func docxCell(ps []Piece) docx.Cell {
	var c docx.Cell
	runs := func(ps []Piece) []docx.Run {
		var rs []docx.Run
		for _, p := range ps {
			rs = append(rs, docx.Run{Text: p.Text, Underline: p.Marked})
		}
		return rs
	}
	lines := Lines(ps)
	for i := 0; i < len(lines); i++ {
		if _, ok := Cells(lines[i]); !ok {
			c.Blocks = append(c.Blocks, docx.Paragraph{Runs: runs(lines[i])})
			continue
		}
		tbl := &docx.Table{}
		for ; i < len(lines); i++ {
			cells, ok := Cells(lines[i])
			if !ok {
				break
			}
			var row []docx.Cell
			for _, cell := range cells {
				row = append(row, docx.Cell{Blocks: []docx.Block{docx.Paragraph{Runs: runs(cell)}}})
			}
			for len(tbl.Widths) < len(row) {
				tbl.Widths = append(tbl.Widths, 1)
			}
			tbl.Rows = append(tbl.Rows, row)
		}
		i--
		c.Blocks = append(c.Blocks, tbl)
	}
	return c
}
