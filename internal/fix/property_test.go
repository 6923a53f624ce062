package fix

import (
	"crypto/ed25519"
	"flag"
	"fmt"
	"math/rand"
	"regexp"
	"sort"
	"strings"
	"testing"

	"golang.org/x/crypto/ssh"

	"github.com/policyctl/policyctl/internal/check"
	"github.com/policyctl/policyctl/internal/policy"
	"github.com/policyctl/policyctl/internal/policytest"
	"github.com/policyctl/policyctl/internal/ref"
	"github.com/policyctl/policyctl/internal/renumber"
)

var propertyRuns = flag.Int("property-runs", 150, "generated policies TestRenumberKeepsTargets tries")

// TestRenumberKeepsTargets: on generated policies — a 基本方針 in 1./(1)
// style, a 対策基準 in 例規 style, a 実施手順 — with random references of
// every kind (上記, 下記, 前記, 第N条第M項, 前条, 次条, 前項, ranges, lists,
// 基本方針N(M), 対策基準第N条), a random insertion (an article typed 第?条 or
// as a repeated number, a section or an item as a repeated number)
// followed by renumber leaves every reference resolving to the provision it
// resolved to before, and check clean.
func TestRenumberKeepsTargets(t *testing.T) {
	for seed := int64(1); seed <= int64(*propertyRuns); seed++ {
		g := &policyGen{rng: rand.New(rand.NewSource(seed))}
		base := g.repo()
		baseRepo := policytest.Load(t, base)
		if res := check.Run(baseRepo); len(res.Findings) > 0 {
			t.Fatalf("seed %d: the generated base is not clean: %+v\n%s", seed, res.Findings[0], base["policy/standard.md"])
		}
		cur, what := g.insert(base)
		curRepo := policytest.Load(t, cur)
		c, err := Renumber(curRepo, check.Options{Base: baseRepo, BaseName: "base"}, renumber.Options{Branch: g.rng.Intn(4) == 0})
		if err != nil {
			t.Fatalf("seed %d (%s): %v\n%s", seed, what, err, dump(cur))
		}
		after := c.Result
		if res := check.RunWith(after, check.Options{Base: baseRepo, BaseName: "base"}); len(res.Findings) > 0 {
			t.Fatalf("seed %d (%s): check after renumber: %s %s: %s\n%s", seed, what, res.Findings[0].Pos, res.Findings[0].Rule, res.Findings[0].Message, dump(filesOf(after)))
		}
		if msg := sameTargets(baseRepo, after); msg != "" {
			t.Fatalf("seed %d (%s): %s\n%s", seed, what, msg, dump(filesOf(after)))
		}
	}
}

// sameTargets compares, provision by provision, what the references of
// base point at with what those of after point at. Provisions are known
// by the tag their text carries (識別…), which renumbering never changes.
func sameTargets(base, after *policy.Repo) string {
	collect := func(r *policy.Repo) map[string][]string {
		out := map[string][]string{}
		for _, rs := range ref.All(r) {
			for _, x := range rs {
				if x.External || x.Host == nil {
					continue
				}
				for _, t := range x.Targets {
					out[ident(x.Host)] = append(out[ident(x.Host)], ident(t))
				}
			}
		}
		return out
	}
	want, got := collect(base), collect(after)
	for k, w := range want {
		g := got[k]
		sort.Strings(w)
		sort.Strings(g)
		if strings.Join(w, " ") != strings.Join(g, " ") {
			return fmt.Sprintf("the references in %s pointed at %v, now at %v", k, w, g)
		}
	}
	return ""
}

var tagRE = regexp.MustCompile(`識別[a-z]{4}`)

// ident names a generated provision by its tag, or its heading's title.
func ident(s *policy.Section) string {
	switch {
	case s.Kind == policy.KindRoot:
		return s.Doc.Path
	case s.Kind == policy.KindImplicit:
		return ident(s.Parent) + "/1"
	}
	if t := tagRE.FindString(s.Title); t != "" {
		return s.Doc.Path + ":" + t
	}
	return s.Doc.Path + ":" + s.Title
}

func filesOf(r *policy.Repo) map[string]string {
	out := map[string]string{}
	for _, d := range r.Docs {
		out[d.Path] = string(d.Source)
	}
	return out
}

func dump(files map[string]string) string {
	var ps []string
	for p := range files {
		if strings.HasSuffix(p, ".md") {
			ps = append(ps, p)
		}
	}
	sort.Strings(ps)
	var b strings.Builder
	for _, p := range ps {
		fmt.Fprintf(&b, "-- %s --\n%s", p, files[p])
	}
	return b.String()
}

// tag is what makes a generated provision's text its own, in letters: a
// number in it would be renumbered with the provision.
func tag(i, j int) string {
	return "識別" + string(rune('a'+i%26)) + string(rune('a'+i/26%26)) + string(rune('a'+j%26)) + string(rune('a'+j/26%26))
}

// policyGen writes a small policy whose references all resolve.
type policyGen struct {
	rng *rand.Rand
	// sections and articles of the generated documents.
	sections []int // (n) items per 基本方針 section
	articles []int // 項 per article
}

// registry has one member with a fixed test key.
var registry = func() string {
	pub, err := ssh.NewPublicKey(ed25519.NewKeyFromSeed(make([]byte, 32)).Public())
	if err != nil {
		panic(err)
	}
	return fmt.Sprintf("members:\n  - {id: a, name: A, keys: [%q]}\ncommittees:\n  - {id: mayor, name: 市長, quorum: 1, members: [a]}\n",
		strings.TrimSpace(string(ssh.MarshalAuthorizedKey(pub))))
}()

var allowedSigners = func() string {
	reg, _ := policy.ParseRegistry([]byte(registry))
	return string(reg.AllowedSigners("policyctl-approval"))
}()

const front = "---\nid: %s\ntitle: %s\ntier: %s\nvisibility: %s\napprovers: [mayor]\n---\n\n"

func (g *policyGen) repo() map[string]string {
	g.sections = make([]int, 3+g.rng.Intn(5))
	for i := range g.sections {
		g.sections[i] = g.rng.Intn(4)
	}
	g.articles = make([]int, 3+g.rng.Intn(6))
	for i := range g.articles {
		g.articles[i] = 1 + g.rng.Intn(3)
	}
	return map[string]string{
		"policyctl.yaml":          "organization: {id: t, name: テスト市}\ntitle: テスト\n",
		policy.RegistryFile:       registry,
		policy.AllowedSignersFile: allowedSigners,
		"policy/basic.md":         g.basic(),
		"policy/standard.md":      g.standard(),
		"policy/procedure.md":     g.procedure(),
	}
}

func (g *policyGen) basic() string {
	var b strings.Builder
	fmt.Fprintf(&b, front, "basic", "試験市情報セキュリティ基本方針", "basic", "public")
	b.WriteString("# 基本方針\n\n")
	for i, items := range g.sections {
		n := i + 1
		fmt.Fprintf(&b, "## %d. 区分%d\n\n", n, n)
		fmt.Fprintf(&b, "本市は、%s対策を講じる（%s）。\n\n", g.outlineRef(n, 0), tag(n, 0))
		for k := 1; k <= items; k++ {
			fmt.Fprintf(&b, "(%d) 事項%s\n\n", k, tag(n, k))
			fmt.Fprintf(&b, "内容は、%s定める（%s）。\n\n", g.outlineRef(n, k), tag(n, 10+k))
		}
	}
	return b.String()
}

// outlineRef is a reference in 基本方針 section n (in its item k, or its
// text when k is 0) to another section: 上記 above, 下記 below, a list.
func (g *policyGen) outlineRef(n, k int) string {
	switch g.rng.Intn(5) {
	case 0:
		if n > 1 {
			return fmt.Sprintf("上記%dに従い、", 1+g.rng.Intn(n-1))
		}
	case 1:
		if n < len(g.sections) {
			return fmt.Sprintf("下記%dに従い、", n+1+g.rng.Intn(len(g.sections)-n))
		}
	case 2:
		if n > 2 {
			a := 1 + g.rng.Intn(n-2)
			return fmt.Sprintf("上記%d及び%dに従い、", a, a+1)
		}
	case 3:
		if k > 1 {
			return fmt.Sprintf("前記(%d)に従い、", 1+g.rng.Intn(k-1))
		}
	}
	return ""
}

func (g *policyGen) standard() string {
	var b strings.Builder
	fmt.Fprintf(&b, front, "standard", "試験市情報セキュリティ対策基準", "standard", "internal")
	b.WriteString("# 第1章 総則\n\n")
	for i, clauses := range g.articles {
		a := i + 1
		// Each provision says something of its own (id a3c1), so that
		// provisions are matched across the revisions by what they say.
		fmt.Fprintf(&b, "（条%s）\n\n第%d条　%s定める（%s）。\n\n", tag(a, 0), a, g.articleRef(a, 1), tag(a, 1))
		for c := 2; c <= clauses; c++ {
			fmt.Fprintf(&b, "%d　%s定める（%s）。\n\n", c, g.articleRef(a, c), tag(a, c))
		}
	}
	return b.String()
}

// articleRef is a reference in article a, 項 c, to another provision.
func (g *policyGen) articleRef(a, c int) string {
	other := func() int {
		x := 1 + g.rng.Intn(len(g.articles)-1)
		if x >= a {
			x++
		}
		return x
	}
	switch g.rng.Intn(9) {
	case 0:
		return fmt.Sprintf("第%d条に従い、", other())
	case 1:
		x := other()
		if g.articles[x-1] == 1 {
			return fmt.Sprintf("第%d条に従い、", x) // an article of one 項 is cited without it (ref/form)
		}
		return fmt.Sprintf("第%d条第%d項に従い、", x, 1+g.rng.Intn(g.articles[x-1]))
	case 2:
		if a > 1 {
			return "前条に従い、"
		}
	case 3:
		if a < len(g.articles) {
			return "次条に従い、"
		}
	case 4:
		if c > 1 {
			return "前項に従い、"
		}
	case 5:
		x := other()
		y := other()
		if x != y {
			x, y = min(x, y), max(x, y)
			if y-x >= 1 && (a < x || a > y) {
				return fmt.Sprintf("第%d条から第%d条までに従い、", x, y)
			}
		}
	case 6:
		x, y := other(), other()
		if x != y {
			return fmt.Sprintf("第%d条及び第%d条に従い、", min(x, y), max(x, y))
		}
	case 7:
		s := 1 + g.rng.Intn(len(g.sections))
		if g.sections[s-1] > 0 {
			return fmt.Sprintf("基本方針%d(%d)に従い、", s, 1+g.rng.Intn(g.sections[s-1]))
		}
		return fmt.Sprintf("基本方針%dに従い、", s)
	case 8:
		if a > 2 {
			return "前二条に従い、"
		}
	}
	return ""
}

func (g *policyGen) procedure() string {
	var b strings.Builder
	fmt.Fprintf(&b, front, "procedure", "試験市実施手順", "procedure", "internal")
	b.WriteString("# 実施手順\n\n")
	for i := 1; i <= 3; i++ {
		x := 1 + g.rng.Intn(len(g.articles))
		s := 1 + g.rng.Intn(len(g.sections))
		fmt.Fprintf(&b, "## %d. 手順%s\n\n対策基準第%d条及び基本方針%dに従う（%s）。\n\n", i, tag(0, i), x, s, tag(99, i))
	}
	return b.String()
}

// insert changes one document as an editor would, without renumbering:
// an article typed 第?条 or as a repeated number, a 基本方針 section as
// a repeated number, or a (n) item as a repeated number.
func (g *policyGen) insert(base map[string]string) (map[string]string, string) {
	cur := map[string]string{}
	for p, s := range base {
		cur[p] = s
	}
	switch g.rng.Intn(3) {
	case 0:
		a := 1 + g.rng.Intn(len(g.articles))
		label := "第?条"
		if g.rng.Intn(2) == 0 {
			label = fmt.Sprintf("第%d条", a) // the number of the article it goes before
		}
		at := fmt.Sprintf("（条%s）\n\n第%d条", tag(a, 0), a)
		cur["policy/standard.md"] = strings.Replace(base["policy/standard.md"], at, "（新設）\n\n"+label+"　新たに定める。\n\n"+at, 1)
		return cur, "an article before 第" + fmt.Sprint(a) + "条 as " + label
	case 1:
		s := 1 + g.rng.Intn(len(g.sections))
		at := fmt.Sprintf("## %d. 区分%d\n", s, s)
		cur["policy/basic.md"] = strings.Replace(base["policy/basic.md"], at, fmt.Sprintf("## %d. 新設\n\n新たに定める。\n\n", s)+at, 1)
		return cur, fmt.Sprintf("a section before %d", s)
	}
	for s, items := range g.sections {
		if items > 0 {
			k := 1 + g.rng.Intn(items)
			at := fmt.Sprintf("(%d) 事項%s\n", k, tag(s+1, k))
			cur["policy/basic.md"] = strings.Replace(base["policy/basic.md"], at, fmt.Sprintf("(%d) 新設\n\n", k)+at, 1)
			return cur, fmt.Sprintf("an item before %d(%d)", s+1, k)
		}
	}
	return cur, "nothing"
}
