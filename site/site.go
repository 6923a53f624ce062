// Package site builds the static site of a policy: for each edition an
// index, a page per document with its table of contents, the 改訂履歴 with
// every past revision readable and its 新旧対照表, search that works for
// Japanese, and print CSS. It receives every edition's content through
// render.Edition, never the full model. Output is deterministic and each
// edition's folder is replaced atomically.
package site

import (
	"bytes"
	"embed"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"html/template"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/policyctl/policyctl/internal/diff"
	"github.com/policyctl/policyctl/internal/history"
	"github.com/policyctl/policyctl/internal/markdown"
	"github.com/policyctl/policyctl/internal/policy"
	"github.com/policyctl/policyctl/internal/ref"
	"github.com/policyctl/policyctl/render"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// Revision is a revision in force, for the archive: its content and the
// content of the revision in force before it.
type Revision struct {
	ID, Kind string
	Model    *policy.Repo
	Previous *policy.Repo // nil for the first
	PrevID   string
}

// Options say what to build.
type Options struct {
	// Dir is the output root; each edition goes to Dir/<edition>/.
	Dir      string
	Editions []policy.Edition
	// Entries is the 改訂履歴.
	Entries []history.Entry
	// InForce is the content of the newest revision in force, and its id:
	// pages that differ from it are marked 「案」. Nil when none.
	InForce   *policy.Repo
	InForceID string
	// Archive holds the revisions in force, oldest first, each published
	// under revisions/<id>/.
	Archive []Revision
}

// Build writes every edition. Each is built in a temporary folder beside
// its destination and renamed into place, so a failed build leaves the
// previous output as it was.
func Build(full *policy.Repo, o Options) ([]string, error) {
	if err := os.MkdirAll(o.Dir, 0o755); err != nil {
		return nil, err
	}
	var written []string
	// Old output is deleted while the next edition builds; Build returns
	// when it is gone.
	var cleanup sync.WaitGroup
	defer cleanup.Wait()
	for _, e := range o.Editions {
		tmp, err := os.MkdirTemp(o.Dir, ".policyctl-build-"+e.Name+"-")
		if err != nil {
			return written, err
		}
		err = buildEdition(full, e, o, tmp)
		var old string
		if err == nil {
			old, err = swap(tmp, filepath.Join(o.Dir, e.Name))
		}
		if err != nil {
			os.RemoveAll(tmp)
			return written, fmt.Errorf("site: edition %s: %w", e.Name, err)
		}
		if old != "" {
			cleanup.Add(1)
			go func() { defer cleanup.Done(); os.RemoveAll(old) }()
		}
		written = append(written, filepath.Join(o.Dir, e.Name))
	}
	return written, nil
}

// swap moves tmp to dst and returns where the previous dst went, for the
// caller to delete.
func swap(tmp, dst string) (string, error) {
	old := ""
	if _, err := os.Stat(dst); err == nil {
		old = tmp + ".old"
		if err := os.Rename(dst, old); err != nil {
			return "", err
		}
	}
	if err := os.Rename(tmp, dst); err != nil {
		if old != "" {
			_ = os.Rename(old, dst)
		}
		return "", err
	}
	return old, nil
}

// siteInfo is what every page of an edition shows.
type siteInfo struct {
	Title, Organization string
	EditionName         string // the edition: 公開版, 庁内版
	EditionLabel        string
	Current             string // 令和7年度改訂版
	Archived            string // the revision id of an archived copy
	Search              bool
}

// out collects an edition's files in memory; they are written sorted.
type out struct {
	files map[string][]byte
	mu    sync.Mutex
}

func (w *out) put(p string, b []byte) {
	w.mu.Lock()
	w.files[p] = b
	w.mu.Unlock()
}

func editionLabel(e policy.Edition, levels []string) string {
	if e.Level == 0 {
		return "公開版"
	}
	if e.Level == len(levels)-1 {
		return "庁内版（非公開）"
	}
	return e.Name + "版（非公開）"
}

func buildEdition(full *policy.Repo, e policy.Edition, o Options, dir string) error {
	ed, err := render.Edition(full, e)
	if err != nil {
		return err
	}
	w := &out{files: map[string][]byte{}}
	info := siteInfo{
		Title: full.Config.Site.Title, Organization: full.Config.Organization.Name,
		EditionName: editionLabel(e, full.Config.Visibility), EditionLabel: editionLabel(e, full.Config.Visibility),
		Current: history.Current(o.Entries), Search: true,
	}
	var inForce *policy.Repo
	if o.InForce != nil {
		if inForce, err = render.Edition(o.InForce, e); err != nil {
			return err
		}
	}
	public := e.Level == 0
	if err := writePages(w, "", ed, info, o.Entries, inForce, o.InForceID, !public); err != nil {
		return err
	}
	// The 改訂履歴 and the archive of every revision in force.
	archived := map[string]bool{}
	for _, rv := range o.Archive {
		red, err := render.Edition(rv.Model, e)
		if err != nil {
			return err
		}
		ai := info
		ai.Archived, ai.Search = rv.ID, false
		prefix := "revisions/" + rv.ID + "/"
		var upTo []history.Entry
		for _, x := range o.Entries {
			if x.Date <= rv.ID {
				upTo = append(upTo, x)
			}
		}
		ai.Current = history.Current(upTo)
		if err := writePages(w, prefix, red, ai, upTo, nil, "", !public); err != nil {
			return err
		}
		if rv.Previous != nil {
			ped, err := render.Edition(rv.Previous, e)
			if err != nil {
				return err
			}
			res := diff.Compare(ped, red, diff.Options{})
			res.Old, res.New = rv.PrevID, rv.ID
			var b bytes.Buffer
			if err := res.WriteHTML(&b, diff.HTMLOptions{OldFirst: full.Config.Diff.Order == "old-new", Kind: rv.Kind}); err != nil {
				return err
			}
			w.put(prefix+"shinkyu.html", b.Bytes())
		}
		archived[rv.ID] = true
	}
	if err := writeHistory(w, info, o, archived, !public); err != nil {
		return err
	}
	static, _ := fs.Sub(staticFS, "static")
	_ = fs.WalkDir(static, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := fs.ReadFile(static, p)
			w.put(p, b)
		}
		return nil
	})
	if public {
		w.put("sitemap.xml", sitemap(full.Config.Site.BaseURL, w.files))
		w.put("robots.txt", []byte("User-agent: *\nAllow: /\n"))
	} else {
		w.put("robots.txt", []byte("User-agent: *\nDisallow: /\n"))
	}
	return w.write(dir)
}

// write puts the files on disk: folders first, then the files from a few
// goroutines, since creating files is mostly waiting on the kernel.
func (w *out) write(dir string) error {
	paths := make([]string, 0, len(w.files))
	dirs := map[string]bool{}
	for p := range w.files {
		paths = append(paths, p)
		dirs[path.Dir(p)] = true
	}
	sort.Strings(paths)
	for d := range dirs {
		if err := os.MkdirAll(filepath.Join(dir, filepath.FromSlash(d)), 0o755); err != nil {
			return err
		}
	}
	errs := make(chan error, len(paths))
	jobs := make(chan string)
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range jobs {
				if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(p)), w.files[p], 0o644); err != nil {
					errs <- err
				}
			}
		}()
	}
	for _, p := range paths {
		jobs <- p
	}
	close(jobs)
	wg.Wait()
	close(errs)
	return <-errs
}

// links maps documents and files onto one folder of pages.
type links struct{ ed *policy.Repo }

func (links) Page(from, to *policy.Document) string { return PageName(to) }

func (l links) File(from *policy.Document, p string) string {
	if _, err := fs.Stat(l.ed.FS, p); err != nil {
		return ""
	}
	return "files/" + p
}

// PageName is a document's page: its id, which is stable forever.
func PageName(d *policy.Document) string { return d.Meta.ID + ".html" }

type docLink struct {
	URL, Title string
	Draft      bool
}

type tierGroup struct {
	Tier policy.Tier
	Name string
	Docs []docLink
}

// order sorts documents for reading: 基本方針, 対策基準, 実施手順, then by path.
func order(docs []*policy.Document) []*policy.Document {
	rank := map[policy.Tier]int{policy.TierBasic: 0, policy.TierStandard: 1, policy.TierProcedure: 2}
	out := append([]*policy.Document(nil), docs...)
	sort.SliceStable(out, func(i, j int) bool {
		ri, ok := rank[out[i].Meta.Tier]
		if !ok {
			ri = 3
		}
		rj, ok := rank[out[j].Meta.Tier]
		if !ok {
			rj = 3
		}
		if ri != rj {
			return ri < rj
		}
		return out[i].Path < out[j].Path
	})
	return out
}

// writePages renders every document of an edition model into prefix/.
func writePages(w *out, prefix string, ed *policy.Repo, info siteInfo, entries []history.Entry, inForce *policy.Repo, inForceID string, noindex bool) error {
	docs := order(ed.Docs)
	root := strings.Repeat("../", strings.Count(prefix, "/"))
	resolver := ref.New(ed)
	lk := links{ed: ed}
	drafts := map[*policy.Document]string{}
	if inForce != nil {
		for _, d := range docs {
			f := inForce.Doc(d.Meta.ID)
			if f == nil || !bytes.Equal(f.Source, d.Source) {
				drafts[d] = inForceID
			}
		}
	}
	historyHTML := historyTable(entries)
	pages := make([]*render.Page, len(docs))
	errs := make([]error, len(docs))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, d := range docs {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			pages[i], errs[i] = render.Document(ed, resolver, d, lk, render.Extras{History: historyHTML, Edition: info.Current})
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	var groups []tierGroup
	for _, d := range docs {
		name := d.Meta.Tier.Japanese()
		if len(groups) == 0 || groups[len(groups)-1].Tier != d.Meta.Tier {
			groups = append(groups, tierGroup{Tier: d.Meta.Tier, Name: name})
		}
		g := &groups[len(groups)-1]
		g.Docs = append(g.Docs, docLink{URL: PageName(d), Title: d.Meta.Title, Draft: drafts[d] != ""})
	}
	base := map[string]any{"Site": info, "Root": root, "NoIndex": noindex}
	with := func(extra map[string]any) map[string]any {
		m := map[string]any{}
		for k, v := range base {
			m[k] = v
		}
		for k, v := range extra {
			m[k] = v
		}
		return m
	}
	page, err := execute("index.html", with(map[string]any{"Title": "文書一覧", "Groups": groups}))
	if err != nil {
		return err
	}
	w.put(prefix+"index.html", page)
	var sections []searchSection
	for i, d := range docs {
		var prev, next *docLink
		if i > 0 {
			prev = &docLink{URL: PageName(docs[i-1]), Title: docs[i-1].Meta.Title}
		}
		if i+1 < len(docs) {
			next = &docLink{URL: PageName(docs[i+1]), Title: docs[i+1].Meta.Title}
		}
		b, err := execute("doc.html", with(map[string]any{
			"Title": d.Meta.Title, "Doc": d.Meta, "HTML": pages[i].HTML, "TOC": pages[i].TOC,
			"Prev": prev, "Next": next, "Draft": drafts[d],
		}))
		if err != nil {
			return err
		}
		w.put(prefix+PageName(d), b)
		sections = append(sections, searchSections(d)...)
		for _, f := range render.LinkedFiles(d) {
			if b, err := fs.ReadFile(ed.FS, f); err == nil {
				w.put(prefix+"files/"+f, b)
			}
		}
	}
	if info.Search {
		b, err := execute("search.html", with(map[string]any{"Title": "検索"}))
		if err != nil {
			return err
		}
		w.put(prefix+"search.html", b)
		w.put(prefix+"search-index.js", searchIndex(sections))
	}
	return nil
}

// historyTable renders the 改訂履歴 where a document's directive asks for
// it: the month and kind of every revision, as the first page of a policy
// prints them.
func historyTable(entries []history.Entry) template.HTML {
	var b strings.Builder
	b.WriteString(`<table class="history-compact"><caption>改訂履歴</caption><tbody>`)
	for _, e := range entries {
		b.WriteString(`<tr><th scope="row">` + template.HTMLEscapeString(monthOf(e.Wareki)) + `</th><td>` + template.HTMLEscapeString(e.Kind) + `</td></tr>`)
	}
	b.WriteString(`</tbody></table>`)
	return template.HTML(b.String())
}

type historyRow struct {
	Month, Kind, Edition string
	Legacy               bool
	Changes              []string
	Archive, Shinkyu     string
}

func writeHistory(w *out, info siteInfo, o Options, archived map[string]bool, noindex bool) error {
	var rows []historyRow
	for _, e := range o.Entries {
		r := historyRow{Month: monthOf(e.Wareki), Kind: e.Kind, Edition: e.Edition, Legacy: e.Legacy}
		for _, c := range e.Documents {
			word := map[string]string{"added": "新設", "modified": "改正", "removed": "廃止"}[c.What]
			r.Changes = append(r.Changes, c.Title+"（"+word+"）")
		}
		if archived[e.Revision] {
			r.Archive = "revisions/" + e.Revision + "/index.html"
			for _, a := range o.Archive {
				if a.ID == e.Revision && a.Previous != nil {
					r.Shinkyu = "revisions/" + e.Revision + "/shinkyu.html"
				}
			}
		}
		rows = append(rows, r)
	}
	b, err := execute("history.html", map[string]any{"Site": info, "Root": "", "NoIndex": noindex, "Title": "改訂履歴", "Entries": rows})
	if err != nil {
		return err
	}
	w.put("history.html", b)
	return nil
}

func monthOf(wareki string) string {
	if i := strings.Index(wareki, "月"); i >= 0 {
		return wareki[:i+len("月")]
	}
	return wareki
}

var (
	templatesMu sync.Mutex
	parsed      = map[string]*template.Template{}
)

// page returns the layout with one page's content template, parsed once.
func page(name string) (*template.Template, error) {
	templatesMu.Lock()
	defer templatesMu.Unlock()
	if t, ok := parsed[name]; ok {
		return t, nil
	}
	t, err := template.ParseFS(templateFS, "templates/layout.html", "templates/"+name)
	if err != nil {
		return nil, err
	}
	parsed[name] = t
	return t, nil
}

func execute(name string, data any) ([]byte, error) {
	t, err := page(name)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := t.ExecuteTemplate(&b, "layout", data); err != nil {
		return nil, fmt.Errorf("site: %s: %w", name, err)
	}
	return b.Bytes(), nil
}

// searchSection is one entry of the search index: a heading section with
// the text up to the next heading.
type searchSection struct {
	URL, Title, Doc, Text string
}

func searchSections(d *policy.Document) []searchSection {
	body := d.Body()
	var out []searchSection
	var heads []*policy.Section
	for _, s := range d.Sections() {
		if s.Kind == policy.KindHeading {
			heads = append(heads, s)
		}
	}
	var b strings.Builder
	for i, h := range heads {
		end := len(body)
		if i+1 < len(heads) {
			end = heads[i+1].Offset
		}
		b.Reset()
		b.WriteString(markdown.PlainText(h.Node, body))
		b.WriteString(" ")
		b.WriteString(plain(body[h.Offset:end]))
		out = append(out, searchSection{URL: PageName(d) + "#" + h.ID, Title: strings.TrimSpace(h.Label + " " + h.Title), Doc: d.Meta.Title, Text: b.String()})
	}
	if len(heads) == 0 {
		out = append(out, searchSection{URL: PageName(d), Title: d.Meta.Title, Doc: d.Meta.Title, Text: plain(body)})
	}
	return out
}

// plain strips Markdown punctuation enough for search snippets.
func plain(b []byte) string {
	s := string(b)
	s = strings.NewReplacer("#", "", "*", "", "|", " ", "`", "", "\n", " ", "<!-- policyctl:history -->", "", "<!-- policyctl:edition -->", "").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

// searchIndex writes the index as a script, so search works on a site
// opened from files as well as over HTTP: sections, and for each character
// bigram (NFKC, lower case) the sections that contain it.
func searchIndex(sections []searchSection) []byte {
	type entry struct {
		U string `json:"u"`
		T string `json:"t"`
		D string `json:"d"`
		X string `json:"x"`
	}
	grams := map[[2]rune][]int32{}
	last := map[[2]rune]int32{} // the last section added to each posting list
	entries := make([]entry, len(sections))
	for i, s := range sections {
		entries[i] = entry{s.URL, s.Title, s.Doc, s.Text}
		var prev rune = -1
		for _, r := range strings.ToLower(norm.NFKC.String(s.Title + " " + s.Text)) {
			if prev >= 0 && !unicode.IsSpace(prev) && !unicode.IsSpace(r) {
				g := [2]rune{prev, r}
				if l, ok := last[g]; !ok || l != int32(i) {
					grams[g] = append(grams[g], int32(i))
					last[g] = int32(i)
				}
			}
			prev = r
		}
	}
	keys := make([][2]rune, 0, len(grams))
	for g := range grams {
		keys = append(keys, g)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i][0] != keys[j][0] {
			return keys[i][0] < keys[j][0]
		}
		return keys[i][1] < keys[j][1]
	})
	var b bytes.Buffer
	b.WriteString("window.POLICYCTL_INDEX = {\"sections\":")
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(true)
	_ = enc.Encode(entries)
	b.Truncate(b.Len() - 1)
	b.WriteString(",\"grams\":{")
	for i, g := range keys {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(string(g[:]))
		b.Write(k)
		b.WriteString(":[")
		for j, n := range grams[g] {
			if j > 0 {
				b.WriteByte(',')
			}
			b.WriteString(strconv.Itoa(int(n)))
		}
		b.WriteByte(']')
	}
	b.WriteString("}};\n")
	return b.Bytes()
}

// sitemap lists the public pages, for search engines.
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
		loc := p
		if base != "" {
			loc = strings.TrimSuffix(base, "/") + "/" + path.Clean(p)
		}
		urls = append(urls, url{Loc: loc})
	}
	b, _ := xml.MarshalIndent(struct {
		XMLName xml.Name `xml:"urlset"`
		NS      string   `xml:"xmlns,attr"`
		URLs    []url    `xml:"url"`
	}{NS: "http://www.sitemaps.org/schemas/sitemap/0.9", URLs: urls}, "", "  ")
	return append([]byte(xml.Header), append(b, '\n')...)
}
