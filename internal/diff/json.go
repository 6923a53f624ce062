package diff

import (
	"encoding/json"
	"io"
)

// WriteJSON writes the 新旧対照表 as SPEC §6 describes it, with the
// references broken by a renumbering beside it.
func (r *Result) WriteJSON(w io.Writer) error {
	type section struct {
		ID     string `json:"id"`
		Status string `json:"status"`
		Old    string `json:"old"`
		New    string `json:"new"`
		Ops    []Op   `json:"ops"`
		Coarse bool   `json:"coarse,omitempty"`
	}
	type document struct {
		ID       string    `json:"id"`
		Title    string    `json:"title"`
		Status   string    `json:"status"`
		OldPath  string    `json:"old_path,omitempty"`
		NewPath  string    `json:"new_path,omitempty"`
		Sections []section `json:"sections"`
	}
	type broken struct {
		Doc     string `json:"doc"`
		File    string `json:"file"`
		Line    int    `json:"line"`
		Column  int    `json:"column"`
		Text    string `json:"text"`
		Message string `json:"message"`
	}
	out := struct {
		Old       string     `json:"old"`
		New       string     `json:"new"`
		Documents []document `json:"documents"`
		Broken    []broken   `json:"broken_references"`
	}{Old: r.Old, New: r.New, Documents: []document{}, Broken: []broken{}}
	for _, d := range r.Documents {
		dd := document{ID: d.ID, Title: d.Title, Status: d.Status, OldPath: d.OldPath, NewPath: d.NewPath, Sections: []section{}}
		for _, s := range d.Sections {
			ops := s.Ops
			if ops == nil {
				ops = []Op{}
			}
			dd.Sections = append(dd.Sections, section{s.ID, s.Status, s.Old, s.New, ops, s.Coarse})
		}
		out.Documents = append(out.Documents, dd)
	}
	for _, b := range r.Broken {
		out.Broken = append(out.Broken, broken{b.Doc, b.Pos.File, b.Pos.Line, b.Pos.Col, b.Text, b.Message})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
