package diff

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/mattn/go-runewidth"
	"github.com/xuri/excelize/v2"
)

// xlsxFont is the font of the workbook, as in the Word table.
const xlsxFont = "ＭＳ 明朝"

// WriteXLSX writes the 新旧対照表 as a workbook for review in a
// spreadsheet (excelize): one row per aligned provision, the document in
// the first column so that the rows filter by document, the changed
// wording underlined with rich-text runs, columns sized and wrapped, the
// heading row frozen and repeated on every printed page, A4 landscape
// fitted to the page width.
func (r *Result) WriteXLSX(w io.Writer, o FormatOptions) error {
	t := r.Layout(o)
	l := t.Labels
	f := excelize.NewFile()
	defer f.Close()
	sheet := l.Sheet
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return fmt.Errorf("diff: xlsx: %w", err)
	}
	notes := o.Notes
	for _, d := range t.Docs {
		notes = notes || d.Notes
	}
	headings := append([]string{l.Document}, t.Headings...)
	if notes {
		headings = append(headings, l.Notes)
	}
	last := string(rune('A' + len(headings) - 1))
	border := []excelize.Border{{Type: "left", Color: "000000", Style: 1}, {Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1}}
	font := &excelize.Font{Family: xlsxFont, Size: 10.5}
	title, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: xlsxFont, Size: 14, Bold: true}, Alignment: &excelize.Alignment{Horizontal: "center"}})
	if err != nil {
		return fmt.Errorf("diff: xlsx: %w", err)
	}
	center, _ := f.NewStyle(&excelize.Style{Font: font, Alignment: &excelize.Alignment{Horizontal: "center"}})
	right, _ := f.NewStyle(&excelize.Style{Font: font, Alignment: &excelize.Alignment{Horizontal: "right"}})
	head, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: xlsxFont, Size: 10.5, Bold: true}, Border: border, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E7E6E6"}}, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}})
	body, _ := f.NewStyle(&excelize.Style{Font: font, Border: border, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	set := func(cell string, v any, style int) error {
		if err := f.SetCellValue(sheet, cell, v); err != nil {
			return err
		}
		return f.SetCellStyle(sheet, cell, cell, style)
	}
	for i, line := range []struct {
		text  string
		style int
	}{{t.Title, title}, {t.Revision + t.Against, center}, {t.Legend, right}} {
		row := i + 1
		if err := set(fmt.Sprintf("A%d", row), line.text, line.style); err != nil {
			return fmt.Errorf("diff: xlsx: %w", err)
		}
		if err := f.MergeCell(sheet, fmt.Sprintf("A%d", row), fmt.Sprintf("%s%d", last, row)); err != nil {
			return fmt.Errorf("diff: xlsx: %w", err)
		}
	}
	const headRow = 4
	for i, h := range headings {
		if err := set(fmt.Sprintf("%c%d", 'A'+i, headRow), h, head); err != nil {
			return fmt.Errorf("diff: xlsx: %w", err)
		}
	}
	row := headRow + 1
	rich := func(cell string, ps []Piece) error {
		var runs []excelize.RichTextRun
		for _, line := range xlsxLines(ps) {
			for _, p := range line {
				fnt := &excelize.Font{Family: xlsxFont, Size: 10.5}
				if p.Marked {
					fnt.Underline = "single"
				}
				runs = append(runs, excelize.RichTextRun{Text: p.Text, Font: fnt})
			}
		}
		if len(runs) == 0 {
			runs = []excelize.RichTextRun{{Text: "", Font: font}}
		}
		if err := f.SetCellRichText(sheet, cell, runs); err != nil {
			return err
		}
		return f.SetCellStyle(sheet, cell, cell, body)
	}
	widths := map[string]float64{"A": 18, "B": 58, "C": 58, "D": 12}
	for _, d := range t.Docs {
		for _, tr := range d.Rows {
			// Spreadsheets do not grow a row to its wrapped rich text on
			// opening (LibreOffice Calc keeps the default height), so the
			// height is set from the lines each cell will wrap to.
			lines := max(wrappedLines([]Piece{{Text: d.Title}}, widths["A"]), wrappedLines(tr.Left, widths["B"]), wrappedLines(tr.Right, widths["C"]))
			if notes {
				lines = max(lines, wrappedLines([]Piece{{Text: tr.Note}}, widths["D"]))
			}
			if err := f.SetRowHeight(sheet, row, float64(lines)*14.5+3); err != nil {
				return fmt.Errorf("diff: xlsx: %w", err)
			}
			if err := set(fmt.Sprintf("A%d", row), d.Title, body); err != nil {
				return fmt.Errorf("diff: xlsx: %w", err)
			}
			if err := rich(fmt.Sprintf("B%d", row), tr.Left); err != nil {
				return fmt.Errorf("diff: xlsx: %w", err)
			}
			if err := rich(fmt.Sprintf("C%d", row), tr.Right); err != nil {
				return fmt.Errorf("diff: xlsx: %w", err)
			}
			if notes {
				if err := set(fmt.Sprintf("D%d", row), tr.Note, body); err != nil {
					return fmt.Errorf("diff: xlsx: %w", err)
				}
			}
			row++
		}
	}
	for c, wd := range widths {
		if c <= last {
			if err := f.SetColWidth(sheet, c, c, wd); err != nil {
				return fmt.Errorf("diff: xlsx: %w", err)
			}
		}
	}
	if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: headRow, TopLeftCell: fmt.Sprintf("A%d", headRow+1), ActivePane: "bottomLeft"}); err != nil {
		return fmt.Errorf("diff: xlsx: %w", err)
	}
	a4, landscape, one, zero, fit := 9, "landscape", 1, 0, true
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &a4, Orientation: &landscape, FitToWidth: &one, FitToHeight: &zero}); err != nil {
		return fmt.Errorf("diff: xlsx: %w", err)
	}
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return fmt.Errorf("diff: xlsx: %w", err)
	}
	if err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: fmt.Sprintf("'%s'!$%d:$%d", sheet, headRow, headRow), Scope: sheet}); err != nil {
		return fmt.Errorf("diff: xlsx: %w", err)
	}
	footer := "&C" + strings.Replace(strings.Replace(l.Page, "%d", "&P", 1), "%d", "&N", 1)
	if err := f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{OddHeader: "&L" + strings.ReplaceAll(t.Title+"　"+t.Revision, "&", "&&"), OddFooter: footer}); err != nil {
		return fmt.Errorf("diff: xlsx: %w", err)
	}
	// A fixed time: the same table gives the same bytes.
	fixed := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC).Format(time.RFC3339)
	if err := f.SetDocProps(&excelize.DocProperties{Title: t.Title, Language: "ja-JP", Created: fixed, Modified: fixed}); err != nil {
		return fmt.Errorf("diff: xlsx: %w", err)
	}
	if _, err := f.WriteTo(w); err != nil {
		return fmt.Errorf("diff: xlsx: %w", err)
	}
	return nil
}

// wrappedLines estimates how many lines a cell's text takes in a column
// of width characters (a column width counts the digits of the default
// font; a Japanese character is two of them).
func wrappedLines(ps []Piece, width float64) int {
	capacity := int(width * 1.1)
	n := 0
	for _, line := range xlsxLines(ps) {
		w := runewidth.StringWidth(strings.TrimPrefix(PlainText(line), "\n"))
		n += max(1, (w+capacity-1)/capacity)
	}
	return max(n, 1)
}

// xlsxLines lays a cell's lines out with line breaks; a table row's cells
// are separated by a full-width space, as in the text format.
func xlsxLines(ps []Piece) [][]Piece {
	var out [][]Piece
	for i, line := range Lines(ps) {
		var l []Piece
		if i > 0 {
			l = append(l, Piece{Text: "\n"})
		}
		if cells, ok := Cells(line); ok {
			for k, c := range cells {
				if k > 0 {
					l = append(l, Piece{Text: "　"})
				}
				l = append(l, c...)
			}
		} else {
			l = append(l, line...)
		}
		out = append(out, l)
	}
	return out
}
