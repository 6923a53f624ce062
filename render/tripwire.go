package render

import (
	"archive/zip"
	"bytes"
	"cmp"
	"fmt"
	"html"
	"index/suffixarray"
	"io"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/sync/errgroup"

	"github.com/policyctl/policyctl/internal/i18n"
)

// The tripwire does not trust the parser, the cut or the renderers: after
// an edition is rendered and before it is swapped into place, it looks for
// restricted text in every output byte and every file name.
//
// What it looks for: every run of WindowRunes characters of restricted text
// (whitespace ignored) that does not also occur in text the edition shows,
// and every restricted text of ShortRunes to WindowRunes-1 characters (a
// title, a heading, a short sentence) that does not occur in shown text.
// Where it looks: each output file and file name as written, and decoded —
// HTML entities, JSON escapes (\uXXXX), percent-encoding — with and without
// its HTML tags; for a zip archive (a Word file), each member inflated.
//
// How: the restricted runs go into a hash table keyed by a polynomial
// rolling hash; each output view is rolled over once and every hash hit is
// confirmed by comparing the characters. That is a multi-pattern matcher
// with fixed-length patterns (Rabin–Karp); an Aho–Corasick automaton over
// the same patterns was measured at 1 GB and 12 s to build for 60,000
// windows of Japanese text, against milliseconds here.
const (
	WindowRunes = 12
	ShortRunes  = 6
)

// Tripwire holds the restricted runs of one edition build.
type Tripwire struct {
	off   bool
	cut   []Excerpt
	shown []string
	extra []string
	// titles are the titles of the documents the models show; beside are
	// the build's words written next to them (AllowBesideTitles).
	titles, beside []string
	// needles are sorted by hash; a window needle is keyed by the hash of
	// its WindowRunes characters, a short one by the hash of its first
	// ShortRunes characters and confirmed in full.
	windows, shorts []needle
	// bloom has a bit set for the hash of every needle: most windows of
	// the output miss it and cost one bit test.
	bloom []uint64
	texts []string // normalised cut texts
}

type needle struct {
	h        uint64
	text, at int32 // where in texts the needle starts (byte offset)
	runes    int32
}

const bloomBits = 1 << 22

// NewTripwire starts a tripwire for an edition; Add the other models the
// same build renders (the revision in force, archived revisions).
func NewTripwire(m *EditionModel) *Tripwire {
	t := &Tripwire{off: m.complete}
	t.Add(m)
	return t
}

// Add adds what another model of the same edition cut and showed. The
// tripwire is off only while every model it holds cuts nothing: an
// archived revision read with a configuration that cut may be published
// beside a current one that does not.
func (t *Tripwire) Add(m *EditionModel) {
	if m == nil {
		return
	}
	t.off = t.off && m.complete
	t.cut = append(t.cut, m.cut...)
	t.shown = append(t.shown, m.shown...)
	t.addTitles(m)
}

func (t *Tripwire) addTitles(m *EditionModel) {
	for _, d := range m.Docs() {
		t.titles = append(t.titles, d.Meta.Title)
	}
}

// AddRevision is Add for the model of an archived revision: a hit in its
// text names the revision, whose files may read differently today.
func (t *Tripwire) AddRevision(m *EditionModel, rev string) {
	if m == nil {
		return
	}
	t.off = t.off && m.complete
	for _, c := range m.cut {
		c.Rev = rev
		t.cut = append(t.cut, c)
	}
	t.shown = append(t.shown, m.shown...)
	t.addTitles(m)
}

// Allow adds text that the build generates itself (templates, labels) and
// that therefore never counts as restricted.
func (t *Tripwire) Allow(texts ...string) { t.extra = append(t.extra, texts...) }

// AllowBesideTitles is Allow for words the build writes next to the
// title of a document its models show — a table's （略） in the cell after
// a title, which a reader of the workbook's text sees joined to it: the
// words, and each joined to each such title (Joins).
func (t *Tripwire) AllowBesideTitles(words ...string) {
	t.extra = append(t.extra, words...)
	t.beside = append(t.beside, words...)
}

// Joins are each value joined to each piece, either way round, as far as
// a window of the tripwire can reach across the join: for the site's and
// the table's own words written next to a value the edition shows (a
// title, the organisation's name), which are as public as their parts.
func Joins(values, pieces []string) []string {
	var out []string
	for _, v := range values {
		if v == "" {
			continue
		}
		v = normalise(v) // as the tripwire reads it
		head, tail := runesAt(v, 0, WindowRunes-1), lastRunes(v, WindowRunes-1)
		out = append(out, v)
		for _, p := range pieces {
			out = append(out, tail+p, p+head)
		}
	}
	return out
}

// lastRunes is the last n runes of s, or s.
func lastRunes(s string, n int) string {
	i := len(s)
	for ; n > 0 && i > 0; n-- {
		_, w := utf8.DecodeLastRuneInString(s[:i])
		i -= w
	}
	return s[i:]
}

// TripwireError names an output file that holds restricted text and where
// that text was written.
type TripwireError struct {
	File   string
	Text   string
	Source Excerpt
}

func (e *TripwireError) Error() string {
	if e.Source.Rev != "" {
		return i18n.Sprintf("tripwire: %s holds restricted text 「%s」 from %s as revision %s has it; the edition was not published",
			e.File, e.Text, e.Source.Pos, e.Source.Rev)
	}
	return i18n.Sprintf("tripwire: %s holds restricted text 「%s」 from %s; the edition was not published",
		e.File, e.Text, e.Source.Pos)
}

// normalise drops whitespace, which renderers insert and remove freely.
func normalise(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || invisible(r) {
			return -1
		}
		return r
	}, s)
}

// invisible reports whether a browser draws r as nothing: control
// characters (DEL, C1), format characters (a soft hyphen, a zero-width
// space, a word joiner),
// variation selectors and the other default-ignorable code points. Text
// spelt out with them between its characters reads as the text; a review
// put restricted text on a page that way, past the tripwire.
func invisible(r rune) bool {
	switch {
	case r < 0x20, r >= 0x7F && r <= 0x9F:
		return true // control characters (whitespace is dropped before)
	case r < 0xAD:
		return false
	case r >= 0x3040 && r <= 0x30FF, r >= 0x4E00 && r <= 0x9FFF:
		return false // kana and kanji: most of a policy, none of them invisible
	}
	return unicode.In(r, unicode.Cf, unicode.Variation_Selector, unicode.Other_Default_Ignorable_Code_Point)
}

const hashBase = 1099511628211 // FNV prime: odd, large

// build prepares the needles: restricted runs minus those shown too. The
// cut texts are hashed in parallel while the index of shown text is built;
// needles are joined in the order of the texts, so a scan reports the
// same hit however the work was scheduled.
func (t *Tripwire) build() {
	var shownAll strings.Builder
	visible := map[uint64]struct{}{}
	// Every revision of a document usually has its title: each once.
	titles := slices.Compact(slices.Sorted(slices.Values(t.titles)))
	beside := slices.Compact(slices.Sorted(slices.Values(t.beside)))
	extra := append(slices.Clip(t.extra), Joins(titles, beside)...)
	for _, s := range append(slices.Clip(t.shown), extra...) {
		n := normalise(s)
		shownAll.WriteString(n)
		shownAll.WriteByte(0)
		rollWindows(n, WindowRunes, func(h uint64, _ int) { visible[h] = struct{}{} })
	}
	idxDone := make(chan *suffixarray.Index, 1)
	go func() { idxDone <- suffixarray.New([]byte(shownAll.String())) }()
	t.bloom = make([]uint64, bloomBits/64)
	t.texts = make([]string, len(t.cut))
	windows := make([][]needle, len(t.cut))
	short := make([]int, len(t.cut)) // rune count of a short text, 0 otherwise
	var g errgroup.Group
	g.SetLimit(workers())
	for i, c := range t.cut {
		g.Go(func() error {
			n := normalise(c.Text)
			t.texts[i] = n
			switch runes := utf8.RuneCountInString(n); {
			case runes >= WindowRunes:
				rollWindows(n, WindowRunes, func(h uint64, at int) {
					if _, ok := visible[h]; !ok {
						windows[i] = append(windows[i], needle{h, int32(i), int32(at), WindowRunes})
					}
				})
			case runes >= ShortRunes:
				short[i] = runes
			}
			return nil
		})
	}
	_ = g.Wait()
	idx := <-idxDone
	for i, ws := range windows {
		t.windows = append(t.windows, ws...)
		if runes := short[i]; runes > 0 {
			n := t.texts[i]
			if len(idx.Lookup([]byte(n), 1)) == 0 {
				rollWindows(n[:len(runesAt(n, 0, ShortRunes))], ShortRunes, func(h uint64, _ int) {
					t.shorts = append(t.shorts, needle{h, int32(i), 0, int32(runes)})
				})
			}
		}
	}
	for _, ns := range [][]needle{t.windows, t.shorts} {
		slices.SortStableFunc(ns, func(a, b needle) int { return cmp.Compare(a.h, b.h) })
		for _, n := range ns {
			t.bloom[(n.h>>20)%bloomBits/64] |= 1 << (n.h % 64)
		}
	}
}

func (t *Tripwire) maybe(h uint64) bool {
	return t.bloom[(h>>20)%bloomBits/64]&(1<<(h%64)) != 0
}

// rollWindows calls f with the hash and byte offset of every run of n
// runes in s.
func rollWindows(s string, n int, f func(h uint64, at int)) {
	if n <= 0 {
		return
	}
	var pow uint64 = 1
	for range n - 1 {
		pow *= hashBase
	}
	// A ring of the window's runes and their offsets.
	rs := make([]rune, n)
	offs := make([]int, n)
	var h uint64
	k := 0
	for off, r := range s {
		slot := k % n
		if k >= n {
			h -= uint64(rs[slot]) * pow
		}
		h = h*hashBase + uint64(r)
		rs[slot], offs[slot] = r, off
		k++
		if k >= n {
			f(h, offs[k%n])
		}
	}
}

// Scan looks for restricted text in every file and file name; the first
// hit is returned as a *TripwireError.
func (t *Tripwire) Scan(files map[string][]byte) error {
	if t.off || len(t.cut) == 0 {
		return nil
	}
	t.build()
	if len(t.windows)+len(t.shorts) == 0 {
		return nil
	}
	names := make([]string, 0, len(files))
	for p := range files {
		names = append(names, p)
	}
	sort.Strings(names)
	errs := make([]error, len(names))
	var g errgroup.Group
	g.SetLimit(workers())
	for i, p := range names {
		g.Go(func() error {
			if err := t.scanText(p+" (file name)", view(p)); err != nil {
				errs[i] = err
				return nil
			}
			views, err := fileViews(p, files[p])
			if err != nil {
				errs[i] = err
				return nil
			}
			for _, v := range views {
				if errs[i] = t.scanText(p, v); errs[i] != nil {
					break
				}
			}
			return nil
		})
	}
	_ = g.Wait()
	for _, err := range errs {
		if err != nil {
			return err // the first file in name order, whatever finished first
		}
	}
	return nil
}

func (t *Tripwire) scanText(file, text string) error {
	n := normalise(text)
	var hit error
	check := func(ns []needle, h uint64, at int) {
		i := sort.Search(len(ns), func(i int) bool { return ns[i].h >= h })
		for ; hit == nil && i < len(ns) && ns[i].h == h; i++ {
			want := runesAt(t.texts[ns[i].text], int(ns[i].at), int(ns[i].runes))
			if strings.HasPrefix(n[at:], want) {
				hit = &TripwireError{File: file, Text: want, Source: t.cut[ns[i].text]}
			}
		}
	}
	rollWindows(n, WindowRunes, func(h uint64, at int) {
		if hit == nil && t.maybe(h) {
			check(t.windows, h, at)
		}
	})
	if len(t.shorts) > 0 {
		rollWindows(n, ShortRunes, func(h uint64, at int) {
			if hit == nil && t.maybe(h) {
				check(t.shorts, h, at)
			}
		})
	}
	return hit
}

func runesAt(s string, at, n int) string {
	end := at
	for i := 0; i < n && end < len(s); i++ {
		_, size := utf8.DecodeRuneInString(s[end:])
		end += size
	}
	return s[at:end]
}

// maxZipText bounds what the tripwire inflates from one archive: the site
// writes small Word files, and a bound keeps a bad one from exhausting
// memory. An archive over it fails the build rather than go unread.
const maxZipText = 256 << 20

// fileViews are the texts the tripwire reads in an output file. A zip
// archive (a .docx) is compressed, so its bytes hide its text: each member
// is read instead, as markup (tags replaced by their attribute values) and
// as the text a word processor shows (tags dropped, since a run of text is
// split across <w:t> elements wherever its formatting changes). A file that
// starts like an archive but cannot be read is an error: unread output is
// never published.
func fileViews(name string, b []byte) ([]string, error) {
	if !bytes.HasPrefix(b, []byte("PK\x03\x04")) {
		return []string{view(string(b))}, nil
	}
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, i18n.Errorf("tripwire: %s: cannot read the archive: %w", name, err)
	}
	out := []string{view(string(b))}
	var total int64
	for _, f := range zr.File {
		out = append(out, view(f.Name))
		if f.FileInfo().IsDir() {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return nil, fmt.Errorf("tripwire: %s: %s: %w", name, f.Name, err)
		}
		data, err := io.ReadAll(io.LimitReader(rc, maxZipText-total+1))
		rc.Close()
		if err != nil {
			return nil, fmt.Errorf("tripwire: %s: %s: %w", name, f.Name, err)
		}
		if total += int64(len(data)); total > maxZipText {
			return nil, i18n.Errorf("tripwire: %s: more than %d MiB inside the archive", name, maxZipText>>20)
		}
		out = append(out, view(string(data)), decode(stripTags(string(data))))
	}
	return out, nil
}

// stripTags drops every tag <…>, leaving the text between them joined.
func stripTags(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	in := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '<':
			in = true
		case c == '>' && in:
			in = false
		case !in:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// view is the text an output file holds, in the form the tripwire reads:
// tags replaced by their attribute values (alt, title and href carry text
// too), then HTML entities, JSON escapes and percent-encoding decoded.
func view(s string) string {
	if strings.ContainsRune(s, '<') {
		s = untag(s)
	}
	return decode(s)
}

// decode undoes the escapes renderers apply: HTML entities, JSON string
// escapes, percent-encoding. It is lenient: what is not a valid escape
// stays as it is.
func decode(s string) string {
	if strings.ContainsRune(s, '&') {
		s = html.UnescapeString(s)
	}
	if strings.Contains(s, `\u`) || strings.Contains(s, `\n`) || strings.Contains(s, `\"`) {
		s = unescapeJSON(s)
	}
	if strings.ContainsRune(s, '%') {
		s = unescapePercent(s)
	}
	return s
}

func unescapeJSON(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 >= len(s) {
			b.WriteByte(s[i])
			continue
		}
		switch c := s[i+1]; c {
		case 'n', 't', 'r':
			b.WriteByte(' ')
			i++
		case '"', '\\', '/':
			b.WriteByte(c)
			i++
		case 'u':
			r, n := jsonRune(s[i:])
			if n == 0 {
				b.WriteByte('\\')
				continue
			}
			b.WriteRune(r)
			i += n - 1
		default:
			b.WriteByte('\\')
		}
	}
	return b.String()
}

// jsonRune reads \uXXXX (and a following low surrogate) at the start of s.
func jsonRune(s string) (rune, int) {
	hex := func(s string) (rune, bool) {
		if len(s) < 6 || s[0] != '\\' || s[1] != 'u' {
			return 0, false
		}
		var r rune
		for _, c := range s[2:6] {
			switch {
			case c >= '0' && c <= '9':
				r = r*16 + c - '0'
			case c >= 'a' && c <= 'f':
				r = r*16 + c - 'a' + 10
			case c >= 'A' && c <= 'F':
				r = r*16 + c - 'A' + 10
			default:
				return 0, false
			}
		}
		return r, true
	}
	r, ok := hex(s)
	if !ok {
		return 0, 0
	}
	if r >= 0xD800 && r < 0xDC00 {
		if lo, ok := hex(s[6:]); ok && lo >= 0xDC00 && lo < 0xE000 {
			return (r-0xD800)<<10 + (lo - 0xDC00) + 0x10000, 12
		}
	}
	return r, 6
}

func unescapePercent(s string) string {
	var b []byte
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) && ishex(s[i+1]) && ishex(s[i+2]) {
			b = append(b, unhex(s[i+1])<<4|unhex(s[i+2]))
			i += 2
			continue
		}
		b = append(b, s[i])
	}
	return string(b)
}

func ishex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c >= '0' && c <= '9':
		return c - '0'
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10
	}
	return c - 'A' + 10
}

// untag replaces every tag <…> by the values of its quoted attributes,
// separated by spaces.
func untag(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		if s[i] != '<' {
			b.WriteByte(s[i])
			continue
		}
		b.WriteByte(' ')
		var quote byte
		for i++; i < len(s); i++ {
			c := s[i]
			switch {
			case quote != 0 && c == quote:
				quote = 0
				b.WriteByte(' ')
			case quote != 0:
				b.WriteByte(c)
			case c == '"' || c == '\'':
				quote = c
			case c == '>':
				b.WriteByte(' ')
				goto next
			}
		}
	next:
	}
	return b.String()
}
