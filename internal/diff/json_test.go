package diff

import (
	"bytes"
	"encoding/json"
	"io"

	"github.com/policyctl/policyctl/internal/policy"
	"testing"
)

// TestWriteJSONMatchesEncodingJSON holds WriteJSON's appender to what
// encoding/json writes for the same table (the implementation it
// replaced, kept here as the reference): the example's revisions, the
// 1 MB pair, and text with every kind of character JSON escapes.
func TestWriteJSONMatchesEncodingJSON(t *testing.T) {
	var results []*Result
	revs := exampleRevisions(t)
	for i := 1; i < len(revs); i++ {
		r := Compare(revs[i-1].Model, revs[i].Model, Options{})
		r.Old, r.New = revs[i-1].ID, revs[i].ID
		results = append(results, r)
	}
	old, new := pair1MB(t)
	results = append(results, Compare(model(t, map[string]string{"policy/d.md": doc(old)}), model(t, map[string]string{"policy/d.md": doc(new)}), Options{}))
	odd := "第1条\t\"引用\" \\ <b>&amp;</b>\x00\x1f\x7f\u2028\u2029\xff\xe3\x81 \r\n\b\f 😀"
	results = append(results, &Result{Old: odd, New: odd, Documents: []*Document{{ID: odd, Title: odd, Status: "changed", NewPath: odd, Sections: []*Section{
		{ID: odd, Status: odd, Old: odd, Ops: []Op{{Op: "equal", Text: odd}, {Op: "insert", Text: ""}}, Coarse: true},
		{ID: "", Status: "added"},
	}}}, Broken: []Broken{{Doc: odd, Pos: policy.Pos{File: odd, Line: 3, Col: -1}, Text: odd}}})
	results = append(results, &Result{})
	for i, r := range results {
		var got, want bytes.Buffer
		if err := r.WriteJSON(&got); err != nil {
			t.Fatal(err)
		}
		if err := writeJSONReference(r, &want); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			g, w := got.Bytes(), want.Bytes()
			n := 0
			for n < len(g) && n < len(w) && g[n] == w[n] {
				n++
			}
			t.Errorf("result %d: WriteJSON differs from encoding/json at byte %d:\n got %q\nwant %q", i, n, g[n:min(n+80, len(g))], w[n:min(n+80, len(w))])
		}
		if !json.Valid(got.Bytes()) {
			t.Errorf("result %d: not valid JSON", i)
		}
	}
}

// FuzzAppendString: any string, valid UTF-8 or not, is written as
// encoding/json writes it with HTML escaping off.
func FuzzAppendString(f *testing.F) {
	for _, s := range []string{"", "第1条", "\"\\\n\x00", "\u2028\xff", "<>&", "\xe3\x81"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var want bytes.Buffer
		e := json.NewEncoder(&want)
		e.SetEscapeHTML(false)
		if err := e.Encode(s); err != nil {
			t.Fatal(err)
		}
		w := bytes.TrimSuffix(want.Bytes(), []byte("\n"))
		if got := appendString(nil, s); !bytes.Equal(got, w) {
			t.Errorf("appendString(%q) = %s, encoding/json writes %s", s, got, w)
		}
	})
}

// writeJSONReference is WriteJSON as it was written with encoding/json.
func writeJSONReference(r *Result, w io.Writer) error {
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
