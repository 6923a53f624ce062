package check

import (
	"bytes"
	"crypto/ed25519"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"golang.org/x/crypto/ssh"

	"github.com/policyctl/policyctl/internal/example"
	"github.com/policyctl/policyctl/internal/policy"
	"github.com/policyctl/policyctl/internal/policytest"
)

const config = "organization: {id: t, name: テスト市}\ntitle: テスト\n"

// registry has one member with a fixed test key.
var registry = func() string {
	pub, err := ssh.NewPublicKey(ed25519.NewKeyFromSeed(make([]byte, 32)).Public())
	if err != nil {
		panic(err)
	}
	return fmt.Sprintf("members:\n  - {id: a, name: A, keys: [%q]}\ncommittees:\n  - {id: mayor, name: 市長, quorum: 1, members: [a]}\n",
		strings.TrimSpace(string(ssh.MarshalAuthorizedKey(pub))))
}()

func repo(t *testing.T, files map[string]string) *policy.Repo {
	t.Helper()
	reg, _ := policy.ParseRegistry([]byte(registry))
	// The test's own files win over the default registry.
	all := policytest.With(config, map[string]string{
		"approvals/registry.yaml": registry,
		policy.AllowedSignersFile: string(reg.AllowedSigners("policyctl-approval")),
	})
	for p, s := range files {
		all[p] = s
	}
	return policytest.Load(t, all)
}

func findings(res *Result) []string {
	var out []string
	for _, f := range res.Findings {
		out = append(out, f.Pos.String()+" "+f.Severity.String()+" "+f.Rule.ID)
	}
	return out
}

func TestFrontMatterRules(t *testing.T) {
	good := "---\nid: a\ntitle: A\ntier: basic\nvisibility: public\napprovers: [mayor]\n---\n本文\n"
	tests := []struct {
		name string
		doc  string
		want string
	}{
		{"clean", good, ""},
		{"missing id", "---\ntitle: A\ntier: basic\nvisibility: public\napprovers: [mayor]\n---\n", "policy/x.md:1:1 error frontmatter/id"},
		{"bad id", strings.Replace(good, "id: a", "id: A_1", 1), "policy/x.md:2:1 error frontmatter/id"},
		{"missing title", strings.Replace(good, "title: A\n", "", 1), "policy/x.md:1:1 error frontmatter/title"},
		{"unknown tier", strings.Replace(good, "tier: basic", "tier: rule", 1), "policy/x.md:4:1 error frontmatter/tier"},
		{"unknown level", strings.Replace(good, "visibility: public", "visibility: secret", 1), "policy/x.md:5:1 error frontmatter/visibility"},
		{"missing level", strings.Replace(good, "visibility: public\n", "", 1), "policy/x.md:1:1 warning frontmatter/visibility"},
		{"unknown committee", strings.Replace(good, "[mayor]", "[mayor, council]", 1), "policy/x.md:6:1 error frontmatter/approvers"},
		{"no approvers", strings.Replace(good, "approvers: [mayor]\n", "", 1), "policy/x.md:1:1 warning frontmatter/approvers"},
		{"no front matter", "# 見出し\n", "policy/x.md:1:1 error frontmatter/missing"},
		{"encoding", strings.Replace(good, "本文", "本\u200b文", 1), "policy/x.md:8:2 error text/encoding"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := Run(repo(t, map[string]string{"policy/x.md": tt.doc}))
			got := strings.Join(findings(res), "\n")
			if got != tt.want {
				t.Errorf("findings:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

func TestDuplicateIDs(t *testing.T) {
	d := "---\nid: same\ntitle: A\ntier: basic\nvisibility: public\napprovers: [mayor]\n---\n"
	res := Run(repo(t, map[string]string{"policy/a.md": d, "policy/b.md": d}))
	if got := strings.Join(findings(res), "\n"); got != "policy/b.md:2:1 error frontmatter/duplicate-id" {
		t.Errorf("findings %s", got)
	}
	if !strings.Contains(res.Findings[0].Message, "policy/a.md") {
		t.Errorf("message %q names the first document", res.Findings[0].Message)
	}
}

func TestExampleIsClean(t *testing.T) {
	r, err := policy.Load(example.Files(), policy.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	res := Run(r)
	for _, f := range res.Findings {
		// The embedded registry has no keys: demo writes them.
		if f.Rule.ID != "registry/key" {
			t.Errorf("%s %s: %s", f.Pos, f.Rule, f.Message)
		}
	}
}

func TestFormats(t *testing.T) {
	res := Run(repo(t, map[string]string{"policy/x.md": "---\nid: x\ntitle: X\ntier: rule\nvisibility: public\napprovers: [mayor]\n---\n", "policy/y.md": "# y, 100%\n"}))
	var text, js, gh bytes.Buffer
	if err := res.WriteText(&text, 2); err != nil {
		t.Fatal(err)
	}
	wantText := "policy/x.md:4:1: error frontmatter/tier: tier \"rule\" is unknown\n\thint: use basic (基本方針), standard (対策基準) or procedure (実施手順)\n" +
		"policy/y.md:1:1: error frontmatter/missing: the document has no front matter\n\thint: start the file with \"---\", the keys id, title, tier, visibility and approvers, and \"---\"\n" +
		"2 errors, 0 warnings in 2 documents\n"
	if text.String() != wantText {
		t.Errorf("text:\n%s\nwant:\n%s", text.String(), wantText)
	}
	if err := res.WriteJSON(&js); err != nil {
		t.Fatal(err)
	}
	var out struct {
		Findings []map[string]any `json:"findings"`
		Errors   int              `json:"errors"`
		Warnings int              `json:"warnings"`
	}
	if err := json.Unmarshal(js.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	if out.Errors != 2 || out.Warnings != 0 || len(out.Findings) != 2 || out.Findings[0]["rule"] != "frontmatter/tier" || out.Findings[0]["line"] != 4.0 || out.Findings[0]["column"] != 1.0 {
		t.Errorf("json: %s", js.String())
	}
	if err := res.WriteGitHub(&gh); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(gh.String(), "::error file=policy/x.md,line=4,col=1,title=frontmatter/tier::tier \"rule\" is unknown%0Ause basic") {
		t.Errorf("github: %s", gh.String())
	}
}

// TestChapterFileOrder: chapter files that sort out of chapter order give
// a gap whose hint says the files are read by name.
func TestChapterFileOrder(t *testing.T) {
	head := func(id string) string {
		return "---\nid: " + id + "\ntitle: 対策基準 " + id + "\ntier: standard\nvisibility: internal\napprovers: [mayor]\n---\n"
	}
	res := Run(repo(t, map[string]string{
		"policy/std/human.md":        head("human") + "# 第2章 人的対策\n\n第2条　研修を受ける。\n",
		"policy/std/organization.md": head("org") + "# 第1章 組織\n\n第1条　組織を置く。\n",
	}))
	found := false
	for _, f := range res.Findings {
		found = found || f.Rule == policy.RuleNumberingGap && strings.Contains(f.Hint, "file names")
	}
	if !found {
		t.Fatalf("no numbering/gap naming the file order: %v", findings(res))
	}
}

// TestDidYouMean: a misspelt tier or level is named with what it is
// probably a misspelling of.
func TestDidYouMean(t *testing.T) {
	doc := "---\nid: a\ntitle: A\ntier: standards\nvisibility: pubilc\napprovers: [mayor]\n---\n本文\n"
	res := Run(repo(t, map[string]string{"policy/x.md": doc}))
	var msgs []string
	for _, f := range res.Findings {
		msgs = append(msgs, f.Message)
	}
	joined := strings.Join(msgs, "\n")
	for _, want := range []string{`(did you mean "standard"?)`, `(did you mean "public"?)`} {
		if !strings.Contains(joined, want) {
			t.Errorf("no %s in %q", want, msgs)
		}
	}
}

// TestLeakOutsideProse: a restricted title quoted where the public site
// carries it but a reader does not see it as prose is a leak — a link
// whose definition stands in the restricted part, a table cell, a
// destination encoded twice — and the restricted part itself is not.
func TestLeakOutsideProse(t *testing.T) {
	doc := "---\nid: a\ntitle: 文書\ntier: basic\nvisibility: public\napprovers: [mayor]\n---\n" +
		"## 1. 目的\n\n[参考][r]を見る。\n\n" + // 10
		"| 区分 | 内容 |\n|---|---|\n| 甲 | 夜間休日の緊急連絡網 |\n\n" + // 12-14
		"[参考](https://example.jp/%25E5%25A4%259C%25E9%2596%2593%25E4%25BC%2591%25E6%2597%25A5%25E3%2581%25AE%25E7%25B7%258A%25E6%2580%25A5%25E9%2580%25A3%25E7%25B5%25A1%25E7%25B6%25B2)\n\n" + // 16
		"## 2. 連絡 {visibility=internal}\n\n" +
		"[r]: https://example.jp/ \"夜間休日の緊急連絡網\"\n\n" +
		"| 区分 | 内容 |\n|---|---|\n| 乙 | 夜間休日の緊急連絡網 |\n\n" +
		"### (1) 夜間休日の緊急連絡網\n\n当番が受ける。\n"
	r := repo(t, map[string]string{"policy/a.md": doc})
	var got []string
	for _, f := range Run(r).Findings {
		if f.Rule == policy.RuleVisibilityLeak {
			got = append(got, f.Pos.String())
		}
	}
	// Line 10 twice: the title its definition quotes, and the definition
	// standing in the restricted part (TestRestrictedDefinitions).
	want := []string{"policy/a.md:10:1", "policy/a.md:10:1", "policy/a.md:14:6", "policy/a.md:16:1"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("leaks at %v, want %v", got, want)
	}
}

// TestReservedIDs: a document's page is <id>.html beside the site's own
// pages, so an id that names one of them (index, history, search,
// approvals, shinkyu, 404) is an error at the id, found before anyone
// approves it; an id that merely starts with one is not.
func TestReservedIDs(t *testing.T) {
	doc := func(id string) string {
		return "---\nid: " + id + "\ntitle: A\ntier: procedure\nvisibility: public\napprovers: [mayor]\n---\n本文\n"
	}
	for _, id := range policy.ReservedIDs {
		res := Run(repo(t, map[string]string{"policy/x.md": doc(id)}))
		if got := strings.Join(findings(res), "\n"); got != "policy/x.md:2:1 error frontmatter/id" {
			t.Errorf("id %s: findings %q", id, got)
			continue
		}
		f := res.Findings[0]
		if !strings.Contains(f.Message, id+".html") || !strings.Contains(f.Hint, "another id") {
			t.Errorf("id %s: message %q, hint %q: they do not say what is wrong and what to do", id, f.Message, f.Hint)
		}
	}
	for _, id := range policy.ReservedIDs {
		if !strings.Contains(policy.RuleFrontMatterID.Summary, id) || !strings.Contains(policy.RuleFrontMatterID.SummaryJa, id) {
			t.Errorf("the summary of frontmatter/id does not name %s", id)
		}
	}
	for _, id := range []string{"history-procedure", "search-policy", "indexes"} {
		if got := findings(Run(repo(t, map[string]string{"policy/x.md": doc(id)}))); len(got) != 0 {
			t.Errorf("id %s: findings %q", id, got)
		}
	}
}
