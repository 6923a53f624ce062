package ref

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/policyctl/policyctl/internal/policy"
)

// The grammar of Japanese textual references, as named patterns with
// examples. scan reads a text into expressions; resolve.go gives them
// meaning against the section tree. Numbers are read by policy.Lex, the
// lexer the section tree uses too: ASCII, full-width and kanji digits,
// circled numbers, イロハ and アイウ.
//
//	expression = [citation] [direction] range { connective range }
//	range      = chain [ から chain まで | ～ chain ]        第1号から第3号まで, 前条から第5条まで
//	chain      = link { [caption] link } [part] [exclusion]  第5条第2項第3号イ, 第149条（捜索調書）第1項
//	citation   = document | law                              基本方針6(3), 地方自治法第244条
//	document   = a tier's name or a document title, maybe in 「」 or 『』   対策基準第5条, 「監視手順」2(1)
//	law        = a law's name, number or abbreviation        地方自治法（昭和22年法律第67号）第244条の6第1項, 法第3条
//	direction  = 上記 | 前記 | 下記 | 後記                     上記3, 前記(2), 下記4, 後記5
//	connective = 、 | ， | ・ | 及び | 並びに | 又は | 若しくは
//	caption    = （…） between two links of a chain         第149条（捜索調書）第1項
//	part       = ただし書 | 本文 | 前段 | 後段 | 各号列記以外の部分   第5条ただし書, 前項各号列記以外の部分
//	exclusion  = （ chain {connective chain} を除く。）         各号（第二号を除く。）
//	           | （ chain {connective chain} に限る。）         第2条（第1号に限る。）
//	             (either with に係る部分 before it: 第5条（第2項に係る部分に限る。）)
//
// A link is one of the patterns below, each with its examples.

// level is what a link names. Resolution works on levels, never on the
// words 条, 項 and 号.
type level int

const (
	levelOutline    level = iota // 3, (1), ①, (ア), ア: the numbers of an outline document
	levelDocument                // この規程, 本要綱
	levelPart                    // 編
	levelChapter                 // 章
	levelSection                 // 節
	levelSubsection              // 款
	levelDivision                // 目
	levelArticle                 // 条
	levelClause                  // 項
	levelItem                    // 号
	levelSubitem1                // イ ロ ハ: 号の細分
	levelSubitem2                // (1): the 細分 of イ
	levelSubitem3                // (i): the 細分 of (1)
	levelTable                   // 別表
	levelForm                    // 別記
	levelSupplement              // 附則
	levelMain                    // 本則
)

// unitLevels are the levels the units of 第N… and of the relative words
// name: 第2章, 前節, 同条, この項, 前表.
var unitLevels = map[rune]level{
	'編': levelPart, '章': levelChapter, '節': levelSection, '款': levelSubsection, '目': levelDivision,
	'条': levelArticle, '項': levelClause, '号': levelItem, '表': levelTable,
}

// groupStyles are the styles of the levels that group articles.
var levelStyles = map[level]policy.Style{
	levelPart: policy.StylePart, levelChapter: policy.StyleChapter, levelSection: policy.StyleDivision,
	levelSubsection: policy.StyleSubsection, levelDivision: policy.StyleSubdivision, levelArticle: policy.StyleArticle,
	levelClause: policy.StyleClause, levelTable: policy.StyleAppendix, levelForm: policy.StyleForm,
	levelSupplement: policy.StyleSupplement,
}

type linkKind int

const (
	linkNamed   linkKind = iota // 第5条 第5条の2 第十二条 第2項 第3号 第1章の2 第1節 別表第1 別表 別記 附則 本則; イ (after a 号)
	linkPrev                    // 前条 前項 前号 前章 前節 前款 前表; 前々条 (count 2)
	linkNext                    // 次条 次項 次号 次章 次節
	linkPrevN                   // 前二条 前三項 前各号 前各項 (count -1: 各)
	linkSame                    // 同条 同項 同号 同表 同章
	linkHere                    // この条 本条 この項 本号 この章 この附則; この規程 本要綱 この基本方針 (the document)
	linkEach                    // 各号 各項 次の各号
	linkOutline                 // 3 (after 上記 or a document name), (1) （１）, ①, (ア), ア (in a list)
)

// link is one element of a chain.
type link struct {
	kind  linkKind
	level level
	// style is the numbering style an outline link names.
	style policy.Style
	num   policy.Number
	// kana is the letter of イ, ア, (ア).
	kana  rune
	count int // for linkPrevN: how many; -1 for 前各号
	start int // byte offsets in the scanned text
	end   int
	// numStart and numEnd are where the number is written, and digits how,
	// for a fix that rewrites it.
	numStart, numEnd int
	digits           policy.Digits
	absurd           bool // 第0条, 上記99999999999999999999
	// form is set for the name of a form, 別記様式第1号, 別記第1号様式,
	// 様式第1号 or 第1号様式: a form of the document when it has one,
	// otherwise a form kept outside the text (cities publish their 様式 as
	// separate files). formOnly is set when it is written without 別記:
	// then it names a form written 様式, never a 別記 that is not one.
	form, formOnly bool
}

// chain is a sequence of links written without a break: 6(3)①,
// 第5条第2項第3号, 前項各号.
type chain struct {
	links []link
	start int
	end   int
	part  string // ただし書, 本文, 前段, 後段, 各号列記以外の部分
	// exclude are the chains of （第二号を除く。）, resolved below this one;
	// with only set, those of （第一号に限る。）, which narrow it to them.
	exclude []chain
	only    bool
}

// expr is one reference expression: 上記6、7及び8 is one expression with
// three chains.
type expr struct {
	start, end int
	doc        string // the document name as written, or ""
	direction  string // 上記, 前記, 下記 or ""
	chains     []chain
	// ranges[i] is true when chains[i] and chains[i+1] are the two ends of
	// a range (から…まで, ～).
	ranges []bool
	// external is set for a citation of another law: recognised, never
	// resolved in this repository.
	external bool
	law      string // the law cited, as written, when the text names it
	// abbrev is the abbreviation a law number defines: （…号。以下「法」という。）
	abbrev string
	// weak is set for a katakana letter read only because の follows it,
	// アの研修: a reference only where katakana items stand around it.
	weak bool
	// same is set for 同(2), 同①: the outline number beside the one of
	// its style the text named last (2(1)による。同(2)による。).
	same bool
}

// relWords are the relative words and what they name, longest first.
var relWords = func() []relWord {
	var out []relWord
	add := func(w string, k linkKind, count int) {
		r, _ := utf8.DecodeLastRuneInString(w)
		out = append(out, relWord{w, k, unitLevels[r], count})
	}
	for _, u := range "編章節款目条項号表" {
		add("前"+string(u), linkPrev, 1)    // 前条, 前項, 前号, 前章, 前節, 前表
		add("前々"+string(u), linkPrev, 2)   // 前々条, 前々項: the one two before
		add("前前"+string(u), linkPrev, 2)   // 前前条, as some write it
		add("次"+string(u), linkNext, 1)    // 次条, 次項, 次号, 次章
		add("同"+string(u), linkSame, 0)    // 同条, 同項, 同号, 同表
		add("この"+string(u), linkHere, 0)   // この条, この項, この号, この章
		add("本"+string(u), linkHere, 0)    // 本条, 本項, 本号, 本章
		add("前各"+string(u), linkPrevN, -1) // 前各号, 前各項, 前各条
		for n := 2; n <= 10; n++ {
			add("前"+policy.KanjiNumeral(n)+string(u), linkPrevN, n)                         // 前二条, 前三項
			add("前"+strconv.Itoa(n)+string(u), linkPrevN, n)                                // 前2項
			add("前"+policy.FormatNumber(n, policy.DigitsFullWidth)+string(u), linkPrevN, n) // 前２項
		}
	}
	add("各号", linkEach, 0)   // 各号
	add("各項", linkEach, 0)   // 各項
	add("次の各号", linkEach, 0) // 次の各号に掲げる
	sort.SliceStable(out, func(i, j int) bool { return len(out[i].word) > len(out[j].word) })
	return out
}()

// relWordsByStart are relWords by their first two characters, longest
// first: a reference is read at every place that may start one, and most
// of the three hundred words start with 前. Every word has two.
var relWordsByStart = func() map[[2]rune][]relWord {
	m := map[[2]rune][]relWord{}
	for _, w := range relWords {
		m[startOf(w.word)] = append(m[startOf(w.word)], w)
	}
	return m
}()

// startOf is the first two characters of s (-1 for one missing).
func startOf(s string) [2]rune {
	k := [2]rune{-1, -1}
	if s == "" {
		return k
	}
	r, n := utf8.DecodeRuneInString(s)
	k[0] = r
	if n < len(s) {
		k[1], _ = utf8.DecodeRuneInString(s[n:])
	}
	return k
}

type relWord struct {
	word  string
	kind  linkKind
	level level
	count int
}

// notRelative are the characters that make a relative word the first half
// of an ordinary word: 本条例, 同条件, 前項目, 本文, 同表現, 次号機, 本章立て.
const notRelative = "件例約目文現機立集"

// docWords are what a document calls itself after この or 本: この規程,
// 本要綱, この基本方針.
var docWords = []string{"情報セキュリティポリシー", "ポリシー", "基本方針", "対策基準", "実施手順", "規程", "規則", "要綱", "要領", "基準", "方針", "手順", "条例", "訓令", "告示", "指針", "法律", "政令", "省令", "府令", "附則"}

// parts are the parts of a 項 a chain may end with: 第5条ただし書,
// 同条第3項後段, 前項各号列記以外の部分, 同項本文.
var parts = []string{"各号列記以外の部分", "ただし書", "本文", "前段", "後段"}

// directions are the words that say where a reference points.
var directions = []string{"上記", "前記", "下記", "後記"}

// pointsUp and pointsDown say which way a direction word points: 上記 and
// 前記 above the reference, 下記 and 後記 below it.
func pointsUp(d string) bool   { return d == "上記" || d == "前記" }
func pointsDown(d string) bool { return d == "下記" || d == "後記" }

// connectives join the chains of a list or a range, longest first.
var connectives = []string{"並びに", "若しくは", "ないし", "及び", "又は", "から", "乃至", "、", "，", "・", "～", "〜", "~"}

const num = `(?:[0-9０-９]+|[一二三四五六七八九十百千〇]+|元)`

var (
	// A law's number, （昭和二十五年法律第二百六十一号）, （令和2年みどり野市
	// 規則第10号）, （平成15年法律第57号。以下「法」という。）: part of a
	// citation, never a reference into the policy, however long.
	lawNumberRE = regexp.MustCompile(`^[(（]\s*(?:明治|大正|昭和|平成|令和)` + num + `年(?:` + num + `月(?:` + num + `日)?)?[^()（）「」。]{0,40}?第` + num + `号(?:。以下「([^「」]{1,30})」という。?)?\s*[)）]`)
	// The end of a law's name just before a chain: 地方自治法第244条,
	// 個人情報の保護に関する法律第2条, 同法第5条, 電気通信事業法附則第五条,
	// 日本国憲法第73条.
	lawNameRE = regexp.MustCompile(`(?:法|法律|政令|省令|府令|規則|条例|施行令|同令|憲法)(?:[(（][^()（）]*[)）])?\s*$`)
	// The end of another instrument's name: 文書管理規程第二条, 推進要綱第三条,
	// 統一基準第三条, 総務省告示第3号, ガイドライン第二条. Unlike a law's, the
	// word alone (本規程, 同基準, この要綱) is not one: it names this
	// document or one cited before.
	instrumentRE = regexp.MustCompile(`(?:規程|要綱|要領|訓令|告示|通知|通達|指針|ガイドライン|基準|方針|規約|細則)(?:[(（][^()（）]*[)）])?\s*$`)
	// The end of a standard's name and number: 日本産業規格Q27001第6章,
	// JIS Q 27002, ISO/IEC 27001:2022.
	standardRE = regexp.MustCompile(`(?:規格|JIS|ISO|IEC|ＪＩＳ|ＩＳＯ)\s*[A-ZＡ-Ｚ]?\s*[0-9０-９]+(?:[-:：‐][0-9０-９]+)*\s*$`)
	// 以下「職員等」という。 — a definition's name, in a parenthetical or a
	// sentence.
	abbrevRE = regexp.MustCompile(`以下(?:[^「」。]{0,30}?)「([^「」]{1,30})」という`)
)

// scanner holds what scan needs besides the text: the names by which
// documents are cited, longest first, and the laws the text abbreviates.
type scanner struct {
	names map[string]bool
	// lengths are the byte lengths of the names, longest first, so that
	// 情報セキュリティ対策基準 wins over 対策基準; firsts their first runes.
	lengths []int
	firsts  map[rune]bool
	// laws are the abbreviations the text defined for laws: 法, 令, 番号法.
	laws map[string]bool
}

func newScanner(names []string) *scanner {
	s := &scanner{names: map[string]bool{}, firsts: map[rune]bool{}, laws: map[string]bool{}}
	seen := map[int]bool{}
	for _, n := range names {
		if n == "" {
			continue
		}
		s.names[n] = true
		r, _ := utf8.DecodeRuneInString(n)
		s.firsts[r] = true
		if !seen[len(n)] {
			seen[len(n)] = true
			s.lengths = append(s.lengths, len(n))
		}
	}
	sort.Sort(sort.Reverse(sort.IntSlice(s.lengths)))
	return s
}

// bareOrdinal reads 第2 (第2の2) at text[k:] with no unit after it, as
// another of like: the 第2 of 別表第1及び第2.
func bareOrdinal(text string, k int, like link) (link, bool) {
	if !strings.HasPrefix(text[k:], "第") {
		return link{}, false
	}
	n, ok := policy.ReadNumeral(text, k+len("第"))
	if !ok || n.Absurd {
		return link{}, false
	}
	l := like
	l.num = policy.Number{N: n.Value}
	l.start, l.numStart, l.numEnd, l.digits, l.absurd = k, k+len("第"), n.End, n.Digits, false
	end := n.End
	for strings.HasPrefix(text[end:], "の") {
		m, ok := policy.ReadNumeral(text, end+len("の"))
		if !ok || m.Absurd {
			break
		}
		l.num.Sub = append(l.num.Sub, m.Value)
		end = m.End
	}
	// Only a connective, a particle or punctuation may follow: 第2条, 第2欄,
	// 第2種 and 第2表 are other things.
	if r, _ := utf8.DecodeRuneInString(text[end:]); unicode.Is(unicode.Han, r) || unicode.Is(unicode.Katakana, r) || r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
		if _, _, conn := connective(text, end); !conn {
			return link{}, false
		}
	}
	l.end = end
	return l, true
}

// relativeToHere reports whether a link counts from where it is written
// (前項, 次条, 前各号, この条), whatever document the list it stands in
// began with.
func relativeToHere(k linkKind) bool {
	return k == linkPrev || k == linkNext || k == linkPrevN || k == linkHere
}

// sameDoc is the document name of 同基準, 同方針, 同手順: the document the
// text cited last.
const sameDoc = "同"

// sameDocWord returns 同基準 or its like at text[i:], or "".
func sameDocWord(text string, i int) string {
	if !strings.HasPrefix(text[i:], sameDoc) {
		return ""
	}
	for _, w := range []string{"対策基準", "実施手順", "基本方針", "ガイドライン", "基準", "方針", "手順", "規程", "要綱", "要領", "指針", "規格"} {
		if strings.HasPrefix(text[i+len(sameDoc):], w) {
			return text[i : i+len(sameDoc)+len(w)]
		}
	}
	return ""
}

// docName returns the longest document name at text[i:], or "".
func (s *scanner) docName(text string, i int) string {
	for _, l := range s.lengths {
		if i+l <= len(text) && s.names[text[i:i+l]] {
			return text[i : i+l]
		}
	}
	return ""
}

// skipAbbreviation passes over a parenthetical that defines an
// abbreviation, （以下「管理手順」という。）, at text[i:]: where it ends, or
// i when there is none.
func skipAbbreviation(text string, i int) int {
	r, size := utf8.DecodeRuneInString(text[i:])
	if r != '(' && r != '（' {
		return i
	}
	end := strings.IndexAny(text[i+size:min(len(text), i+maxParen)], "()（）")
	if end < 0 {
		return i
	}
	end += i + size
	if c, csize := utf8.DecodeRuneInString(text[end:]); (c == ')' || c == '）') && abbrevRE.MatchString(text[i:end]) {
		return end + csize
	}
	return i
}

// quotedName reads a name in 「」 or 『』 at text[i:]: the name and where
// the closing bracket ends. A name holds no bracket, line break or 。 and
// is at most maxQuoted characters long.
func quotedName(text string, i int) (string, int, bool) {
	open, size := utf8.DecodeRuneInString(text[i:])
	close := map[rune]rune{'「': '」', '『': '』'}[open]
	if close == 0 {
		return "", 0, false
	}
	for k, n := i+size, 0; k < len(text) && n <= maxQuoted; n++ {
		r, rsize := utf8.DecodeRuneInString(text[k:])
		switch r {
		case close:
			name := strings.Trim(text[i+size:k], " 　")
			return name, k + rsize, name != ""
		case '「', '」', '『', '』', '\n', '。':
			return "", 0, false
		}
		k += rsize
	}
	return "", 0, false
}

// maxQuoted bounds the length of a quoted title, in characters.
const maxQuoted = 60

// mayStart tells the characters an expression can begin with: the words
// of the grammar, numbers, circled numbers, katakana and the first
// characters of document names. Checking it first keeps the scan cheap on
// ordinary text.
func (s *scanner) mayStart(r rune) bool {
	switch r {
	case '上', '前', '下', '後', '第', '別', '附', '付', '次', '同', '本', '各', 'こ', '(', '（', '「', '『', '様':
		return true
	}
	if s.firsts[r] {
		return true // CSIRT運用手順, NW手順: a name may begin with a Latin letter
	}
	if r < 0x2460 {
		return false
	}
	return policy.CircledNumber(r) > 0 || r >= '⑴' && r <= '⒇' || policy.IsKatakana(r)
}

// maxLink bounds how far a link pattern may read, so scanning stays linear.
const maxLink = 64

// maxParen bounds how far a parenthetical inside an expression may run.
const maxParen = 600

// readLink reads one link at text[i:]. prev is the link before it in the
// chain (its kind decides what may follow: イ after a 号, (1) after イ),
// or nil at the start of a chain.
func (s *scanner) readLink(text string, i int, prev *link) (link, bool) {
	r, _ := utf8.DecodeRuneInString(text[i:])
	switch r {
	case '前', '次', '同', '本', '各', 'こ':
		if l, ok := readRelative(text, i); ok {
			return l, true
		}
		if l, ok := readHere(text, i); ok {
			return l, true
		}
		if strings.HasPrefix(text[i:], "本則") {
			// 本則: the provisions before the 附則.
			return link{kind: linkNamed, level: levelMain, start: i, end: i + len("本則")}, true
		}
		return link{}, false
	}
	lx, ok := policy.Lex(text, i)
	if !ok {
		return link{}, false
	}
	l := link{kind: linkNamed, num: lx.Num, start: i, end: lx.End, numStart: lx.NumStart, numEnd: lx.NumEnd, digits: lx.Digits, absurd: lx.Absurd}
	switch lx.Kind {
	case policy.LabelUnit:
		// 第5条 第5条の2 第十二条 第2項 第3号 第1章の2 第1節 第1款 第1編
		l.level = unitLevels[lx.Unit]
		l.style = levelStyles[l.level]
		if l.level == levelItem && prev == nil && (strings.HasPrefix(text[l.end:], "様式") || strings.HasSuffix(text[:i], "様式")) {
			return link{}, false // 第3号様式 and 様式第3号 are a form's name, not a 号
		}
		return l, true
	case policy.LabelAppendix:
		// 別表第1 別表第1の2 別表
		l.level, l.style = levelTable, policy.StyleAppendix
		return l, true
	case policy.LabelForm:
		// 別記 別記第2 別記様式第1号 別記第1号様式 様式第1号 第1号様式
		l.level, l.style = levelForm, policy.StyleForm
		l.form = strings.Contains(text[i:l.end], "様式")
		l.formOnly = l.form && !strings.HasPrefix(text[i:], "別記")
		return l, true
	case policy.LabelSupplement:
		// 附則, 附則第2項, 附則第3条
		l.level, l.style = levelSupplement, policy.StyleSupplement
		return l, true
	case policy.LabelParen:
		// (1) （１）: an outline number, or the (1) of a 号の細分 after イ
		l.kind, l.style = linkOutline, policy.StyleParen
		switch {
		case prev != nil && prev.level == levelSubitem1:
			l.kind, l.level = linkNamed, levelSubitem2
		case prev != nil && prev.level == levelClause && (prev.kind == linkNamed || prev.kind == linkPrev || prev.kind == linkNext || prev.kind == linkSame || prev.kind == linkHere):
			// 第2条第2項（1）, 前項(3), 同項(2): the 号 of a 項, written
			// (1) as many municipal rules write them.
			l.kind, l.level = linkNamed, levelItem
		}
		return l, true
	case policy.LabelParenRoman:
		// (i) (ii): the 細分 of (1)
		l.level, l.style = levelSubitem3, policy.StyleParenRoman
		return l, true
	case policy.LabelParenKana:
		// (ア) (ｱ): an outline letter, or, after a 号 or one of its 細分,
		// the 細分 below it, as municipal rules write them: 第2号(イ)
		// (the 細分 of a 号), 第1号ア(ア) (of ア), 第1号イ(1)(ア) (of (1)).
		// Which style the section is written in is below's to match.
		l.kind, l.style, l.kana = linkOutline, policy.StyleParenKatakana, lx.Kana
		if prev != nil && prev.kind != linkOutline && prev.kind != linkEach && prev.kind != linkPrevN {
			switch prev.level {
			case levelItem:
				l.kind, l.level = linkNamed, levelSubitem1
			case levelSubitem1:
				l.kind, l.level = linkNamed, levelSubitem2
			case levelSubitem2:
				l.kind, l.level = linkNamed, levelSubitem3
			}
		}
		return l, true
	case policy.LabelCircled:
		// ①
		l.kind, l.style = linkOutline, policy.StyleCircled
		return l, true
	case policy.LabelKana:
		// イ after a 号: 第26条第2項第5号イ; ア or イ alone only in a list
		// or before に掲げる (the caller decides).
		if standsAlone(text, i, lx.End) && prev != nil && (prev.level == levelItem || prev.kind == linkOutline) {
			l.level, l.kana = levelSubitem1, lx.Kana
			if prev.kind == linkOutline {
				l.kind, l.level, l.style = linkOutline, levelOutline, policy.StyleKatakana
			}
			return l, true
		}
		return link{}, false
	case policy.LabelDigits:
		// 3 — only after 上記 or a document name; the caller decides.
		l.kind, l.style = linkOutline, policy.StyleDot
		// 上記3.(2), 上記1.及び9.: the period of the label "3." is part
		// of the number, not of the sentence; 1.5 is not a label.
		if r, size := utf8.DecodeRuneInString(text[l.end:]); (r == '.' || r == '．') && !policy.IsDigit(nextRune(text, l.end+size)) {
			l.end += size
		}
		return l, true
	}
	return link{}, false
}

// readRelative reads 前条, 次項, 同号, 前各号, 前二項, 各号, 次の各号.
func readRelative(text string, i int) (link, bool) {
	return readRelativeFrom(relWordsByStart[startOf(text[i:])], text, i)
}

// readRelativeFrom reads the first of words, longest first, that text has
// at i.
func readRelativeFrom(words []relWord, text string, i int) (link, bool) {
	for _, w := range words {
		if !strings.HasPrefix(text[i:], w.word) {
			continue
		}
		end := i + len(w.word)
		if strings.ContainsRune(notRelative, nextRune(text, end)) {
			return link{}, false
		}
		if w.kind == linkHere && strings.HasPrefix(w.word, "本") && w.level == levelTable {
			return link{}, false // 本表 is rare; 本表示 is common
		}
		return link{kind: w.kind, level: w.level, count: w.count, start: i, end: end}, true
	}
	return link{}, false
}

// readHere reads この規程, 本要綱, この基本方針, この附則: the document (or
// its 附則) the text stands in.
func readHere(text string, i int) (link, bool) {
	var k int
	switch {
	case strings.HasPrefix(text[i:], "この"):
		k = i + len("この")
	case strings.HasPrefix(text[i:], "本"):
		k = i + len("本")
	default:
		return link{}, false
	}
	for _, w := range docWords {
		if strings.HasPrefix(text[k:], w) {
			lv := levelDocument
			if w == "附則" {
				lv = levelSupplement
			}
			return link{kind: linkHere, level: lv, start: i, end: k + len(w)}, true
		}
	}
	return link{}, false
}

// standsAlone reports whether the katakana letter at text[i:end] is not
// part of a katakana word: イ in 第5号イ, not in インターネット.
func standsAlone(text string, i, end int) bool {
	return !policy.IsKatakana(prevRune(text, i)) && !policy.IsKatakana(nextRune(text, end))
}

// kanaCites are what may follow a lone letter that is cited: イに掲げる,
// ロの規定, ハに該当.
var kanaCites = []string{"に掲げ", "に規定", "に定め", "に該当", "に示す", "に準じ", "の規定", "を除"}

func prevRune(s string, i int) rune {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return r
}

func nextRune(s string, i int) rune {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r
}

// readChain reads links written one after the other, a caption between
// two of them, and the part that may end the chain. A chain never starts
// with a bare number; the caller allows one after 上記 or a document name.
func (s *scanner) readChain(text string, i int, allowNum bool) (chain, bool) {
	c := chain{start: i}
	j := i
	for j < len(text) {
		var prev *link
		if len(c.links) > 0 {
			prev = &c.links[len(c.links)-1]
		}
		if prev != nil && partAt(text, j) != "" {
			break // 前項各号列記以外の部分: a part, not 各号
		}
		if prev != nil && (prev.kind == linkOutline || isDocHere(*prev)) {
			// 上記2の(2), 本方針の3(1): の between a number and the number
			// below it, or between the document and its number.
			if k, ok := afterNo(text, j); ok {
				if l, ok := s.readLink(text, k, prev); ok && s.follows(prev, l, false) && !counted(text, l.end) {
					c.links = append(c.links, l)
					j = l.end
					continue
				}
			}
		}
		l, ok := s.readLink(text, j, prev)
		if !ok && prev != nil && prev.kind != linkOutline && prev.level >= levelItem && prev.level <= levelSubitem2 {
			// 第2号 (イ), 第3号　（ア）: a space may stand before the
			// bracketed 細分 of a 号; only a 細分 is read across it.
			if k := skipSpaces(text, j); k > j {
				if sub, sok := s.readLink(text, k, prev); sok && sub.kind == linkNamed && sub.level > prev.level && sub.style == policy.StyleParenKatakana {
					l, ok = sub, true
				}
			}
		}
		if !ok {
			// 第149条（捜索調書）第1項: a caption between two links.
			if prev != nil && prev.level == levelArticle {
				if end, ok := captionAt(text, j); ok {
					if next, ok := s.readLink(text, end, prev); ok && next.kind == linkNamed && next.level > levelArticle {
						j = end
						continue
					}
				}
			}
			break
		}
		if !s.follows(prev, l, allowNum && len(c.links) == 0) {
			break
		}
		if prev != nil && isDocHere(*prev) && counted(text, l.end) {
			break // 本規程3年: a count
		}
		c.links = append(c.links, l)
		j = l.end
	}
	if len(c.links) == 0 {
		return c, false
	}
	if p := partAt(text, j); p != "" {
		c.part, j = p, j+len(p)
	}
	c.end = j
	return c, true
}

// partAt returns the part of a 項 written at text[i:], or "".
func partAt(text string, i int) string {
	for _, p := range parts {
		if strings.HasPrefix(text[i:], p) {
			return p
		}
	}
	return ""
}

// follows reports whether l may come after prev in a chain.
func (s *scanner) follows(prev *link, l link, allowNum bool) bool {
	if prev == nil {
		switch {
		case l.kind == linkOutline && l.style == policy.StyleDot:
			// A bare number is a reference only right after 上記 or a
			// document name (上記3, 基本方針6); elsewhere it counts things.
			return allowNum
		case l.kind == linkNamed && l.level >= levelSubitem1 && l.level <= levelSubitem3:
			return false
		}
		return true
	}
	switch l.kind {
	case linkNamed:
		if prev.kind == linkOutline || l.level == levelMain {
			return false
		}
		switch prev.level {
		case levelDocument, levelMain:
			// この規程第5条, この規程附則
			return l.level >= levelPart && l.level <= levelItem || l.level >= levelTable && l.level <= levelSupplement
		case levelSupplement:
			// 附則第2項, 附則第3条第1項
			return l.level >= levelArticle && l.level <= levelSubitem3
		case levelTable, levelForm:
			// 別表第1第2項
			return l.level == levelClause || l.level == levelItem
		}
		// Each link names something below the one before: 第5条第2項, not
		// 第2項第5条.
		return l.level > prev.level && l.level <= levelSubitem3
	case linkEach:
		return prev.level == levelArticle || prev.level == levelClause || prev.level == levelSupplement
	case linkOutline:
		if isDocHere(*prev) {
			// 本方針3(1), この基準2: the document's own numbers.
			return true
		}
		// 6(3)①: outline numbers follow outline numbers.
		return prev.kind == linkOutline && l.style != policy.StyleDot
	}
	return false
}

// isDocHere reports whether a link names the document it stands in:
// この規程, 本方針.
func isDocHere(l link) bool {
	return l.kind == linkHere && l.level == levelDocument
}

// afterNo reads the の of 基本方針の3(2) or 上記2の(2) at text[i:] and
// returns where what follows it starts.
func afterNo(text string, i int) (int, bool) {
	if strings.HasPrefix(text[i:], "の") {
		return i + len("の"), true
	}
	return i, false
}

// captionAt reads a caption, （捜索調書）, at text[i:] and returns where it
// ends.
func captionAt(text string, i int) (int, bool) {
	r, size := utf8.DecodeRuneInString(text[i:])
	if r != '(' && r != '（' {
		return 0, false
	}
	for k := i + size; k < len(text) && k-i < 32*3; {
		c, csize := utf8.DecodeRuneInString(text[k:])
		switch {
		case c == ')' || c == '）':
			return k + csize, k > i+size
		case c == '(' || c == '（' || c == '。' || c == '、' || policy.IsDigit(c) || c == 0:
			return 0, false
		}
		k += csize
	}
	return 0, false
}

// parenAt finds the parenthetical that opens at text[i:]: the offset of
// its content, of its closing bracket, and of the text after it. Nested
// brackets are followed.
func parenAt(text string, i int) (inner, close, after int, ok bool) {
	r, size := utf8.DecodeRuneInString(text[i:])
	if r != '(' && r != '（' {
		return 0, 0, 0, false
	}
	depth := 0
	for k := i; k < len(text) && k-i < maxParen; {
		c, csize := utf8.DecodeRuneInString(text[k:])
		switch c {
		case '(', '（':
			depth++
		case ')', '）':
			depth--
			if depth == 0 {
				return i + size, k, k + csize, true
			}
		case 0:
			return 0, 0, 0, false
		}
		k += csize
	}
	return 0, 0, 0, false
}

// connective reads a connective at text[i:], spaces around it allowed.
// Before a range's end the から; after it まで, which is consumed here.
func connective(text string, i int) (word string, end int, ok bool) {
	k := skipSpaces(text, i)
	for _, c := range connectives {
		if strings.HasPrefix(text[k:], c) {
			return c, skipSpaces(text, k+len(c)), true
		}
	}
	return "", i, false
}

func skipSpaces(text string, i int) int {
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r != ' ' && r != '\t' && r != '　' {
			break
		}
		i += size
	}
	return i
}

// isRange reports whether a connective makes a range: から…まで, and
// 乃至 (ないし), the older 法令用語 for it that older 例規 still use.
func isRange(conn string) bool {
	switch conn {
	case "から", "乃至", "ないし", "～", "〜", "~":
		return true
	}
	return false
}

// scan finds the reference expressions in text, in order of their start.
// An expression may enclose the expressions of a parenthetical it reads
// past: 第43条第1項（前条において準用する場合を含む。）、第4項.
func (s *scanner) scan(text string) []expr {
	var out []expr
	s.scanInto(text, 0, len(text), &out, 0)
	sort.SliceStable(out, func(i, j int) bool { return out[i].start < out[j].start })
	return out
}

// maxNesting bounds how deep parentheticals inside expressions are read.
const maxNesting = 4

func (s *scanner) scanInto(text string, from, to int, out *[]expr, depth int) {
	for i := from; i < to; {
		r, size := utf8.DecodeRuneInString(text[i:to])
		if !s.mayStart(r) || policy.IsKatakana(r) && !s.firsts[r] && !standsAlone(text[:to], i, i+size) ||
			r < 0x80 && unicode.IsLetter(r) && s.docName(text[:to], i) == "" {
			// Most katakana are letters of a word (セキュリティ), not イ or ア;
			// a Latin letter starts an expression only as a name does
			// (CSIRT運用手順).
			i += size
			continue
		}
		if e, inner, ok := s.expr(text[:to], i); ok {
			*out = append(*out, e)
			if depth < maxNesting {
				for _, in := range inner {
					s.scanInto(text, in[0], in[1], out, depth+1)
				}
			}
			i = e.end
			continue
		}
		i += size
	}
}

// expr tries to read an expression starting at text[i:]. inner are the
// parentheticals it read past, to be scanned on their own.
func (s *scanner) expr(text string, i int) (expr, [][2]int, bool) {
	e := expr{start: i}
	j := i
	r, _ := utf8.DecodeRuneInString(text[i:])
	if r == '(' || r == '（' {
		// A law's number, （昭和22年法律第67号）, is skipped whole; the
		// citation goes on: 地方自治法（…）第244条の6第1項.
		end := min(len(text), i+maxParen)
		if m := lawNumberRE.FindStringSubmatchIndex(text[i:end]); m != nil {
			e.end, e.external = i+m[1], true
			if m[2] >= 0 {
				e.abbrev = text[i+m[2] : i+m[3]]
				s.laws[e.abbrev] = true
			}
			if c, ok := s.readChain(text, e.end, false); ok {
				e.chains = append(e.chains, c)
				e.end = c.end
				s.list(text, &e)
			}
			return e, nil, true
		}
	}
	allowNum := false
	if name, k, ok := quotedName(text, j); ok {
		// 「インシデント対応手順」第2条, 『監視手順』2(1): a title in
		// brackets cites that document, as the bare title does. Once
		// quoted, the name is the citation's whatever follows: a title
		// of no document is not this document's, nor another's.
		k = skipAbbreviation(text, skipSpaces(text, k))
		if k2, ok := afterNo(text, k); ok {
			k = k2
		}
		l, ok := s.readLink(text, k, nil)
		switch {
		case !ok:
		case s.names[name]:
			e.doc, j, allowNum = name, k, true
		case l.kind != linkNamed:
			// 「報告」前条: no citation of a title.
		case lawNameRE.MatchString(name) || instrumentRE.MatchString(name) || standardRE.MatchString(name):
			// 「みどり野市文書管理規程」第3条: another body's, as unquoted.
			e.external, e.law, j = true, name, k
		default:
			e.doc, j = name, k
		}
	}
	if e.doc != "" || e.external {
		// The quoted name was read.
	} else if name := sameDocWord(text, j); name != "" {
		// 同基準第4条: the document cited last.
		k := skipSpaces(text, j+len(name))
		if _, ok := s.readLink(text, k, nil); ok {
			e.doc, j, allowNum = sameDoc, k, true
		}
	} else if name := s.docName(text, j); name != "" {
		k := skipSpaces(text, j+len(name))
		if !wordRune(prevRune(text, j)) {
			// 管理手順（以下「手順」という。）第2条 — but not the end of
			// another body's name: 〇〇県情報セキュリティ対策基準（以下…）.
			k = skipAbbreviation(text, k)
		}
		if k2, ok := afterNo(text, k); ok {
			k = k2 // 基本方針の3(2), 対策基準の第2条
		}
		if _, ok := s.readLink(text, k, nil); ok {
			e.doc, j, allowNum = name, k, true
		}
	}
	if e.doc == "" {
		for _, d := range directions {
			if strings.HasPrefix(text[j:], d) {
				e.direction = d
				j += len(d)
				allowNum = true
				break
			}
		}
	}
	first, ok := s.readChain(text, j, allowNum)
	if !ok && e.doc == "" && e.direction == "" && strings.HasPrefix(text[j:], "同") {
		if c, cok := s.readChain(text, j+len("同"), false); cok && c.links[0].kind == linkOutline && c.links[0].style != policy.StyleDot {
			first, ok, e.same = c, true, true
		}
	}
	if !ok && e.direction != "" {
		// 上記ア, 上記アの研修: after 上記, a letter that stands alone is
		// an outline's katakana item (上記アクセス is a word).
		if kana, kok := readKana(text, j); kok {
			first, ok = chain{links: []link{kana}, start: kana.start, end: kana.end}, true
			// 上記イ(ア): the letter's own items follow it.
			for {
				prev := &first.links[len(first.links)-1]
				l, lok := s.readLink(text, first.end, prev)
				if !lok || !s.follows(prev, l, false) {
					break
				}
				first.links = append(first.links, l)
				first.end = l.end
			}
		}
	}
	if ok && e.doc == "" && e.direction == "" && first.links[0].kind != linkNamed && first.links[0].kind != linkOutline &&
		unicode.Is(unicode.Han, prevRune(text, i)) {
		ok = false // 基本方針 holds 本方針, 共同条例 同条: words, not references
	}
	if !ok {
		if e.doc == "" && e.direction == "" && policy.IsKatakana(r) {
			return s.kanaList(text, e, i)
		}
		return e, nil, false
	}
	if l := first.links[0]; l.kind == linkOutline && l.style == policy.StyleDot && (e.direction != "" || e.doc != "") && counted(text, first.end) {
		return e, nil, false // 上記2024年, 上記3日, 基本方針の3年: a count, not a section
	}
	if e.doc == "" && e.direction == "" && !e.external && first.links[0].kind == linkOutline && numberedBefore(text, i) {
		// 連絡票2(2), JIS Q 27002 5.1(3), 解説書4①: the number continues
		// another's — a form's, a standard's clause — not this document's.
		return expr{}, nil, false
	}
	if e.doc == "" && e.direction == "" && !e.external {
		if law := s.lawBefore(text, i); law != "" && first.links[0].kind == linkNamed {
			e.external, e.law = true, law
		}
	}
	e.chains = append(e.chains, first)
	e.end = first.end
	inner := s.list(text, &e)
	if e.doc == "" && e.direction == "" && !e.external && bareOutline(e) && len(e.chains) == 1 && wordAfter(text, e.end) && enumerates(text, first.links[0]) {
		// (1)暗号化、(2)パスワードの設定: an enumeration in a sentence, not
		// a citation — a word follows the number, and the number before or
		// after it stands in the same sentence. (2)同様の監視, alone, still
		// cites.
		return expr{}, nil, false
	}
	return e, inner, true
}

// numberedBefore reports whether the text just before i ends in a digit,
// a period after a digit (5.1(3); not 。 written ．, which ends a
// sentence) or a Latin letter: what an outline number there continues.
func numberedBefore(text string, i int) bool {
	digit := func(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }
	r := prevRune(text, i)
	if r == '.' || r == '．' {
		_, w := utf8.DecodeLastRuneInString(text[:i])
		return digit(prevRune(text, i-w))
	}
	return digit(r) || r < 0x80 && unicode.IsLetter(r) || r >= 'Ａ' && r <= 'Ｚ' || r >= 'ａ' && r <= 'ｚ'
}

// bareOutline reports whether an expression is outline numbers with
// nothing before them: (1), ①, (ア), written alone.
func bareOutline(e expr) bool {
	for _, c := range e.chains {
		if c.links[0].kind != linkOutline {
			return false
		}
	}
	return true
}

// citing are the words that may follow a bare number that is cited:
// (1)及び(2), ①又は②, (1)乃至(3), (1)記載の, (1)参照, (1)中「…」, (1)等,
// (1)以外, (1)所定の, (1)各号, (1)同様, (1)規定の, (1)掲記の, (1)該当,
// (1)準用, (1)前段, (1)後段, (1)本文, (1)括弧書, (1)表中, (1)列記, (1)欄.
// A number followed by another word may be an item of an enumeration:
// (1)規程の整備、(2)研修の実施.
var citing = []string{"及び", "及", "又は", "並びに", "若しくは", "乃至", "記載", "参照", "中「", "等", "以外", "以下", "所定", "各号", "各項", "同様", "規定", "掲記", "掲げ", "該当", "準用", "準じ", "前段", "後段", "本文", "括弧書", "表中", "列記", "欄"}

// enumerates reports whether a bare number l is one of a run written in
// its text — a sentence (1)暗号化、(2)…, or sentences (1)暗号化を行う。
// (2)…: the number before it or the number after it, in the same style,
// stands in the same block.
func enumerates(text string, l link) bool {
	from, to := 0, len(text)
	for i := from; i < to; {
		if i != l.start {
			if m, ok := policy.Lex(text, i); ok && (m.Kind == policy.LabelParen || m.Kind == policy.LabelCircled || m.Kind == policy.LabelParenKana) && m.End <= to {
				if n := m.Num.N; len(m.Num.Sub) == 0 && (n == l.num.N+1 || n == l.num.N-1) && sameLabelKind(m.Kind, l.style) {
					return true
				}
			}
		}
		_, size := utf8.DecodeRuneInString(text[i:])
		i += size
	}
	return false
}

func sameLabelKind(k policy.LabelKind, st policy.Style) bool {
	switch k {
	case policy.LabelParen:
		return st == policy.StyleParen
	case policy.LabelCircled:
		return st == policy.StyleCircled
	case policy.LabelParenKana:
		return st == policy.StyleParenKatakana
	}
	return false
}

// wordAfter reports whether a word begins at text[i:] — a kanji, katakana,
// letter or digit that no citation is followed by: the number before it
// numbers the word (①日時、②内容).
func wordAfter(text string, i int) bool {
	r := nextRune(text, i)
	switch {
	case unicode.Is(unicode.Han, r):
		for _, w := range citing {
			if strings.HasPrefix(text[i:], w) {
				return false
			}
		}
		return true
	case policy.IsKatakana(r):
		return true
	case r < utf8.RuneSelf:
		return unicode.IsLetter(r) || unicode.IsDigit(r)
	}
	return unicode.IsLetter(r) && !unicode.In(r, unicode.Hiragana) || unicode.IsDigit(r)
}

// counted reports whether a bare number is followed by a counter: 3日,
// 2024年, 5件.
func counted(text string, i int) bool {
	if strings.HasPrefix(text[i:], "から") {
		return false // 上記1から3まで: a range, not 3か月
	}
	return strings.ContainsRune("日月年時分秒人名件回個か箇ヶ割倍円歳週期度台枚冊点つ万億%％", nextRune(text, i))
}

// lawBefore returns the law whose name ends right before text[i:], or "":
// 地方自治法第244条, 同法第5条, and the abbreviations the text defined
// (法第3条 after 以下「法」という。).
func (s *scanner) lawBefore(text string, i int) string {
	before := text[max(0, i-maxLink):i]
	for before != "" && !utf8.RuneStart(before[0]) {
		before = before[1:]
	}
	// JIS Q 27001の第6章, …ガイドラインの第2章: の between the name and
	// the number changes nothing (as 基本方針の3(2) does not) — for a name
	// of some length: 前条の基準の第1号 and 方法の第1号 are this text's.
	if b, ok := strings.CutSuffix(before, "の"); ok {
		if name := s.lawNamed(b); utf8.RuneCountInString(name) >= 5 {
			return name
		}
		return ""
	}
	return s.lawNamed(before)
}

// lawNamed is lawBefore's answer for the text before a number.
func (s *scanner) lawNamed(before string) string {
	for abbr := range s.laws {
		if strings.HasSuffix(before, abbr) && !unicode.Is(unicode.Han, prevRune(before, len(before)-len(abbr))) {
			return abbr
		}
	}
	// The expressions end at the end of the text, which Go's regexp cannot
	// start from: each is tried only when the text ends as it must.
	trimmed := strings.TrimRight(before, " \t\n\f\r")
	last := prevRune(trimmed, len(trimmed))
	if m := lawNameRE.FindStringIndex(endsIn(before, last, "法律令則例)）")); m != nil {
		return strings.TrimSpace(before[nameStart(before, m[0]):m[1]])
	}
	if m := standardRE.FindStringIndex(endsIn(before, last, "0123456789０１２３４５６７８９")); m != nil {
		return strings.TrimSpace(before[nameStart(before, m[0]):m[1]])
	}
	if m := instrumentRE.FindStringIndex(endsIn(before, last, "程綱領令示知達針ン準約則)）")); m != nil {
		k := nameStart(before, m[0])
		name := strings.TrimSpace(before[k:m[1]])
		switch before[k:m[0]] {
		case "同", "本", "当該", "前記", "上記":
			// 本規程, 同基準: this document, or one cited before.
		case "":
			// The word alone: このガイドライン, 、基準第2条 are this
			// document; …に関するガイドライン第2編 ends another's name.
			if named(before[:k]) {
				return name
			}
		default:
			return name
		}
	}
	return ""
}

// endsIn is text when its last character (last) is one of set, and ""
// otherwise: an expression anchored at the end of text cannot match then.
func endsIn(text string, last rune, set string) string {
	if strings.ContainsRune(set, last) {
		return text
	}
	return ""
}

// named reports whether the text before an instrument's word (規程,
// ガイドライン) is the rest of its name written in kana, 情報セキュリティ
// ポリシーに関するガイドライン, rather than この, その or a break.
func named(before string) bool {
	r, _ := utf8.DecodeLastRuneInString(before)
	if !unicode.Is(unicode.Hiragana, r) {
		return false
	}
	for _, w := range []string{"この", "その", "あの"} {
		if strings.HasSuffix(before, w) {
			return false
		}
	}
	return true
}

// nameStart is where a name that ends at before[:k] begins: as far back
// as a punctuation mark or a particle.
func nameStart(before string, k int) int {
	for k > 0 {
		r, size := utf8.DecodeLastRuneInString(before[:k])
		if !unicode.Is(unicode.Han, r) && !policy.IsKatakana(r) {
			break
		}
		k -= size
	}
	return k
}

// list reads the connectives and chains that continue an expression, and
// the parentheticals between them. It returns the parentheticals it read
// past, for the caller to scan.
func (s *scanner) list(text string, e *expr) [][2]int {
	var inner [][2]int
	j := e.end
	for j < len(text) {
		c := &e.chains[len(e.chains)-1]
		// 各号（第二号を除く。）: an exclusion belongs to the chain before it.
		if in, cl, after, ok := parenAt(text, j); ok {
			if ex, only, ok := s.exclusion(text, in, cl); ok && len(c.exclude) == 0 {
				c.exclude, c.only = ex, only
				e.end, j = after, after
				continue
			}
			// A parenthetical the list goes on after: 第43条第1項（前条に
			// おいて準用する場合を含む。）、第4項.
			if _, k, ok := connective(text, after); ok {
				if next, ok := s.readChain(text, k, e.chains[0].links[0].kind == linkOutline); ok && s.continues(e, next) && (!e.external || next.links[0].kind == linkNamed) {
					inner = append(inner, [2]int{in, cl})
					j = after
					continue
				}
			}
			break
		}
		conn, k, ok := connective(text, j)
		if !ok {
			break
		}
		if isRange(conn) && e.direction != "" && strings.HasPrefix(text[k:], e.direction) {
			k += len(e.direction) // 上記1から上記3まで: the direction said again
		}
		next, ok := s.readChain(text, k, e.chains[0].links[0].kind == linkOutline)
		if !ok && strings.HasPrefix(text[k:], "同") {
			// 基本方針2(1)及び同(2): 同 before an outline number says it
			// stands under what the member before it named, as a bare
			// (2) in the list would.
			if c2, ok2 := s.readChain(text, k+len("同"), false); ok2 && c2.links[0].kind == linkOutline && c2.links[0].style != policy.StyleDot {
				next, ok = c2, true
			}
		}
		prevLinks := e.chains[len(e.chains)-1].links
		last := prevLinks[len(prevLinks)-1]
		if len(prevLinks) == 1 && (last.level == levelTable || last.level == levelForm && !last.form) {
			// 別表第1及び第2, 別記第1から第3まで: the bare ordinals that
			// follow name tables (別記) too.
			if l, bok := bareOrdinal(text, k, last); bok {
				next, ok = chain{links: []link{l}, start: l.start, end: l.end}, true
			}
		}
		if ok && last.form && len(prevLinks) == 1 && len(next.links) == 1 && next.links[0].kind == linkNamed && next.links[0].level == levelItem {
			// 様式第1号及び第2号, 様式第1号から第3号まで: the 号 that
			// follow a form's name number forms too.
			f := &next.links[0]
			f.level, f.style, f.form, f.formOnly = levelForm, policy.StyleForm, true, last.formOnly
		}
		// 第1条第1項第2号ア及びイ: イ goes on from ア, in the same 号.
		// Not after 第2号(ア): a bare イ is not the (イ) beside it.
		statuteKana := last.kind != linkOutline && last.level == levelSubitem1 && last.style != policy.StyleParenKatakana
		kanaAfterKana := false
		// 第1号イ(1)(ア)及び(イ), 第1号イ(1)及び(2), 第2号(ア)及び(イ): a
		// 細分 goes on from the one before, in the same 号.
		// 前項(1)及び(3), 第2項(1)から(3)まで: a 号 written (1) goes on
		// the same way.
		parenItem := last.level == levelItem && last.style == policy.StyleParen
		if ok && last.kind == linkNamed && (parenItem || last.level >= levelSubitem1 && last.level <= levelSubitem3) && len(next.links) > 0 {
			if f := &next.links[0]; f.kind == linkOutline && f.style == last.style {
				f.kind, f.level = linkNamed, last.level
				kanaAfterKana = true
			}
		}
		if !ok && (statuteKana || e.chains[0].links[0].kind == linkOutline && e.chains[0].links[0].style == policy.StyleKatakana) {
			if kana, kok := readKana(text, k); kok {
				if statuteKana {
					kana.kind, kana.level, kana.style = last.kind, levelSubitem1, last.style
					kanaAfterKana = true
				}
				next, ok = chain{links: []link{kana}, start: kana.start, end: kana.end}, true
			}
		}
		if !ok || !kanaAfterKana && !s.continues(e, next) || e.external && next.links[0].kind != linkNamed {
			break // 日本国憲法第73条及び前項: 前項 is this document's
		}
		if e.doc != "" && relativeToHere(next.links[0].kind) {
			break // 対策基準第1条第2項及び前項: so is this 前項
		}
		if l := next.links[0]; l.kind == linkOutline && l.style == policy.StyleDot && counted(text, next.end) {
			break // 上記3、2024年度: a count ends the list
		}
		e.ranges = append(e.ranges, isRange(conn))
		e.chains = append(e.chains, next)
		j = next.end
		if isRange(conn) {
			// から…まで: まで closes the range.
			if k := skipSpaces(text, j); strings.HasPrefix(text[k:], "まで") {
				j = k + len("まで")
			}
		}
		e.end = j
	}
	if last := e.chains[len(e.chains)-1]; e.end < last.end {
		e.end = last.end
	}
	return inner
}

// continues reports whether a chain can be the next member of an
// expression's list: outline numbers continue outline numbers (上記6、7),
// statute links continue statute links (第2項及び第5項).
func (s *scanner) continues(e *expr, next chain) bool {
	a, b := e.chains[0].links[0], next.links[0]
	if (a.kind == linkOutline) != (b.kind == linkOutline) {
		return false
	}
	return b.kind != linkOutline || a.style == policy.StyleDot || b.style != policy.StyleDot
}

// exclusion reads （第二号を除く。） or （第一号に限る。） between in and
// close: the chains it excludes, or (only) those it limits the reference
// before it to.
func (s *scanner) exclusion(text string, in, close int) ([]chain, bool, bool) {
	body := strings.TrimRight(text[in:close], "。 　")
	end, only := -1, false
	for _, w := range [...]struct {
		suffix string
		only   bool
	}{{"に係る部分を除く", false}, {"を除く", false}, {"に係る部分に限る", true}, {"に限る", true}} {
		if strings.HasSuffix(body, w.suffix) {
			end, only = in+len(body)-len(w.suffix), w.only
			break
		}
	}
	if end < 0 {
		return nil, false, false
	}
	var out []chain
	k := skipSpaces(text, in)
	for k < end {
		c, ok := s.readChain(text[:end], k, false)
		if !ok {
			return nil, false, false
		}
		out = append(out, c)
		k = c.end
		if k >= end {
			break
		}
		_, k2, ok := connective(text[:end], k)
		if !ok {
			return nil, false, false
		}
		k = k2
	}
	return out, only, len(out) > 0
}

// readKana reads a katakana numbering letter, ア, that stands alone: not
// part of a katakana word.
func readKana(text string, i int) (link, bool) {
	lx, ok := policy.Lex(text, i)
	if !ok || lx.Kind != policy.LabelKana || !standsAlone(text, i, lx.End) {
		return link{}, false
	}
	return link{kind: linkOutline, style: policy.StyleKatakana, kana: lx.Kana, start: i, end: lx.End, numStart: i, numEnd: lx.End}, true
}

// kanaList reads ア及びイ, イ又はロ and a lone イに掲げる: a katakana letter
// is a reference only when a list connective or a citing word follows it.
func (s *scanner) kanaList(text string, e expr, i int) (expr, [][2]int, bool) {
	kana, ok := readKana(text, i)
	if !ok {
		return e, nil, false
	}
	cites := false
	for _, w := range kanaCites {
		if strings.HasPrefix(text[kana.end:], w) {
			cites = true
		}
	}
	_, k, conn := connective(text, kana.end)
	if conn {
		_, conn = readKana(text, k)
	}
	if !cites && !conn {
		// アの研修: の alone is a weak sign — ア, イ are words and typos
		// too (ヘの for への) — so after a kanji it is not read, and the
		// resolver keeps the reference only where katakana items number
		// the text around it.
		if !strings.HasPrefix(text[kana.end:], "の") || unicode.Is(unicode.Han, prevRune(text, i)) {
			return e, nil, false
		}
		e.weak = true
	}
	e.chains = []chain{{links: []link{kana}, start: kana.start, end: kana.end}}
	j := kana.end
	for j < len(text) {
		c, k, ok := connective(text, j)
		if !ok {
			break
		}
		next, ok := readKana(text, k)
		if !ok {
			break
		}
		e.ranges = append(e.ranges, isRange(c))
		e.chains = append(e.chains, chain{links: []link{next}, start: next.start, end: next.end})
		j = next.end
		if isRange(c) {
			if k := skipSpaces(text, j); strings.HasPrefix(text[k:], "まで") {
				j = k + len("まで")
			}
		}
	}
	e.end = j
	return e, nil, true
}
