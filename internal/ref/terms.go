package ref

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/policyctl/policyctl/internal/policy"
)

// A Term is a word a document defines (定義語), with where it may be used
// and where it is:
//
//	…最高情報セキュリティ責任者（以下「CISO」という。）…   from here to the end of the document
//	…委員会（以下この条において「委員会」という。）…        in this article only
//	この規程において「端末」とは、…をいう。                 in the whole document
//	一　情報資産　本市が業務で取り扱う情報…をいう。          an item of a definitions article: the whole document
//	### (1) 情報資産 — under a heading 定義, …をいう。      the whole document
type Term struct {
	Doc  *policy.Document
	Name string
	// Start and End are the byte offsets of the name in Doc.Body().
	Start, End int
	Pos        policy.Pos
	// Meaning is what the term stands for, as the definition says it.
	Meaning string
	// Scope is the section the term is defined for, or nil for the whole
	// document (and the documents below it, which may use it too).
	Scope *policy.Section
	// Hereafter is set for 以下「X」という。: the term means nothing before
	// its definition.
	Hereafter bool
	Uses      []Use
}

// A Use is a place where a term's name is written.
type Use struct {
	Doc        *policy.Document
	Start, End int
	Pos        policy.Pos
	// Outside is set for a use outside the term's scope, Before for a use
	// before a 以下 definition.
	Outside, Before bool
}

var (
	// 以下「X」という, 以下この条において「X」という, 以下単に「X」という.
	hereafterRE = regexp.MustCompile(`以下([^「」。]{0,30}?)「([^「」]{1,30})」という`)
	// 「X」とは、…をいう — in a definitions article, or この規程において.
	meansRE = regexp.MustCompile(`「([^「」]{1,30})」とは、?([^。]{1,200}?)をいう`)
	// この条において, 本項において, この章において: a scope narrower than
	// the document.
	scopeRE = regexp.MustCompile(`(?:この|本)(編|章|節|款|目|条|項|号)`)
	// 一　情報資産　…をいう。: the term of an item of a definitions article.
	itemTermRE = regexp.MustCompile(`^([^\s　、。「」（）()]{1,20})[ 　]+(.{1,200}?)をいう`)
)

// Terms finds the terms the documents of a repository define, and every
// use of each: in its own document, and for a term defined for a whole
// document in every document.
func Terms(r *policy.Repo) []*Term {
	return r.Memo(termsKey{}, func() any { return findTerms(r) }).([]*Term)
}

type termsKey struct{}

func findTerms(r *policy.Repo) []*Term {
	var terms []*Term
	all := map[*policy.Document][]block{}
	for _, d := range r.Docs {
		if d.AST == nil {
			continue
		}
		all[d] = blocks(d)
		for _, b := range all[d] {
			terms = append(terms, definitions(d, b)...)
		}
	}
	for _, t := range terms {
		for _, d := range r.Docs {
			if d != t.Doc && (t.Scope != nil || !adoptedWith(t.Doc, d)) {
				continue
			}
			for _, b := range all[d] {
				if !names(b) {
					t.uses(d, b)
				}
			}
		}
	}
	return terms
}

// adoptedWith reports whether every committee that adopts use also
// adopted def, where a term is defined: only then does def's definition
// reach use — its pages' notes on the term, its uses. A document a single
// committee adopts must not give a term of a document all of them adopted
// a meaning none of the others signed.
func adoptedWith(def, use *policy.Document) bool {
	for _, c := range use.Meta.Approvers {
		if !slices.Contains(def.Meta.Approvers, c) {
			return false
		}
	}
	return true
}

// names reports whether a block only names a part: the caption of an
// article, （情報セキュリティ委員会）, or the title of a chapter, 第2節　委員会.
// Its words are names, not uses of a term.
func names(b block) bool {
	if b.host != nil && b.host.Style.Group() && b.host.Node == b.node {
		return true
	}
	t := strings.TrimSpace(b.text)
	return (strings.HasPrefix(t, "（") || strings.HasPrefix(t, "(")) && (strings.HasSuffix(t, "）") || strings.HasSuffix(t, ")")) &&
		!strings.ContainsAny(t, "。\n")
}

// definitions reads the terms a block defines.
func definitions(d *policy.Document, b block) []*Term {
	var out []*Term
	mk := func(nameStart, nameEnd int, meaning string) *Term {
		t := &Term{Doc: d, Name: b.text[nameStart:nameEnd], Start: toBodyStart(b.ps, nameStart), End: toBody(b.ps, nameEnd), Meaning: strings.TrimSpace(meaning)}
		t.Pos = d.BodyPos(t.Start)
		return t
	}
	// Most blocks define nothing: the expressions run only on text with
	// the words they need.
	var here, means [][]int
	if strings.Contains(b.text, "という") {
		here = hereafterRE.FindAllStringSubmatchIndex(b.text, -1)
	}
	if strings.Contains(b.text, "」とは") {
		means = meansRE.FindAllStringSubmatchIndex(b.text, -1)
	}
	for _, m := range here {
		t := mk(m[4], m[5], meaningBefore(b.text, b.from, m[0]))
		t.Hereafter = true
		t.Scope = scopeOf(b.text[m[2]:m[3]], b.host)
		out = append(out, t)
	}
	for _, m := range means {
		t := mk(m[2], m[3], b.text[m[4]:m[5]])
		t.Scope = scopeOf(b.text[max(0, m[0]-40):m[0]], b.host)
		out = append(out, t)
	}
	if len(out) == 0 && definesItems(b.host) {
		rest := b.text[b.from:]
		off := b.from + len(rest) - len(strings.TrimLeft(rest, " 　"))
		if m := itemTermRE.FindStringSubmatchIndex(b.text[off:]); m != nil {
			out = append(out, mk(off+m[2], off+m[3], b.text[off+m[4]:off+m[5]]))
		}
	}
	if len(out) == 0 && b.host != nil && b.host.Kind == policy.KindHeading && b.host.Title != "" && underDefinitions(b.host) &&
		strings.HasSuffix(strings.TrimSpace(b.text), "をいう。") && b.node.PreviousSibling() == b.host.Node {
		// ### (1) 情報資産 under 2. 定義, its paragraph …をいう。
		t := &Term{Doc: d, Name: b.host.Title, Start: b.host.Offset, End: b.host.Offset, Pos: d.BodyPos(b.host.Offset), Meaning: strings.TrimSuffix(strings.TrimSpace(b.text), "をいう。")}
		out = append(out, t)
	}
	return out
}

// meaningBefore is the phrase a 以下「X」という。 parenthetical follows: 最高
// 情報セキュリティ責任者 of 本市に、最高情報セキュリティ責任者（以下「CISO」
// という。）, はなみずき市 of この基本方針は、はなみずき市（以下「本市」という。）.
// The phrase begins after the last 、 that ends a clause (after a particle
// or a verb's ending, a kana): 市長、教育委員会及び選挙管理委員会 stays whole.
func meaningBefore(text string, from, at int) string {
	open := strings.LastIndexAny(text[:at], "(（")
	if open < from {
		return ""
	}
	s := strings.TrimLeft(text[from:open], " 　")
	if i := strings.LastIndexAny(s, "。\x00"); i >= 0 {
		s = s[i+1:]
	}
	for i := len(s); ; {
		k := strings.LastIndex(s[:i], "、")
		if k < 0 {
			break
		}
		if r := prevRune(s, k); unicode.In(r, unicode.Hiragana) && k+len("、") < len(s) {
			s = s[k+len("、"):]
			break
		}
		i = k
	}
	if utf8.RuneCountInString(s) > 60 {
		r := []rune(s)
		s = "…" + string(r[len(r)-60:])
	}
	return s
}

// scopeOf reads the scope words of a definition: この条において makes the
// enclosing article the scope; none makes it the whole document.
func scopeOf(words string, host *policy.Section) *policy.Section {
	m := scopeRE.FindStringSubmatch(words)
	if m == nil || host == nil {
		return nil
	}
	r, _ := utf8.DecodeRuneInString(m[1])
	return enclosingAt(host, unitLevels[r])
}

// definesItems reports whether a section is an item of a definitions
// article: 次の各号に掲げる用語の意義は、….
func definesItems(s *policy.Section) bool {
	if s == nil || !isItem(s) || s.Parent == nil {
		return false
	}
	c := s.Parent
	if c.Kind == policy.KindImplicit && c.Parent != nil {
		c = c.Parent // the article's text is its first 項's
	}
	lead := textOf(c)
	// (1) 情報資産　…をいう。 under 2. 定義 (the 基本方針's outline) too.
	return strings.Contains(lead, "用語の意義") || strings.Contains(lead, "用語の意味") || strings.Contains(lead, "用語の定義") || underDefinitions(s)
}

func underDefinitions(s *policy.Section) bool {
	return s.Parent != nil && strings.Contains(s.Parent.Title, "定義")
}

// uses finds the term's name in a block: not inside 「」, and not as part
// of a longer word (委員会 in 情報セキュリティ委員会).
func (t *Term) uses(d *policy.Document, b block) {
	for i := 0; i < len(b.text); {
		k := strings.Index(b.text[i:], t.Name)
		if k < 0 {
			return
		}
		at := i + k
		end := at + len(t.Name)
		i = end
		if !standsAsWord(b.text, at, end) || prevRune(b.text, at) == '「' && nextRune(b.text, end) == '」' {
			continue
		}
		start := toBodyStart(b.ps, at)
		if d == t.Doc && start >= t.Start && start < t.End+len("」という") {
			continue // the definition itself
		}
		u := Use{Doc: d, Start: start, End: toBody(b.ps, end), Pos: d.BodyPos(start)}
		if t.Scope != nil {
			host := b.host
			if host == nil || !within(host, t.Scope) {
				u.Outside = true
			}
		}
		if t.Hereafter && d == t.Doc && start < t.Start && !u.Outside {
			u.Before = true
		}
		t.Uses = append(t.Uses, u)
	}
}

// standsAsWord reports whether text[at:end] is not glued to the word
// before or after it.
func standsAsWord(text string, at, end int) bool {
	p, n := prevRune(text, at), nextRune(text, end)
	glued := func(r rune) bool {
		return unicode.Is(unicode.Han, r) || policy.IsKatakana(r) || r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) || unicode.Is(unicode.Latin, r)
	}
	first, _ := utf8.DecodeRuneInString(text[at:end])
	last, _ := utf8.DecodeLastRuneInString(text[at:end])
	if glued(p) && (glued(first) || p == first) {
		return false
	}
	switch {
	case n == utf8.RuneError:
	case policy.IsKatakana(n) && policy.IsKatakana(last), n < 0x80 && (unicode.IsLetter(n) || unicode.IsDigit(n)) && last < 0x80:
		return false
	case unicode.Is(unicode.Han, n) && first == last && !strings.ContainsRune("第及並又若等", n):
		return false // a one-letter term: 法 in 法律, but 法第3条 and 法及び令
	}
	return true
}

func within(s, scope *policy.Section) bool {
	for ; s != nil; s = s.Parent {
		if s == scope {
			return true
		}
	}
	return false
}
