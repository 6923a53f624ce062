package kaimebun

// The round trip: a reader of 改め文 applies them to the old text by hand;
// this file does the same, reading only the 改め文 and the old provisions,
// and the result must be the new text, provision by provision. It is the
// oracle of every test of this package, and shares no code with the
// writer beyond policy's numbering.

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/policyctl/policyctl/internal/policy"
)

type aunit struct {
	path    []string
	style   policy.Style
	label   string // as written in its text
	caption string
	body    string
}

func (u *aunit) addr() string { return strings.Join(u.path, "") }

func (u *aunit) text() string {
	if u.caption == "" {
		return u.body
	}
	return u.caption + "\n" + u.body
}

type adoc struct {
	units []*aunit
}

func fromProvisions(ps []*Provision) *adoc {
	d := &adoc{}
	for _, p := range ps {
		d.units = append(d.units, &aunit{path: append([]string(nil), p.Path...), style: p.Style, label: p.Label, caption: p.Caption, body: p.Body})
	}
	return d
}

func (d *adoc) text() string {
	var parts []string
	for _, u := range d.units {
		parts = append(parts, u.text())
	}
	return strings.Join(parts, "\n")
}

func (d *adoc) find(addr string) int {
	for i, u := range d.units {
		if u.addr() == addr {
			return i
		}
	}
	return -1
}

// longest finds the unit whose address is the longest prefix of s.
func (d *adoc) longest(s string) (int, string) {
	best, rest := -1, s
	for i, u := range d.units {
		a := u.addr()
		if strings.HasPrefix(s, a) && (best < 0 || len(a) > len(d.units[best].addr())) {
			best, rest = i, s[len(a):]
		}
	}
	return best, rest
}

func isUnder(path, root []string) bool {
	if len(path) < len(root) {
		return false
	}
	for i := range root {
		if path[i] != root[i] {
			return false
		}
	}
	return true
}

func (d *adoc) subtree(i int) []int {
	out := []int{i}
	for j := i + 1; j < len(d.units) && isUnder(d.units[j].path, d.units[i].path); j++ {
		out = append(out, j)
	}
	return out
}

// applyAll reads a whole 改め文 and applies it to the old documents (by
// title); it returns the documents' texts afterwards and the 施行日.
func applyAll(text string, olds map[string]*adoc) (map[string]string, string, error) {
	out := map[string]string{}
	lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
	var cur *adoc
	var title string
	finish := func() {
		if cur != nil {
			out[title] = cur.text()
		}
		cur = nil
	}
	block := func(i int) (string, int) {
		var b []string
		for i+1 < len(lines) && strings.HasPrefix(lines[i+1], "　　") && lines[i+1] != "　　　附　則" {
			i++
			b = append(b, strings.TrimPrefix(lines[i], "　　"))
		}
		return strings.Join(b, "\n"), i
	}
	date := ""
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		switch {
		case line == "" || line == "改正する規定はありません。" || strings.HasPrefix(line, "※") || strings.HasPrefix(line, "（") && strings.HasSuffix(line, "）"):
			continue
		case line == "　　　附　則":
			finish()
			if i+1 < len(lines) {
				date = lines[i+1]
			}
			return out, date, nil
		case !strings.HasPrefix(line, "　"):
			finish()
			head := line
			if k := strings.Index(head, "条　"); strings.HasPrefix(head, "第") && k > 0 {
				head = head[k+len("条　"):]
			}
			switch {
			case strings.HasSuffix(head, "の一部を次のように改正する。"):
				title = strings.TrimSuffix(head, "の一部を次のように改正する。")
				cur = olds[title]
				if cur == nil {
					return nil, "", fmt.Errorf("line %d: no document %q", i+1, title)
				}
			case strings.HasSuffix(head, "の全部を次のように改正する。"), strings.HasSuffix(head, "を次のように定める。"):
				title = strings.TrimSuffix(strings.TrimSuffix(head, "の全部を次のように改正する。"), "を次のように定める。")
				var b string
				b, i = block(i)
				out[title] = b
			case strings.HasSuffix(head, "は、廃止する。"):
				out[strings.TrimSuffix(head, "は、廃止する。")] = ""
			default:
				return nil, "", fmt.Errorf("line %d: not a sentence a 改め文 begins with: %q", i+1, line)
			}
		default:
			if cur == nil {
				return nil, "", fmt.Errorf("line %d: a sentence outside a document", i+1)
			}
			s := strings.TrimPrefix(line, "　")
			var b string
			if strings.HasSuffix(s, "次のように改める。") || strings.HasSuffix(s, "を加える。") && !strings.Contains(s, "中「") || strings.HasSuffix(s, "次のように加える。") {
				b, i = block(i)
			}
			if err := cur.sentence(s, b); err != nil {
				return nil, "", fmt.Errorf("line %d: %q: %w", i+1, line, err)
			}
		}
	}
	finish()
	return out, date, nil
}

func (d *adoc) sentence(s, block string) error {
	// 「…とし、Xの次に次の一条を加える。」, 「…ずつ繰り下げ、X…」: a
	// renumbering and the addition that takes the number it freed.
	if (strings.HasSuffix(s, "を加える。") || strings.HasSuffix(s, "次のように加える。")) && !strings.Contains(s, "中「") {
		for _, sep := range []struct{ join, end string }{{"ずつ繰り下げ、", "ずつ繰り下げる。"}, {"とし、", "とする。"}} {
			k := strings.LastIndex(s, sep.join)
			if k < 0 {
				continue
			}
			first, second := s[:k]+sep.end, s[k+len(sep.join):]
			if strings.HasPrefix(second, "同条") {
				a := strings.Index(first, "条")
				second = first[:a+len("条")] + strings.TrimPrefix(second, "同条")
			}
			if strings.HasPrefix(second, "同項") {
				a := strings.Index(first, "条") + len("条")
				c := strings.Index(first[a:], "項")
				second = first[:a+c+len("項")] + strings.TrimPrefix(second, "同項")
			}
			if err := d.sentence(first, ""); err != nil {
				return err
			}
			return d.sentence(second, block)
		}
	}
	at, rest := d.longest(s)
	if at < 0 {
		return fmt.Errorf("no provision has the address it begins with")
	}
	// 「第三条、第四条及び第五条中…」: one change in several provisions.
	addrs := []string{d.units[at].addr()}
	for {
		if strings.HasPrefix(rest, "第一項、") || strings.HasPrefix(rest, "第一項及び") {
			addrs[len(addrs)-1] += "第一項"
			rest = strings.TrimPrefix(rest, "第一項")
		}
		sep := ""
		for _, x := range []string{"、", "及び"} {
			if strings.HasPrefix(rest, x) {
				sep = x
			}
		}
		if sep == "" {
			break
		}
		j, r := d.longest(strings.TrimPrefix(rest, sep))
		if j < 0 {
			break
		}
		addrs = append(addrs, d.units[j].addr())
		rest = r
	}
	if len(addrs) > 1 {
		for _, a := range addrs {
			if err := d.sentence(a+rest, block); err != nil {
				return err
			}
		}
		return nil
	}
	u := d.units[at]
	switch {
	case strings.HasPrefix(rest, "の見出しを「") && strings.HasSuffix(rest, "」に改める。"):
		if u.caption == "" {
			return fmt.Errorf("%s has no 見出し", u.addr())
		}
		u.caption = strings.TrimSuffix(strings.TrimPrefix(rest, "の見出しを「"), "」に改める。")
		return nil
	case strings.HasPrefix(rest, "の見出し中"):
		caption := []*string{&u.caption}
		return amend(strings.TrimPrefix(rest, "の見出し中"), caption)
	case strings.HasPrefix(rest, "第一項中"):
		scope := []*string{&u.body}
		for _, j := range d.subtree(at)[1:] {
			if !strings.HasSuffix(d.units[j].path[len(u.path)], "項") {
				scope = append(scope, &d.units[j].body, &d.units[j].caption)
			}
		}
		return amend(strings.TrimPrefix(rest, "第一項中"), scope)
	case strings.HasPrefix(rest, "中"):
		scope := []*string{&u.body}
		for _, j := range d.subtree(at)[1:] {
			scope = append(scope, &d.units[j].body, &d.units[j].caption)
		}
		return amend(strings.TrimPrefix(rest, "中"), scope)
	case rest == "を削る。":
		n := len(d.subtree(at))
		d.units = append(d.units[:at], d.units[at+n:]...)
		return nil
	case rest == "を次のように改める。":
		n := len(d.subtree(at))
		u.caption, u.body = splitCaption(u.style, block)
		d.units = append(d.units[:at+1], d.units[at+n:]...)
		return nil
	case strings.HasPrefix(rest, "から"):
		return d.run(at, strings.TrimPrefix(rest, "から"))
	case strings.HasPrefix(rest, "を") && strings.HasSuffix(rest, "とする。"):
		return d.renames(s)
	case strings.HasPrefix(rest, "の次に"), strings.HasPrefix(rest, "の前に"), strings.HasPrefix(rest, "に次の"):
		return d.add(at, rest, block)
	}
	return fmt.Errorf("no form of 改め文 reads %q", rest)
}

// amend applies the clauses after 「…中」 to every text of the scope: a
// phrase quoted is every occurrence of it there.
func amend(s string, scope []*string) error {
	quoted := func() (string, error) {
		if !strings.HasPrefix(s, "「") {
			return "", fmt.Errorf("expected 「 at %q", s)
		}
		depth := 0
		for i, r := range s {
			switch r {
			case '「':
				depth++
			case '」':
				depth--
				if depth == 0 {
					q := s[len("「"):i]
					s = s[i+len("」"):]
					return q, nil
				}
			}
		}
		return "", fmt.Errorf("unclosed 「")
	}
	replace := func(a, b string) error {
		n := 0
		for _, t := range scope {
			n += strings.Count(*t, a)
			*t = strings.ReplaceAll(*t, a, b)
		}
		if n == 0 {
			return fmt.Errorf("「%s」 is not in the provision", a)
		}
		return nil
	}
	eat := func(p string) bool {
		if strings.HasPrefix(s, p) {
			s = s[len(p):]
			return true
		}
		return false
	}
	for {
		a, err := quoted()
		if err != nil {
			return err
		}
		switch {
		case eat("を「"):
			s = "「" + s
			b, err := quoted()
			if err != nil {
				return err
			}
			if err := replace(a, b); err != nil {
				return err
			}
			if !eat("に") {
				return fmt.Errorf("expected に after 「%s」", b)
			}
			switch {
			case strings.HasPrefix(s, "、「"):
				s = s[len("、"):]
				continue
			case eat("改め、"):
				continue
			case eat("改める。"):
				return tail(s)
			}
			return fmt.Errorf("expected 改める at %q", s)
		case eat("を削り、"):
			if err := replace(a, ""); err != nil {
				return err
			}
		case eat("を削る。"):
			if err := replace(a, ""); err != nil {
				return err
			}
			return tail(s)
		default:
			if strings.HasPrefix(s, "の下に「") || strings.HasPrefix(s, "の上に「") {
				after := strings.HasPrefix(s, "の下に")
				s = s[len("の下に"):]
				b, err := quoted()
				if err != nil {
					return err
				}
				with := b + a
				if after {
					with = a + b
				}
				if err := replace(a, with); err != nil {
					return err
				}
				switch {
				case eat("を加え、"):
					continue
				case eat("を加える。"):
					return tail(s)
				}
				return fmt.Errorf("expected を加える at %q", s)
			}
			return fmt.Errorf("no clause reads %q", s)
		}
	}
}

func tail(s string) error {
	if s != "" {
		return fmt.Errorf("text after the end of the sentence: %q", s)
	}
	return nil
}

func splitCaption(style policy.Style, text string) (string, string) {
	if style == policy.StyleArticle {
		if first, rest, ok := strings.Cut(text, "\n"); ok && (strings.HasPrefix(first, "（") && strings.HasSuffix(first, "）")) {
			return first, rest
		}
	}
	return "", text
}

// renames reads 「AをBとし、CをDとする。」 and gives each provision its new
// number, in its address and in its text.
func (d *adoc) renames(s string) error {
	s = strings.TrimSuffix(s, "とする。")
	for _, part := range strings.Split(s, "とし、") {
		at, rest := d.longest(part)
		if at < 0 || !strings.HasPrefix(rest, "を") {
			return fmt.Errorf("cannot read %q", part)
		}
		u := d.units[at]
		target := strings.TrimPrefix(rest, "を")
		if strings.HasPrefix(target, "同項") {
			k := -1
			for i, seg := range u.path {
				if strings.HasSuffix(seg, "項") {
					k = i
				}
			}
			if k < 0 {
				return fmt.Errorf("同項 without a 項 in %q", part)
			}
			target = strings.Join(u.path[:k+1], "") + strings.TrimPrefix(target, "同項")
		}
		if strings.HasPrefix(target, "同条") {
			k := -1
			for i, seg := range u.path {
				if strings.HasSuffix(seg, "条") || strings.Contains(seg, "条の") {
					k = i
				}
			}
			if k < 0 {
				return fmt.Errorf("同条 without a 条 in %q", part)
			}
			target = strings.Join(u.path[:k+1], "") + strings.TrimPrefix(target, "同条")
		}
		parent := strings.Join(u.path[:len(u.path)-1], "")
		if !strings.HasPrefix(target, parent) {
			return fmt.Errorf("%q moves %s to another parent", part, u.addr())
		}
		if err := d.renumber(at, strings.TrimPrefix(target, parent)); err != nil {
			return err
		}
	}
	return nil
}

func (d *adoc) renumber(at int, seg string) error {
	u := d.units[at]
	newPath := append(append([]string(nil), u.path[:len(u.path)-1]...), seg)
	if d.find(strings.Join(newPath, "")) >= 0 {
		return fmt.Errorf("%s is taken", strings.Join(newPath, ""))
	}
	n, sub, ok := segmentNumber(seg)
	if !ok {
		return fmt.Errorf("cannot read the number of %q", seg)
	}
	written := relabelWritten(u.label, n, sub)
	if u.label != "" {
		if !strings.Contains(u.body, u.label) {
			return fmt.Errorf("%s: its number %q is not in its text", u.addr(), u.label)
		}
		u.body = strings.Replace(u.body, u.label, written, 1)
		u.label = written
	}
	depth := len(u.path)
	for _, j := range d.subtree(at) {
		d.units[j].path = append(append([]string(nil), newPath...), d.units[j].path[depth:]...)
	}
	return nil
}

// run reads 「第四条から第八条までを一条ずつ繰り下げる。」.
func (d *adoc) run(at int, rest string) error {
	i := strings.Index(rest, "までを一")
	if i < 0 {
		return fmt.Errorf("no までを in %q", rest)
	}
	lastSeg := rest[:i]
	rest = rest[i+len("までを一"):]
	var delta int
	switch {
	case strings.HasSuffix(rest, "ずつ繰り下げる。"):
		delta = 1
	case strings.HasSuffix(rest, "ずつ繰り上げる。"):
		delta = -1
	default:
		return fmt.Errorf("neither 繰り下げる nor 繰り上げる: %q", rest)
	}
	u := d.units[at]
	parent := u.path[:len(u.path)-1]
	from, _, ok1 := segmentNumber(u.path[len(u.path)-1])
	to, _, ok2 := segmentNumber(lastSeg)
	if !ok1 || !ok2 {
		return fmt.Errorf("cannot read the numbers of %q", rest)
	}
	kind := strings.TrimSuffix(strings.TrimSuffix(rest, "ずつ繰り下げる。"), "ずつ繰り上げる。")
	order := []int{}
	for n := from; n <= to; n++ {
		order = append(order, n)
	}
	if delta > 0 {
		for l, r := 0, len(order)-1; l < r; l, r = l+1, r-1 {
			order[l], order[r] = order[r], order[l]
		}
	}
	for _, n := range order {
		seg := "第" + policy.KanjiNumeral(n) + kind
		j := d.find(strings.Join(parent, "") + seg)
		if j < 0 {
			return fmt.Errorf("no %s%s", strings.Join(parent, ""), seg)
		}
		if err := d.renumber(j, "第"+policy.KanjiNumeral(n+delta)+kind); err != nil {
			return err
		}
	}
	return nil
}

// add reads 「Xの次に次の一条を加える。」, 「Xの前に…」, 「Xに次の一項を加える。」.
func (d *adoc) add(at int, rest, block string) error {
	if block == "" {
		return fmt.Errorf("nothing to add")
	}
	u := d.units[at]
	var parent []string
	var pos int
	switch {
	case strings.HasPrefix(rest, "の次に"):
		parent = u.path[:len(u.path)-1]
		sub := d.subtree(at)
		pos = sub[len(sub)-1] + 1
	case strings.HasPrefix(rest, "の前に"):
		parent = u.path[:len(u.path)-1]
		pos = at
	default:
		parent = u.path
		sub := d.subtree(at)
		pos = sub[len(sub)-1] + 1
	}
	inArticle := false
	for _, seg := range parent {
		if strings.Contains(seg, "条") {
			inArticle = true
		}
	}
	first := block
	if f, r, ok := strings.Cut(block, "\n"); ok {
		first = f
		if strings.HasPrefix(f, "（") && strings.HasSuffix(f, "）") {
			first, _, _ = strings.Cut(r, "\n")
		}
	}
	nb, ok := policy.ParseNumbered(first, inArticle)
	nu := &aunit{}
	var seg string
	if ok {
		nu.style, nu.label = nb.Style, nb.Label
		seg = segmentOf(nb.Style, nb.Num, nb.Label, parent)
	} else {
		seg = first
	}
	nu.path = append(append([]string(nil), parent...), seg)
	nu.caption, nu.body = splitCaption(nu.style, block)
	if d.find(nu.addr()) >= 0 {
		return fmt.Errorf("%s exists already", nu.addr())
	}
	d.units = append(d.units[:pos], append([]*aunit{nu}, d.units[pos:]...)...)
	return nil
}

// segmentOf writes the address segment of a number read from a text.
func segmentOf(style policy.Style, n policy.Number, label string, parent []string) string {
	k := policy.KanjiNumeral
	inArticle := len(parent) > 0 && strings.ContainsAny(parent[len(parent)-1], "条項")
	switch style {
	case policy.StyleArticle:
		s := "第" + k(n.N) + "条"
		for _, x := range n.Sub {
			s += "の" + k(x)
		}
		return s
	case policy.StyleClause:
		return "第" + k(n.N) + "項"
	case policy.StyleChapter:
		return "第" + k(n.N) + "章"
	case policy.StyleDivision:
		return "第" + k(n.N) + "節"
	case policy.StyleAppendix:
		return "別表第" + k(n.N)
	case policy.StyleSupplement:
		return "附則"
	case policy.StyleDot:
		return strconv.Itoa(n.N)
	case policy.StyleParen, policy.StyleKanji:
		if inArticle {
			return "第" + k(n.N) + "号"
		}
	}
	return style.Label(n)
}

// segmentNumber reads the number of an address segment: 第二十五条の二,
// 第三項, (10), 6, ③, イ.
func segmentNumber(seg string) (int, []int, bool) {
	trim := func(s string) string {
		for _, x := range []string{"別表第", "第"} {
			s = strings.TrimPrefix(s, x)
		}
		return s
	}
	s := trim(seg)
	for _, unit := range []string{"条", "項", "号", "章", "節"} {
		if i := strings.Index(s, unit); i > 0 {
			n, ok := policy.ParseNumeral(s[:i])
			if !ok {
				return 0, nil, false
			}
			var sub []int
			for _, x := range strings.Split(s[i+len(unit):], "の")[1:] {
				v, ok := policy.ParseNumeral(x)
				if !ok {
					return 0, nil, false
				}
				sub = append(sub, v)
			}
			return n, sub, true
		}
	}
	if strings.HasPrefix(seg, "別表第") {
		n, ok := policy.ParseNumeral(s)
		return n, nil, ok
	}
	inner := strings.Trim(seg, "()（）")
	if n, ok := policy.ParseNumeral(inner); ok {
		return n, nil, true
	}
	r, _ := utf8.DecodeRuneInString(inner)
	if n := policy.CircledNumber(r); n > 0 {
		return n, nil, true
	}
	if n := policy.KatakanaNumber(r); n > 0 {
		return n, nil, true
	}
	return 0, nil, false
}

// relabelWritten writes a new number in the way the old one was written
// (第21条 → 第22条, ２ → ３, (7) → (8), ⑤ → ⑥).
func relabelWritten(old string, n int, sub []int) string {
	digits := func(v int) string { return strconv.Itoa(v) }
	switch {
	case strings.ContainsAny(old, "０１２３４５６７８９"):
		digits = func(v int) string {
			return strings.Map(func(r rune) rune { return r - '0' + '０' }, strconv.Itoa(v))
		}
	case strings.ContainsAny(old, "一二三四五六七八九十"):
		digits = policy.KanjiNumeral
	}
	r, _ := utf8.DecodeRuneInString(old)
	switch {
	case strings.HasPrefix(old, "別表第"):
		return "別表第" + digits(n)
	case strings.HasPrefix(old, "第") && (strings.HasSuffix(old, "章") || strings.HasSuffix(old, "節")):
		_, size := utf8.DecodeLastRuneInString(old)
		return "第" + digits(n) + old[len(old)-size:]
	case strings.HasPrefix(old, "第") && strings.Contains(old, "条"):
		s := "第" + digits(n) + "条"
		for _, x := range sub {
			s += "の" + digits(x)
		}
		return s
	case policy.CircledNumber(r) > 0:
		return policy.StyleCircled.Label(policy.Number{N: n})
	case policy.KatakanaNumber(r) > 0:
		return policy.StyleKatakana.Label(policy.Number{N: n})
	case strings.HasPrefix(old, "(") && policy.KatakanaNumber([]rune(old)[1]) > 0:
		return policy.StyleParenKatakana.Label(policy.Number{N: n})
	case strings.HasPrefix(old, "("):
		return "(" + digits(n) + ")"
	case strings.HasPrefix(old, "（"):
		return "（" + digits(n) + "）"
	case strings.HasSuffix(old, ".") || strings.HasSuffix(old, "．") || strings.HasSuffix(old, ")"):
		_, size := utf8.DecodeLastRuneInString(old)
		return digits(n) + old[len(old)-size:]
	}
	return digits(n)
}
