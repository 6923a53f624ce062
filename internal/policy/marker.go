package policy

import (
	"bytes"
	"html"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"github.com/policyctl/policyctl/internal/i18n"
	"github.com/policyctl/policyctl/internal/markdown"
)

// Markers fail closed. A visibility marker is recognised only in its exact
// form — a ::: fence the parser opened or closed, a heading attribute block
// goldmark parsed with known keys — and everything that merely looks like one
// is reported as visibility/marker, an error that stops every edition below
// the most restricted level. A near-miss is never plain text that a public
// edition would publish.

// colonLike are the characters drawn like a colon (or a column of dots)
// that NFKC does not fold to one: ratio and proportion, modifier letters,
// Armenian, Hebrew, Syriac, Runic, Mongolian, Ethiopic, Bamum, Lisu, Z
// notation, two- and three-dot punctuation (Unicode's confusables for
// ":"), the visargas of the Indic scripts and Myanmar.
const colonLike = "∶꞉ː˸ˑ։׃܃܄܅܆܇܈܉᛬᠃᠄᠉⁚⁝⦂⫶⸪ꓽ፡፥꛴ःঃਃઃଃఃಃഃඃးꢁꫵ︰∷"

// isColon reports whether r is a colon or is drawn like one: ':', the
// look-alikes above, and what NFKC folds to ':' (：﹕︓, held equal to
// norm.NFKC by TestColonFolds; a table, not a normalisation per rune, as
// this runs for the first character of every line).
func isColon(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ':'
	}
	return colonSet[r]
}

var colonSet = func() map[rune]bool {
	m := map[rune]bool{'：': true, '﹕': true, '︓': true}
	for _, r := range colonLike {
		m[r] = true
	}
	return m
}()

// invisible reports whether r is drawn as nothing or as space: spaces of
// every width (the full-width space that indents Japanese text), format
// characters, combining marks, variation selectors and the other
// default-ignorable characters (soft hyphen, Hangul fillers).
func invisible(r rune) bool {
	return unicode.IsSpace(r) || unicode.In(r, unicode.Zs, unicode.Cf, unicode.Mn, unicode.Me,
		unicode.Variation_Selector, unicode.Other_Default_Ignorable_Code_Point)
}

// fenceLikeLine reports whether a line reads as a ::: fence: three colons
// or look-alikes, written as characters, character references (&#58;,
// &colon;) or escapes (\:), with nothing but invisible characters or
// backslashes between them, and nothing before them but container marks,
// list numbers, punctuation and invisible characters — no letter. A table
// row is read cell by cell. It is deliberately wider than what the parser
// takes for a fence: every line it matches that the parser did not open or
// close is a visibility/marker error, never text.
func fenceLikeLine(line []byte) bool {
	if fenceLikeText(line) {
		return true
	}
	if bytes.IndexByte(line, '|') < 0 {
		return false
	}
	for _, cell := range bytes.Split(line, []byte("|")) {
		if fenceLikeText(cell) {
			return true
		}
	}
	return false
}

func fenceLikeText(b []byte) bool {
	n := 0 // colons in a row
	for i := 0; i < len(b); {
		r, w := utf8.DecodeRune(b[i:])
		if r == '&' {
			r, w = charRef(b[i:])
		}
		i += w
		switch {
		case isColon(r):
			if n++; n == 3 {
				return true
			}
		case unicode.IsLetter(r) && !invisible(r):
			return false
		case unicode.IsNumber(r) || r == '-' || r == '|':
			// A time (10:00:00), a ratio (1:2:3), a table's alignment
			// row (|:---|:---:|): the colons there are text.
			n = 0
		default:
			// Spaces, format characters, marks, backslashes, symbols
			// (a braille blank), markup characters (*, _, <, >): drawn
			// as little or nothing between colons, or list and quote
			// markers before them.
		}
	}
	return false
}

// charRef decodes the character reference at the start of b (&#58;,
// &#x3a;, &colon;, &nbsp;), as Markdown does; otherwise it is "&".
func charRef(b []byte) (rune, int) {
	end := bytes.IndexByte(b[:min(len(b), 40)], ';')
	if end < 0 {
		return '&', 1
	}
	s := html.UnescapeString(string(b[:end+1]))
	r, w := utf8.DecodeRuneInString(s)
	if w != len(s) || s == string(b[:end+1]) {
		return '&', 1
	}
	return r, end + 1
}

// openBraces and closeBraces are braces and their look-alikes.
const openBraces, closeBraces = "{｛﹛", "}｝﹜"

// attrLike matches an attribute block written into text: {…} or a
// look-alike that holds "=", "＝", or starts with "." or "#" — also after
// a colon, as kramdown writes a block's attribute list ({: .internal},
// {:.internal}).
var attrLike = regexp.MustCompile(`[` + openBraces + `][ \t　]*(?:[:：][ \t　]*)?(?:[.#．＃]|[^` + openBraces + closeBraces + `\n]*[=＝])[^` + openBraces + closeBraces + `\n]*[` + closeBraces + `]`)

// dialectBrace matches what other dialects write in braces to mark or
// hide a part: kramdown's attribute list definitions and extensions
// ({:name: .internal}, {::comment}), template tags and shortcodes ({% … %},
// {{< … >}}, {{% … %}}) and CriticMarkup ({>> … <<}, {-- … --}). Such a
// construct that names a level or visibility is a marker policyctl does
// not read (dialectNames).
var dialectBrace = regexp.MustCompile(`[` + openBraces + `][ \t　]*[{%:<>~+\-｛％：＜＞][^\n]*?[` + closeBraces + `]`)

// dialectLine matches, at the start of a line folded by NFKC, what other
// dialects read as a container, an admonition or a comment: a GitHub
// alert or Obsidian callout ([!WORD]), an MkDocs admonition (!!! WORD,
// ??? WORD, ???+ WORD), a pymdownx block (/// WORD), a Sphinx directive
// (.. only:: WORD) and an Obsidian comment (%% … %%). Its first group is
// what names the kind: the alert's word, the admonition's words before
// its quoted title, the rest of the line otherwise.
var dialectLine = regexp.MustCompile(`^(?:\[!([^\]\n]*)\]|(?:!!!|\?\?\?\+?|///)[ \t]*([^"'\n]*)|\.\.[ \t]+(\S[^\n]*::[^\n]*)|%%([^\n]*))`)

// dialectNames reports whether the words of a construct of another
// dialect name a configured level (hyphens and underscores separate words,
// as in raw HTML: internal-only names a level) or visibility.
func dialectNames(words string, htmlRE *regexp.Regexp) bool {
	return namesVisibility(words) || htmlRE != nil && htmlRE.MatchString(words)
}

// dialectMarker returns the construct of another dialect on a line of
// text as a reader sees it that names a level or visibility, or "". The
// line is read folded by NFKC when it holds a character that folds to
// the punctuation these constructs start with (！！！, ［！…］, ‼!).
func dialectMarker(line string, htmlRE *regexp.Regexp) string {
	if foldsToDialectChar(line) {
		line = norm.NFKC.String(line)
	}
	trimmed := strings.TrimLeftFunc(line, invisible)
	if trimmed != "" && strings.IndexByte("[!?/.%", trimmed[0]) >= 0 {
		if m := dialectLine.FindStringSubmatch(trimmed); m != nil && dialectNames(m[1]+m[2]+m[3]+m[4], htmlRE) {
			return m[0]
		}
	}
	if !strings.ContainsAny(line, openBraces+"%") {
		return ""
	}
	for _, loc := range dialectBrace.FindAllStringIndex(line, -1) {
		// An attribute block ({: .internal}) is reported as one, where
		// the text holds it.
		if c := line[loc[0]:loc[1]]; dialectNames(c, htmlRE) && findAttrLike([]byte(c)) == nil {
			return c
		}
	}
	if i := strings.Index(line, "%%"); i >= 0 && dialectNames(line[i:], htmlRE) {
		return line[i:]
	}
	return ""
}

// runeSet is the set of the characters of s.
func runeSet(s string) map[rune]bool {
	m := map[rune]bool{}
	for _, r := range s {
		m[r] = true
	}
	return m
}

// foldsToDialect are the characters NFKC folds to something holding
// one of [ ! ? / . % { (TestFoldsToDialect holds the list to norm.NFKC).
const foldsToDialect = "․‥…‼⁇⁈⁉℀℁℅℆⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛㏂㏇㏘︕︖︙︰︷﹇﹒﹖﹗﹛﹪！％．／？［｛🄀"

var foldsToDialectSet = runeSet(foldsToDialect)

// foldsToDialectChar reports whether text holds a character of
// foldsToDialect. Only the lead bytes of those characters (E2, E3 8F, EF,
// F0) are decoded, so Japanese text costs a byte test per byte.
func foldsToDialectChar(text string) bool {
	for i := 0; i < len(text); i++ {
		if c := text[i]; c == 0xE2 || c == 0xE3 && i+1 < len(text) && text[i+1] == 0x8F || c == 0xEF || c == 0xF0 {
			if r, _ := utf8.DecodeRuneInString(text[i:]); foldsToDialectSet[r] {
				return true
			}
		}
	}
	return false
}

// mayHoldDialect reports whether text can hold a construct dialectMarker
// looks for: it holds one of the characters they start with, or one that
// folds to one.
func mayHoldDialect(text string) bool {
	return strings.ContainsAny(text, "[!?/.%{") || foldsToDialectChar(text)
}

// findAttrLike is attrLike.FindIndex, skipping the regular expression on
// text without a brace, which it cannot match: most text has none.
func findAttrLike(b []byte) []int {
	// bytes.ContainsAny decodes every rune when the set is not ASCII;
	// three byte searches are several times faster on Japanese text.
	if bytes.IndexByte(b, '{') < 0 && !bytes.Contains(b, []byte("｛")) && !bytes.Contains(b, []byte("﹛")) {
		return nil
	}
	return attrLike.FindIndex(b)
}

// htmlLevelLike matches raw HTML that tries to mark visibility, which raw
// HTML cannot do: it is dropped, and what it wraps is published. Besides
// these words, raw HTML that names a configured level — a tag, a class, a
// comment such as <!-- internal --> — is one (levelWords).
var htmlLevelLike = regexp.MustCompile(`(?i)visibility|data-level|class\s*=\s*["']?[^"'>]*\blevel\b`)

// levelWords matches a configured level's name as a word of its own,
// in any case: what a heading's class or id must not be. In raw HTML
// (htmlWords) a hyphen or underscore also separates words: class
// "internal-only" names a level there.
func levelWords(levels []string) *regexp.Regexp { return levelRE(levels, `\pL\pN_-`) }

func htmlWords(levels []string) *regexp.Regexp { return levelRE(levels, `\pL\pN`) }

// levelREs holds the expressions made, by word class and levels: every
// document of a repository asks for the same two.
var levelREs sync.Map

func levelRE(levels []string, word string) *regexp.Regexp {
	key := word + "\x00" + strings.Join(levels, "\x00")
	if re, ok := levelREs.Load(key); ok {
		return re.(*regexp.Regexp)
	}
	re := makeLevelRE(levels, word)
	levelREs.Store(key, re)
	return re
}

func makeLevelRE(levels []string, word string) *regexp.Regexp {
	var alts []string
	for _, l := range levels {
		if l != "" {
			alts = append(alts, regexp.QuoteMeta(l))
		}
	}
	if len(alts) == 0 {
		return nil
	}
	return regexp.MustCompile(`(?i)(?:^|[^` + word + `])(?:` + strings.Join(alts, "|") + `)(?:$|[^` + word + `])`)
}

// htmlNamesLevel reports whether raw HTML tries to mark visibility.
func htmlNamesLevel(raw []byte, words *regexp.Regexp) bool {
	return htmlLevelLike.Match(raw) || words != nil && words.Match(raw)
}

// refDefNames reports whether a link reference definition names
// visibility or a level: in its label or title, as a word, or as its
// whole destination ([//]: # (internal), [internal]: #, [c]: internal).
// A destination that merely contains a level (…/internal/audit) is a
// path, not a marker.
func refDefNames(n *ast.LinkReferenceDefinition, words *regexp.Regexp, levels []string) bool {
	for _, s := range []string{string(n.Label), string(n.Title)} {
		s = html.UnescapeString(s)
		if namesVisibility(s) || words != nil && words.MatchString(norm.NFKC.String(s)) {
			return true
		}
	}
	dest := html.UnescapeString(string(n.Destination))
	if namesVisibility(dest) {
		return true
	}
	dest = strings.Trim(norm.NFKC.String(dest), "#/.<> ")
	return slices.ContainsFunc(levels, func(l string) bool { return l != "" && strings.EqualFold(l, dest) })
}

// headingAttrKeys are the attribute keys a heading may carry.
var headingAttrKeys = map[string]bool{"id": true, "class": true, "visibility": true}

// nearMisses reports what looks like a visibility marker but is not one.
func nearMisses(d *Document, levels []string) {
	body := d.Body()
	words, htmlRE := levelWords(levels), htmlWords(levels)
	recognised := map[int]bool{} // line starts of fences the parser took
	flagged := map[int]bool{}    // line starts already reported as fence-like
	code := map[int]bool{}       // line starts of code content
	markLines := func(n ast.Node) {
		for i := 0; i < n.Lines().Len(); i++ {
			seg := n.Lines().At(i)
			code[lineStart(body, seg.Start)] = true
		}
	}
	_ = ast.Walk(d.AST, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *markdown.LevelBlock:
			recognised[n.Start] = true
			if n.Closed {
				recognised[n.Close] = true
			}
		case *ast.FencedCodeBlock:
			markLines(n)
			if n.Info != nil {
				if info := n.Info.Segment.Value(body); dialectNames(string(info), htmlRE) {
					d.addFinding(RuleVisibilityMarker, Error, d.BodyStart+fenceStart(n, body),
						i18n.Sprintf("the code block's info string %q names visibility or a visibility level: a code block restricts nothing (a directive such as ```{only} is not read), and its content would be published", string(bytes.TrimSpace(info))),
						i18n.T("to restrict a part, wrap it in a ::: LEVEL block; to show code, name its language (```yaml) and no level"))
				}
			}
			if !d.closedFences[n] {
				d.addFinding(RuleVisibilityMarker, Error, d.BodyStart+fenceStart(n, body),
					i18n.T("a code block opened with ``` or ~~~ is never closed: everything after it to the end of its container — headings, ::: blocks, {visibility=…} — is published as code, restricted or not"),
					i18n.T("close the code block with the same fence on a line of its own"))
			}
			return ast.WalkSkipChildren, nil
		case *ast.CodeBlock:
			markLines(n)
			for i := 0; i < n.Lines().Len(); i++ {
				seg := n.Lines().At(i)
				line := seg.Value(body)
				if fenceLikeLine(line) || findAttrLike(line) != nil {
					d.addFinding(RuleVisibilityMarker, Error, d.BodyStart+lineStart(body, seg.Start),
						i18n.T("an indented line that looks like a visibility marker is a code block (four spaces or a tab): it is published as code, and what it meant to restrict is not restricted"),
						i18n.T("start the marker at the beginning of its line; to show marker syntax as an example, use a fenced code block (```)"))
					break
				}
			}
			return ast.WalkSkipChildren, nil
		case *ast.Heading:
			headingMarker(d, n, body, levels, words, htmlRE)
		case *ast.HTMLBlock:
			var raw bytes.Buffer
			for i := 0; i < n.Lines().Len(); i++ {
				seg := n.Lines().At(i)
				raw.Write(seg.Value(body))
			}
			if n.HasClosure() {
				cl := n.ClosureLine
				raw.Write(cl.Value(body))
			}
			if htmlNamesLevel(raw.Bytes(), htmlRE) {
				d.addFinding(RuleVisibilityMarker, Error, d.BodyStart+lineStart(body, n.Pos()),
					i18n.T("raw HTML that names a visibility level or class does not restrict anything: what it wraps would be published"),
					i18n.T("mark the part with a ::: LEVEL block or {visibility=LEVEL} on its heading"))
			}
		case *ast.RawHTML:
			var raw bytes.Buffer
			for i := 0; i < n.Segments.Len(); i++ {
				seg := n.Segments.At(i)
				raw.Write(seg.Value(body))
			}
			if htmlNamesLevel(raw.Bytes(), htmlRE) && n.Segments.Len() > 0 {
				d.addFinding(RuleVisibilityMarker, Error, d.BodyStart+n.Segments.At(0).Start,
					i18n.T("raw HTML that names a visibility level or class does not restrict anything: what it wraps would be published"),
					i18n.T("mark the part with a ::: LEVEL block or {visibility=LEVEL} on its heading"))
			}
		case *ast.Paragraph, *ast.TextBlock, *east.TableCell:
			if !quietOff && quietBlock(n, body) {
				break // none of the characters the checks below look for
			}
			// The text as a reader sees it — emphasis, raw HTML and
			// character references gone — may read as a fence where no
			// source line does: *:*::, :<!-- -->::, <b>:::</b>.
			visible := markdown.PlainText(n, body)
			if !namesVisibility(visible) {
				// Most text: no v, no character reference.
			} else if prose := markdown.ProseText(n, body); namesVisibility(prose) && assignsVisibility(strings.ToLower(norm.NFKC.String(html.UnescapeString(prose)))) {
				d.addFinding(RuleVisibilityMarker, Error, d.BodyStart+lineStart(body, blockStart(n, body)),
					i18n.T("the text assigns visibility outside a heading's attribute block: it would be published as text, and nothing is restricted"),
					i18n.T("to restrict a part, put {visibility=LEVEL} at the end of a heading line or wrap the part in a ::: LEVEL block; to write it as text, put it in `code`"))
			}
			if mayHoldDialect(visible) {
				// Written as code, the syntax is an example.
				for i, line := range strings.Split(markdown.ProseText(n, body), "\n") {
					if m := dialectMarker(line, htmlRE); m != "" {
						at := lineStart(body, blockStart(n, body))
						if i < n.Lines().Len() {
							seg := n.Lines().At(i)
							at = lineStart(body, seg.Start)
							if j := bytes.Index(body[at:eol(body, seg.Start)], []byte(m)); j >= 0 {
								at += j
							}
						}
						d.addFinding(RuleVisibilityMarker, Error, d.BodyStart+at,
							i18n.Sprintf("%q is the syntax of another Markdown dialect (an attribute list, an alert, an admonition, a template tag or a comment) naming visibility or a visibility level: policyctl does not read it, and what it meant to restrict or hide would be published as text", m),
							i18n.T("to restrict a part, put {visibility=LEVEL} at the end of a heading line or wrap the part in a ::: LEVEL block; for a note, use a word that is not a level (> [!NOTE], !!! note); to write the syntax as text, put it in `code`"))
						break
					}
				}
			}
			for _, line := range strings.Split(visible, "\n") {
				if fenceLikeText([]byte(line)) {
					at := lineStart(body, blockStart(n, body))
					flagged[at] = true
					d.addFinding(RuleVisibilityMarker, Error, d.BodyStart+at, fenceMessage([]byte(line), levels), fenceHint())
					break
				}
			}
		case *ast.LinkReferenceDefinition:
			// A definition is not shown; [//]: # (…) is a comment in
			// other tools, and nothing in policyctl.
			if refDefNames(n, words, levels) {
				d.addFinding(RuleVisibilityMarker, Error, d.BodyStart+lineStart(body, n.Pos()),
					i18n.Sprintf("the link reference definition [%s] names visibility or a visibility level: a definition is neither a marker nor a comment policyctl reads, and what it meant to restrict would be published", string(n.Label)),
					i18n.T("remove it; to restrict a part, put {visibility=LEVEL} at the end of a heading line or wrap the part in a ::: LEVEL block"))
			}
			return ast.WalkSkipChildren, nil
		case *ast.CodeSpan:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			if _, inHeading := headingOf(n); inHeading {
				return ast.WalkContinue, nil // headingMarker reads heading text
			}
			if loc := findAttrLike(n.Segment.Value(body)); loc != nil {
				d.addFinding(RuleVisibilityMarker, Error, d.BodyStart+n.Segment.Start+loc[0],
					i18n.T("an attribute block {…} outside a heading is not a visibility marker: it would be published as text"),
					i18n.T("to restrict a part, put {visibility=LEVEL} at the end of a heading line or wrap the part in a ::: LEVEL block; to write braces as text, put them in `code`"))
			}
		}
		return ast.WalkContinue, nil
	})
	for off := 0; off < len(body); {
		end := bytes.IndexByte(body[off:], '\n')
		next := len(body)
		if end >= 0 {
			next = off + end + 1
		}
		line := body[off:next]
		if (quietOff || mayHold(line, &colonBytes, colonSet)) && !code[off] && !recognised[off] && !flagged[off] && fenceLikeLine(line) {
			d.addFinding(RuleVisibilityMarker, Error, d.BodyStart+off, fenceMessage(line, levels), fenceHint())
		}
		off = next
	}
}

// Most of a policy is Japanese prose that holds none of the characters
// the checks of a block's text look for: a v or a character that folds to
// one (namesVisibility), one that starts another dialect's marker
// (mayHoldDialect), a colon or a look-alike (fenceLikeText), or a
// character reference, which can be any of them. One pass over the
// block's source lines tells so, and its text is neither assembled nor
// scanned again. The text is made of those lines' characters and nothing
// else: goldmark adds text of its own (ast.String) only with extensions
// policyctl does not use (TestPlainTextFromSource).
var (
	blockBytes = asciiSet("vV&[!?/.%{:")
	colonBytes = asciiSet(":&")
	blockRunes = func() map[rune]bool {
		m := map[rune]bool{}
		for _, set := range []map[rune]bool{foldsToVSet, foldsToDialectSet, colonSet} {
			for r := range set {
				m[r] = true
			}
		}
		return m
	}()
)

// quietOff turns the pass off: the tests compare the findings with it
// and without.
var quietOff bool

// quietBlock reports whether a block's source lines hold none of those
// characters; a block without lines is never quiet. (goldmark gives a
// table cell the line its text is parsed from.)
func quietBlock(n ast.Node, body []byte) bool {
	lines := n.Lines()
	if lines.Len() == 0 {
		return false
	}
	for i := 0; i < lines.Len(); i++ {
		if seg := lines.At(i); mayHold(seg.Value(body), &blockBytes, blockRunes) {
			return false
		}
	}
	return true
}

func asciiSet(s string) (set [utf8.RuneSelf]bool) {
	for i := 0; i < len(s); i++ {
		set[s[i]] = true
	}
	return set
}

// mayHold reports whether b holds a byte of ascii or a character of
// runes. Kanji (E4–E9) and kana and CJK punctuation (E3 80–8A) are passed
// over by their lead byte: none of them is in runes (TestMayHoldEveryRune).
func mayHold(b []byte, ascii *[utf8.RuneSelf]bool, runes map[rune]bool) bool {
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			if ascii[c] {
				return true
			}
			i++
			continue
		}
		if i+2 < len(b) && (c >= 0xE4 && c <= 0xE9 || c == 0xE3 && b[i+1] < 0x8B) && b[i+1]&0xC0 == 0x80 && b[i+2]&0xC0 == 0x80 {
			i += 3
			continue
		}
		r, w := utf8.DecodeRune(b[i:])
		if runes[r] {
			return true
		}
		i += w
	}
	return false
}

func fenceHint() string {
	return i18n.T(`an opener is exactly ":::" and one configured level at the start of its line, a closer exactly ":::"; a ":::" line directly after an HTML block is part of that block (leave a blank line before it); levels nest at most 8 deep; to write ":::" as text, put it in a code block`)
}

func fenceMessage(line []byte, levels []string) string {
	l := strings.TrimSpace(string(line))
	if f := strings.Fields(l); len(f) == 2 && strings.Trim(f[0], ":") == "" && len(f[0]) >= 3 && !slices.Contains(levels, f[1]) {
		return i18n.Sprintf("%q opens a ::: block with %q, which is not a visibility level of %s (levels: %s): it would be published as text and its content not restricted", l, f[1], ConfigFile, strings.Join(levels, i18n.T(", "))) + nearLevel(f[1], levels)
	}
	if len(l) > 60 {
		l = l[:60] + "…"
	}
	return i18n.Sprintf("%q looks like a ::: visibility fence but is not one the parser recognised (levels: %s); "+
		"it would be published as text and its content not restricted", l, strings.Join(levels, i18n.T(", ")))
}

// headingOf returns the heading an inline node belongs to.
func headingOf(n ast.Node) (*ast.Heading, bool) {
	for p := n.Parent(); p != nil; p = p.Parent() {
		if h, ok := p.(*ast.Heading); ok {
			return h, true
		}
		if p.Type() == ast.TypeBlock {
			return nil, false
		}
	}
	return nil, false
}

// headingMarker checks a heading's attribute block: goldmark parses one at
// the end of the heading line, and leaves anything else as heading text.
func headingMarker(d *Document, h *ast.Heading, body []byte, levels []string, words, classWords *regexp.Regexp) {
	at := d.BodyStart + lineStart(body, h.Pos())
	for _, a := range h.Attributes() {
		name := string(a.Name)
		if !headingAttrKeys[name] {
			d.addFinding(RuleVisibilityMarker, Error, at,
				i18n.Sprintf("the heading's attribute block names %q, which is not an attribute policyctl knows (id, class, visibility)", name),
				i18n.T("write {visibility=LEVEL}, {#id} or {.class}; a misspelt key would leave the part unrestricted"))
		}
		// A class is read as raw HTML's is (internal-only names a level);
		// an id is an anchor (sec-internal-audit is 内部監査's).
		re := words
		if name == "class" {
			re = classWords
		}
		if (name == "class" || name == "id") && re != nil && re.MatchString(attrString(a.Value)) {
			d.addFinding(RuleVisibilityMarker, Error, at,
				i18n.Sprintf("the heading's %s %q names a visibility level, which restricts nothing: the section would be published", name, attrString(a.Value)),
				i18n.T("to restrict the section, write {visibility=LEVEL}"))
		}
	}
	// goldmark keeps the last of two values for one key: a block that
	// names a key twice is read by nobody the way its writer meant.
	if dup := duplicateAttr(headingAttrBlock(body, h)); dup != "" {
		d.addFinding(RuleVisibilityMarker, Error, at,
			i18n.Sprintf("the heading's attribute block names %q twice; only one value would count", dup),
			i18n.T("write each key once: {visibility=LEVEL}"))
	}
	var text strings.Builder
	var walk func(n ast.Node)
	walk = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.CodeSpan:
			case *ast.Text:
				text.Write(c.Segment.Value(body))
			case *ast.String:
				text.Write(c.Value)
			default:
				walk(c)
			}
		}
	}
	walk(h)
	if line := markdown.PlainText(h, body); fenceLikeText([]byte(line)) {
		d.addFinding(RuleVisibilityMarker, Error, at, fenceMessage([]byte(line), levels), fenceHint())
		return
	}
	// What the heading shows, character references decoded and folded:
	// {visibility=…} written with &#123;, ornament braces ❴❵ or
	// full-width letters restricts nothing.
	if namesVisibility(text.String()) && !strings.ContainsAny(text.String(), openBraces+closeBraces) {
		d.addFinding(RuleVisibilityMarker, Error, at,
			i18n.T("the heading's text names visibility outside an attribute block policyctl reads: the section is not restricted"),
			i18n.T("write the block last on the heading line in ASCII: ## 見出し {visibility=internal}; to show braces in a heading, put them in `code`"))
		return
	}
	if strings.ContainsAny(text.String(), openBraces+closeBraces) {
		if m := visibilityValue.FindStringSubmatch(text.String()); m != nil && !slices.Contains(levels, m[1]) {
			d.addFinding(RuleVisibilityMarker, Error, at,
				i18n.Sprintf("%q is not a visibility level of %s (levels: %s): the heading and what follows it are not restricted", m[1], ConfigFile, strings.Join(levels, i18n.T(", ")))+nearLevel(m[1], levels),
				i18n.Sprintf("write {visibility=LEVEL} with one of: %s", strings.Join(levels, i18n.T(", "))))
			return
		}
		d.addFinding(RuleVisibilityMarker, Error, at,
			i18n.T("the heading holds braces that are not an attribute block policyctl could read (full-width braces, quotes, a trailing ##, text after the block); ")+
				i18n.T("if they were meant as {visibility=…}, the part is not restricted"),
			i18n.T("write the block last on the heading line in ASCII: ## 見出し {visibility=internal}; to show braces in a heading, put them in `code`"))
	}
}

// visibilityValue finds the value of a visibility key in braces the
// attribute parser did not take (a value in kanji: {visibility=非公開}).
var visibilityValue = regexp.MustCompile(`(?i)visibility\s*[=＝]\s*["'“”]?([^\s"'“”}｝﹜]+)`)

// headingAttrBlock is the {…} block at the end of an ATX heading's line,
// as written, or nil.
func headingAttrBlock(body []byte, h *ast.Heading) []byte {
	if h.Lines().Len() == 0 {
		return nil
	}
	seg := h.Lines().At(h.Lines().Len() - 1)
	line := bytes.TrimRight(body[lineStart(body, seg.Start):eol(body, seg.Start)], " \t\r#")
	if !bytes.HasSuffix(line, []byte("}")) {
		return nil
	}
	open := bytes.LastIndexByte(line, '{')
	if open < 0 {
		return nil
	}
	return line[open:]
}

// duplicateAttr returns a key an attribute block names twice, or "".
func duplicateAttr(block []byte) string {
	if block == nil {
		return ""
	}
	attrs, ok := parser.ParseAttributes(text.NewReader(block))
	if !ok {
		return ""
	}
	seen := map[string]bool{}
	for _, a := range attrs {
		if seen[string(a.Name)] {
			return string(a.Name)
		}
		seen[string(a.Name)] = true
	}
	return ""
}

// eol is the offset of the end of the line that off is in (its "\n", or
// the end of b).
func eol(b []byte, off int) int {
	if i := bytes.IndexByte(b[off:], '\n'); i >= 0 {
		return off + i
	}
	return len(b)
}

// fenceStart is the offset of a fenced code block's opening line.

// foldsToV are the characters NFKC folds to something with a v in it
// (ⅴ, ⓥ, 𝐯, ᵛ, ㎴ …; TestFoldsToV holds the list to norm.NFKC).
const foldsToV = "ᵛᵥⅣⅤⅥⅦⅧⅳⅴⅵⅶⅷ⒱Ⓥⓥⱽ㋎㍵㎴㎵㎶㎷㎸㎹㏜㏞Ｖｖ𝐕𝐯𝑉𝑣𝑽𝒗𝒱𝓋𝓥𝓿𝔙𝔳𝕍𝕧𝖁𝖛𝖵𝗏𝗩𝘃𝘝𝘷𝙑𝙫𝚅𝚟🄥🅅🅊🅋🅎"

var foldsToVSet = runeSet(foldsToV)

// mayHoldV reports whether text can name visibility once folded: it holds
// a v, a character reference, or a character NFKC folds to a v. The
// bytes are scanned once; only the lead bytes of those characters (E1,
// E2, E3 8B–8F, EF, F0) are decoded, so Japanese text costs a byte test
// per byte.
func mayHoldV(text string) bool {
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case c == 'v' || c == 'V' || c == '&':
			return true
		case c == 0xE3 && i+1 < len(text) && (text[i+1] < 0x8B || text[i+1] > 0x8F):
		case c == 0xE1 || c == 0xE2 || c == 0xE3 || c == 0xEF || c == 0xF0:
			if r, _ := utf8.DecodeRuneInString(text[i:]); foldsToVSet[r] {
				return true
			}
		}
	}
	return false
}

// assignsVisibility reports whether folded text gives visibility a value:
// the word, spaces, then '=' or a colon or look-alike (∶, ꞉).
func assignsVisibility(folded string) bool {
	for rest := folded; ; {
		i := strings.Index(rest, "visibility")
		if i < 0 {
			return false
		}
		rest = rest[i+len("visibility"):]
		after := strings.TrimLeftFunc(rest, unicode.IsSpace)
		if r, _ := utf8.DecodeRuneInString(after); r == '=' || isColon(r) {
			return true
		}
	}
}

// namesVisibility reports whether text, as a reader sees it (character
// references decoded, full-width letters folded, any case), names the
// visibility key.
func namesVisibility(text string) bool {
	if !mayHoldV(text) {
		return false
	}
	return strings.Contains(strings.ToLower(norm.NFKC.String(html.UnescapeString(text))), "visibility")
}

// blockStart is where a block's text starts in the body: its first line,
// or its first text (a table cell has no lines of its own).
func blockStart(n ast.Node, body []byte) int {
	if n.Lines().Len() > 0 {
		return n.Lines().At(0).Start
	}
	start := -1
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			start = t.Segment.Start
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	if start < 0 {
		return 0
	}
	return start
}

func fenceStart(n *ast.FencedCodeBlock, body []byte) int {
	if n.Info != nil {
		return lineStart(body, n.Info.Segment.Start)
	}
	if n.Lines().Len() > 0 {
		return lineStart(body, max(lineStart(body, n.Lines().At(0).Start)-1, 0))
	}
	return lineStart(body, max(n.Pos(), 0))
}
