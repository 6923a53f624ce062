package diff

import (
	"io"
	"runtime"
	"slices"
	"unicode/utf8"

	"golang.org/x/sync/errgroup"
)

// WriteJSON writes the 新旧対照表 as SPEC §6 describes it, with the
// references broken by a renumbering beside it.
//
// A megabyte's table is several megabytes of JSON, most of it section
// text: each section is encoded on a line of its own, side by side on
// every core, by an appender that writes what encoding/json writes with
// HTML escaping off (TestWriteJSONMatchesEncodingJSON and FuzzAppendString
// hold the two together), and the pieces are joined into one buffer of
// their exact size.
func (r *Result) WriteJSON(w io.Writer) error {
	_, err := w.Write(r.AppendJSON(nil))
	return err
}

// AppendJSON appends what WriteJSON writes to b.
func (r *Result) AppendJSON(b []byte) []byte {
	// Pieces: one per section, in document order.
	type span struct{ doc, from, to int }
	var spans []span
	total := 0
	for i, d := range r.Documents {
		total += len(d.Sections)
		for from := 0; from < len(d.Sections); from += 64 {
			spans = append(spans, span{i, from, min(from+64, len(d.Sections))})
		}
	}
	encoded := make([][]byte, total)
	offset := make([]int, len(r.Documents))
	for i := 1; i < len(r.Documents); i++ {
		offset[i] = offset[i-1] + len(r.Documents[i-1].Sections)
	}
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for _, sp := range spans {
		g.Go(func() error {
			for j := sp.from; j < sp.to; j++ {
				encoded[offset[sp.doc]+j] = appendSection(nil, r.Documents[sp.doc].Sections[j])
			}
			return nil
		})
	}
	_ = g.Wait()

	size := 64
	for _, e := range encoded {
		size += len(e) + 8
	}
	b = slices.Grow(b, size+1024*len(r.Documents)+256*len(r.Broken))
	b = append(b, "{\n  \"old\": "...)
	b = appendString(b, r.Old)
	b = append(b, ",\n  \"new\": "...)
	b = appendString(b, r.New)
	b = append(b, ",\n  \"documents\": ["...)
	for i, d := range r.Documents {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, "\n    {\"id\": "...)
		b = appendString(b, d.ID)
		b = append(b, ", \"title\": "...)
		b = appendString(b, d.Title)
		b = append(b, ", \"status\": "...)
		b = appendString(b, d.Status)
		if d.OldPath != "" {
			b = append(b, ", \"old_path\": "...)
			b = appendString(b, d.OldPath)
		}
		if d.NewPath != "" {
			b = append(b, ", \"new_path\": "...)
			b = appendString(b, d.NewPath)
		}
		b = append(b, ", \"sections\": ["...)
		for j := range d.Sections {
			if j > 0 {
				b = append(b, ',')
			}
			b = append(b, "\n      "...)
			b = append(b, encoded[offset[i]+j]...)
		}
		if len(d.Sections) > 0 {
			b = append(b, "\n    "...)
		}
		b = append(b, "]}"...)
	}
	if len(r.Documents) > 0 {
		b = append(b, "\n  "...)
	}
	b = append(b, "],\n  \"broken_references\": ["...)
	for i, x := range r.Broken {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, "\n    {\"doc\":"...)
		b = appendString(b, x.Doc)
		b = append(b, ",\"file\":"...)
		b = appendString(b, x.Pos.File)
		b = append(b, ",\"line\":"...)
		b = appendInt(b, x.Pos.Line)
		b = append(b, ",\"column\":"...)
		b = appendInt(b, x.Pos.Col)
		b = append(b, ",\"text\":"...)
		b = appendString(b, x.Text)
		b = append(b, ",\"message\":"...)
		b = appendString(b, x.Describe(labels["ja"]))
		b = append(b, '}')
	}
	if len(r.Broken) > 0 {
		b = append(b, "\n  "...)
	}
	b = append(b, "]\n}\n"...)
	return b
}

// appendSection writes one section as encoding/json writes
// {"id","status","old","new","ops":[{"op","text"}…],"coarse"?} compactly.
func appendSection(b []byte, s *Section) []byte {
	n := 64 + len(s.ID) + len(s.Status) + len(s.Old) + len(s.New)
	for _, o := range s.Ops {
		n += 24 + len(o.Op) + len(o.Text)
	}
	if b == nil {
		b = make([]byte, 0, n+n/8)
	}
	b = append(b, `{"id":`...)
	b = appendString(b, s.ID)
	b = append(b, `,"status":`...)
	b = appendString(b, s.Status)
	b = append(b, `,"old":`...)
	b = appendString(b, s.Old)
	b = append(b, `,"new":`...)
	b = appendString(b, s.New)
	b = append(b, `,"ops":[`...)
	for i, o := range s.Ops {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"op":`...)
		b = appendString(b, o.Op)
		b = append(b, `,"text":`...)
		b = appendString(b, o.Text)
		b = append(b, '}')
	}
	b = append(b, ']')
	if s.Coarse {
		b = append(b, `,"coarse":true`...)
	}
	return append(b, '}')
}

func appendInt(b []byte, n int) []byte {
	var digits [20]byte
	i := len(digits)
	neg := n < 0
	u := uint64(n)
	if neg {
		u = -u
	}
	for {
		i--
		digits[i] = byte('0' + u%10)
		u /= 10
		if u == 0 {
			break
		}
	}
	if neg {
		b = append(b, '-')
	}
	return append(b, digits[i:]...)
}

// appendString writes s as a JSON string the way encoding/json does with
// SetEscapeHTML(false): quotes, backslashes and control characters
// escaped (\n, \r, \t, \b, \f by name), U+2028 and U+2029 escaped, and
// each byte of invalid UTF-8 replaced by \ufffd.
func appendString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
