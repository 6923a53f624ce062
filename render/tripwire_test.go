package render

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"net/url"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/policyctl/policyctl/internal/policy"
)

func tripwireModel(t *testing.T) *EditionModel {
	t.Helper()
	fsys := fstest.MapFS{
		policy.ConfigFile: {Data: []byte("organization: {id: t, name: 試験市}\ntitle: 試験市情報セキュリティポリシー\n")},
		"policy/basic.md": {Data: []byte("---\nid: basic\ntitle: 基本方針\ntier: basic\nvisibility: public\n---\n\n情報資産を適切に管理する。\n\n::: internal\n管理者用の緊急連絡先は内線四四四四番とする。\n\n## 秘密の節見出し\n\n短い秘密。\n:::\n")},
		"policy/pw.md":    {Data: []byte("---\nid: pw\ntitle: パスワード管理手順書\ntier: procedure\nvisibility: internal\n---\n\nパスワードは十六文字以上とし、定期的に変更する。\n")},
	}
	full, err := policy.Load(fsys, policy.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	e, _ := full.Config.Edition("public")
	m, err := Edition(full, e)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestTripwireForms: restricted text is found raw, as HTML entities, JSON
// escapes and percent-encoding, with markup between its characters, and
// in a file name; the error names the output file and the source line.
func TestTripwireForms(t *testing.T) {
	secret := "管理者用の緊急連絡先は内線四四四四番"
	var ascii strings.Builder
	for _, r := range secret {
		fmt.Fprintf(&ascii, "\\u%04x", r)
	}
	var entities strings.Builder
	for _, r := range secret {
		fmt.Fprintf(&entities, "&#x%X;", r)
	}
	j, _ := json.Marshal(secret)
	for name, content := range map[string]string{
		"raw":        "<p>" + secret + "</p>",
		"entities":   "<p>" + entities.String() + "</p>",
		"escaped":    html.EscapeString("<" + secret + ">"),
		"json":       "var x = " + string(j),
		"json-ascii": `{"x":"` + ascii.String() + `"}`,
		"percent":    `<a href="/` + url.PathEscape(secret) + `">x</a>`,
		"markup":     "<p>管理者用の<strong>緊急連絡先</strong>は\n内線四四四四番</p>",
		"attribute":  `<img alt="` + secret + `">`,
		"short":      "<h2>秘密の節見出し</h2>",
		"title":      "<title>パスワード管理手順書</title>",
		"doc":        "パスワードは十六文字以上",
		// Drawn as nothing between the characters: a soft hyphen, a
		// zero-width space, a word joiner, a variation selector.
		"soft-hyphen": "<p>" + strings.Join(strings.Split(secret, ""), "&shy;") + "</p>",
		"invisible":   "<p>" + strings.Join(strings.Split(secret, ""), "\u200b\u2060\ufe0f") + "</p>",
		"controls":    "<p>" + strings.Join(strings.Split(secret, ""), "&#x7f;\u0085\u0001") + "</p>",
	} {
		trip := NewTripwire(tripwireModel(t))
		err := trip.Scan(map[string][]byte{"page.html": []byte(content)})
		var te *TripwireError
		if !errors.As(err, &te) {
			t.Errorf("%s: not caught: %v", name, err)
			continue
		}
		if te.File != "page.html" || te.Source.Pos.File == "" || te.Source.Pos.Line == 0 {
			t.Errorf("%s: the error does not name the output and the source: %v", name, err)
		}
	}
	trip := NewTripwire(tripwireModel(t))
	if err := trip.Scan(map[string][]byte{url.PathEscape("管理者用の緊急連絡先は内線四四四四番") + ".html": []byte("x")}); err == nil {
		t.Error("a file name holding restricted text was not caught")
	}
}

// TestTripwireQuiet: what the edition shows never trips it, even where a
// restricted part repeats visible text.
func TestTripwireQuiet(t *testing.T) {
	m := tripwireModel(t)
	trip := NewTripwire(m)
	files := map[string][]byte{"index.html": []byte("<p>情報資産を適切に管理する。</p><p>試験市情報セキュリティポリシー</p>")}
	for _, d := range m.Docs() {
		files[d.Meta.ID+".html"] = d.Source
	}
	if err := trip.Scan(files); err != nil {
		t.Fatal(err)
	}
}

// TestTripwireDocx: a Word file is a zip archive, so restricted text in
// it is compressed; the tripwire reads document.xml inside it, also where
// the text is split across runs as Word splits it at a change of format.
func TestTripwireDocx(t *testing.T) {
	docx := func(body string) []byte {
		var b bytes.Buffer
		z := zip.NewWriter(&b)
		for name, content := range map[string]string{
			"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types/>`,
			"word/document.xml":   `<?xml version="1.0" encoding="UTF-8"?><w:document><w:body>` + body + `</w:body></w:document>`,
		} {
			w, err := z.Create(name)
			if err != nil {
				t.Fatal(err)
			}
			io.WriteString(w, content)
		}
		if err := z.Close(); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	run := func(s string) string { return `<w:r><w:t xml:space="preserve">` + s + `</w:t></w:r>` }
	underlined := func(s string) string {
		return `<w:r><w:rPr><w:u w:val="single"/></w:rPr><w:t xml:space="preserve">` + s + `</w:t></w:r>`
	}
	for name, body := range map[string]string{
		"one run":    `<w:p>` + run("管理者用の緊急連絡先は内線四四四四番とする。") + `</w:p>`,
		"split runs": `<w:p>` + run("管理者用の") + underlined("緊急連絡先") + run("は内線四四四四番") + `</w:p>`,
		"entities":   `<w:p>` + run("管理者用の&#x7DCA;急連絡先は内線四四四四番") + `</w:p>`,
		"a title":    `<w:p>` + run("パスワード管理手順書") + `</w:p>`,
	} {
		trip := NewTripwire(tripwireModel(t))
		err := trip.Scan(map[string][]byte{"revisions/2024-04-01/shinkyu.docx": docx(body)})
		var te *TripwireError
		if !errors.As(err, &te) {
			t.Errorf("%s: not caught: %v", name, err)
			continue
		}
		if te.File != "revisions/2024-04-01/shinkyu.docx" {
			t.Errorf("%s: the error names %s", name, te.File)
		}
	}
	// What the edition shows, in a Word file, does not trip it.
	trip := NewTripwire(tripwireModel(t))
	if err := trip.Scan(map[string][]byte{"shinkyu.docx": docx(`<w:p>` + run("情報資産を") + underlined("適切に") + run("管理する。") + `</w:p>`)}); err != nil {
		t.Errorf("shown text in a Word file: %v", err)
	}
	// An archive that cannot be read is not published unread.
	broken := docx(run("x"))
	trip = NewTripwire(tripwireModel(t))
	if err := trip.Scan(map[string][]byte{"shinkyu.docx": broken[:len(broken)/2]}); err == nil || !strings.Contains(err.Error(), "cannot read the archive") {
		t.Errorf("a truncated archive: %v", err)
	}
}

// TestTripwireOnForArchives: a current model that cuts nothing (the
// approved configuration has one level) does not turn the tripwire off
// for an archived revision built beside it that cuts.
func TestTripwireOnForArchives(t *testing.T) {
	fsys := fstest.MapFS{
		policy.ConfigFile: {Data: []byte("organization: {id: t, name: 試験市}\ntitle: 試験市情報セキュリティポリシー\nvisibility: [public]\neditions: {public: public}\n")},
		"policy/basic.md": {Data: []byte("---\nid: basic\ntitle: 基本方針\ntier: basic\nvisibility: public\n---\n\n情報資産を適切に管理する。\n")},
	}
	full, err := policy.Load(fsys, policy.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	e, _ := full.Config.Edition("public")
	cur, err := Edition(full, e)
	if err != nil {
		t.Fatal(err)
	}
	if !cur.Complete() {
		t.Fatal("the one-level model cuts")
	}
	trip := NewTripwire(cur)
	trip.AddRevision(tripwireModel(t), "2024-04-01")
	err = trip.Scan(map[string][]byte{"revisions/2024-04-01/basic.html": []byte("<p>管理者用の緊急連絡先は内線四四四四番とする。</p>")})
	var te *TripwireError
	if !errors.As(err, &te) || te.Source.Rev != "2024-04-01" {
		t.Errorf("the archived revision's cut text was not looked for: %v", err)
	}
}
