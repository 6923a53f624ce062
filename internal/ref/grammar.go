package ref

import (
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/policyctl/policyctl/internal/policy"
)

// The grammar of Japanese textual references, as named patterns with
// examples. Scan reads a text into expressions; resolve.go gives them
// meaning against the section tree.
//
//	expression  = [document] [direction] chain { connective chain }
//	chain       = link { link }                       6(3)①, 第5条第2項第3号, 前項第3号
//	document    = a tier's name or a document title   基本方針6(3), 対策基準第5条
//	direction   = 上記 | 前記 | 下記                   上記3, 前記(2), 下記4
//	connective  = 、 | 及び | 並びに | 又は | 若しくは | から | まで | ～
//
// A link is one of the patterns below. Numbers are ASCII, full-width or kanji.
const num = `[0-9０-９]+|[一二三四五六七八九十百千〇]+`

type linkKind int

const (
	linkNum        linkKind = iota // 3 (after 上記, a document name, or in a list)
	linkParen                      // (1) （１）
	linkCircled                    // ①
	linkParenKana                  // (ア)
	linkKana                       // ア (only in a list: ア及びイ)
	linkArticle                    // 第5条 第5条の2 第十二条
	linkClause                     // 第2項
	linkItem                       // 第3号
	linkChapter                    // 第2章
	linkDivision                   // 第1節
	linkAppendix                   // 別表第1, 別表
	linkSupplement                 // 附則
	linkRel                        // 前条 次条 前項 次項 前号 次号 同条 同項 同号 本条 前各号 前二項 各号
)

// relWords are the relative references, longest first: 前各号 before 前号.
var relWords = []string{
	"前各号", "前各項",
	"前二条", "前三条", "前四条", "前五条", "前二項", "前三項", "前四項", "前五項", "前二号", "前三号", "前四号", "前五号",
	"前条", "次条", "同条", "本条", "前項", "次項", "同項", "本項", "前号", "次号", "同号", "本号", "各号", "各項",
}

// directions are the words that say where a reference points.
var directions = []string{"上記", "前記", "下記"}

var (
	connRE = regexp.MustCompile(`^(?:\s*)(、|，|及び|並びに|又は|若しくは|から|まで|～|〜|~)(?:\s*)`)
	// A law's own number, （昭和22年法律第67号）, is part of an external
	// citation, never a reference into the policy.
	lawNumberRE = regexp.MustCompile(`^[(（](?:明治|大正|昭和|平成|令和)(?:` + num + `|元)年(?:法律|政令|省令|府令|条例|規則|告示|訓令)第(?:` + num + `)号[)）]`)
	// The end of a law's name just before 第N条: 地方自治法第244条,
	// 個人情報の保護に関する法律第2条, 同法第5条.
	lawNameRE = regexp.MustCompile(`(?:法|法律|政令|省令|府令|規則|条例|要綱|告示|同法|同令)(?:[(（][^()（）]*[)）])?\s*$`)
)

// link is one element of a chain.
type link struct {
	kind  linkKind
	style policy.Style // for outline links: the style it names
	num   policy.Number
	rel   string // the relative word for linkRel
	start int    // byte offsets in the scanned text
	end   int
}

// chain is a sequence of links written without a break: 6(3)①.
type chain struct {
	links []link
	start int
	end   int
}

// Expr is one reference expression: 上記6、7及び8 is one expression with
// three chains.
type expr struct {
	start, end int
	doc        string // the document name as written, or ""
	direction  string // 上記, 前記, 下記 or ""
	chains     []chain
	// ranges[i] is true when chains[i] and chains[i+1] are the two ends of
	// a range (から…まで, ～).
	ranges   []bool
	external bool // a law citation: recognised, not resolved
}

// scanner holds what Scan needs besides the text: the names by which
// documents are cited, longest first.
type scanner struct {
	names map[string]bool
	// lengths are the byte lengths of the names, longest first, so that
	// 情報セキュリティ対策基準 wins over 対策基準; firsts their first runes.
	lengths []int
	firsts  map[rune]bool
}

func newScanner(names []string) *scanner {
	s := &scanner{names: map[string]bool{}, firsts: map[rune]bool{}}
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

// docName returns the longest document name at text[i:], or "".
func (s *scanner) docName(text string, i int) string {
	for _, l := range s.lengths {
		if i+l <= len(text) && s.names[text[i:i+l]] {
			return text[i : i+l]
		}
	}
	return ""
}

// mayStart tells the characters an expression can begin with: the words
// of the grammar, circled numbers, katakana and the first characters of
// document names. Checking it first keeps the scan cheap on ordinary text.
func (s *scanner) mayStart(r rune) bool {
	switch r {
	case '上', '前', '下', '第', '別', '附', '次', '同', '本', '各', '(', '（':
		return true
	}
	if r < 0x2460 {
		return false
	}
	return policy.CircledNumber(r) > 0 || isKatakana(r) || s.firsts[r]
}

// maxLink bounds how far a link pattern may read, so scanning stays linear.
const maxLink = 48

func window(text string, i int) string {
	end := i + maxLink
	if end > len(text) {
		end = len(text)
	}
	for end > i && end < len(text) && !utf8.RuneStart(text[end]) {
		end--
	}
	return text[i:end]
}

// readLink reads one link at text[i:]. It is written by hand, one case per
// first character, because it runs at every candidate position of every
// paragraph.
func readLink(text string, i int) (link, bool) {
	r, size := utf8.DecodeRuneInString(text[i:])
	j := i + size
	switch {
	case r == '第':
		// 第5条 第5条の2 第十二条 / 第2項 / 第3号 / 第2章 / 第1節
		n, k, ok := readNumeral(text, j)
		if !ok {
			return link{}, false
		}
		unit, usize := utf8.DecodeRuneInString(text[k:])
		l := link{start: i, num: policy.Number{N: n}}
		switch unit {
		case '条':
			l.kind, l.style = linkArticle, policy.StyleArticle
			k += usize
			for strings.HasPrefix(text[k:], "の") {
				sub, k2, ok := readNumeral(text, k+len("の"))
				if !ok {
					break
				}
				l.num.Sub = append(l.num.Sub, sub)
				k = k2
			}
			l.end = k
			return l, true
		case '項':
			l.kind, l.style = linkClause, policy.StyleClause
		case '号':
			l.kind = linkItem
		case '章':
			l.kind, l.style = linkChapter, policy.StyleChapter
		case '節':
			l.kind, l.style = linkDivision, policy.StyleDivision
		default:
			return link{}, false
		}
		l.end = k + usize
		return l, true
	case r == '別':
		// 別表第1, 別表
		if !strings.HasPrefix(text[i:], "別表") {
			return link{}, false
		}
		k := i + len("別表")
		l := link{kind: linkAppendix, style: policy.StyleAppendix, num: policy.Number{N: 1}, start: i, end: k}
		if strings.HasPrefix(text[k:], "第") {
			if n, k2, ok := readNumeral(text, k+len("第")); ok {
				l.num.N, l.end = n, k2
			}
		}
		return l, true
	case r == '附':
		if strings.HasPrefix(text[i:], "附則") {
			return link{kind: linkSupplement, style: policy.StyleSupplement, num: policy.Number{N: 1}, start: i, end: i + len("附則")}, true
		}
	case strings.ContainsRune("前次同本各", r):
		for _, w := range relWords {
			if strings.HasPrefix(text[i:], w) {
				// 本条例, 同条件, 前項目 are words, not references.
				if strings.ContainsRune("件例目文", nextRune(text, i+len(w))) {
					return link{}, false
				}
				return link{kind: linkRel, rel: w, start: i, end: i + len(w)}, true
			}
		}
	case r == '(' || r == '（':
		// (1) （１） ( 1 ) / (ア)
		k := skipSpaces(text, j)
		if kana, ksize := utf8.DecodeRuneInString(text[k:]); policy.KatakanaNumber(kana) > 0 {
			if c, csize := utf8.DecodeRuneInString(text[k+ksize:]); c == ')' || c == '）' {
				return link{kind: linkParenKana, style: policy.StyleParenKatakana, num: policy.Number{N: policy.KatakanaNumber(kana)}, start: i, end: k + ksize + csize}, true
			}
			return link{}, false
		}
		n, k2, ok := readDigits(text, k)
		if !ok {
			return link{}, false
		}
		k2 = skipSpaces(text, k2)
		if c, csize := utf8.DecodeRuneInString(text[k2:]); c == ')' || c == '）' {
			return link{kind: linkParen, style: policy.StyleParen, num: policy.Number{N: n}, start: i, end: k2 + csize}, true
		}
	case isDigit(r):
		// 3 (only after 上記 or a document name; the caller decides)
		if n, k, ok := readDigits(text, i); ok {
			return link{kind: linkNum, style: policy.StyleDot, num: policy.Number{N: n}, start: i, end: k}, true
		}
	case policy.CircledNumber(r) > 0:
		return link{kind: linkCircled, style: policy.StyleCircled, num: policy.Number{N: policy.CircledNumber(r)}, start: i, end: j}, true
	}
	return link{}, false
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

func isKanjiDigit(r rune) bool {
	return strings.ContainsRune("〇一二三四五六七八九十百千", r)
}

// readDigits reads a number of one to three ASCII or full-width digits;
// a longer run of digits (2024) is not a section number.
func readDigits(text string, i int) (int, int, bool) {
	n, k, count := 0, i, 0
	for k < len(text) {
		r, size := utf8.DecodeRuneInString(text[k:])
		if !isDigit(r) {
			break
		}
		if count++; count > 3 {
			return 0, i, false
		}
		if r >= '０' {
			r = r - '０' + '0'
		}
		n = n*10 + int(r-'0')
		k += size
	}
	if count == 0 || n == 0 {
		return 0, i, false
	}
	return n, k, true
}

// readNumeral reads a number in ASCII, full-width or kanji digits.
func readNumeral(text string, i int) (int, int, bool) {
	if n, k, ok := readDigits(text, i); ok {
		return n, k, true
	}
	k := i
	for k < len(text) {
		r, size := utf8.DecodeRuneInString(text[k:])
		if !isKanjiDigit(r) || k-i > 8*3 {
			break
		}
		k += size
	}
	if k == i {
		return 0, i, false
	}
	n, ok := policy.ParseNumeral(text[i:k])
	return n, k, ok && n > 0
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

// readKana reads a katakana numbering letter, ア, that stands alone: not
// part of a katakana word.
func readKana(text string, i int) (link, bool) {
	r, size := utf8.DecodeRuneInString(text[i:])
	n := policy.KatakanaNumber(r)
	if n == 0 || isKatakana(prevRune(text, i)) || isKatakana(nextRune(text, i+size)) {
		return link{}, false
	}
	return link{kind: linkKana, style: policy.StyleKatakana, num: policy.Number{N: n}, start: i, end: i + size}, true
}

func isKatakana(r rune) bool { return r >= 0x30A0 && r <= 0x30FF || r >= 0x31F0 && r <= 0x31FF }

func prevRune(s string, i int) rune {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return r
}

func nextRune(s string, i int) rune {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r
}

// readChain reads links written one after the other. A chain never starts
// with a bare number; the caller allows one after 上記 or a document name.
func readChain(text string, i int, allowNum bool) (chain, bool) {
	c := chain{start: i}
	j := i
	for j < len(text) {
		l, ok := readLink(text, j)
		if !ok {
			break
		}
		// A bare number is a reference only right after 上記 or a document
		// name (上記3, 基本方針6); elsewhere it counts things (30日).
		if l.kind == linkNum && !(allowNum && len(c.links) == 0) {
			break
		}
		c.links = append(c.links, l)
		j = l.end
	}
	if len(c.links) == 0 {
		return c, false
	}
	c.end = j
	return c, true
}

// scan finds the reference expressions in text.
func (s *scanner) scan(text string) []expr {
	var out []expr
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !s.mayStart(r) {
			i += size
			continue
		}
		if e, ok := s.expr(text, i); ok {
			out = append(out, e)
			i = e.end
			continue
		}
		i += size
	}
	return out
}

// expr tries to read an expression starting at text[i:].
func (s *scanner) expr(text string, i int) (expr, bool) {
	e := expr{start: i}
	j := i
	r, _ := utf8.DecodeRuneInString(text[i:])
	if isKatakana(r) && !s.firsts[r] {
		return s.kanaList(text, e, i)
	}
	// A law's number, （昭和22年法律第67号）, is skipped whole; a law name
	// right before 第N条 makes the citation external.
	if r != '(' && r != '（' {
		// not a law number
	} else if m := lawNumberRE.FindStringIndex(window(text, i)); m != nil {
		e.end, e.external = i+m[1], true
		// The citation goes on: 地方自治法（…）第244条の6第1項.
		if c, ok := readChain(text, e.end, false); ok {
			e.end = c.end
		}
		return e, true
	}
	allowNum := false
	if name := s.docName(text, j); name != "" {
		k := j + len(name)
		k += len(text[k:]) - len(strings.TrimLeft(text[k:], " 　"))
		if _, ok := readLink(text, k); ok {
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
	first, ok := readChain(text, j, allowNum)
	if !ok {
		if e.doc == "" && e.direction == "" && isKatakana(r) {
			return s.kanaList(text, e, i)
		}
		return e, false
	}
	if e.doc == "" && first.links[0].kind == linkArticle && lawNameRE.MatchString(text[max(0, i-maxLink):i]) {
		e.external = true
	}
	e.chains = append(e.chains, first)
	j = first.end
	// The list goes on while a connective is followed by another chain.
	for j < len(text) {
		m := connRE.FindStringSubmatchIndex(text[j:])
		if m == nil {
			break
		}
		conn := text[j+m[2] : j+m[3]]
		if conn == "まで" {
			j += m[3] - m[0]
			continue
		}
		k := j + m[1]
		next, ok := readChain(text, k, first.links[0].kind == linkNum)
		if !ok && first.links[0].kind == linkKana {
			if kana, kok := readKana(text, k); kok {
				next, ok = chain{links: []link{kana}, start: kana.start, end: kana.end}, true
			}
		}
		if !ok {
			break
		}
		e.ranges = append(e.ranges, conn == "から" || conn == "～" || conn == "〜" || conn == "~")
		e.chains = append(e.chains, next)
		j = next.end
	}
	e.end = e.chains[len(e.chains)-1].end
	return e, true
}

// kanaList reads ア及びイ: a katakana letter is a reference only when a
// list connective follows it.
func (s *scanner) kanaList(text string, e expr, i int) (expr, bool) {
	kana, ok := readKana(text, i)
	if !ok || !connRE.MatchString(text[kana.end:min(len(text), kana.end+maxLink)]) {
		return e, false
	}
	e.chains = []chain{{links: []link{kana}, start: kana.start, end: kana.end}}
	j := kana.end
	for j < len(text) {
		m := connRE.FindStringSubmatchIndex(text[j:min(len(text), j+maxLink)])
		if m == nil {
			break
		}
		next, ok := readKana(text, j+m[1])
		if !ok {
			break
		}
		conn := text[j+m[2] : j+m[3]]
		e.ranges = append(e.ranges, conn == "から" || conn == "～" || conn == "〜" || conn == "~")
		e.chains = append(e.chains, chain{links: []link{next}, start: next.start, end: next.end})
		j = next.end
	}
	e.end = j
	return e, true
}
