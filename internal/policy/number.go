package policy

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"
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
	StyleKatakana                   // ア イ ウ — the 五十音 order of outline documents
	StyleParenKatakana              // (ア) (ｱ)
	StyleKanji                      // 一  — a 号 inside an article
	StyleChapter                    // 第N章
	StyleDivision                   // 第N節
	StyleArticle                    // 第N条, 第N条の2
	StyleClause                     // 項: a bare number opening a paragraph inside an article
	StyleAppendix                   // 別表第N
	StyleSupplement                 // 附則
	StylePart                       // 第N編
	StyleSubsection                 // 第N款
	StyleSubdivision                // 第N目
	StyleIroha                      // イ ロ ハ — the 号の細分 of a 例規
	StyleParenRoman                 // (i) (ii) — below (1) in a 号の細分
	StyleForm                       // 別記, 別記第N
)

var styleNames = [...]string{"none", "dot", "close-paren", "paren", "circled", "katakana", "paren-katakana", "kanji", "chapter", "division", "article", "clause", "appendix", "supplement", "part", "subsection", "subdivision", "iroha", "paren-roman", "form"}

func (s Style) String() string {
	if s < 0 || int(s) >= len(styleNames) {
		return "style(" + strconv.Itoa(int(s)) + ")"
	}
	return styleNames[s]
}

// Group reports whether sections of the style group articles (編, 章, 節,
// 款, 目): they are numbered through a document and cited without the
// groups above them.
func (s Style) Group() bool {
	switch s {
	case StylePart, StyleChapter, StyleDivision, StyleSubsection, StyleSubdivision:
		return true
	}
	return false
}

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

// Less orders numbers as a document does: 5 < 5の2 < 5の2の1 < 6.
func (n Number) Less(m Number) bool {
	if n.N != m.N {
		return n.N < m.N
	}
	for i := 0; i < len(n.Sub) && i < len(m.Sub); i++ {
		if n.Sub[i] != m.Sub[i] {
			return n.Sub[i] < m.Sub[i]
		}
	}
	return len(n.Sub) < len(m.Sub)
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
		if r, ok := KanaLetter(StyleKatakana, n.N); ok {
			return string(r)
		}
	case StyleParenKatakana:
		if r, ok := KanaLetter(StyleKatakana, n.N); ok {
			return "(" + string(r) + ")"
		}
	case StyleIroha:
		if r, ok := KanaLetter(StyleIroha, n.N); ok {
			return string(r)
		}
	case StyleParenRoman:
		return "(" + roman(n.N) + ")"
	case StyleKanji:
		return KanjiNumeral(n.N)
	case StylePart:
		return "第" + strconv.Itoa(n.N) + "編" + sub
	case StyleChapter:
		return "第" + strconv.Itoa(n.N) + "章" + sub
	case StyleDivision:
		return "第" + strconv.Itoa(n.N) + "節" + sub
	case StyleSubsection:
		return "第" + strconv.Itoa(n.N) + "款" + sub
	case StyleSubdivision:
		return "第" + strconv.Itoa(n.N) + "目" + sub
	case StyleArticle:
		return "第" + strconv.Itoa(n.N) + "条" + sub
	case StyleClause:
		return "第" + strconv.Itoa(n.N) + "項"
	case StyleAppendix:
		return "別表第" + strconv.Itoa(n.N) + sub
	case StyleForm:
		return "別記第" + strconv.Itoa(n.N) + sub
	case StyleSupplement:
		return "附則"
	}
	return strconv.Itoa(n.N)
}

// The one numbering lexer. The section tree (which numbers open a
// provision) and the reference grammar in package ref (which numbers are
// cited) read numerals through the functions below, so 第十二条, 第12条
// and 第１２条 are one number everywhere, and a number too large to be a
// section's is rejected in one place.

// Digits says how a number was written, so that a suggested fix writes
// the new number the same way: 第十二条 becomes 第十三条, not 第13条.
type Digits int

const (
	DigitsASCII     Digits = iota // 12
	DigitsFullWidth               // １２
	DigitsKanji                   // 十二
	// DigitsParenthesized is a number written as one character with its
	// parentheses, ⑴ to ⒇, as Word's numbering writes (1).
	DigitsParenthesized
)

// MaxNumber is the largest number a section can carry. A larger one, or
// 0, is not a section number: 第0条 and 上記99999999999999999999 are
// reported, never resolved.
const MaxNumber = 9999

// A Numeral is a number read from text.
type Numeral struct {
	Value  int
	End    int // the byte offset after it
	Digits Digits
	// Absurd is set for 0 and for numbers above MaxNumber; Value is then 0.
	Absurd bool
}

// maxNumeralRunes bounds how far a numeral is read, so that a run of a
// million digits costs no more than a short one.
const maxNumeralRunes = 40

// ReadNumeral reads a number in ASCII, full-width or kanji digits at s[i:]
// (十二, 二十一, 百五, or positional 一〇 as in some 例規).
func ReadNumeral(s string, i int) (Numeral, bool) {
	r, _ := utf8.DecodeRuneInString(s[i:])
	switch {
	case isASCIIDigit(r) || isFullDigit(r):
		return readArabic(s, i), true
	case isKanjiDigit(r):
		return readKanji(s, i)
	}
	return Numeral{}, false
}

func isASCIIDigit(r rune) bool { return r >= '0' && r <= '9' }
func isFullDigit(r rune) bool  { return r >= '０' && r <= '９' }

// IsDigit reports whether r is an ASCII or full-width digit.
func IsDigit(r rune) bool { return isASCIIDigit(r) || isFullDigit(r) }

func isKanjiDigit(r rune) bool {
	_, d := kanjiDigits[r]
	_, u := kanjiUnits[r]
	return d || u
}

func readArabic(s string, i int) Numeral {
	n := Numeral{End: i, Digits: DigitsASCII}
	count := 0
	for n.End < len(s) {
		r, size := utf8.DecodeRuneInString(s[n.End:])
		var d int
		switch {
		case isASCIIDigit(r):
			d = int(r - '0')
		case isFullDigit(r):
			d = int(r - '０')
			n.Digits = DigitsFullWidth
		default:
			return finish(n)
		}
		n.End += size
		if count++; count > maxNumeralRunes {
			n.Absurd = true
			continue
		}
		if !n.Absurd {
			n.Value = n.Value*10 + d
			if n.Value > MaxNumber {
				n.Absurd = true
			}
		}
	}
	return finish(n)
}

func finish(n Numeral) Numeral {
	if n.Value == 0 {
		n.Absurd = true
	}
	if n.Absurd {
		n.Value = 0
	}
	return n
}

var kanjiDigits = map[rune]int{'〇': 0, '零': 0, '一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
var kanjiUnits = map[rune]int{'十': 10, '百': 100, '千': 1000}

func readKanji(s string, i int) (Numeral, bool) {
	k := i
	for k < len(s) && k-i < maxNumeralRunes*3 {
		r, size := utf8.DecodeRuneInString(s[k:])
		if !isKanjiDigit(r) {
			break
		}
		k += size
	}
	v, ok := kanjiValue(s[i:k])
	if !ok {
		// 二三 is not a numeral, but 二 is: read the longest prefix that is.
		for k > i {
			_, size := utf8.DecodeLastRuneInString(s[i:k])
			k -= size
			if v, ok = kanjiValue(s[i:k]); ok {
				break
			}
		}
		if k == i {
			return Numeral{}, false
		}
	}
	return finish(Numeral{Value: v, End: k, Digits: DigitsKanji, Absurd: v > MaxNumber}), true
}

// kanjiValue reads a whole run of kanji digits.
func kanjiValue(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	positional := true
	for _, r := range s {
		if _, ok := kanjiUnits[r]; ok {
			positional = false
		}
	}
	if positional {
		v := 0
		for _, r := range s {
			v = v*10 + kanjiDigits[r]
			if v > 99999 {
				return MaxNumber + 1, true
			}
		}
		return v, true
	}
	total, cur, lastUnit := 0, -1, 10000
	for _, r := range s {
		if d, ok := kanjiDigits[r]; ok {
			if cur >= 0 {
				return 0, false // 二三十 is not a numeral
			}
			cur = d
			continue
		}
		u := kanjiUnits[r]
		if u >= lastUnit {
			return 0, false // 十百 is not a numeral
		}
		lastUnit = u
		if cur < 0 {
			cur = 1
		}
		total += cur * u
		cur = -1
	}
	if cur > 0 {
		total += cur
	}
	return total, true
}

// ParseNumeral reads a whole string as a number in ASCII, full-width or
// kanji digits. It returns false for anything else, and for 0 or numbers
// beyond MaxNumber, except 元 (元年), which is 1.
func ParseNumeral(s string) (int, bool) {
	if s == "元" {
		return 1, true
	}
	if s == "" {
		return 0, false
	}
	n, ok := ReadNumeral(s, 0)
	if !ok || n.End != len(s) || n.Absurd {
		return 0, false
	}
	return n.Value, true
}

// FormatNumber writes n in the digits d.
func FormatNumber(n int, d Digits) string {
	switch d {
	case DigitsFullWidth:
		return width.Widen.String(strconv.Itoa(n))
	case DigitsKanji:
		return KanjiNumeral(n)
	case DigitsParenthesized:
		if n >= 1 && n <= 20 {
			return string(rune(0x2473 + n))
		}
		return "(" + strconv.Itoa(n) + ")"
	}
	return strconv.Itoa(n)
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

// katakanaOrder is the 五十音 order used to number items ア, イ, ウ …;
// irohaOrder the いろは order of a 例規's 号の細分, イ, ロ, ハ ….
var (
	katakanaOrder = []rune("アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン")
	irohaOrder    = []rune("イロハニホヘトチリヌルヲワカヨタレソツネナラムウヰノオクヤマケフコエテアサキユメミシヱヒモセス")
)

// KatakanaNumber returns the position of r in the 五十音 order, from 1, or 0.
func KatakanaNumber(r rune) int { return KanaNumber(StyleKatakana, r) }

// KanaNumber returns the position of the letter r in the order of a kana
// style (StyleKatakana, StyleParenKatakana: 五十音; StyleIroha: いろは), from
// 1, or 0. Half-width letters count as their full-width forms.
func KanaNumber(style Style, r rune) int {
	r = wideKana(r)
	if r < 0x30A0 || r > 0x30FF {
		return 0
	}
	if style == StyleIroha {
		return irohaIndex[r-0x30A0]
	}
	return katakanaIndex[r-0x30A0]
}

// katakanaIndex and irohaIndex give each letter of the katakana block its
// place in the two orders, so that the lexer looks a letter up once.
var katakanaIndex, irohaIndex = indexOrder(katakanaOrder), indexOrder(irohaOrder)

func indexOrder(order []rune) [0x60]int {
	var idx [0x60]int
	for i, r := range order {
		idx[r-0x30A0] = i + 1
	}
	return idx
}

// KanaLetter is the n-th letter of a kana style.
func KanaLetter(style Style, n int) (rune, bool) {
	order := katakanaOrder
	if style == StyleIroha {
		order = irohaOrder
	}
	if n < 1 || n > len(order) {
		return 0, false
	}
	return order[n-1], true
}

// wideKana turns a half-width katakana letter (ｱ) into its full-width form.
func wideKana(r rune) rune {
	if r < 0xFF66 || r > 0xFF9D {
		return r
	}
	w, _ := utf8.DecodeRuneInString(width.Widen.String(string(r)))
	return w
}

// IsKatakana reports whether r is a katakana letter, full- or half-width.
func IsKatakana(r rune) bool {
	return r >= 0x30A0 && r <= 0x30FF || r >= 0x31F0 && r <= 0x31FF || r >= 0xFF66 && r <= 0xFF9F
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

// romanValue reads a small lower- or upper-case roman numeral (i–xxxix),
// ASCII or full-width, as in (i), (ii), (iv).
func romanValue(s string) (int, bool) {
	v, prev := 0, 0
	for i := len(s); i > 0; {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
		var d int
		switch unicode.ToLower(wideToASCII(r)) {
		case 'i':
			d = 1
		case 'v':
			d = 5
		case 'x':
			d = 10
		default:
			return 0, false
		}
		if d < prev {
			v -= d
		} else {
			v += d
			prev = d
		}
	}
	if v <= 0 || v > 39 || roman(v) != strings.ToLower(width.Narrow.String(s)) {
		return 0, false
	}
	return v, true
}

func wideToASCII(r rune) rune {
	if r >= 0xFF01 && r <= 0xFF5E {
		return r - 0xFF01 + '!'
	}
	return r
}

func isRomanRune(r rune) bool {
	switch unicode.ToLower(wideToASCII(r)) {
	case 'i', 'v', 'x':
		return true
	}
	return false
}

func roman(n int) string {
	var b strings.Builder
	for _, p := range []struct {
		v int
		s string
	}{{10, "x"}, {9, "ix"}, {5, "v"}, {4, "iv"}, {1, "i"}} {
		for n >= p.v {
			b.WriteString(p.s)
			n -= p.v
		}
	}
	return b.String()
}

// LabelKind says what form a numbered label takes.
type LabelKind int

const (
	LabelUnit       LabelKind = iota + 1 // 第5条 第5条の2 第2項 第3号 第1章の2 第1節 第1款 第1編 第1目
	LabelParen                           // (1) （１） （一）
	LabelParenKana                       // (ア) (ｱ) (イ)
	LabelParenRoman                      // (i) (ii) （ⅳ is not read; write (iv)）
	LabelCircled                         // ①
	LabelKana                            // ア イ ロ — alone; the caller decides the order
	LabelDigits                          // 2 ２ — a bare number
	LabelKanji                           // 一 十二 — a bare kanji numeral
	LabelAppendix                        // 別表 別表第1 別表第1の2
	LabelForm                            // 別記 別記第1 別記様式第1号 別記第1号様式 様式第1号 第1号様式
	LabelSupplement                      // 附則 付則 附　則
)

// A Label is a number as written at the start of a provision or in a
// reference: what form it takes, its unit for 第N…, its number and where
// it ends.
type Label struct {
	Kind LabelKind
	// Unit is the 単位 of a LabelUnit: 編 章 節 款 目 条 項 号.
	Unit rune
	Num  Number
	// Kana is the letter of a LabelKana or LabelParenKana, full-width.
	Kana   rune
	Digits Digits
	End    int
	// NumStart and NumEnd are where the main number is written, for a
	// fix that rewrites it.
	NumStart, NumEnd int
	// SubStart and SubEnd are where the branch numbers of a 第N…, 別表 or
	// 別記 label are written (の2 of 第5条の2, of 様式第1号の2), or would
	// be: a fix writes them anew there and keeps the words around them
	// (the 号 of 別記様式第1号).
	SubStart, SubEnd int
	// Absurd is set when a number is 0 or above MaxNumber.
	Absurd bool
}

// units are the 単位 of 第N… labels, the groups of articles first.
const units = "編章節款目条項号"

// unitWords are the characters that make a unit the first half of a word:
// 第2項目, 第1号様式, 第1号被保険者, 第1目標, 第5条件, 第2節目 (the second
// time, not 第2節 and a 目) are not labels.
var unitWords = map[rune]string{
	'項': "目",
	'号': "様機館被議線車室目",
	'目': "標的次",
	'編': "集成",
	'章': "目",
	'節': "約電分句目",
	'条': "件例約文目",
}

// Lex reads the label at s[i:], if there is one. It reads forms, not
// meaning: whether a bare 2 opens a 項 or counts days is the caller's
// to decide, from what surrounds it.
func Lex(s string, i int) (Label, bool) {
	if i >= len(s) {
		return Label{}, false
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	j := i + size
	switch {
	case r == '第':
		n, ok := ReadNumeral(s, j)
		if !ok {
			return Label{}, false
		}
		u, usize := utf8.DecodeRuneInString(s[n.End:])
		if u == '号' && strings.HasPrefix(s[n.End+usize:], "様式") {
			// 第1号様式: a form's name, not a 号.
			l := Label{Kind: LabelForm, Num: Number{N: n.Value}, Digits: n.Digits, NumStart: j, NumEnd: n.End, Absurd: n.Absurd}
			l.SubStart, l.SubEnd = n.End+usize, n.End+usize
			l.End = l.SubEnd + len("様式")
			return l, true
		}
		if !strings.ContainsRune(units, u) || strings.ContainsRune(unitWords[u], firstRune(s[n.End+usize:])) {
			return Label{}, false
		}
		l := Label{Kind: LabelUnit, Unit: u, Num: Number{N: n.Value}, Digits: n.Digits, NumStart: j, NumEnd: n.End, Absurd: n.Absurd}
		l.SubStart = n.End + usize
		l.End = readBranches(s, l.SubStart, &l)
		l.SubEnd = l.End
		return l, true
	case r == '別':
		switch {
		case strings.HasPrefix(s[i:], "別表"):
			l := Label{Kind: LabelAppendix, Num: Number{N: 1}, End: i + len("別表")}
			readOrdinal(s, &l)
			return l, true
		case strings.HasPrefix(s[i:], "別記"):
			l := Label{Kind: LabelForm, Num: Number{N: 1}, End: i + len("別記")}
			if strings.HasPrefix(s[l.End:], "様式") {
				l.End += len("様式")
			}
			readForm(s, &l)
			return l, true
		}
	case r == '様':
		// 様式第1号, 様式第1号の2: a form's name, as 別記様式第1号 is.
		if !strings.HasPrefix(s[i:], "様式第") {
			return Label{}, false
		}
		l := Label{Kind: LabelForm, Num: Number{N: 1}, End: i + len("様式")}
		readForm(s, &l)
		if l.NumEnd == 0 {
			return Label{}, false
		}
		return l, true
	case r == '附' || r == '付':
		k := j
		for k < len(s) && (s[k] == ' ' || strings.HasPrefix(s[k:], "　")) {
			_, sz := utf8.DecodeRuneInString(s[k:])
			k += sz
		}
		if strings.HasPrefix(s[k:], "則") {
			return Label{Kind: LabelSupplement, Num: Number{N: 1}, End: k + len("則")}, true
		}
	case r == '(' || r == '（':
		return lexParen(s, i, j)
	case IsDigit(r):
		n := readArabic(s, i)
		return Label{Kind: LabelDigits, Num: Number{N: n.Value}, Digits: n.Digits, End: n.End, NumStart: i, NumEnd: n.End, Absurd: n.Absurd}, true
	case isKanjiDigit(r):
		n, ok := readKanji(s, i)
		if !ok {
			return Label{}, false
		}
		l := Label{Kind: LabelKanji, Num: Number{N: n.Value}, Digits: DigitsKanji, NumStart: i, NumEnd: n.End, SubStart: n.End, Absurd: n.Absurd}
		// 二の二: a 号 inserted after 二 (枝番), as 第2号の2 cites it.
		l.End = readBranches(s, n.End, &l)
		l.SubEnd = l.End
		return l, true
	case r >= '⑴' && r <= '⒇':
		// ⑴: (1) written as one character.
		return Label{Kind: LabelParen, Num: Number{N: int(r - 0x2473)}, Digits: DigitsParenthesized, End: j, NumStart: i, NumEnd: j}, true
	case CircledNumber(r) > 0:
		return Label{Kind: LabelCircled, Num: Number{N: CircledNumber(r)}, End: j, NumStart: i, NumEnd: j}, true
	case KanaNumber(StyleKatakana, r) > 0 || KanaNumber(StyleIroha, r) > 0:
		return Label{Kind: LabelKana, Kana: wideKana(r), End: j, NumStart: i, NumEnd: j}, true
	}
	return Label{}, false
}

// readBranches reads the branch numbers of 第5条の2の3 into l.
func readBranches(s string, k int, l *Label) int {
	for strings.HasPrefix(s[k:], "の") {
		n, ok := ReadNumeral(s, k+len("の"))
		if !ok {
			break
		}
		if n.Absurd {
			l.Absurd = true
		}
		l.Num.Sub = append(l.Num.Sub, n.Value)
		k = n.End
		if len(l.Num.Sub) > 8 {
			break
		}
	}
	return k
}

// readOrdinal reads 第N(のM) after 別表 or 別記.
func readOrdinal(s string, l *Label) {
	l.SubStart, l.SubEnd = l.End, l.End
	if !strings.HasPrefix(s[l.End:], "第") {
		return
	}
	k := l.End + len("第")
	n, ok := ReadNumeral(s, k)
	if !ok {
		return
	}
	l.Num.N, l.Digits, l.NumStart, l.NumEnd, l.Absurd = n.Value, n.Digits, k, n.End, n.Absurd
	l.SubStart = n.End
	l.End = readBranches(s, n.End, l)
	l.SubEnd = l.End
}

// readForm reads the number of a form's name after 別記, 別記様式 or 様式:
// 第1, 第1号, 第1号の2, 第1号様式.
func readForm(s string, l *Label) {
	readOrdinal(s, l)
	if !strings.HasPrefix(s[l.End:], "号") || l.NumEnd == 0 {
		return
	}
	l.End += len("号")
	if l.SubEnd == l.SubStart {
		// 様式第1号の2: the branch stands after 号.
		l.SubStart = l.End
		l.End = readBranches(s, l.End, l)
		l.SubEnd = l.End
	}
	if strings.HasPrefix(s[l.End:], "様式") {
		l.End += len("様式") // 別記第1号様式
	}
}

// lexParen reads (1) （１） （一） (ア) (ｱ) (i): a number or letter in
// round brackets, spaces allowed inside.
func lexParen(s string, i, j int) (Label, bool) {
	k := skipBlank(s, j)
	if k >= len(s) {
		return Label{}, false
	}
	r, size := utf8.DecodeRuneInString(s[k:])
	l := Label{NumStart: k}
	switch {
	case IsDigit(r) || isKanjiDigit(r):
		n, ok := ReadNumeral(s, k)
		if !ok {
			return Label{}, false
		}
		l.Kind, l.Num, l.Digits, l.NumEnd, l.Absurd = LabelParen, Number{N: n.Value}, n.Digits, n.End, n.Absurd
	case KanaNumber(StyleKatakana, r) > 0:
		l.Kind, l.Kana, l.NumEnd = LabelParenKana, wideKana(r), k+size
		l.Num = Number{N: KanaNumber(StyleKatakana, r)}
	case isRomanRune(r):
		e := k
		for e < len(s) {
			c, csize := utf8.DecodeRuneInString(s[e:])
			if !isRomanRune(c) || e-k > 18 {
				break
			}
			e += csize
		}
		v, ok := romanValue(s[k:e])
		if !ok {
			return Label{}, false
		}
		l.Kind, l.Num, l.NumEnd = LabelParenRoman, Number{N: v}, e
	default:
		return Label{}, false
	}
	k = skipBlank(s, l.NumEnd)
	c, csize := utf8.DecodeRuneInString(s[k:])
	if c != ')' && c != '）' {
		return Label{}, false
	}
	l.End = k + csize
	return l, true
}

func skipBlank(s string, i int) int {
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r != ' ' && r != '\t' && r != '　' {
			break
		}
		i += size
	}
	return i
}

// unitStyles maps the unit of a 第N… label opening a provision to its style.
var unitStyles = map[rune]Style{'編': StylePart, '章': StyleChapter, '節': StyleDivision, '款': StyleSubsection, '目': StyleSubdivision, '条': StyleArticle}

// A numbered is what ParseNumbered found at the start of a text.
type numbered struct {
	Style Style
	Num   Number
	Label string // the number as written, e.g. "(1)", "第５条の２"
	Rest  string // the text after the number, trimmed
	// Kana is the letter of a katakana label: its number depends on the
	// order (五十音 or いろは) the tree builder decides on.
	Kana rune
	// Tight is set when the text follows the number with no space
	// between: ２職員等は.
	Tight bool
	// Through is the last number of a range of provisions written as one,
	// as an excerpt elides them: ２・３　（略）, 一～四　（略）; 0 otherwise.
	Through int
	// Provisional is set for 第?条: an inserted provision whose number the
	// editor left to policyctl renumber. Its Num is 0.
	Provisional bool
}

// ParseNumbered reads the number that opens a heading, paragraph or list item.
// inArticle enables the styles that only make sense inside an article of a
// 例規-style document: a bare number (項) and a kanji numeral (号).
func ParseNumbered(text string, inArticle bool) (numbered, bool) {
	return parseNumbered(text, inArticle, false)
}

// parseNumbered reads an opening number. tight also accepts a bare number
// followed directly by text (２職員等は), which the tree builder allows
// only where the number is the next 項.
func parseNumbered(text string, inArticle, tight bool) (numbered, bool) {
	return parseNumberedIn(text, inArticle, tight, false)
}

// parseHeadingNumber is parseNumbered for a heading's text, which is never a
// citation: a 章, 節, 附則 or 別表 label may run into its title there
// (## 第1章総則), as some offices write it.
func parseHeadingNumber(text string) (numbered, bool) {
	return parseNumberedIn(text, false, false, true)
}

func parseNumberedIn(text string, inArticle, tight, heading bool) (numbered, bool) {
	t := strings.TrimLeft(text, " \t　")
	if !MayBeNumbered(t) {
		return numbered{}, false
	}
	if nb, ok := parseProvisional(t); ok {
		return nb, true
	}
	l, ok := Lex(t, 0)
	if !ok || l.Absurd {
		return numbered{}, false
	}
	through := 0
	if l.Kind == LabelDigits || l.Kind == LabelKanji || l.Kind == LabelCircled {
		// ２・３　（略）, ６～８　（略）, 一～四　（略）, ③～⑤　（略）
		for _, sep := range []string{"～", "〜", "・"} {
			if !strings.HasPrefix(t[l.End:], sep) {
				continue
			}
			if m, ok := Lex(t, l.End+len(sep)); ok && m.Kind == l.Kind && !m.Absurd && m.Num.N > l.Num.N && m.Num.N-l.Num.N < 100 {
				through, l.End = m.Num.N, m.End
			}
			break
		}
	}
	if l.Kind == LabelUnit && len(l.Num.Sub) == 0 {
		// 第2条から第4条まで　削除, 第2条及び第3条　削除: deleted provisions
		// whose placeholders stand in one line.
		if m, end, ok := deletedRange(t, l); ok {
			through, l.End = m, end
		}
	}
	label := t[:l.End]
	rest := t[l.End:]
	spaced := rest == "" || strings.ContainsRune(" \t　\n", firstRune(rest))
	mk := func(style Style, n Number) (numbered, bool) {
		r := strings.Trim(rest, " \t　")
		if citesLabel(r) || !spaced && strings.ContainsRune(particles, firstRune(r)) {
			// "(1) に示す組織に…" opens with a reference, not a number.
			return numbered{}, false
		}
		if through > 0 && !spaced {
			return numbered{}, false
		}
		if !spaced && structural(style) && !strings.HasPrefix(r, "(") && !strings.HasPrefix(r, "（") && !(heading && style != StyleArticle) {
			// 第1条第2項の規定にかかわらず…, 附則第2条第2項に規定するもの:
			// a line that opens with a citation. A label is followed by a
			// space, the end of the line or its caption, 第1条（目的）;
			// anything else written right after it goes on citing.
			return numbered{}, false
		}
		return numbered{Style: style, Num: n, Label: label, Rest: r, Kana: l.Kana, Tight: !spaced, Through: through}, true
	}
	switch l.Kind {
	case LabelUnit:
		if style, ok := unitStyles[l.Unit]; ok {
			return mk(style, l.Num)
		}
	case LabelSupplement:
		return mk(StyleSupplement, l.Num)
	case LabelAppendix:
		return mk(StyleAppendix, l.Num)
	case LabelForm:
		if !strings.HasPrefix(label, "別記") {
			// 様式第1号 and 第1号様式 number forms apart from the 別記
			// (a 規程 has 別記第1 and 様式第1号 side by side), and a
			// heading of theirs stays unnumbered: references find it by
			// its title.
			return numbered{}, false
		}
		return mk(StyleForm, l.Num)
	case LabelDigits:
		// 1. １． — the outline style; not 1.5 or 2.4GHz.
		if c := firstRune(rest); (c == '.' || c == '．') && l.Num.N < 1000 {
			after := rest[utf8.RuneLen(c):]
			if after == "" || !IsDigit(firstRune(after)) {
				label = t[:l.End+utf8.RuneLen(c)]
				rest = after
				spaced = true
				return mk(StyleDot, l.Num)
			}
		}
		if inArticle && l.Num.N < 1000 && (spaced || tight && tightClause(rest)) {
			return mk(StyleClause, l.Num)
		}
	case LabelKanji:
		if inArticle && spaced && l.Num.N < 1000 {
			return mk(StyleKanji, l.Num)
		}
	case LabelParen:
		// （一） is written in some 例規 for (1): the same style.
		return mk(StyleParen, l.Num)
	case LabelParenKana:
		return mk(StyleParenKatakana, l.Num)
	case LabelParenRoman:
		return mk(StyleParenRoman, l.Num)
	case LabelCircled:
		return mk(StyleCircled, l.Num)
	case LabelKana:
		// ア alone is a number only when a space or a period follows it;
		// otherwise it is the first letter of a word such as アクセス.
		if c := firstRune(rest); c == ' ' || c == '　' || c == '\t' || c == '.' || c == '．' {
			if c == '.' || c == '．' {
				label = t[:l.End+utf8.RuneLen(c)]
				rest = rest[utf8.RuneLen(c):]
			}
			n := KanaNumber(StyleKatakana, l.Kana)
			if n == 0 {
				n = KanaNumber(StyleIroha, l.Kana) // ロ, ヰ: only in the いろは order
			}
			return mk(StyleKatakana, Number{N: n})
		}
	}
	return numbered{}, false
}

// counters are what follows a number that counts rather than numbers a 項:
// 2日, 3か月, 2以上, 10人. A line that starts with one is text.
const counters = "日月年時分秒人名件回個か箇ヶケカ条項号章節款目編割倍円歳週期度階部台枚本冊通点つ以未超万億千百十番位級等者社校人"

// tightClause reports whether the text right after a bare number can be
// the start of a 項's sentence: ２職員等は, but not 2日以内 or 2.5.
func tightClause(rest string) bool {
	r := firstRune(rest)
	if r == utf8.RuneError || strings.ContainsRune(counters, r) {
		return false
	}
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || IsKatakana(r) && r != 'ー'
}

// TightNumber reports whether text opens with a bare number followed
// directly by text, and the number: 2日以内 → 2, true; ２職員等は → 2, true.
// The tree builder asks when a bare number is not clearly a 項.
func tightNumber(text string) (int, bool) {
	t := strings.TrimLeft(text, " \t　")
	r := firstRune(t)
	if !IsDigit(r) {
		return 0, false
	}
	n := readArabic(t, 0)
	if n.Absurd || n.End >= len(t) {
		return 0, false
	}
	c := firstRune(t[n.End:])
	if c == ' ' || c == '　' || c == '\t' || c == '.' || c == '．' || IsDigit(c) {
		return 0, false
	}
	return n.Value, true
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// citations are what follows a number that is cited rather than a label:
// (1)に示す, ①に準じ, 3及び4, (2)の規定.
var citations = []string{"に示す", "に定め", "に掲げ", "に規定", "に準じ", "に準ず", "に基づ", "に従", "による", "において", "の規定", "及び", "並びに", "又は", "若しくは", "から", "まで", "、", "・", "を除", "に該当", "の場合"}

// particles right after a number mark a citation too: (1)の組織, 第5条は.
const particles = "のをがはにでともへや"

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
// over without running the lexer.
func MayBeNumbered(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	switch {
	case IsDigit(r), r >= '⑴' && r <= '⒇', r == '(', r == '（', r == '第', r == '別', r == '附', r == '付':
		return true
	case CircledNumber(r) > 0, KanaNumber(StyleKatakana, r) > 0, KanaNumber(StyleIroha, r) > 0, isKanjiDigit(r):
		return true
	}
	return false
}

// parseCaption recognises the caption line of an article, （目的）.
func parseCaption(text string) (string, bool) {
	t := strings.TrimSpace(text)
	open, size := utf8.DecodeRuneInString(t)
	if open != '(' && open != '（' || len(t) <= size {
		return "", false
	}
	end, esize := utf8.DecodeLastRuneInString(t)
	if end != ')' && end != '）' {
		return "", false
	}
	inner := t[size : len(t)-esize]
	n := utf8.RuneCountInString(inner)
	if n < 1 || n > 30 || strings.ContainsAny(inner, "()（）\n") {
		return "", false
	}
	if l, ok := Lex(t, 0); ok && l.End == len(t) {
		return "", false // (1), (ア), (ii): a number, not a caption
	}
	if strings.Contains(inner, "年") && strings.HasSuffix(inner, "号") {
		return "", false // （令和7年規則第5号）: a law's number
	}
	// A caption may cite: （前条第2項の特例）, （第1条の特例）.
	return inner, true
}

// parseProvisional reads 第?条 (also 第？条, 第?章, 第?節 …) opening a
// provision: an editor inserting an article writes it so, and policyctl
// renumber gives it its place in the sequence. Only a provision's own
// label is read so; a reference to 第?条 is text.
func parseProvisional(t string) (numbered, bool) {
	rest, ok := strings.CutPrefix(t, "第")
	if !ok {
		return numbered{}, false
	}
	if rest, ok = strings.CutPrefix(rest, "?"); !ok {
		if rest, ok = strings.CutPrefix(rest, "？"); !ok {
			return numbered{}, false
		}
	}
	u, size := utf8.DecodeRuneInString(rest)
	style, ok := unitStyles[u]
	if !ok {
		return numbered{}, false
	}
	label := t[:len(t)-len(rest)+size]
	after := rest[size:]
	if after != "" && !strings.ContainsRune(" \t　\n", firstRune(after)) {
		return numbered{}, false
	}
	return numbered{Style: style, Label: label, Rest: strings.Trim(after, " \t　"), Provisional: true}, true
}

// structural reports whether a style numbers the provisions a document is
// built of — 編 to 目, 条, 附則, 別表, 別記 — whose labels stand apart from
// their text, unlike a 項's ２職員等は.
func structural(s Style) bool {
	switch s {
	case StyleArticle, StyleSupplement, StyleAppendix, StyleForm:
		return true
	}
	return s.Group()
}

// Deleted is the text of a provision that was deleted and keeps its number
// so that the provisions after it keep theirs: 第2条　削除.
const Deleted = "削除"

// deletedRange reads the rest of 第2条から第4条まで　削除 or 第2条及び第3条
// 削除 after the label l at t: the last number and where the label ends.
// Only a line whose text is 削除 is read so; 第2条から第4条までの規定 is a
// citation.
func deletedRange(t string, l Label) (int, int, bool) {
	k := l.End
	var word string
	for _, w := range []string{"から", "及び", "・", "、"} {
		if strings.HasPrefix(t[k:], w) {
			word, k = w, k+len(w)
			break
		}
	}
	if word == "" {
		return 0, 0, false
	}
	m, ok := Lex(t, k)
	if !ok || m.Kind != LabelUnit || m.Unit != l.Unit || m.Absurd || len(m.Num.Sub) > 0 || m.Num.N <= l.Num.N || m.Num.N-l.Num.N >= 100 {
		return 0, 0, false
	}
	if word != "から" && m.Num.N != l.Num.N+1 {
		return 0, 0, false
	}
	end := m.End
	if word == "から" {
		if !strings.HasPrefix(t[end:], "まで") {
			return 0, 0, false
		}
		end += len("まで")
	}
	if strings.Trim(t[end:], " \t　\n") != Deleted || !strings.ContainsRune(" \t　", firstRune(t[end:])) {
		return 0, 0, false
	}
	return m.Num.N, end, true
}
