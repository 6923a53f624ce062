package ref

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/policyctl/policyctl/internal/policy"
)

// state resolves the expressions of one block.
type state struct {
	rs   *Resolver
	d    *policy.Document
	host *policy.Section
	text string
	ps   []piece
	// last remembers the article, clause and item cited last in the
	// block, for 同条, 同項 and 同号.
	last map[string]*policy.Section
}

func (st *state) expr(e expr) []*Ref {
	whole := st.text[e.start:e.end]
	if e.external {
		// A law citation: one reference, recognised and not resolved.
		r := &Ref{Doc: st.d, Start: toBody(st.ps, e.start), End: toBody(st.ps, e.end), Text: whole, Expr: whole, Host: st.host, External: true}
		r.Pos = st.d.BodyPos(r.Start)
		return []*Ref{r}
	}
	var refs []*Ref
	var prev []link
	for i, c := range e.chains {
		start := c.start
		if i == 0 {
			start = e.start
		}
		r := &Ref{Doc: st.d, Start: toBody(st.ps, start), End: toBody(st.ps, c.end), Text: st.text[start:c.end],
			Expr: whole, Host: st.host, External: e.external, TargetDoc: st.d}
		r.Pos = st.d.BodyPos(r.Start)
		refs = append(refs, r)
		links := c.links
		if i > 0 {
			links = inherit(prev, c.links)
		}
		prev = links
		st.resolve(r, e, links)
		if r.Problem == nil && len(r.Targets) == 1 && i == len(e.chains)-1 {
			st.mismatch(r, e, c.end)
		}
	}
	return refs
}

// inherit completes a chain of a list from the one before it: in
// 第31条第1号から第4号まで the second end is 第31条第4号, in 4(1)及び(2)
// the second is 4(2).
func inherit(prev, later []link) []link {
	for i, l := range prev {
		if sameLevel(l, later[0]) {
			if i == 0 {
				return later
			}
			return append(append([]link(nil), prev[:i]...), later...)
		}
	}
	return later
}

func sameLevel(a, b link) bool {
	if a.kind == linkRel || b.kind == linkRel {
		return relLevel(a) == relLevel(b) && relLevel(a) != ""
	}
	return a.kind == b.kind
}

// relLevel says what a link names: an article, a clause or an item.
func relLevel(l link) string {
	switch l.kind {
	case linkArticle:
		return "条"
	case linkClause:
		return "項"
	case linkItem:
		return "号"
	case linkRel:
		for _, k := range []string{"条", "項", "号"} {
			if strings.HasSuffix(l.rel, k) {
				return k
			}
		}
	}
	return ""
}

func (st *state) fail(r *Ref, rule string, sev policy.Severity, msg, hint string) {
	r.Problem = &Problem{Rule: rule, Severity: sev, Message: msg, Hint: hint}
}

// resolve finds the targets of one chain.
func (st *state) resolve(r *Ref, e expr, links []link) {
	if e.doc != "" {
		st.resolveAcross(r, e, links)
		return
	}
	targets, why := st.chain(st.d, st.host, links, false)
	if len(targets) == 0 && why == "" && links[0].kind == linkArticle {
		// 対策基準 split into chapter files numbers its articles through all
		// of them: 第34条 may stand in another file of the same tier.
		st.resolveInTier(r, links)
		return
	}
	if len(targets) == 0 {
		st.unresolved(r, e, links, why)
		return
	}
	r.Targets = targets
	st.remember(links, targets)
	st.checkDirection(r, e)
}

func (st *state) resolveInTier(r *Ref, links []link) {
	var found []*policy.Document
	var targets []*policy.Section
	for _, d := range st.rs.repo.Docs {
		if d == st.d || d.Meta.Tier != st.d.Meta.Tier || d.Meta.Tier == "" {
			continue
		}
		if ts, _ := st.chain(d, nil, links, true); len(ts) > 0 {
			found = append(found, d)
			targets = ts
		}
	}
	switch len(found) {
	case 0:
		st.fail(r, "ref/unresolved", policy.Error,
			fmt.Sprintf("%s does not resolve: no %s in this document or another %s document", r.Text, describe(links), st.d.Meta.Tier.Japanese()),
			"check the number; if the article was renumbered, update the reference")
	case 1:
		r.TargetDoc, r.Targets = found[0], targets
	default:
		st.ambiguous(r, found)
	}
}

func (st *state) resolveAcross(r *Ref, e expr, links []link) {
	docs := st.rs.names[e.doc]
	var found []*policy.Document
	var targets []*policy.Section
	for _, d := range docs {
		if ts, _ := st.chain(d, nil, links, true); len(ts) > 0 {
			found = append(found, d)
			targets = ts
		}
	}
	switch len(found) {
	case 0:
		var ids []string
		for _, d := range docs {
			ids = append(ids, d.Meta.ID)
		}
		st.fail(r, "ref/unresolved", policy.Error,
			fmt.Sprintf("%s does not resolve: %s (%s) has no %s", r.Text, e.doc, strings.Join(ids, ", "), describe(links)),
			"check the number against the cited document; if it was renumbered, update the reference")
	case 1:
		r.TargetDoc, r.Targets = found[0], targets
	default:
		st.ambiguous(r, found)
	}
}

func (st *state) ambiguous(r *Ref, found []*policy.Document) {
	var ids []string
	for _, d := range found {
		ids = append(ids, fmt.Sprintf("%s (%s)", d.Meta.ID, d.Path))
	}
	st.fail(r, "ref/ambiguous", policy.Error,
		fmt.Sprintf("%s could mean any of %s", r.Text, strings.Join(ids, ", ")),
		"cite the document by its title, or link it: [text](path.md#id)")
}

// chain resolves links one after another. from is where the reference
// stands (nil for a reference from another document: search from the top).
// It returns the targets, or a reason when the chain cannot be followed.
func (st *state) chain(d *policy.Document, from *policy.Section, links []link, absolute bool) ([]*policy.Section, string) {
	cur, why := st.first(d, from, links[0], absolute)
	if len(cur) == 0 {
		return nil, why
	}
	for _, l := range links[1:] {
		if len(cur) != 1 {
			return nil, "a list cannot be followed by a further number"
		}
		next := below(cur[0], l)
		if len(next) == 0 {
			return nil, fmt.Sprintf("%s has no %s", cur[0].Display(), describe([]link{l}))
		}
		cur = next
	}
	return cur, ""
}

// first resolves the first link of a chain.
func (st *state) first(d *policy.Document, from *policy.Section, l link, absolute bool) ([]*policy.Section, string) {
	switch l.kind {
	case linkArticle, linkChapter, linkDivision, linkAppendix, linkSupplement:
		// Numbered through the whole document.
		for _, s := range d.Sections() {
			if s.Style == l.style && s.Number.Equal(l.num) {
				return []*policy.Section{s}, ""
			}
		}
		return nil, ""
	case linkClause:
		a := enclosing(from, policy.StyleArticle)
		if a == nil {
			return nil, "第N項 without an article stands outside any article"
		}
		return below(a, l), ""
	case linkItem:
		c := enclosingClause(from)
		if c == nil {
			return nil, "第N号 without an article stands outside any article"
		}
		return below(c, l), ""
	case linkRel:
		return st.relative(from, l)
	}
	// Outline numbers: the nearest enclosing scope that has the number.
	match := func(s *policy.Section) bool { return matches(s, l) }
	if absolute || from == nil {
		if s := shallowest(d.Root, match); s != nil {
			return []*policy.Section{s}, ""
		}
		return nil, ""
	}
	for a := from; a != nil; a = a.Parent {
		for _, c := range a.Children {
			if match(c) {
				return []*policy.Section{c}, ""
			}
		}
	}
	return nil, ""
}

func matches(s *policy.Section, l link) bool {
	if !s.Number.Equal(l.num) {
		return false
	}
	switch l.kind {
	case linkNum:
		return s.Style == policy.StyleDot || s.Style == policy.StyleCloseParen
	case linkParen:
		return s.Style == policy.StyleParen
	}
	return s.Style == l.style
}

// below resolves a link under a section: 第2項 under 第5条, (3) under 6.
func below(s *policy.Section, l link) []*policy.Section {
	if l.kind == linkItem && s.Style == policy.StyleArticle {
		// 第16条第1号: the items of the article's first clause.
		if len(s.Children) > 0 && s.Children[0].Kind == policy.KindImplicit {
			s = s.Children[0]
		}
	}
	if l.kind == linkRel && (l.rel == "各号" || l.rel == "各項") {
		if l.rel == "各号" && s.Style == policy.StyleArticle && len(s.Children) > 0 {
			s = s.Children[0]
		}
		return itemsOf(s, l.rel == "各項")
	}
	for _, c := range s.Children {
		switch {
		case l.kind == linkItem && isItem(c) && c.Number.Equal(l.num):
			return []*policy.Section{c}
		case l.kind != linkItem && matches(c, l):
			return []*policy.Section{c}
		}
	}
	// Through an unnumbered heading: 6 → "### 見出し" → (3).
	if l.kind != linkItem && l.kind != linkClause {
		if found := shallowest(s, func(c *policy.Section) bool { return c != s && matches(c, l) }); found != nil {
			return []*policy.Section{found}
		}
	}
	return nil
}

func isItem(s *policy.Section) bool {
	return s.Style == policy.StyleParen || s.Style == policy.StyleKanji
}

func itemsOf(s *policy.Section, clauses bool) []*policy.Section {
	var out []*policy.Section
	for _, c := range s.Children {
		if clauses && c.Style == policy.StyleClause || !clauses && isItem(c) {
			out = append(out, c)
		}
	}
	return out
}

// shallowest finds the matching section nearest the top of a tree,
// breadth first, so 基本方針6 is the top-level 6, not a 6 in a list.
func shallowest(root *policy.Section, match func(*policy.Section) bool) *policy.Section {
	queue := []*policy.Section{root}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		if match(s) {
			return s
		}
		queue = append(queue, s.Children...)
	}
	return nil
}

func enclosing(s *policy.Section, style policy.Style) *policy.Section {
	for ; s != nil; s = s.Parent {
		if s.Style == style {
			return s
		}
	}
	return nil
}

func enclosingClause(s *policy.Section) *policy.Section {
	for ; s != nil; s = s.Parent {
		if s.Style == policy.StyleClause {
			return s
		}
		if s.Style == policy.StyleArticle && len(s.Children) > 0 && s.Children[0].Kind == policy.KindImplicit {
			return s.Children[0]
		}
	}
	return nil
}

// enclosingItem is the numbered item a reference stands in, for 前号.
func enclosingItem(s *policy.Section) *policy.Section {
	for ; s != nil; s = s.Parent {
		if s.Numbered() && s.Kind != policy.KindHeading && s.Style != policy.StyleClause && s.Style != policy.StyleArticle {
			return s
		}
	}
	return nil
}

var relCount = map[rune]int{'二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}

// relative resolves 前条, 次項, 同号, 前各号, 前二項, 各号 ….
func (st *state) relative(from *policy.Section, l link) ([]*policy.Section, string) {
	level := relLevel(l)
	var cur *policy.Section
	switch level {
	case "条":
		cur = enclosing(from, policy.StyleArticle)
	case "項":
		cur = enclosingClause(from)
	case "号":
		cur = enclosingItem(from)
	}
	word, _ := strings.CutSuffix(l.rel, level)
	if word == "各" {
		// 各号 alone: the items of the clause the reference stands in.
		c := enclosingClause(from)
		if c == nil {
			return nil, l.rel + " stands outside any article"
		}
		return itemsOf(c, level == "項"), ""
	}
	if word == "同" {
		if s := st.last[level]; s != nil {
			return []*policy.Section{s}, ""
		}
		if cur == nil {
			return nil, l.rel + " has nothing before it to refer to"
		}
		return []*policy.Section{cur}, ""
	}
	if cur == nil {
		return nil, fmt.Sprintf("%s stands outside any %s", l.rel, map[string]string{"条": "article", "項": "article", "号": "numbered item"}[level])
	}
	if word == "本" {
		return []*policy.Section{cur}, ""
	}
	sibs := siblings(st.d, cur, level)
	idx := -1
	for i, s := range sibs {
		if s == cur {
			idx = i
		}
	}
	switch {
	case word == "前":
		if idx <= 0 {
			return nil, fmt.Sprintf("%s stands in the first %s: there is none before it", l.rel, level)
		}
		return sibs[idx-1 : idx], ""
	case word == "次":
		if idx < 0 || idx+1 >= len(sibs) {
			return nil, fmt.Sprintf("%s stands in the last %s: there is none after it", l.rel, level)
		}
		return sibs[idx+1 : idx+2], ""
	case word == "前各":
		if idx <= 0 {
			return nil, fmt.Sprintf("%s stands in the first %s", l.rel, level)
		}
		return append([]*policy.Section(nil), sibs[:idx]...), ""
	default: // 前二項
		r := []rune(word)
		n := relCount[r[len(r)-1]]
		if idx < n {
			return nil, fmt.Sprintf("%s: only %d %s before it", l.rel, idx, level)
		}
		return append([]*policy.Section(nil), sibs[idx-n:idx]...), ""
	}
}

// siblings lists the articles of the document, the clauses of an article,
// or the items beside an item, in order.
func siblings(d *policy.Document, cur *policy.Section, level string) []*policy.Section {
	if level == "条" {
		var out []*policy.Section
		for _, s := range d.Sections() {
			if s.Style == policy.StyleArticle {
				out = append(out, s)
			}
		}
		return out
	}
	var out []*policy.Section
	for _, s := range cur.Parent.Children {
		if s.Style == cur.Style {
			out = append(out, s)
		}
	}
	return out
}

func (st *state) remember(links []link, targets []*policy.Section) {
	if len(targets) != 1 {
		return
	}
	t := targets[0]
	switch {
	case t.Style == policy.StyleArticle:
		st.last["条"] = t
	case t.Style == policy.StyleClause:
		st.last["項"] = t
		st.last["条"] = t.Parent
	case t.Parent != nil && t.Parent.Style == policy.StyleClause:
		st.last["号"] = t
		st.last["項"] = t.Parent
	}
}

// checkDirection enforces 上記 and 前記 pointing up, 下記 down.
func (st *state) checkDirection(r *Ref, e expr) {
	if e.direction == "" || len(r.Targets) == 0 {
		return
	}
	t := r.Targets[len(r.Targets)-1]
	switch {
	case (e.direction == "上記" || e.direction == "前記") && t.Offset > r.Start:
		st.fail(r, "ref/direction", policy.Error,
			fmt.Sprintf("%s points below: it resolves to %s at line %d, after the reference", r.Text, t.Display(), t.Line),
			fmt.Sprintf("write 下記 for a section below, or check the number (did you mean a section above line %d?)", r.Pos.Line))
	case e.direction == "下記" && t.Offset < r.Start:
		st.fail(r, "ref/direction", policy.Error,
			fmt.Sprintf("%s points above: it resolves to %s at line %d, before the reference", r.Text, t.Display(), t.Line),
			"write 上記 or 前記 for a section above, or check the number")
	}
}

// unresolved explains a reference that resolves to nothing, suggesting
// sections elsewhere that carry the number.
func (st *state) unresolved(r *Ref, e expr, links []link, why string) {
	msg := fmt.Sprintf("%s does not resolve: no %s", r.Text, describe(links))
	switch {
	case why != "":
		msg = fmt.Sprintf("%s does not resolve: %s", r.Text, why)
	case e.direction == "上記" || e.direction == "前記":
		msg += " above it"
	case e.direction == "下記":
		msg += " below it"
	default:
		msg += " in the sections around it"
	}
	hint := "check the number; if the target was renumbered or removed, update the reference"
	last := links[len(links)-1]
	var cands []string
	for _, s := range st.d.Sections() {
		if matches(s, last) && len(cands) < 3 {
			cands = append(cands, fmt.Sprintf("%s (line %d)", s.Display(), s.Line))
		}
	}
	if len(cands) > 0 {
		hint = "sections with that number: " + strings.Join(cands, ", ")
	}
	st.fail(r, "ref/unresolved", policy.Error, msg, hint)
}

// mismatch catches a reference that resolves but to the wrong section, as
// after a renumbering: 「上記3の脅威」 where 3 is now 適用範囲 and the
// section about 脅威 is 4.
func (st *state) mismatch(r *Ref, e expr, end int) {
	t := r.Targets[0]
	word := nounAfter(st.text[end:])
	if word == "" || t.Title == "" || strings.Contains(t.Title, word) || t.Kind != policy.KindHeading {
		return
	}
	var better []*policy.Section
	if t.Parent != nil {
		for _, s := range t.Parent.Children {
			if s != t && s.Style == t.Style && s.Kind == policy.KindHeading && strings.Contains(s.Title, word) {
				better = append(better, s)
			}
		}
	}
	if len(better) != 1 {
		return
	}
	b := better[0]
	suggest := strings.Replace(r.Text, labelOf(t), labelOf(b), 1)
	st.fail(r, "ref/mismatch", policy.Warning,
		fmt.Sprintf("%s resolves to %s, but the text speaks of 「%s」", r.Text, t.Display(), word),
		fmt.Sprintf("did you mean %s (line %d: %s)?", suggest, b.Line, b.Title))
}

func labelOf(s *policy.Section) string {
	if s.Style == policy.StyleDot {
		return s.Number.Key()
	}
	return s.Style.Label(s.Number)
}

// nounAfter reads 「の脅威」 after a reference: the kanji or katakana word
// after の, or "".
func nounAfter(s string) string {
	s, ok := strings.CutPrefix(s, "の")
	if !ok {
		return ""
	}
	var w []rune
	for _, r := range s {
		if unicode.Is(unicode.Han, r) || isKatakana(r) {
			w = append(w, r)
			continue
		}
		break
	}
	if len(w) < 2 {
		return ""
	}
	return string(w)
}

// describe writes links the way the documents do: 第5条第2項, 6(3).
func describe(links []link) string {
	var b strings.Builder
	for _, l := range links {
		switch l.kind {
		case linkRel:
			b.WriteString(l.rel)
		case linkItem:
			b.WriteString("第" + l.num.Key() + "号")
		case linkNum:
			b.WriteString(l.num.Key())
		default:
			b.WriteString(l.style.Label(l.num))
		}
	}
	return b.String()
}
