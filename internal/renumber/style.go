package renumber

import (
	"strings"
	"unicode/utf8"

	"github.com/policyctl/policyctl/internal/policy"
)

// LabelAt finds the label of a numbered section in its document's body:
// its body offset and the label as written. It reports false where the
// label cannot be found as written (inside markup) and for an ordered
// list's item, whose number Markdown writes.
func LabelAt(s *policy.Section) (int, string, bool) {
	if s.Kind == policy.KindImplicit || s.Label == "" || shared(s) {
		return 0, "", false
	}
	start, label, ok := labelAt(s, s.Doc.Body())
	if !ok || label != s.Label {
		return 0, "", false
	}
	return start, label, true
}

// Restyle writes a number — a provision's label or a reference's link —
// the way a style asks: style.Digits for the width of arabic digits (and
// the brackets of (1)), style.Clauses for a 項's bare number (２),
// style.Articles for the number of 第N条 and the
// other 第N… forms. It returns the text unchanged, and false, when the
// style asks for nothing else. Kanji 号 (一), circled numbers and letters
// have no width to change.
func Restyle(text string, style policy.StyleConfig) (string, bool) {
	if style.Digits == "half-width" && style.Articles == "arabic" && style.ClauseDigits() == "half-width" && !wideOrKanji(text) {
		return text, false // the common case, told without the lexer
	}
	l, ok := policy.Lex(text, 0)
	if !ok || l.NumEnd <= l.NumStart {
		return text, false
	}
	want := func(written policy.Digits) policy.Digits { return digitsFor(style.Digits, written) }
	var out string
	switch l.Kind {
	case policy.LabelUnit, policy.LabelAppendix, policy.LabelForm:
		d := l.Digits
		switch {
		case style.Articles == "kanji":
			d = policy.DigitsKanji
		case style.Articles == "arabic" || d != policy.DigitsKanji:
			d = want(d)
		}
		out = text[:l.NumStart] + policy.FormatNumber(l.Num.N, d) + text[l.NumEnd:l.SubStart] + branches(l.Num, d) + text[l.SubEnd:]
	case policy.LabelDigits:
		rest := text[l.NumEnd:]
		if strings.HasPrefix(rest, ".") || strings.HasPrefix(rest, "．") {
			// 1. of the 基本方針: a section's number, in style.digits.
			out = text[:l.NumStart] + policy.FormatNumber(l.Num.N, want(l.Digits)) + restyleDot(rest, style.Digits)
			break
		}
		// ２: a 項's number, in style.clauses.
		out = text[:l.NumStart] + policy.FormatNumber(l.Num.N, digitsFor(style.ClauseDigits(), l.Digits)) + rest
	case policy.LabelParen:
		if l.Digits == policy.DigitsKanji || style.Digits == "any" {
			return text, false // （一）: a kanji 号 in brackets
		}
		d := want(l.Digits)
		open, close := "(", ")"
		if d == policy.DigitsFullWidth {
			open, close = "（", "）"
		}
		if l.Digits == policy.DigitsParenthesized {
			// ⑴ is one character: brackets and number are written anew.
			out = open + policy.FormatNumber(l.Num.N, d) + close + text[l.End:]
			break
		}
		_, osize := utf8.DecodeRuneInString(text)
		_, csize := utf8.DecodeLastRuneInString(text[:l.End])
		out = open + text[osize:l.NumStart] + policy.FormatNumber(l.Num.N, d) + text[l.NumEnd:l.End-csize] + close + text[l.End:]
	default:
		return text, false
	}
	return out, out != text
}

// digitsFor is the digits a number written in written takes in a style's
// width: half-width, full-width, or any (as written; a kanji numeral
// where digits are asked for becomes half-width).
func digitsFor(style string, written policy.Digits) policy.Digits {
	switch style {
	case "half-width":
		return policy.DigitsASCII
	case "full-width":
		return policy.DigitsFullWidth
	}
	if written == policy.DigitsKanji {
		return policy.DigitsASCII
	}
	return written
}

// restyleDot writes the period of 1. or １． in the width of the digits.
func restyleDot(rest, digits string) string {
	switch {
	case digits == "half-width" && strings.HasPrefix(rest, "．"):
		return "." + rest[len("．"):]
	case digits == "full-width" && strings.HasPrefix(rest, "."):
		return "．" + rest[1:]
	}
	return rest
}

// wideOrKanji reports whether a text holds a full-width digit, bracket or
// period, or a kanji numeral: what the default style rewrites.
func wideOrKanji(text string) bool {
	for _, r := range text {
		switch {
		case r < 0x80:
		case r >= '０' && r <= '９', r == '（', r == '）', r == '．':
			return true
		case strings.ContainsRune("〇一二三四五六七八九十百千", r):
			return true
		}
	}
	return false
}

// RestyleRelative writes the count of a relative word in kanji — 前2条,
// 前２項 as 前二条, 前二項 — where style.articles asks for kanji. Where it
// asks for arabic, 前二条 stays: 例規 written horizontally with 第5条 keep
// the kanji count as often as not. It returns false when the text is no
// such word or is written so already.
func RestyleRelative(text string, style policy.StyleConfig) (string, bool) {
	rest, ok := strings.CutPrefix(text, "前")
	if !ok || style.Articles != "kanji" {
		return text, false
	}
	unit, _ := utf8.DecodeLastRuneInString(rest)
	if !strings.ContainsRune("編章節款目条項号", unit) {
		return text, false
	}
	num := strings.TrimSuffix(rest, string(unit))
	l, ok := policy.Lex("第"+num+string(unit), 0)
	if !ok || l.Kind != policy.LabelUnit || l.End != len("第"+num+string(unit)) || len(l.Num.Sub) > 0 || l.Num.N < 2 {
		return text, false
	}
	out := "前" + policy.FormatNumber(l.Num.N, policy.DigitsKanji) + string(unit)
	return out, out != text
}
