package diff

import (
	"bytes"
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
		out.Broken = append(out.Broken, broken{b.Doc, b.Pos.File, b.Pos.Line, b.Pos.Col, b.Text, b.Describe(labels["ja"])})
	}
	// Indenting a whole 新旧対照表 byte by byte costs more than building
	// it, so each section is written compactly on a line of its own.
	var b bytes.Buffer
	str := func(s string) {
		e := json.NewEncoder(&b)
		e.SetEscapeHTML(false)
		_ = e.Encode(s)
		b.Truncate(b.Len() - 1)
	}
	compact := func(v any) error {
		e := json.NewEncoder(&b)
		e.SetEscapeHTML(false)
		if err := e.Encode(v); err != nil {
			return err
		}
		b.Truncate(b.Len() - 1)
		return nil
	}
	b.WriteString("{\n  \"old\": ")
	str(out.Old)
	b.WriteString(",\n  \"new\": ")
	str(out.New)
	b.WriteString(",\n  \"documents\": [")
	for i, d := range out.Documents {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString("\n    {\"id\": ")
		str(d.ID)
		b.WriteString(", \"title\": ")
		str(d.Title)
		b.WriteString(", \"status\": ")
		str(d.Status)
		if d.OldPath != "" {
			b.WriteString(", \"old_path\": ")
			str(d.OldPath)
		}
		if d.NewPath != "" {
			b.WriteString(", \"new_path\": ")
			str(d.NewPath)
		}
		b.WriteString(", \"sections\": [")
		for j, s := range d.Sections {
			if j > 0 {
				b.WriteByte(',')
			}
			b.WriteString("\n      ")
			if err := compact(s); err != nil {
				return err
			}
		}
		if len(d.Sections) > 0 {
			b.WriteString("\n    ")
		}
		b.WriteString("]}")
	}
	if len(out.Documents) > 0 {
		b.WriteString("\n  ")
	}
	b.WriteString("],\n  \"broken_references\": [")
	for i, x := range out.Broken {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString("\n    ")
		if err := compact(x); err != nil {
			return err
		}
	}
	if len(out.Broken) > 0 {
		b.WriteString("\n  ")
	}
	b.WriteString("]\n}\n")
	_, err := w.Write(b.Bytes())
	return err
}
