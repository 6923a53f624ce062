package approvals

import (
	"bytes"
	"fmt"
	"html"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"unicode"
	"unicode/utf8"

	"github.com/policyctl/policyctl/internal/policy"
)

// TestWordRune holds the fast path to unicode's tables for every rune.
func TestWordRune(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if got, want := wordRune(r), unicode.IsLetter(r) || unicode.IsNumber(r); got != want {
			t.Fatalf("wordRune(%U) = %v, unicode says %v", r, got, want)
		}
	}
}

// TestLineageAsBefore holds LineageOf — which rules out most candidates
// by their first sentences and compares committees as bit sets — to the
// code it replaced (lineageBefore, kept verbatim), on generated revisions:
// documents kept, edited, renamed, moved, removed, added, given another
// id, sharing an id; text taken in whole, in half, in a sentence or
// twice; character references, repeated and short sentences, blank lines,
// empty bodies; few committees and more than 64.
func TestLineageAsBefore(t *testing.T) {
	taken, wide := 0, 0
	for seed := uint64(1); seed <= 1500; seed++ {
		rng := rand.New(rand.NewPCG(seed, 99))
		committees := 3 + rng.IntN(4)
		if seed%3 == 0 {
			committees = 60 + rng.IntN(40)
		}
		prevFS, curFS := lineageRevisions(rng, committees, seed%3 == 0)
		prevRepo, err := policy.Load(prevFS, policy.LoadOptions{HeadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		cur, err := policy.Load(curFS, policy.LoadOptions{HeadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		prev := RulesOf(prevRepo)
		if rng.IntN(5) == 0 {
			for i := range prev.Docs {
				if rng.IntN(2) == 0 {
					prev.Docs[i].more = nil
				}
			}
		}
		got, want := LineageOf(cur, prev), lineageBefore(cur, prev)
		for _, d := range cur.Docs {
			if !slices.Equal(got.Predecessors[d], want.Predecessors[d]) {
				t.Fatalf("seed %d: %s continues %v, before %v", seed, d.Path, paths(got.Predecessors[d]), paths(want.Predecessors[d]))
			}
			if len(want.Predecessors[d]) > 1 {
				taken++
			}
		}
		if !slices.Equal(got.Removed, want.Removed) {
			t.Fatalf("seed %d: removed %v, before %v", seed, paths(got.Removed), paths(want.Removed))
		}
		if bits, _ := committeeSets(prev.Docs); bits == nil {
			wide++
		}
	}
	if taken < 1000 || wide < 200 {
		t.Fatalf("the generator made %d documents with more than one predecessor and %d revisions with more than 64 committees", taken, wide)
	}
}

// BenchmarkLineage relates 150 documents of 300 sentences, each with one
// sentence added and its own committee, to their previous revision: every
// other document is a candidate for every changed one. Cold reads the
// documents afresh; warm reuses what an earlier revision of a walk worked
// out. Against lineageBefore, the code it replaced.
func BenchmarkLineage(b *testing.B) {
	repos := func(b *testing.B, first string) (*policy.Repo, *policy.Repo) {
		const config = "organization: {id: test, name: 試験市}\ntitle: 試験市情報セキュリティポリシー\n"
		prev, cur := fstest.MapFS{"policyctl.yaml": {Data: []byte(config)}}, fstest.MapFS{"policyctl.yaml": {Data: []byte(config)}}
		for i := range 150 {
			var s strings.Builder
			s.WriteString(first + "\n")
			for j := range 300 {
				fmt.Fprintf(&s, "第%d条　文書%dの職員は情報資産を適切に管理しなければならない%d。\n", j, i, j)
			}
			head := fmt.Sprintf("---\nid: d%d\ntitle: t\ntier: procedure\nvisibility: internal\napprovers: [c%d]\n---\n", i, i)
			prev[fmt.Sprintf("policy/d%d.md", i)] = &fstest.MapFile{Data: []byte(head + s.String())}
			cur[fmt.Sprintf("policy/d%d.md", i)] = &fstest.MapFile{Data: []byte(head + s.String() + "新しい規定を追加した文である。\n")}
		}
		p, err := policy.Load(prev, policy.LoadOptions{HeadOnly: true})
		if err != nil {
			b.Fatal(err)
		}
		c, err := policy.Load(cur, policy.LoadOptions{HeadOnly: true})
		if err != nil {
			b.Fatal(err)
		}
		return p, c
	}
	for _, first := range []string{"", "A &amp; B"} {
		for _, warm := range []bool{false, true} {
			for _, impl := range []string{"now", "before"} {
				lineage := LineageOf
				if impl == "before" {
					lineage = lineageBefore
				}
				b.Run(fmt.Sprintf("%s/refs=%v/warm=%v", impl, first != "", warm), func(b *testing.B) {
					p, c := repos(b, first)
					for b.Loop() {
						if !warm {
							b.StopTimer()
							p, c = repos(b, first)
							b.StartTimer()
						}
						lineage(c, RulesOf(p))
					}
				})
			}
		}
	}
}

// FuzzUnits holds the sentences to the code they replaced, and countUnits
// to their number.
func FuzzUnits(f *testing.F) {
	f.Add([]byte("abcd。efgh\n\nijkl&amp;mnop。ab。"))
	f.Add([]byte("&#x9806;序序序。 \u3000ＡＢＣＤ。\n\n\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		u := units(b)
		if !maps.Equal(u, unitsBefore(b)) {
			t.Fatalf("units(%q) differ from before", b)
		}
		for limit := 1; limit <= len(u)+2; limit++ {
			if got := countUnits(b, limit); got != min(len(u), limit) {
				t.Fatalf("countUnits(%q, %d) = %d, of %d", b, limit, got, len(u))
			}
		}
	})
}

func paths(ps []*RuleDoc) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Path)
	}
	return out
}

// unitsBefore and lineageBefore are units and LineageOf as they were
// before candidates were ruled out by their first sentences.
func unitsBefore(body []byte) map[uint64]bool {
	text := body
	if bytes.IndexByte(body, '&') >= 0 {
		text = []byte(html.UnescapeString(string(body)))
	}
	// A sentence of a policy runs to some 60 bytes or more.
	out := make(map[uint64]bool, len(text)/64)
	const offset, prime = 14695981039346656037, 1099511628211
	h, n := uint64(offset), 0
	flush := func() {
		if n >= 4 {
			out[h] = true
		}
		h, n = offset, 0
	}
	var buf [utf8.UTFMax]byte
	newlines := 0
	for len(text) > 0 {
		r, size := utf8.DecodeRune(text)
		text = text[size:]
		if r >= '！' && r <= '～' {
			r -= '！' - '!' // full-width ASCII: ２ is 2, Ａ is A
		}
		switch {
		case r == '\n':
			// A blank line ends a unit too: lists and headings have no 。.
			if newlines++; newlines == 2 {
				flush()
			}
			continue
		case r == '。':
			flush()
		case wordRune(r):
			for _, c := range buf[:utf8.EncodeRune(buf[:], r)] {
				h = (h ^ uint64(c)) * prime
			}
			n++
		case unicode.IsSpace(r):
			continue
		}
		newlines = 0
	}
	flush()
	return out
}

func lineageBefore(r *policy.Repo, prev *Rules) *Lineage {
	l := &Lineage{Predecessors: map[*policy.Document][]*RuleDoc{}}
	if prev == nil {
		return l
	}
	continued := map[*RuleDoc]bool{}
	byID, byPath := map[string]*RuleDoc{}, map[string]*RuleDoc{}
	for i := range prev.Docs {
		p := &prev.Docs[i]
		if p.ID != "" {
			byID[p.ID] = p
		}
		byPath[p.Path] = p
	}
	curIDs, curPaths := map[string]bool{}, map[string]bool{}
	for _, d := range r.Docs {
		curIDs[d.Meta.ID] = true
		curPaths[d.Path] = true
	}
	var fresh []*policy.Document // neither id nor path known before
	for _, d := range r.Docs {
		var ps []*RuleDoc
		if p := byID[d.Meta.ID]; p != nil && d.Meta.ID != "" {
			ps = append(ps, p)
		}
		if p := byPath[d.Path]; p != nil && !slices.Contains(ps, p) {
			ps = append(ps, p)
		}
		for _, p := range ps {
			continued[p] = true
		}
		if len(ps) == 0 {
			fresh = append(fresh, d)
		}
		l.Predecessors[d] = ps
	}
	// A new document — neither id nor path known before — may continue a
	// previous one under another name: moved and renamed, split, merged,
	// or copied. It needs the approvers of every previous document whose
	// text it mostly shares, whether or not that document also lives on
	// under its own name: a section cut out of a document the mayor
	// approves and pasted into a new one the council alone approves still
	// needs the mayor.
	freshLines := map[*policy.Document]map[uint64]bool{}
	for i := range prev.Docs {
		p := &prev.Docs[i]
		if p.lines == nil || len(p.lines()) == 0 {
			continue
		}
		for _, d := range fresh {
			if freshLines[d] == nil {
				freshLines[d] = textUnits(d)
			}
			if shared(p.lines(), freshLines[d]) >= minShared {
				l.Predecessors[d] = append(l.Predecessors[d], p)
				continued[p] = true
			}
		}
	}
	// A document that goes on under its own id or path may also have
	// taken in another's text: a mayor-only document pasted into one the
	// council alone approves. Only a changed document can have, and only
	// another document's text whose approvers it would otherwise lack
	// matters: most of a previous document inside it makes that one a
	// predecessor too.
	for _, d := range r.Docs {
		ps := l.Predecessors[d]
		if len(ps) == 0 || slices.ContainsFunc(ps, func(p *RuleDoc) bool { return p.digest == d.Digest() }) {
			continue
		}
		has := slices.Clone(d.Meta.Approvers)
		for _, p := range ps {
			has = append(has, p.Approvers...)
		}
		// Taken-in text is new to the document: only the lines its
		// predecessors did not hold (an edit adds a few) are read as
		// sentences and compared.
		var candidates []*RuleDoc
		for i := range prev.Docs {
			p := &prev.Docs[i]
			if !slices.Contains(ps, p) && p.lines != nil && slices.ContainsFunc(p.Approvers, func(c string) bool { return !slices.Contains(has, c) }) {
				candidates = append(candidates, p)
			}
		}
		if len(candidates) == 0 {
			continue
		}
		var text []byte
		for _, line := range bytes.Split(d.Body(), []byte("\n")) {
			if !slices.ContainsFunc(ps, func(p *RuleDoc) bool { return p.raw != nil && p.raw()[string(line)] }) {
				text = append(append(text, line...), '\n')
			}
		}
		var added []uint64
		for u := range unitsBefore(text) {
			if !slices.ContainsFunc(ps, func(p *RuleDoc) bool { return p.lines != nil && p.lines()[u] }) {
				added = append(added, u)
			}
		}
		for _, p := range candidates {
			units := p.lines()
			need := minShared * float64(len(units))
			if len(units) == 0 || float64(len(added)) < need {
				continue
			}
			n := 0
			for _, u := range added {
				if units[u] {
					n++
				}
			}
			if float64(n) >= need {
				l.Predecessors[d] = append(l.Predecessors[d], p)
				continued[p] = true
			}
		}
	}
	for i := range prev.Docs {
		if p := &prev.Docs[i]; !continued[p] {
			l.Removed = append(l.Removed, p)
		}
	}
	return l
}

// lineageRevisions writes two revisions of a policy from a small pool of
// sentences, so that documents share text.
func lineageRevisions(rng *rand.Rand, committees int, wide bool) (fstest.MapFS, fstest.MapFS) {
	pool := []string{}
	for range 30 {
		var b strings.Builder
		for range 1 + rng.IntN(12) {
			b.WriteRune(rune(0x4E00 + rng.IntN(30)))
		}
		pool = append(pool, b.String())
	}
	sentence := func() string {
		s := pool[rng.IntN(len(pool))]
		switch rng.IntN(8) {
		case 0:
			s = "&#x" + fmt.Sprintf("%X", 0x4E00+rng.IntN(30)) + ";" + s
		case 1:
			s = s + "&amp;"
		case 2:
			s = "- " + s
		}
		if rng.IntN(4) == 0 {
			return s + "\n"
		}
		return s + "。"
	}
	body := func() []string {
		lines := make([]string, rng.IntN(10))
		for i := range lines {
			lines[i] = sentence()
			if rng.IntN(3) == 0 {
				lines[i] += sentence()
			}
			if rng.IntN(6) == 0 {
				lines[i] = ""
			}
		}
		return lines
	}
	approvers := func() []string {
		var cs []string
		for len(cs) == 0 {
			for c := range committees {
				if wide && rng.IntN(3) == 0 || rng.IntN(committees) < 2 {
					cs = append(cs, fmt.Sprintf("c%d", c))
				}
			}
		}
		return cs
	}
	doc := func(id string, cs, lines []string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte(fmt.Sprintf("---\nid: %s\ntitle: 規程%s\ntier: procedure\nvisibility: internal\napprovers: [%s]\n---\n%s\n",
			id, id, strings.Join(cs, ", "), strings.Join(lines, "\n")))}
	}
	const config = "organization: {id: test, name: 試験市}\ntitle: 試験市情報セキュリティポリシー\n"
	prev, cur := fstest.MapFS{"policyctl.yaml": {Data: []byte(config)}}, fstest.MapFS{"policyctl.yaml": {Data: []byte(config)}}
	n := 2 + rng.IntN(10)
	bodies := make([][]string, n)
	cs := make([][]string, n)
	ids := make([]string, n)
	for i := range n {
		bodies[i], cs[i] = body(), approvers()
		ids[i] = fmt.Sprintf("d%d", i)
		if rng.IntN(8) == 0 {
			ids[i] = "dup"
		}
		prev[fmt.Sprintf("policy/d%d.md", i)] = doc(ids[i], cs[i], bodies[i])
	}
	for i := range n {
		lines := slices.Clone(bodies[i])
		id := ids[i]
		p := fmt.Sprintf("policy/d%d.md", i)
		switch rng.IntN(7) {
		case 0:
		case 1:
			lines = append(lines, sentence())
			if len(lines) > 2 && rng.IntN(2) == 0 {
				lines = slices.Delete(lines, 0, 1)
			}
		case 2:
			id = fmt.Sprintf("r%d", i)
			p = fmt.Sprintf("policy/r%d.md", i)
		case 3:
			continue
		case 4:
			id = fmt.Sprintf("r%d", i) // same path, new id
			lines = append(lines, sentence())
		default:
			o := bodies[rng.IntN(n)]
			if len(o) > 0 {
				k := []int{1, (len(o) + 1) / 2, len(o)}[rng.IntN(3)]
				lines = append(lines, o[len(o)-k:]...)
			}
			if rng.IntN(3) == 0 {
				o2 := bodies[rng.IntN(n)]
				lines = append(lines, o2...)
			}
		}
		cur[p] = doc(id, cs[i], lines)
	}
	for range rng.IntN(3) {
		lines := body()
		if rng.IntN(2) == 0 {
			lines = slices.Clone(bodies[rng.IntN(n)])
		}
		id := fmt.Sprintf("new%d", rng.IntN(5))
		cur["policy/"+id+".md"] = doc(id, approvers(), lines)
	}
	if len(cur) == 1 {
		cur["policy/new9.md"] = doc("new9", approvers(), body())
	}
	return prev, cur
}
