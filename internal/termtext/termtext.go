// Package termtext shows text from a repository on a terminal. A title, a
// sentence or a file name can hold control characters — an escape sequence
// that retitles the window, colours the screen or makes a hyperlink —
// which check reports (text/encoding) but a review of an untrusted change
// still prints: the text formats are written through Writer, which shows
// each control character as a visible picture (␛ for ESC) instead.
package termtext

import "io"

// Writer returns a writer that passes text on to w with every C0 control
// character but the tab and the line feed, DEL and every C1 control
// character (U+0080–U+009F) replaced by a visible one: U+2400 + c for C0
// (␛, ␍), ␡ for DEL, � for C1. Other text, UTF-8 included, is written as
// it is, and Write reports len(p) once it is written.
func Writer(w io.Writer) io.Writer { return &writer{w: w} }

type writer struct {
	w   io.Writer
	c2  bool // the last byte written was 0xC2: a C1 control may follow
	buf []byte
}

func (t *writer) Write(p []byte) (int, error) {
	t.buf = t.buf[:0]
	start := 0
	flush := func(end int) { t.buf = append(t.buf, p[start:end]...) }
	for i, c := range p {
		switch {
		case t.c2:
			t.c2 = false
			if c >= 0x80 && c <= 0x9F {
				// The 0xC2 before it was held back; the pair is a C1 control.
				flush(i)
				t.buf = append(t.buf, string(Rune(rune(c)))...)
				start = i + 1
				continue
			}
			// Not a C1 control: the 0xC2 held back goes first.
			flush(i)
			t.buf = append(t.buf, 0xC2)
			start = i
			fallthrough
		default:
			switch {
			case c == 0xC2:
				flush(i)
				t.c2 = true
				start = i + 1
			case c < 0x80 && Rune(rune(c)) != rune(c):
				// A C0 control (but the tab and the line feed) or DEL:
				// its picture, as Rune gives it.
				flush(i)
				t.buf = append(t.buf, string(Rune(rune(c)))...)
				start = i + 1
			}
		}
	}
	flush(len(p))
	if _, err := t.w.Write(t.buf); err != nil {
		return 0, err
	}
	return len(p), nil
}

// String is s as Writer writes it, for the one line that is not written
// through one. A 0xC2 that ends s is written as it is.
func String(s string) string {
	var b stringWriter
	w := writer{w: &b}
	w.Write([]byte(s))
	if w.c2 {
		b = append(b, 0xC2)
	}
	return string(b)
}

type stringWriter []byte

func (s *stringWriter) Write(p []byte) (int, error) { *s = append(*s, p...); return len(p), nil }

// Rune is r as Writer shows it: a control character's visible picture,
// any other rune itself.
func Rune(r rune) rune {
	switch {
	case r < 0x20 && r != '\t' && r != '\n':
		return 0x2400 + r
	case r == 0x7F:
		return 0x2421
	case r >= 0x80 && r <= 0x9F:
		return 0xFFFD
	}
	return r
}
