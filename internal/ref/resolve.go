package ref

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/policyctl/policyctl/internal/i18n"
	"github.com/policyctl/policyctl/internal/policy"
)

// state resolves the expressions of one block.
type state struct {
	rs *Resolver
	// aliases are the abbreviations the document defined for documents
	// (以下「管理手順」という。) and the names they stand for.
	aliases map[string]string
	d       *policy.Document
	host    *policy.Section
	text    string
	ps      []piece
	// named remembers, for each level, the provision the text named last
	// — 第5条, also inside a range or a list, another law's article, or
	// what 前条 and its like resolved to — for 同条, 同項 and 同号. The
	// last one wins, as a reader reads: in 前項の規定は…同項第2号, 同項 is
	// 前項 even after an earlier 項 cited 第2条第2項. Each level is its
	// own: a 前項 between does not reset 同条.
	named map[level]mark
	// cited is the document another document's name cited last, for 同基準;
	// citedLaw the instrument of another body cited after it, for 同規程
	// after 文書取扱規程第10条.
	cited    *policy.Document
	citedLaw string
	// up is set while a reference written with 上記 or 前記 resolves: its
	// outline number is not the section it stands in when one above has it.
	up bool
	// outline is the path of the outline reference resolved last, for 同(2).
	outline []*policy.Section
}

// name remembers m as what the text named last at level l. The map is
// made at the first name: a state is made for every block scanned, most
// name nothing, and an empty map each time was 6 % of check's allocations.
func (st *state) name(l level, m mark) {
	if st.named == nil {
		st.named = map[level]mark{}
	}
	st.named[l] = m
}

// mark is what a 同 can refer to: a section, or a provision of another law.
type mark struct {
	sec *policy.Section
	law string // set for another law's provision
}

func newState(rs *Resolver, d *policy.Document, host *policy.Section, text string, ps []piece) *state {
	return &state{rs: rs, d: d, host: host, text: text, ps: ps}
}

func (st *state) newRef(e expr, start, end int) *Ref {
	r := &Ref{Doc: st.d, Start: toBodyStart(st.ps, start), End: toBody(st.ps, end), Text: st.text[start:end],
		Expr: st.text[e.start:e.end], Host: st.host, TargetDoc: st.d}
	r.Pos = st.d.BodyPos(r.Start)
	return r
}

func (st *state) expr(e expr) []*Ref {
	if e.external {
		// A law citation: one reference, recognised and not resolved. Its
		// articles are what a following 同条 refers to.
		r := st.newRef(e, e.start, e.end)
		r.External, r.Law = true, e.law
		if e.law != "" {
			st.citedLaw = e.law
		}
		for _, c := range e.chains {
			for _, l := range c.links {
				if l.kind == linkNamed {
					st.name(l.level, mark{law: orLaw(e.law)})
				}
			}
		}
		return []*Ref{r}
	}
	if e.weak && !st.kanaAround() {
		return nil // アの字形 in a part without ア, イ items: a word
	}
	var refs []*Ref
	var prev []link
	for i := 0; i < len(e.chains); i++ {
		c := e.chains[i]
		start := c.start
		if i == 0 {
			start = e.start
		}
		links := c.links
		if i > 0 {
			links = inherit(prev, c.links)
		}
		if i < len(e.ranges) && e.ranges[i] {
			// 第1号から第3号まで: one reference to every member.
			c2 := e.chains[i+1]
			links2 := inherit(links, c2.links)
			end := c2.end
			if k := skipSpaces(st.text, end); strings.HasPrefix(st.text[k:], "まで") {
				end = k + len("まで")
			}
			r := st.newRef(e, start, end)
			r.member = i
			st.resolveRange(r, e, c, links, c2, links2)
			refs = append(refs, r)
			prev = links2
			i++
			continue
		}
		r := st.newRef(e, start, c.end)
		r.member = i
		refs = append(refs, r)
		prev = links
		st.resolve(r, e, c, links)
		refs = append(refs, st.exclusions(r, e, c)...)
		if r.Problem == nil && len(r.Targets) == 1 && i == len(e.chains)-1 {
			st.mismatch(r, e, c.end, refs)
		}
	}
	return refs
}

// kanaAround reports whether katakana items (ア, イ or イ, ロ) number the
// sections around the reference: the children of the sections it stands
// in, which is where a letter it cites would be found.
func (st *state) kanaAround() bool {
	for a := st.host; a != nil; a = a.Parent {
		for _, c := range a.Children {
			if c.Style == policy.StyleKatakana || c.Style == policy.StyleIroha {
				return true
			}
		}
	}
	return false
}

func orLaw(law string) string {
	if law == "" {
		return i18n.T("another law")
	}
	return law
}

// inherit completes a chain of a list from the one before it: in
// 第31条第1号から第4号まで the second end is 第31条第4号, in 4(1)及び(2)
// the second is 4(2), in 第43条第1項、第4項 the second is 第43条第4項.
func inherit(prev, later []link) []link {
	first := later[0]
	if first.kind != linkNamed && first.kind != linkOutline {
		return later
	}
	for i, l := range prev {
		if sameLevel(l, first) {
			if i == 0 {
				return later
			}
			return append(append([]link(nil), prev[:i]...), later...)
		}
	}
	return later
}

func sameLevel(a, b link) bool {
	if a.kind == linkOutline || b.kind == linkOutline {
		return a.kind == b.kind && (a.style == b.style || a.style == policy.StyleDot && b.style == policy.StyleDot)
	}
	return a.level == b.level
}

func (st *state) fail(r *Ref, rule *policy.Rule, sev policy.Severity, msg, hint string) {
	r.Problem = &Problem{Rule: rule, Severity: sev, Message: msg, Hint: hint}
}

// cites records each link of a chain in r, with the section it resolved
// to, for a fix that rewrites a number.
func (st *state) cites(r *Ref, links []link, path []*policy.Section) {
	for i, l := range links {
		c := Cite{Text: st.text[l.start:l.end], Start: toBodyStart(st.ps, l.start), End: toBody(st.ps, l.end),
			Relative: l.kind != linkNamed && l.kind != linkOutline, level: l.level, digits: l.digits}
		if l.numEnd > l.numStart {
			c.NumStart, c.NumEnd = toBodyStart(st.ps, l.numStart), toBody(st.ps, l.numEnd)
		}
		// A link a list member inherits (第43条 of 第43条第1項、第4項) is
		// written in the member before.
		c.Inherited = c.Start < r.Start
		if i < len(path) {
			c.Sec = path[i]
		}
		r.Cites = append(r.Cites, c)
	}
}

// resolve finds the targets of one chain.
func (st *state) resolve(r *Ref, e expr, c chain, links []link) {
	r.Part = c.part
	r.Each = len(links) > 0 && links[len(links)-1].kind == linkEach
	for _, l := range links {
		if l.absurd {
			st.cites(r, links, nil)
			st.fail(r, policy.RuleRefNumber, policy.Error,
				i18n.Sprintf("%s is not a provision's number: numbers start at 1 and stay below %d", r.Text, policy.MaxNumber+1),
				i18n.T("write the number of the provision you mean"))
			return
		}
	}
	if l := links[0]; l.kind == linkSame {
		if m, ok := st.named[l.level]; ok && m.law != "" {
			// 地方公務員法第3条第1項 … 同条第2項: the same law's article.
			r.External, r.Law = true, m.law
			return
		}
	}
	if e.doc != "" {
		st.resolveAcross(r, e, links)
		return
	}
	path := make([]*policy.Section, len(links))
	if e.same {
		// 同(2): under what holds the number of its style named last.
		var under *policy.Section
		for i := len(st.outline) - 1; i >= 0 && under == nil; i-- {
			if x := st.outline[i]; x != nil && x.Style == links[0].style {
				under = x.Parent
			}
		}
		if under == nil {
			st.fail(r, policy.RuleRefUnresolved, policy.Error,
				i18n.Sprintf("%s has nothing before it to refer to", r.Text),
				i18n.T("name the section the number stands under: 上記2(2), 基本方針2(2)"))
			return
		}
		targets, why := st.follow([]*policy.Section{under}, links, 0, path)
		st.cites(r, links, path)
		if len(targets) == 0 {
			st.unresolved(r, e, links, why)
			return
		}
		r.Targets = targets
		if d := targets[0].Doc; d != nil && d != st.d {
			r.TargetDoc = d
		}
		st.outline = path
		st.checkDeleted(r)
		return
	}
	st.up = pointsUp(e.direction)
	targets, why := st.chain(st.d, st.host, links, false, path)
	st.up = false
	st.cites(r, links, path)
	if len(targets) == 0 && tierWide(links[0]) && (why == "" || links[0].level == levelMain) && st.d.Meta.Tier != "" {
		// 対策基準 split into chapter files numbers its articles, chapters
		// and 別表 through all of them: 第34条, 第2章, 別表第1 and
		// 本則第1条 may stand in another file of the same tier.
		st.resolveInTier(r, links)
		return
	}
	if len(targets) == 0 && len(links) > 1 && links[0].kind == linkHere && links[0].level == levelDocument && tierWide(links[1]) && path[1] == nil && st.d.Meta.Tier != "" {
		// 本基準第3条, この基準第2章: the instrument as a whole, whose
		// other files hold what this one does not.
		st.resolveInTier(r, links)
		return
	}
	if len(targets) == 0 && len(links) == 1 && links[0].form {
		st.formElsewhere(r, links[0])
		return
	}
	if len(targets) == 0 {
		st.unresolved(r, e, links, why)
		return
	}
	r.Targets = targets
	if d := targets[0].Doc; d != nil && d != st.d {
		r.TargetDoc = d // 前条 at the top of a chapter file: the file before
	}
	st.remember(links, path)
	if links[len(links)-1].kind == linkOutline {
		st.outline = path
	}
	st.checkSelf(r, e, links)
	if r.Problem == nil {
		st.checkDirection(r, e)
	}
	if r.Problem == nil {
		st.checkDeleted(r)
	}
	if r.Problem == nil {
		st.checkForm(r, links, path)
	}
}

func isHiragana(r rune) bool { return r >= 'ぁ' && r <= 'ゖ' }

// checkForm notes a citation 法制執務 writes otherwise: 第1条第1項 of an
// article with one 項 is 第1条, and 第2条第2号 of an article with more than
// one 項 names its 項, 第2条第1項第2号 — a reader may have meant 第2条第2項.
// The reference resolves as it did (the note is no Problem), and nothing
// is rewritten: 第1条 names the article, not its 項, and renumber's check
// of identity would refuse the change.
func (st *state) checkForm(r *Ref, links []link, path []*policy.Section) {
	for i := 1; i < len(links) && i < len(path); i++ {
		prev, l := links[i-1], links[i]
		if prev.level != levelArticle || path[i-1] == nil || path[i] == nil {
			continue
		}
		if i-1 < len(r.Cites) && r.Cites[i-1].Inherited {
			continue // 第3号 of 第2条第2号及び第3号: the member before it is noted
		}
		switch {
		case l.level == levelClause && l.kind == linkNamed && path[i].SoleClause():
			r.Form = &Problem{Rule: policy.RuleRefForm, Severity: policy.Warning,
				Message: i18n.Sprintf("%s: %s has one 項, and an article of one 項 is cited without it", r.Text, path[i-1].Outline()),
				Hint:    i18n.Sprintf("write %s", st.text[links[0].start:l.start]+st.text[l.end:links[len(links)-1].end])}
			return
		case l.level == levelItem && l.kind == linkNamed && path[i-1].Clauses() > 1:
			r.Form = &Problem{Rule: policy.RuleRefForm, Severity: policy.Warning,
				Message: i18n.Sprintf("%s: %s has %d 項, and a 号 of such an article is cited with its 項", r.Text, path[i-1].Outline(), path[i-1].Clauses()),
				Hint: i18n.Sprintf("write %s (or was %s meant?)",
					st.text[links[0].start:l.start]+"第"+policy.FormatNumber(path[i].Parent.Number.N, l.digits)+"項"+st.text[l.start:links[len(links)-1].end],
					st.text[links[0].start:l.start]+strings.Replace(st.text[l.start:l.end], "号", "項", 1))}
			return
		}
	}
}

// checkDeleted reports a reference to a deleted provision, 第2条　削除:
// the words it cited are gone, and only the number was kept. A range
// that runs over one (第1条から第3条まで) cites the others and is left
// alone, and so is 前3条 while one of the three stands.
func (st *state) checkDeleted(r *Ref) {
	if r.Range || len(r.Targets) == 0 {
		return
	}
	if len(r.Targets) > 1 {
		// 前3条, 前各号: a relative reference to several cites the words
		// of any that stand; when every one was deleted, none does.
		for _, t := range r.Targets {
			if !t.Deleted() {
				return
			}
		}
		first, last := r.Targets[0], r.Targets[len(r.Targets)-1]
		st.fail(r, policy.RuleRefDeleted, policy.Error,
			i18n.Sprintf("%s points at %s, which was deleted", r.Text, first.Outline()+"–"+last.Outline()),
			i18n.T("cite the provision that now holds what is meant, or rewrite the sentence"))
		return
	}
	// 第2条第1項 of a 第2条　削除: the 項 of a deleted article is gone too.
	t := r.Targets[0]
	for t != nil && !t.Deleted() {
		t = t.Parent
	}
	if t == nil {
		return
	}
	st.fail(r, policy.RuleRefDeleted, policy.Error,
		i18n.Sprintf("%s points at %s, which was deleted", r.Text, t.Outline()),
		i18n.T("cite the provision that now holds what is meant, or rewrite the sentence"))
}

// resolveRange resolves 第1号から第3号まで to every member, in order.
func (st *state) resolveRange(r *Ref, e expr, c1 chain, links1 []link, c2 chain, links2 []link) {
	a, b := &Ref{}, &Ref{}
	*a, *b = *r, *r
	st.resolve(a, e, c1, links1)
	st.resolve(b, e, c2, links2)
	for _, x := range []*Ref{a, b} {
		if x.Problem != nil && (x.Problem.Rule == policy.RuleRefSelf || x.Problem.Rule == policy.RuleRefDeleted) {
			// A range may run up to the provision it stands in, and over
			// a deleted one; whether it cites only deleted ones is seen
			// below.
			x.Problem = nil
		}
	}
	r.Cites = append(a.Cites, b.Cites...)
	r.Range, r.FirstEnd = true, len(a.Cites)
	for _, x := range []*Ref{a, b} {
		if x.Problem != nil {
			r.Problem = x.Problem
			return
		}
		if x.External {
			r.External, r.Law = true, x.Law
			return
		}
	}
	r.TargetDoc = a.TargetDoc
	if len(a.Targets) == 1 && len(b.Targets) == 1 && a.TargetDoc != b.TargetDoc && sameTier(a.TargetDoc, b.TargetDoc) {
		// 第1条から第4条まで in a 対策基準 split by chapter: the articles
		// run through the files of the tier, in order.
		r.Targets = membersAcross(st.rs.repo, a.Targets[0], b.Targets[0])
		if len(r.Targets) == 0 {
			st.fail(r, policy.RuleRefUnresolved, policy.Error,
				i18n.Sprintf("%s runs backwards: %s stands after %s", r.Text, a.Targets[0].Display(), b.Targets[0].Display()),
				i18n.T("write the range from the lower number to the higher"))
		}
		return
	}
	if len(a.Targets) != 1 || len(b.Targets) != 1 || a.TargetDoc != b.TargetDoc {
		r.Targets = append(append([]*policy.Section(nil), a.Targets...), b.Targets...)
		return
	}
	from, to := a.Targets[0], b.Targets[0]
	r.Targets = members(from, to)
	if len(r.Targets) == 0 {
		st.fail(r, policy.RuleRefUnresolved, policy.Error,
			i18n.Sprintf("%s runs backwards: %s stands after %s", r.Text, from.Display(), to.Display()),
			i18n.T("write the range from the lower number to the higher"))
		return
	}
	for _, t := range r.Targets {
		if !t.Deleted() {
			return
		}
	}
	// 第3条から第5条まで when all three were deleted.
	st.fail(r, policy.RuleRefDeleted, policy.Error,
		i18n.Sprintf("%s points at %s, which was deleted", r.Text, from.Outline()+"–"+to.Outline()),
		i18n.T("cite the provision that now holds what is meant, or rewrite the sentence"))
}

func sameTier(a, b *policy.Document) bool {
	return a != nil && b != nil && a.Meta.Tier != "" && a.Meta.Tier == b.Meta.Tier
}

// membersAcross lists the articles (or chapters) of a range whose ends
// stand in two files of one tier: every one of that style from one end to
// the other, through the tier's files in order. Other provisions do not
// run across files: the two ends alone.
func membersAcross(r *policy.Repo, from, to *policy.Section) []*policy.Section {
	if from.Style != to.Style || from.Style != policy.StyleArticle && !from.Style.Group() {
		return []*policy.Section{from, to}
	}
	var pool []*policy.Section
	for _, d := range r.Docs {
		if d.Meta.Tier == from.Doc.Meta.Tier {
			pool = append(pool, d.Sections()...)
		}
	}
	return between(pool, from, to)
}

// members lists the sections of a range: the siblings from one end to the
// other, or for articles every article between them.
func members(from, to *policy.Section) []*policy.Section {
	if from == to {
		return []*policy.Section{from}
	}
	if from.Style != to.Style {
		return []*policy.Section{from, to}
	}
	var pool []*policy.Section
	if from.Parent == to.Parent {
		pool = from.Parent.Children
	} else if from.Style == policy.StyleArticle || from.Style.Group() {
		pool = from.Doc.Sections()
	} else {
		return []*policy.Section{from, to}
	}
	return between(pool, from, to)
}

// between lists the sections of pool of from's style from from to to, or
// nil when to comes first.
func between(pool []*policy.Section, from, to *policy.Section) []*policy.Section {
	var out []*policy.Section
	in := false
	for _, s := range pool {
		if s == from {
			in = true
		}
		if in && s.Style == from.Style && supplementOf(s) == supplementOf(from) && (s.Style != policy.StyleNone || isFormHeading(s)) {
			// Unnumbered, only the headings of forms: 様式第1号から第3号まで
			// holds 様式第1号の2, not a heading 記入例 between them.
			out = append(out, s)
		}
		if s == to {
			if !in {
				return nil
			}
			return out
		}
	}
	return nil
}

// exclusions applies （第二号を除く。） to r's targets, and returns the
// references the exclusion itself makes; （第一号に限る。） leaves them as
// they are (the reference cites the article, narrowed in words) and makes
// its own references the same way.
func (st *state) exclusions(r *Ref, e expr, c chain) []*Ref {
	if len(c.exclude) == 0 {
		return nil
	}
	// The excluded provisions are named below what the chain names: the
	// 号 of 第4項（第1号を除く。）are that 項's.
	var base *policy.Section
	for i := len(r.Cites) - 1; i >= 0 && base == nil; i-- {
		base = r.Cites[i].Sec
	}
	if base == nil && len(r.Targets) > 0 {
		base = r.Targets[0].Parent
	}
	var out []*Ref
	drop := map[*policy.Section]bool{}
	for k, x := range c.exclude {
		xr := st.newRef(e, x.start, x.end)
		xr.member = 100*(r.member+1) + k
		if x.links[0].kind == linkSame {
			// （同条第2項に係る部分を除く。）: 同条 is the provision just
			// named, resolved as any 同条 is.
			st.resolve(xr, e, x, x.links)
			if xr.Problem == nil && !c.only {
				for _, t := range xr.Targets {
					drop[t] = true
				}
			}
			out = append(out, xr)
			continue
		}
		path := make([]*policy.Section, len(x.links))
		var targets []*policy.Section
		for a := base; a != nil && len(targets) == 0; a = a.Parent {
			targets, _ = st.chainBelow(a, x.links, path)
		}
		st.cites(xr, x.links, path)
		switch {
		case len(targets) == 0 && c.only:
			st.unresolved(xr, e, x.links, i18n.Sprintf("%s has no %s to limit it to", describeSec(base), describe(x.links)))
		case len(targets) == 0:
			st.unresolved(xr, e, x.links, i18n.Sprintf("%s has no %s to exclude", describeSec(base), describe(x.links)))
		case c.only:
			xr.TargetDoc, xr.Targets = targets[0].Doc, targets
		default:
			xr.TargetDoc, xr.Targets = targets[0].Doc, targets
			for _, t := range targets {
				drop[t] = true
			}
		}
		out = append(out, xr)
	}
	if r.Problem == nil {
		var keep []*policy.Section
		for _, t := range r.Targets {
			if !drop[t] {
				keep = append(keep, t)
			}
		}
		r.Targets = keep
	}
	return out
}

func describeSec(s *policy.Section) string {
	if s == nil {
		return i18n.T("the text")
	}
	if s.Kind == policy.KindRoot {
		// The document itself has no number: name it by its title.
		if s.Doc != nil && strings.TrimSpace(s.Doc.Meta.Title) != "" {
			return strings.TrimSpace(s.Doc.Meta.Title)
		}
		return i18n.T("this document")
	}
	return s.Display()
}

// isForm reports whether a section is the form a link names: a 別記 of
// its number written as a form (## 別記様式第1号), or any 別記 of its
// number when the link is written 別記様式; or a heading whose title opens
// with the form's name, ## 様式第1号（第10条関係）, which the section tree
// leaves unnumbered (様式 and 別記 are numbered apart).
func isForm(s *policy.Section, l link) bool {
	if s.Style == policy.StyleForm {
		return s.Number.Equal(l.num) && (!l.formOnly || strings.Contains(s.Label, "様式"))
	}
	n, ok := formHeading(s)
	return ok && n.Equal(l.num)
}

// formHeading reads the number of an unnumbered heading that names a form:
// 様式第1号（第10条関係）, 第2号様式 申請書.
func formHeading(s *policy.Section) (policy.Number, bool) {
	if s.Kind != policy.KindHeading || s.Numbered() {
		return policy.Number{}, false
	}
	t := strings.TrimSpace(s.Title)
	lx, ok := policy.Lex(t, 0)
	if !ok || lx.Kind != policy.LabelForm || lx.Absurd || !strings.Contains(t[:lx.End], "様式") {
		return policy.Number{}, false
	}
	if r := nextRune(t, lx.End); lx.End < len(t) && !strings.ContainsRune(" 　(（", r) {
		return policy.Number{}, false
	}
	return lx.Num, true
}

func isFormHeading(s *policy.Section) bool {
	_, ok := formHeading(s)
	return ok
}

// formElsewhere decides about a form's name that names no form of the
// text: with no form in the document or its tier, the city publishes its
// forms on their own, and the name is cited like another instrument's
// (external); when the text does hold its forms, a number that is not
// among them is more likely wrong than kept apart, so it is a warning
// that names the forms there are.
func (st *state) formElsewhere(r *Ref, l link) {
	var there []string
	for _, d := range st.rs.repo.Docs {
		if d != st.d && (d.Meta.Tier == "" || d.Meta.Tier != st.d.Meta.Tier) {
			continue
		}
		for _, s := range d.Sections() {
			if isFormHeading(s) || s.Style == policy.StyleForm && strings.Contains(s.Label, "様式") {
				name := s.Label
				if name == "" {
					lx, _ := policy.Lex(strings.TrimSpace(s.Title), 0)
					name = strings.TrimSpace(s.Title)[:lx.End]
				}
				there = append(there, name)
			}
		}
	}
	if len(there) == 0 {
		r.External, r.Law = true, st.text[l.start:l.end]
		return
	}
	if len(there) > 5 {
		there = append(there[:5], "…")
	}
	st.fail(r, policy.RuleRefUnresolved, policy.Warning,
		i18n.Sprintf("%s does not resolve: the forms of the text are %s", r.Text, strings.Join(there, i18n.T(", "))),
		i18n.T("check the number; if the form is published outside the text, this warning can stay"))
}

// tierWide reports whether the first link of a chain names what a tier
// split into files numbers through all of them: 第5条, 第2章, 第1編,
// 別表第1, 別記第1, 本則.
func tierWide(l link) bool {
	if l.kind != linkNamed {
		return false
	}
	switch l.level {
	case levelArticle, levelPart, levelChapter, levelTable, levelForm, levelMain:
		return true
	}
	return false
}

func (st *state) resolveInTier(r *Ref, links []link) {
	var found []*policy.Document
	var targets []*policy.Section
	run := st.rs.runs()[st.d]
	for _, d := range st.rs.repo.Docs {
		if d == st.d || d.Meta.Tier != st.d.Meta.Tier || d.Meta.Tier == "" {
			continue
		}
		first := links[0]
		if first.kind == linkHere && len(links) > 1 {
			first = links[1] // 本基準第3条
		}
		if first.level == levelArticle && !sameInstrument(st.d, d, run) {
			continue
		}
		if ts, _ := st.chain(d, nil, links, true, nil); len(ts) > 0 {
			found = append(found, d)
			targets = ts
		}
	}
	switch len(found) {
	case 0:
		if len(links) == 1 && links[0].form {
			st.formElsewhere(r, links[0])
			return
		}
		st.fail(r, policy.RuleRefUnresolved, policy.Error,
			i18n.Sprintf("%s does not resolve: no %s in this document or another %s document", r.Text, describe(links), st.d.Meta.Tier.Japanese()),
			i18n.T("check the number; if the article was renumbered, update the reference"))
	case 1:
		r.TargetDoc, r.Targets = found[0], targets
		path := make([]*policy.Section, len(links))
		_, _ = st.chain(found[0], nil, links, true, path)
		r.Cites = nil
		st.cites(r, links, path)
		st.remember(links, path)
		st.checkDeleted(r)
		if r.Problem == nil {
			st.checkForm(r, links, path)
		}
	default:
		st.ambiguous(r, found)
	}
}

func (st *state) resolveAcross(r *Ref, e expr, links []link) {
	docs := st.rs.names[e.doc]
	if full, ok := st.aliases[e.doc]; ok {
		// An abbreviation the text defines (以下「基準」という。) means
		// what it defines there, whatever else bears the name.
		docs = st.rs.names[full]
	}
	// A document split into files numbered as one (第1章 in one file,
	// 第2章 in the next) is cited by its name as a whole.
	var whole []*policy.Document
	for _, d := range docs {
		for _, x := range append([]*policy.Document{d}, st.rs.runs()[d]...) {
			if !slices.Contains(whole, x) {
				whole = append(whole, x)
			}
		}
	}
	docs = whole
	if e.doc == sameDoc && st.citedLaw != "" {
		// 文書取扱規程第10条及び同規程第11条: the same other instrument.
		r.External, r.Law = true, st.citedLaw
		return
	}
	if e.doc == sameDoc {
		if st.cited == nil {
			st.fail(r, policy.RuleRefUnresolved, policy.Error,
				i18n.Sprintf("%s does not resolve: no document was cited before it", r.Text),
				i18n.T("name the document: 対策基準第4条"))
			return
		}
		docs = []*policy.Document{st.cited}
	}
	if len(docs) == 0 {
		// 「インシデント対応手順」第2条 where no document has that title:
		// quoted, it is a title, so it resolves nowhere else.
		st.cites(r, links, nil)
		st.untitled(r, e.doc)
		return
	}
	var found []*policy.Document
	var targets, path []*policy.Section
	for _, d := range docs {
		p := make([]*policy.Section, len(links))
		if ts, _ := st.chain(d, nil, links, true, p); len(ts) > 0 {
			found = append(found, d)
			targets, path = ts, p
		}
	}
	st.cites(r, links, path)
	switch len(found) {
	case 0:
		var ids []string
		for _, d := range docs {
			ids = append(ids, d.Meta.ID)
		}
		st.fail(r, policy.RuleRefUnresolved, policy.Error,
			i18n.Sprintf("%s does not resolve: %s (%s) has no %s", r.Text, e.doc, strings.Join(ids, i18n.T(", ")), describe(links)),
			i18n.T("check the number against the cited document; if it was renumbered, update the reference"))
	case 1:
		r.TargetDoc, r.Targets = found[0], targets
		st.remember(links, path) // 対策基準第4条第1項 … 同条第2項
		if links[len(links)-1].kind == linkOutline {
			st.outline = path // 基本方針2(1)による。同(2)による。
		}
		st.cited = found[0] // … 同基準第5条
		st.citedLaw = ""
		st.checkDeleted(r)
		if r.Problem == nil {
			st.checkForm(r, links, path)
		}
	default:
		st.ambiguous(r, found)
	}
}

// untitled reports a reference that cites, in 「」, a title no document
// has, and names the documents whose titles contain it or are contained
// in it: the title is perhaps shortened, or the document renamed.
func (st *state) untitled(r *Ref, name string) {
	var near []string
	for _, d := range st.rs.repo.Docs {
		t := strings.TrimSpace(d.Meta.Title)
		if t != "" && (strings.Contains(t, name) || strings.Contains(name, t)) {
			near = append(near, "「"+t+"」")
		}
	}
	hint := i18n.T("quote a document's title exactly as its front matter gives it (title:)")
	if len(near) > 0 {
		hint = i18n.Sprintf("did you mean %s?", strings.Join(near, i18n.T(", ")))
	}
	st.fail(r, policy.RuleRefUnresolved, policy.Error,
		i18n.Sprintf("%s does not resolve: no document is titled 「%s」", r.Text, name), hint)
}

func (st *state) ambiguous(r *Ref, found []*policy.Document) {
	var ids []string
	for _, d := range found {
		ids = append(ids, fmt.Sprintf("%s (%s)", d.Meta.ID, d.Path))
	}
	st.fail(r, policy.RuleRefAmbiguous, policy.Error,
		i18n.Sprintf("%s could mean any of %s", r.Text, strings.Join(ids, i18n.T(", "))),
		i18n.T("cite the document by its title, or link it: [text](path.md#id)"))
}

// chain resolves links one after another. from is where the reference
// stands (nil for a reference from another document: search from the top).
// path, when not nil, receives the section each link resolved to. It
// returns the targets, or a reason when the chain cannot be followed.
func (st *state) chain(d *policy.Document, from *policy.Section, links []link, absolute bool, path []*policy.Section) ([]*policy.Section, string) {
	if l := links[0]; l.kind == linkOutline && !absolute && from != nil && len(links) > 1 {
		// 上記1(2): of the sections numbered 1 around the reference, the
		// nearest one that has a (2), so that a list item 1. nearer
		// than the heading 1. does not hide it.
		var firstWhy string
		for _, c := range st.outlineCandidates(from, l) {
			p := make([]*policy.Section, len(links))
			p[0] = c
			ts, why := st.follow([]*policy.Section{c}, links, 1, p)
			if len(ts) > 0 {
				if path != nil {
					copy(path, p)
				}
				return ts, ""
			}
			if firstWhy == "" {
				firstWhy = why
			}
		}
		if firstWhy != "" {
			return nil, firstWhy
		}
	}
	cur, why := st.first(d, from, links[0], absolute)
	if len(cur) == 0 {
		return nil, why
	}
	if len(cur) == 1 && path != nil {
		path[0] = cur[0]
	}
	return st.follow(cur, links, 1, path)
}

// chainBelow resolves links under a section: the chains of an exclusion.
func (st *state) chainBelow(s *policy.Section, links []link, path []*policy.Section) ([]*policy.Section, string) {
	return st.follow([]*policy.Section{s}, links, 0, path)
}

func (st *state) follow(cur []*policy.Section, links []link, from int, path []*policy.Section) ([]*policy.Section, string) {
	for i := from; i < len(links); i++ {
		l := links[i]
		if len(cur) != 1 {
			return nil, i18n.T("a list cannot be followed by a further number")
		}
		next := below(cur[0], l)
		if len(next) == 0 {
			return nil, i18n.Sprintf("%s has no %s", describeSec(cur[0]), describe([]link{l}))
		}
		if len(next) == 1 && path != nil {
			path[i] = next[0]
		}
		cur = next
	}
	return cur, ""
}

// first resolves the first link of a chain.
func (st *state) first(d *policy.Document, from *policy.Section, l link, absolute bool) ([]*policy.Section, string) {
	switch l.kind {
	case linkNamed:
		switch l.level {
		case levelArticle:
			// 第5条 is an article of the main provisions, even when cited
			// from a 附則: the 附則's own articles are 附則第2条.
			return one(find(d.Root, func(s *policy.Section) bool {
				return s.Style == policy.StyleArticle && s.Number.Equal(l.num) && supplementOf(s) == nil
			})), ""
		case levelPart, levelChapter, levelSection, levelSubsection, levelDivision:
			// 第1節 alone is a 節 of the chapter the reference stands in.
			style := levelStyles[l.level]
			match := func(s *policy.Section) bool { return s.Style == style && s.Number.Equal(l.num) }
			for a := from; a != nil && !absolute; a = a.Parent {
				if a.Style.Group() && a.Style != style {
					if s := find(a, match); s != nil {
						return []*policy.Section{s}, ""
					}
				}
			}
			return one(find(d.Root, match)), ""
		case levelClause:
			a := enclosingProvision(from)
			if a == nil {
				return nil, i18n.T("第N項 without an article stands outside any article: this text has no 条 whose 項 it could be")
			}
			return below(a, l), ""
		case levelItem:
			c := enclosingClause(from)
			if c == nil {
				return nil, i18n.T("第N号 without an article stands outside any article: this text has no 条 or 項 whose 号 it could be")
			}
			return below(c, l), ""
		case levelForm:
			if l.form {
				return one(find(d.Root, func(s *policy.Section) bool { return isForm(s, l) })), ""
			}
			return one(find(d.Root, func(s *policy.Section) bool { return s.Style == l.style && s.Number.Equal(l.num) })), ""
		case levelTable:
			return one(find(d.Root, func(s *policy.Section) bool { return s.Style == l.style && s.Number.Equal(l.num) })), ""
		case levelSupplement:
			if s := enclosing(from, policy.StyleSupplement); s != nil {
				return []*policy.Section{s}, ""
			}
			return one(find(d.Root, func(s *policy.Section) bool { return s.Style == policy.StyleSupplement })), ""
		case levelMain:
			return []*policy.Section{d.Root}, ""
		}
		return nil, ""
	case linkOutline:
		// Outline numbers: the nearest enclosing scope that has the number.
		match := func(s *policy.Section) bool { return matches(s, l) }
		if absolute || from == nil {
			return one(shallowest(d.Root, match)), ""
		}
		if cs := st.outlineCandidates(from, l); len(cs) > 0 {
			return cs[:1], ""
		}
		return nil, ""
	}
	return st.relative(d, from, l)
}

// outlineCandidates lists the sections an outline number may name from
// where a reference stands, nearest scope first: the children of the
// sections around it that carry the number.
func (st *state) outlineCandidates(from *policy.Section, l link) []*policy.Section {
	var out, around []*policy.Section
	for a := from; a != nil; a = a.Parent {
		for _, c := range a.Children {
			if !matches(c, l) {
				continue
			}
			if st.up && contains(c, from) {
				// 上記1 in item 1. under 2.: 上記 looks up, past the item
				// it stands in, to the 1 above; the item itself only when
				// there is none (ref/self).
				around = append(around, c)
				continue
			}
			out = append(out, c)
		}
	}
	return append(out, around...)
}

// contains reports whether s is a or one of its ancestors.
func contains(s, a *policy.Section) bool {
	for ; a != nil; a = a.Parent {
		if a == s {
			return true
		}
	}
	return false
}

func one(s *policy.Section) []*policy.Section {
	if s == nil {
		return nil
	}
	return []*policy.Section{s}
}

// find is the first section under root, in document order, that matches.
func find(root *policy.Section, match func(*policy.Section) bool) *policy.Section {
	var found *policy.Section
	root.Walk(func(s *policy.Section) bool {
		if found == nil && s != root && match(s) {
			found = s
		}
		return found == nil
	})
	return found
}

// supplementOf is the 附則 a section stands in, or nil.
func supplementOf(s *policy.Section) *policy.Section {
	return enclosing(s, policy.StyleSupplement)
}

func matches(s *policy.Section, l link) bool {
	switch l.style {
	case policy.StyleKatakana:
		return (s.Style == policy.StyleKatakana || s.Style == policy.StyleIroha) && kanaOf(s) == l.kana
	case policy.StyleParenKatakana:
		return s.Style == policy.StyleParenKatakana && kanaOf(s) == l.kana
	}
	if !s.Number.Equal(l.num) {
		return false
	}
	if l.style == policy.StyleDot {
		return s.Style == policy.StyleDot || s.Style == policy.StyleCloseParen
	}
	return s.Style == l.style
}

// kanaOf is the letter a section is numbered with: ア of "ア" or "(ｱ)".
func kanaOf(s *policy.Section) rune {
	for _, r := range s.Label {
		if policy.IsKatakana(r) {
			l, _ := policy.Lex(string(r), 0)
			return l.Kana
		}
	}
	return 0
}

// below resolves a link under a section: 第2項 under 第5条, (3) under 6.
func below(s *policy.Section, l link) []*policy.Section {
	switch l.kind {
	case linkEach:
		if l.level == levelClause {
			return childrenWhere(s, func(c *policy.Section) bool { return c.Style == policy.StyleClause })
		}
		return itemsOf(firstClause(s))
	case linkNamed:
		switch l.level {
		case levelClause:
			return childrenWhere(s, func(c *policy.Section) bool {
				return c.Style == policy.StyleClause && c.Number.Equal(l.num)
			})
		case levelItem:
			// 第16条第1号: the items of the article's first clause.
			return childrenWhere(firstClause(s), func(c *policy.Section) bool { return isItem(c) && c.Number.Equal(l.num) })
		case levelSubitem1, levelSubitem2:
			if l.style == policy.StyleParenKatakana {
				// 第2号(イ), 第1号ア(ア): a 細分 written in brackets is
				// the bracketed letter, never the bare one.
				return childrenWhere(s, func(c *policy.Section) bool {
					return c.Style == policy.StyleParenKatakana && kanaOf(c) == l.kana
				})
			}
			if l.level == levelSubitem2 {
				return childrenWhere(s, func(c *policy.Section) bool { return c.Style == policy.StyleParen && c.Number.Equal(l.num) })
			}
			return childrenWhere(s, func(c *policy.Section) bool {
				return (c.Style == policy.StyleIroha || c.Style == policy.StyleKatakana) && kanaOf(c) == l.kana
			})
		case levelSubitem3:
			if l.style == policy.StyleParenKatakana {
				// (ア) below (1), as municipal rules write it.
				return childrenWhere(s, func(c *policy.Section) bool {
					return c.Style == policy.StyleParenKatakana && kanaOf(c) == l.kana
				})
			}
			return childrenWhere(s, func(c *policy.Section) bool {
				return c.Style == policy.StyleParenRoman && c.Number.Equal(l.num)
			})
		case levelArticle, levelPart, levelChapter, levelSection, levelSubsection, levelDivision, levelTable, levelForm:
			// この規程第5条, 附則第2条, 第2章第1節
			inSupplement := s.Style == policy.StyleSupplement
			return one(find(s, func(c *policy.Section) bool {
				return c.Style == l.style && c.Number.Equal(l.num) && (inSupplement || supplementOf(c) == nil)
			}))
		case levelSupplement:
			return one(find(s, func(c *policy.Section) bool { return c.Style == policy.StyleSupplement }))
		}
		return nil
	}
	for _, c := range s.Children {
		if matches(c, l) {
			return []*policy.Section{c}
		}
	}
	// Through an unnumbered heading: 6 → "### 見出し" → (3).
	if found := shallowest(s, func(c *policy.Section) bool { return c != s && matches(c, l) }); found != nil {
		return []*policy.Section{found}
	}
	return nil
}

func childrenWhere(s *policy.Section, match func(*policy.Section) bool) []*policy.Section {
	if s == nil {
		return nil
	}
	var out []*policy.Section
	for _, c := range s.Children {
		if match(c) {
			out = append(out, c)
		}
	}
	return out
}

// firstClause is the clause an article's 号 belong to when none is named:
// 第16条第1号 and 第16条各号 are those of its first 項.
func firstClause(s *policy.Section) *policy.Section {
	if s != nil && s.Style == policy.StyleArticle && len(s.Children) > 0 && s.Children[0].Kind == policy.KindImplicit {
		return s.Children[0]
	}
	return s
}

func isItem(s *policy.Section) bool {
	return s.Style == policy.StyleParen || s.Style == policy.StyleKanji
}

func itemsOf(s *policy.Section) []*policy.Section {
	return childrenWhere(s, isItem)
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

// enclosingProvision is the article a 第N項 is counted in, or the 附則
// whose provisions are numbered 1, 2, 3 without articles.
func enclosingProvision(s *policy.Section) *policy.Section {
	for ; s != nil; s = s.Parent {
		if s.Style == policy.StyleArticle || s.Style == policy.StyleSupplement {
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
		if s.Style == policy.StyleArticle {
			return firstClause(s)
		}
		if s.Style == policy.StyleSupplement {
			return s
		}
	}
	return nil
}

// enclosingItem is the 号 a reference stands in, for 前号: the outermost
// numbered item below its 項 (or heading), so that 前号 in 第2号イ is
// 第1号, not a letter before イ.
func enclosingItem(s *policy.Section) *policy.Section {
	if enclosing(s, policy.StyleArticle) == nil {
		// An outline without articles (1. (1) ①): 前号 in ② is ①, as
		// its drafters mean it.
		for ; s != nil; s = s.Parent {
			if s.Numbered() && s.Kind != policy.KindHeading && s.Style != policy.StyleClause && !s.Style.Group() && s.Style != policy.StyleSupplement {
				return s
			}
		}
		return nil
	}
	var item *policy.Section
	for ; s != nil; s = s.Parent {
		if s.Kind == policy.KindHeading || s.Style == policy.StyleClause || s.Style == policy.StyleArticle ||
			s.Style.Group() || s.Style == policy.StyleSupplement || s.Style == policy.StyleDot && item != nil {
			// A 1. of an outline is its 項 when (1) stands below it.
			break
		}
		if s.Numbered() {
			item = s
		}
	}
	return item
}

// enclosingAt is the section of a level a reference stands in.
func enclosingAt(s *policy.Section, lv level) *policy.Section {
	switch lv {
	case levelArticle:
		return enclosing(s, policy.StyleArticle)
	case levelClause:
		return enclosingClause(s)
	case levelItem:
		return enclosingItem(s)
	case levelSupplement:
		return enclosing(s, policy.StyleSupplement)
	}
	if style, ok := levelStyles[lv]; ok {
		return enclosing(s, style)
	}
	return nil
}

// levelWord names a level in the reader's language.
func levelWord(lv level) string {
	switch lv {
	case levelPart:
		return i18n.T("part (編)")
	case levelChapter:
		return i18n.T("chapter (章)")
	case levelSection:
		return i18n.T("section (節)")
	case levelSubsection:
		return i18n.T("subsection (款)")
	case levelDivision:
		return i18n.T("division (目)")
	case levelArticle, levelClause:
		return i18n.T("article")
	case levelItem:
		return i18n.T("numbered item")
	case levelTable:
		return i18n.T("appended table (別表)")
	case levelSupplement:
		return "附則"
	}
	return i18n.T("section")
}

// relative resolves 前条, 次項, 同号, 前各号, 前二項, 各号, この条, この規程.
func (st *state) relative(d *policy.Document, from *policy.Section, l link) ([]*policy.Section, string) {
	word := st.text[l.start:l.end]
	switch l.kind {
	case linkHere:
		if l.level == levelDocument {
			return []*policy.Section{d.Root}, ""
		}
	case linkEach:
		// 各号 alone: the items of the clause the reference stands in.
		if l.level == levelClause {
			a := enclosingProvision(from)
			if a == nil {
				return nil, i18n.Sprintf("%s stands outside any article", word)
			}
			return below(a, l), ""
		}
		c := enclosingClause(from)
		if c == nil {
			return nil, i18n.Sprintf("%s stands outside any article", word)
		}
		return itemsOf(c), ""
	case linkSame:
		if m, ok := st.named[l.level]; ok && m.sec != nil {
			return []*policy.Section{m.sec}, ""
		}
		// 同条 names what was named before it, never the provision it
		// stands in (that is この条, 本条): with nothing before, it is
		// unresolved, not a guess.
		return nil, i18n.Sprintf("%s has nothing before it to refer to", word)
	}
	cur := enclosingAt(from, l.level)
	if cur == nil && l.level == levelClause && (l.kind == linkPrev || l.kind == linkNext || l.kind == linkPrevN) && !hasArticles(d) {
		// 前項, 次項 in an outline without articles (a 要綱 or 手順
		// written 1., 2., 3.): its numbered sections are its 項.
		for a := from; a != nil && cur == nil; a = a.Parent {
			if a.Style == policy.StyleDot {
				cur = a
			}
		}
	}
	if cur == nil && l.kind == linkHere {
		// この節, この項 in an outline document: the section it stands in.
		for a := from; a != nil && cur == nil; a = a.Parent {
			if a.Kind == policy.KindHeading || a.Numbered() {
				cur = a
			}
		}
	}
	if cur == nil {
		if l.kind == linkSame {
			return nil, i18n.Sprintf("%s has nothing before it to refer to", word)
		}
		return nil, i18n.Sprintf("%s stands outside any %s", word, levelWord(l.level))
	}
	if l.kind == linkHere || l.kind == linkSame {
		return []*policy.Section{cur}, ""
	}
	sibs := siblings(d, cur, l.level)
	if run := st.rs.runs()[d]; run != nil && (cur.Style == policy.StyleArticle || cur.Style == policy.StyleChapter) && supplementOf(cur) == nil {
		// 前条 at the top of a chapter file is the last article of the
		// file before it; 次章 at the end, the next file's chapter.
		sibs = nil
		for _, x := range run {
			sibs = append(sibs, siblings(x, cur, l.level)...)
		}
	}
	idx := -1
	for i, s := range sibs {
		if s == cur {
			idx = i
		}
	}
	unit := unitOf(l.level)
	switch {
	case l.kind == linkPrev && l.count == 2: // 前々条
		if idx < 2 {
			return nil, i18n.Sprintf("%s: only %d %s before it", word, max(idx, 0), unit)
		}
		return sibs[idx-2 : idx-1], ""
	case l.kind == linkPrev:
		if idx <= 0 {
			return nil, i18n.Sprintf("%s stands in the first %s: there is none before it", word, unit)
		}
		return sibs[idx-1 : idx], ""
	case l.kind == linkNext:
		if idx < 0 || idx+1 >= len(sibs) {
			return nil, i18n.Sprintf("%s stands in the last %s: there is none after it", word, unit)
		}
		return sibs[idx+1 : idx+2], ""
	case l.count < 0: // 前各号
		if idx <= 0 {
			return nil, i18n.Sprintf("%s stands in the first %s", word, unit)
		}
		return append([]*policy.Section(nil), sibs[:idx]...), ""
	default: // 前二項
		if idx < l.count {
			return nil, i18n.Sprintf("%s: only %d %s before it", word, max(idx, 0), unit)
		}
		return append([]*policy.Section(nil), sibs[idx-l.count:idx]...), ""
	}
}

func unitOf(lv level) string {
	for u, l := range unitLevels {
		if l == lv {
			return string(u)
		}
	}
	return "section"
}

// siblings lists the articles of the document (or of one 附則), the
// groups of a level, the clauses of an article, or the items beside an
// item, in order.
// sameInstrument reports whether a bare 第N条 of from may stand in d, a
// document of its tier: a citation that names no instrument cites its
// own (法制執務), and an instrument is one file or a run of files numbered
// through (run, from's; numberingRuns). A file written in articles that
// begins its own numbering is an instrument of its own, and so is a file
// numbered 1., 2. (an outline procedure): 第3条 there is no other
// procedure's. A file with neither (a 別表 file of a 対策基準 split into
// files) may belong to any of its tier's.
func sameInstrument(from, d *policy.Document, run []*policy.Document) bool {
	if run != nil {
		return slices.Contains(run, d)
	}
	if hasArticles(from) {
		return false
	}
	for _, s := range from.Sections() {
		if s.Style == policy.StyleDot && s.Kind == policy.KindHeading {
			return false
		}
	}
	return true
}

// hasArticles reports whether a document is written in articles (第N条).
func hasArticles(d *policy.Document) bool {
	return d.Memo(articlesKey{}, func() any {
		for _, s := range d.Sections() {
			if s.Style == policy.StyleArticle {
				return true
			}
		}
		return false
	}).(bool)
}

type articlesKey struct{}

func siblings(d *policy.Document, cur *policy.Section, lv level) []*policy.Section {
	if lv == levelArticle || cur.Style.Group() && cur.Style != policy.StyleDivision && cur.Style != policy.StyleSubsection {
		var out []*policy.Section
		sup := supplementOf(cur)
		for _, s := range d.Sections() {
			if s.Style == cur.Style && supplementOf(s) == sup {
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

// remember notes what a chain named, for a 同 that follows.
func (st *state) remember(links []link, path []*policy.Section) {
	for i, l := range links {
		if i >= len(path) || path[i] == nil {
			continue
		}
		switch l.kind {
		case linkNamed, linkPrev, linkNext, linkSame, linkHere:
			st.name(l.level, mark{sec: path[i]})
		}
	}
}

// checkSelf reports a reference that names the provision it stands in:
// 上記10 inside 10, 第5条 inside 第5条 (write この条, or nothing).
func (st *state) checkSelf(r *Ref, e expr, links []link) {
	l := links[0]
	if st.host == nil || l.kind != linkNamed && l.kind != linkOutline || len(r.Targets) != 1 || r.Part != "" {
		return
	}
	if e.direction == "" && l.kind == linkOutline {
		// (1) inside (1)'s own list is a citation of a sibling; only
		// (2)に示す inside (2) itself, after its label, cites itself.
		// A particle after it (に示す, の, による) says it is cited, not
		// listed: (1) 日時、(2) 内容 enumerates, even with spaces.
		if t := r.Targets[0]; t == st.host && r.Start > t.Offset && len(links) == 1 && isHiragana(nextRune(st.text, e.end)) {
			st.fail(r, policy.RuleRefSelf, policy.Error,
				i18n.Sprintf("%s points at %s: %s", r.Text, i18n.T("the section it stands in"), t.Display()),
				selfHint(t))
		}
		return
	}
	for _, t := range r.Targets {
		if t.Style.Group() || t.Style == policy.StyleSupplement || t.Kind == policy.KindRoot {
			continue // 第2章 inside 第2章 is how a chapter names itself
		}
		// An article's own text is its 第1項, which the tree keeps as an
		// implicit child: 第1項 in it cites the 項 it stands in.
		host := st.host
		if t.Kind == policy.KindImplicit && t.Parent == host {
			host = t
		}
		for a := host; a != nil; a = a.Parent {
			if a == t {
				what := i18n.T("a section it stands in")
				if t == host {
					what = i18n.T("the section it stands in")
				}
				st.fail(r, policy.RuleRefSelf, policy.Error,
					i18n.Sprintf("%s points at %s: %s", r.Text, what, t.Display()),
					selfHint(t))
				return
			}
		}
	}
}

// selfHint says how a provision refers to itself without its number, in
// the words of 法制執務 for its kind (この条, この項, この号, この章 …); an
// outline's 1., (1) or ① has no such word, and the hint says to leave the
// number out.
func selfHint(t *policy.Section) string {
	word := ""
	switch {
	case t.Kind == policy.KindImplicit || t.Style == policy.StyleClause:
		word = "この項"
	case t.Style == policy.StyleArticle:
		word = "この条"
	case t.Style == policy.StyleKanji || t.Style == policy.StyleParen && t.Parent != nil && (t.Parent.Style == policy.StyleArticle || t.Parent.Style == policy.StyleClause || t.Parent.Kind == policy.KindImplicit):
		word = "この号"
	case t.Style == policy.StyleChapter:
		word = "この章"
	case t.Style == policy.StyleDivision:
		word = "この節"
	case t.Style == policy.StylePart:
		word = "この編"
	case t.Style == policy.StyleAppendix:
		word = "この表"
	}
	if word == "" {
		return i18n.T("a provision does not cite itself by number; leave the number out (この規定 reads as the provision itself), or check the number (was it renumbered?)")
	}
	return i18n.Sprintf("a provision does not cite itself by number; write %s, or check the number (was it renumbered?)", word)
}

// checkDirection enforces 上記 and 前記 pointing up, 下記 and 後記 down.
func (st *state) checkDirection(r *Ref, e expr) {
	if e.direction == "" || len(r.Targets) == 0 {
		return
	}
	t := r.Targets[len(r.Targets)-1]
	switch {
	case pointsUp(e.direction) && t.Offset > r.Start:
		st.fail(r, policy.RuleRefDirection, policy.Error,
			i18n.Sprintf("%s points below: it resolves to %s at line %d, after the reference", r.Text, t.Display(), t.Line),
			i18n.Sprintf("write 下記 for a section below, or check the number (did you mean a section above line %d?)", r.Pos.Line))
	case pointsDown(e.direction) && t.Offset < r.Start:
		st.fail(r, policy.RuleRefDirection, policy.Error,
			i18n.Sprintf("%s points above: it resolves to %s at line %d, before the reference", r.Text, t.Display(), t.Line),
			i18n.T("write 上記 or 前記 for a section above, or check the number"))
	}
}

// unresolved explains a reference that resolves to nothing, suggesting
// sections elsewhere that carry the number.
func (st *state) unresolved(r *Ref, e expr, links []link, why string) {
	var msg string
	switch {
	case why != "":
		msg = i18n.Sprintf("%s does not resolve: %s", r.Text, why)
	case pointsUp(e.direction):
		msg = i18n.Sprintf("%s does not resolve: no %s above it", r.Text, describe(links))
	case pointsDown(e.direction):
		msg = i18n.Sprintf("%s does not resolve: no %s below it", r.Text, describe(links))
	default:
		msg = i18n.Sprintf("%s does not resolve: no %s in the sections around it", r.Text, describe(links))
	}
	hint := i18n.T("check the number; if the target was renumbered or removed, update the reference")
	last := links[len(links)-1]
	var cands []string
	if last.kind == linkOutline || last.kind == linkNamed && last.style != policy.StyleNone {
		for _, s := range st.d.Sections() {
			if matches(s, last) && len(cands) < 3 {
				cands = append(cands, i18n.Sprintf("%s (line %d)", s.Display(), s.Line))
			}
		}
	}
	if len(cands) > 0 {
		hint = i18n.Sprintf("sections with that number: %s", strings.Join(cands, i18n.T(", ")))
	}
	st.fail(r, policy.RuleRefUnresolved, policy.Error, msg, hint)
}

// mismatch catches a reference that resolves but to the wrong section, as
// after a renumbering: 「上記3の脅威」 where 3 is now 適用範囲 and the
// section about 脅威 is 4. The word after a list speaks of the whole list
// (「上記2及び3の手順」): when one of its members is about it, or the
// section that would be is a member already, nothing is wrong.
func (st *state) mismatch(r *Ref, e expr, end int, list []*Ref) {
	t := r.Targets[0]
	word := nounAfter(st.text[end:])
	if word == "" || t.Title == "" || strings.Contains(t.Title, word) || t.Kind != policy.KindHeading {
		return
	}
	inList := map[*policy.Section]bool{}
	for _, m := range list {
		for _, x := range m.Targets {
			if m != r && strings.Contains(x.Title, word) {
				return
			}
			inList[x] = true
		}
	}
	var better []*policy.Section
	if t.Parent != nil {
		for _, s := range t.Parent.Children {
			if s != t && s.Style == t.Style && s.Kind == policy.KindHeading && strings.Contains(s.Title, word) {
				better = append(better, s)
			}
		}
	}
	if len(better) != 1 || inList[better[0]] {
		return
	}
	b := better[0]
	suggest := strings.Replace(r.Text, labelOf(t), labelOf(b), 1)
	if suggest == r.Text {
		// Two sections carry the number (an insertion not yet renumbered):
		// the number cannot tell them apart, the numbering must.
		st.fail(r, policy.RuleRefMismatch, policy.Warning,
			i18n.Sprintf("%s resolves to %s, but the text speaks of 「%s」", r.Text, t.Display(), word),
			i18n.Sprintf("%s (line %d: %s) has the same number: policyctl renumber numbers the sections again and rewrites the reference to keep the section it pointed at", labelOf(b), b.Line, b.Title))
		return
	}
	st.fail(r, policy.RuleRefMismatch, policy.Warning,
		i18n.Sprintf("%s resolves to %s, but the text speaks of 「%s」", r.Text, t.Display(), word),
		i18n.Sprintf("did you mean %s (line %d: %s)?", suggest, b.Line, b.Title))
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
		if unicode.Is(unicode.Han, r) || policy.IsKatakana(r) {
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
		switch {
		case l.kind != linkNamed && l.kind != linkOutline:
			b.WriteString(relName(l))
		case l.level == levelItem:
			b.WriteString("第" + l.num.Key() + "号")
		case l.kana != 0 && l.style == policy.StyleParenKatakana:
			b.WriteString("(" + string(l.kana) + ")")
		case l.kana != 0:
			b.WriteString(string(l.kana))
		case l.kind == linkOutline && l.style == policy.StyleDot:
			b.WriteString(l.num.Key())
		case l.level == levelMain:
			b.WriteString("本則")
		default:
			b.WriteString(l.style.Label(l.num))
		}
	}
	return b.String()
}

func relName(l link) string {
	u := unitOf(l.level)
	switch l.kind {
	case linkPrev:
		if l.count == 2 {
			return "前々" + u
		}
		return "前" + u
	case linkNext:
		return "次" + u
	case linkSame:
		return "同" + u
	case linkHere:
		if l.level == levelDocument {
			return "この規程"
		}
		return "この" + u
	case linkEach:
		return "各" + u
	case linkPrevN:
		if l.count < 0 {
			return "前各" + u
		}
		return "前" + policy.KanjiNumeral(l.count) + u
	}
	return ""
}
