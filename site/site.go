// Package site builds the static site of a policy: for each edition an
// index, a page per document with its table of contents, the 改訂履歴 with
// every past revision readable and its 新旧対照表, search that works for
// Japanese, and print CSS. It receives every edition's content through
// render.Edition, never the full model, and lists in derived text (the
// 改訂履歴, archives, search, sitemap) only what the edition sees. Before an
// edition is swapped into place a tripwire scans every output byte and file
// name for restricted text. Output is deterministic and each edition's
// folder is exchanged atomically.
package site

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"

	"golang.org/x/sync/errgroup"

	"github.com/policyctl/policyctl/internal/cache"
	"github.com/policyctl/policyctl/internal/diff"
	"github.com/policyctl/policyctl/internal/history"
	"github.com/policyctl/policyctl/internal/i18n"
	"github.com/policyctl/policyctl/internal/policy"
	"github.com/policyctl/policyctl/internal/progress"
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
	// pages that differ from it are marked 「案」. Nil when none. Its
	// configuration is the approved one: an edition shows no level that the
	// approved configuration does not give it.
	InForce   *policy.Repo
	InForceID string
	// Scheduled is the content of the newest approved revision whose day
	// has not come, and its id: a page that differs from the revision in
	// force but is that content says 施行予定, not 案. Nil when none.
	Scheduled   *policy.Repo
	ScheduledID string
	// Approved is the configuration of the newest approved revision, in
	// force or scheduled: it narrows every edition too. Nil when none.
	Approved *policy.Config
	// Narrow are more configurations that narrow every edition: those
	// approved on the history the command was run from, when it built
	// another revision (--rev a branch or commit whose own history holds
	// no approval must not be cut by its draft configuration alone).
	Narrow []*policy.Config
	// Archive holds the revisions in force, oldest first, each published
	// under revisions/<id>/.
	Archive []Revision
	// Approvals is the 承認状況 of each revision, for the secretariat: only
	// an edition that sees every level shows it (approvals.html), since it
	// names every document and committee.
	Approvals []ApprovalTable
	// Warn receives what the build leaves out and why (an archived
	// revision that cannot be published safely, a sitemap without
	// site.base_url).
	Warn io.Writer
	// Cache keeps rendered pages for the next build (nil: none).
	Cache *cache.Cache
	// Progress counts the pages rendered and the files written.
	Progress *progress.Meter
	// noTripwire lets tests check that the pipeline itself does not leak,
	// without the tripwire catching it afterwards.
	noTripwire bool
}

// Build writes every edition. Each is rendered in memory, checked by the
// tripwire and written to a temporary folder beside its destination; when
// all are written, they are exchanged with their destinations. A failed
// build leaves the previous output of every edition as it was, and a web
// server never sees a folder missing.
func Build(full *policy.Repo, o Options) ([]string, error) {
	// A document whose page would be one of the site's own stops the
	// build before any edition is rendered (each edition's writer refuses
	// it too). An archived
	// revision that holds one is left out (buildEdition), as an edition
	// that cuts leaves out one that check refuses: its content is sealed,
	// and a new revision that renames the document must be publishable.
	if err := reservedPages(full); err != nil {
		return nil, err
	}
	out, err := openOutput(o.Dir)
	if err != nil {
		return nil, err
	}
	defer out.close()
	names := make([]string, len(o.Editions))
	for i, e := range o.Editions {
		names[i] = e.Name
	}
	// Every edition is built and written aside before any is swapped in:
	// one that fails (a refusal, the tripwire, a path only it has twice)
	// leaves the others as they were too.
	return out.publishAll(names, func(i int) (map[string][]byte, error) {
		e := o.Editions[i]
		if o.InForce != nil {
			e = e.Restrict(o.InForce.Config)
		}
		if o.Approved != nil {
			e = e.Restrict(o.Approved)
		}
		for _, c := range o.Narrow {
			e = e.Restrict(c)
		}
		return buildEdition(full, e, o)
	}, o.Progress)
}

// reservedPages refuses a build whose content has a document with an id
// that names one of the site's own pages (policy.ReservedIDs).
func reservedPages(full *policy.Repo) error {
	var errs []error
	for _, d := range reservedDocs(full) {
		errs = append(errs, i18n.Errorf("site: %s: the document's id %q names the site's own page %s.html, which its page would replace or be replaced by; choose another id (policyctl check reports it as frontmatter/id)", d.Path, d.Meta.ID, d.Meta.ID))
	}
	return errors.Join(errs...)
}

// reservedDocs are the documents of r whose id names one of the site's
// own pages.
func reservedDocs(r *policy.Repo) []*policy.Document {
	var out []*policy.Document
	for _, d := range r.Docs {
		if slices.Contains(policy.ReservedIDs, d.Meta.ID) {
			out = append(out, d)
		}
	}
	return out
}

// siteInfo is what every page of an edition shows.
type siteInfo struct {
	Title, Organization string
	EditionName         string // the edition: 公開版, 庁内版
	EditionLabel        string
	Current             string // 令和7年度改訂版
	// Archived describes an archived copy (revisions/<id>/); nil for the
	// edition's current pages.
	Archived *archiveNote
	Search   bool
	// Approvals: the edition has the 承認状況 page.
	Approvals bool
	// baseURL is site.base_url with a final slash, set for the public
	// edition only: canonical links and the sitemap.
	baseURL string
}

// archiveNote says which revision an archived copy is and whether it is in
// force: the copy of the revision in force is 施行中, never 「過去の版」.
type archiveNote struct {
	ID string
	// State continues 「この版は、」: 令和8年3月31日から施行されている版です（施行中）。
	State phrase
}

// files collects an edition's output in memory, and the sentences the
// site wrote around dates, which the tripwire must not count as restricted.
type files struct {
	mu        sync.Mutex
	m         map[string][]byte
	generated []string
	// twice are the paths put more than once: one output replaced
	// another, which check refuses (see check).
	twice []string
}

func (w *files) allow(texts ...string) {
	w.mu.Lock()
	w.generated = append(w.generated, texts...)
	w.mu.Unlock()
}

func (w *files) put(p string, b []byte) {
	w.mu.Lock()
	if _, ok := w.m[p]; ok {
		w.twice = append(w.twice, p)
	}
	w.m[p] = b
	w.mu.Unlock()
}

// check refuses an edition in which one output would replace another:
// a path put twice (a document whose page, <id>.html, is one of the
// site's own pages; anything else), or two paths that are one file on a
// case-insensitive or normalising file system or web server.
func (w *files) check() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	var errs []error
	twice := slices.Clone(w.twice)
	slices.Sort(twice)
	for _, p := range slices.Compact(twice) {
		if stem, ok := strings.CutSuffix(path.Base(p), ".html"); ok && slices.Contains(policy.ReservedIDs, stem) {
			errs = append(errs, i18n.Errorf("site: %s would be written twice: the page of the document with id %q and the site's own page of that name; choose another id for the document (policyctl check reports it)", p, stem))
			continue
		}
		errs = append(errs, i18n.Errorf("site: %s would be written twice: one output of the site would replace another", p))
	}
	paths := make([]string, 0, len(w.m))
	for p := range w.m {
		paths = append(paths, p)
	}
	return errors.Join(append(errs, pathCollisions(paths))...)
}

// page renders a page template into p, with its canonical URL where the
// edition has one.
func (w *files) page(p, tmpl string, data pageData) error {
	if data.Site.baseURL != "" {
		data.Canonical = pageURL(data.Site.baseURL, p)
	}
	b, err := execute(tmpl, data)
	if err != nil {
		return err
	}
	w.put(p, b)
	return nil
}

// pageURL is the absolute URL of an output file; a folder's index.html is
// the folder, as servers and search engines name it.
func pageURL(base, p string) string {
	if d, ok := strings.CutSuffix(p, "index.html"); ok && (d == "" || strings.HasSuffix(d, "/")) {
		return base + d
	}
	return base + p
}

// normalizeBase ends site.base_url with a slash, so page paths append to it.
func normalizeBase(u string) string {
	if u == "" || strings.HasSuffix(u, "/") {
		return u
	}
	return u + "/"
}

func editionLabel(e policy.Edition, c *policy.Config) string {
	switch {
	case e.SeesAll(c):
		return "庁内版（非公開）"
	case len(e.Levels) <= 1:
		return "公開版"
	}
	return e.Name + "版（非公開）"
}

// public reports whether an edition is the one for everyone: it sees only
// the least restricted level. It gets a sitemap and no noindex.
func public(e policy.Edition, c *policy.Config) bool {
	return len(e.Levels) == 1 && len(c.Visibility) > 0 && e.Levels[0] == c.Visibility[0]
}

// buildEdition renders one edition into memory and runs the tripwire.
func buildEdition(full *policy.Repo, e policy.Edition, o Options) (map[string][]byte, error) {
	ed, err := render.Edition(full, e)
	if err != nil {
		return nil, err
	}
	if len(ed.Docs()) == 0 && len(full.Docs) > 0 {
		// Most often a visibility misspelt or left out: the document is
		// then the most restricted level, and this edition is empty.
		warn(o.Warn, i18n.Sprintf("site: the %s edition holds no document: none of the %d documents has a visibility it shows (%s); check each document's visibility:\n", e.Name, len(full.Docs), strings.Join(e.Levels, i18n.T(", "))))
	}
	w := &files{m: map[string][]byte{}}
	trip := render.NewTripwire(ed)
	trip.Allow(generatedTexts()...)
	trip.Allow(templateJoins(full.Config.Site.Title, full.Config.Organization.Name)...)
	isPublic := public(e, full.Config)
	info := siteInfo{
		Title: full.Config.Site.Title, Organization: full.Config.Organization.Name,
		EditionName: editionLabel(e, full.Config), EditionLabel: editionLabel(e, full.Config),
		Current: history.Current(o.Entries), Search: true,
		// The 承認状況 names every document and committee: only an edition
		// that cuts nothing may show it.
		Approvals: ed.Complete() && len(o.Approvals) > 0,
	}
	if isPublic {
		info.baseURL = normalizeBase(full.Config.Site.BaseURL)
	}
	var inForce *render.EditionModel
	if o.InForce != nil {
		if inForce, err = render.Edition(o.InForce, e.Restrict(o.InForce.Config)); err != nil {
			return nil, i18n.Errorf("the revision in force (%s): %w", o.InForceID, err)
		}
		trip.Add(inForce)
	}
	var scheduled *render.EditionModel
	if o.Scheduled != nil {
		// Cut as this edition is: whether a page is the scheduled content
		// must not tell a reader that a part they cannot see changed.
		// It is compared, never rendered: the tripwire does not take
		// what it shows for shown.
		if scheduled, err = render.Edition(o.Scheduled, e.Restrict(o.Scheduled.Config)); err != nil {
			return nil, i18n.Errorf("the scheduled revision (%s): %w", o.ScheduledID, err)
		}
	}
	current := pageSet{meter: o.Progress, cache: o.Cache, full: full, ed: ed, info: info, entries: o.Entries, inForce: inForce, inForceID: o.InForceID, scheduled: scheduled, scheduledID: o.ScheduledID, noindex: !isPublic}
	if err := writePages(w, current); err != nil {
		return nil, err
	}
	// The 改訂履歴 and the archive of every revision in force, each cut
	// under its own configuration as well as the current one.
	models := map[string]*render.EditionModel{}
	archived := map[string]bool{}
	for i, rv := range o.Archive {
		if ds := reservedDocs(rv.Model); len(ds) > 0 {
			warn(o.Warn, i18n.Sprintf("site: the %s edition leaves out revision %s: the id %q of %s names the site's own page %s.html\n", e.Name, rv.ID, ds[0].Meta.ID, ds[0].Path, ds[0].Meta.ID))
			continue
		}
		red, err := render.Edition(rv.Model, e.Restrict(rv.Model.Config))
		var refused *render.RefusedError
		if errors.As(err, &refused) {
			warn(o.Warn, i18n.Sprintf("site: the %s edition leaves out revision %s: %v\n", e.Name, rv.ID, err))
			continue
		}
		if err != nil {
			return nil, i18n.Errorf("revision %s: %w", rv.ID, err)
		}
		models[rv.ID] = red
		trip.AddRevision(red, rv.ID)
		ai := info
		ai.Archived = archiveOf(o, i)
		w.allow(ai.Archived.State.String())
		prefix := "revisions/" + rv.ID + "/"
		var upTo []history.Entry
		for _, x := range o.Entries {
			if x.Date <= rv.ID {
				upTo = append(upTo, x)
			}
		}
		ai.Current = history.Current(upTo)
		// An archived copy has no search of its own: the navigation leads
		// to the edition's search.
		set := pageSet{meter: o.Progress, cache: o.Cache, prefix: prefix, full: rv.Model, ed: red, info: ai, entries: upTo, noindex: !isPublic, current: ed, noSearch: true}
		if err := writePages(w, set); err != nil {
			return nil, err
		}
		if ped := models[rv.PrevID]; rv.Previous != nil && ped != nil {
			if err := writeShinkyu(w, set, rv, ped, full.Config.Diff.Order == "old-new"); err != nil {
				return nil, i18n.Errorf("revision %s: 新旧対照表: %w", rv.ID, err)
			}
		}
		archived[rv.ID] = true
	}
	if err := writeHistory(w, info, o, models, archived, !isPublic); err != nil {
		return nil, err
	}
	if info.Approvals {
		if err := writeApprovals(w, info, o.Approvals); err != nil {
			return nil, err
		}
	}
	static, _ := fs.Sub(staticFS, "static")
	_ = fs.WalkDir(static, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := fs.ReadFile(static, p)
			w.put(p, b)
		}
		return nil
	})
	switch {
	case isPublic && info.baseURL != "":
		w.put("sitemap.xml", sitemap(info.baseURL, w.m))
		w.put("robots.txt", []byte("User-agent: *\nAllow: /\n\nSitemap: "+info.baseURL+"sitemap.xml\n"))
	case isPublic:
		// A sitemap of relative URLs is invalid: search engines need
		// absolute ones, and only the configuration knows the address.
		warn(o.Warn, i18n.Sprintf("site: the %s edition has no sitemap.xml: set site.base_url in %s to the address it is published at, such as https://www.city.example.jp/security-policy/\n", e.Name, policy.ConfigFile))
		w.put("robots.txt", []byte("User-agent: *\nAllow: /\n"))
	default:
		w.put("robots.txt", []byte("User-agent: *\nDisallow: /\n"))
	}
	if err := w.check(); err != nil {
		return nil, err
	}
	if !o.noTripwire {
		trip.Allow(w.generated...)
		// The 新旧対照表's words beside a title: its Word file.
		trip.AllowBesideTitles(diff.LabelsFor("").Words()...)
		if err := trip.Scan(w.m); err != nil {
			return nil, err
		}
	}
	return w.m, nil
}

// archiveOf describes the archived copy of o.Archive[i]: the revision in
// force is 施行中; an older one was in force until the day before the next
// took effect; a newer one (approved, effective later) is 施行予定.
func archiveOf(o Options, i int) *archiveNote {
	rv := o.Archive[i]
	from := dateOf(rv.ID)
	inForce := o.InForceID
	if inForce == "" {
		inForce = o.Archive[len(o.Archive)-1].ID
	}
	n := &archiveNote{ID: rv.ID}
	switch {
	case rv.ID == inForce:
		n.State = phrase{date(from), text("から施行されている版です（"), strong("施行中"), text("）。")}
	case rv.ID > inForce:
		n.State = phrase{date(from), text("から施行される版です（"), strong("施行予定"), text("）。")}
	case i+1 < len(o.Archive):
		if last, ok := dayBefore(o.Archive[i+1].ID); ok {
			n.State = phrase{date(from), text("から"), date(dateOf(last)), text("まで施行されていた過去の版です。")}
			break
		}
		fallthrough
	default:
		n.State = phrase{date(from), text("から施行された過去の版です。")}
	}
	return n
}

// generatedTexts are the texts the site writes itself: templates, static
// files and labels. The tripwire does not count them as restricted.
func generatedTexts() []string {
	var out []string
	for _, f := range []fs.FS{templateFS, staticFS} {
		_ = fs.WalkDir(f, ".", func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				b, _ := fs.ReadFile(f, p)
				out = append(out, string(b))
			}
			return nil
		})
	}
	return append(out, generatedLabels()...)
}

// generatedLabels are the labels the site writes outside its templates.
func generatedLabels() []string {
	out := []string{HiddenChanges, "公開版", "庁内版（非公開）", "文書一覧", "改訂履歴", "検索", "承認状況",
		timelineLegend, docxLabel, kaimebunLabel, staleNote, currentNote}
	for _, s := range []ApprovalState{Approved, Missing, Stale, Scheduled, Unrequired} {
		out = append(out, s.describe())
	}
	return out
}

// actionRE matches a template action; the text between actions is what
// the templates write themselves.
var actionRE = regexp.MustCompile(`(?s)\{\{.*?\}\}`)

// tagOrLineRE splits template text into the pieces a reader sees apart.
var tagOrLineRE = regexp.MustCompile(`<[^>]*>|\n`)

// templateJoins are the site's own values — its title, the organisation's
// name — joined to each piece of text the templates write next to values
// ("{{.Site.Title}}の改訂履歴"), and to the labels the site writes. Both
// parts are public, so their joins are too; without them a restricted
// sentence sharing a 12-character run with such a join ("…情報セキュリティ
// ポリシーの遵守状況") stopped every build of the public edition.
func templateJoins(values ...string) []string {
	var pieces []string
	_ = fs.WalkDir(templateFS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		b, _ := fs.ReadFile(templateFS, p)
		for _, lit := range actionRE.Split(string(b), -1) {
			// Tags end a piece: the tripwire's views read text with and
			// without them, so both sides of a tag are pieces.
			for _, piece := range tagOrLineRE.Split(lit, -1) {
				if piece = strings.TrimSpace(piece); piece != "" {
					pieces = append(pieces, piece)
				}
			}
		}
		return nil
	})
	pieces = append(pieces, generatedLabels()...)
	return render.Joins(values, pieces)
}

// warn writes a warning when the caller asked for them.
func warn(w io.Writer, msg string) {
	if w != nil {
		io.WriteString(w, msg)
	}
}

// links maps documents and files onto one folder of pages.
type links struct{ ed *render.EditionModel }

func (links) Page(from, to *policy.Document) string { return PageName(to) }

func (l links) File(from *policy.Document, p string) string {
	if _, ok := l.ed.Asset(p); !ok {
		return ""
	}
	return "files/" + p
}

// PageName is a document's page: its id, which is stable forever.
func PageName(d *policy.Document) string { return d.Meta.ID + ".html" }

type docLink struct {
	URL, Title string
	Draft      bool
	// Mark is the word of a draft's badge: 案, or 施行予定 for the content
	// of an approved revision whose day has not come.
	Mark string
}

type tierGroup struct {
	Tier policy.Tier
	Name string
	Docs []docLink
}

// pageData is what a template receives: the layout's fields and those of
// each kind of page.
type pageData struct {
	Site      siteInfo
	Root      string
	NoIndex   bool
	Title     string
	Canonical string
	// index.html
	Groups []tierGroup
	// doc.html
	Doc        policy.FrontMatter
	HTML       template.HTML
	TOC        []render.TOCEntry
	Prev, Next *docLink
	// Draft says that a page differs from the revision in force; Mark is
	// its word (案, or 施行予定).
	Draft phrase
	Mark  string
	// Latest is, on an archived page, the document's page in the current
	// edition ("" when the document is no longer in it).
	Latest string
	// history.html
	Entries  []historyRow
	Timeline template.HTML
	// approvals.html
	Approvals []approvalView
	// shinkyu.html
	Shinkyu *shinkyuView
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

// pageSet is one set of document pages: the edition's current pages, or
// the archived copy of a revision under revisions/<id>/.
type pageSet struct {
	meter  *progress.Meter
	cache  *cache.Cache
	prefix string
	// full is the model the edition was cut from: its references,
	// resolved once, serve every document the cut left as it was.
	full      *policy.Repo
	ed        *render.EditionModel
	info      siteInfo
	entries   []history.Entry
	inForce   *render.EditionModel // pages that differ from it are 「案」
	inForceID string
	// scheduled is the approved revision to come, cut as this edition:
	// a page that shows its content is 施行予定, not 案.
	scheduled   *render.EditionModel
	scheduledID string
	noindex     bool
	// current is, for an archived set, the edition's current content: an
	// archived page links to the newest version of its document.
	current  *render.EditionModel
	noSearch bool
}

func (s pageSet) root() string { return strings.Repeat("../", strings.Count(s.prefix, "/")) }

// writePages renders every document of a page set.
func writePages(w *files, s pageSet) error {
	ed, prefix := s.ed, s.prefix
	docs := order(ed.Docs())
	root := s.root()
	resolver := render.EditionRefs(ed, s.full)
	lk := links{ed: ed}
	var drafts map[*policy.Document]bool
	var draft phrase
	var marks map[*policy.Document]bool // drafts that are the scheduled revision's content
	var scheduled phrase
	switch {
	case s.inForce != nil:
		drafts = map[*policy.Document]bool{}
		draft = phrase{text("この文書は、施行中の版（"), date(dateOf(s.inForceID)), text("施行）と内容が異なります。承認前の案であり、施行中の規程ではありません。")}
		w.allow(draft.String())
		for _, d := range docs {
			// What a reader sees differs (a restricted part added leaves
			// only a comment in the cut, and no mark).
			if f := s.inForce.Repo().Doc(d.Meta.ID); f == nil || diff.Differs(f, d) {
				drafts[d] = true
			}
		}
		if s.scheduled != nil {
			scheduled = phrase{text("この文書は、承認済みで"), date(dateOf(s.scheduledID)), text("に施行される版の内容です。施行中の版（"), date(dateOf(s.inForceID)), text("施行）とは内容が異なります。")}
		}
	case s.current == nil:
		// Nothing is in force yet (an archive is a revision that was): every
		// page of the edition is a draft.
		drafts = map[*policy.Document]bool{}
		draft = phrase{text("施行中の版はまだありません。この文書は承認前の案であり、施行中の規程ではありません。")}
		w.allow(draft.String())
		for _, d := range docs {
			drafts[d] = true
		}
		if s.scheduled != nil {
			scheduled = phrase{text("この文書は、承認済みで"), date(dateOf(s.scheduledID)), text("に施行される版の内容です。施行中の版はまだありません。")}
		}
	}
	if scheduled != nil {
		w.allow(scheduled.String())
		marks = map[*policy.Document]bool{}
		for _, d := range docs {
			if sd := s.scheduled.Repo().Doc(d.Meta.ID); drafts[d] && sd != nil && !diff.Differs(sd, d) {
				marks[d] = true
			}
		}
	}
	historyHTML := historyTable(s.entries)
	base := pageData{Site: s.info, Root: root, NoIndex: s.noindex}
	sections := make([][]searchSection, len(docs))
	// Each document's page is rendered and written by one worker: the
	// pages share nothing but the edition, which they only read.
	s.meter.Phase(i18n.Sprintf("rendering the %s edition", s.info.EditionName), len(docs))
	defer s.meter.Done()
	var g errgroup.Group
	g.SetLimit(workers())
	for i, d := range docs {
		g.Go(func() error {
			defer s.meter.Add(1)
			page, err := render.CachedDocument(s.cache, ed, resolver, d, lk, render.Extras{History: historyHTML, Edition: s.info.Current})
			if err != nil {
				return err
			}
			sections[i] = searchSections(d)
			p := base
			p.Title, p.Doc, p.HTML, p.TOC = d.Meta.Title, d.Meta, page.HTML, page.TOC
			switch {
			case marks[d]:
				p.Draft, p.Mark = scheduled, "施行予定"
			case drafts[d]:
				p.Draft, p.Mark = draft, "案"
			}
			if s.current != nil && s.current.Repo().Doc(d.Meta.ID) != nil {
				p.Latest = root + PageName(d)
			}
			if i > 0 {
				p.Prev = &docLink{URL: PageName(docs[i-1]), Title: docs[i-1].Meta.Title}
			}
			if i+1 < len(docs) {
				p.Next = &docLink{URL: PageName(docs[i+1]), Title: docs[i+1].Meta.Title}
			}
			return w.page(prefix+PageName(d), "doc.html", p)
		})
	}
	if err := g.Wait(); err != nil {
		return err
	}
	var groups []tierGroup
	for _, d := range docs {
		name := d.Meta.Tier.Japanese()
		if !slices.Contains(policy.Tiers, d.Meta.Tier) {
			name = "その他の文書"
		}
		if len(groups) == 0 || groups[len(groups)-1].Tier != d.Meta.Tier {
			groups = append(groups, tierGroup{Tier: d.Meta.Tier, Name: name})
		}
		g := &groups[len(groups)-1]
		mark := "案"
		if marks[d] {
			mark = "施行予定"
		}
		g.Docs = append(g.Docs, docLink{URL: PageName(d), Title: d.Meta.Title, Draft: drafts[d], Mark: mark})
	}
	idx := base
	idx.Title, idx.Groups = "文書一覧", groups
	if err := w.page(prefix+"index.html", "index.html", idx); err != nil {
		return err
	}
	var all []searchSection
	for i := range docs {
		all = append(all, sections[i]...)
	}
	for _, f := range ed.Assets() {
		b, _ := ed.Asset(f)
		w.put(prefix+"files/"+f, b)
	}
	if !s.noSearch {
		p := base
		p.Title = "検索"
		if err := w.page(prefix+"search.html", "search.html", p); err != nil {
			return err
		}
		w.put(prefix+"search-index.js", searchIndex(all))
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
		d := monthOfDate(e.Date)
		b.WriteString(`<tr><th scope="row"><time datetime="` + template.HTMLEscapeString(d.ISO) + `">` + template.HTMLEscapeString(d.Text) + `</time></th><td>` + template.HTMLEscapeString(e.Kind) + `</td></tr>`)
	}
	b.WriteString(`</tbody></table>`)
	return template.HTML(b.String())
}

type historyRow struct {
	Date          jdate
	Kind, Edition string
	Legacy        bool
	// InForce marks the revision in force (施行中); Scheduled one that is
	// approved and takes effect later (施行予定).
	InForce, Scheduled bool
	Changes            []string
	Archive, Shinkyu   string
}

// HiddenChanges is how the 改訂履歴 of an edition names a revision's changes
// to documents or parts the edition does not see: it says that something it
// cannot show changed, and nothing about what.
const HiddenChanges = "非公開部分の改正"

// editionChanges lists what a revision changed, as the edition sees it: the
// documents whose edition content was added, changed or removed, and the
// generic HiddenChanges when anything else changed.
func editionChanges(e history.Entry, cur, prev *render.EditionModel, full *policy.Repo) []string {
	if len(e.Documents) == 0 {
		return nil
	}
	if cur == nil {
		return []string{HiddenChanges}
	}
	var out []string
	hidden := false
	var left map[string]bool
	if prev != nil {
		left = diff.Left(prev.Repo(), cur.Repo(), full)
	}
	for _, c := range e.Documents {
		nd := cur.Repo().Doc(c.ID)
		var od *policy.Document
		if prev != nil {
			od = prev.Repo().Doc(c.ID)
		}
		switch {
		case nd != nil && od == nil:
			out = append(out, nd.Meta.Title+"（新設）")
		case nd != nil && diff.Differs(od, nd):
			out = append(out, nd.Meta.Title+"（改正）")
		case nd == nil && od != nil && c.What == "removed" && !left[c.ID]:
			out = append(out, od.Meta.Title+"（廃止）")
		default:
			// Only what the edition does not see changed, or a document
			// left the edition: say so without saying what.
			hidden = true
		}
	}
	if hidden {
		out = append(out, HiddenChanges)
	}
	return out
}

func writeHistory(w *files, info siteInfo, o Options, models map[string]*render.EditionModel, archived map[string]bool, noindex bool) error {
	var rows []historyRow
	prevOf := map[string]string{}
	fullOf := map[string]*policy.Repo{}
	for _, a := range o.Archive {
		prevOf[a.ID] = a.PrevID
		fullOf[a.ID] = a.Model
	}
	for _, e := range o.Entries {
		r := historyRow{Date: monthOfDate(e.Date), Kind: e.Kind, Edition: e.Edition, Legacy: e.Legacy}
		if !e.Legacy {
			r.Changes = editionChanges(e, models[e.Revision], models[prevOf[e.Revision]], fullOf[e.Revision])
			// Titles the edition shows, joined to the words the site
			// writes after them: a restricted sentence that cites a
			// title before a parenthesis (…基本方針（以下「基本方針」と
			// いう。）) shares a run with 基本方針（改正）.
			w.allow(r.Changes...)
			w.allow(strings.Join(r.Changes, "、"))
			r.InForce = e.Revision == o.InForceID
			r.Scheduled = e.Scheduled
		}
		if archived[e.Revision] {
			r.Archive = "revisions/" + e.Revision + "/index.html"
			if w.m["revisions/"+e.Revision+"/shinkyu.html"] != nil {
				r.Shinkyu = "revisions/" + e.Revision + "/shinkyu.html"
			}
		}
		rows = append(rows, r)
	}
	w.allow(timelineLabel(rows))
	return w.page("history.html", "history.html", pageData{Site: info, NoIndex: noindex, Title: "改訂履歴", Entries: rows, Timeline: timeline(rows)})
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

func execute(name string, data pageData) ([]byte, error) {
	t, err := page(name)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	b.Grow(len(data.HTML) + 16<<10) // the page's own HTML and the layout around it
	if err := t.ExecuteTemplate(&b, "layout", data); err != nil {
		return nil, fmt.Errorf("site: %s: %w", name, err)
	}
	return b.Bytes(), nil
}
