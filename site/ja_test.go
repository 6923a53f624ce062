package site

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"io"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/policyctl/policyctl/internal/history"
	"github.com/policyctl/policyctl/internal/policy"
	"github.com/policyctl/policyctl/internal/policytest"
)

// The pages a city publishes ([ja] 4 and 5, [circulate]): tests over
// in-memory repositories with two revisions in force and a draft.

const jaConfig = "organization: {id: t, name: 試験市}\ntitle: 試験市情報セキュリティポリシー\nhistory:\n  legacy:\n    - {date: 2003-09, kind: 策定}\n"

// jaBasic is a 例規-style document with a public part and an internal
// one; v changes a public article and the internal part.
func jaBasic(v string) []byte {
	return []byte(`---
id: basic
title: 試験市情報セキュリティ基本規程
tier: basic
visibility: public
approvers: [mayor]
---

# 試験市情報セキュリティ基本規程

## 第1章 総則

（目的）

第1条　この規程は、情報資産の管理について定める。` + v + `

（定義）

第2条　この規程で用いる用語の意味は、次のとおりとする。

(1) 情報資産　業務で取り扱う情報をいう。

(2) 情報システム　情報を処理する仕組みをいう。

2　前項各号に掲げるもののほか、必要な事項は別に定める。

::: internal
（連絡）

第3条　緊急時の連絡先は内線四四四四番とする。` + v + `
:::
`)
}

func jaRepo(t *testing.T, v, extraConfig string) *policy.Repo {
	t.Helper()
	fsys := fstest.MapFS{
		policy.ConfigFile:     {Data: []byte(jaConfig + extraConfig)},
		"policy/basic.md":     {Data: jaBasic(v)},
		"policy/secret.md":    {Data: []byte("---\nid: secret\ntitle: 非公開の手順書カナリア\ntier: procedure\nvisibility: internal\napprovers: [mayor]\n---\n\n1. 手順書の本文である" + v + "。\n")},
		"policy/images/a.svg": {Data: []byte(`<svg xmlns="http://www.w3.org/2000/svg"></svg>`)},
	}
	r, err := policy.Load(policytest.Committed{FS: fsys}, policy.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// jaOptions: revisions 2024-04-01 and 2026-03-31 in force, the working
// tree a draft after them.
func jaOptions(t *testing.T, extraConfig string) (*policy.Repo, Options) {
	t.Helper()
	r1, r2, draft := jaRepo(t, "", extraConfig), jaRepo(t, "改めて定める。", extraConfig), jaRepo(t, "さらに改める。", extraConfig)
	entries, err := history.Log(r2.Config, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range []history.Entry{
		{Revision: "2024-04-01", Date: "2024-04-01", Wareki: "令和6年4月1日", Kind: "改訂", Edition: "令和6年度改訂版"},
		{Revision: "2026-03-31", Date: "2026-03-31", Wareki: "令和8年3月31日", Kind: "一部改正", Edition: "令和7年度改訂版",
			Documents: []history.Change{{ID: "basic", Title: "試験市情報セキュリティ基本規程", What: "modified"}, {ID: "secret", Title: "非公開の手順書カナリア", What: "modified"}}},
	} {
		entries = append(entries, e)
	}
	o := Options{
		Editions:  draft.Config.EditionList(),
		Entries:   entries,
		InForce:   r2,
		InForceID: "2026-03-31",
		Archive: []Revision{
			{ID: "2024-04-01", Kind: "改訂", Model: r1},
			{ID: "2026-03-31", Kind: "一部改正", Model: r2, Previous: r1, PrevID: "2024-04-01"},
		},
		Approvals: []ApprovalTable{{
			Revision: "2026-03-31", Kind: "一部改正",
			Committees: []string{"試験市長", "試験市教育委員会"},
			Documents:  []string{"試験市情報セキュリティ基本規程", "非公開の手順書カナリア"},
			States:     [][]ApprovalState{{Approved, Stale}, {Missing}},
		}},
	}
	return draft, o
}

func jaBuild(t *testing.T, extraConfig string) (public, internal map[string][]byte, warnings string) {
	t.Helper()
	full, o := jaOptions(t, extraConfig)
	var warn bytes.Buffer
	o.Warn = &warn
	out := map[string]map[string][]byte{}
	for _, e := range o.Editions {
		files, err := buildEdition(full, e.Restrict(o.InForce.Config), o)
		if err != nil {
			t.Fatalf("edition %s: %v", e.Name, err)
		}
		out[e.Name] = files
	}
	return out["public"], out["internal"], warn.String()
}

func TestArchiveLabels(t *testing.T) {
	pub, _, _ := jaBuild(t, "")
	inForce := string(pub["revisions/2026-03-31/index.html"])
	for _, want := range []string{
		`この版は、<time datetime="2026-03-31">令和8年3月31日</time>から施行されている版です（<strong class="state">施行中</strong>）。`,
		`<a href="../../index.html">現在の文書一覧</a>`,
	} {
		if !strings.Contains(inForce, want) {
			t.Errorf("the archived copy in force lacks %s", want)
		}
	}
	if strings.Contains(inForce, "過去の版") {
		t.Error("the archived copy of the revision in force calls itself 過去の版")
	}
	old := string(pub["revisions/2024-04-01/basic.html"])
	want := `この文書は、<time datetime="2024-04-01">令和6年4月1日</time>から<time datetime="2026-03-30">令和8年3月30日</time>まで施行されていた過去の版です。最新の版は<a href="../../basic.html">現在の文書のページ</a>`
	if !strings.Contains(old, want) {
		t.Errorf("an older archived page lacks %s", want)
	}
	draft := string(pub["basic.html"])
	if !strings.Contains(draft, `この文書は、施行中の版（<time datetime="2026-03-31">令和8年3月31日</time>施行）と内容が異なります。`) {
		t.Error("the draft mark does not give the revision in force in 和暦")
	}
	hist := string(pub["history.html"])
	for _, want := range []string{
		`<th scope="row"><time datetime="2003-09">平成15年9月</time></th>`,
		`<th scope="row"><time datetime="2026-03-31">令和8年3月</time></th>`,
		`<strong class="state">施行中</strong>`,
	} {
		if !strings.Contains(hist, want) {
			t.Errorf("the 改訂履歴 lacks %s", want)
		}
	}
	if regexp.MustCompile(`>\s*\d{4}-\d{2}(-\d{2})?\s*<`).MatchString(hist + draft + old + inForce) {
		t.Error("an ISO date is shown as text; it belongs in <time datetime>")
	}
}

// TestNoEmptyNav: a document alone in its edition has no pager.
func TestNoEmptyNav(t *testing.T) {
	pub, internal, _ := jaBuild(t, "")
	for name, files := range map[string]map[string][]byte{"public": pub, "internal": internal} {
		for p, b := range files {
			if regexp.MustCompile(`<nav[^>]*>\s*<ul>\s*</ul>\s*</nav>`).Match(b) {
				t.Errorf("%s %s has an empty <nav>", name, p)
			}
		}
	}
	if !strings.Contains(string(internal["basic.html"]), `class="pager"`) {
		t.Error("the internal edition's two documents have no pager")
	}
}

func TestSitemapNeedsBaseURL(t *testing.T) {
	pub, internal, warn := jaBuild(t, "")
	if _, ok := pub["sitemap.xml"]; ok {
		t.Error("a sitemap of relative URLs was written without site.base_url")
	}
	if !strings.Contains(warn, "no sitemap.xml") || !strings.Contains(warn, "site.base_url") {
		t.Errorf("no warning names site.base_url: %q", warn)
	}
	if strings.Contains(string(pub["robots.txt"]), "Sitemap:") || strings.Contains(string(pub["index.html"]), `rel="canonical"`) {
		t.Error("robots.txt or a canonical link without site.base_url")
	}

	pub, internal, warn = jaBuild(t, "site: {base_url: \"https://www.city.example.jp/policy\"}\n")
	if warn != "" {
		t.Errorf("warnings with site.base_url set: %s", warn)
	}
	sm := string(pub["sitemap.xml"])
	for _, want := range []string{
		"<loc>https://www.city.example.jp/policy/</loc>",
		"<loc>https://www.city.example.jp/policy/basic.html</loc>",
		"<loc>https://www.city.example.jp/policy/history.html</loc>",
	} {
		if !strings.Contains(sm, want) {
			t.Errorf("sitemap.xml lacks %s:\n%s", want, sm)
		}
	}
	for _, loc := range regexp.MustCompile(`<loc>([^<]*)</loc>`).FindAllStringSubmatch(sm, -1) {
		if !strings.HasPrefix(loc[1], "https://www.city.example.jp/policy/") {
			t.Errorf("sitemap entry %s is not absolute", loc[1])
		}
	}
	if got := string(pub["robots.txt"]); !strings.Contains(got, "\nSitemap: https://www.city.example.jp/policy/sitemap.xml\n") {
		t.Errorf("robots.txt does not name the sitemap:\n%s", got)
	}
	for p, want := range map[string]string{
		"index.html":                        `<link rel="canonical" href="https://www.city.example.jp/policy/">`,
		"basic.html":                        `<link rel="canonical" href="https://www.city.example.jp/policy/basic.html">`,
		"revisions/2024-04-01/index.html":   `<link rel="canonical" href="https://www.city.example.jp/policy/revisions/2024-04-01/">`,
		"revisions/2026-03-31/shinkyu.html": `<link rel="canonical" href="https://www.city.example.jp/policy/revisions/2026-03-31/shinkyu.html">`,
	} {
		if !strings.Contains(string(pub[p]), want) {
			t.Errorf("public %s lacks %s", p, want)
		}
	}
	// The internal edition is not published at the public address.
	if _, ok := internal["sitemap.xml"]; ok || strings.Contains(string(internal["index.html"]), `rel="canonical"`) {
		t.Error("the internal edition has a sitemap or canonical links")
	}
}

// TestApprovalsPageInternalOnly: the 承認状況 names every document and
// committee; only the edition that sees every level has it.
func TestApprovalsPageInternalOnly(t *testing.T) {
	pub, internal, _ := jaBuild(t, "")
	for p, b := range pub {
		if strings.Contains(p, "approvals") || strings.Contains(string(b), "承認状況") {
			t.Errorf("the public edition mentions the 承認状況 in %s", p)
		}
	}
	page := string(internal["approvals.html"])
	for _, want := range []string{
		`<h2 id="approvals-2026-03-31"><time datetime="2026-03-31">令和8年3月31日</time>一部改正</h2>`,
		`<th scope="col">試験市教育委員会</th>`,
		`<th scope="row">非公開の手順書カナリア</th><td class="state-missing">未<span class="visually-hidden">（未承認）</span></td><td class="state-none">－`,
		`<td class="state-stale">変`,
		`<meta name="robots" content="noindex, nofollow">`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("approvals.html lacks %s", want)
		}
	}
	if !strings.Contains(string(internal["index.html"]), `<a href="approvals.html">承認状況</a>`) {
		t.Error("the internal navigation does not link the 承認状況")
	}
}

func TestHistoryTimeline(t *testing.T) {
	pub, _, _ := jaBuild(t, "")
	hist := string(pub["history.html"])
	svg := regexp.MustCompile(`(?s)<svg role="img" aria-labelledby="timeline-name".*?</svg>`).FindString(hist)
	if svg == "" {
		t.Fatal("no accessible timeline on the 改訂履歴")
	}
	if !strings.Contains(svg, `<title id="timeline-name">改訂の年表（平成15年9月から令和8年3月までの3回。内容は次の表のとおり）</title>`) {
		t.Errorf("the timeline's name: %s", svg)
	}
	if strings.Index(hist, "<svg") > strings.Index(hist, `<table class="history">`) {
		t.Error("the timeline is not above the table")
	}
	if strings.Count(svg, `<circle class="in-force"`) != 1 || strings.Count(svg, `<circle class="legacy"`) != 1 || strings.Count(svg, `<circle class="rev"`) != 2 {
		t.Errorf("the timeline's marks: %s", svg)
	}
}

// TestTimelineLabelsDoNotOverlap: revisions a few months apart get labels
// in separate rows.
func TestTimelineLabelsDoNotOverlap(t *testing.T) {
	var rows []historyRow
	for _, d := range []string{"2019-04-01", "2019-07-01", "2019-10-01", "2020-01-01", "2030-04-01"} {
		rows = append(rows, historyRow{Date: monthOfDate(d), Kind: "一部改正", Archive: "x"})
	}
	svg := string(timeline(rows))
	type box struct{ x0, x1, y int }
	var boxes []box
	for _, m := range regexp.MustCompile(`<text x="(\d+)" y="(\d+)" text-anchor="middle">([^<]*)</text>`).FindAllStringSubmatch(svg, -1) {
		x, y := atoi(m[1]), atoi(m[2])
		w := textWidth(m[3])
		boxes = append(boxes, box{x - w/2, x + w/2, y})
	}
	if len(boxes) != len(rows) {
		t.Fatalf("%d labels for %d revisions", len(boxes), len(rows))
	}
	for i := range boxes {
		for j := i + 1; j < len(boxes); j++ {
			a, b := boxes[i], boxes[j]
			if a.y == b.y && a.x0 < b.x1 && b.x0 < a.x1 {
				t.Errorf("labels %d and %d overlap: %v %v", i, j, a, b)
			}
		}
	}
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

// TestShinkyuDownloads: the 新旧対照表 page offers the Word file and the
// 改め文, computed from the edition's models: the public files hold the
// public change and nothing of the internal one.
func TestShinkyuDownloads(t *testing.T) {
	pub, internal, _ := jaBuild(t, "")
	again, _, _ := jaBuild(t, "")
	for _, f := range []string{"revisions/2026-03-31/shinkyu.docx", "revisions/2026-03-31/kaimebun.txt", "history.html"} {
		if !bytes.Equal(pub[f], again[f]) {
			t.Errorf("%s differs between two builds", f)
		}
	}
	page := string(pub["revisions/2026-03-31/shinkyu.html"])
	for _, want := range []string{
		`<a href="shinkyu.docx" download>新旧対照表（ワード形式）</a>`,
		`<a href="kaimebun.txt" download>改め文（テキスト形式）</a>`,
		`<a href="../../history.html">改訂履歴</a>`,
		`<ins>改めて定める。</ins>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the public 新旧対照表 page lacks %s", want)
		}
	}
	if _, ok := pub["revisions/2024-04-01/shinkyu.docx"]; ok {
		t.Error("the first revision has a 新旧対照表")
	}
	docxText := func(b []byte) string {
		t.Helper()
		z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range z.File {
			if f.Name == "word/document.xml" {
				rc, _ := f.Open()
				x, _ := io.ReadAll(rc)
				rc.Close()
				return regexp.MustCompile(`<[^>]*>`).ReplaceAllString(string(x), "")
			}
		}
		t.Fatal("no word/document.xml")
		return ""
	}
	pd, pk := docxText(pub["revisions/2026-03-31/shinkyu.docx"]), string(pub["revisions/2026-03-31/kaimebun.txt"])
	id, ik := docxText(internal["revisions/2026-03-31/shinkyu.docx"]), string(internal["revisions/2026-03-31/kaimebun.txt"])
	for name, s := range map[string]string{"public docx": pd, "public 改め文": pk, "internal docx": id, "internal 改め文": ik} {
		if !strings.Contains(s, "改めて定める") {
			t.Errorf("%s lacks the public change:\n%s", name, s)
		}
	}
	for _, secret := range []string{"内線四四四四番", "非公開の手順書カナリア", "手順書の本文"} {
		if strings.Contains(pd, secret) || strings.Contains(pk, secret) {
			t.Errorf("the public downloads hold %q", secret)
		}
		if !strings.Contains(id+ik, secret) && secret != "手順書の本文" {
			t.Errorf("the internal downloads lack %q", secret)
		}
	}
	if !strings.HasPrefix(pk, "\ufeff") || !strings.Contains(pk, "この改正は、令和八年三月三十一日から施行する。") {
		t.Errorf("the 改め文:\n%s", pk)
	}
}

// TestSearchIndexPlainText: the index holds what a reader sees, never
// Markdown; a title that the page shows as its h1 is not an anchor.
func TestSearchIndexPlainText(t *testing.T) {
	fsys := fstest.MapFS{
		policy.ConfigFile:     {Data: []byte(jaConfig)},
		"policy/basic.md":     {Data: []byte("---\nid: basic\ntitle: 基本方針\ntier: basic\nvisibility: public\napprovers: [mayor]\n---\n\n# 基本方針\n\n前文の**強調**と`符号`と[リンク](https://example.jp/)。\n\n## 1. 対象\n\n- (1) 一つ目の項目\n- (2) 二つ目の項目\n\n![構成図](images/a.svg)\n\n| 区分 | 内容 |\n|---|---|\n| 甲 | 表の内容 |\n\n> 引用の文\n")},
		"policy/images/a.svg": {Data: []byte(`<svg xmlns="http://www.w3.org/2000/svg"></svg>`)},
	}
	full, err := policy.Load(policytest.Committed{FS: fsys}, policy.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	e, _ := full.Config.Edition("public")
	files, err := buildEdition(full, e, Options{})
	if err != nil {
		t.Fatal(err)
	}
	idx := searchEntries(t, files["search-index.js"])
	var all strings.Builder
	for _, s := range idx {
		all.WriteString(s.T + "\n" + s.X + "\n")
		if s.U == "basic.html#基本方針" {
			t.Error("the index links the title heading, which the page does not show")
		}
	}
	for _, md := range []string{"**", "`", "](", "![", "- (", "|", "---", "> ", "# "} {
		if strings.Contains(all.String(), md) {
			t.Errorf("the index holds Markdown %q:\n%s", md, all.String())
		}
	}
	for _, want := range []string{"前文の強調と符号とリンク。", "(1) 一つ目の項目 (2) 二つ目の項目", "区分 内容 甲 表の内容", "引用の文"} {
		if !strings.Contains(all.String(), want) {
			t.Errorf("the index lacks %q:\n%s", want, all.String())
		}
	}
}

type indexEntry struct {
	U, T, D, X string
}

func searchEntries(t *testing.T, js []byte) []indexEntry {
	t.Helper()
	s := strings.TrimSuffix(strings.TrimPrefix(string(js), "window.POLICYCTL_INDEX = "), ";\n")
	var idx struct {
		Sections []struct {
			U string `json:"u"`
			T string `json:"t"`
			D string `json:"d"`
			X string `json:"x"`
		} `json:"sections"`
	}
	if err := json.Unmarshal([]byte(s), &idx); err != nil {
		t.Fatalf("search-index.js: %v", err)
	}
	var out []indexEntry
	for _, e := range idx.Sections {
		out = append(out, indexEntry{e.U, e.T, e.D, e.X})
	}
	return out
}

// TestBigramsLowerCase: the rune-by-rune lower-casing of the search index
// is strings.ToLower's, the range it skips has no case.
func TestBigramsLowerCase(t *testing.T) {
	for r := rune(0x3000); r < 0xA640; r++ {
		if unicode.ToLower(r) != r {
			t.Fatalf("%U has a lower case: the fast path of bigrams is wrong", r)
		}
	}
	s := "ＡＢＣ ÀÉ Ωμ ⒶⓉ ｶﾞ データ ΣΑΣ"
	var want []uint64
	var prev rune = -1
	for _, r := range strings.ToLower(norm.NFKC.String(s)) {
		if prev >= 0 && !unicode.IsSpace(prev) && !unicode.IsSpace(r) {
			want = append(want, uint64(prev)<<32|uint64(uint32(r)))
		}
		prev = r
	}
	slices.Sort(want)
	want = slices.Compact(want)
	if got := bigrams(s); !slices.Equal(got, want) {
		t.Errorf("bigrams(%q) = %x, want %x", s, got, want)
	}
}

// TestScheduledMarkShowsWhatTheEditionShows: a page whose visible content
// is that of the approved revision to come says 施行予定 in an edition that
// cuts the part changed since; the internal edition, which shows that part,
// says 案. (The mark compared whole files, so a public page told readers
// that a part they cannot see had changed: leak red team round 10.)
func TestScheduledMarkShowsWhatTheEditionShows(t *testing.T) {
	inForce, scheduled := jaRepo(t, "改めて定める。", ""), jaRepo(t, "さらに改める。", "")
	src := string(jaBasic("さらに改める。"))
	edited := strings.Replace(src, "内線四四四四番", "内線五五五五番", 1)
	if edited == src {
		t.Fatal("the internal part was not edited")
	}
	draft, err := inForce.With(map[string][]byte{"policy/basic.md": []byte(edited)})
	if err != nil {
		t.Fatal(err)
	}
	draft.FS = policytest.Committed{FS: draft.FS}
	o := Options{Editions: draft.Config.EditionList(), InForce: inForce, InForceID: "2026-03-31", Scheduled: scheduled, ScheduledID: "2026-10-01"}
	for _, tt := range []struct{ edition, mark string }{{"public", "施行予定"}, {"internal", "案"}} {
		e, _ := draft.Config.Edition(tt.edition)
		files, err := buildEdition(draft, e, o)
		if err != nil {
			t.Fatalf("edition %s: %v", tt.edition, err)
		}
		page := string(files[PageName(draft.Doc("basic"))])
		if !strings.Contains(page, `draft-mark">`+tt.mark) {
			t.Errorf("the %s page of basic is not marked %s", tt.edition, tt.mark)
		}
	}
}

// TestTimelineLabel: one month is named once, not as a span from itself
// to itself.
func TestTimelineLabel(t *testing.T) {
	one := []historyRow{{Date: jdate{Text: "令和8年4月"}}}
	if got, want := timelineLabel(one), "改訂の年表（令和8年4月の1回。内容は次の表のとおり）"; got != want {
		t.Errorf("%q, want %q", got, want)
	}
	two := append(one, historyRow{Date: jdate{Text: "令和8年12月"}})
	if got, want := timelineLabel(two), "改訂の年表（令和8年4月から令和8年12月までの2回。内容は次の表のとおり）"; got != want {
		t.Errorf("%q, want %q", got, want)
	}
}
