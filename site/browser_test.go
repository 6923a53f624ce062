package site

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/policyctl/policyctl/internal/browser"
	"github.com/policyctl/policyctl/internal/demo"
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
