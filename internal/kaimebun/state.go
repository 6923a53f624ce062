package kaimebun

import (
	"sort"
	"strings"

	"github.com/policyctl/policyctl/internal/diff"
)

// state follows the document as the 改め文 written so far leaves it, so
// that each sentence can be checked against the text it will meet: a
// quoted phrase once in its provision, an address that names one
// provision, a new number that no other provision holds.
type state struct {
	list []*entry
}

type entry struct {
	path []string
	text string
	orig *Provision // the old provision, nil for one added
	// named: a reader can tell its address — an old provision, or an
	// added one whose text begins with its number.
	named bool
}

func (e *entry) addr() string { return strings.Join(e.path, "") }

func newState(ps []*Provision) *state {
	st := &state{}
	for _, p := range ps {
		st.list = append(st.list, &entry{path: append([]string(nil), p.Path...), text: p.Text(), orig: p, named: true})
	}
	return st
}

func (st *state) of(o *Provision) int {
	for i, e := range st.list {
		if e.orig == o {
			return i
		}
	}
	return -1
}

func (st *state) gone(o *Provision) bool { return st.of(o) < 0 }

// subtree returns the indexes of e and every entry below it.
func (st *state) subtree(i int) []int {
	root := st.list[i].path
	out := []int{i}
	for j := i + 1; j < len(st.list) && under(st.list[j].path, root); j++ {
		out = append(out, j)
	}
	return out
}

func (st *state) remove(o *Provision) {
	i := st.of(o)
	if i < 0 {
		return
	}
	n := len(st.subtree(i))
	st.list = append(st.list[:i], st.list[i+n:]...)
}

func (st *state) replace(o *Provision, text string) {
	i := st.of(o)
	if i < 0 {
		return
	}
	n := len(st.subtree(i))
	st.list[i].text = text
	st.list = append(st.list[:i+1], st.list[i+n:]...)
}

func (st *state) set(o *Provision, _, text string) {
	if i := st.of(o); i >= 0 {
		st.list[i].text = text
	}
}

// scope says how a sentence amending o's body names it, and which texts
// that name covers: 「第五条中」 covers the article and everything below
// it, so an article with more 項 than one has its first 項 named
// 「第五条第一項中」, which covers the first 項 and its 号.
func (st *state) scope(o *Provision) (addr string, scope []string, at int) {
	i := st.of(o)
	sub := st.subtree(i)
	addr = o.Addr()
	scope = []string{o.Body}
	hasClauses := false
	for _, j := range sub[1:] {
		if strings.HasSuffix(st.list[j].path[len(o.Path)], "項") {
			hasClauses = true
		}
	}
	for _, j := range sub[1:] {
		if hasClauses && strings.HasSuffix(st.list[j].path[len(o.Path)], "項") {
			continue
		}
		scope = append(scope, st.list[j].text)
	}
	if hasClauses && Counter(o) == "条" {
		addr += "第一項"
	}
	return addr, scope, 0
}

// renaming is one sentence of a renumbering, with what joining it to the
// addition it makes room for needs: the parent of the provisions it
// renumbers, and the first number it frees (0 when it frees none).
type renaming struct {
	text   string
	parent string
	freed  int
}

// join writes a renumbering and the addition that takes the number it
// freed as one sentence, the standard form: 「第五条を第六条とし、第四条の
// 次に次の一条を加える。」, 「第二条から第六条までを一条ずつ繰り下げ、第一条
// の次に次の一条を加える。」. where is the addition's place and rest the
// words after it; where becomes 同項… or 同条… when it is in the 項 or the
// article the renumbering begins with.
func (r renaming) join(where, rest string) string {
	head := strings.TrimSuffix(r.text, "。")
	switch {
	case strings.HasSuffix(head, "とする"):
		head = strings.TrimSuffix(head, "とする") + "とし"
	case strings.HasSuffix(head, "繰り下げる"):
		head = strings.TrimSuffix(head, "る")
	}
	if k := strings.Index(head, "条"); k > 0 {
		article := head[:k+len("条")]
		clause := ""
		if c := strings.Index(head[len(article):], "項"); c >= 0 && strings.HasPrefix(head[len(article):], "第") {
			clause = head[:len(article)+c+len("項")]
		}
		switch {
		case clause != "" && strings.HasPrefix(where, clause+"第"):
			where = "同項" + strings.TrimPrefix(where, clause)
		case strings.HasPrefix(where, article+"第"):
			where = "同条" + strings.TrimPrefix(where, article)
		}
	}
	return head + "、" + where + rest
}

// renames writes the renumbering: each provision whose own number
// changed, deepest first, so that every address is the one in force
// when it is read.
func (g *gen) renames(st *state, covered map[*diff.Section]bool) ([]renaming, string) {
	type rename struct {
		o, n     *Provision
		from, to int // numbers, for ordering and runs
	}
	groups := map[string][]rename{}
	var keys []string
	depth := map[string]int{}
	for _, s := range g.oldRow {
		if g.fate[s] != keep || covered[s] {
			continue
		}
		o, n := g.oldOf[s], g.newOf[s]
		if st.gone(o) || len(o.Path) != len(n.Path) || o.Path[len(o.Path)-1] == n.Path[len(n.Path)-1] {
			continue
		}
		key := strings.Join(o.Path[:len(o.Path)-1], "")
		if _, ok := groups[key]; !ok {
			keys = append(keys, key)
			depth[key] = len(o.Path)
		}
		groups[key] = append(groups[key], rename{o, n, o.Number.N, n.Number.N})
	}
	sort.SliceStable(keys, func(i, j int) bool { return depth[keys[i]] > depth[keys[j]] })
	var out []renaming
	for _, key := range keys {
		rs := groups[key]
		// Moves down (to smaller numbers) first, front to back; then
		// moves up, back to front: no number is taken twice.
		sort.SliceStable(rs, func(i, j int) bool {
			di, dj := rs[i].to < rs[i].from, rs[j].to < rs[j].from
			if di != dj {
				return di
			}
			if di {
				return rs[i].from < rs[j].from
			}
			return rs[i].from > rs[j].from
		})
		var chain []string
		freed := 0 // the first number the chain frees; -1 when it also moves one down
		flush := func() {
			if len(chain) > 0 {
				out = append(out, renaming{strings.Join(chain, "とし、") + "とする。", key, max(freed, 0)})
				chain, freed = nil, 0
			}
		}
		for i := 0; i < len(rs); {
			// A run of three or more moved by one: 繰り上げる, 繰り下げる.
			j := i + 1
			d := rs[i].to - rs[i].from
			for j < len(rs) && (d == 1 || d == -1) && rs[j].to-rs[j].from == d && rs[j].from == rs[j-1].from-d && plain(rs[j].o) && plain(rs[j-1].o) {
				j++
			}
			if j-i >= 3 && Counter(rs[i].o) != "" {
				flush()
				first, last := rs[i], rs[j-1]
				if first.from > last.from {
					first, last = last, first
				}
				dir := "繰り下げる"
				if d < 0 {
					dir = "繰り上げる"
				}
				gap := 0
				if d > 0 {
					gap = first.from
				}
				out = append(out, renaming{first.o.Addr() + "から" + last.o.Path[len(last.o.Path)-1] + "までを一" + Counter(first.o) + "ずつ" + dir + "。", key, gap})
				for k := i; k < j; k++ {
					if why := st.rename(rs[k].o, rs[k].n); why != "" {
						return nil, why
					}
				}
				i = j
				continue
			}
			r := rs[i]
			to := r.n.Path[len(r.n.Path)-1]
			if article := articleOf(r.o.Path); article >= 0 && article < len(r.o.Path)-1 {
				// 第二条第二項第三号を同項第四号, 第二条第三項を同条第四項: the
				// nearest provision named before stands for itself.
				below := r.o.Path[article+1 : len(r.o.Path)-1]
				if n := len(below); n > 0 && strings.HasSuffix(below[0], "項") {
					to = "同項" + strings.Join(below[1:], "") + to
				} else {
					to = "同条" + strings.Join(below, "") + to
				}
			} else {
				to = strings.Join(r.o.Path[:len(r.o.Path)-1], "") + to
			}
			chain = append(chain, r.o.Addr()+"を"+to)
			switch {
			case r.to < r.from || !plain(r.o):
				freed = -1
			case freed == 0 || freed > 0 && r.from < freed:
				freed = r.from
			}
			if why := st.rename(r.o, r.n); why != "" {
				return nil, why
			}
			i++
		}
		flush()
	}
	return out, ""
}

// plain reports whether a provision's number has no branch (の二).
func plain(p *Provision) bool { return len(p.Number.Sub) == 0 }

// articleOf finds the 条 in an address, -1 when it has none.
func articleOf(path []string) int {
	for i, s := range path {
		if strings.HasSuffix(s, "条") || strings.Contains(s, "条の") {
			return i
		}
	}
	return -1
}

// rename gives o the last number of n's address, with everything below it.
func (st *state) rename(o, n *Provision) string {
	i := st.of(o)
	if i < 0 {
		return "番号を変える「" + o.Addr() + "」が見当たらない"
	}
	e := st.list[i]
	newPath := append(append([]string(nil), e.path[:len(e.path)-1]...), n.Path[len(n.Path)-1])
	target := strings.Join(newPath, "")
	for _, x := range st.list {
		if x.addr() == target {
			return "「" + o.Addr() + "」を「" + target + "」とすると番号が重なる（番号の入替えを含む）"
		}
	}
	depth := len(e.path)
	for _, j := range st.subtree(i) {
		st.list[j].path = append(append([]string(nil), newPath...), st.list[j].path[depth:]...)
	}
	e.text = relabel(e.text, o.Label, n.Label)
	return ""
}

// anchor says where an added provision goes, in the words of a 改め文:
// after its previous sibling (「第五条の次に」), before its next one
// (「第五条の前に」), or at the end of its parent (「第五条に」).
func (st *state) anchor(n *Provision, all []*Provision) (string, bool) {
	parent := n.Path[:len(n.Path)-1]
	at := -1
	for i, q := range all {
		if q == n {
			at = i
		}
	}
	sibling := func(q *Provision) bool {
		return len(q.Path) == len(n.Path) && under(q.Path, parent) && st.find(q.Addr()) >= 0
	}
	named := func(q *Provision) bool { return st.list[st.find(q.Addr())].named }
	// A chapter heading stands among the articles (both are cited without
	// a parent) but holds them: an article first in its chapter does not
	// come 「第九章の次に」 (after the whole chapter), nor after the last
	// article of the chapter before. The search stops at the heading.
	boundary := func(q *Provision) bool { return q.Style.Group() != n.Style.Group() }
	var group *Provision
	for i := at - 1; i >= 0; i-- {
		if !sibling(all[i]) {
			continue
		}
		if boundary(all[i]) {
			group = all[i]
			break
		}
		if !named(all[i]) {
			return "", false
		}
		// The last of its parent: 「第五条に次の一項を加える。」, as long
		// as nothing of the parent follows the previous sibling.
		if p := st.find(strings.Join(parent, "")); len(parent) > 0 && p >= 0 {
			ps, ss := st.subtree(p), st.subtree(st.find(all[i].Addr()))
			if ps[len(ps)-1] == ss[len(ss)-1] {
				return strings.Join(parent, "") + "に", true
			}
		}
		return all[i].Addr() + "の次に", true
	}
	for i := at + 1; i < len(all); i++ {
		if sibling(all[i]) && boundary(all[i]) {
			break
		}
		if sibling(all[i]) {
			if !named(all[i]) {
				return "", false
			}
			return all[i].Addr() + "の前に", true
		}
	}
	if p := st.find(strings.Join(parent, "")); len(parent) > 0 && p >= 0 && st.list[p].named {
		return strings.Join(parent, "") + "に", true
	}
	if group != nil && named(group) {
		// The only article of its chapter: 「第九章に次の一条を加える。」
		return group.Addr() + "に", true
	}
	return "", false
}

func (st *state) find(addr string) int {
	for i, e := range st.list {
		if e.addr() == addr {
			return i
		}
	}
	return -1
}

// insert puts an added provision where anchor said.
func (st *state) insert(n *Provision, where string) {
	e := &entry{path: append([]string(nil), n.Path...), text: n.Text(), named: readable(n)}
	pos := len(st.list)
	switch {
	case strings.HasSuffix(where, "の次に"):
		i := st.find(strings.TrimSuffix(where, "の次に"))
		sub := st.subtree(i)
		pos = sub[len(sub)-1] + 1
	case strings.HasSuffix(where, "の前に"):
		pos = st.find(strings.TrimSuffix(where, "の前に"))
	case strings.HasSuffix(where, "に"):
		i := st.find(strings.TrimSuffix(where, "に"))
		sub := st.subtree(i)
		pos = sub[len(sub)-1] + 1
	}
	st.list = append(st.list[:pos], append([]*entry{e}, st.list[pos:]...)...)
}

// readable reports whether an added provision's address can be read from
// its text: it is numbered, and its text (after a 見出し) begins with the
// number.
func readable(p *Provision) bool {
	return p.Label != "" && strings.HasPrefix(p.Body, p.Label)
}
