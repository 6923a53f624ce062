// Package ref finds the Japanese textual references in policy documents —
// 上記3, 前記(2), (1)に示す, ①に準じ, 前項, 第5条第2項第3号イ, 同条,
// 前各号, 第1号から第3号まで, 別表第1, 附則第2項, この規程, 基本方針6(3),
// 対策基準第5条, 地方自治法第244条 — and resolves them against the section
// trees of the model; it also finds the terms a text defines (以下「職員等」
// という。) and their uses. The grammar is in grammar.go; resolution in
// resolve.go; defined terms in terms.go; what a renumbering moved in
// renumber.go.
//
// Resolution is data: every reference with its position and targets, for
// check to report, render to turn into links and diff to follow across a
// renumbering. The package never reports or prints.
package ref

import (
	"crypto/sha256"
	"maps"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"golang.org/x/sync/errgroup"

	"github.com/policyctl/policyctl/internal/policy"
)

// Ref is one resolved (or unresolvable) reference.
type Ref struct {
	Doc *policy.Document
	// Start and End are byte offsets of the reference in Doc.Body(): for
	// 上記6、7及び8 the first Ref covers 上記6, the next ones 7 and 8.
	Start, End int
	Pos        policy.Pos
	Text       string
	// Expr is the whole expression the reference belongs to.
	Expr string
	// Host is the section the reference is written in.
	Host *policy.Section
	// External is set for law citations, which are recognised and left alone.
	External bool
	// Law is the law an external reference cites, when the text names it.
	Law string
	// Part is the part of a provision the reference names: ただし書, 本文,
	// 前段, 後段, 各号列記以外の部分. Its target is the provision.
	Part string
	// Cites are the links the reference is written with, each with the
	// section it resolved to: for a fix that rewrites a number.
	Cites []Cite
	// TargetDoc is the document the targets are in (Doc unless cited
	// across documents).
	TargetDoc *policy.Document
	Targets   []*policy.Section
	// Problem says why the reference does not resolve, or what is wrong
	// with what it resolves to; nil when it is fine.
	Problem *Problem
	// Form notes a reference that resolves but is not written in the form
	// 法制執務 cites its target in (ref/form, a warning).
	Form *Problem
	// Range is set for a range, 第4条から第6条まで, whose Targets are every
	// provision it covers; its first FirstEnd Cites are those of its first
	// end, the others those of its second.
	Range    bool
	FirstEnd int
	// Each is set for a reference that names every provision of one kind
	// under one (前項各号, 第5条各項, 次の各号): what it means is them all,
	// whatever they are, so a 号 added among them or removed changes
	// nothing it points at.
	Each bool
	// member is the reference's place in its expression: 8 is member 2 of
	// 上記6、7及び8. References of an exclusion count from 100.
	member int
}

// Cite is one link of a reference as written: 第5条 of 第5条第2項.
type Cite struct {
	Text       string
	Start, End int // byte offsets in Doc.Body()
	// NumStart and NumEnd are where its number is written; equal when it
	// has none (前条, 各号).
	NumStart, NumEnd int
	// Relative is set for 前条, 同項, 各号, この条 and their like.
	Relative bool
	// Inherited is set for a link a list member takes from the member
	// before it: 第43条 of the 第4項 in 第43条第1項、第4項.
	Inherited bool
	// Sec is the section the link resolved to, when it is one.
	Sec    *policy.Section
	level  level
	digits policy.Digits
}

// Problem is a reference that does not resolve or resolves badly.
type Problem struct {
	Rule     *policy.Rule // ref/unresolved, ref/ambiguous, ref/direction, ref/mismatch, ref/self, ref/number
	Severity policy.Severity
	Message  string
	Hint     string
}

// Resolver resolves references against one repository model.
type Resolver struct {
	repo  *policy.Repo
	scan  *scanner
	names map[string][]*policy.Document
	// scanKey names the scanner: what a document's text reads as depends
	// on the document and the names the scanner knows, so a document
	// shared by two models that know the same names is scanned once.
	scanKey scannedKey
	// runs maps each document whose articles are numbered on from another
	// file's (a 対策基準 split by chapter) to all the files of its run.
	runs func() map[*policy.Document][]*policy.Document
}

// Terms are the terms the repository defines, found once.
func (rs *Resolver) Terms() []*Term { return Terms(rs.repo) }

// New prepares a resolver for the documents of r. Documents are cited by
// their tier's Japanese name (基本方針, 対策基準, 実施手順) or their title.
func New(r *policy.Repo) *Resolver {
	rs := &Resolver{repo: r, names: map[string][]*policy.Document{}}
	for _, d := range r.Docs {
		if t := d.Meta.Tier.Japanese(); slices.Contains(policy.Tiers, d.Meta.Tier) {
			rs.names[t] = append(rs.names[t], d)
		}
		if title := strings.TrimSpace(d.Meta.Title); title != "" && (title != d.Meta.Tier.Japanese() || !slices.Contains(policy.Tiers, d.Meta.Tier)) {
			for _, n := range latinWidths(title) {
				if !slices.Contains(rs.names[n], d) {
					rs.names[n] = append(rs.names[n], d)
				}
			}
		}
	}
	// テスト市情報セキュリティ対策基準 is cited as 情報セキュリティ対策基準
	// in the city's own text — unless a document bears that title.
	if org := strings.TrimSpace(r.Config.Organization.Name); org != "" {
		short := map[string][]*policy.Document{}
		for _, d := range r.Docs {
			title := strings.TrimSpace(d.Meta.Title)
			if rest := strings.TrimPrefix(title, org); rest != title && utf8.RuneCountInString(rest) >= 5 {
				short[rest] = append(short[rest], d)
			}
		}
		for rest, ds := range short {
			for _, n := range latinWidths(rest) {
				if _, taken := rs.names[n]; !taken {
					rs.names[n] = ds
				}
			}
		}
	}
	var names []string
	for n := range rs.names {
		names = append(names, n)
	}
	sort.Strings(names)
	rs.scan = newScanner(names)
	rs.scanKey = scannedKey(sha256.Sum256([]byte(strings.Join(names, "\x00"))))
	rs.runs = sync.OnceValue(func() map[*policy.Document][]*policy.Document { return numberingRuns(r) })
	return rs
}

// latinWidths is a title as written and, when it holds Latin letters or
// digits, with them all half-width and all full-width: a text cites
// CSIRT運用手順 as ＣＳＩＲＴ運用手順 as often as not. Kana and kanji are
// left as they are.
func latinWidths(title string) []string {
	narrow := strings.Map(func(r rune) rune {
		if n := r - 0xFEE0; r >= 0xFF01 && r <= 0xFF5E && (unicode.IsLetter(n) || unicode.IsDigit(n)) {
			return n
		}
		return r
	}, title)
	wide := strings.Map(func(r rune) rune {
		if r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			return r + 0xFEE0
		}
		return r
	}, narrow)
	out := []string{title}
	for _, v := range []string{narrow, wide} {
		if !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}

// NumberingRuns is numberingRuns: the files that make one instrument
// (規程) between them, for the 改め文 that amends it as one.
func NumberingRuns(r *policy.Repo) map[*policy.Document][]*policy.Document {
	return numberingRuns(r)
}

// numberingRuns groups the files of each tier whose articles are numbered
// as one: a file whose first article (not counting 第?条) is not 第1条 goes on from the file
// before it in the tier (as check's numbering rule and renumber read
// them). Only runs of two files or more are listed.
func numberingRuns(r *policy.Repo) map[*policy.Document][]*policy.Document {
	out := map[*policy.Document][]*policy.Document{}
	byTier := map[policy.Tier][]*policy.Document{}
	flush := func(t policy.Tier) {
		if run := byTier[t]; len(run) > 1 {
			for _, d := range run {
				out[d] = run
			}
		}
		byTier[t] = nil
	}
	for _, d := range r.Docs {
		if d.Meta.Tier == "" {
			continue
		}
		var arts []*policy.Section
		for _, s := range d.Sections() {
			if s.Style == policy.StyleArticle && supplementOf(s) == nil {
				arts = append(arts, s)
			}
		}
		if len(arts) == 0 {
			continue
		}
		if policy.StartsAtOne(arts) {
			flush(d.Meta.Tier)
		}
		byTier[d.Meta.Tier] = append(byTier[d.Meta.Tier], d)
	}
	for t := range byTier {
		flush(t)
	}
	return out
}

// All resolves the references of every document, once per repository
// model: check, the leak gate, the renumbering and every edition built
// from the model share the result, which is not to be modified.
func All(r *policy.Repo) map[*policy.Document][]*Ref {
	return r.Memo(allKey{}, func() any { return resolveAll(r) }).(map[*policy.Document][]*Ref)
}

type allKey struct{}

func resolveAll(r *policy.Repo) map[*policy.Document][]*Ref { return ResolveDocs(r, r.Docs) }

// ResolveDocs resolves the references of some documents of r, spread over
// the cores: each document resolves on its own.
func ResolveDocs(r *policy.Repo, docs []*policy.Document) map[*policy.Document][]*Ref {
	out := make(map[*policy.Document][]*Ref, len(docs))
	if len(docs) == 0 {
		return out
	}
	rs := New(r)
	refs := make([][]*Ref, len(docs))
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, d := range docs {
		g.Go(func() error {
			refs[i] = rs.Doc(d)
			return nil
		})
	}
	_ = g.Wait()
	for i, d := range docs {
		out[d] = refs[i]
	}
	return out
}

// Doc finds and resolves the references of one document, in order. It is
// safe to call for several documents at once.
func (rs *Resolver) Doc(d *policy.Document) []*Ref {
	if d.AST == nil {
		return nil
	}
	sc := rs.scanned(d)
	var refs []*Ref
	var prev *state
	for i, b := range blocks(d) {
		st := newState(rs, d, b.host, b.text, b.ps)
		st.aliases = sc.aliases
		// 同条, 同項 and 同号 refer to what was named last, also in an
		// earlier 項 or 号 of the same article (２ 第1条第3項の規定は…
		// ３ 同条第2項…), never across articles or outside them.
		if prev != nil {
			if a := enclosingAt(b.host, levelArticle); a != nil && a == enclosingAt(prev.host, levelArticle) {
				st.named, st.cited, st.citedLaw = prev.named, prev.cited, prev.citedLaw
			}
		}
		prev = st
		for _, e := range sc.exprs[i] {
			refs = append(refs, st.expr(e)...)
		}
	}
	return refs
}

// scannedKey is the key of a document's scan among its memos: a digest
// of the names the scanner knows.
type scannedKey [32]byte

// scan is what the scanner reads in a document: the expressions of each
// of its blocks (blocks), and the documents it names by an abbreviation
// of its own. It is shared and not to be modified.
type scan struct {
	exprs   [][]expr
	aliases map[string]string
	laws    map[string]bool
}

// scanText is what a block's expressions depend on besides the scanner.
type scanText struct {
	text    string
	from    int
	heading bool
}

// scanned scans d once for every model that knows the same names.
func (rs *Resolver) scanned(d *policy.Document) *scan {
	return d.Memo(rs.scanKey, func() any {
		// The laws a document abbreviates are its own: each document
		// scans with its own copy of the scanner.
		sc := *rs.scan
		sc.laws = map[string]bool{}
		body := string(d.Body())
		for _, a := range lawAbbreviations(body) {
			sc.laws[a] = true
		}
		out := &scan{aliases: docAbbreviations(body, rs.scan), laws: sc.laws}
		// A document parsed again after an edit (a renumbering's
		// references rewritten) reads as before wherever a block's text
		// and the scanner are as before.
		var before map[scanText][]expr
		if d.Prev != nil {
			if v, ok := d.Prev.Memoized(rs.scanKey); ok {
				if p := v.(*scan); maps.Equal(p.laws, out.laws) && maps.Equal(p.aliases, out.aliases) {
					pbs := blocks(d.Prev)
					before = make(map[scanText][]expr, len(pbs))
					for i, b := range pbs {
						before[scanText{b.text, b.from, b.node.Kind() == ast.KindHeading}] = p.exprs[i]
					}
				}
			}
		}
		if len(out.aliases) > 0 {
			var names []string
			for n := range sc.names {
				names = append(names, n)
			}
			for a := range out.aliases {
				names = append(names, a)
			}
			sort.Strings(names)
			ns := newScanner(names)
			sc.names, sc.lengths, sc.firsts = ns.names, ns.lengths, ns.firsts
		}
		bs := blocks(d)
		out.exprs = make([][]expr, len(bs))
		for i, b := range bs {
			heading := b.node.Kind() == ast.KindHeading
			key := scanText{b.text, b.from, heading}
			if es, ok := before[key]; ok {
				out.exprs[i] = es
				continue
			}
			quoted := rewordings(b.text)
			for _, e := range sc.scan(b.text[b.from:]) {
				shift(&e, b.from)
				if inside(quoted, e.start) {
					continue
				}
				if heading && !inParens(b.text, e.start) && !strings.HasPrefix(b.text[e.end:], "関係") {
					// A heading names its part (様式第1号, 附則, 別記第1);
					// it cites in its note: 別表第1（第5条関係）, 1. 対策基準
					// 第9条関係.
					continue
				}
				out.exprs[i] = append(out.exprs[i], e)
			}
		}
		return out
	}).(*scan)
}

// inParens reports whether text[i] stands inside a parenthesis that opens
// before it and is still open there.
func inParens(text string, i int) bool {
	depth := 0
	for _, r := range text[:i] {
		switch r {
		case '(', '（':
			depth++
		case ')', '）':
			depth = max(0, depth-1)
		}
	}
	return depth > 0
}

// rewordings finds the quoted wording of a 読替え, 同条第2項中「前項」とあるのは
// 「第3項」とする: the words in 「」 before and after とあるのは are the text of
// another provision, as it reads and as it is to read, not references of
// this one. It returns their spans, brackets included.
func rewordings(text string) [][2]int {
	const marker = "とあるのは"
	var out [][2]int
	for from := 0; ; {
		k := strings.Index(text[from:], marker)
		if k < 0 {
			return out
		}
		k += from
		// 「前項」 before: back to its opening bracket.
		if strings.HasSuffix(text[:k], "」") {
			if open := openingQuote(text, k); open >= 0 {
				out = append(out, [2]int{open, k})
			}
		}
		// 「第3項」 after.
		after := k + len(marker)
		if strings.HasPrefix(text[after:], "「") {
			if close := closingQuote(text, after); close > after {
				out = append(out, [2]int{after, close})
				after = close
			}
		}
		from = after
	}
}

// openingQuote is the 「 matching the 」 that ends text[:end], or -1.
func openingQuote(text string, end int) int {
	depth := 0
	for i := end; i > 0; {
		r, size := utf8.DecodeLastRuneInString(text[:i])
		i -= size
		switch r {
		case '」':
			depth++
		case '「':
			if depth--; depth == 0 {
				return i
			}
		}
	}
	return -1
}

// closingQuote is the offset after the 」 matching the 「 at text[open:], or
// -1.
func closingQuote(text string, open int) int {
	depth := 0
	for i := open; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		switch r {
		case '「':
			depth++
		case '」':
			if depth--; depth == 0 {
				return i
			}
		}
	}
	return -1
}

func inside(spans [][2]int, off int) bool {
	for _, s := range spans {
		if off >= s[0] && off < s[1] {
			return true
		}
	}
	return false
}

// A block is a paragraph, a list item's text or a table cell as a reader
// sees it, with the section it stands in.
type block struct {
	node ast.Node
	text string
	ps   []piece
	host *policy.Section
	// from is where the text starts after the block's own number.
	from int
}

// blocks lists the blocks of a document that references and terms are
// read from, in order: not headings, code or raw HTML. They are read once
// per document (resolution and the defined terms both need them, and a
// document is shared by the models that hold the same bytes); the slice
// is shared and never modified.
func blocks(d *policy.Document) []block {
	return d.Memo(blocksKey{}, func() any { return readBlocks(d) }).([]block)
}

type blocksKey struct{}

func readBlocks(d *policy.Document) []block {
	var out []block
	body := d.Body()
	_ = ast.Walk(d.AST, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case ast.KindParagraph, ast.KindTextBlock, extast.KindTableCell, ast.KindHeading:
			// A heading cites too: 別表第1（第5条関係）, 1. 対策基準第9条関係.
			if b, ok := readBlock(d, n, body); ok {
				out = append(out, b)
			}
			return ast.WalkSkipChildren, nil
		case ast.KindCodeBlock, ast.KindFencedCodeBlock, ast.KindHTMLBlock:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return out
}

func readBlock(d *policy.Document, n ast.Node, body []byte) (block, bool) {
	text, ps := blockText(n, body)
	if len(ps) == 0 {
		return block{}, false
	}
	b := block{node: n, text: text, ps: ps, host: d.SectionOf(n)}
	if a := d.CaptionOf(n); a != nil {
		// A caption is its article's: 前条 in （前条第2項の特例）
		// above 第3条 is 第2条. It carries no number of its own.
		b.host = a
		return b, true
	}
	if b.host == nil && n.Parent() != nil && n.Parent().Kind() == ast.KindListItem && n.PreviousSibling() == nil {
		b.host = d.SectionOf(n.Parent())
	}
	if b.host != nil && b.host.Label != "" {
		// The number that opens the block is its own label, not a reference.
		if i := strings.Index(text, b.host.Label); i >= 0 && i < 64 {
			b.from = i + len(b.host.Label)
		}
	} else {
		b.host = d.SectionAt(n.Pos())
	}
	return b, true
}

// piece maps a run of scanned text back to the body.
type piece struct {
	text, src, n int
}

// blockText is the text of a block as a reader sees it, with a map back to
// body offsets. Links, images and code are replaced by a NUL so no
// reference runs through them: a link already says where it points.
func blockText(n ast.Node, src []byte) (string, []piece) {
	var b strings.Builder
	var ps []piece
	var walk func(n ast.Node)
	walk = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch t := c.(type) {
			case *ast.Text:
				seg := t.Segment
				ps = append(ps, piece{b.Len(), seg.Start, seg.Len()})
				b.Write(seg.Value(src))
			case *ast.Link, *ast.Image, *ast.CodeSpan, *ast.AutoLink, *ast.RawHTML:
				b.WriteByte(0)
			case *ast.String:
				b.WriteByte(0)
			default:
				walk(c)
			}
		}
	}
	walk(n)
	return b.String(), ps
}

// toBodyStart is toBody for where something starts: an offset where one
// piece of text ends and the next begins (after the ** of **第3条**) is
// the next piece's start, not the end of the one before — a reference
// set in bold starts at its first character, inside the markup.
func toBodyStart(ps []piece, off int) int {
	i := sort.Search(len(ps), func(i int) bool { return ps[i].text+ps[i].n > off })
	if i < len(ps) && ps[i].text <= off {
		return ps[i].src + off - ps[i].text
	}
	return toBody(ps, off)
}

// toBody maps an offset of a block's text to the body: where something
// ends, an offset between two pieces is the end of the one before.
func toBody(ps []piece, off int) int {
	i := sort.Search(len(ps), func(i int) bool { return ps[i].text+ps[i].n >= off })
	if i == len(ps) {
		if len(ps) == 0 {
			return 0
		}
		i = len(ps) - 1
	}
	return ps[i].src + off - ps[i].text
}

// shift moves an expression scanned from text[from:] to offsets in text.
func shift(e *expr, from int) {
	e.start += from
	e.end += from
	for i := range e.chains {
		shiftChain(&e.chains[i], from)
	}
}

func shiftChain(c *chain, from int) {
	c.start += from
	c.end += from
	for j := range c.links {
		c.links[j].start += from
		c.links[j].end += from
		if c.links[j].numEnd > 0 {
			c.links[j].numStart += from
			c.links[j].numEnd += from
		}
	}
	for k := range c.exclude {
		shiftChain(&c.exclude[k], from)
	}
}

// docAbbreviations finds the documents of the repository a document
// abbreviates — 情報資産管理手順（以下「管理手順」という。） — so that
// 管理手順第3条 cites that document: each abbreviation and the name it
// stands for.
func docAbbreviations(body string, sc *scanner) map[string]string {
	var out map[string]string
	for _, m := range abbrevRE.FindAllStringSubmatchIndex(body, -1) {
		open := strings.LastIndexAny(body[:m[0]], "(（")
		if open < 0 || m[0]-open > 200 {
			continue
		}
		before := strings.TrimRight(body[:open], " 　")
		if strings.HasSuffix(before, "」") || strings.HasSuffix(before, "』") {
			// 「情報資産管理手順」（以下「管理手順」という。）
			if k := strings.LastIndexAny(before, "「『"); k >= 0 {
				if name, _, ok := quotedName(before, k); ok {
					before = name
				}
			}
		}
		for _, l := range sc.lengths {
			if l <= len(before) && sc.names[before[len(before)-l:]] {
				abbr := body[m[2]:m[3]]
				// The whole name, not the end of another body's
				// (〇〇県情報セキュリティ対策基準 is not 対策基準); and an
				// abbreviation of three characters or more: 基準 would
				// match inside 判断基準 wherever it stands.
				if prev, _ := utf8.DecodeLastRuneInString(before[:len(before)-l]); wordRune(prev) {
					break
				}
				// An abbreviation that is also another document's name
				// means, in this text, what it abbreviates.
				if utf8.RuneCountInString(abbr) >= 3 && abbr != before[len(before)-l:] {
					if out == nil {
						out = map[string]string{}
					}
					out[abbr] = before[len(before)-l:]
				}
				break
			}
		}
	}
	return out
}

// wordRune reports whether r would make a name after it the end of a
// longer word: kanji, katakana, letters and digits (a particle or a
// punctuation mark before a name leaves it whole).
func wordRune(r rune) bool {
	return unicode.Is(unicode.Han, r) || policy.IsKatakana(r) || r == 'ー' ||
		r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)) || r >= 'Ａ' && r <= 'ｚ' || r >= '０' && r <= '９'
}

// lawAbbreviations finds the laws a document abbreviates — 個人情報の保護に
// 関する法律（平成15年法律第57号。以下「法」という。） — so that 法第3条 is
// read as a citation of that law wherever it stands.
func lawAbbreviations(body string) []string {
	var out []string
	for _, m := range abbrevRE.FindAllStringSubmatchIndex(body, -1) {
		open := strings.LastIndexAny(body[:m[0]], "(（")
		if open < 0 || m[0]-open > 200 {
			continue
		}
		inner := body[open:m[0]]
		if lawNumberRE.MatchString(inner+"以下「x」という。）") || lawNameRE.MatchString(body[max(0, open-maxLink):open]) {
			out = append(out, body[m[2]:m[3]])
		}
	}
	return out
}
