package diff

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// needTools finds soffice, pdftotext and pdfinfo. In CI (CI=true) their
// absence fails the test: .ci/run installs them (Debian's
// libreoffice-writer, libreoffice-calc and poppler-utils).
func needTools(t *testing.T) {
	t.Helper()
	for _, tool := range []string{"soffice", "pdftotext", "pdfinfo"} {
		if _, err := exec.LookPath(tool); err != nil {
			msg := fmt.Sprintf("%s is not installed (apt-get install libreoffice-writer libreoffice-calc poppler-utils)", tool)
			if os.Getenv("CI") == "true" {
				t.Fatal(msg)
			}
			t.Skip(msg + "; skipping the LibreOffice tests")
		}
	}
}

// toPDF converts files with LibreOffice in one run, with a profile of its
// own so that it never meets another soffice.
func toPDF(t *testing.T, files ...string) {
	t.Helper()
	dir := filepath.Dir(files[0])
	profile := "file://" + filepath.ToSlash(filepath.Join(t.TempDir(), "profile"))
	args := append([]string{"-env:UserInstallation=" + profile, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir}, files...)
	out, err := exec.Command("soffice", args...).CombinedOutput()
	if err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	for _, f := range files {
		if _, err := os.Stat(strings.TrimSuffix(f, filepath.Ext(f)) + ".pdf"); err != nil {
			t.Fatalf("soffice wrote no PDF for %s:\n%s", f, out)
		}
	}
}

// bboxWord is a word of pdftotext -bbox output.
type bboxWord struct {
	XMin float64 `xml:"xMin,attr"`
	XMax float64 `xml:"xMax,attr"`
	YMin float64 `xml:"yMin,attr"`
	Text string  `xml:",chardata"`
}

type bboxPage struct {
	Width  float64    `xml:"width,attr"`
	Height float64    `xml:"height,attr"`
	Words  []bboxWord `xml:"word"`
}

func pdfPages(t *testing.T, pdf string) []bboxPage {
	t.Helper()
	out, err := exec.Command("pdftotext", "-bbox", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext -bbox: %v", err)
	}
	var doc struct {
		Pages []bboxPage `xml:"body>doc>page"`
	}
	if err := xml.Unmarshal(out, &doc); err != nil {
		t.Fatalf("pdftotext -bbox: %v", err)
	}
	return doc.Pages
}

// region is the text of a strip of every page, whitespace removed.
func region(t *testing.T, pdf string, pages []bboxPage, from, to float64) string {
	t.Helper()
	var b strings.Builder
	for i, p := range pages {
		out, err := exec.Command("pdftotext", "-r", "72", "-f", strconv.Itoa(i+1), "-l", strconv.Itoa(i+1),
			"-x", strconv.Itoa(int(from)), "-y", "0", "-W", strconv.Itoa(int(to-from)), "-H", strconv.Itoa(int(p.Height)), pdf, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext: %v", err)
		}
		b.Write(out)
	}
	return squeeze(b.String())
}

func squeeze(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, tableCell, " ")), "")
}

// phrases lists what changed in a 新旧対照表, on the side it belongs to.
func phrases(r *Result) (newSide, oldSide []string) {
	for _, d := range r.Documents {
		if d.Status == Unchanged {
			continue
		}
		for _, s := range d.Sections {
			switch {
			case s.Status == Unchanged:
			case s.Status == Added:
				newSide = append(newSide, strings.Split(s.NewText, "\n")...)
			case s.Status == Deleted:
				oldSide = append(oldSide, strings.Split(s.OldText, "\n")...)
			case s.RenumberedOnly():
				newSide, oldSide = append(newSide, number(s.NewLabel)), append(oldSide, number(s.OldLabel))
			default:
				for _, o := range s.Ops {
					switch o.Op {
					case "insert":
						newSide = append(newSide, strings.Split(o.Text, "\n")...)
					case "delete":
						oldSide = append(oldSide, strings.Split(o.Text, "\n")...)
					}
				}
			}
		}
	}
	return newSide, oldSide
}

// checkSides converts nothing: it reads a PDF of a 新旧対照表 and checks
// A4 landscape, no word beyond the page, and every changed phrase in the
// column of its side. The columns are found by their headings: 改正後 and
// 改正前 are centred over columns of equal width, so the border between
// them is halfway.
func checkSides(t *testing.T, pdf string, r *Result) {
	t.Helper()
	pages := pdfPages(t, pdf)
	if len(pages) == 0 {
		t.Fatalf("%s: no pages", pdf)
	}
	var nwAt, olAt float64
	for i, p := range pages {
		if p.Width < 841 || p.Width > 843 || p.Height < 594 || p.Height > 596 {
			t.Errorf("%s page %d is %.0f×%.0f pt, not A4 landscape (842×595)", pdf, i+1, p.Width, p.Height)
		}
		var nw, ol float64
		body := false
		for _, w := range p.Words {
			// The running header and the page number sit in the top and
			// bottom margins.
			body = body || w.YMin > p.Height*0.1 && w.YMin < p.Height*0.9
			if w.XMax > p.Width-10 || w.XMin < 10 {
				t.Errorf("%s page %d: %q runs off the page (x %.0f–%.0f)", pdf, i+1, w.Text, w.XMin, w.XMax)
			}
			switch w.Text {
			case "改正後":
				nw = (w.XMin + w.XMax) / 2
			case "改正前":
				ol = (w.XMin + w.XMax) / 2
			}
		}
		if !body {
			t.Errorf("%s page %d is empty", pdf, i+1)
			continue
		}
		if nw == 0 || ol == 0 || nw >= ol {
			t.Fatalf("%s page %d: no column headings 改正後 and 改正前 in that order (a heading row that does not repeat?)", pdf, i+1)
		}
		if nwAt == 0 {
			nwAt, olAt = nw, ol
		}
	}
	if nwAt == 0 {
		t.Fatalf("%s: no column headings", pdf)
	}
	// The two text columns have the same width, olAt - nwAt.
	half := (olAt - nwAt) / 2
	left := region(t, pdf, pages, nwAt-half, nwAt+half)
	right := region(t, pdf, pages, olAt-half, olAt+half)
	newSide, oldSide := phrases(r)
	if len(newSide)+len(oldSide) == 0 {
		t.Fatal("no changed phrases: the test checks nothing")
	}
	for _, p := range newSide {
		if q := squeeze(p); q != "" && !strings.Contains(left, q) {
			t.Errorf("%s: %q is not in the 改正後 column", filepath.Base(pdf), p)
		}
	}
	for _, p := range oldSide {
		if q := squeeze(p); q != "" && !strings.Contains(right, q) {
			t.Errorf("%s: %q is not in the 改正前 column", filepath.Base(pdf), p)
		}
	}
}

// TestOfficeFormats writes the Word and Excel 新旧対照表 of every revision
// of the example, has LibreOffice convert them to PDF, and reads the PDFs
// back: A4 landscape, nothing clipped, every changed phrase on its side.
// The workbook is also reopened with excelize: the changed wording is
// underlined in rich-text runs of the right column.
func TestOfficeFormats(t *testing.T) {
	needTools(t)
	dir := t.TempDir()
	revs := exampleRevisions(t)
	var files []string
	results := map[string]*Result{}
	for i := 1; i < len(revs); i++ {
		r := Compare(revs[i-1].Model, revs[i].Model, Options{})
		r.Old, r.New = revs[i-1].ID, revs[i].ID
		base := filepath.Join(dir, revs[i].ID)
		var d, x bytes.Buffer
		if err := r.WriteDocx(&d, FormatOptions{Kind: revs[i].Kind}); err != nil {
			t.Fatal(err)
		}
		if err := r.WriteXLSX(&x, FormatOptions{Kind: revs[i].Kind, Notes: true}); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(base+"-docx.docx", d.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(base+"-xlsx.xlsx", x.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, base+"-docx.docx", base+"-xlsx.xlsx")
		results[revs[i].ID] = r
		checkWorkbook(t, x.Bytes(), r)
	}
	toPDF(t, files...)
	for _, f := range files {
		id := filepath.Base(f)[:10]
		t.Run(filepath.Base(f), func(t *testing.T) {
			checkSides(t, strings.TrimSuffix(f, filepath.Ext(f))+".pdf", results[id])
		})
	}
}

// checkWorkbook reopens a workbook with excelize and finds every changed
// phrase underlined in its column.
func checkWorkbook(t *testing.T, b []byte, r *Result) {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("excelize cannot reopen the workbook: %v", err)
	}
	defer f.Close()
	sheet := f.GetSheetName(0)
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) < 5 || rows[3][1] != "改正後" || rows[3][2] != "改正前" {
		t.Fatalf("heading row: %v", rows[3])
	}
	underlined := map[int]string{}
	for i := 5; i <= len(rows); i++ {
		for col := 1; col <= 2; col++ {
			cell, _ := excelize.CoordinatesToCellName(col+1, i)
			runs, err := f.GetCellRichText(sheet, cell)
			if err != nil {
				t.Fatal(err)
			}
			for _, run := range runs {
				if run.Font != nil && run.Font.Underline == "single" {
					underlined[col] += run.Text
				}
			}
		}
	}
	newSide, oldSide := phrases(r)
	for _, p := range newSide {
		if q := squeeze(p); q != "" && !strings.Contains(squeeze(underlined[1]), q) {
			t.Errorf("workbook: %q is not underlined in the 改正後 column", p)
		}
	}
	for _, p := range oldSide {
		if q := squeeze(p); q != "" && !strings.Contains(squeeze(underlined[2]), q) {
			t.Errorf("workbook: %q is not underlined in the 改正前 column", p)
		}
	}
	panes, err := f.GetPanes(sheet)
	if err != nil || !panes.Freeze || panes.YSplit != 4 {
		t.Errorf("the heading row is not frozen: %+v %v", panes, err)
	}
	layout, err := f.GetPageLayout(sheet)
	if err != nil || layout.Orientation == nil || *layout.Orientation != "landscape" || layout.Size == nil || *layout.Size != 9 {
		t.Errorf("print setup is not A4 landscape: %+v %v", layout, err)
	}
}
