package diff

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/policyctl/policyctl/internal/browser"
)

// TestPrintsWithoutClipping prints the HTML 新旧対照表 of the example in
// headless Chromium: A4 landscape, no column wider than its cell, a PDF.
func TestPrintsWithoutClipping(t *testing.T) {
	ctx := browser.New(t)
	r := Compare(exampleRevision(t, "2021-10-01"), exampleRevision(t, "2024-04-01"), Options{})
	r.Old, r.New = "2021-10-01", "2024-04-01"
	var b bytes.Buffer
	if err := r.WriteHTML(&b, HTMLOptions{}); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "shinkyu.html"), b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	defer srv.Close()
	step, cancel := browser.Step(ctx)
	defer cancel()
	// A4 landscape less 12 mm margins is 273 mm: 1032 CSS pixels.
	printMedia := chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
		return err
	})
	if err := chromedp.Do(step, chromedp.EmulateViewport(1032, 730), printMedia, chromedp.Navigate(srv.URL+"/shinkyu.html"), chromedp.WaitVisible(chromedp.CSS("table"))); err != nil {
		t.Fatal(err)
	}
	clipped, err := chromedp.Run(step, chromedp.Evaluate[int](`[...document.querySelectorAll("td, th, table")].filter(e => e.scrollWidth > e.clientWidth + 1 || e.getBoundingClientRect().right > document.documentElement.clientWidth + 1).length`))
	if err != nil || clipped != 0 {
		t.Errorf("%d cells overflow their column when printed (%v)", clipped, err)
	}
	cells, err := chromedp.Run(step, chromedp.Evaluate[int](`document.querySelectorAll("td").length`))
	if err != nil || cells < 10 {
		t.Errorf("%d cells", cells)
	}
	pdf, err := chromedp.Run(step, func(ctx context.Context, t *chromedp.Target) ([]byte, error) {
		res, err := cdp.Call(ctx, t, cdppage.PrintToPDF, cdppage.PrintToPDFParams{PreferCSSPageSize: ptr(true)})
		return res.Data, err
	})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(pdf, []byte("%PDF")) || len(pdf) < 10000 {
		t.Fatalf("not a PDF: %d bytes", len(pdf))
	}
	out := filepath.Join(t.TempDir(), "shinkyu.pdf")
	_ = os.WriteFile(out, pdf, 0o644)
	t.Logf("printed %d bytes to %s", len(pdf), out)
}

func ptr[T any](v T) *T { return &v }
