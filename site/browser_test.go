package site

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/policyctl/policyctl/internal/browser"
	"github.com/policyctl/policyctl/internal/demo"
	"github.com/policyctl/policyctl/internal/policy"
	"github.com/policyctl/policyctl/internal/source"
)

// TestBrowser opens the demo's public site in headless Chromium over HTTP:
// searches for a Japanese word, follows a reference link, runs axe-core on
// the index and a document page (no WCAG 2.x AA violation), and saves a
// screenshot of the index.
func TestBrowser(t *testing.T) {
	ctx := browser.New(t)
	axe := browser.AxeSource(t)
	dir := filepath.Join(t.TempDir(), "demo")
	if _, err := demo.Build(dir, false); err != nil {
		t.Fatal(err)
	}
	out := buildSite(t, dir)
	srv := httptest.NewServer(http.FileServer(http.Dir(filepath.Join(out, "public"))))
	defer srv.Close()

	step, cancel := browser.Step(ctx)
	defer cancel()

	// The index, its screenshot, and axe.
	if err := chromedp.Do(step, chromedp.Navigate(srv.URL+"/index.html"), chromedp.WaitVisible(chromedp.CSS("main h1"))); err != nil {
		t.Fatal(err)
	}
	png, err := chromedp.Run(step, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	shot := filepath.Join(t.TempDir(), "public-index.png")
	if err := os.WriteFile(shot, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot of the public index: %s (%d bytes)", shot, len(png))
	if vs, err := browser.Axe(ctx, axe); err != nil || len(vs) > 0 {
		t.Errorf("axe on the index: %v\n%s", err, browser.Describe(vs))
	}

	// Search for a Japanese word and see the result list.
	err = chromedp.Do(step,
		chromedp.Navigate(srv.URL+"/search.html"),
		chromedp.WaitVisible(chromedp.ID("q")),
		chromedp.SendKeys(chromedp.ID("q"), "情報資産"),
		chromedp.Click(chromedp.ID("search-button")),
		chromedp.WaitVisible(chromedp.CSS("#results li a")),
	)
	if err != nil {
		t.Fatal(err)
	}
	status, err := chromedp.Run(step, chromedp.Text(chromedp.ID("search-status")))
	if err != nil || !strings.Contains(status, "「情報資産」の検索結果") {
		t.Errorf("search status %q, %v", status, err)
	}
	first, err := chromedp.Run(step, chromedp.Text(chromedp.CSS("#results li a")))
	if err != nil || !strings.Contains(first, "みどり野市情報セキュリティ基本方針") {
		t.Errorf("first result %q, %v", first, err)
	}

	// Several words, separated by a half- or full-width space, find the
	// sections holding all of them; a result's link is not its document's
	// title twice, and its snippet does not repeat the heading.
	for _, q := range []string{"個人番号 利用", "個人番号　利用"} {
		found := search(t, step, srv.URL, q)
		if len(found) == 0 {
			t.Errorf("「%s」 finds nothing", q)
		}
		for _, r := range found {
			if r.Link == r.Doc+" — "+r.Doc {
				t.Errorf("「%s」: the result repeats the title: %q", q, r.Link)
			}
			if heading := strings.TrimPrefix(r.Link, r.Doc+" — "); heading != r.Link && strings.HasPrefix(r.Snippet, heading) {
				t.Errorf("「%s」: the snippet repeats the heading %q: %q", q, heading, r.Snippet)
			}
			text := r.Link + r.Snippet
			if !strings.Contains(text, "個人番号") || !strings.Contains(text, "利用") {
				t.Errorf("「%s」: a result without both words: %+v", q, r)
			}
		}
	}

	// Follow a reference link: 上記3 in 6. goes to 3.
	err = chromedp.Do(step,
		chromedp.Navigate(srv.URL+"/basic-policy.html"),
		chromedp.WaitVisible(chromedp.CSS("a.ref")),
	)
	if err != nil {
		t.Fatal(err)
	}
	if vs, err := browser.Axe(ctx, axe); err != nil || len(vs) > 0 {
		t.Errorf("axe on a document page: %v\n%s", err, browser.Describe(vs))
	}
	err = chromedp.Do(step, chromedp.Click(chromedp.CSS(`a.ref[title^="3 "]`)))
	if err != nil {
		t.Fatal(err)
	}
	loc, err := chromedp.Run(step, chromedp.Location())
	if err != nil || !strings.Contains(loc, "#3-") {
		t.Errorf("after the reference link: %q, %v", loc, err)
	}
	target, err := chromedp.Run(step, chromedp.Evaluate[string](`document.getElementById(decodeURIComponent(location.hash.slice(1))).textContent`))
	if err != nil || !strings.Contains(target, "想定する脅威") {
		t.Errorf("the link lands on %q, %v", target, err)
	}
}

type searchResult struct {
	Link, Doc, Snippet string
	Marks              []string
}

// search runs a query on the search page and returns the results.
func search(t *testing.T, step context.Context, base, q string) []searchResult {
	t.Helper()
	err := chromedp.Do(step,
		chromedp.Navigate(base+"/search.html?q="+url.QueryEscape(q)),
		chromedp.WaitVisible(chromedp.ID("search-status")),
	)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := chromedp.Run(step, chromedp.Evaluate[string](`JSON.stringify([...document.querySelectorAll("#results li")].map(li => ({
		Link: li.querySelector("a").textContent,
		Doc: window.POLICYCTL_INDEX.sections.find(s => li.querySelector("a").getAttribute("href") === s.u).d,
		Snippet: li.querySelector("p") ? li.querySelector("p").textContent : "",
		Marks: [...li.querySelectorAll("mark")].map(m => m.textContent),
	})))`))
	if err != nil {
		t.Fatal(err)
	}
	var out []searchResult
	if err := json.Unmarshal([]byte(raw), &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestBrowserSearchFolding: a query and a text that NFKC folding changes
// find each other, and the highlight covers the original characters:
// half-width ﾃﾞｰﾀ finds データ, full-width ＡＢＣ finds abc.
func TestBrowserSearchFolding(t *testing.T) {
	ctx := browser.New(t)
	dir := t.TempDir()
	for name, content := range map[string]string{
		"policyctl.yaml": "organization: {id: t, name: 試験市}\ntitle: 試験市情報セキュリティポリシー\n",
		"policy/basic.md": "---\nid: basic\ntitle: 試験市情報セキュリティ基本方針\ntier: basic\nvisibility: public\napprovers: [mayor]\n---\n\n" +
			"## 1. 記録\n\n住民のデータを暗号化して保管する。\n\n## 2. 端末\n\n端末のﾃﾞｰﾀは毎日消去する。\n\n## 3. 通信\n\n通信はＴＬＳで暗号化する。\n",
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tr, err := source.Open(dir, "")
	if err != nil {
		t.Fatal(err)
	}
	full, err := policy.Load(tr.FS, policy.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "site")
	if _, err := Build(full, Options{Dir: out, Editions: full.Config.EditionList()}); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(filepath.Join(out, "public"))))
	defer srv.Close()
	step, cancel := browser.Step(ctx)
	defer cancel()
	for q, want := range map[string][]string{
		"ﾃﾞｰﾀ":     {"データ", "ﾃﾞｰﾀ"},
		"データ":      {"データ", "ﾃﾞｰﾀ"},
		"tls":      {"ＴＬＳ"},
		"ﾃﾞｰﾀ 暗号化": {"データ", "暗号化"},
	} {
		var marks []string
		for _, r := range search(t, step, srv.URL, q) {
			marks = append(marks, r.Marks...)
		}
		for _, w := range want {
			if !slices.Contains(marks, w) {
				t.Errorf("「%s」: %q is not highlighted (marks %q)", q, w, marks)
			}
		}
	}
}
