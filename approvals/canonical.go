package approvals

import (
	"bytes"
	"encoding/json"
	"unicode/utf8"
)

// The payload's canonical form is what Marshal writes. Reading it with
// encoding/json's reflection costs more than the rest of a history walk,
// which reads every approval of every revision; so a payload is first read
// by a scanner that knows only that form, and accepted only when writing
// it again gives exactly the same bytes. Anything else — another field
// order, spacing, an escape, a field too many — goes to encoding/json,
// which decides, so the two readers can never accept different payloads.

// parseCanonical reads b as Marshal writes it, or returns nil.
func parseCanonical(b []byte) *Payload {
	// Every string of the payload is a piece of one copy of it: one
	// allocation, not one for each of some thousand fields.
	s := scanner{b: b, s: string(b)}
	var p Payload
	ok := s.lit(`{"format":`) && s.str(&p.Format) &&
		s.lit(`,"organization":`) && s.str(&p.Organization) &&
		s.lit(`,"revision":`) && s.str(&p.Revision) &&
		s.lit(`,"kind":`) && s.str(&p.Kind) &&
		s.lit(`,"committee":`) && s.str(&p.Committee) &&
		s.lit(`,"member":`) && s.str(&p.Member) &&
		s.lit(`,"decision":`) && s.str(&p.Decision) &&
		s.lit(`,"documents":[`)
	if !ok {
		return nil
	}
	p.Documents = []DocDigest{}
	for !s.peek(']') {
		if len(p.Documents) > 0 && !s.lit(",") {
			return nil
		}
		var d DocDigest
		if !(s.lit(`{"id":`) && s.str(&d.ID) && s.lit(`,"path":`) && s.str(&d.Path) &&
			s.lit(`,"sha256":`) && s.str(&d.SHA256) && s.lit(`,"files":[`)) {
			return nil
		}
		d.Files = []FileDigest{}
		for !s.peek(']') {
			if len(d.Files) > 0 && !s.lit(",") {
				return nil
			}
			var f FileDigest
			if !(s.lit(`{"path":`) && s.str(&f.Path) && s.lit(`,"sha256":`) && s.str(&f.SHA256) && s.lit("}")) {
				return nil
			}
			d.Files = append(d.Files, f)
		}
		if !s.lit("]}") {
			return nil
		}
		p.Documents = append(p.Documents, d)
	}
	if !s.lit(`],"removed":[`) {
		return nil
	}
	p.Removed = []DocRef{}
	for !s.peek(']') {
		if len(p.Removed) > 0 && !s.lit(",") {
			return nil
		}
		var r DocRef
		if !(s.lit(`{"id":`) && s.str(&r.ID) && s.lit(`,"path":`) && s.str(&r.Path) && s.lit("}")) {
			return nil
		}
		p.Removed = append(p.Removed, r)
	}
	if !(s.lit(`],"config_sha256":`) && s.str(&p.ConfigSHA256) &&
		s.lit(`,"registry_sha256":`) && s.str(&p.RegistrySHA256) && s.lit("}\n")) || s.i != len(b) {
		return nil
	}
	return &p
}

type scanner struct {
	b []byte
	s string // b as a string
	i int
}

func (s *scanner) lit(l string) bool {
	if !bytes.HasPrefix(s.b[s.i:], []byte(l)) {
		return false
	}
	s.i += len(l)
	return true
}

func (s *scanner) peek(c byte) bool { return s.i < len(s.b) && s.b[s.i] == c }

// str reads a string that needs no escape; one with a backslash or a
// control character is left to encoding/json.
func (s *scanner) str(dst *string) bool {
	if !s.peek('"') {
		return false
	}
	for j := s.i + 1; j < len(s.b); j++ {
		switch c := s.b[j]; {
		case c == '"':
			*dst = s.s[s.i+1 : j]
			s.i = j + 1
			return true
		case c == '\\' || c < 0x20:
			return false
		}
	}
	return false
}

// appendCanonical writes p in the canonical form, p's documents, files
// and removed entries already in canonical order. It writes what
// encoding/json writes with SetEscapeHTML(false): a string that would be
// escaped is written by encoding/json itself.
func appendCanonical(b []byte, p *Payload) []byte {
	b = append(b, `{"format":`...)
	b = appendStr(b, p.Format)
	b = append(b, `,"organization":`...)
	b = appendStr(b, p.Organization)
	b = append(b, `,"revision":`...)
	b = appendStr(b, p.Revision)
	b = append(b, `,"kind":`...)
	b = appendStr(b, p.Kind)
	b = append(b, `,"committee":`...)
	b = appendStr(b, p.Committee)
	b = append(b, `,"member":`...)
	b = appendStr(b, p.Member)
	b = append(b, `,"decision":`...)
	b = appendStr(b, p.Decision)
	b = append(b, `,"documents":[`...)
	for i, d := range p.Documents {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"id":`...)
		b = appendStr(b, d.ID)
		b = append(b, `,"path":`...)
		b = appendStr(b, d.Path)
		b = append(b, `,"sha256":`...)
		b = appendStr(b, d.SHA256)
		b = append(b, `,"files":[`...)
		for j, f := range d.Files {
			if j > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"path":`...)
			b = appendStr(b, f.Path)
			b = append(b, `,"sha256":`...)
			b = appendStr(b, f.SHA256)
			b = append(b, '}')
		}
		b = append(b, "]}"...)
	}
	b = append(b, `],"removed":[`...)
	for i, r := range p.Removed {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"id":`...)
		b = appendStr(b, r.ID)
		b = append(b, `,"path":`...)
		b = appendStr(b, r.Path)
		b = append(b, '}')
	}
	b = append(b, `],"config_sha256":`...)
	b = appendStr(b, p.ConfigSHA256)
	b = append(b, `,"registry_sha256":`...)
	b = appendStr(b, p.RegistrySHA256)
	return append(b, "}\n"...)
}

func appendStr(b []byte, s string) []byte {
	if plain(s) {
		b = append(b, '"')
		b = append(b, s...)
		return append(b, '"')
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	return append(b, bytes.TrimSuffix(buf.Bytes(), []byte("\n"))...)
}

// plain reports whether encoding/json writes s between quotes unchanged:
// valid UTF-8 without quotes, backslashes, control characters or the two
// line separators it escapes for JavaScript.
func plain(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == '"' || c == '\\' {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || r == '\u2028' || r == '\u2029' {
			return false
		}
		i += n
	}
	return true
}
