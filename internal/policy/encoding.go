package policy

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/text/encoding/japanese"
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
	add := func(off, count int, msg, hint string) {
		if count > 1 {
			msg += i18n.Sprintf(" (%d places; this is the first)", count)
		}
		fs = append(fs, Finding{Rule: RuleTextEncoding, Severity: Error, Pos: at(off), Message: msg, Hint: hint})
	}
	if bytes.HasPrefix(src, []byte("\uFEFF")) {
		add(0, 1, i18n.T("the file starts with a byte order mark (BOM)"), i18n.T("save the file as UTF-8 without BOM"))
	}
	if !utf8.Valid(src) {
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
		switch enc := guessEncoding(src); enc {
		case "UTF-16":
			add(0, 1, i18n.T("the file is UTF-16, not UTF-8"), i18n.T("save the file as UTF-8 (in Notepad: 名前を付けて保存, encoding UTF-8); policyctl fix converts it"))
		case "Shift_JIS":
			add(first, n, i18n.T("the file is Shift_JIS, not UTF-8"), i18n.T("save the file as UTF-8 (in Notepad: 名前を付けて保存, encoding UTF-8); policyctl fix converts it"))
		default:
			add(first, n, i18n.T("invalid UTF-8"), i18n.T("save the file as UTF-8"))
		}
		return fs // the other checks read runes
	}
	if i := bytes.IndexByte(src, '\r'); i >= 0 {
		add(i, bytes.Count(src, []byte("\r")), i18n.T("carriage return (CRLF line ends)"), i18n.T(`use LF line ends; add "*.md text eol=lf" to .gitattributes`))
	}
	// One pass over the runes finds the controls and tells whether the
	// (slower) NFC check is needed at all: Japanese text is mostly kanji
	// and kana, which are always in NFC.
	var bidiFirst, bidiN, zwFirst, zwN = -1, 0, -1, 0
	needNFC := false
	for off, r := range string(src) {
		if r < 0x300 {
			continue
		}
		switch {
		case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069, r == 0x200E, r == 0x200F, r == 0x061C:
			if bidiFirst < 0 {
				bidiFirst = off
			}
			bidiN++
		case r == 0x200B, r == 0x200C, r == 0x200D, r == 0x2060, r == 0xFEFF && off > 0:
			if zwFirst < 0 {
				zwFirst = off
			}
			zwN++
		case !alwaysNFC(r):
			needNFC = true
		}
	}
	if needNFC && !norm.NFC.IsNormal(src) {
		off := norm.NFC.QuickSpan(src)
		// QuickSpan may stop early on a boundary; find the first segment
		// whose normal form differs.
		for off < len(src) {
			end := off + norm.NFC.NextBoundary(src[off:], true)
			if end <= off {
				break
			}
			if !norm.NFC.IsNormal(src[off:end]) {
				break
			}
			off = end
		}
		add(off, 1, i18n.T("text is not in Unicode NFC (for example a dakuten written as a separate mark)"), i18n.T("convert the file to NFC; most editors have a Normalize command"))
	}
	if bidiFirst >= 0 {
		add(bidiFirst, bidiN, i18n.T("bidirectional control character"), i18n.T("delete it: it can make text display differently from its bytes"))
	}
	if zwFirst >= 0 {
		add(zwFirst, zwN, i18n.T("zero-width character"), i18n.T("delete it: it is invisible and changes what is signed"))
	}
	return fs
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

// guessEncoding names what a file that is not UTF-8 probably is: UTF-16
// (a byte order mark, or NUL bytes between ASCII characters), Shift_JIS
// (it decodes as Shift_JIS without a replacement), or "".
func guessEncoding(src []byte) string {
	if bytes.HasPrefix(src, []byte{0xFF, 0xFE}) || bytes.HasPrefix(src, []byte{0xFE, 0xFF}) {
		return "UTF-16"
	}
	if n := bytes.Count(src, []byte{0}); n > 0 && n*4 >= len(src) {
		return "UTF-16"
	}
	dec, err := japanese.ShiftJIS.NewDecoder().Bytes(src)
	if err == nil && utf8.Valid(dec) && !bytes.ContainsRune(dec, utf8.RuneError) {
		return "Shift_JIS"
	}
	return ""
}
