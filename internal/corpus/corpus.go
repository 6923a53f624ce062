// Package corpus generates policy repositories of any size for benchmarks:
// documents shaped like a city's 対策基準 (articles with 項 and 号, or
// outline sections with (1) and ①), tables, textual references that
// resolve, links, and public and internal parts. The same options and seed
// give the same bytes.
package corpus

import (
	"crypto/ed25519"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"golang.org/x/crypto/ssh"

	"github.com/policyctl/policyctl/internal/policy"
)

// Options size the corpus.
type Options struct {
	Docs     int   // number of documents besides the basic policy
	DocBytes int   // approximate size of each document (default 12,000)
	Seed     int64 // the same seed gives the same corpus
}

// Committees are the seven bodies every generated document needs.
var Committees = []string{"mayor", "education", "election", "agriculture", "assessment", "audit", "council"}

// Files returns the repository as paths and contents.
func Files(o Options) map[string][]byte {
	if o.DocBytes == 0 {
		o.DocBytes = 12000
	}
	g := &gen{rng: rand.New(rand.NewSource(o.Seed)), o: o}
	reg := registry()
	parsed, _ := policy.ParseRegistry(reg)
	files := map[string][]byte{
		"policyctl.yaml":          []byte("organization: {id: bench, name: 試験市}\ntitle: 試験市情報セキュリティポリシー\n"),
		policy.RegistryFile:       reg,
		policy.AllowedSignersFile: parsed.AllowedSigners("policyctl-approval"),
		"policy/basic-policy.md":  []byte(g.basic()),
	}
	for i := 0; i < o.Docs; i++ {
		files[DocPath(i)] = []byte(g.doc(i))
	}
	return files
}

// DocPath is where document i is written.
func DocPath(i int) string {
	return fmt.Sprintf("policy/standards/%03d/std-%05d.md", i/100, i)
}

// Write writes the repository into dir.
func Write(dir string, o Options) error {
	files := Files(o)
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(full, files[p], 0o644); err != nil {
			return err
		}
	}
	return nil
}

var (
	sharedMu   sync.Mutex
	sharedDirs = map[int]string{}
)

// Shared writes a corpus of docs documents (seed 1) once per test binary
// and returns its folder: benchmarks in one binary share it.
func Shared(tb testing.TB, docs int) string {
	sharedMu.Lock()
	defer sharedMu.Unlock()
	if d, ok := sharedDirs[docs]; ok {
		return d
	}
	dir, err := os.MkdirTemp("", "policyctl-corpus-")
	if err != nil {
		tb.Fatal(err)
	}
	if err := Write(dir, Options{Docs: docs, Seed: 1}); err != nil {
		tb.Fatal(err)
	}
	sharedDirs[docs] = dir
	return dir
}

// Key returns the deterministic private key of a generated member.
func Key(member string) ed25519.PrivateKey {
	seed := make([]byte, ed25519.SeedSize)
	copy(seed, "policyctl corpus "+member)
	return ed25519.NewKeyFromSeed(seed)
}

func registry() []byte {
	var b strings.Builder
	b.WriteString("members:\n")
	for _, c := range Committees {
		pub, _ := ssh.NewPublicKey(Key(c + "-chair").Public())
		fmt.Fprintf(&b, "  - {id: %s-chair, name: %s委員長, keys: [%q]}\n", c, c, strings.TrimSpace(string(ssh.MarshalAuthorizedKey(pub))))
	}
	b.WriteString("committees:\n")
	for _, c := range Committees {
		fmt.Fprintf(&b, "  - {id: %s, name: 試験市%s, quorum: 1, members: [%s-chair]}\n", c, c, c)
	}
	return []byte(b.String())
}

type gen struct {
	rng *rand.Rand
	o   Options
}

var (
	subjects = []string{"情報セキュリティ責任者", "情報システム管理者", "職員等", "委託事業者", "統括情報セキュリティ責任者", "情報政策課", "各課の長", "システム担当者"}
	objects  = []string{"情報資産", "端末", "サーバ", "ネットワーク機器", "電磁的記録媒体", "利用者の識別情報", "アクセス権限", "バックアップ", "ログ", "外部サービス"}
	verbs    = []string{"適切に管理する", "定期的に確認する", "記録し保存する", "速やかに報告する", "許可を得て利用する", "暗号化して送信する", "施錠できる場所に保管する", "不要になったときは消去する"}
	qualif   = []string{"業務上必要な範囲で", "年度ごとに", "異動又は退職のときに", "障害が発生したときは", "重要度に応じて", "委託契約に基づき", "", ""}
	captions = []string{"管理", "確認", "報告", "保管", "利用", "廃棄", "監視", "教育", "委託", "例外"}
)

func (g *gen) pick(xs []string) string { return xs[g.rng.Intn(len(xs))] }

func (g *gen) sentence() string {
	return fmt.Sprintf("%sは、%s%sを%s。", g.pick(subjects), g.pick(qualif), g.pick(objects), g.pick(verbs))
}

func (g *gen) frontMatter(id, title, tier, vis string) string {
	return fmt.Sprintf("---\nid: %s\ntitle: %s\ntier: %s\nvisibility: %s\napprovers: [%s]\n---\n\n", id, title, tier, vis, strings.Join(Committees, ", "))
}

// basic is the public basic policy the other documents cite: 1. to 8.,
// each with (1) to (3).
func (g *gen) basic() string {
	var b strings.Builder
	b.WriteString(g.frontMatter("basic-policy", "試験市情報セキュリティ基本方針", "basic", "public"))
	b.WriteString("# 試験市情報セキュリティ基本方針\n\n")
	for i := 1; i <= 8; i++ {
		fmt.Fprintf(&b, "## %d. 対策の区分%d\n\n%s\n\n", i, i, g.sentence())
		for j := 1; j <= 3; j++ {
			fmt.Fprintf(&b, "(%d) %s\n\n", j, g.sentence())
		}
		if i > 1 {
			fmt.Fprintf(&b, "上記%dの対策と併せて実施する。\n\n", i-1)
		}
	}
	return b.String()
}

// doc writes document i: statute style for even i, outline style for odd;
// every fifth document is public with internal parts.
func (g *gen) doc(i int) string {
	vis := "internal"
	if i%5 == 0 {
		vis = "public"
	}
	var b strings.Builder
	title := fmt.Sprintf("試験市情報セキュリティ対策基準（第%d分冊）", i+1)
	b.WriteString(g.frontMatter(fmt.Sprintf("std-%05d", i), title, "standard", vis))
	if i%2 == 0 {
		g.statute(&b, i, vis)
	} else {
		g.outline(&b, i, vis)
	}
	return b.String()
}

func (g *gen) statute(b *strings.Builder, i int, vis string) {
	fmt.Fprintf(b, "# 第1章 分冊%dの総則\n\n", i+1)
	start := b.Len()
	for a := 1; b.Len()-start < g.o.DocBytes-600; a++ {
		fmt.Fprintf(b, "（%s）\n\n第%d条　%s", g.pick(captions), a, g.sentence())
		if a > 1 && g.rng.Intn(3) == 0 {
			fmt.Fprintf(b, "ただし、第%d条の規定による場合を除く。", 1+g.rng.Intn(a-1))
		}
		b.WriteString("\n\n")
		clauses := 1 + g.rng.Intn(3)
		for c := 2; c <= clauses+1; c++ {
			fmt.Fprintf(b, "%d　前項の%sは、%s\n\n", c, g.pick(objects), g.sentence())
			if g.rng.Intn(3) == 0 {
				items := 2 + g.rng.Intn(3)
				for k := 1; k <= items; k++ {
					fmt.Fprintf(b, "(%d) %s\n\n", k, g.sentence())
				}
				if c > 2 || items > 0 {
					fmt.Fprintf(b, "%d　前項各号の措置は、基本方針%d(%d)に基づき行う。\n\n", c+1, 1+g.rng.Intn(8), 1+g.rng.Intn(3))
					c++
				}
			}
		}
		if a%12 == 0 {
			fmt.Fprintf(b, "| 区分 | 対象 | 頻度 |\n|---|---|---|\n")
			for r := 0; r < 4; r++ {
				fmt.Fprintf(b, "| %s | %s | %s |\n", g.pick(captions), g.pick(objects), g.pick(qualif))
			}
			b.WriteString("\n")
		}
		if a%15 == 0 && vis == "public" {
			fmt.Fprintf(b, "::: internal\n%s非公開の運用細目として、%s\n:::\n\n", g.pick(subjects), g.sentence())
		}
	}
	g.tail(b, i, vis)
}

func (g *gen) outline(b *strings.Builder, i int, vis string) {
	fmt.Fprintf(b, "# 分冊%dの実施事項\n\n", i+1)
	start := b.Len()
	for s := 1; b.Len()-start < g.o.DocBytes-600; s++ {
		fmt.Fprintf(b, "## %d. %sの%s\n\n%s\n\n", s, g.pick(objects), g.pick(captions), g.sentence())
		n := 2 + g.rng.Intn(3)
		for k := 1; k <= n; k++ {
			fmt.Fprintf(b, "### (%d) %s\n\n%s\n\n", k, g.pick(captions), g.sentence())
			if g.rng.Intn(2) == 0 {
				for m := 1; m <= 3; m++ {
					fmt.Fprintf(b, "- %c %s\n", '①'+rune(m-1), g.sentence())
				}
				b.WriteString("\n")
			}
			if k > 1 {
				fmt.Fprintf(b, "前記(%d)に示す事項と併せて確認する。\n\n", k-1)
			}
		}
		if s > 1 {
			fmt.Fprintf(b, "上記%dの結果は、[基本方針](../../basic-policy.md)の趣旨に沿って記録する。\n\n", s-1)
		}
		if s%6 == 0 && vis == "public" {
			fmt.Fprintf(b, "::: internal\n%s\n:::\n\n", g.sentence())
		}
	}
	g.tail(b, i, vis)
}

// tail closes a document: a link to the previous document of the same
// level and, in public documents, an internal section.
func (g *gen) tail(b *strings.Builder, i int, vis string) {
	if i >= 5 {
		prev := i - 5 // same level: public documents are every fifth
		rel, _ := filepath.Rel(filepath.Dir(DocPath(i)), DocPath(prev))
		fmt.Fprintf(b, "関連する分冊は[第%d分冊](%s)を参照する。\n\n", prev+1, filepath.ToSlash(rel))
	}
	if vis == "public" {
		fmt.Fprintf(b, "## 連絡体制 {visibility=internal}\n\n%s\n\n", g.sentence())
	}
}
