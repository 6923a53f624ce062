// Package browser starts headless Chromium for tests (Debian's chromium,
// driven with chromedp) and runs axe-core in it. Browser tests skip, saying
// why, where no browser is installed, and fail instead when
// POLICYCTL_BROWSER_TESTS=1, as CI sets it.
package browser

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Required reports whether browser tests must run rather than skip.
func Required() bool { return os.Getenv("POLICYCTL_BROWSER_TESTS") == "1" }

func unavailable(t testing.TB, format string, args ...any) {
	t.Helper()
	msg := fmt.Sprintf(format, args...)
	if Required() {
		t.Fatalf("%s (POLICYCTL_BROWSER_TESTS=1: browser tests must run)", msg)
	}
	t.Skipf("%s; set POLICYCTL_BROWSER_TESTS=1 to make this a failure", msg)
}

// Chromium finds the browser: $POLICYCTL_CHROMIUM, or chromium on PATH.
func Chromium(t testing.TB) string {
	t.Helper()
	if p := os.Getenv("POLICYCTL_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	unavailable(t, "no Chromium found (apt-get install chromium, or set POLICYCTL_CHROMIUM)")
	return ""
}

// New starts a headless browser for the test and returns its context,
// bounded to two minutes so a hung page fails the test instead of CI.
func New(t testing.TB) context.Context {
	t.Helper()
	exe := Chromium(t)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox, // CI runs as root
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(t.TempDir()),
		// The machine's network is closed: no background requests.
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-features", "Translate,MediaRouter,OptimizationHints"),
		chromedp.WindowSize(1280, 900),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	t.Cleanup(func() { cancelC(); cancelA() })
	// The first run starts the browser; it must not carry a timeout, which
	// would stop the whole browser (chromedp.Run).
	if err := chromedp.Do(ctx); err != nil {
		unavailable(t, "Chromium %s does not start: %v", exe, err)
	}
	return ctx
}

// Step bounds one step of a test, so a hung page fails the test instead of
// hanging CI.
func Step(ctx context.Context) (context.Context, context.CancelFunc) {
	return context.WithTimeout(ctx, time.Minute)
}

// AxeSource reads axe-core: $POLICYCTL_AXE_JS, or node_modules beside
// the module or in the user's cache.
func AxeSource(t testing.TB) string {
	t.Helper()
	cands := []string{os.Getenv("POLICYCTL_AXE_JS")}
	if home, err := os.UserHomeDir(); err == nil {
		cands = append(cands, home+"/.cache/policyctl-axe/node_modules/axe-core/axe.min.js")
	}
	for _, p := range cands {
		if p == "" {
			continue
		}
		if b, err := os.ReadFile(p); err == nil {
			return string(b)
		}
	}
	unavailable(t, "axe-core not found (npm install axe-core, and set POLICYCTL_AXE_JS to its axe.min.js)")
	return ""
}

// Violation is one axe-core rule a page breaks.
type Violation struct {
	ID    string `json:"id"`
	Help  string `json:"help"`
	Nodes []struct {
		Target []any  `json:"target"`
		HTML   string `json:"html"`
	} `json:"nodes"`
}

// Axe runs axe-core on the current page against WCAG 2.x A and AA.
func Axe(ctx context.Context, axe string) ([]Violation, error) {
	ctx, cancel := Step(ctx)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](axe+"\n;true")); err != nil {
		return nil, fmt.Errorf("loading axe-core: %w", err)
	}
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(async () => {
		const r = await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}});
		return JSON.stringify(r.violations);
	})()`, chromedp.EvalAwaitPromise))
	if err != nil {
		return nil, fmt.Errorf("running axe-core: %w", err)
	}
	var vs []Violation
	if err := json.Unmarshal([]byte(raw), &vs); err != nil {
		return nil, err
	}
	return vs, nil
}

// Describe writes violations for a test failure.
func Describe(vs []Violation) string {
	var b strings.Builder
	for _, v := range vs {
		fmt.Fprintf(&b, "%s: %s\n", v.ID, v.Help)
		for _, n := range v.Nodes {
			fmt.Fprintf(&b, "    %v %s\n", n.Target, n.HTML)
		}
	}
	return b.String()
}
