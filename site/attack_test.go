package site

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/policyctl/policyctl/internal/diff"
	"github.com/policyctl/policyctl/internal/gittest"
	"github.com/policyctl/policyctl/internal/history"
	"github.com/policyctl/policyctl/internal/policy"
	"github.com/policyctl/policyctl/internal/source"
	"github.com/policyctl/policyctl/render"
)

// The attacks of [leakproof], one test per category, each trying to get a
// canary into the public edition. Each must fail to leak: the build is
// refused, or it succeeds without the canary.

const attackConfig = "organization: {id: t, name: 試験市}\ntitle: 試験市情報セキュリティポリシー\n"

func attackDoc(id, vis, body string) []byte {
	return []byte("---\nid: " + id + "\ntitle: 文書" + id + "\ntier: basic\nvisibility: " + vis + "\napprovers: [mayor]\n---\n\n" + body)
}

// publicBuild builds the public edition of fsys in memory, tripwire on.
func publicBuild(t *testing.T, fsys fstest.MapFS) (map[string][]byte, error) {
	t.Helper()
	if fsys[policy.ConfigFile] == nil {
		fsys[policy.ConfigFile] = &fstest.MapFile{Data: []byte(attackConfig)}
	}
	full, err := policy.Load(fsys, policy.LoadOptions{})
	if err != nil {
		return nil, err
	}
	e, _ := full.Config.Edition("public")
	return buildEdition(full, e, Options{})
}

// mustNotLeak fails when the build succeeded and any public file holds the
// canary; it returns the build error.
func mustNotLeak(t *testing.T, fsys fstest.MapFS, canary string) error {
	t.Helper()
	files, err := publicBuild(t, fsys)
	if err != nil {
		return err
	}
	for name, b := range files {
		for _, f := range forms(canary) {
			if strings.Contains(name, f) || strings.Contains(string(b), f) {
				t.Fatalf("the public %s holds %q", name, canary)
			}
		}
	}
	return nil
}

// Two parsers that disagree.

func TestAttackShadowedReferenceDefinition(t *testing.T) {
	fsys := fstest.MapFS{
		"policy/basic.md":  {Data: attackDoc("basic", "public", "::: internal\n[手順]: https://example.jp/\n:::\n\n[手順][手順]を参照する。\n\n[手順]: secret.md\n")},
		"policy/secret.md": {Data: attackDoc("secret", "internal", "CanarySecretBody\n")},
	}
	err := mustNotLeak(t, fsys, "CanarySecretBody")
	if err == nil || !strings.Contains(err.Error(), "changes how the remaining text is read") && !strings.Contains(err.Error(), "does not contain") &&
		!strings.Contains(err.Error(), "uses a link reference definition (line 10) that is in a more restricted part") {
		t.Fatalf("the shadowing definition was not caught: %v", err)
	}
}

func TestAttackPercentEscapes(t *testing.T) {
	for _, dest := range []string{"secret%2Emd", "%73ecret.md", "./%2e/secret.md", "sub/%2e%2e/secret.md", "/policy/secret.md", "secret.md%23x", "secret.md?x=%23"} {
		fsys := fstest.MapFS{
			"policy/basic.md":  {Data: attackDoc("basic", "public", "[規程]("+dest+")を参照する。\n")},
			"policy/secret.md": {Data: attackDoc("secret", "internal", "CanarySecretBody\n")},
			"policy/sub/x.txt": {Data: []byte("x")},
		}
		if err := mustNotLeak(t, fsys, "CanarySecretBody"); err == nil && !strings.Contains(dest, "%23") {
			t.Errorf("%s: a public link to a restricted document was built", dest)
		}
	}
}

func TestAttackFenceInCode(t *testing.T) {
	fsys := fstest.MapFS{"policy/basic.md": {Data: attackDoc("basic", "public", "公開\n\n::: internal\n```\n:::\n```\nCanaryAfterFence\n:::\n\n公開の結び\n")}}
	if err := mustNotLeak(t, fsys, "CanaryAfterFence"); err != nil {
		t.Fatalf("a fence in code should be text, and the build succeed: %v", err)
	}
}

func TestAttackEqualFences(t *testing.T) {
	fsys := fstest.MapFS{"policy/basic.md": {Data: attackDoc("basic", "public", "::: internal\n::: internal\n内側\n:::\nCanaryBetweenClosers\n:::\n\n公開\n")}}
	if err := mustNotLeak(t, fsys, "CanaryBetweenClosers"); err != nil {
		t.Fatal(err)
	}
}

// Markers that are almost right.

func TestAttackNearMissMarkers(t *testing.T) {
	for _, m := range nearMisses {
		fsys := fstest.MapFS{"policy/basic.md": {Data: attackDoc("basic", "public", strings.Replace(m, "%s", "CanaryNearMiss", 1))}}
		err := mustNotLeak(t, fsys, "CanaryNearMiss")
		var refused *render.RefusedError
		if !errors.As(err, &refused) {
			t.Errorf("%q: not refused: %v", m, err)
		}
	}
	// A duplicated visibility key: the most restricted value counts, and
	// the duplicate is a front-matter error that refuses the build.
	fsys := fstest.MapFS{"policy/basic.md": {Data: []byte("---\nid: basic\ntitle: 文書\ntier: basic\nvisibility: internal\nvisibility: public\napprovers: [mayor]\n---\nCanaryDuplicateKey\n")}}
	if err := mustNotLeak(t, fsys, "CanaryDuplicateKey"); err == nil {
		t.Error("a duplicated visibility key did not refuse the build")
	}
}

// Derived text.

func TestAttackRawHTMLInSearchIndex(t *testing.T) {
	fsys := fstest.MapFS{"policy/basic.md": {Data: attackDoc("basic", "public", "公開の本文。<!-- CanaryComment -->\n\n<div>CanaryHTMLBlock</div>\n\n<span title=\"CanaryInlineHTML\">強調</span>を含む。\n")}}
	files, err := publicBuild(t, fsys)
	if err != nil {
		t.Fatal(err)
	}
	for name, b := range files {
		for _, c := range []string{"CanaryComment", "CanaryHTMLBlock", "CanaryInlineHTML"} {
			if strings.Contains(string(b), c) {
				t.Errorf("%s holds %s", name, c)
			}
		}
	}
	if !strings.Contains(string(files["search-index.js"]), "公開の本文") {
		t.Error("the search index lost the visible text")
	}
}

// TestAttackHistoryNamesRestricted: the public 改訂履歴 names only what the
// public edition sees.
func TestAttackHistoryNamesRestricted(t *testing.T) {
	model := func(secret, public string) (*render.EditionModel, *render.EditionModel) {
		fsys := fstest.MapFS{
			policy.ConfigFile:    {Data: []byte(attackConfig)},
			"policy/basic.md":    {Data: attackDoc("basic", "public", "公開"+public+"\n\n::: internal\n"+secret+"\n:::\n")},
			"policy/password.md": {Data: []byte("---\nid: password\ntitle: CanaryPasswordTitle\ntier: procedure\nvisibility: internal\n---\n" + secret + "\n")},
		}
		full, err := policy.Load(fsys, policy.LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		pub, _ := full.Config.Edition("public")
		in, _ := full.Config.Edition("internal")
		p, err := render.Edition(full, pub)
		if err != nil {
			t.Fatal(err)
		}
		i, err := render.Edition(full, in)
		if err != nil {
			t.Fatal(err)
		}
		return p, i
	}
	oldPub, oldIn := model("旧", "同じ")
	newPub, newIn := model("新", "同じ")
	entry := history.Entry{Documents: []history.Change{
		{ID: "basic", Title: "文書basic", What: "modified"},
		{ID: "password", Title: "CanaryPasswordTitle", What: "modified"},
	}}
	got := strings.Join(editionChanges(entry, newPub, oldPub, nil), "、")
	if got != HiddenChanges {
		t.Errorf("public 改訂履歴: %q, want only %q", got, HiddenChanges)
	}
	if got := strings.Join(editionChanges(entry, newIn, oldIn, nil), "、"); !strings.Contains(got, "CanaryPasswordTitle（改正）") || !strings.Contains(got, "文書basic（改正）") {
		t.Errorf("internal 改訂履歴: %q", got)
	}
	changedPub, _ := model("新", "変更")
	if got := strings.Join(editionChanges(entry, changedPub, oldPub, nil), "、"); got != "文書basic（改正）、"+HiddenChanges {
		t.Errorf("public 改訂履歴 of a visible change: %q", got)
	}
}

// TestAttackArchiveUnderItsOwnLevels: a revision whose configuration had
// another level list is cut by what its own levels meant.
func TestAttackArchiveUnderItsOwnLevels(t *testing.T) {
	oldCfg := &policy.Config{Visibility: []string{"public", "staff", "internal"}, Editions: map[string]string{"public": "public", "staff": "staff", "internal": "internal"}}
	cur := &policy.Config{Visibility: []string{"public", "internal"}, Editions: map[string]string{"public": "public", "internal": "internal"}}
	e, _ := cur.Edition("public")
	if got := e.Restrict(oldCfg); !got.Sees("public") || got.Sees("staff") || got.Sees("internal") {
		t.Errorf("public edition under the old levels: %v", got.Levels)
	}
	staff, _ := oldCfg.Edition("staff")
	if got := staff.Restrict(cur); len(got.Levels) != 0 {
		t.Errorf("an edition the other configuration does not define shows nothing under it: %v", got.Levels)
	}
	swapped := &policy.Config{Visibility: []string{"internal", "public"}, Editions: map[string]string{"public": "public", "internal": "internal"}}
	e2, _ := swapped.Edition("public")
	if got := e2.Restrict(cur); got.Sees("internal") {
		t.Errorf("a swapped level list showed internal content: %v", got.Levels)
	}
	raised := &policy.Config{Visibility: []string{"public", "internal"}, Editions: map[string]string{"public": "internal", "internal": "internal"}}
	e3, _ := raised.Edition("public")
	if got := e3.Restrict(cur); got.Sees("internal") {
		t.Errorf("editions.public: internal in a draft showed internal content: %v", got.Levels)
	}
}

// TestAttackDraftConfiguration: a working tree whose policyctl.yaml maps the
// public edition to internal publishes nothing restricted, because the
// approved configuration narrows the edition.
func TestAttackDraftConfiguration(t *testing.T) {
	dir := canaryRepo(t)
	tr, _ := source.Open(dir, "")
	approved, err := policy.Load(tr.FS, policy.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	cfg := "organization: {id: t, name: 試験市}\ntitle: 試験市情報セキュリティポリシー\neditions: {public: internal, internal: internal}\n"
	if err := os.WriteFile(filepath.Join(dir, "policyctl.yaml"), []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	draft, err := policy.Load(tr.FS, policy.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "site")
	if _, err := Build(draft, Options{Dir: out, Editions: draft.Config.EditionList(), InForce: approved, InForceID: "approved"}); err != nil {
		t.Fatal(err)
	}
	for name, b := range readTree(t, filepath.Join(out, "public")) {
		if strings.Contains(string(b), "CanaryBodyBravo") || strings.Contains(name, "canary-doc") {
			t.Fatalf("the draft configuration published restricted content in %s", name)
		}
	}
}

// Files.

func TestAttackSymlink(t *testing.T) {
	r := gittest.New(t)
	r.Commit(gittest.Commit{Files: map[string][]byte{
		"policyctl.yaml":  []byte(attackConfig),
		"policy/basic.md": attackDoc("basic", "public", "[設定](config.txt)を見る。\n"),
	}})
	if err := os.WriteFile(filepath.Join(r.Dir, ".git", "config-canary"), []byte("url = https://token@CanaryRemote.example/"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("../.git/config-canary", filepath.Join(r.Dir, "policy", "config.txt")); err != nil {
		t.Fatal(err)
	}
	tr, _ := source.Open(r.Dir, "")
	full, err := policy.Load(tr.FS, policy.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	e, _ := full.Config.Edition("public")
	_, err = buildEdition(full, e, Options{})
	var refused *render.RefusedError
	if !errors.As(err, &refused) || !strings.Contains(err.Error(), "symbolic link") {
		t.Fatalf("a symlinked file was not refused: %v", err)
	}
	// The internal edition does not copy it either.
	ie, _ := full.Config.Edition("internal")
	files, err := buildEdition(full, ie, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for name, b := range files {
		if strings.Contains(string(b), "CanaryRemote") {
			t.Fatalf("the internal edition copied the symlink's target into %s", name)
		}
	}
}

func TestAttackLinkToDocumentSource(t *testing.T) {
	fsys := fstest.MapFS{
		"policy/basic.md": {Data: attackDoc("basic", "public", "[別の文書](other.md)を見る。\n")},
		"policy/other.md": {Data: attackDoc("other", "public", "公開の他文書。\n")},
	}
	files, err := publicBuild(t, fsys)
	if err != nil {
		t.Fatal(err)
	}
	for name := range files {
		if strings.HasSuffix(name, ".md") {
			t.Errorf("the raw source %s was published", name)
		}
	}
	if !strings.Contains(string(files["basic.html"]), `href="other.html"`) {
		t.Error("a link to a document is not a link to its page")
	}
}

func TestAttackCaseInsensitiveName(t *testing.T) {
	fsys := fstest.MapFS{
		"policy/basic.md":               {Data: attackDoc("basic", "public", "[手順](procedures/PASSWORD.md)\n")},
		"policy/procedures/password.md": {Data: attackDoc("password", "internal", "CanaryPassword\n")},
	}
	err := mustNotLeak(t, fsys, "CanaryPassword")
	if err == nil || !strings.Contains(err.Error(), "link/case") {
		t.Fatalf("a link whose case differs was not refused: %v", err)
	}
	fsys = fstest.MapFS{
		"policy/basic.md": {Data: attackDoc("basic", "public", "公開\n")},
		"policy/a.svg":    {Data: []byte("<svg/>")},
		"policy/A.svg":    {Data: []byte("<svg/>")},
	}
	if _, err := publicBuild(t, fsys); err == nil || !strings.Contains(err.Error(), "files/collision") {
		t.Fatalf("two names that differ only in case were not refused: %v", err)
	}
}

func TestAttackInvalidUTF8(t *testing.T) {
	for _, src := range []string{"\xff\xfe\xfd", "---\nid: basic\ntitle: \xff\ntier: basic\nvisibility: public\n---\n\xe3\x81", "---\nid: basic\ntitle: t\ntier: basic\nvisibility: public\n---\n::: internal\n\xff secret\n:::\n"} {
		fsys := fstest.MapFS{"policy/basic.md": {Data: []byte(src)}}
		if _, err := publicBuild(t, fsys); err == nil {
			t.Errorf("%q: built", src)
		}
	}
}

// Robust output.

func TestOutputPermissionsAndLeftovers(t *testing.T) {
	modes := strictUmask(t)
	out := buildSite(t, canaryRepo(t))
	err := filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, _ := d.Info()
		want := os.FileMode(0o644)
		if d.IsDir() {
			want = 0o755
		}
		if modes && p != out && info.Mode().Perm() != want {
			t.Errorf("%s: mode %v, want %v", p, info.Mode().Perm(), want)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// A killed build leaves its temporary folder; the next build removes it.
	left := filepath.Join(out, tempPrefix+"public-123")
	if err := os.MkdirAll(filepath.Join(left, "x"), 0o700); err != nil {
		t.Fatal(err)
	}
	o, err := openOutput(out)
	if err != nil {
		t.Fatal(err)
	}
	o.close()
	if _, err := os.Stat(left); !os.IsNotExist(err) {
		t.Errorf("the leftover %s survived the next build: %v", left, err)
	}
}

// TestExchangeKeepsTheFolder: the edition folder is swapped, not removed
// and recreated: a handle opened on the old folder sees the old files.
func TestExchangeKeepsTheFolder(t *testing.T) {
	dir := t.TempDir()
	o, err := openOutput(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer o.close()
	if _, err := o.publish("public", map[string][]byte{"a.html": []byte("1")}, nil); err != nil {
		t.Fatal(err)
	}
	before, err := os.Stat(filepath.Join(dir, "public"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := o.publish("public", map[string][]byte{"a.html": []byte("2")}, nil); err != nil {
		t.Fatal(err)
	}
	after, _ := os.Stat(filepath.Join(dir, "public"))
	if os.SameFile(before, after) {
		t.Error("the edition folder was written in place")
	}
	b, _ := os.ReadFile(filepath.Join(dir, "public", "a.html"))
	if string(b) != "2" {
		t.Errorf("content %q", b)
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) != 1 {
		t.Errorf("left in the output folder: %v", ents)
	}
}

// TestTripwireSiteTitleJoin: the site writes its own title next to template
// text ("…ポリシーの改訂履歴"); a restricted sentence sharing a run of that
// join must not stop the build, and must still not be published. A
// restricted sentence that is not such a join still stops it.
func TestTripwireSiteTitleJoin(t *testing.T) {
	fsys := fstest.MapFS{
		"policy/basic.md":  {Data: attackDoc("basic", "public", "## 1. 目的\n\n情報資産を守る。\n")},
		"policy/secret.md": {Data: attackDoc("secret", "internal", "3　職員は、情報セキュリティポリシーの遵守状況を報告する。\n")},
	}
	files, err := publicBuild(t, fsys)
	if err != nil {
		t.Fatalf("the join of the site title and template text stopped the build: %v", err)
	}
	for name, b := range files {
		if strings.Contains(string(b), "遵守状況") {
			t.Fatalf("the public %s holds restricted text", name)
		}
	}
	// The same restricted text copied into a public page by a renderer bug
	// is what the tripwire is for: simulate it on the built files.
	full, ed := publicEdition(t, fsys)
	trip := render.NewTripwire(ed)
	trip.Allow(generatedTexts()...)
	trip.Allow(templateJoins(full.Config.Site.Title, full.Config.Organization.Name)...)
	files["basic.html"] = append(files["basic.html"], "<p>職員は、情報セキュリティポリシーの遵守状況を報告する。</p>"...)
	if err := trip.Scan(files); err == nil {
		t.Fatal("the tripwire let the restricted sentence through")
	}
}

// publicEdition loads fsys and cuts its public edition.
func publicEdition(t *testing.T, fsys fstest.MapFS) (*policy.Repo, *render.EditionModel) {
	t.Helper()
	full, err := policy.Load(fsys, policy.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	e, _ := full.Config.Edition("public")
	ed, err := render.Edition(full, e)
	if err != nil {
		t.Fatal(err)
	}
	return full, ed
}

// TestTripwireTitleBesideWords: a restricted sentence that cites a public
// document's title before a parenthesis (文書basicpolicy（以下「基本方針」という。）)
// shares a run with the table's own words written beside that title
// (文書basicpolicy（略）, cells a workbook's text joins): those are not restricted
// text. The sentence itself, copied out, still is.
func TestTripwireTitleBesideWords(t *testing.T) {
	fsys := fstest.MapFS{
		policy.ConfigFile:  {Data: []byte(attackConfig)},
		"policy/basic.md":  {Data: attackDoc("basicpolicy", "public", "## 1. 目的\n\n情報資産を守る。\n")},
		"policy/secret.md": {Data: attackDoc("secret", "internal", "3　この規程は、文書basicpolicy（以下「基本方針」という。）に基づく。\n")},
	}
	_, ed := publicEdition(t, fsys)
	table := map[string][]byte{"diff.txt": []byte("文書basicpolicy（略）")}
	trip := render.NewTripwire(ed)
	if err := trip.Scan(table); err == nil {
		t.Fatal("the test's table does not share a run with the restricted sentence")
	}
	trip = render.NewTripwire(ed)
	trip.AllowBesideTitles(diff.LabelsFor("").Words()...)
	if err := trip.Scan(table); err != nil {
		t.Fatalf("the table's words beside a title: %v", err)
	}
	trip = render.NewTripwire(ed)
	trip.AllowBesideTitles(diff.LabelsFor("").Words()...)
	if err := trip.Scan(map[string][]byte{"diff.txt": []byte("文書basicpolicy（以下「基本方針」という。）")}); err == nil {
		t.Fatal("the tripwire let the restricted sentence through")
	}
}

// TestEmptyEditionWarns: a document without visibility is the most
// restricted level; an edition left empty says so. (A misspelt key is an
// error that refuses the edition: TestFrontMatterFindings.)
func TestEmptyEditionWarns(t *testing.T) {
	fsys := fstest.MapFS{
		policy.ConfigFile: {Data: []byte(attackConfig)},
		"policy/basic.md": {Data: []byte("---\nid: basic\ntitle: 基本方針\ntier: basic\napprovers: [mayor]\n---\n\n本文\n")},
	}
	full, err := policy.Load(fsys, policy.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	e, _ := full.Config.Edition("public")
	var warned strings.Builder
	if _, err := buildEdition(full, e, Options{Warn: &warned}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(warned.String(), "holds no document") {
		t.Fatalf("no warning for an empty edition: %q", warned.String())
	}
}

// TestAttackDraftDropsALevel: a draft policyctl.yaml with one level
// (visibility: [public]) made every internal document and block the most
// restricted level of the draft — public — and the public edition complete,
// so nothing was cut. Narrowed by the approved configuration, or without
// one, the build is refused or leaves them out.
func TestAttackDraftDropsALevel(t *testing.T) {
	draft := "organization: {id: t, name: 試験市}\ntitle: 試験市情報セキュリティポリシー\nvisibility: [public]\neditions: {public: public}\n"
	fsys := fstest.MapFS{
		policy.ConfigFile:     {Data: []byte(draft)},
		"policy/basic.md":     {Data: attackDoc("basic", "public", "## 1. 目的\n\n公開の本文。\n\n::: internal\nCanaryBlockMike\n:::\n")},
		"policy/secret.md":    {Data: attackDoc("secret", "internal", "CanarySecretNovember\n")},
		"policy/undecided.md": {Data: []byte("---\nid: undecided\ntitle: 未定\ntier: basic\napprovers: [mayor]\n---\n\nCanaryUndeclaredOscar\n")},
	}
	full, err := policy.Load(fsys, policy.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	approved, err := policy.Load(fstest.MapFS{policy.ConfigFile: {Data: []byte(attackConfig)}, "policy/basic.md": fsys["policy/basic.md"]}, policy.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	e, _ := full.Config.Edition("public")
	for name, ed := range map[string]policy.Edition{"narrowed by the approved configuration": e.Restrict(approved.Config), "the draft alone": e} {
		files, err := buildEdition(full, ed, Options{})
		if err == nil {
			for f, b := range files {
				for _, c := range []string{"CanaryBlockMike", "CanarySecretNovember", "CanaryUndeclaredOscar"} {
					if strings.Contains(string(b), c) {
						t.Errorf("%s: the public %s holds %s", name, f, c)
					}
				}
			}
		}
	}
}

// TestDraftWithoutRevisionInForce: before any revision is in force, every
// page of the edition is a draft and says so.
func TestDraftWithoutRevisionInForce(t *testing.T) {
	files, err := publicBuild(t, fstest.MapFS{"policy/basic.md": {Data: attackDoc("basic", "public", "## 1. 目的\n\n本文。\n")}})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(files["basic.html"]), "施行中の版はまだありません。この文書は承認前の案") {
		t.Fatalf("no 案 mark on a page with nothing in force:\n%s", files["basic.html"])
	}
}
