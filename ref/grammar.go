package ref

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/policyctl/policyctl/policy"
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

var linkPatterns = []struct {
	kind linkKind
	re   *regexp.Regexp
}{
	{linkArticle, regexp.MustCompile(`^第(` + num + `)条((?:の(?:` + num + `))*)`)},
	{linkClause, regexp.MustCompile(`^第(` + num + `)項`)},
	{linkItem, regexp.MustCompile(`^第(` + num + `)号`)},
	{linkChapter, regexp.MustCompile(`^第(` + num + `)章`)},
	{linkDivision, regexp.MustCompile(`^第(` + num + `)節`)},
	{linkAppendix, regexp.MustCompile(`^別表(?:第(` + num + `))?`)},
	{linkSupplement, regexp.MustCompile(`^附則`)},
	// 前各号, 前二項, 前条, 同項, 本条, 各号 …
	{linkRel, regexp.MustCompile(`^(?:前各(?:号|項)|前[二三四五六七八九](?:条|項|号)|[前次同本](?:条|項|号)|各(?:号|項))`)},
	{linkParen, regexp.MustCompile(`^[(（]\s*([0-9０-９]{1,3})\s*[)）]`)},
	{linkParenKana, regexp.MustCompile(`^[(（]([アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン])[)）]`)},
	{linkNum, regexp.MustCompile(`^[0-9０-９]{1,3}`)},
}

var (
	numRE       = regexp.MustCompile(num)
	directionRE = regexp.MustCompile(`^(上記|前記|下記)`)
	connRE      = regexp.MustCompile(`^(?:\s*)(、|，|及び|並びに|又は|若しくは|から|まで|～|〜|~)(?:\s*)`)
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
	docNames []string
}

func newScanner(names []string) *scanner {
	ns := append([]string(nil), names...)
	// Longest first, so 情報セキュリティ対策基準 wins over 対策基準.
	for i := range ns {
		for j := i + 1; j < len(ns); j++ {
			if len(ns[j]) > len(ns[i]) {
				ns[i], ns[j] = ns[j], ns[i]
			}
		}
	}
	return &scanner{docNames: ns}
}

// maxLink bounds how far a link pattern may read, so scanning stays linear.
const maxLink = 48

func window(text string, i int) string {
	end := i + maxLink
	if end > len(text) {
		end = len(text)
	}
	for end < len(text) && !utf8.RuneStart(text[end]) {
		end--
	}
	return text[i:end]
}

// readLink reads one link at text[i:].
func readLink(text string, i int) (link, bool) {
	w := window(text, i)
	for _, p := range linkPatterns {
		m := p.re.FindStringSubmatchIndex(w)
		if m == nil {
			continue
		}
		l := link{kind: p.kind, start: i, end: i + m[1]}
		sub := func(k int) string {
			if m[2*k] < 0 {
				return ""
			}
			return w[m[2*k]:m[2*k+1]]
		}
		switch p.kind {
		case linkArticle:
			l.style = policy.StyleArticle
			l.num.N, _ = policy.ParseNumeral(sub(1))
			for _, s := range numRE.FindAllString(sub(2), -1) {
				v, _ := policy.ParseNumeral(s)
				l.num.Sub = append(l.num.Sub, v)
			}
		case linkClause:
			l.style = policy.StyleClause
			l.num.N, _ = policy.ParseNumeral(sub(1))
		case linkItem:
			l.num.N, _ = policy.ParseNumeral(sub(1))
		case linkChapter:
			l.style = policy.StyleChapter
			l.num.N, _ = policy.ParseNumeral(sub(1))
		case linkDivision:
			l.style = policy.StyleDivision
			l.num.N, _ = policy.ParseNumeral(sub(1))
		case linkAppendix:
			l.style = policy.StyleAppendix
			l.num.N = 1
			if s := sub(1); s != "" {
				l.num.N, _ = policy.ParseNumeral(s)
			}
		case linkSupplement:
			l.style = policy.StyleSupplement
			l.num.N = 1
		case linkRel:
			l.rel = w[:m[1]]
			// 本条例, 同条件, 前項目 are words, not references.
			if strings.ContainsRune("件例目文", nextRune(w, m[1])) {
				return link{}, false
			}
		case linkParen:
			l.style = policy.StyleParen
			l.num.N, _ = policy.ParseNumeral(sub(1))
		case linkParenKana:
			l.style = policy.StyleParenKatakana
			r, _ := utf8.DecodeRuneInString(sub(1))
			l.num.N = policy.KatakanaNumber(r)
		case linkNum:
			l.style = policy.StyleDot
			l.num.N, _ = policy.ParseNumeral(w[:m[1]])
		}
		if l.num.N <= 0 && p.kind != linkRel {
			return link{}, false
		}
		return l, true
	}
	r, size := utf8.DecodeRuneInString(text[i:])
	if n := policy.CircledNumber(r); n > 0 {
		return link{kind: linkCircled, style: policy.StyleCircled, num: policy.Number{N: n}, start: i, end: i + size}, true
	}
	return link{}, false
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
		if e, ok := s.expr(text, i); ok {
			out = append(out, e)
			i = e.end
			continue
		}
		_, size := utf8.DecodeRuneInString(text[i:])
		i += size
	}
	return out
}

// expr tries to read an expression starting at text[i:].
func (s *scanner) expr(text string, i int) (expr, bool) {
	e := expr{start: i}
	j := i
	// A law's number, （昭和22年法律第67号）, is skipped whole; a law name
	// right before 第N条 makes the citation external.
	if m := lawNumberRE.FindStringIndex(window(text, i)); m != nil {
		e.end, e.external = i+m[1], true
		// The citation goes on: 地方自治法（…）第244条の6第1項.
		if c, ok := readChain(text, e.end, false); ok {
			e.end = c.end
		}
		return e, true
	}
	allowNum := false
	for _, name := range s.docNames {
		if strings.HasPrefix(text[j:], name) {
			k := j + len(name)
			k += len(text[k:]) - len(strings.TrimLeft(text[k:], " 　"))
			if _, ok := readLink(text, k); ok {
				e.doc, j, allowNum = name, k, true
			}
			break
		}
	}
	if e.doc == "" {
		if m := directionRE.FindStringIndex(text[j:]); m != nil {
			e.direction = text[j : j+m[1]]
			j += m[1]
			allowNum = true
		}
	}
	first, ok := readChain(text, j, allowNum)
	if !ok {
		// ア及びイ: a katakana letter is a reference only in a list.
		if kana, isKana := readKana(text, j); isKana && e.doc == "" && e.direction == "" && connRE.MatchString(text[kana.end:]) {
			first, ok = chain{links: []link{kana}, start: kana.start, end: kana.end}, true
		}
		if !ok {
			return e, false
		}
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
