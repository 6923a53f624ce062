package policy

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Style is a numbering style. Sections of one style are siblings in the
// section tree, whatever heading level they were written at.
type Style int

const (
	StyleNone          Style = iota // an unnumbered heading
	StyleDot                        // 1.  １．  (and ordered lists "1.")
	StyleCloseParen                 // 1)  (ordered lists "1)")
	StyleParen                      // (1)  （１）  — a 号 inside an article
	StyleCircled                    // ①
	StyleKatakana                   // ア
	StyleParenKatakana              // (ア)
	StyleKanji                      // 一  — a 号 inside an article
	StyleChapter                    // 第N章
	StyleDivision                   // 第N節
	StyleArticle                    // 第N条, 第N条の2
	StyleClause                     // 項: a bare number opening a paragraph inside an article
	StyleAppendix                   // 別表第N
	StyleSupplement                 // 附則
)

var styleNames = [...]string{"none", "dot", "close-paren", "paren", "circled", "katakana", "paren-katakana", "kanji", "chapter", "division", "article", "clause", "appendix", "supplement"}

func (s Style) String() string { return styleNames[s] }

// Number is a section number: N, and for 第5条の2 the branch numbers [2].
type Number struct {
	N   int
	Sub []int
}

// Equal reports whether two numbers are the same.
func (n Number) Equal(m Number) bool {
	if n.N != m.N || len(n.Sub) != len(m.Sub) {
		return false
	}
	for i := range n.Sub {
		if n.Sub[i] != m.Sub[i] {
			return false
		}
	}
	return true
}

// Key is a short ASCII form of the number, used in section IDs: "5", "5-2".
func (n Number) Key() string {
	var b strings.Builder
	b.WriteString(strconv.Itoa(n.N))
	for _, s := range n.Sub {
		b.WriteByte('-')
		b.WriteString(strconv.Itoa(s))
	}
	return b.String()
}

// Label writes the number the way a document of that style prints it.
func (s Style) Label(n Number) string {
	sub := ""
	for _, x := range n.Sub {
		sub += "の" + strconv.Itoa(x)
	}
	switch s {
	case StyleDot:
		return strconv.Itoa(n.N) + "."
	case StyleCloseParen:
		return strconv.Itoa(n.N) + ")"
	case StyleParen:
		return "(" + strconv.Itoa(n.N) + ")"
	case StyleCircled:
		if r, ok := circledRune(n.N); ok {
			return string(r)
		}
		return "(" + strconv.Itoa(n.N) + ")"
	case StyleKatakana:
		if n.N >= 1 && n.N <= len(katakanaOrder) {
			return string(katakanaOrder[n.N-1])
		}
	case StyleParenKatakana:
		if n.N >= 1 && n.N <= len(katakanaOrder) {
			return "(" + string(katakanaOrder[n.N-1]) + ")"
		}
	case StyleKanji:
		return KanjiNumeral(n.N)
	case StyleChapter:
		return "第" + strconv.Itoa(n.N) + "章" + sub
	case StyleDivision:
		return "第" + strconv.Itoa(n.N) + "節" + sub
	case StyleArticle:
		return "第" + strconv.Itoa(n.N) + "条" + sub
	case StyleClause:
		return "第" + strconv.Itoa(n.N) + "項"
	case StyleAppendix:
		return "別表第" + strconv.Itoa(n.N)
	case StyleSupplement:
		return "附則"
	}
	return strconv.Itoa(n.N)
}

// katakanaOrder is the 五十音 order used to number items ア, イ, ウ ….
var katakanaOrder = []rune("アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン")

// KatakanaNumber returns the position of r in the 五十音 order, from 1, or 0.
func KatakanaNumber(r rune) int {
	for i, k := range katakanaOrder {
		if k == r {
			return i + 1
		}
	}
	return 0
}

// CircledNumber returns the value of a circled digit ①–㊿, or 0.
func CircledNumber(r rune) int {
	switch {
	case r >= '①' && r <= '⑳':
		return int(r-'①') + 1
	case r >= '㉑' && r <= '㉟':
		return int(r-'㉑') + 21
	case r >= '㊱' && r <= '㊿':
		return int(r-'㊱') + 36
	}
	return 0
}

func circledRune(n int) (rune, bool) {
	switch {
	case n >= 1 && n <= 20:
		return '①' + rune(n-1), true
	case n >= 21 && n <= 35:
		return '㉑' + rune(n-21), true
	case n >= 36 && n <= 50:
		return '㊱' + rune(n-36), true
	}
	return 0, false
}

var kanjiDigits = map[rune]int{'〇': 0, '零': 0, '一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
var kanjiUnits = map[rune]int{'十': 10, '百': 100, '千': 1000}

// ParseNumeral reads a number written in ASCII digits, full-width digits or
// kanji numerals (十二, 二十一, 百五, or positional 一〇 as in some 例規).
// It returns false for anything else, and for numbers beyond 99999.
func ParseNumeral(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	if s == "元" { // 元年
		return 1, true
	}
	digits := true
	v := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			v = v*10 + int(r-'0')
		case r >= '０' && r <= '９':
			v = v*10 + int(r-'０')
		default:
			digits = false
		}
		if v > 99999 {
			return 0, false
		}
	}
	if digits {
		return v, true
	}
	total, cur := 0, -1
	positional := true
	for _, r := range s {
		if _, ok := kanjiUnits[r]; ok {
			positional = false
		}
	}
	if positional {
		v := 0
		for _, r := range s {
			d, ok := kanjiDigits[r]
			if !ok {
				return 0, false
			}
			v = v*10 + d
			if v > 99999 {
				return 0, false
			}
		}
		return v, true
	}
	for _, r := range s {
		if d, ok := kanjiDigits[r]; ok {
			if cur >= 0 {
				return 0, false // 二三十 is not a numeral
			}
			cur = d
			continue
		}
		u, ok := kanjiUnits[r]
		if !ok {
			return 0, false
		}
		if cur < 0 {
			cur = 1
		}
		total += cur * u
		cur = -1
	}
	if cur > 0 {
		total += cur
	}
	return total, total > 0
}

// KanjiNumeral writes n (1–9999) in kanji numerals: 12 → 十二.
func KanjiNumeral(n int) string {
	if n <= 0 || n > 9999 {
		return strconv.Itoa(n)
	}
	d := []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	var b strings.Builder
	for _, u := range []struct {
		v int
		s string
	}{{1000, "千"}, {100, "百"}, {10, "十"}} {
		if q := n / u.v; q > 0 {
			if q > 1 {
				b.WriteString(d[q])
			}
			b.WriteString(u.s)
			n %= u.v
		}
	}
	b.WriteString(d[n])
	return b.String()
}

// numeral matches a number in any of the digit systems ParseNumeral reads.
const numeral = `[0-9０-９]+|[一二三四五六七八九十百千〇]+`

var (
	statuteRE   = regexp.MustCompile(`^第(` + numeral + `)(条|章|節)((?:の(?:` + numeral + `))*)`)
	appendixRE  = regexp.MustCompile(`^別表(?:第(` + numeral + `))?`)
	dotRE       = regexp.MustCompile(`^([0-9０-９]{1,3})[.．]([^0-9０-９]|$)`)
	parenRE     = regexp.MustCompile(`^[(（]\s*([0-9０-９]{1,3})\s*[)）]`)
	parenKanaRE = regexp.MustCompile(`^[(（]([ア-ン])[)）]`)
	clauseRE    = regexp.MustCompile(`^([0-9０-９]{1,3})[ \t　]`)
	kanjiRE     = regexp.MustCompile(`^([一二三四五六七八九十]{1,3})[ \t　]`)
	captionRE   = regexp.MustCompile(`^[(（]([^()（）0-9０-９]{1,30})[)）]$`)
	subRE       = regexp.MustCompile(numeral)
)

// A numbered is what ParseNumbered found at the start of a text.
type numbered struct {
	Style Style
	Num   Number
	Label string // the number as written, e.g. "(1)", "第５条の２"
	Rest  string // the text after the number, trimmed
}

// ParseNumbered reads the number that opens a heading, paragraph or list item.
// inArticle enables the styles that only make sense inside an article of a
// 例規-style document: a bare number (項) and a kanji numeral (号).
func ParseNumbered(text string, inArticle bool) (numbered, bool) {
	t := strings.TrimLeft(text, " \t　")
	if !MayBeNumbered(t) {
		return numbered{}, false
	}
	mk := func(style Style, n Number, label string) (numbered, bool) {
		rest := strings.Trim(t[len(label):], " \t　")
		if citesLabel(rest) {
			// "(1) に示す組織に…" opens with a reference, not a number.
			return numbered{}, false
		}
		return numbered{Style: style, Num: n, Label: label, Rest: rest}, true
	}
	if m := statuteRE.FindStringSubmatch(t); m != nil {
		n, ok := ParseNumeral(m[1])
		if !ok {
			return numbered{}, false
		}
		num := Number{N: n}
		for _, s := range subRE.FindAllString(m[3], -1) {
			if v, ok := ParseNumeral(s); ok {
				num.Sub = append(num.Sub, v)
			}
		}
		style := map[string]Style{"条": StyleArticle, "章": StyleChapter, "節": StyleDivision}[m[2]]
		return mk(style, num, m[0])
	}
	if strings.HasPrefix(t, "附則") {
		return mk(StyleSupplement, Number{N: 1}, "附則")
	}
	if m := appendixRE.FindStringSubmatch(t); m != nil {
		n := 1
		if m[1] != "" {
			v, ok := ParseNumeral(m[1])
			if !ok {
				return numbered{}, false
			}
			n = v
		}
		return mk(StyleAppendix, Number{N: n}, m[0])
	}
	if m := dotRE.FindStringSubmatch(t); m != nil {
		n, _ := ParseNumeral(m[1])
		return mk(StyleDot, Number{N: n}, t[:len(m[0])-len(m[2])])
	}
	if m := parenRE.FindStringSubmatch(t); m != nil {
		n, _ := ParseNumeral(m[1])
		return mk(StyleParen, Number{N: n}, m[0])
	}
	if m := parenKanaRE.FindStringSubmatch(t); m != nil {
		r, _ := utf8.DecodeRuneInString(m[1])
		return mk(StyleParenKatakana, Number{N: KatakanaNumber(r)}, m[0])
	}
	if r, size := utf8.DecodeRuneInString(t); CircledNumber(r) > 0 {
		return mk(StyleCircled, Number{N: CircledNumber(r)}, t[:size])
	} else if KatakanaNumber(r) > 0 {
		// ア alone is a number only when a space or a period follows it;
		// otherwise it is the first letter of a word such as アクセス.
		next, _ := utf8.DecodeRuneInString(t[size:])
		if next == ' ' || next == '　' || next == '\t' || next == '.' || next == '．' {
			return mk(StyleKatakana, Number{N: KatakanaNumber(r)}, t[:size])
		}
	}
	if inArticle {
		if m := clauseRE.FindStringSubmatch(t); m != nil {
			n, _ := ParseNumeral(m[1])
			return mk(StyleClause, Number{N: n}, m[1])
		}
		if m := kanjiRE.FindStringSubmatch(t); m != nil {
			n, _ := ParseNumeral(m[1])
			return mk(StyleKanji, Number{N: n}, m[1])
		}
	}
	return numbered{}, false
}

// citations are what follows a number that is cited rather than a label:
// (1)に示す, ①に準じ, 3及び4, (2)の規定.
var citations = []string{"に示す", "に定め", "に掲げ", "に規定", "に準じ", "に準ず", "に基づ", "に従", "による", "の規定", "及び", "並びに", "又は", "から", "まで", "、"}

func citesLabel(rest string) bool {
	for _, c := range citations {
		if strings.HasPrefix(rest, c) {
			return true
		}
	}
	return false
}

// MayBeNumbered is a cheap test of the first character of a text: false
// means ParseNumbered would find no number, so most paragraphs are passed
// over without running a pattern.
func MayBeNumbered(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	switch {
	case r >= '0' && r <= '9', r >= '０' && r <= '９', r == '(', r == '（', r == '第', r == '別', r == '附':
		return true
	case CircledNumber(r) > 0, KatakanaNumber(r) > 0, strings.ContainsRune("一二三四五六七八九十", r):
		return true
	}
	return false
}

// parseCaption recognises the caption line of an article, （目的）.
func parseCaption(text string) (string, bool) {
	m := captionRE.FindStringSubmatch(strings.TrimSpace(text))
	if m == nil {
		return "", false
	}
	return m[1], true
}
