package approvals

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"unicode"

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

// TestLineageAgreesWithDefinition holds LineageOf, which rules out most
// candidates by their first sentences and compares committees as bit sets,
// to the rule as written (lineageByDefinition), on generated revisions:
// documents kept, edited, renamed, removed, added, and documents that take
// in some, half or all of another's text, with few committees and with
// more than 64.
func TestLineageAgreesWithDefinition(t *testing.T) {
	taken := 0
	for seed := uint64(1); seed <= 600; seed++ {
		rng := rand.New(rand.NewPCG(seed, 7))
		committees := 3 + rng.IntN(3)
		if seed%4 == 0 {
			committees = 70
		}
		prevFS, curFS := lineageRevisions(rng, committees)
		prevRepo, err := policy.Load(prevFS, policy.LoadOptions{HeadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		cur, err := policy.Load(curFS, policy.LoadOptions{HeadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		prev := RulesOf(prevRepo)
		got, want := LineageOf(cur, prev), lineageByDefinition(cur, prev)
		for _, d := range cur.Docs {
			g, w := got.Predecessors[d], want.Predecessors[d]
			if len(w) > 1 || len(w) == 1 && w[0].ID != d.Meta.ID && w[0].Path != d.Path {
				taken++
			}
			if !slices.Equal(g, w) {
				t.Fatalf("seed %d: %s continues %v, by the definition %v", seed, d.Path, paths(g), paths(w))
			}
		}
		if !slices.Equal(got.Removed, want.Removed) {
			t.Fatalf("seed %d: removed %v, by the definition %v", seed, paths(got.Removed), paths(want.Removed))
		}
	}
	if taken < 100 {
		t.Fatalf("the generator made a document take in another's text %d times", taken)
	}
}

func paths(ps []*RuleDoc) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Path)
	}
	return out
}

// lineageRevisions writes two revisions of a policy: the second keeps,
// edits, renames, removes and adds documents, and pastes another's text
// into some.
func lineageRevisions(rng *rand.Rand, committees int) (fstest.MapFS, fstest.MapFS) {
	sentence := func() string {
		var b strings.Builder
		for range 6 + rng.IntN(10) {
			b.WriteRune(rune(0x4E00 + rng.IntN(40)))
		}
		return b.String() + "。"
	}
	body := func() []string {
		lines := make([]string, 1+rng.IntN(12))
		for i := range lines {
			lines[i] = sentence()
			if rng.IntN(3) == 0 {
				lines[i] += sentence()
			}
		}
		return lines
	}
	approvers := func() []string {
		var cs []string
		for len(cs) == 0 {
			for c := range committees {
				if rng.IntN(committees) < 2 {
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
	for i := range n {
		bodies[i], cs[i] = body(), approvers()
		prev[fmt.Sprintf("policy/d%d.md", i)] = doc(fmt.Sprintf("d%d", i), cs[i], bodies[i])
	}
	for i := range n {
		lines := slices.Clone(bodies[i])
		id := fmt.Sprintf("d%d", i)
		switch rng.IntN(6) {
		case 0: // kept
		case 1: // edited
			lines = append(lines, sentence())
			if len(lines) > 2 && rng.IntN(2) == 0 {
				lines = slices.Delete(lines, 0, 1)
			}
		case 2: // renamed and moved
			id = fmt.Sprintf("r%d", i)
		case 3: // removed
			continue
		default: // another's text taken in: some, half or all of it
			o := bodies[rng.IntN(n)]
			k := []int{1, (len(o) + 1) / 2, len(o)}[rng.IntN(3)]
			lines = append(lines, o[len(o)-k:]...)
		}
		cur[fmt.Sprintf("policy/%s.md", id)] = doc(id, cs[i], lines)
	}
	if len(cur) == 1 || rng.IntN(2) == 0 { // a new document, perhaps made of another's text
		lines := body()
		if rng.IntN(2) == 0 {
			lines = slices.Clone(bodies[rng.IntN(n)])
		}
		cur["policy/new.md"] = doc("new", approvers(), lines)
	}
	return prev, cur
}

// lineageByDefinition is LineageOf's rule as written, every set computed
// in full.
func lineageByDefinition(r *policy.Repo, prev *Rules) *Lineage {
	l := &Lineage{Predecessors: map[*policy.Document][]*RuleDoc{}}
	continued := map[*RuleDoc]bool{}
	for _, d := range r.Docs {
		var ps []*RuleDoc
		for i := range prev.Docs {
			if p := &prev.Docs[i]; p.ID == d.Meta.ID && p.ID != "" {
				ps = append(ps, p)
			}
		}
		for i := range prev.Docs {
			if p := &prev.Docs[i]; p.Path == d.Path && !slices.Contains(ps, p) {
				ps = append(ps, p)
			}
		}
		l.Predecessors[d] = ps
		for _, p := range ps {
			continued[p] = true
		}
	}
	var fresh []*policy.Document
	for _, d := range r.Docs {
		if len(l.Predecessors[d]) == 0 {
			fresh = append(fresh, d)
		}
	}
	for i := range prev.Docs {
		p := &prev.Docs[i]
		for _, d := range fresh {
			if len(p.lines()) > 0 && shared(p.lines(), textUnits(d)) >= minShared {
				l.Predecessors[d] = append(l.Predecessors[d], p)
				continued[p] = true
			}
		}
	}
	for _, d := range r.Docs {
		ps := l.Predecessors[d]
		if len(ps) == 0 || slices.ContainsFunc(ps, func(p *RuleDoc) bool { return p.digest == d.Digest() }) {
			continue
		}
		has := slices.Clone(d.Meta.Approvers)
		for _, p := range ps {
			has = append(has, p.Approvers...)
		}
		var text []byte
		for _, line := range bytes.Split(d.Body(), []byte("\n")) {
			if !slices.ContainsFunc(ps, func(p *RuleDoc) bool { return p.raw()[string(line)] }) {
				text = append(append(text, line...), '\n')
			}
		}
		added := map[uint64]bool{}
		for u := range units(text) {
			if !slices.ContainsFunc(ps, func(p *RuleDoc) bool { return p.lines()[u] }) {
				added[u] = true
			}
		}
		for i := range prev.Docs {
			p := &prev.Docs[i]
			if slices.Contains(ps, p) || !slices.ContainsFunc(p.Approvers, func(c string) bool { return !slices.Contains(has, c) }) {
				continue
			}
			n := 0
			for u := range p.lines() {
				if added[u] {
					n++
				}
			}
			if len(p.lines()) > 0 && float64(n) >= minShared*float64(len(p.lines())) {
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
