package site

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
	"golang.org/x/sync/errgroup"
	"golang.org/x/text/unicode/norm"

	"github.com/policyctl/policyctl/internal/markdown"
	"github.com/policyctl/policyctl/internal/policy"
)

func workers() int { return runtime.GOMAXPROCS(0) }

// searchSection is one entry of the search index: a heading section with
// the text up to the next heading.
type searchSection struct {
	URL, Title, Doc, Text string
}

// searchSections cuts an edition document into sections for the index. The
// text is what a reader sees, taken from the parse: raw HTML and comments
// are not text and never reach the index.
func searchSections(d *policy.Document) []searchSection {
	body := d.Body()
	// A first heading that repeats the title is not on the page (its h1 is
	// the title): its text belongs to the page's own entry, and its ID is
	// no anchor to link to.
	var skip ast.Node
	if d.AST == nil {
		return nil
	}
	if h, ok := d.AST.FirstChild().(*ast.Heading); ok && h.Level == 1 && strings.TrimSpace(markdown.PlainText(h, body)) == strings.TrimSpace(d.Meta.Title) {
		skip = h
	}
	var heads []*policy.Section
	for _, s := range d.Sections() {
		if s.Kind == policy.KindHeading && (skip == nil || s.Offset != skip.Pos()) {
			heads = append(heads, s)
		}
	}
	texts := make([]strings.Builder, len(heads)+1) // [0]: before the first heading
	_ = ast.Walk(d.AST, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || n.Type() != ast.TypeBlock {
			return ast.WalkContinue, nil
		}
		switch n.(type) {
		case *ast.HTMLBlock:
			return ast.WalkSkipChildren, nil
		case *ast.Heading:
			return ast.WalkSkipChildren, nil // its text is the section's title
		case *ast.CodeBlock, *ast.FencedCodeBlock:
			return ast.WalkSkipChildren, nil
		}
		if !n.HasChildren() || n.FirstChild().Type() != ast.TypeInline {
			return ast.WalkContinue, nil
		}
		off := n.Pos()
		if n.Lines().Len() > 0 {
			off = n.Lines().At(0).Start
		}
		i := sort.Search(len(heads), func(i int) bool { return heads[i].Offset > off })
		t := &texts[i]
		if t.Len() > 0 {
			t.WriteByte(' ')
		}
		t.WriteString(markdown.PlainText(n, body))
		return ast.WalkSkipChildren, nil
	})
	clean := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	var out []searchSection
	// The page itself is always an entry, so that its title finds it.
	out = append(out, searchSection{URL: PageName(d), Title: d.Meta.Title, Doc: d.Meta.Title, Text: clean(texts[0].String())})
	for i, h := range heads {
		out = append(out, searchSection{URL: PageName(d) + "#" + h.ID, Title: strings.TrimSpace(h.Label + " " + h.Title), Doc: d.Meta.Title, Text: clean(texts[i+1].String())})
	}
	return out
}

// searchIndex writes the index as a script, so search works on a site
// opened from files as well as over HTTP: sections, and for each character
// bigram (NFKC, lower case) the sections that contain it. Each section's
// entry and bigrams are found in parallel; the postings are then joined in
// section order, so the bytes do not depend on scheduling.
func searchIndex(sections []searchSection) []byte {
	type entry struct {
		U string `json:"u"`
		T string `json:"t"`
		D string `json:"d"`
		X string `json:"x"`
	}
	encoded := make([][]byte, len(sections))
	grams := make([][]uint64, len(sections))
	var g errgroup.Group
	g.SetLimit(workers())
	for i, s := range sections {
		g.Go(func() error {
			var b bytes.Buffer
			enc := json.NewEncoder(&b)
			enc.SetEscapeHTML(true)
			_ = enc.Encode(entry{s.URL, s.Title, s.Doc, s.Text})
			encoded[i] = bytes.TrimSuffix(b.Bytes(), []byte("\n"))
			grams[i] = bigrams(s.Title + " " + s.Text)
			return nil
		})
	}
	_ = g.Wait()
	postings := map[uint64][]int32{}
	size := 64
	for i, gs := range grams {
		size += len(encoded[i]) + 1
		for _, gr := range gs {
			postings[gr] = append(postings[gr], int32(i))
		}
	}
	keys := make([]uint64, 0, len(postings))
	for gr, ps := range postings {
		keys = append(keys, gr)
		size += 16 + 7*len(ps)
	}
	slices.Sort(keys) // first rune, then second: the order of the pairs
	b := make([]byte, 0, size)
	b = append(b, "window.POLICYCTL_INDEX = {\"sections\":["...)
	for i, e := range encoded {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, e...)
	}
	b = append(b, "],\"grams\":{"...)
	for i, gr := range keys {
		if i > 0 {
			b = append(b, ',')
		}
		k, _ := json.Marshal(string([]rune{rune(gr >> 32), rune(uint32(gr))}))
		b = append(b, k...)
		b = append(b, ":["...)
		for j, n := range postings[gr] {
			if j > 0 {
				b = append(b, ',')
			}
			b = strconv.AppendInt(b, int64(n), 10)
		}
		b = append(b, ']')
	}
	return append(b, "}};\n"...)
}

// bigrams are the distinct pairs of adjacent characters of s, neither a
// space, after NFKC and lower-casing, each packed as first<<32 | second.
func bigrams(s string) []uint64 {
	n := norm.NFKC.String(s)
	out := make([]uint64, 0, len(n)/2)
	var prev rune = -1
	for _, r := range n {
		// unicode.ToLower, rune by rune as strings.ToLower does it; no
		// character from U+3000 to U+A63F (kana, CJK) has a lower case.
		if r < 0x3000 || r >= 0xA640 {
			r = unicode.ToLower(r)
		}
		if prev >= 0 && !unicode.IsSpace(prev) && !unicode.IsSpace(r) {
			out = append(out, uint64(prev)<<32|uint64(uint32(r)))
		}
		prev = r
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// sitemap lists the public pages, for search engines, at their absolute
// URLs under base (site.base_url ending in a slash).
func sitemap(base string, files map[string][]byte) []byte {
	type url struct {
		Loc string `xml:"loc"`
	}
	var urls []url
	var paths []string
	for p := range files {
		if strings.HasSuffix(p, ".html") && !strings.HasPrefix(p, "revisions/") && p != "search.html" {
			paths = append(paths, p)
		}
	}
	sort.Strings(paths)
	for _, p := range paths {
		urls = append(urls, url{Loc: pageURL(base, p)})
	}
	b, _ := xml.MarshalIndent(struct {
		XMLName xml.Name `xml:"urlset"`
		NS      string   `xml:"xmlns,attr"`
		URLs    []url    `xml:"url"`
	}{NS: "http://www.sitemaps.org/schemas/sitemap/0.9", URLs: urls}, "", "  ")
	return append([]byte(xml.Header), append(b, '\n')...)
}
