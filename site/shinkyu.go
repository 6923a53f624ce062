package site

import (
	"bytes"
	"fmt"
	"html/template"

	"github.com/policyctl/policyctl/internal/diff"
	"github.com/policyctl/policyctl/internal/kaimebun"
	"github.com/policyctl/policyctl/render"
)

// The 新旧対照表 page of a revision is a page of the site (its header,
// navigation and footer), with the table laid out by diff.Layout as every
// other format is, and beside it the files a 決裁 circulates: the table as
// a Word document and the 改め文. All three come from the same comparison
// of two edition models, so the public edition's files hold only what its
// pages hold.
const (
	shinkyuPage = "shinkyu.html"
	shinkyuDocx = "shinkyu.docx"
	kaimebunTxt = "kaimebun.txt"

	docxLabel     = "新旧対照表（ワード形式）"
	kaimebunLabel = "改め文（テキスト形式）"
)

type shinkyuView struct {
	Title, Revision, Against, Legend string
	Docs                             []shinkyuDoc
	NoChanges                        string
	BrokenHeading                    string
	Broken                           []string
	Downloads                        []download
}

type shinkyuDoc struct {
	Title   string
	Columns []string
	Notes   bool
	Rows    [][]template.HTML
}

type download struct {
	URL, Label, Size string
}

func writeShinkyu(w *files, set pageSet, rv Revision, prev *render.EditionModel, oldFirst bool) error {
	// A document that left the edition while the revision still holds it
	// was made non-public, not abolished: the table does not print its
	// text again as 削る, nor the 改め文 say 廃止する (the history says
	// 非公開部分の改正). Its text stays in the archive of the revisions
	// that published it.
	res := diff.Compare(prev.Repo(), set.ed.Repo(), diff.Options{Leave: diff.Left(prev.Repo(), set.ed.Repo(), rv.Model)})
	res.Old, res.New = rv.PrevID, rv.ID
	fo := diff.FormatOptions{OldFirst: oldFirst, Kind: rv.Kind}
	t := res.Layout(fo)
	v := &shinkyuView{
		Title: t.Title, Revision: t.Revision, Against: t.Against, Legend: t.Legend,
		NoChanges: t.Labels.NoChanges, BrokenHeading: t.Labels.BrokenHeading, Broken: t.Broken,
	}
	for _, d := range t.Docs {
		sd := shinkyuDoc{Title: d.Title, Columns: t.Columns(d), Notes: d.Notes}
		for _, r := range d.Rows {
			lt, rt := "ins", "del"
			if t.OldFirst {
				lt, rt = rt, lt
			}
			cells := []template.HTML{diff.HTMLCell(r.Left, lt), diff.HTMLCell(r.Right, rt)}
			if d.Notes {
				cells = append(cells, template.HTML(template.HTMLEscapeString(r.Note)))
			}
			sd.Rows = append(sd.Rows, cells)
		}
		v.Docs = append(v.Docs, sd)
	}
	if len(t.Docs) > 0 {
		var docx bytes.Buffer
		if err := res.WriteDocx(&docx, fo); err != nil {
			return fmt.Errorf("%s: %w", shinkyuDocx, err)
		}
		var kb bytes.Buffer
		// A byte order mark: a web server that sends text/plain without a
		// charset leaves the browser guessing, and a guess of Shift_JIS
		// garbles every line.
		kb.WriteString("\ufeff")
		if err := kaimebun.Write(&kb, res, kaimebun.Options{Revision: rv.ID}); err != nil {
			return fmt.Errorf("%s: %w", kaimebunTxt, err)
		}
		w.put(set.prefix+shinkyuDocx, docx.Bytes())
		w.put(set.prefix+kaimebunTxt, kb.Bytes())
		v.Downloads = []download{
			{URL: shinkyuDocx, Label: docxLabel, Size: size(docx.Len())},
			{URL: kaimebunTxt, Label: kaimebunLabel, Size: size(kb.Len())},
		}
	}
	p := pageData{Site: set.info, Root: set.root(), NoIndex: set.noindex, Title: t.Title + "（" + t.Revision + "）", Shinkyu: v}
	return w.page(set.prefix+shinkyuPage, "shinkyu.html", p)
}

// size writes a file size as Japanese pages state it beside a download.
func size(n int) string {
	if n < 1024 {
		return fmt.Sprintf("%dバイト", n)
	}
	return fmt.Sprintf("%dキロバイト", (n+1023)/1024)
}
