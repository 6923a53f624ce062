package renumber

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"golang.org/x/text/width"

	"github.com/policyctl/policyctl/internal/i18n"
	"github.com/policyctl/policyctl/internal/policy"
)

// relabel changes the label a section is written with to its new number.
func (pl *planner) relabel(s *policy.Section, num policy.Number) {
	d := s.Doc
	body := d.Body()
	if shared(s) {
		// Written once for all of them (第6条から第8条まで　削除, ２・３
		// （略））: the label is rewritten when every one has its number.
		if pl.shared == nil {
			pl.shared = map[ast.Node]*policy.Section{}
		}
		if _, ok := pl.shared[s.Node]; !ok {
			pl.shared[s.Node] = s
			pl.sharedOrder = append(pl.sharedOrder, s)
		}
		return
	}
	start, old, ok := labelAt(s, body)
	if !ok {
		pl.problem(d.BodyPos(s.Offset), i18n.Sprintf("cannot find the number %s of %s in the text (is it inside markup?); renumber it by hand", s.Label, s.Display()))
		return
	}
	digits := pl.digitsNear(s)
	label, ok := writeLabel(old, s.Style, num, digits)
	if !ok {
		pl.problem(d.BodyPos(s.Offset), i18n.Sprintf("%s cannot be numbered %s in its style; renumber it by hand", s.Label, s.Style.Label(num)))
		return
	}
	if label == old {
		return
	}
	pl.p.Edits = append(pl.p.Edits, policy.Edit{File: d.Path, Start: d.BodyStart + start, End: d.BodyStart + start + len(old), New: label})
	pl.p.Numbers = append(pl.p.Numbers, Number{Section: s, Old: old, New: label})
}

// relabelShared rewrites the one label of provisions written as one —
// 第6条から第8条まで　削除, 第6条及び第7条　削除, ２・３　（略） — with their
// new numbers: each number in it names one of them, in order (a range's
// two ends the first and the last).
func (pl *planner) relabelShared(first *policy.Section) {
	d := first.Doc
	body := d.Body()
	var group []*policy.Section
	for _, c := range first.Parent.Children {
		if c.Node == first.Node && c.Kind == policy.KindParagraph {
			group = append(group, c)
		}
	}
	refuse := func() {
		pl.problem(d.BodyPos(first.Offset), i18n.Sprintf("%s is one of several provisions written as one (２・３　（略）); renumber it by hand", first.Label))
	}
	start, label, ok := labelAt(first, body)
	if !ok || len(group) < 2 {
		refuse()
		return
	}
	type token struct{ start, end int }
	var toks []token
	for i := 0; i < len(label); {
		if l, ok := policy.Lex(label, i); ok && l.NumEnd > l.NumStart && (l.Kind == policy.LabelUnit || l.Kind == policy.LabelDigits) {
			toks = append(toks, token{i, l.End})
			i = l.End
			continue
		}
		_, size := utf8.DecodeRuneInString(label[i:])
		i += size
	}
	var members []*policy.Section
	switch {
	case len(toks) == len(group):
		members = group
	case len(toks) == 2 && strings.Contains(label, "から"):
		members = []*policy.Section{group[0], group[len(group)-1]}
		for k := 1; k < len(group); k++ {
			if pl.p.number(group[k]).N != pl.p.number(group[k-1]).N+1 {
				refuse() // a range that would no longer run one by one
				return
			}
		}
	default:
		refuse()
		return
	}
	var b strings.Builder
	at := 0
	for k, t := range toks {
		m := members[k]
		num := pl.p.number(m)
		old := label[t.start:t.end]
		l, _ := policy.Lex(old, 0)
		nw, ok := writeLabel(old, m.Style, num, l.Digits)
		if !ok {
			refuse()
			return
		}
		b.WriteString(label[at:t.start])
		b.WriteString(nw)
		at = t.end
	}
	b.WriteString(label[at:])
	if nw := b.String(); nw != label {
		pl.p.Edits = append(pl.p.Edits, policy.Edit{File: d.Path, Start: d.BodyStart + start, End: d.BodyStart + start + len(label), New: nw})
		for _, m := range group {
			if !pl.p.number(m).Equal(m.Number) {
				pl.p.Numbers = append(pl.p.Numbers, Number{Section: m, Old: m.Style.Label(m.Number), New: m.Style.Label(pl.p.number(m))})
			}
		}
	}
}

// shared reports whether a section shares its block with another, as the
// provisions an excerpt elides do: ２・３　（略）.
func shared(s *policy.Section) bool {
	if s.Parent == nil || s.Node == nil || s.Kind != policy.KindParagraph {
		return false
	}
	// They stand side by side: look at the neighbours only.
	sibs := s.Parent.Children
	for i, c := range sibs {
		if c != s {
			continue
		}
		return i > 0 && sibs[i-1].Node == s.Node && sibs[i-1].Kind == policy.KindParagraph ||
			i+1 < len(sibs) && sibs[i+1].Node == s.Node && sibs[i+1].Kind == policy.KindParagraph
	}
	return false
}

// digitsNear is how a provisional 第?条 gets its digits: as the numbers
// of its siblings are written.
func (pl *planner) digitsNear(s *policy.Section) policy.Digits {
	if s.Parent != nil {
		for _, c := range s.Parent.Children {
			if c.Style == s.Style && !c.Provisional && c.Label != "" {
				if l, ok := policy.Lex(c.Label, 0); ok && l.NumEnd > l.NumStart {
					return l.Digits
				}
			}
		}
	}
	for _, c := range s.Doc.Sections() {
		if c.Style == s.Style && !c.Provisional && c.Label != "" {
			if l, ok := policy.Lex(c.Label, 0); ok && l.NumEnd > l.NumStart {
				return l.Digits
			}
		}
	}
	return policy.DigitsASCII
}

// labelAt finds the label of a section in the body: its offset and the
// label as written. A heading's follows its #s, a list item's its marker;
// an ordered list item's label is the marker itself.
func labelAt(s *policy.Section, body []byte) (int, string, bool) {
	off := s.Offset
	if off < 0 || off > len(body) {
		return 0, "", false
	}
	end := off + bytes.IndexByte(body[off:], '\n')
	if end < off {
		end = len(body)
	}
	line := body[off:end]
	p := 0
	switch s.Kind {
	case policy.KindHeading:
		for p < len(line) && line[p] == '#' {
			p++
		}
	case policy.KindItem:
		if l, ok := s.Node.Parent().(*ast.List); ok && l.IsOrdered() {
			q := p
			for q < len(line) && line[q] >= '0' && line[q] <= '9' {
				q++
			}
			if q == p || q >= len(line) || line[q] != '.' && line[q] != ')' {
				return 0, "", false
			}
			return off + p, string(line[p : q+1]), true
		}
		if p < len(line) && strings.ContainsRune("-*+", rune(line[p])) {
			p++
		}
	}
	for p < len(line) {
		r, size := utf8.DecodeRune(line[p:])
		if r != ' ' && r != '\t' && r != '　' {
			break
		}
		p += size
	}
	if s.Kind == policy.KindParagraph {
		// **第1条**: the label set in bold; the markup stays as written.
		for p < len(line) && (line[p] == '*' || line[p] == '_') {
			p++
		}
	}
	if s.Label == "" || !bytes.HasPrefix(line[p:], []byte(s.Label)) {
		return 0, "", false
	}
	return off + p, s.Label, true
}

// writeLabel writes a number the way label wrote its own: 第十二条 stays
// kanji, （１） full-width, ｱ half-width, ② circled. style is the
// section's (it decides the order of a katakana letter); digits are used
// for a provisional 第?条.
func writeLabel(label string, style policy.Style, num policy.Number, digits policy.Digits) (string, bool) {
	if rest, ok := strings.CutPrefix(label, "第"); ok && (strings.HasPrefix(rest, "?") || strings.HasPrefix(rest, "？")) {
		_, size := utf8.DecodeRuneInString(rest)
		unit := rest[size:]
		return "第" + policy.FormatNumber(num.N, digits) + unit + branches(num, digits), true
	}
	l, ok := policy.Lex(label, 0)
	if !ok {
		// An ordered list's marker: 3. or 3)
		if n := strings.TrimRight(label, ".)"); n != label && isASCIINumber(n) {
			return itoa(num.N) + label[len(n):], true
		}
		return "", false
	}
	switch l.Kind {
	case policy.LabelUnit, policy.LabelAppendix, policy.LabelForm:
		if l.NumEnd <= l.NumStart {
			return label, len(num.Sub) == 0 && num.N == 1
		}
		// The words between the number and its branches (条, 号) and
		// after them (様式 of 第1号様式) stay.
		return label[:l.NumStart] + policy.FormatNumber(num.N, l.Digits) + label[l.NumEnd:l.SubStart] + branches(num, l.Digits) + label[l.SubEnd:], true
	case policy.LabelDigits, policy.LabelParen:
		if len(num.Sub) > 0 {
			return "", false
		}
		return label[:l.NumStart] + policy.FormatNumber(num.N, l.Digits) + label[l.NumEnd:], true
	case policy.LabelKanji:
		return label[:l.NumStart] + policy.KanjiNumeral(num.N) + branches(num, policy.DigitsKanji) + label[l.SubEnd:], true
	case policy.LabelCircled:
		if len(num.Sub) > 0 || num.N > 50 {
			return "", false
		}
		return label[:l.NumStart] + policy.StyleCircled.Label(policy.Number{N: num.N}) + label[l.NumEnd:], true
	case policy.LabelKana, policy.LabelParenKana:
		order := policy.StyleKatakana
		if style == policy.StyleIroha {
			order = policy.StyleIroha
		}
		r, ok := policy.KanaLetter(order, num.N)
		if !ok || len(num.Sub) > 0 {
			return "", false
		}
		letter := string(r)
		if old, _ := utf8.DecodeRuneInString(label[l.NumStart:]); old >= 0xFF66 && old <= 0xFF9D {
			letter = width.Narrow.String(letter)
		}
		return label[:l.NumStart] + letter + label[l.NumEnd:], true
	case policy.LabelParenRoman:
		if len(num.Sub) > 0 || num.N > 39 {
			return "", false
		}
		old := label[l.NumStart:l.NumEnd]
		rn := roman(num.N)
		if strings.ToUpper(old) == old {
			rn = strings.ToUpper(rn)
		}
		if r, _ := utf8.DecodeRuneInString(old); r >= 0xFF01 {
			rn = width.Widen.String(rn)
		}
		return label[:l.NumStart] + rn + label[l.NumEnd:], true
	case policy.LabelSupplement:
		return label, true
	}
	return "", false
}

func branches(num policy.Number, digits policy.Digits) string {
	var b strings.Builder
	for _, s := range num.Sub {
		b.WriteString("の")
		b.WriteString(policy.FormatNumber(s, digits))
	}
	return b.String()
}

func isASCIINumber(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

func itoa(n int) string { return policy.FormatNumber(n, policy.DigitsASCII) }

func roman(n int) string {
	var b strings.Builder
	for _, p := range []struct {
		v int
		s string
	}{{10, "x"}, {9, "ix"}, {5, "v"}, {4, "iv"}, {1, "i"}} {
		for n >= p.v {
			b.WriteString(p.s)
			n -= p.v
		}
	}
	return b.String()
}
