package diff

import (
	"bytes"
	"fmt"
	"math/rand"
	"strings"
	"testing"
)

// bigDoc writes a statute-style document of about size bytes.
func bigDoc(rng *rand.Rand, size int) []string {
	words := []string{"情報資産", "端末", "サーバ", "職員等", "委託事業者", "管理する", "確認する", "報告する", "保存する", "30日以内に", "年度ごとに"}
	var lines []string
	n := 0
	for a := 1; n < size; a++ {
		line := fmt.Sprintf("第%d条　", a)
		for k := 0; k < 8; k++ {
			line += words[rng.Intn(len(words))]
		}
		line += "。"
		lines = append(lines, line, "")
		n += len(line) + 2
	}
	return lines
}

// BenchmarkWords1MB diffs a 1 MB document against itself with 2% of its
// lines edited: the budget is 100 ms.
func BenchmarkWords1MB(b *testing.B) {
	rng := rand.New(rand.NewSource(1))
	lines := bigDoc(rng, 1<<20)
	edited := append([]string(nil), lines...)
	for i := range edited {
		if edited[i] != "" && rng.Intn(50) == 0 {
			edited[i] = strings.Replace(edited[i], "管理する", "適切に管理する", 1) + "ただし、例外を除く。"
		}
	}
	old, new := strings.Join(lines, "\n"), strings.Join(edited, "\n")
	b.SetBytes(int64(len(old)))
	b.ReportAllocs()
	for b.Loop() {
		if _, coarse := Words(old, new); coarse {
			b.Fatal("coarse")
		}
	}
}

// BenchmarkCompare1MB compares two revisions of a 1 MB document through
// the whole pipeline: parse, align, diff.
func BenchmarkCompare1MB(b *testing.B) {
	rng := rand.New(rand.NewSource(1))
	lines := bigDoc(rng, 1<<20)
	edited := append([]string(nil), lines...)
	for i := range edited {
		if edited[i] != "" && rng.Intn(50) == 0 {
			edited[i] += "ただし、例外を除く。"
		}
	}
	om := model(b, map[string]string{"policy/d.md": doc(strings.Join(lines, "\n"))})
	nm := model(b, map[string]string{"policy/d.md": doc(strings.Join(edited, "\n"))})
	b.ReportAllocs()
	for b.Loop() {
		Compare(om, nm, Options{})
	}
}

// BenchmarkUnrelated100KB diffs two unrelated 100 KB texts: the wording
// diff is bounded by the timeout, then falls back to a coarse row.
func BenchmarkUnrelated100KB(b *testing.B) {
	a := strings.Join(bigDoc(rand.New(rand.NewSource(1)), 100<<10), "\n")
	c := strings.Join(bigDoc(rand.New(rand.NewSource(2)), 100<<10), "\n")
	b.ReportAllocs()
	for b.Loop() {
		Words(a, c)
	}
}

// BenchmarkShinkyu1MB is what diff --format json does after reading the
// two revisions: compare a 1 MB pair (2% of its articles edited, one
// article past the bound of work) and write the table. The CLI budget for
// the whole command is 100 ms.
func BenchmarkShinkyu1MB(b *testing.B) {
	old, new := pair1MB(b)
	om := model(b, map[string]string{"policy/d.md": doc(old)})
	nm := model(b, map[string]string{"policy/d.md": doc(new)})
	b.SetBytes(int64(len(old)))
	b.ReportAllocs()
	for b.Loop() {
		var out bytes.Buffer
		if err := Compare(om, nm, Options{}).WriteJSON(&out); err != nil {
			b.Fatal(err)
		}
	}
}
