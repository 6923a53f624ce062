package approvals

import (
	"bytes"
	"fmt"
	"html"
	"io/fs"
	"slices"
	"sort"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/policyctl/policyctl/internal/i18n"
	"github.com/policyctl/policyctl/internal/policy"
)

// Rules are what the revision approved before a new one demands of it: its
// registry, and for each document its identity and approvers. They judge
// the next revision together with its own rules, so that a revision cannot
// approve itself by changing them — by dropping a committee, lowering a
// quorum, swapping a key, renaming a document, moving it, splitting or
// merging it.
type Rules struct {
	Registry *policy.Registry
	Docs     []RuleDoc
}

// RuleDoc is one document of the previous revision.
type RuleDoc struct {
	ID, Path, Title string
	Approvers       []string
	// digest is the SHA-256 of its bytes: a document that kept them
	// cannot have taken in another's text.
	digest string
	// lines are the sentences of the body, for lineage (textUnits); read
	// only when a document is new, or took in text that other committees
	// approved, which is rare. raw are its lines as written.
	lines func() map[uint64]bool
	raw   func() map[string]bool
	// more reports whether the body has more than k sentences, reading
	// only as many as it must.
	more func(k int) bool
}

// RulesOf reads the rules of a repository model.
func RulesOf(r *policy.Repo) *Rules {
	ru := &Rules{Registry: r.Registry}
	for _, d := range r.Docs {
		ru.Docs = append(ru.Docs, RuleDoc{ID: d.Meta.ID, Path: d.Path, Title: d.Meta.Title, Approvers: d.Meta.Approvers,
			digest: d.Digest(), lines: func() map[uint64]bool { return textUnits(d) }, raw: func() map[string]bool { return rawLines(d) },
			more: func(k int) bool { return moreUnits(d, k) }})
	}
	return ru
}

type unitsKey struct{}

// textUnits are a body's sentences as a reader reads them: character
// references decoded, full-width letters and digits folded, and everything
// but letters and digits left out — markup, spaces, line breaks — so that
// text copied with its lines reflowed, its list markers changed or its
// characters written as &#x9806; is still the same text.
func textUnits(d *policy.Document) map[uint64]bool {
	return d.Memo(unitsKey{}, func() any { return units(d.Body()) }).(map[uint64]bool)
}

type rawKey struct{}

// rawLines are a body's lines as written.
func rawLines(d *policy.Document) map[string]bool {
	return d.Memo(rawKey{}, func() any {
		out := map[string]bool{}
		for _, l := range bytes.Split(d.Body(), []byte("\n")) {
			out[string(l)] = true
		}
		return out
	}).(map[string]bool)
}

// units are kept as 64-bit FNV-1a hashes of the sentences: the text is
// read once, without a string per sentence.
func units(body []byte) map[uint64]bool {
	// A sentence of a policy runs to some 60 bytes or more.
	out := make(map[uint64]bool, len(body)/64)
	eachUnit(body, func(h uint64) bool {
		out[h] = true
		return true
	})
	return out
}

// countUnits is the number of distinct sentences (units) of body, or
// limit when there are more: it reads only as far as it must to tell.
func countUnits(body []byte, limit int) int {
	seen := make(map[uint64]bool, min(limit, 64))
	eachUnit(body, func(h uint64) bool {
		seen[h] = true
		return len(seen) < limit
	})
	return len(seen)
}

type countKey struct{}

// unitCount is what countUnits found of a document: at least n
// sentences, or exactly n when all is set. A document is a candidate for
// many changed documents, each asking with its own limit.
type unitCount struct {
	mu  sync.Mutex
	n   int
	all bool
}

// moreUnits reports whether a document has more than k sentences, from its
// sentences when they were read whole, or reading as few as it must.
func moreUnits(d *policy.Document, k int) bool {
	if u, ok := d.Memoized(unitsKey{}); ok {
		return len(u.(map[uint64]bool)) > k
	}
	c := d.Memo(countKey{}, func() any { return new(unitCount) }).(*unitCount)
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.all && c.n <= k {
		n := countUnits(d.Body(), k+1)
		c.n, c.all = max(c.n, n), n <= k
	}
	return c.n > k
}

// eachUnit calls yield with the hash of each sentence of body in order,
// repeats included, until yield returns false.
func eachUnit(body []byte, yield func(uint64) bool) {
	text := body
	if bytes.IndexByte(body, '&') >= 0 {
		text = []byte(html.UnescapeString(string(body)))
	}
	const offset, prime = 14695981039346656037, 1099511628211
	h, n := uint64(offset), 0
	flush := func() bool {
		ok := n < 4 || yield(h)
		h, n = offset, 0
		return ok
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
			if newlines++; newlines == 2 && !flush() {
				return
			}
			continue
		case r == '。':
			if !flush() {
				return
			}
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
}

// wordRune is unicode.IsLetter(r) || unicode.IsNumber(r), answered
// without a table search for the scripts a policy is written in:
// unicode.IsLetter searches its tables for every kanji and kana, which was
// half the time of reading sentences (TestWordRune holds the two equal).
func wordRune(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return 'a' <= r|0x20 && r|0x20 <= 'z' || '0' <= r && r <= '9'
	case 0x3041 <= r && r <= 0x3096, // hiragana
		0x30A1 <= r && r <= 0x30FA, // katakana
		0x4E00 <= r && r <= 0x9FFF: // CJK unified ideographs
		return true
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r)
}

// approvesAny reports whether committee c approved any document under rules.
func (ru *Rules) approvesAny(c string) bool {
	for _, d := range ru.Docs {
		if slices.Contains(d.Approvers, c) {
			return true
		}
	}
	return false
}

// Lineage says, for each document of a revision, which documents of the
// previous revision it continues — by id, by path, or by content when a
// document was renamed and moved at once, split or merged — and which
// previous documents nothing continues (abolished).
type Lineage struct {
	Predecessors map[*policy.Document][]*RuleDoc
	Removed      []*RuleDoc
}

// minShared is the share of a document's lines another must hold for one
// to continue the other when neither id nor path tells.
const minShared = 0.5

// LineageOf relates the documents of r to those of prev.
func LineageOf(r *policy.Repo, prev *Rules) *Lineage {
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
		if len(fresh) == 0 || p.lines == nil || len(p.lines()) == 0 {
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
	bits, sets := committeeSets(prev.Docs)
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
		var hasSet uint64
		for _, c := range has {
			hasSet |= bits[c]
		}
		lacks := func(i int) bool {
			if bits == nil {
				return slices.ContainsFunc(prev.Docs[i].Approvers, func(c string) bool { return !slices.Contains(has, c) })
			}
			return sets[i]&^hasSet != 0
		}
		var candidates []*RuleDoc
		for i := range prev.Docs {
			p := &prev.Docs[i]
			if !slices.Contains(ps, p) && p.lines != nil && lacks(i) {
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
		fresh := units(text)
		// No more sentences are added than fresh ones, so a candidate
		// with more than len(fresh)/minShared sentences cannot have been
		// taken in: most are ruled out by their first few sentences,
		// without reading them all, or the predecessors' sentences.
		limit := int(float64(len(fresh)) / minShared)
		candidates = slices.DeleteFunc(candidates, func(p *RuleDoc) bool { return p.more != nil && p.more(limit) })
		if len(candidates) == 0 {
			continue
		}
		var added []uint64
		for u := range fresh {
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

// committeeSets gives each committee that approved a previous document a
// bit, and each document the set of its approvers: whether a previous
// document has an approver that a changed one lacks is then one operation,
// not a search of two lists, for each pair of the two. Nil when there are
// more committees than bits.
func committeeSets(docs []RuleDoc) (map[string]uint64, []uint64) {
	bits := map[string]uint64{}
	sets := make([]uint64, len(docs))
	for i := range docs {
		for _, c := range docs[i].Approvers {
			b, ok := bits[c]
			if !ok {
				if len(bits) == 64 {
					return nil, nil
				}
				b = 1 << len(bits)
				bits[c] = b
			}
			sets[i] |= b
		}
	}
	return bits, sets
}

// shared is the larger of the shares of a's lines in b and of b's in a.
func shared(a, b map[uint64]bool) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	n := 0
	for l := range a {
		if b[l] {
			n++
		}
	}
	return max(float64(n)/float64(len(a)), float64(n)/float64(len(b)))
}

// Requirement is what one committee must sign for a revision.
type Requirement struct {
	Committee string
	// Documents are the current documents it must approve, with the
	// digests of their bytes.
	Documents []DocDigest
	// Removed are the previous documents it approved that the revision
	// abolishes: abolishing is a change the approvers sign.
	Removed []DocRef
}

// Requirements lists, for each committee a revision needs, what it must
// sign: every document that names it now or whose predecessor named it, and
// every abolished document it approved. Sorted by committee id.
func Requirements(r *policy.Repo, prev *Rules) []*Requirement {
	l := LineageOf(r, prev)
	reqs := map[string]*Requirement{}
	need := func(c string) *Requirement {
		q := reqs[c]
		if q == nil {
			q = &Requirement{Committee: c}
			reqs[c] = q
		}
		return q
	}
	for _, d := range r.Docs {
		cs := slices.Clone(d.Meta.Approvers)
		for _, p := range l.Predecessors[d] {
			cs = append(cs, p.Approvers...)
		}
		slices.Sort(cs)
		for _, c := range slices.Compact(cs) {
			q := need(c)
			q.Documents = append(q.Documents, DocDigest{ID: d.Meta.ID, Path: d.Path, SHA256: d.Digest()})
		}
	}
	for _, p := range l.Removed {
		for _, c := range p.Approvers {
			q := need(c)
			q.Removed = append(q.Removed, DocRef{ID: p.ID, Path: p.Path})
		}
	}
	out := make([]*Requirement, 0, len(reqs))
	for _, q := range reqs {
		sort.Slice(q.Documents, func(i, j int) bool {
			return docLess(q.Documents[i].ID, q.Documents[i].Path, q.Documents[j].ID, q.Documents[j].Path)
		})
		sort.Slice(q.Removed, func(i, j int) bool {
			return docLess(q.Removed[i].ID, q.Removed[i].Path, q.Removed[j].ID, q.Removed[j].Path)
		})
		out = append(out, q)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Committee < out[j].Committee })
	return out
}

func docLess(id1, p1, id2, p2 string) bool {
	if id1 != id2 {
		return id1 < id2
	}
	return p1 < p2
}

// FilesOf lists the repository files a document's text links to, with the
// digests of their bytes: what an edition can contain besides the
// documents. Links that do not resolve are left to check.
func FilesOf(r *policy.Repo, d *policy.Document) ([]FileDigest, error) {
	if d.AST == nil {
		return nil, i18n.Errorf("approvals: %s: read without its Markdown, its links are unknown", d.Path)
	}
	seen := map[string]bool{}
	var out []FileDigest
	for _, dest := range d.LinkDestinations() {
		l, lerr := r.ResolveLink(d, dest)
		if lerr != nil || l.Kind != policy.LinkFile || seen[l.Path] {
			continue
		}
		seen[l.Path] = true
		b, err := fs.ReadFile(r.FS, l.Path)
		if err != nil {
			return nil, fmt.Errorf("approvals: %s: %w", l.Path, err)
		}
		out = append(out, FileDigest{Path: l.Path, SHA256: Digest(b)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out, nil
}
