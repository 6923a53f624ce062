package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"
)

func sample() *Document {
	return &Document{
		Title: "試験<&>", Landscape: true, Font: Mincho,
		Header: "見出し", Footer: "{PAGE} / {NUMPAGES} ページ",
		Body: []Block{
			Paragraph{Runs: []Run{{Text: "表題"}}, Align: "center", Bold: true, Size: 14},
			&Table{Widths: []float64{1, 1}, Header: 1, Shade: true, Rows: [][]Cell{
				{{Blocks: []Block{Paragraph{Runs: []Run{{Text: "改正後"}}}}}, {Blocks: []Block{Paragraph{Runs: []Run{{Text: "改正前"}}}}}},
				{{Blocks: []Block{Paragraph{Runs: []Run{{Text: "第1条　"}, {Text: "12文字", Underline: true}}}}},
					{Blocks: []Block{&Table{Widths: []float64{1, 1}, Rows: [][]Cell{{{}, {}}}}}}},
			}},
		},
	}
}

// parts reads every part of a .docx and checks that each is well-formed
// XML.
func parts(t *testing.T, b []byte) map[string]string {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(r)
		d := xml.NewDecoder(bytes.NewReader(body))
		for {
			if _, err := d.Token(); err == io.EOF {
				break
			} else if err != nil {
				t.Fatalf("%s: not well-formed: %v", f.Name, err)
			}
		}
		out[f.Name] = string(body)
	}
	return out
}

func TestWrite(t *testing.T) {
	var a, b bytes.Buffer
	if err := sample().Write(&a); err != nil {
		t.Fatal(err)
	}
	if err := sample().Write(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("the same document gave different bytes")
	}
	p := parts(t, a.Bytes())
	doc := p["word/document.xml"]
	for _, want := range []string{
		`<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>`, // A4 landscape
		`<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>`,          // the heading row repeats
		`<w:trPr><w:cantSplit/></w:trPr>`,                        // rows kept whole
		`<w:u w:val="single"/>`,                                  // 傍線
		`<w:tcW w:w="0" w:type="auto"/>`,                         // a nested table
		`<w:p/></w:tc>`,                                          // a cell ends with a paragraph
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("document.xml lacks %s", want)
		}
	}
	if !strings.Contains(p["docProps/core.xml"], "試験&lt;&amp;&gt;") {
		t.Error("the title is not escaped")
	}
	if !strings.Contains(p["word/footer1.xml"], "<w:instrText xml:space=\"preserve\"> NUMPAGES </w:instrText>") {
		t.Error("no page count in the footer")
	}
	if !strings.Contains(p["word/styles.xml"], `w:eastAsia="ＭＳ 明朝"`) || !strings.Contains(p["word/fontTable.xml"], `<w:family w:val="roman"/>`) {
		t.Error("no Mincho font with a serif fallback")
	}
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels", "word/header1.xml", "word/settings.xml"} {
		if _, ok := p[name]; !ok {
			t.Errorf("no %s", name)
		}
	}
}
