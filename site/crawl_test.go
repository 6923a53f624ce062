package site

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/policyctl/policyctl/internal/browser"
	"github.com/policyctl/policyctl/internal/demo"
)

// TestBrowserCrawl builds the demo site and, in headless Chromium, visits
// every page of both editions reachable from the index, following every
// link: no link may end in a 404, no fragment may name an id its page
// lacks (the search index's links included), no page may show an English
// word, and axe-core finds no WCAG 2.x A/AA violation on any page.
//
// "English word": a run of three or more ASCII letters in the text a
// reader meets — text nodes, the page title, alt, title and aria-label —
// outside the documents' own content (the document body, the cells of the
// 新旧対照表) and <code>, unless the documents of the edition use that word
// themselves (a proper noun such as LGWAN, which then also appears in the
// table of contents and titles).
//
// The fragments of textual references (上記3, 前項, 第5条第2項: links of
// class "ref") are checked in their own subtest, <edition>/references:
// internal/ref resolves them and render gives their targets ids, and
// where a target still has no id (the first 項 of an article, which has
// no number of its own) that subtest fails and names the link, until
// every reference target carries one.
func TestBrowserCrawl(t *testing.T) {
	ctx := browser.New(t)
	axe := browser.AxeSource(t)
	dir := filepath.Join(t.TempDir(), "demo")
	if _, err := demo.Build(dir, false); err != nil {
		t.Fatal(err)
	}
	out := buildSite(t, dir)
	for _, ed := range []string{"public", "internal"} {
		t.Run(ed, func(t *testing.T) {
			c := &crawler{t: t, ctx: ctx, axe: axe, pages: map[string]*crawled{}}
			c.srv = httptest.NewServer(http.FileServer(http.Dir(filepath.Join(out, ed))))
			defer c.srv.Close()
			c.run()
			c.checkLinks(false)
			t.Run("references", func(t *testing.T) {
				c := *c
				c.t = t
				c.checkLinks(true)
			})
			c.checkSearchIndex(filepath.Join(out, ed, "search-index.js"))
			c.checkWords()
			c.checkPrint()
			if ed == "internal" && c.pages["/approvals.html"] == nil {
				t.Error("the internal edition has no 承認状況 page")
			}
			t.Logf("%s: %d pages, %d links, %d run through axe", ed, len(c.pages), c.links, c.axed)
		})
	}
}

type crawled struct {
	IDs       []string `json:"ids"`
	Links     []string `json:"links"`
	RefLinks  []string `json:"refLinks"`
	Resources []string `json:"resources"`
	Words     []string `json:"words"`
	DocWords  []string `json:"docWords"`
	ids       map[string]bool
}

type crawler struct {
	t     *testing.T
	ctx   context.Context
	axe   string
	srv   *httptest.Server
	pages map[string]*crawled // by path, index.html for a folder
	// refs are the links to follow: page path -> the pages linking to it.
	refs  []pageLink
	links int
	axed  int
	// fetched caches the status of non-page URLs.
	fetched map[string]int
}

type pageLink struct {
	from string
	u    *url.URL
	ref  bool // a textual reference (class "ref")
}

// extract reads what the test needs from the page in the browser.
const extract = `(() => {
  const doc = "main .body, table.shinkyu-table td";
  const ignore = "code, pre, script, style";
  const re = /[A-Za-z]{3,}/g;
  const words = [], docWords = [];
  const add = (el, s) => {
    if (!s || (el && el.closest(ignore))) { return; }
    const ws = s.match(re) || [];
    ((el && el.closest(doc)) ? docWords : words).push(...ws);
  };
  const walk = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_TEXT);
  for (let n; (n = walk.nextNode()); ) { add(n.parentElement, n.nodeValue); }
  for (const el of document.querySelectorAll("[alt], [title], [aria-label]")) {
    for (const a of ["alt", "title", "aria-label"]) { add(el, el.getAttribute(a)); }
  }
  return JSON.stringify({
    ids: [...document.querySelectorAll("[id]")].map(e => e.id),
    links: [...document.querySelectorAll("a[href]:not(.ref)")].map(a => a.href),
    refLinks: [...document.querySelectorAll("a.ref[href]")].map(a => a.href),
    resources: [...document.querySelectorAll("img[src], script[src], link[href]")].map(e => e.src || e.href),
    words, docWords,
  });
})()`

func pageKey(u *url.URL) string {
	p := u.Path
	if strings.HasSuffix(p, "/") {
		p += "index.html"
	}
	return p
}

func (c *crawler) local(u *url.URL) bool {
	base, _ := url.Parse(c.srv.URL)
	return u.Host == base.Host
}

func (c *crawler) run() {
	t := c.t
	queue := []string{"/index.html"}
	queued := map[string]bool{"/index.html": true}
	// One page of each kind under revisions/ goes through axe: the
	// archive's pages are the same templates as the edition's own.
	axeKinds := map[string]bool{}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		step, cancel := browser.Step(c.ctx)
		res, err := chromedp.RunResponse(step, chromedp.Navigate(c.srv.URL+p))
		if err != nil {
			cancel()
			t.Fatalf("%s: %v", p, err)
		}
		if res.Status != http.StatusOK {
			cancel()
			t.Errorf("%s: HTTP %d", p, res.Status)
			continue
		}
		raw, err := chromedp.Run(step, chromedp.Evaluate[string](extract))
		cancel()
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		var pg crawled
		if err := json.Unmarshal([]byte(raw), &pg); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		pg.ids = map[string]bool{}
		for _, id := range pg.IDs {
			if pg.ids[id] {
				t.Errorf("%s: the id %q is used twice", p, id)
			}
			pg.ids[id] = true
		}
		c.pages[p] = &pg
		kind := p
		if m := regexp.MustCompile(`^/revisions/[^/]+/(.+)\.html$`).FindStringSubmatch(p); m != nil {
			kind = "revisions/document"
			if m[1] == "index" || m[1] == "shinkyu" {
				kind = "revisions/" + m[1]
			}
		}
		if !axeKinds[kind] {
			axeKinds[kind] = true
			c.axed++
			if vs, err := browser.Axe(c.ctx, c.axe); err != nil || len(vs) > 0 {
				t.Errorf("axe on %s: %v\n%s", p, err, browser.Describe(vs))
			}
		}
		for _, r := range pg.Resources {
			u, err := url.Parse(r)
			if err != nil || !c.local(u) {
				continue
			}
			c.status(p, u)
		}
		for i, l := range append(pg.Links, pg.RefLinks...) {
			u, err := url.Parse(l)
			if err != nil {
				t.Errorf("%s: the link %q does not parse: %v", p, l, err)
				continue
			}
			if !c.local(u) {
				continue // the network is closed; external links are the documents' own
			}
			c.links++
			c.refs = append(c.refs, pageLink{p, u, i >= len(pg.Links)})
			k := pageKey(u)
			if strings.HasSuffix(k, ".html") {
				if !queued[k] {
					queued[k] = true
					queue = append(queue, k)
				}
			} else {
				c.status(p, u)
			}
		}
	}
}

// status fetches a file that is not a page (a style sheet, a script, an
// image, a download) and reports anything but 200.
func (c *crawler) status(from string, u *url.URL) {
	if c.fetched == nil {
		c.fetched = map[string]int{}
	}
	k := u.Path
	code, ok := c.fetched[k]
	if !ok {
		res, err := http.Get(c.srv.URL + k)
		if err != nil {
			c.t.Fatalf("%s: %v", k, err)
		}
		res.Body.Close()
		code = res.StatusCode
		c.fetched[k] = code
	}
	if code != http.StatusOK {
		c.t.Errorf("%s links %s: HTTP %d", from, k, code)
	}
}

// checkLinks: every fragment names an id of its page, among the links
// that are textual references or among the others.
func (c *crawler) checkLinks(refs bool) {
	missing := map[string][]string{}
	for _, l := range c.refs {
		if l.u.Fragment == "" || l.ref != refs {
			continue
		}
		k := pageKey(l.u)
		pg := c.pages[k]
		if pg == nil {
			continue // reported as a failed page
		}
		if !pg.ids[l.u.Fragment] {
			missing[k+"#"+l.u.Fragment] = append(missing[k+"#"+l.u.Fragment], l.from)
		}
	}
	keys := make([]string, 0, len(missing))
	for k := range missing {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		from := missing[k]
		c.t.Errorf("no such id: %s (linked from %s and %d more)", k, from[0], len(from)-1)
	}
}

// checkSearchIndex: every result the search can show links to a page and
// an id that exist.
func (c *crawler) checkSearchIndex(file string) {
	b, err := os.ReadFile(file)
	if err != nil {
		c.t.Fatal(err)
	}
	for _, e := range searchEntries(c.t, b) {
		u, err := url.Parse(e.U)
		if err != nil {
			c.t.Errorf("search index: %q: %v", e.U, err)
			continue
		}
		pg := c.pages["/"+path.Clean(u.Path)]
		switch {
		case pg == nil:
			c.t.Errorf("search index: %s is not a page of the site", e.U)
		case u.Fragment != "" && !pg.ids[u.Fragment]:
			c.t.Errorf("search index: %s: no such id", e.U)
		}
	}
}

// checkWords: no English word outside the documents' own words.
func (c *crawler) checkWords() {
	own := map[string]bool{}
	for _, pg := range c.pages {
		for _, w := range pg.DocWords {
			own[w] = true
		}
	}
	var bad []string
	for p, pg := range c.pages {
		for _, w := range pg.Words {
			if !own[w] {
				bad = append(bad, fmt.Sprintf("%s: %q", p, w))
			}
		}
	}
	sort.Strings(bad)
	for i, b := range bad {
		if i == 20 {
			c.t.Errorf("… and %d more English words", len(bad)-20)
			break
		}
		c.t.Errorf("an English word on a page: %s", b)
	}
}

// checkPrint: on paper, permalinks, navigation and downloads are hidden.
func (c *crawler) checkPrint() {
	step, cancel := browser.Step(c.ctx)
	defer cancel()
	// The first document page with a table of contents, in name order.
	var doc string
	for p, pg := range c.pages {
		if pg.ids["toc-title"] && !strings.HasPrefix(p, "/revisions/") && (doc == "" || p < doc) {
			doc = p
		}
	}
	err := chromedp.Do(step,
		chromedp.Navigate(c.srv.URL+doc),
		chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
			return err
		}),
	)
	if err != nil {
		c.t.Fatal(err)
	}
	shown, err := chromedp.Run(step, chromedp.Evaluate[[]string](`[...document.querySelectorAll(".permalink, .site-header nav, .pager, .toc")].filter(e => getComputedStyle(e).display !== "none").map(e => e.outerHTML.slice(0, 80))`))
	if err != nil {
		c.t.Fatal(err)
	}
	if len(shown) > 0 {
		c.t.Errorf("printed, %s still shows %v", doc, shown)
	}
	if _, err := chromedp.Run(step, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{})
		return err
	})); err != nil {
		c.t.Fatal(err)
	}
}
