// Package kaimebun writes the 改め文 of a revision: the amending text
// that says, in the standard forms of 法制執務, how to turn the old text
// into the new — 「第二十一条第二項中「90日ごと」を「…」に改める。」.
//
// It reads a 新旧対照表 (a diff.Result) and writes, per document, in
// this order: the changes of wording (字句の改正, 見出しの改正), whole
// provisions replaced (全部改正, always for a 別表) and removed (削る), in
// the old numbering; then the renumbering (…とする, 繰り上げる, 繰り下げる);
// then the provisions added (…の次に次の一条を加える) in the new numbering,
// the first of them joined to the renumbering that freed its number
// (「第五条を第六条とし、第四条の次に次の一条を加える。」); then the changes
// to the provisions after all of those (the 附則's text, as a rule), so
// that the sentences follow the text; and last the 附則 of the amendment
// with the 施行日. A change that no standard form can
// say exactly is written as the whole provision replaced, and the text
// says so. It never reads or changes files; the round trip that proves a
// 改め文 (applying it to the old text gives the new) is in the tests.
package kaimebun

import (
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/policyctl/policyctl/internal/diff"
	"github.com/policyctl/policyctl/internal/policy"
	"github.com/policyctl/policyctl/internal/wareki"
)

// Options adjust a 改め文.
type Options struct {
	// Revision is the id of the new revision, its effective date
	// (YYYY-MM-DD): the 施行日 of the 附則. Without one (a draft) the date
	// is left blank to be filled in.
	Revision string
}

// Indentation: a sentence is a paragraph indented by one full-width space;
// the text of a provision that a sentence adds or sets out is indented by
// two, so that a reader (and the tests' parser) sees where it ends.
const (
	sentenceIndent = "　"
	textIndent     = "　　"
	noteMark       = "※"
	supplement     = "　　　附　則"
)

// Write writes the 改め文 of a 新旧対照表: for one document when the
// result holds one, for a whole revision (第一条, 第二条 … one per
// document) otherwise.
func Write(w io.Writer, r *diff.Result, o Options) error {
	var docs []*diff.Document
	for _, d := range r.Documents {
		if d.Status != diff.Unchanged {
			docs = append(docs, d)
		}
	}
	var b strings.Builder
	parts := amendments(docs)
	if len(parts) == 0 {
		b.WriteString("改正する規定はありません。\n")
	}
	for i, a := range parts {
		lead := ""
		if len(parts) > 1 {
			// A 一括改正: one article per instrument amended.
			verb := "一部改正"
			switch a.status {
			case diff.Added:
				verb = "制定"
			case diff.Deleted:
				verb = "廃止"
			}
			fmt.Fprintf(&b, "（%sの%s）\n", a.title, verb)
			lead = "第" + policy.KanjiNumeral(i+1) + "条　"
		}
		switch {
		case a.status == diff.Added:
			b.WriteString(lead + a.title + "を次のように定める。\n")
			a.gen.block(&b, a.gen.newP)
		case a.status == diff.Deleted:
			b.WriteString(lead + a.title + "は、廃止する。\n")
		case a.lines == nil:
			g := a.gen
			b.WriteString(noteMark + "　" + a.title + "は、" + g.why + "ため、全部を改める形で示す。\n")
			b.WriteString(lead + a.title + "の全部を次のように改正する。\n")
			g.block(&b, g.newP)
		default:
			b.WriteString(lead + a.title + "の一部を次のように改正する。\n")
			for _, l := range a.lines {
				b.WriteString(l + "\n")
			}
		}
	}
	if len(parts) > 0 {
		// A draft has no 施行日 yet: the blanks are filled in at the 決裁.
		date, ok := effective(o.Revision)
		if !ok {
			date = "令和　　年　　月　　日"
		}
		b.WriteString(supplement + "\n" + sentenceIndent + "この改正は、" + date + "から施行する。\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// amendment is one instrument amended, made or abolished: a document, or
// the chapter files of one 規程 between them.
type amendment struct {
	title  string
	status string
	gen    *gen     // for a document on its own
	lines  []string // the sentences of a partial amendment; nil for 全部改正
}

// amendments groups the changed documents into instruments. The chapter
// files of one 規程 (diff.Document.Instrument) that are amended in part
// are one amendment — 「情報セキュリティ対策基準の一部を次のように改正する。」
// with the sentences of each file in order, their articles numbered
// through the 規程 — for that is the instrument the bodies adopt. A file
// that only a 全部改正 can say, or that is added or removed, stands on
// its own, under its own title.
func amendments(docs []*diff.Document) []amendment {
	type item struct {
		amendment
		instrument string
		addrs      map[string]bool
	}
	items := make([]item, 0, len(docs))
	for _, d := range docs {
		g := newGen(d)
		it := item{amendment: amendment{title: d.Title, status: d.Status, gen: g}}
		if d.Status != diff.Added && d.Status != diff.Deleted {
			lines, ok := g.amend()
			if ok && len(lines) == 0 {
				// Only what the text does not hold changed (front
				// matter, a comment): there is nothing to amend.
				continue
			}
			if ok {
				it.lines, it.instrument = lines, d.Instrument
				it.addrs = map[string]bool{}
				for _, p := range append(append([]*Provision(nil), g.oldP...), g.newP...) {
					it.addrs[p.Addr()] = true
				}
			}
		}
		items = append(items, it)
	}
	var out []amendment
	for i := 0; i < len(items); {
		j := i + 1
		if items[i].instrument != "" {
			for j < len(items) && items[j].instrument == items[i].instrument {
				j++
			}
		}
		run := items[i:j]
		// The files of one 規程 are amended as the one text they make:
		// their rows in file order, so that a renumbering running from
		// one chapter into the next is said once, from the end.
		if len(run) > 1 {
			whole := &diff.Document{Title: items[i].instrument, Instrument: items[i].instrument, Status: diff.Modified}
			offset := 0 // a row's place in the old text is counted through the files
			for _, it := range run {
				next := offset
				for _, sec := range it.gen.d.Sections {
					c := *sec
					if c.OldIndex >= 0 {
						c.OldIndex += offset
						next = max(next, c.OldIndex+1)
					}
					whole.Sections = append(whole.Sections, &c)
				}
				offset = next
			}
			g := newGen(whole)
			if lines, ok := g.amend(); ok && len(lines) > 0 {
				out = append(out, amendment{title: whole.Title, status: diff.Modified, gen: g, lines: lines})
				i = j
				continue
			}
		}
		// Two files that both hold a provision of one address (each its
		// own 附則) cannot be told apart in one text: each keeps its own.
		seen, apart := map[string]bool{}, true
		for _, it := range run {
			apart = apart && !overlaps(seen, it.addrs)
			for a := range it.addrs {
				seen[a] = true
			}
		}
		if items[i].instrument == "" || !apart {
			for _, it := range run {
				out = append(out, it.amendment)
			}
		} else {
			a := amendment{title: items[i].instrument, status: diff.Modified, gen: items[i].gen}
			for _, it := range run {
				a.lines = append(a.lines, it.lines...)
			}
			out = append(out, a)
		}
		i = j
	}
	return out
}

func overlaps(a, b map[string]bool) bool {
	for k := range b {
		if a[k] {
			return true
		}
	}
	return false
}

// effective writes a revision id as the 施行日 in 和暦 with kanji
// numerals: 令和八年三月三十一日.
func effective(id string) (string, bool) {
	if len(id) < 10 {
		return "", false
	}
	y, m, d, err := wareki.ParseISO(id[:10])
	if err != nil {
		return "", false
	}
	w, err := wareki.Of(y, m, d)
	if err != nil {
		return "", false
	}
	year := "元"
	if w.Year > 1 {
		year = policy.KanjiNumeral(w.Year)
	}
	return w.Era + year + "年" + policy.KanjiNumeral(w.Month) + "月" + policy.KanjiNumeral(w.Day) + "日", true
}

// What happens to a row of the 新旧対照表 in a 改め文.
type fate int

const (
	keep   fate = iota // amended where it stands (perhaps renumbered)
	remove             // removed: 削る
	add                // added: 加える
	move               // removed where it was and added where it is
)

type gen struct {
	d          *diff.Document
	oldP, newP []*Provision
	oldRow     []*diff.Section
	newRow     []*diff.Section
	// by row: its provision on each side, and its fate
	oldOf, newOf map[*diff.Section]*Provision
	fate         map[*diff.Section]fate
	why          string // why the document falls back to 全部改正
}

func newGen(d *diff.Document) *gen {
	g := &gen{d: d, oldOf: map[*diff.Section]*Provision{}, newOf: map[*diff.Section]*Provision{}, fate: map[*diff.Section]fate{}}
	g.oldP, g.oldRow = Provisions(d, true)
	g.newP, g.newRow = Provisions(d, false)
	for i, p := range g.oldP {
		g.oldOf[g.oldRow[i]] = p
	}
	for i, p := range g.newP {
		g.newOf[g.newRow[i]] = p
	}
	return g
}

// block writes provisions' texts as the text a sentence sets out.
func (g *gen) block(b *strings.Builder, ps []*Provision) {
	for _, p := range ps {
		writeText(b, p.Text())
	}
}

func writeText(b *strings.Builder, text string) {
	for _, l := range strings.Split(text, "\n") {
		b.WriteString(textIndent + l + "\n")
	}
}

// parentRow finds the row of the nearest provision above p on one side.
func (g *gen) parentRow(p *Provision, old bool) *diff.Section {
	ps, rows := g.newP, g.newRow
	if old {
		ps, rows = g.oldP, g.oldRow
	}
	var best *diff.Section
	bestLen := 0
	for i, q := range ps {
		if len(q.Path) < len(p.Path) && len(q.Path) > bestLen && under(p.Path, q.Path) {
			best, bestLen = rows[i], len(q.Path)
		}
	}
	return best
}

// classify decides each row's fate. A provision whose parent is removed
// goes with it; one whose parent is added comes with it; one that changes
// parent is moved.
func (g *gen) classify() {
	for _, s := range g.d.Sections {
		switch {
		case s.Status == diff.Added:
			g.fate[s] = add
		case s.Status == diff.Deleted:
			g.fate[s] = remove
		case s.Status == diff.Moved:
			g.fate[s] = move
		default:
			g.fate[s] = keep
			if g.parentRow(g.oldOf[s], true) != g.parentRow(g.newOf[s], false) {
				g.fate[s] = move
			}
		}
	}
	for changed := true; changed; {
		changed = false
		for _, s := range g.d.Sections {
			if g.fate[s] != keep {
				continue
			}
			op, np := g.parentRow(g.oldOf[s], true), g.parentRow(g.newOf[s], false)
			if op != nil && g.fate[op] != keep || np != nil && g.fate[np] != keep {
				g.fate[s] = move
				changed = true
			}
		}
	}
}

// amend writes the sentences of a document amended in part; ok is false
// when some provision cannot be addressed, and the document is then
// replaced whole.
func (g *gen) amend() (lines []string, ok bool) {
	// Every provision must have an address of its own on each side.
	for _, side := range [][]*Provision{g.oldP, g.newP} {
		seen := map[string]bool{}
		for _, p := range side {
			if seen[p.Addr()] {
				g.why = "「" + p.Addr() + "」が二つ以上あり、改正する規定を特定できない"
				return nil, false
			}
			seen[p.Addr()] = true
		}
	}
	g.classify()
	st := newState(g.oldP)
	// Which rows a replaced provision covers, on each side.
	coveredOld, coveredNew := map[*diff.Section]bool{}, map[*diff.Section]bool{}
	// Changes of wording wait, so that the same change in provisions side
	// by side is said once: 「第三条及び第五条中「甲」を「乙」に改める。」.
	type wording struct {
		addrs   []string
		paths   [][]string
		part    string // 中 or の見出し中
		clauses string
	}
	var pending []wording
	flush := func() {
		for _, w := range pending {
			addr := w.addrs[len(w.addrs)-1]
			if n := len(w.addrs); n > 1 {
				addr = strings.Join(w.addrs[:n-1], "、") + "及び" + w.addrs[n-1]
			}
			lines = append(lines, sentenceIndent+addr+w.part+w.clauses)
		}
		pending = nil
	}
	word := func(addr string, path []string, part, clauses string) {
		if n := len(pending); n > 0 {
			last := &pending[n-1]
			apart := true
			for _, p := range last.paths {
				apart = apart && !under(p, path) && !under(path, p)
			}
			if last.part == part && last.clauses == clauses && apart {
				last.addrs = append(last.addrs, addr)
				last.paths = append(last.paths, path)
				return
			}
		}
		pending = append(pending, wording{[]string{addr}, [][]string{path}, part, clauses})
	}
	say := func(s string) { flush(); lines = append(lines, sentenceIndent+s) }
	text := func(t string) {
		for _, l := range strings.Split(t, "\n") {
			lines = append(lines, textIndent+l)
		}
	}
	note := func(s string) { flush(); lines = append(lines, noteMark+"　"+s) }

	// 1. Wording, whole provisions and removals, in the old numbering —
	// up to the tail: the provisions after the last one renumbered, added
	// or removed (the 附則, as a rule) are amended after those, where
	// they stand in the text.
	tail := g.tail()
	one := func(s *diff.Section) {
		o := g.oldOf[s]
		if coveredOld[s] || st.gone(o) {
			return
		}
		switch g.fate[s] {
		case remove, move:
			if pr := g.parentRow(o, true); pr != nil && g.fate[pr] != keep {
				return // it goes with its parent
			}
			if g.fate[s] == move {
				note(o.Addr() + "の移動は、削る形と加える形で示す。")
			}
			say(o.Addr() + "を削る。")
			st.remove(o)
			return
		}
		n := g.newOf[s]
		oldText, newText := o.Text(), relabel(n.Text(), n.Label, o.Label)
		if oldText == newText {
			return
		}
		whole := func(reason string) {
			if reason != "" {
				note(o.Addr() + "の改正は、" + reason + "ため、全部を改める形で示す。")
			}
			say(o.Addr() + "を次のように改める。")
			var parts []string
			for i, q := range g.newP {
				if n.Under(q) {
					t := q.Text()
					if q == n {
						t = newText
					}
					parts = append(parts, t)
					coveredNew[g.newRow[i]] = true
				}
			}
			for i, q := range g.oldP {
				if o.Under(q) && q != o {
					coveredOld[g.oldRow[i]] = true
				}
			}
			text(strings.Join(parts, "\n"))
			st.replace(o, strings.Join(parts, "\n"))
		}
		if o.Style == policy.StyleAppendix {
			whole("") // 別表は、全部を改める。
			return
		}
		caption := relabel(n.Caption, n.Label, o.Label)
		if (o.Caption == "") != (caption == "") {
			whole("見出しを付け、又は削る")
			return
		}
		var bodyCl, addr string
		if o.Caption != caption && !quotable(caption) {
			whole("見出しを一つの字句で示せない")
			return
		}
		body := relabel(n.Body, n.Label, o.Label)
		if o.Body != body {
			a, scope, at := st.scope(o)
			cl, why := clauses(o.Body, body, scope, at)
			if why != "" {
				whole(why)
				return
			}
			addr, bodyCl = a, cl
		}
		if o.Caption != caption {
			// A 見出し is short: it is set out whole.
			say(o.Addr() + "の見出しを「" + caption + "」に改める。")
		}
		if bodyCl != "" {
			word(addr, o.Path, "中", bodyCl)
		}
		st.set(o, oldText, newText)
	}
	for _, s := range g.oldRow[:tail] {
		one(s)
	}
	flush()

	// 2. Renumbering, children before parents, in an order that never
	// gives two provisions one number.
	renames, why := g.renames(st, coveredOld)
	var joined *renaming
	if why != "" {
		g.why = why
		return nil, false
	}
	// The last renumbering waits for the first addition: when that takes
	// the number it freed, the two are one sentence.
	var last *renaming
	if n := len(renames); n > 0 {
		last = &renames[n-1]
		renames = renames[:n-1]
	}
	for _, x := range renames {
		say(x.text)
	}
	if last != nil {
		first := true
		for i, s := range g.newRow {
			if coveredNew[s] || g.fate[s] == keep {
				continue
			}
			if pr := g.parentRow(g.newP[i], false); pr != nil && g.fate[pr] != keep && !coveredNew[pr] {
				continue
			}
			n := g.newP[i]
			if !first || last.freed == 0 || last.parent != strings.Join(n.Path[:len(n.Path)-1], "") || n.Number.N != last.freed || !plain(n) {
				break
			}
			joined = last
			break
		}
		if joined == nil {
			say(last.text)
		}
	}

	// 3. Additions, in the new numbering and order.
	for i, s := range g.newRow {
		n := g.newP[i]
		if coveredNew[s] || g.fate[s] == keep {
			continue
		}
		if pr := g.parentRow(n, false); pr != nil && g.fate[pr] != keep && !coveredNew[pr] {
			continue // it comes with its parent
		}
		var parts []string
		for j, q := range g.newP {
			if n.Under(q) {
				parts = append(parts, q.Text())
				coveredNew[g.newRow[j]] = true
			}
		}
		where, ok := st.anchor(n, g.newP)
		if !ok {
			g.why = "追加する「" + n.Addr() + "」の位置を示せない"
			return nil, false
		}
		rest := "次のように加える。"
		if counter := Counter(n); counter != "" {
			rest = "次の一" + counter + "を加える。"
		}
		if joined != nil {
			say(joined.join(where, rest))
			joined = nil
		} else {
			say(where + rest)
		}
		text(strings.Join(parts, "\n"))
		st.insert(n, where)
	}

	// 4. The tail, in the text's order.
	for _, s := range g.oldRow[tail:] {
		one(s)
	}
	flush()
	return lines, true
}

// tail is where, in the old rows, the provisions begin that stand after
// every provision renumbered, added, removed or moved, keep their address
// and have nothing added after them: amending them after the renumbering
// and the additions keeps the 改め文 in the order of the text, and their
// addresses read the same before and after.
func (g *gen) tail() int {
	newAt := map[*diff.Section]int{}
	last := -1 // the last new row added or moved
	for i, s := range g.newRow {
		newAt[s] = i
		if g.fate[s] != keep {
			last = i
		}
	}
	t := len(g.oldRow)
	for t > 0 {
		s := g.oldRow[t-1]
		o, n := g.oldOf[s], g.newOf[s]
		at, ok := newAt[s]
		if g.fate[s] != keep || n == nil || !ok || at <= last || o.Addr() != n.Addr() {
			break
		}
		t--
	}
	return t
}

// relabel writes text with its number as the old side had it, so that
// wording is compared apart from the renumbering, which is said once.
func relabel(text, from, to string) string {
	if from == to || from == "" || to == "" {
		return text
	}
	return strings.Replace(text, from, to, 1)
}

// clauses writes the changes of wording that turn old into new, as the
// clauses after 「…中」: 「A」を「B」に改め、「C」を削り、「D」の下に「E」を加える。
// Each quoted phrase occurs once in the scope the sentence covers
// (scope[at] is the text amended; the others are texts below it that a
// 「第N条中」 also covers), widened by its neighbours until it does.
// why says why no standard form fits, when none does.
func clauses(old, new string, scope []string, at int) (string, string) {
	hunks, why := hunksOf(old, new, 0)
	if why != "" {
		return "", why
	}
	// Changes a word or two apart are one change of one expression:
	// 「上記6、7及び8」を「上記7、8及び9」に, not 「6、7」 and 「8」 apart.
	for k := 0; k+1 < len(hunks); {
		h, nx := hunks[k], hunks[k+1]
		gap := old[h.pos+len(h.del) : nx.pos]
		if utf8.RuneCountInString(gap) > 2 || strings.ContainsAny(gap, "。\n") {
			k++
			continue
		}
		hunks[k] = hunk{pos: h.pos, del: old[h.pos : nx.pos+len(nx.del)], ins: h.ins + gap + nx.ins}
		hunks = append(hunks[:k+1], hunks[k+2:]...)
	}
	cur := old
	shift := 0
	type clause struct{ kind, a, b string }
	var cls []clause
	for k := 0; k < len(hunks); k++ {
		h := hunks[k]
		p := h.pos + shift
		limit := len(cur) // the context may not reach the next change
		if k+1 < len(hunks) {
			limit = hunks[k+1].pos + shift
		}
		found := false
		cands := contexts(cur, p, p+len(h.del), limit, h.del == "")
		// A phrase that cuts a word or a number in two (「び8」 of 及び8,
		// 「6」 of 上記6, 「第7」 of 第7条) is taken only when no whole one
		// is of a kind.
		var whole, cut [][2]int
		for _, c := range cands {
			if fragment(cur, p-c[0], p+len(h.del)+c[1]) {
				cut = append(cut, c)
			} else {
				whole = append(whole, c)
			}
		}
		for _, c := range append(whole, cut...) {
			l, r := c[0], c[1]
			end := p + len(h.del) + r
			a := cur[p-l : end]
			b := cur[p-l:p] + h.ins + cur[p+len(h.del):end]
			if a == "" || !quotable(a) || !quotable(b) || occurrences(scope, at, cur, a) != 1 {
				continue
			}
			switch {
			case h.del == "" && r == 0:
				cls = append(cls, clause{"after", a, h.ins})
			case h.del == "" && l == 0:
				cls = append(cls, clause{"before", a, h.ins})
			case b == "":
				cls = append(cls, clause{"delete", a, ""})
			default:
				cls = append(cls, clause{"replace", a, b})
			}
			cur = cur[:p-l] + b + cur[end:]
			shift += len(b) - len(a)
			found = true
			break
		}
		if !found {
			if k+1 < len(hunks) {
				// Too close to the next change to be told apart: say the
				// two as one.
				nx := hunks[k+1]
				hunks[k] = hunk{pos: h.pos, del: old[h.pos : nx.pos+len(nx.del)], ins: h.ins + old[h.pos+len(h.del):nx.pos] + nx.ins}
				hunks = append(hunks[:k+1], hunks[k+2:]...)
				k--
				continue
			}
			return "", "改正部分を一つに特定できる字句で示せない"
		}
	}
	if cur != new {
		return "", "字句の改正で表せない"
	}
	// Join the clauses as 法制執務 does: replacements in a row share one
	// 「に改め」; each kind ends in its 連用形 (改め、削り、加え) but the last.
	var b strings.Builder
	for i := 0; i < len(cls); i++ {
		c := cls[i]
		last := i == len(cls)-1
		verb := func(mid, end string) string {
			if last {
				return end + "。"
			}
			return mid + "、"
		}
		switch c.kind {
		case "replace":
			b.WriteString("「" + c.a + "」を「" + c.b + "」に")
			if !last && cls[i+1].kind == "replace" {
				b.WriteString("、")
				continue
			}
			b.WriteString(verb("改め", "改める"))
		case "delete":
			b.WriteString("「" + c.a + "」" + verb("を削り", "を削る"))
		case "after":
			b.WriteString("「" + c.a + "」の下に「" + c.b + "」" + verb("を加え", "を加える"))
		case "before":
			b.WriteString("「" + c.a + "」の上に「" + c.b + "」" + verb("を加え", "を加える"))
		}
	}
	return b.String(), ""
}

// hunk is one change of wording: at pos in the old text, del replaced by
// ins.
type hunk struct {
	pos      int
	del, ins string
}

// hunksOf finds the changes of wording between two texts. A change that
// runs across lines is cut at the line ends, each line diffed again, so
// that every quoted phrase stays on one line; it cannot be when the two
// sides have different numbers of lines.
func hunksOf(old, new string, base int) ([]hunk, string) {
	ops, coarse := diff.Words(old, new)
	if coarse {
		return nil, "改正部分が大きい"
	}
	var out []hunk
	pos := 0
	for i := 0; i < len(ops); i++ {
		if ops[i].Op == "equal" {
			pos += len(ops[i].Text)
			continue
		}
		h := hunk{pos: pos}
		for ; i < len(ops) && ops[i].Op != "equal"; i++ {
			if ops[i].Op == "delete" {
				h.del += ops[i].Text
			} else {
				h.ins += ops[i].Text
			}
		}
		i--
		pos += len(h.del)
		if !strings.Contains(h.del, "\n") && !strings.Contains(h.ins, "\n") {
			h.pos += base
			out = append(out, h)
			continue
		}
		dl, il := strings.Split(h.del, "\n"), strings.Split(h.ins, "\n")
		if len(dl) != len(il) || base > 0 {
			return nil, "行を加え、又は削る改正を含む"
		}
		at := h.pos
		for k := range dl {
			if dl[k] != il[k] {
				sub, why := hunksOf(dl[k], il[k], at)
				if why != "" {
					return nil, why
				}
				out = append(out, sub...)
			}
			at += len(dl[k]) + 1
		}
	}
	return out, ""
}

// contexts lists, most wanted first, how far a change at cur[p:q] may be
// widened to its left (l bytes) and right (r bytes) so that its phrase is
// one of a kind: by whole runs of one script (漢字, かな, カナ, digits,
// Latin) at a time, never across a line or into the next change (limit).
// An insertion prefers its left neighbour (「A」の下に), then its right
// (「B」の上に).
func contexts(cur string, p, q, limit int, insertion bool) [][2]int {
	var lefts, rights []int
	for l := p; ; {
		if l == 0 || cur[l-1] == '\n' {
			break
		}
		l = runStart(cur, l)
		lefts = append(lefts, p-l)
	}
	for r := q; ; {
		if r >= limit || r >= len(cur) || cur[r] == '\n' {
			break
		}
		r = min(runEnd(cur, r), limit)
		rights = append(rights, r-q)
	}
	var out [][2]int
	if !insertion {
		out = append(out, [2]int{0, 0})
	}
	for _, l := range lefts {
		out = append(out, [2]int{l, 0})
	}
	for _, r := range rights {
		out = append(out, [2]int{0, r})
	}
	for n := 2; n <= len(lefts)+len(rights); n++ {
		for i := 1; i <= len(lefts) && i < n; i++ {
			if j := n - i; j <= len(rights) {
				out = append(out, [2]int{lefts[i-1], rights[j-1]})
			}
		}
	}
	return out
}

// fragment reports whether the phrase cur[i:j] cuts a word or a number
// expression in two: it is digits and punctuation only; it starts with
// okurigana whose kanji is left outside (び of 及び); it starts with a
// digit that continues what stands before it (上記6, 第7, 6(3) of 基本方針6(3));
// or it ends where a number goes on (第7 of 第7条, 第 of 第2項).
func fragment(cur string, i, j int) bool {
	if i >= j {
		return false
	}
	a := cur[i:j]
	letters := false
	for _, r := range a {
		if c := class(r); c != 0 && c != 4 {
			letters = true
			break
		}
	}
	if !letters {
		return true
	}
	first, _ := utf8.DecodeRuneInString(a)
	last, _ := utf8.DecodeLastRuneInString(a)
	prev, next := rune(-1), rune(-1)
	if i > 0 {
		prev, _ = utf8.DecodeLastRuneInString(cur[:i])
	}
	if j < len(cur) {
		next, _ = utf8.DecodeRuneInString(cur[j:])
	}
	switch {
	case class(first) == 2 && class(prev) == 1:
		return true
	case class(first) == 4 && prev >= 0 && class(prev) != 0:
		return true
	case class(last) == 4 && (class(next) == 4 || strings.ContainsRune("条項号章節款目", next)):
		return true
	case last == '第' && class(next) == 4:
		return true
	}
	return false
}

// class sorts characters into the runs a phrase is widened by.
func class(r rune) int {
	switch {
	case unicode.Is(unicode.Han, r) || r == '々':
		return 1
	case r >= 'ぁ' && r <= 'ゖ':
		return 2
	case r >= 'ァ' && r <= 'ヺ' || r == 'ー':
		return 3
	case unicode.IsDigit(r):
		return 4
	case r < 128 && unicode.IsLetter(r):
		return 5
	}
	return 0 // punctuation and the rest: one at a time
}

// runStart is where the run of one class that ends at cur[:i] begins.
func runStart(cur string, i int) int {
	r, size := utf8.DecodeLastRuneInString(cur[:i])
	c := class(r)
	i -= size
	for c != 0 && i > 0 {
		r, size := utf8.DecodeLastRuneInString(cur[:i])
		if class(r) != c {
			break
		}
		i -= size
	}
	return i
}

// runEnd is where the run of one class that starts at cur[i:] ends.
func runEnd(cur string, i int) int {
	r, size := utf8.DecodeRuneInString(cur[i:])
	c := class(r)
	i += size
	for c != 0 && i < len(cur) {
		r, size := utf8.DecodeRuneInString(cur[i:])
		if class(r) != c {
			break
		}
		i += size
	}
	return i
}

// quotable reports whether a phrase can stand between 「」 in a
// sentence: on one line, with its own brackets balanced.
func quotable(s string) bool {
	if strings.ContainsAny(s, "\n\t") {
		return false
	}
	depth := 0
	for _, r := range s {
		switch r {
		case '「':
			depth++
		case '」':
			depth--
			if depth < 0 {
				return false
			}
		}
	}
	return depth == 0
}

// occurrences counts a phrase in the texts a sentence covers, the text
// being amended as it stands now.
func occurrences(scope []string, at int, cur, a string) int {
	n := 0
	for i, t := range scope {
		if i == at {
			t = cur
		}
		n += strings.Count(t, a)
	}
	return n
}
