package check

import (
	"html"
	"index/suffixarray"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"

	"github.com/policyctl/policyctl/internal/i18n"
	"github.com/policyctl/policyctl/internal/markdown"
	"github.com/policyctl/policyctl/internal/policy"
)

// minTitle is the shortest title, in characters, whose quotation counts as
// a leak; shorter ones (目的, 定義) are everyday words.
const minTitle = 6

// quotedTitles reports less restricted text that quotes the title of a
// restricted document or section: the title alone tells what the
// restricted part is about.
func quotedTitles(r *policy.Repo, report func(policy.Finding)) {
	levels := len(r.Config.Visibility)
	// Titles repeat (目的, 定義 in every document) and are read once per
	// level: each is folded once.
	folded := map[string]string{}
	foldTitle := func(t string) string {
		f, ok := folded[t]
		if !ok {
			f = fold(t)
			folded[t] = f
		}
		return f
	}
	for lvl := 0; lvl < levels-1; lvl++ {
		// Titles visible only above lvl, minus those also visible at lvl.
		titles := map[string]titleAt{}
		visible := map[string]bool{}
		for _, d := range r.Docs {
			if d.Level > lvl {
				addTitle(titles, d.Meta.Title, titleAt{path: d.Path})
			}
			for _, s := range d.Sections() {
				if s.Level <= lvl {
					visible[foldTitle(s.Title)] = true
					continue
				}
				if s.Kind == policy.KindHeading {
					addTitle(titles, s.Title, titleAt{path: d.Path, line: s.Line})
				}
			}
			if d.Level <= lvl {
				visible[foldTitle(d.Meta.Title)] = true
			}
		}
		// A restricted title that a visible title contains tells nothing new:
		// 物理的セキュリティ is a chapter of the 対策基準 and a measure
		// that the 基本方針 names.
		var vis strings.Builder
		for v := range visible {
			vis.WriteString(v)
			vis.WriteByte(0)
		}
		visIdx := suffixarray.New([]byte(vis.String()))
		for t := range titles {
			if len(visIdx.Lookup([]byte(t), 1)) > 0 {
				delete(titles, t)
			}
		}
		if len(titles) == 0 {
			continue
		}
		// Bucket the titles by their first two characters, then walk the
		// text visible at lvl once.
		buckets := map[string][]string{}
		var starts pairFilter
		for t := range titles {
			k := firstRunes(t, 2)
			buckets[k] = append(buckets[k], t)
			starts.add(k)
		}
		for _, ts := range buckets {
			sort.Strings(ts)
		}
		for _, d := range r.Docs {
			if d.Level > lvl {
				continue
			}
			body := d.Body()
			defs := visibleDefinitions(d, lvl)
			_ = ast.Walk(d.AST, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
				if !entering || n.Type() != ast.TypeBlock || n.HasChildren() && n.FirstChild().Type() == ast.TypeBlock {
					return ast.WalkContinue, nil
				}
				at := blockPos(n)
				if at < 0 || d.LevelAt(at) > lvl {
					return ast.WalkSkipChildren, nil
				}
				reported := map[string]bool{}
				for _, p := range shownTexts(n, at, body, defs) {
					text := fold(p.text)
					for i := range text {
						if !starts.mayStart(text[i:]) {
							continue
						}
						for _, t := range buckets[firstRunes(text[i:], 2)] {
							if !reported[t] && strings.HasPrefix(text[i:], t) {
								reported[t] = true
								report(policy.Finding{Rule: policy.RuleVisibilityLeak, Severity: policy.Error, Pos: d.BodyPos(p.at),
									Message: i18n.Sprintf("%s text quotes 「%s」, the title of %s, which is more restricted", levelName(r, lvl), titles[t].title, titles[t]),
									Hint:    i18n.T("describe the restricted part without its title, or restrict this text too")})
							}
						}
					}
				}
				return ast.WalkSkipChildren, nil
			})
		}
	}
}

// pairFilter tells the places of a text where no title starts: those
// whose first two characters start none. quotedTitles reads every
// character of the text a level shows, and a bit test passes over most
// of them where a map lookup of a string took a tenth of check's time.
// It may say yes where no title starts (the bucket lookup then finds
// none), never no where one does.
type pairFilter struct {
	bits  [1 << 16 / 64]uint64
	short bool // a key of fewer than two characters was added: every place may start one
}

func pairHash(a, b rune) uint32 { return (uint32(a)*0x9E3779B1 ^ uint32(b)*0x85EBCA6B) >> 16 }

// add adds key, a title's first two characters (firstRunes).
func (f *pairFilter) add(key string) {
	a, w := utf8.DecodeRuneInString(key)
	if w >= len(key) {
		f.short = true
		return
	}
	b, _ := utf8.DecodeRuneInString(key[w:])
	h := pairHash(a, b)
	f.bits[h/64] |= 1 << (h % 64)
}

// mayStart reports whether a title may start at the start of s.
func (f *pairFilter) mayStart(s string) bool {
	if f.short {
		return true
	}
	a, w := utf8.DecodeRuneInString(s)
	if w >= len(s) {
		return false // one character left: no key of two starts here
	}
	b, _ := utf8.DecodeRuneInString(s[w:])
	h := pairHash(a, b)
	return f.bits[h/64]&(1<<(h%64)) != 0
}

// firstRunes returns the first n characters of s (fewer if s is shorter).
func firstRunes(s string, n int) string {
	i := 0
	for k := 0; k < n && i < len(s); k++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i]
}

// titleAt is where a restricted title stands: a document's (line 0) or a
// heading's. It is written out only for a finding.
type titleAt struct {
	path  string
	line  int
	title string // as written; the map's key is folded
}

func (w titleAt) String() string {
	if w.line == 0 {
		return w.path
	}
	return i18n.Sprintf("%s line %d", w.path, w.line)
}

func addTitle(titles map[string]titleAt, t string, where titleAt) {
	t = strings.TrimSpace(t)
	if k := fold(t); utf8.RuneCountInString(k) >= minTitle {
		if _, ok := titles[k]; !ok && k != "" {
			where.title = t
			titles[k] = where
		}
	}
}

// fold is the form in which titles and text are compared: what a reader
// reads as the same words is the same — character references as the page
// shows them (&#36899; is 連), full-width and half-width forms (NFKC: ＵＳＢ
// is USB, ﾒﾓﾘ is メモリ), upper and lower case, text wrapped over lines or
// spaced out (a soft line break between Japanese characters is no space on
// the page), split by characters nobody sees (zero-width and joining
// marks, variation selectors, fillers) or by a middle dot or a dash.
func fold(s string) string {
	// Most of a policy's text is kana, kanji and lower-case ASCII that
	// fold keeps as they are (and NFKC too): such text is returned as it
	// is, and other text passes over its first such characters without
	// the Unicode table lookups.
	if keptUpTo(s) == len(s) {
		return s
	}
	if strings.IndexByte(s, '\\') >= 0 {
		s = unescapeMarkdown(s)
	}
	if strings.IndexByte(s, '&') >= 0 {
		s = html.UnescapeString(s)
	}
	s = norm.NFKC.String(s)
	i := keptUpTo(s)
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for _, r := range s[i:] {
		if foldKeeps(r) {
			b.WriteRune(r)
			continue
		}
		if unseen(r) || unicode.In(r, unicode.Pd, unicode.Pc) || strings.ContainsRune("・･ー−─", r) {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// keptUpTo is the length of the longest prefix of s that fold keeps as
// it is, character by character.
func keptUpTo(s string) int {
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !foldKeeps(r) {
			break
		}
		i += size
	}
	return i
}

// foldKeeps reports whether fold keeps r as it is, without asking the
// Unicode tables: ASCII other than upper case, spaces, controls, - and _;
// hiragana, katakana other than ・ and ー, the CJK unified ideographs, 々,
// 、 and 。. None of them is changed by NFKC or by lower-casing, combines
// with another of them, or is unseen, a dash or a connector. & and \ are
// not among them: they may begin a character reference or an escape.
func foldKeeps(r rune) bool {
	switch {
	case r < 0x80:
		return r > ' ' && r < 0x7f && r != '-' && r != '_' && r != '&' && r != '\\' && (r < 'A' || r > 'Z')
	case r >= 0x4e00 && r <= 0x9fff, r >= 0x3041 && r <= 0x3096, r >= 0x30a1 && r <= 0x30fa:
		return true
	}
	return r == '々' || r == '、' || r == '。'
}

// unescapeMarkdown drops the backslash of a Markdown escape as the page
// does: \- shows -, and a backslash before a space between Japanese
// characters shows nothing.
func unescapeMarkdown(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && (s[i+1] == ' ' || s[i+1] < 0x80 && unicode.IsPunct(rune(s[i+1])) || s[i+1] < 0x80 && unicode.IsSymbol(rune(s[i+1]))) {
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// unseen reports whether a character takes no place on the page of its
// own: spaces, format characters, combining marks left after NFKC,
// default-ignorable code points (variation selectors, Hangul fillers) and
// the blank Braille pattern.
func unseen(r rune) bool {
	return unicode.IsSpace(r) || unicode.In(r, unicode.Cf, unicode.Mn, unicode.Me, unicode.Other_Default_Ignorable_Code_Point, unicode.Variation_Selector) || r == '\u2800'
}

// A shownText is text of a block that reaches an edition's output, and
// the body offset to report it at.
type shownText struct {
	text string
	at   int
}

// shownTexts is every text of a leaf block that an edition's output
// holds, not only what a reader sees as prose: the text (PlainText), each
// line of code, a fenced block's info string (its class), the titles and
// destinations of links, images and reference definitions — destinations
// with character references and percent-encoding decoded, as a browser
// shows them — autolinks decoded alike, and a block's attribute values (a
// heading's id). A link that takes its destination and title from a
// definition the same edition shows is left to the definition, which is
// reported at its own line; defs holds those definitions' labels.
func shownTexts(n ast.Node, at int, body []byte, defs map[string]bool) []shownText {
	out := []shownText{{markdown.PlainText(n, body), at}}
	switch n := n.(type) {
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		for i := 0; i < n.Lines().Len(); i++ {
			seg := n.Lines().At(i)
			out = append(out, shownText{string(seg.Value(body)), seg.Start})
		}
		if f, ok := n.(*ast.FencedCodeBlock); ok && f.Info != nil {
			out = append(out, shownText{string(f.Info.Segment.Value(body)), f.Info.Segment.Start})
		}
	case *ast.LinkReferenceDefinition:
		out = append(out, shownText{html.UnescapeString(string(n.Title)), at}, shownText{destination(n.Destination), at})
	}
	for _, a := range n.Attributes() {
		switch v := a.Value.(type) {
		case []byte:
			out = append(out, shownText{string(v), at})
		case string:
			out = append(out, shownText{v, at})
		}
	}
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || c == n {
			return ast.WalkContinue, nil
		}
		var dest, title []byte
		var ref *ast.ReferenceLink
		switch c := c.(type) {
		case *ast.Link:
			dest, title, ref = c.Destination, c.Title, c.Reference
		case *ast.Image:
			dest, title, ref = c.Destination, c.Title, c.Reference
		case *ast.AutoLink:
			dest = c.URL(body)
		default:
			return ast.WalkContinue, nil
		}
		if ref == nil || !defs[string(util.ToLinkReference(ref.Value))] {
			out = append(out, shownText{html.UnescapeString(string(title)), at}, shownText{destination(dest), at})
		}
		return ast.WalkContinue, nil
	})
	return out
}

// visibleDefinitions are the labels of the link reference definitions of
// d that an edition of level lvl shows.
func visibleDefinitions(d *policy.Document, lvl int) map[string]bool {
	defs := map[string]bool{}
	for c := d.AST.FirstChild(); c != nil; c = c.NextSibling() {
		_ = ast.Walk(c, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if def, ok := n.(*ast.LinkReferenceDefinition); ok && entering && d.LevelAt(def.Pos()) <= lvl {
				defs[string(util.ToLinkReference(def.Label))] = true
			}
			return ast.WalkContinue, nil
		})
	}
	return defs
}

// blockPos is where a leaf block's text starts in the body, or -1 when
// it holds nothing: a fenced code block without content starts at its
// info string; a block without lines of its own at its first text.
func blockPos(n ast.Node) int {
	at := n.Pos()
	if f, ok := n.(*ast.FencedCodeBlock); ok && at < 0 && f.Info != nil {
		at = f.Info.Segment.Start
	}
	if at < 0 {
		_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
			if t, ok := c.(*ast.Text); ok && entering {
				at = t.Segment.Start
				return ast.WalkStop, nil
			}
			return ast.WalkContinue, nil
		})
	}
	return at
}

// destination is a link's destination as a browser shows it: character
// references and percent-encoding decoded — repeatedly, so that %25E5…
// is no way around it.
func destination(b []byte) string {
	s := html.UnescapeString(string(b))
	for range 4 {
		d := percentDecode(s)
		if d == s {
			break
		}
		s = d
	}
	return s
}

// percentDecode decodes every %XX of s and leaves any other % alone.
func percentDecode(s string) string {
	if !strings.Contains(s, "%") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			b.WriteByte(unhex(s[i+1])<<4 | unhex(s[i+2]))
			i += 2
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func isHex(c byte) bool { return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F' }

func unhex(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c <= 'F':
		return c - 'A' + 10
	}
	return c - 'a' + 10
}
