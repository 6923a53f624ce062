package diff

import (
	"bytes"
	"math/rand"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

// pair1MB is a 1 MB statute-style document and an edit of it: 2% of its
// articles changed, and one article rewritten beyond the bound of work so
// that the coarse fallback is exercised too.
func pair1MB(t testing.TB) (old, new string) {
	rng := rand.New(rand.NewSource(1))
	lines := bigDoc(rng, 1<<20)
	edited := append([]string(nil), lines...)
	for i := range edited {
		if edited[i] != "" && rng.Intn(50) == 0 {
			edited[i] = strings.Replace(edited[i], "管理する", "適切に管理する", 1) + "ただし、例外を除く。"
		}
	}
	// One article holding 1,000 lines of unrelated text on each side.
	// Without blank lines it is one paragraph, so one run of changed
	// lines.
	unrelated := func(seed int64) string {
		s := strings.Join(bigDoc(rand.New(rand.NewSource(seed)), 100<<10), "\n")
		return strings.NewReplacer("第", "附", "\n\n", "\n").Replace(s)
	}
	a, b := unrelated(2), unrelated(3)
	lines = append(lines, "第99999条　"+a)
	edited = append(edited, "第99999条　"+b)
	return strings.Join(lines, "\n"), strings.Join(edited, "\n")
}

// TestSameBytesUnderLoad diffs the same 1 MB pair twice, the second time
// with every core kept busy by a spinning goroutine: the 新旧対照表 must be
// the same bytes, since no part of the diff looks at a clock.
func TestSameBytesUnderLoad(t *testing.T) {
	old, new := pair1MB(t)
	om := model(t, map[string]string{"policy/d.md": doc(old)})
	nm := model(t, map[string]string{"policy/d.md": doc(new)})
	render := func() []byte {
		var b bytes.Buffer
		r := Compare(om, nm, Options{})
		if err := r.WriteJSON(&b); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	calm := render()
	if !bytes.Contains(calm, []byte(`"coarse":true`)) {
		t.Error("the oversized article did not reach the bound of work: the test no longer covers the fallback")
	}
	var stop atomic.Bool
	var wg sync.WaitGroup
	for range runtime.NumCPU() {
		wg.Add(1)
		go func() {
			defer wg.Done()
			x := 0
			for !stop.Load() {
				x++
			}
			_ = x
		}()
	}
	loaded := render()
	stop.Store(true)
	wg.Wait()
	if !bytes.Equal(calm, loaded) {
		t.Fatalf("the 新旧対照表 differs under load: %d bytes calm, %d loaded", len(calm), len(loaded))
	}
}
