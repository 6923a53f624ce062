package renumber

import (
	"slices"
	"strings"

	"github.com/policyctl/policyctl/internal/i18n"
	"github.com/policyctl/policyctl/internal/policy"
	"github.com/policyctl/policyctl/internal/ref"
)

// rewrite writes every reference so that, with the new numbers, it names
// the provisions it must keep: each number in the digits it was written
// in (第十二条 → 第十三条), a relative word whose target is no longer its
// neighbour as that target's number (前条 → 第3条), and a range that would
// now cover an inserted provision as a list of what it covered.
func (pl *planner) rewrite() {
	for _, d := range pl.in.Cur.Docs {
		for _, r := range pl.in.CurRefs[d] {
			want, ok := pl.p.identity[r]
			if !ok || want == nil {
				continue
			}
			pl.rewriteRef(r, want)
		}
	}
}

type textEdit struct {
	start, end int // body offsets
	text       string
}

func (pl *planner) rewriteRef(r *ref.Ref, want []*policy.Section) {
	cites := pl.cites[r]
	body := r.Doc.Body()
	var edits []textEdit
	if len(cites) != len(r.Cites) {
		if !sameSections(r.Targets, want) || pl.renumbered(want) {
			pl.problem(r.Pos, i18n.Sprintf("%s cannot be rewritten to keep pointing at %s; rewrite it by hand", r.Text, describe(want)))
		}
		return
	}
	if r.Range {
		if pl.widened(r, want) {
			pl.asList(r, want)
			return
		}
		if len(want) == 2 && pl.rangeWas[r] > 2 && pl.renumbered(want) {
			// 第5条から第7条まで with 第6条 deleted: two are cited as
			// 第5条及び第6条, a range is for three or more (one written
			// with two stays as written).
			pl.asList(r, want)
			return
		}
	}
	type span struct{ start, end int }
	done := map[span]bool{}
	for i, c := range r.Cites {
		w := cites[i]
		// A range's second end repeats the links it takes from its first
		// (第31条 of 第31条第1号から第4号まで): they are written once.
		if c.Inherited || done[span{c.Start, c.End}] {
			continue
		}
		done[span{c.Start, c.End}] = true
		if c.Relative {
			if w == nil {
				// 前各号, 各号: several provisions in one word; it keeps
				// them when the reference still resolves to them.
				if r.Each && i > 0 && len(want) > 0 && parentIs(want[0], cites[i-1]) {
					continue // 各号 of the provision the link before it names
				}
				if i == len(r.Cites)-1 && !sameSections(r.Targets, want) {
					if list, ok := pl.list(want, r.Doc, r.Host); ok {
						edits = append(edits, textEdit{c.Start, c.End, list})
						continue
					}
					pl.problem(r.Pos, i18n.Sprintf("%s now means %s, not %s; rewrite it by hand", r.Text, describe(r.Targets), describe(want)))
					return
				}
				continue
			}
			if w == c.Sec {
				continue // the structure does not change: still its neighbour
			}
			abs, ok := pl.absolute(w, r.Host, cites[:i])
			if !ok {
				pl.problem(r.Pos, i18n.Sprintf("%s no longer means %s and cannot be written as its number; rewrite it by hand", c.Text, display(w)))
				return
			}
			edits = append(edits, textEdit{c.Start, c.End, abs})
			continue
		}
		if w == nil || c.NumEnd <= c.NumStart {
			if w != nil && c.Sec != w {
				pl.problem(r.Pos, i18n.Sprintf("%s cannot be rewritten to point at %s; rewrite it by hand", r.Text, display(w)))
				return
			}
			continue
		}
		num := pl.p.number(w)
		if w == c.Sec && num.Equal(w.Number) {
			continue // it names its target, whose number stays
		}
		old := string(body[c.Start:c.End])
		text, ok := writeCite(old, w, num)
		if !ok {
			pl.problem(r.Pos, i18n.Sprintf("%s cannot be written as %s in its style; rewrite it by hand", old, w.Style.Label(num)))
			return
		}
		if text != old {
			edits = append(edits, textEdit{c.Start, c.End, text})
		}
	}
	edits = append(edits, pl.firstClauses(r, cites)...)
	edits = append(edits, pl.direction(r, want)...)
	pl.emit(r, edits)
}

// direction turns the direction word of a reference that a move put on
// the other side of its target: 下記5 above the reference is 上記5, 後記5
// 前記5, and the other way round.
func (pl *planner) direction(r *ref.Ref, want []*policy.Section) []textEdit {
	if len(want) == 0 {
		return nil
	}
	t := want[len(want)-1]
	if t.Doc != r.Doc {
		return nil
	}
	swap := map[string]string{"下記": "上記", "後記": "前記", "上記": "下記", "前記": "後記"}
	for word, other := range swap {
		if !strings.HasPrefix(r.Expr, word) {
			continue
		}
		up := word == "上記" || word == "前記"
		if !(up && t.Offset > r.Start || !up && t.Offset < r.Start) {
			return nil
		}
		if r.Text != r.Expr {
			// A member of 下記3及び4: one word says where they all are;
			// with them on both sides now, the sentence is the editor's.
			pl.problem(r.Pos, i18n.Sprintf("%s in %s would point the other way than its direction word after the move; rewrite it by hand", r.Text, r.Expr))
			return nil
		}
		return []textEdit{{r.Start, r.Start + len(word), other}}
	}
	return nil
}

// firstClauses names the first 項 in a citation of a 号 of an article that
// the change gave a second 項 (第2条第1号 → 第2条第1項第1号, 前条第1号 →
// 前条第1項第1号), as 法制執務 cites a 号 of an article of several 項
// (ref/form), and leaves it out where the change left the article one 項.
// A citation of an article whose count of 項 did not change is left as
// written: 第1条第2号 of an article that had two 項 may mean 第1条第2項,
// which is for the editor to say.
func (pl *planner) firstClauses(r *ref.Ref, cites []*policy.Section) []textEdit {
	var out []textEdit
	for i := 0; i+1 < len(r.Cites) && i+1 < len(cites); i++ {
		a, it, c, next := cites[i], cites[i+1], r.Cites[i], r.Cites[i+1]
		if a == nil || it == nil || c.Inherited || next.Inherited || a.Style != policy.StyleArticle {
			continue
		}
		was := pl.baseArticle(a)
		if was == nil {
			continue
		}
		before, now := was.Clauses(), a.Clauses()
		switch {
		case before == 1 && now > 1 && it.Parent != nil && it.Parent.Kind == policy.KindImplicit && it.Parent.Parent == a:
			// Before the 号's own link, after any caption: 第1条（責任者）第1項第2号.
			out = append(out, textEdit{next.Start, next.Start, "第" + policy.FormatNumber(1, pl.citeDigits(it.Parent)) + "項"})
		case before > 1 && now == 1 && i+2 < len(r.Cites) && it.Kind == policy.KindImplicit && it.Parent == a && !r.Cites[i+2].Inherited:
			out = append(out, textEdit{next.Start, next.End, ""})
		}
	}
	return out
}

// baseArticle is the article of the base that a working tree's article
// is, or nil (no base, or an article the change adds).
func (pl *planner) baseArticle(a *policy.Section) *policy.Section {
	if pl.same == nil {
		return nil
	}
	if pl.baseSec == nil {
		pl.baseSec = make(map[*policy.Section]*policy.Section, len(pl.same))
		for o, n := range pl.same {
			pl.baseSec[n] = o
		}
	}
	return pl.baseSec[a]
}

// parentIs reports whether p holds s: as its parent, or as the article
// whose first 項 (unnumbered) holds it.
func parentIs(s, p *policy.Section) bool {
	if p == nil || s.Parent == nil {
		return false
	}
	return s.Parent == p || s.Parent.Kind == policy.KindImplicit && s.Parent.Parent == p
}

// emit records the edits of one reference.
func (pl *planner) emit(r *ref.Ref, edits []textEdit) {
	if len(edits) == 0 {
		return
	}
	d := r.Doc
	body := d.Body()
	oldText, newText := string(body[r.Start:r.End]), ""
	slices.SortFunc(edits, func(a, b textEdit) int { return a.start - b.start })
	at := r.Start
	var b strings.Builder
	for _, e := range edits {
		if e.start < at || e.start < r.Start || e.end > r.End {
			// An edit outside the reference's own text (an inherited
			// link) was made by the reference it belongs to.
			pl.problem(r.Pos, i18n.Sprintf("%s cannot be rewritten on its own; rewrite it by hand", r.Text))
			return
		}
		b.Write(body[at:e.start])
		b.WriteString(e.text)
		at = e.end
	}
	b.Write(body[at:r.End])
	newText = b.String()
	for _, e := range edits {
		pl.p.Edits = append(pl.p.Edits, policy.Edit{File: d.Path, Start: d.BodyStart + e.start, End: d.BodyStart + e.end, New: e.text})
	}
	pl.p.Refs = append(pl.p.Refs, Rewrite{Ref: r, Old: oldText, New: newText})
}

// renumbered reports whether any of the sections gets another number.
func (pl *planner) renumbered(ss []*policy.Section) bool {
	for _, s := range ss {
		if !pl.p.number(s).Equal(s.Number) {
			return true
		}
	}
	return false
}

// widened reports whether a range, its ends written with their new
// numbers, would cover another set of provisions than it must: an
// insertion between its ends.
func (pl *planner) widened(r *ref.Ref, want []*policy.Section) bool {
	if len(want) < 2 {
		return false
	}
	covers := ref.Members(want[0], want[len(want)-1])
	return !sameSections(covers, want)
}

// asList writes a range as the list of the provisions it covered:
// 第4条から第6条まで, with a new 第5条 inserted, becomes 第4条、第6条及び
// 第7条. Its first member is written as the range's first end, the others
// as its second.
func (pl *planner) asList(r *ref.Ref, want []*policy.Section) {
	body := r.Doc.Body()
	cites := pl.cites[r]
	inOrder := slices.IsSortedFunc(want, func(a, b *policy.Section) int {
		if a.Doc != b.Doc {
			return 0
		}
		return a.Offset - b.Offset
	})
	if string(body[r.Start:r.End]) == r.Text && (!inOrder || slices.ContainsFunc(r.Cites, func(c ref.Cite) bool { return c.Relative })) {
		// 第2条から前条まで: an end written relative has no form to
		// copy; each member is written by its number, as 前三条 is. So
		// is a range whose members a move put in another order: a list
		// is written in the order of the text (第5条、第6条及び第7条).
		if list, ok := pl.list(want, r.Doc, r.Host); ok {
			d := r.Doc
			pl.p.Edits = append(pl.p.Edits, policy.Edit{File: d.Path, Start: d.BodyStart + r.Start, End: d.BodyStart + r.End, New: list})
			pl.p.Refs = append(pl.p.Refs, Rewrite{Ref: r, Old: r.Text, New: list})
			pl.upperConjunctions(r)
			return
		}
	}
	if string(body[r.Start:r.End]) != r.Text || r.FirstEnd < 1 || r.FirstEnd >= len(r.Cites) {
		pl.problem(r.Pos, i18n.Sprintf("%s would come to cover a provision inserted between its ends; rewrite it as a list by hand", r.Text))
		return
	}
	// The first end, its numbers rewritten.
	first := r.Cites[:r.FirstEnd]
	var b strings.Builder
	at := r.Start
	for i, c := range first {
		if c.Relative || c.NumEnd <= c.NumStart || cites[i] == nil {
			continue
		}
		text, ok := writeCite(string(body[c.Start:c.End]), cites[i], pl.p.number(cites[i]))
		if !ok {
			pl.problem(r.Pos, i18n.Sprintf("%s would come to cover a provision inserted between its ends; rewrite it as a list by hand", r.Text))
			return
		}
		b.Write(body[at:c.Start])
		b.WriteString(text)
		at = c.End
	}
	b.Write(body[at:first[len(first)-1].End])
	items := []string{b.String()}
	// The others in the form of the second end's last link.
	last := r.Cites[len(r.Cites)-1]
	form := string(body[last.Start:last.End])
	prefix := ""
	firstEnd := first[len(first)-1].End
	for _, c := range r.Cites[r.FirstEnd : len(r.Cites)-1] {
		if !c.Inherited && c.Start >= firstEnd {
			prefix += string(body[c.Start:c.End])
		}
	}
	for _, w := range want[1:] {
		if w.Parent != want[0].Parent && w.Style != policy.StyleArticle {
			pl.problem(r.Pos, i18n.Sprintf("%s would come to cover a provision inserted between its ends; rewrite it as a list by hand", r.Text))
			return
		}
		text, ok := writeCite(form, w, pl.p.number(w))
		if !ok || last.Relative || last.NumEnd <= last.NumStart {
			pl.problem(r.Pos, i18n.Sprintf("%s would come to cover a provision inserted between its ends; rewrite it as a list by hand", r.Text))
			return
		}
		items = append(items, prefix+text)
	}
	list := joinList(pl.subRanges(want, items))
	d := r.Doc
	pl.p.Edits = append(pl.p.Edits, policy.Edit{File: d.Path, Start: d.BodyStart + r.Start, End: d.BodyStart + r.End, New: list})
	pl.p.Refs = append(pl.p.Refs, Rewrite{Ref: r, Old: r.Text, New: list})
	pl.upperConjunctions(r)
}

// upperConjunctions writes the 及び that joins a range, now written as a
// list joined by 及び, to the other members of its expression as 並びに:
// 第3条第2項及び第2条から第4条まで becomes 第3条第2項並びに第2条、第4条
// 及び第5条, as 法制執務 joins the upper level of a list of lists.
func (pl *planner) upperConjunctions(r *ref.Ref) {
	body, d := r.Doc.Body(), r.Doc
	const and, upper = "及び", "並びに"
	add := func(start int) {
		e := policy.Edit{File: d.Path, Start: d.BodyStart + start, End: d.BodyStart + start + len(and), New: upper}
		// Two ranges joined by one 及び both ask for it: once.
		if !slices.Contains(pl.p.Edits, e) {
			pl.p.Edits = append(pl.p.Edits, e)
		}
	}
	if r.Start >= len(and) && string(body[r.Start-len(and):r.Start]) == and && strings.Contains(r.Expr, and+r.Text) {
		add(r.Start - len(and))
	}
	if r.End+len(and) <= len(body) && string(body[r.End:r.End+len(and)]) == and && strings.Contains(r.Expr, r.Text+and) {
		add(r.End)
	}
}

// subRanges writes each run of three or more members numbered one after
// another as a range of its own: 第1条から第10条まで with 第2条 inserted
// becomes 第1条及び第3条から第11条まで, not eleven articles — among them
// the deleted ones (第8条　削除), which a range may run over but a list
// may not name. items are the members written one by one.
func (pl *planner) subRanges(want []*policy.Section, items []string) []string {
	if len(want) != len(items) {
		return items
	}
	next := func(a, b *policy.Section) bool {
		na, nb := pl.p.number(a), pl.p.number(b)
		if a.Style != b.Style || a.Doc != b.Doc || len(na.Sub) > 0 || len(nb.Sub) > 0 || nb.N != na.N+1 {
			return false
		}
		if a.Style != policy.StyleArticle && a.Parent != b.Parent {
			return false
		}
		// Nothing of their kind between them (a 第3条の2 that --branch
		// made keeps 第3条 and 第4条 their numbers, and stands between).
		for _, x := range a.Doc.Sections() {
			if x.Style == a.Style && x.Offset > a.Offset && x.Offset < b.Offset {
				return false
			}
		}
		return true
	}
	var out []string
	for i := 0; i < len(want); {
		j := i
		for j+1 < len(want) && next(want[j], want[j+1]) {
			j++
		}
		if j-i >= 2 {
			out = append(out, items[i]+"から"+items[j]+"まで")
		} else {
			out = append(out, items[i:j+1]...)
		}
		i = j + 1
	}
	return out
}

// joinList writes a list as a 例規 does: A及びB; A、B及びC.
func joinList(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], "、") + "及び" + items[len(items)-1]
}

// list writes several provisions by number, for a relative word such as
// 前二条 whose provisions are no longer the ones before it.
func (pl *planner) list(want []*policy.Section, d *policy.Document, host *policy.Section) (string, bool) {
	// In the order they stand, as a list is written.
	want = slices.Clone(want)
	order := map[*policy.Document]int{}
	for i, x := range pl.in.Cur.Docs {
		order[x] = i
	}
	slices.SortStableFunc(want, func(a, b *policy.Section) int {
		if a.Doc != b.Doc {
			return order[a.Doc] - order[b.Doc]
		}
		return a.Offset - b.Offset
	})
	var items []string
	for _, w := range want {
		abs, ok := pl.absolute(w, host, nil)
		if !ok {
			return "", false
		}
		items = append(items, abs)
	}
	return joinList(items), len(items) > 0
}

// absolute writes how a provision is cited by number, with its new
// number, from the provision host: 第3条; 第2項 inside the same article;
// 6(3). before are the sections the links before it in the chain name:
// what they name is not written again.
func (pl *planner) absolute(w, host *policy.Section, before []*policy.Section) (string, bool) {
	path := w.Path()
	// Drop what the reference stands in already, or what the chain named
	// before: 前項 in an article is 第2項, not 第5条第2項.
	skip := 0
	for i, x := range path {
		if i == len(path)-1 {
			break
		}
		if contains(before, x) || isAncestor(x, host) && (x.Style == policy.StyleArticle || x.Style == policy.StyleClause || x.Style.Group()) {
			skip = i + 1
		}
	}
	var b strings.Builder
	for i, x := range path {
		if i < skip || !x.Numbered() {
			continue
		}
		num := pl.p.number(x)
		last := i == len(path)-1
		switch {
		case x.Style.Group() && !last && !w.Style.Group():
			// Articles are cited without their chapter.
		case x.Kind == policy.KindImplicit && x.SoleClause():
			// The 項 of an article of one 項 is not cited: 第2条, 第2条第1号.
		case x.Style == policy.StyleClause:
			b.WriteString("第" + policy.FormatNumber(num.N, pl.citeDigits(x)) + "項")
		case x.Parent != nil && x.Parent.Style == policy.StyleClause && (x.Style == policy.StyleParen || x.Style == policy.StyleKanji):
			b.WriteString("第" + policy.FormatNumber(num.N, pl.citeDigits(x)) + "号")
		case x.Style == policy.StyleDot:
			b.WriteString(policy.FormatNumber(num.N, labelDigits(x)))
		case x.Label != "":
			text, ok := writeLabel(strings.TrimRight(x.Label, ".．"), x.Style, num, labelDigits(x))
			if !ok {
				return "", false
			}
			b.WriteString(text)
		default:
			b.WriteString(x.Style.Label(num))
		}
	}
	return b.String(), b.Len() > 0
}

func contains(ss []*policy.Section, s *policy.Section) bool {
	return slices.Contains(ss, s)
}

func isAncestor(a, s *policy.Section) bool {
	for x := s; x != nil; x = x.Parent {
		if x == a {
			return true
		}
	}
	return false
}

// citeDigits is how a 第N項 or 第N号 written anew (前項 that became
// absolute) writes its number: as policyctl.yaml's style asks
// (style.articles, style.digits), or, where it says any, as the article
// the provision stands in writes its own 第N条 — never as the bare label
// ２ or 三 is written, which is another form (第２項, 第三号 beside 第1条).
func (pl *planner) citeDigits(x *policy.Section) policy.Digits {
	if pl.in.Cur != nil {
		st := pl.in.Cur.Config.Style
		switch {
		case st.Articles == "kanji":
			return policy.DigitsKanji
		case st.Articles == "arabic" && st.Digits == "full-width":
			return policy.DigitsFullWidth
		case st.Articles == "arabic" && st.Digits == "half-width":
			return policy.DigitsASCII
		}
	}
	for p := x.Parent; p != nil; p = p.Parent {
		if p.Style == policy.StyleArticle {
			if l, ok := policy.Lex(p.Label, 0); ok && l.NumEnd > l.NumStart {
				return l.Digits
			}
		}
	}
	return labelDigits(x)
}

// labelDigits is how the number of a section's label is written.
func labelDigits(s *policy.Section) policy.Digits {
	if l, ok := policy.Lex(s.Label, 0); ok && l.NumEnd > l.NumStart {
		return l.Digits
	}
	for p := s.Parent; p != nil; p = p.Parent {
		if l, ok := policy.Lex(p.Label, 0); ok && l.NumEnd > l.NumStart && l.Digits != policy.DigitsKanji {
			return l.Digits
		}
	}
	return policy.DigitsASCII
}

// writeCite writes the number of a reference's link anew, in the form it
// was written: 第十二条 → 第十三条, 上記３ → 上記４, (2) → (3), イ → ロ
// (in the order of the provision it names).
func writeCite(old string, w *policy.Section, num policy.Number) (string, bool) {
	l, ok := policy.Lex(old, 0)
	if !ok || l.End != len(old) {
		return "", false
	}
	if (l.Kind == policy.LabelDigits || l.Kind == policy.LabelParen) && len(num.Sub) > 0 {
		return "", false
	}
	style := w.Style
	if l.Kind == policy.LabelUnit && l.Unit == '号' {
		// 第3号 names a (3) or a 三.
		return "第" + policy.FormatNumber(num.N, l.Digits) + "号" + branches(num, l.Digits), true
	}
	return writeLabel(old, style, num, l.Digits)
}

func sameSections(a, b []*policy.Section) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// describe names provisions briefly.
func describe(ss []*policy.Section) string {
	var out []string
	for _, s := range ss {
		out = append(out, display(s))
	}
	if len(out) > 3 {
		out = append(out[:3], "…")
	}
	return strings.Join(out, i18n.T(", "))
}
