// Package docx writes the small part of WordprocessingML (Office Open XML,
// ECMA-376) that a printed table needs: A4 pages in either orientation, a
// running header and footer with the page number, paragraphs of runs with
// bold and single underline (傍線), and tables whose heading row repeats
// on every page and whose rows are kept whole. It only writes; it never
// reads a document.
//
// It is written with archive/zip and encoding/xml rather than a library
// because no library the Go module proxy serves is fit: unidoc/unioffice
// needs a paid licence, baliance/gooxml is not served, and
// fumiama/go-docx and gomutex/godocx have no tagged release. What the
// 新旧対照表 needs — w:tblHeader, w:cantSplit, a landscape section and East
// Asian font settings — is a few dozen elements.
//
// Output is deterministic: the same document gives the same bytes (zip
// entries carry a fixed time).
package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"time"
)

// Font names a typeface for Latin and East Asian text, with the family
// Word and LibreOffice fall back on when they do not have it.
type Font struct {
	Name    string // ＭＳ 明朝
	AltName string // MS Mincho: the name LibreOffice's replacement table knows
	Family  string // roman (serif) or swiss (sans-serif)
}

// Mincho is the serif face a 新旧対照表 is printed in. Word has it on
// every Windows and Mac installation; LibreOffice replaces it with a
// metric-compatible Mincho (IPA明朝 on Debian) through its font
// replacement table and fontconfig.
var Mincho = Font{Name: "ＭＳ 明朝", AltName: "MS Mincho", Family: "roman"}

// Document is a document of one section.
type Document struct {
	Title     string // the core property dc:title
	Landscape bool   // A4 landscape; portrait otherwise
	Font      Font
	Size      float64 // font size in points; 10.5 when 0
	Header    string
	// Footer is printed centred at the foot of every page; "{PAGE}" and
	// "{NUMPAGES}" in it become the page number and the page count.
	Footer string
	Body   []Block
}

// Block is a Paragraph or a *Table.
type Block interface{ block() }

// Paragraph is a paragraph of runs.
type Paragraph struct {
	Runs     []Run
	Align    string // left (default), center, right
	Bold     bool
	Size     float64 // points; the document's size when 0
	KeepNext bool    // keep with the next paragraph (a heading above its table)
	Space    float64 // space after, in points
}

// Run is text of one format.
type Run struct {
	Text      string
	Underline bool
	Bold      bool
}

// Table is a table whose first Header rows repeat on every page.
type Table struct {
	// Widths are the columns' shares of the text width, in any unit.
	Widths []float64
	Header int
	Rows   [][]Cell
	// Shade fills the header rows' cells in light grey.
	Shade bool
	// Nested tables take the width of their cell.
	nested bool
}

// Cell holds blocks; an empty cell gets an empty paragraph, as Word wants.
type Cell struct {
	Blocks []Block
}

func (Paragraph) block() {}
func (*Table) block()    {}

// Write writes the document as a .docx file.
func (d *Document) Write(w io.Writer) error {
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	put := func(name, body string) error {
		f, err := z.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			return err
		}
		_, err = io.WriteString(f, xml.Header+body)
		return err
	}
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", contentTypes},
		{"_rels/.rels", rootRels},
		{"docProps/core.xml", d.core()},
		{"word/_rels/document.xml.rels", documentRels},
		{"word/styles.xml", d.styles()},
		{"word/settings.xml", settings},
		{"word/fontTable.xml", d.fontTable()},
		{"word/header1.xml", d.headerFooter("hdr", d.Header, "left")},
		{"word/footer1.xml", d.headerFooter("ftr", d.Footer, "center")},
		{"word/document.xml", d.document()},
	}
	for _, p := range parts {
		if err := put(p.name, p.body); err != nil {
			return fmt.Errorf("docx: %s: %w", p.name, err)
		}
	}
	if err := z.Close(); err != nil {
		return fmt.Errorf("docx: %w", err)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

func esc(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

const ns = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`

const contentTypes = `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
	`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
	`<Default Extension="xml" ContentType="application/xml"/>` +
	`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
	`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
	`<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>` +
	`<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>` +
	`<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>` +
	`<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>` +
	`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
	`</Types>`

const rootRels = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`</Relationships>`

const documentRels = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>` +
	`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/>` +
	`<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>` +
	`<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>` +
	`</Relationships>`

// settings: Japanese line breaking (禁則) as Word applies it by default,
// said explicitly so that LibreOffice does the same.
const settings = `<w:settings ` + ns + `><w:defaultTabStop w:val="840"/><w:characterSpacingControl w:val="compressPunctuation"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>`

func (d *Document) core() string {
	return `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">` +
		`<dc:title>` + esc(d.Title) + `</dc:title><dc:language>ja-JP</dc:language></cp:coreProperties>`
}

func (d *Document) fonts() string {
	f := d.Font
	return fmt.Sprintf(`<w:rFonts w:ascii="%[1]s" w:eastAsia="%[1]s" w:hAnsi="%[1]s" w:cs="%[1]s"/>`, esc(f.Name))
}

func (d *Document) size() float64 {
	if d.Size == 0 {
		return 10.5
	}
	return d.Size
}

func (d *Document) styles() string {
	half := int(d.size() * 2)
	return `<w:styles ` + ns + `><w:docDefaults><w:rPrDefault><w:rPr>` + d.fonts() +
		fmt.Sprintf(`<w:sz w:val="%d"/><w:szCs w:val="%d"/>`, half, half) +
		`<w:lang w:val="ja-JP" w:eastAsia="ja-JP"/></w:rPr></w:rPrDefault>` +
		`<w:pPrDefault><w:pPr><w:kinsoku/><w:overflowPunct/><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/><w:spacing w:after="0" w:line="300" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>` +
		`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>` +
		`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="85" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
		`</w:styles>`
}

func (d *Document) fontTable() string {
	f := d.Font
	return `<w:fonts ` + ns + `><w:font w:name="` + esc(f.Name) + `"><w:altName w:val="` + esc(f.AltName) + `"/>` +
		`<w:charset w:val="80"/><w:family w:val="` + esc(f.Family) + `"/><w:pitch w:val="fixed"/></w:font></w:fonts>`
}

func (d *Document) headerFooter(tag, text, align string) string {
	var b strings.Builder
	b.WriteString(`<w:` + tag + ` ` + ns + `><w:p><w:pPr><w:jc w:val="` + align + `"/></w:pPr>`)
	small := `<w:rPr><w:sz w:val="16"/></w:rPr>`
	for text != "" {
		i := strings.Index(text, "{")
		j := strings.Index(text, "}")
		field := ""
		if i >= 0 && j > i {
			field = text[i+1 : j]
		}
		if field != "PAGE" && field != "NUMPAGES" {
			b.WriteString(`<w:r>` + small + `<w:t xml:space="preserve">` + esc(text) + `</w:t></w:r>`)
			break
		}
		if i > 0 {
			b.WriteString(`<w:r>` + small + `<w:t xml:space="preserve">` + esc(text[:i]) + `</w:t></w:r>`)
		}
		b.WriteString(`<w:r>` + small + `<w:fldChar w:fldCharType="begin"/></w:r><w:r>` + small + `<w:instrText xml:space="preserve"> ` + field + ` </w:instrText></w:r>` +
			`<w:r>` + small + `<w:fldChar w:fldCharType="separate"/></w:r><w:r>` + small + `<w:t>1</w:t></w:r><w:r>` + small + `<w:fldChar w:fldCharType="end"/></w:r>`)
		text = text[j+1:]
	}
	b.WriteString(`</w:p></w:` + tag + `>`)
	return b.String()
}

// page sizes in twips.
const (
	a4Short  = 11906
	a4Long   = 16838
	marginTB = 1134 // 20 mm
	marginLR = 1021 // 18 mm
)

func (d *Document) textWidth() int {
	if d.Landscape {
		return a4Long - 2*marginLR
	}
	return a4Short - 2*marginLR
}

func (d *Document) document() string {
	var b strings.Builder
	b.WriteString(`<w:document ` + ns + `><w:body>`)
	for _, bl := range d.Body {
		d.writeBlock(&b, bl, d.textWidth())
	}
	w, h, orient := a4Short, a4Long, ""
	if d.Landscape {
		w, h, orient = a4Long, a4Short, ` w:orient="landscape"`
	}
	fmt.Fprintf(&b, `<w:sectPr><w:headerReference w:type="default" r:id="rId4"/><w:footerReference w:type="default" r:id="rId5"/>`+
		`<w:pgSz w:w="%d" w:h="%d"%s/><w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="567" w:footer="567" w:gutter="0"/>`+
		`<w:docGrid w:type="lines" w:linePitch="300"/></w:sectPr>`, w, h, orient, marginTB, marginLR, marginTB, marginLR)
	b.WriteString(`</w:body></w:document>`)
	return b.String()
}

func (d *Document) writeBlock(b *strings.Builder, bl Block, width int) {
	switch x := bl.(type) {
	case Paragraph:
		d.writeParagraph(b, x)
	case *Table:
		d.writeTable(b, x, width)
	}
}

func (d *Document) writeParagraph(b *strings.Builder, p Paragraph) {
	b.WriteString(`<w:p><w:pPr>`)
	if p.KeepNext {
		b.WriteString(`<w:keepNext/>`)
	}
	if p.Space > 0 {
		fmt.Fprintf(b, `<w:spacing w:after="%d"/>`, int(p.Space*20))
	}
	if p.Align != "" && p.Align != "left" {
		b.WriteString(`<w:jc w:val="` + p.Align + `"/>`)
	}
	if p.Size > 0 {
		// The paragraph mark's size: an empty paragraph is as tall as it.
		fmt.Fprintf(b, `<w:rPr><w:sz w:val="%d"/><w:szCs w:val="%d"/></w:rPr>`, int(p.Size*2), int(p.Size*2))
	}
	b.WriteString(`</w:pPr>`)
	for _, r := range p.Runs {
		b.WriteString(`<w:r>`)
		var rpr string
		if r.Bold || p.Bold {
			rpr += `<w:b/>`
		}
		if r.Underline {
			rpr += `<w:u w:val="single"/>`
		}
		if p.Size > 0 {
			rpr += fmt.Sprintf(`<w:sz w:val="%d"/><w:szCs w:val="%d"/>`, int(p.Size*2), int(p.Size*2))
		}
		if rpr != "" {
			b.WriteString(`<w:rPr>` + rpr + `</w:rPr>`)
		}
		b.WriteString(`<w:t xml:space="preserve">` + esc(r.Text) + `</w:t></w:r>`)
	}
	b.WriteString(`</w:p>`)
}

func (d *Document) writeTable(b *strings.Builder, t *Table, width int) {
	total := 0.0
	for _, w := range t.Widths {
		total += w
	}
	cols := make([]int, len(t.Widths))
	for i, w := range t.Widths {
		cols[i] = int(float64(width) * w / total)
	}
	b.WriteString(`<w:tbl><w:tblPr>`)
	if t.nested {
		b.WriteString(`<w:tblW w:w="0" w:type="auto"/>`)
	} else {
		fmt.Fprintf(b, `<w:tblW w:w="%d" w:type="dxa"/><w:tblLayout w:type="fixed"/>`, width)
	}
	b.WriteString(`<w:tblBorders>`)
	for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
		b.WriteString(`<w:` + side + ` w:val="single" w:sz="4" w:space="0" w:color="000000"/>`)
	}
	b.WriteString(`</w:tblBorders><w:tblLook w:val="0000"/></w:tblPr><w:tblGrid>`)
	for _, c := range cols {
		fmt.Fprintf(b, `<w:gridCol w:w="%d"/>`, c)
	}
	b.WriteString(`</w:tblGrid>`)
	for i, row := range t.Rows {
		b.WriteString(`<w:tr><w:trPr><w:cantSplit/>`)
		if i < t.Header {
			b.WriteString(`<w:tblHeader/>`)
		}
		b.WriteString(`</w:trPr>`)
		for k, c := range row {
			w := 0
			if k < len(cols) {
				w = cols[k]
			}
			b.WriteString(`<w:tc><w:tcPr>`)
			if t.nested {
				b.WriteString(`<w:tcW w:w="0" w:type="auto"/>`)
			} else {
				fmt.Fprintf(b, `<w:tcW w:w="%d" w:type="dxa"/>`, w)
			}
			if i < t.Header && t.Shade {
				b.WriteString(`<w:shd w:val="clear" w:color="auto" w:fill="E7E6E6"/><w:vAlign w:val="center"/>`)
			}
			b.WriteString(`</w:tcPr>`)
			last := ""
			for _, bl := range c.Blocks {
				if nt, ok := bl.(*Table); ok {
					nt.nested = true
					d.writeTable(b, nt, w-170)
					last = "table"
					continue
				}
				d.writeBlock(b, bl, w)
				last = "p"
			}
			if last != "p" {
				// A cell ends with a paragraph.
				b.WriteString(`<w:p/>`)
			}
			b.WriteString(`</w:tc>`)
		}
		b.WriteString(`</w:tr>`)
	}
	b.WriteString(`</w:tbl>`)
}
