package policy

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/unicode/norm"

	"github.com/policyctl/policyctl/internal/i18n"
)

// EncodingFindings checks that a file is what approvals can sign: UTF-8
// without a BOM, LF line ends, NFC, and no bidi or zero-width controls,
// which can make text read differently from what was approved. Each kind of
// problem is reported once, at its first occurrence, with a count.
func EncodingFindings(path string, src []byte) []Finding {
	var fs []Finding
	at := func(off int) Pos {
		line := bytes.Count(src[:off], []byte("\n")) + 1
		start := bytes.LastIndexByte(src[:off], '\n') + 1
		return Pos{File: path, Line: line, Col: utf8.RuneCount(src[start:off]) + 1}
	}
	add := func(off, count int, msg, hint string, fix *Fix) {
		if count > 1 {
			msg += i18n.Sprintf(" (%d places; this is the first)", count)
		}
		fs = append(fs, Finding{Rule: RuleTextEncoding, Severity: Error, Pos: at(off), Message: msg, Hint: hint, Fix: fix})
	}
	edit := func(start, end int, s string) Edit { return Edit{File: path, Start: start, End: end, New: s} }
	if strings.ContainsFunc(path, func(r rune) bool {
		return isControl(r) || r == '\t' || r == '\n' || r == '\r' || isBidiControl(r) || isZeroWidth(r)
	}) {
		// A name that breaks lines, or acts on a terminal, where it is
		// printed: in a diff's header, a finding, a log.
		fs = append(fs, Finding{Rule: RuleTextEncoding, Severity: Error, Pos: Pos{File: path, Line: 1, Col: 1},
			Message: i18n.T("the file's name holds a control, bidirectional or zero-width character"),
			Hint:    i18n.T("rename the file (git mv) to a name without them")})
	}
	if !utf8.Valid(src) {
		if enc, text, ok := decodeLegacy(src); ok {
			// The whole file is read again as UTF-8: the other checks
			// run on the converted file.
			fix := &Fix{Description: i18n.Sprintf("convert the file from %s to UTF-8", enc), Edits: []Edit{edit(0, len(src), string(text))}}
			hint := i18n.T("save the file as UTF-8 (in Notepad: 名前を付けて保存, encoding UTF-8); policyctl fix converts it")
			if enc == "UTF-16" {
				add(0, 1, i18n.T("the file is UTF-16, not UTF-8"), hint, fix)
			} else {
				add(0, 1, i18n.T("the file is Shift_JIS, not UTF-8"), hint, fix)
			}
			return fs
		}
		if bytes.HasPrefix(src, []byte("\uFEFF")) {
			add(0, 1, i18n.T("the file starts with a byte order mark (BOM)"), i18n.T("save the file as UTF-8 without BOM"),
				&Fix{Description: i18n.T("remove the byte order mark"), Edits: []Edit{edit(0, len("\uFEFF"), "")}})
		}
		first, n := -1, 0
		for off := 0; off < len(src); {
			r, size := utf8.DecodeRune(src[off:])
			if r == utf8.RuneError && size == 1 {
				if first < 0 {
					first = off
				}
				n++
			}
			off += size
		}
		add(first, n, i18n.T("invalid UTF-8"), i18n.T("save the file as UTF-8; its bytes are not Shift_JIS or UTF-16 throughout either, so policyctl fix cannot convert it"), nil)
		return fs // the other checks read runes
	}
	if bytes.HasPrefix(src, []byte("\uFEFF")) {
		add(0, 1, i18n.T("the file starts with a byte order mark (BOM)"), i18n.T("save the file as UTF-8 without BOM"),
			&Fix{Description: i18n.T("remove the byte order mark"), Edits: []Edit{edit(0, len("\uFEFF"), "")}})
	}
	if i := bytes.IndexByte(src, '\r'); i >= 0 {
		var edits []Edit
		for off := i; off < len(src); off++ {
			if src[off] != '\r' {
				continue
			}
			if off+1 < len(src) && src[off+1] == '\n' {
				edits = append(edits, edit(off, off+1, ""))
			} else {
				edits = append(edits, edit(off, off+1, "\n")) // an old Mac line end
			}
		}
		add(i, len(edits), i18n.T("carriage return (CRLF line ends)"), i18n.T(`use LF line ends; add "*.md text eol=lf" to .gitattributes`),
			&Fix{Description: i18n.T("use LF line ends"), Edits: edits})
	}
	// One pass over the runes finds the controls and tells whether the
	// (slower) NFC check is needed at all: Japanese text is mostly kanji
	// and kana, which are always in NFC.
	var bidi, zw, ctrl []Edit
	needNFC := false
	// The bytes are decoded in place: ranging over string(src) copied
	// every file once more.
	for next := 0; next < len(src); {
		off := next
		r, size := utf8.DecodeRune(src[off:])
		next += size
		if r < 0x300 {
			// C0 controls but TAB, LF and CR (reported above), DEL, C1:
			// an escape sequence in a title or a sentence would reach
			// every terminal that shows it.
			if isControl(r) {
				ctrl = append(ctrl, edit(off, off+utf8.RuneLen(r), ""))
			}
			continue
		}
		switch {
		case isBidiControl(r):
			bidi = append(bidi, edit(off, off+utf8.RuneLen(r), ""))
		case isZeroWidth(r) && off > 0:
			zw = append(zw, edit(off, off+utf8.RuneLen(r), ""))
		case !alwaysNFC(r):
			needNFC = true
		}
	}
	if needNFC && !norm.NFC.IsNormal(src) {
		first, edits := nfcEdits(path, src)
		add(first, 1, i18n.T("text is not in Unicode NFC (for example a dakuten written as a separate mark)"), i18n.T("convert the file to NFC; most editors have a Normalize command"),
			&Fix{Description: i18n.T("normalise the text to NFC"), Edits: edits})
	}
	if len(bidi) > 0 {
		add(bidi[0].Start, len(bidi), i18n.T("bidirectional control character"), i18n.T("delete it: it can make text display differently from its bytes"),
			&Fix{Description: i18n.T("delete the bidirectional control characters"), Edits: bidi})
	}
	if len(ctrl) > 0 {
		r, _ := utf8.DecodeRune(src[ctrl[0].Start:])
		add(ctrl[0].Start, len(ctrl), i18n.Sprintf("control character %U", r), i18n.T("delete it: it is invisible, and a terminal may act on it"),
			&Fix{Description: i18n.T("delete the control characters"), Edits: ctrl})
	}
	if len(zw) > 0 {
		add(zw[0].Start, len(zw), i18n.T("zero-width character"), i18n.T("delete it: it is invisible and changes what is signed"),
			&Fix{Description: i18n.T("delete the zero-width characters"), Edits: zw})
	}
	return fs
}

// isControl is a C0 control but TAB, LF and CR (CR has its own finding),
// DEL or a C1 control.
func isControl(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r >= 0x7F && r <= 0x9F
}

func isBidiControl(r rune) bool {
	return r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069 || r == 0x200E || r == 0x200F || r == 0x061C
}

func isZeroWidth(r rune) bool {
	return r == 0x200B || r == 0x200C || r == 0x200D || r == 0x2060 || r == 0xFEFF
}

// nfcEdits lists the segments of src that are not in NFC, each replaced
// by its normal form, and the offset of the first. A segment that holds a
// control character or a carriage return is left to those fixes (their
// edits must not overlap); policyctl fix reads the file again after them.
func nfcEdits(path string, src []byte) (int, []Edit) {
	first := -1
	var edits []Edit
	for off := norm.NFC.QuickSpan(src); off < len(src); {
		end := off + norm.NFC.NextBoundary(src[off:], true)
		if end <= off {
			break
		}
		seg := src[off:end]
		if !norm.NFC.IsNormal(seg) {
			if first < 0 {
				first = off
			}
			if !bytes.ContainsFunc(seg, func(r rune) bool { return r == '\r' || isControl(r) || isBidiControl(r) || isZeroWidth(r) }) {
				edits = append(edits, Edit{File: path, Start: off, End: end, New: string(norm.NFC.Bytes(seg))})
			}
		}
		off = end
	}
	if first < 0 {
		first = 0
	}
	return first, edits
}

// DecodeLegacy is decodeLegacy for display: the text of a file that is
// not UTF-8 as it reads, and the encoding it was read as.
func DecodeLegacy(src []byte) (text []byte, encoding string, ok bool) {
	name, out, ok := decodeLegacy(src)
	return out, name, ok
}

// decodeLegacy reads a file that is not UTF-8 as UTF-16 (with a byte
// order mark, or ASCII-range text with every other byte 0) or as
// Shift_JIS (CP932, as Windows saves it). It reports false unless every
// byte decodes and the text holds no control character besides tab and
// line ends: converting is certain, or it is not done.
func decodeLegacy(src []byte) (string, []byte, bool) {
	try := func(name string, dec *encoding.Decoder) (string, []byte, bool) {
		out, err := dec.Bytes(src)
		if err != nil || bytes.ContainsRune(out, utf8.RuneError) || !utf8.Valid(out) {
			return "", nil, false
		}
		out = bytes.TrimPrefix(out, []byte("\uFEFF"))
		for _, c := range out {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f {
				return "", nil, false
			}
		}
		return name, out, true
	}
	switch {
	case bytes.HasPrefix(src, []byte{0xFF, 0xFE}) || len(src)%2 == 0 && zeroOdd(src, 1):
		return try("UTF-16", unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder())
	case bytes.HasPrefix(src, []byte{0xFE, 0xFF}) || len(src)%2 == 0 && zeroOdd(src, 0):
		return try("UTF-16", unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewDecoder())
	}
	return try("Shift_JIS", japanese.ShiftJIS.NewDecoder())
}

// zeroOdd reports whether at least a quarter of the bytes at offsets of
// the parity are 0: UTF-16 text with ASCII in it.
func zeroOdd(src []byte, parity int) bool {
	n, zeros := 0, 0
	for i := parity; i < len(src); i += 2 {
		n++
		if src[i] == 0 {
			zeros++
		}
	}
	return n > 0 && zeros*4 >= n
}

// Normalize is what policyctl fix makes of a file for text/encoding: UTF-8
// (converted from Shift_JIS or UTF-16 when that is certain) without a
// byte order mark, LF line ends, no bidi or zero-width controls, in NFC.
// It fails when the encoding cannot be told for certain.
func Normalize(src []byte) ([]byte, error) {
	if !utf8.Valid(src) {
		_, text, ok := decodeLegacy(src)
		if !ok {
			return nil, i18n.Errorf("the file is neither UTF-8 nor, throughout, Shift_JIS or UTF-16: convert it by hand")
		}
		src = text
	}
	src = bytes.TrimPrefix(src, []byte("\uFEFF"))
	var b bytes.Buffer
	b.Grow(len(src))
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		switch {
		case r == '\r':
			if i+1 >= len(src) || src[i+1] != '\n' {
				b.WriteByte('\n')
			}
		case isControl(r), isBidiControl(r), isZeroWidth(r):
		default:
			b.Write(src[i : i+size])
		}
		i += size
	}
	return norm.NFC.Bytes(b.Bytes()), nil
}

// alwaysNFC reports whether r is in NFC whatever surrounds it: Latin-1,
// punctuation, circled numbers, CJK punctuation, kana (but not the
// combining sound marks U+3099 and U+309A), unified ideographs, and full-
// and half-width forms: none of them has a canonical decomposition or
// composes with what follows.
func alwaysNFC(r rune) bool {
	switch {
	case r < 0x300,
		r >= 0x2010 && r <= 0x2027, // dashes, quotation marks, ellipsis
		r >= 0x2460 && r <= 0x27BF, // circled numbers, box drawing, shapes
		r >= 0x3000 && r <= 0x3096,
		r >= 0x309B && r <= 0x30FF,
		r >= 0x3200 && r <= 0x33FF, // enclosed CJK letters, ㍻ ㋿
		r >= 0x4E00 && r <= 0x9FFF,
		r >= 0xFF01 && r <= 0xFFEF:
		return true
	}
	return false
}

// HalfwidthKana finds the runs of half-width katakana and its marks
// (U+FF61–U+FF9F: ｶﾀｶﾅ, ｢｣, ｡, ﾞ) in text, each with its full-width
// form: NFKC, which joins ｶﾞ into ガ, and a sound mark left over (ｱﾞ)
// written as its own character ゛ rather than a combining one. Edits'
// offsets are into text; File is not set.
func HalfwidthKana(text []byte) []Edit {
	var out []Edit
	for i := 0; i < len(text); {
		// U+FF61–U+FF9F is EF BD A1–BF and EF BE 80–9F in UTF-8.
		j := bytes.IndexByte(text[i:], 0xEF)
		if j < 0 {
			break
		}
		start := i + j
		end := start
		for isHalfwidthKana(text[end:]) {
			end += 3
		}
		if end == start {
			i = start + 1
			continue
		}
		if text[start+1] == 0xBE && (text[start+2] == 0x9E || text[start+2] == 0x9F) {
			// A sound mark after a full-width kana (カﾞ) voices it: ガ.
			if _, w := utf8.DecodeLastRune(text[:start]); w > 1 && utf8.RuneCountInString(norm.NFKC.String(string(text[start-w:start+3]))) == 1 {
				start -= w
			}
		}
		full := norm.NFKC.String(string(text[start:end]))
		full = strings.NewReplacer("\u3099", "゛", "\u309A", "゜").Replace(full)
		out = append(out, Edit{Start: start, End: end, New: full})
		i = end
	}
	return out
}

// HasHalfwidthKana reports whether text holds any half-width katakana.
func HasHalfwidthKana(text []byte) bool {
	for i := 0; ; i++ {
		j := bytes.IndexByte(text[i:], 0xEF)
		if j < 0 {
			return false
		}
		if i += j; isHalfwidthKana(text[i:]) {
			return true
		}
	}
}

func isHalfwidthKana(b []byte) bool {
	return len(b) >= 3 && b[0] == 0xEF && (b[1] == 0xBD && b[2] >= 0xA1 && b[2] <= 0xBF || b[1] == 0xBE && b[2] >= 0x80 && b[2] <= 0x9F)
}
