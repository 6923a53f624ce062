package policy

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"testing/fstest"
)

const minimalConfig = "organization: {id: sakuradai, name: さくら台市}\ntitle: さくら台市情報セキュリティポリシー\n"

func configFS(s string) fstest.MapFS {
	return fstest.MapFS{ConfigFile: &fstest.MapFile{Data: []byte(s)}}
}

func TestConfigDefaults(t *testing.T) {
	c, err := LoadConfig(configFS(minimalConfig), nil)
	if err != nil {
		t.Fatal(err)
	}
	if c.Documents != "policy/**/*.md" || strings.Join(c.Visibility, ",") != "public,internal" ||
		c.Editions["public"] != "public" || c.Editions["internal"] != "internal" || c.Site.Title != c.Title || c.Diff.Order != "new-old" {
		t.Errorf("defaults not applied: %+v", c)
	}
	es := c.EditionList()
	if len(es) != 2 || es[0].Name != "public" || es[0].Level != 0 || es[1].Level != 1 {
		t.Errorf("editions %+v", es)
	}
}

func TestConfigOverrides(t *testing.T) {
	t.Setenv("POLICYCTL_TITLE", "環境変数の題名")
	t.Setenv("POLICYCTL_SITE_BASE_URL", "https://example.jp/")
	t.Setenv("POLICYCTL_VISIBILITY", "internal public")
	t.Setenv("POLICYCTL_DOCUMENTS", "other/*.md")
	c, err := LoadConfig(configFS(minimalConfig+"editions: {web: public}\n"), map[string]string{"diff.order": "old-new"})
	if err != nil {
		t.Fatal(err)
	}
	if c.Title != "環境変数の題名" || c.Site.BaseURL != "https://example.jp/" || c.Diff.Order != "old-new" {
		t.Errorf("overrides not applied: %+v", c)
	}
	if len(c.Editions) != 1 || c.Editions["web"] != "public" {
		t.Errorf("editions from the file must replace the default, got %v", c.Editions)
	}
	if c.Documents != "policy/**/*.md" || c.Visibility[0] != "public" {
		t.Errorf("an environment variable changed what approvals name: %q %v", c.Documents, c.Visibility)
	}
	if c.Style.Digits != "half-width" || c.Style.Articles != "arabic" {
		t.Errorf("style defaults: %+v", c.Style)
	}
	c, err = LoadConfig(configFS(minimalConfig+"style: {digits: full-width}\n"), map[string]string{"style.articles": "kanji"})
	if err != nil || c.Style.Digits != "full-width" || c.Style.Articles != "kanji" {
		t.Errorf("style: %+v, %v", c.Style, err)
	}
}

// TestConfigApprovedKeys: what editions show and approvals name cannot be
// set on the command line.
func TestConfigApprovedKeys(t *testing.T) {
	for _, k := range []string{"visibility", "editions.public", "documents", "organization.id"} {
		if _, err := LoadConfig(configFS(minimalConfig), map[string]string{k: "x"}); err == nil || !strings.Contains(err.Error(), "cannot be set on the command line") {
			t.Errorf("--set %s: %v", k, err)
		}
	}
}

// TestConfigDates: YAML reads an unquoted date as a timestamp; it means
// the same date. Impossible dates are errors with the line.
func TestConfigDates(t *testing.T) {
	c, err := LoadConfig(configFS(minimalConfig+"history:\n  legacy:\n    - {date: 2003-09-01, kind: 策定}\n    - {date: \"2010-04-01\", kind: 改訂}\n    - {date: 2012-04, kind: 改訂}\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := c.History.Legacy[0].Date + " " + c.History.Legacy[1].Date + " " + c.History.Legacy[2].Date; got != "2003-09-01 2010-04-01 2012-04" {
		t.Errorf("dates %q", got)
	}
	for _, d := range []string{"2009-04-31", "2009-02-29", "2009-13", "2009-00"} {
		_, err := LoadConfig(configFS(minimalConfig+"history:\n  legacy:\n    - {date: "+d+", kind: 策定}\n"), nil)
		if err == nil || !strings.Contains(err.Error(), "policyctl.yaml:5: history.legacy[0].date") {
			t.Errorf("%s: %v", d, err)
		}
	}
}

func TestConfigErrors(t *testing.T) {
	tests := []struct {
		name, file string
		overrides  map[string]string
		want       string // the error's text
	}{
		{"missing organization", "title: x\n", nil, "policyctl.yaml: organization.id: missing"},
		{"bad id", "organization: {id: Sakuradai, name: さくら台市}\ntitle: x\n", nil, "policyctl.yaml:1: organization.id: \"Sakuradai\" is not an id"},
		{"missing name", "organization:\n  id: sakuradai\ntitle: x\n", nil, "policyctl.yaml:1: organization.name: missing"},
		{"missing title", "organization: {id: sakuradai, name: さくら台市}\n", nil, "policyctl.yaml: title: missing"},
		{"malformed", "organization: {id: sakuradai\n", nil, "policyctl.yaml:1: malformed YAML: did not find expected"},
		{"not a mapping", "- a\n- b\n", nil, "policyctl.yaml:1: expected a mapping"},
		// yaml.v3 reads the first document and drops the rest: the
		// editions a reviewer sees last would not be the ones that count.
		{"a second document", minimalConfig + "editions: {public: internal, internal: internal}\n--- # 公開版の設定\neditions: {public: public, internal: internal}\n", nil, "policyctl.yaml:4: a second YAML document starts here"},
		{"a document end", minimalConfig + "...\ncolour: red\n", nil, "policyctl.yaml:3: a second YAML document starts here"},
		{"a key in another case", minimalConfig + "visibility: [public, internal]\nVisibility: [internal, public]\n", nil, "policyctl.yaml:4: Visibility: key \"Visibility\" repeats \"visibility\" (line 3) in another case"},
		{"an edition in another case", minimalConfig + "editions: {public: public, internal: internal, Public: internal}\n", nil, "key \"Public\" repeats \"public\""},
		{"unknown key", minimalConfig + "colour: red\n", nil, "policyctl.yaml:3: colour: unknown key"},
		{"bad glob", minimalConfig + "documents: \"policy/[\"\n", nil, "policyctl.yaml:3: documents: \"policy/[\" is not a valid glob"},
		{"empty visibility", minimalConfig + "visibility: []\n", nil, "policyctl.yaml:3: visibility: empty"},
		{"duplicate level", minimalConfig + "visibility: [public, public]\n", nil, "level \"public\" is listed twice"},
		{"edition level", minimalConfig + "editions: {web: secret}\n", nil, "policyctl.yaml:3: editions.web: level \"secret\" is not one of"},
		{"legacy date", minimalConfig + "history:\n  legacy:\n    - {date: 2003/09, kind: 策定}\n", nil, "policyctl.yaml:5: history.legacy[0].date: \"2003/09\" is not a date"},
		{"legacy kind", minimalConfig + "history:\n  legacy:\n    - {date: 2003-09, kind: 作成}\n", nil, "history.legacy[0].kind: \"作成\" is not a revision kind"},
		{"diff order", minimalConfig + "diff: {order: left-right}\n", nil, "diff.order: \"left-right\": expected new-old"},
		{"style digits", minimalConfig + "style:\n  digits: zenkaku\n", nil, "policyctl.yaml:4: style.digits: \"zenkaku\": expected half-width"},
		{"style articles", minimalConfig + "style: {articles: roman}\n", nil, "policyctl.yaml:3: style.articles: \"roman\": expected arabic"},
		{"base_url without a scheme", minimalConfig + "site: {base_url: www.city.example.jp/policy/}\n", nil, "policyctl.yaml:3: site.base_url: \"www.city.example.jp/policy/\" has no http:// or https:// scheme"},
		{"base_url with a query", minimalConfig + "site: {base_url: \"https://example.jp/p?x=1\"}\n", nil, "site.base_url: \"https://example.jp/p?x=1\": expected the address of a folder"},
		{"base_url by --set", minimalConfig, map[string]string{"site.base_url": "example.jp"}, "site.base_url: \"example.jp\" has no http:// or https:// scheme"},
		{"unknown --set key", minimalConfig, map[string]string{"titel": "x"}, "titel: unknown key in --set"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := LoadConfig(configFS(tt.file), tt.overrides)
			var ce *ConfigError
			if !errors.As(err, &ce) {
				t.Fatalf("error %v, want a ConfigError", err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q, want it to contain %q", err, tt.want)
			}
		})
	}
	_, err := LoadConfig(fstest.MapFS{}, nil)
	if err == nil || !strings.Contains(err.Error(), "policyctl.yaml: not found") {
		t.Errorf("missing file: %v", err)
	}
}

// TestConfigLevelTags: a YAML tag on a level, in the list of levels or in
// an edition's mapping, is an error naming its line: YAML readers do not
// agree on what a tagged value means.
func TestConfigLevelTags(t *testing.T) {
	for _, extra := range []string{
		"visibility: [public, !x internal]\n",
		"visibility:\n  - public\n  - !!str internal\n",
		"visibility: !levels [public, internal]\n",
		"editions: {public: !internal public, internal: internal}\n",
		"editions:\n  web: ! public\n",
		// Through an alias: it has its anchor's tag.
		"site: {title: &p !internal public}\nvisibility: [*p, internal]\n",
		"site: &m {title: !internal public}\neditions: *m\n",
	} {
		_, err := LoadConfig(configFS(minimalConfig+extra), nil)
		var ce *ConfigError
		if !errors.As(err, &ce) || !strings.Contains(ce.Msg, "tag") || ce.Line < 3 {
			t.Errorf("%q: %v, want an error naming the tag and its line", extra, err)
		}
	}
	if _, err := LoadConfig(configFS(minimalConfig+"visibility: [\"public\", 'internal']\n"), nil); err != nil {
		t.Errorf("quoted levels: %v", err)
	}
}

// TestUnclosedQuote: a configuration whose quote is never closed is
// reported at the line that opened it, not where the file ran out.
func TestUnclosedQuote(t *testing.T) {
	for _, tt := range []struct {
		src  string
		want int
	}{
		{"title: \"a\"\ndocuments: \"policy/**/*.md\nlang: ja\n", 2},
		{"title: 'it''s'\nsite: {title: \"x}\n", 2},
		{"title: \"a \\\" b\"\n# a \"comment\nx: it's fine\n", 0},
		{"organization: {id: a, name: 'b}\n", 1},
		{"list:\n  - \"a\n", 2},
		{"x: \"a\" # \"\n", 0},
	} {
		if got := UnclosedQuote([]byte(tt.src)); got != tt.want {
			t.Errorf("UnclosedQuote(%q) = %d, want %d", tt.src, got, tt.want)
		}
	}
	_, err := LoadConfig(configFS("organization: {id: t, name: テスト市}\ntitle: テスト\ndocuments: \"policy/**/*.md\nlang: ja\n"), nil)
	var ce *ConfigError
	if !errors.As(err, &ce) || ce.Line != 3 {
		t.Errorf("LoadConfig: %v, want a ConfigError at line 3", err)
	}
}

// FuzzUnclosedQuote: any bytes; the line named is one of the input's.
func FuzzUnclosedQuote(f *testing.F) {
	f.Add([]byte("a: \"b\nc: 'd''e\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if n := UnclosedQuote(b); n < 0 || n > bytes.Count(b, []byte("\n"))+1 {
			t.Fatalf("line %d of %d", n, bytes.Count(b, []byte("\n"))+1)
		}
	})
}

// TestIgnoredEnv: a POLICYCTL_* variable naming an approved key is
// listed (the command warns of it); others, and empty ones, are not.
func TestIgnoredEnv(t *testing.T) {
	got := IgnoredEnv([]string{
		"POLICYCTL_DOCUMENTS=x/*.md", "POLICYCTL_TITLE=t", "POLICYCTL_EDITIONS_WEB=public",
		"POLICYCTL_ORGANIZATION_ID=x", "POLICYCTL_VISIBILITY=", "HOME=/root", "POLICYCTL_LANG=ja",
		"POLICYCTL_DOCUMENTS_X=1", "POLICYCTL_VISIBILITY_LEVELS=x",
	})
	if want := "POLICYCTL_DOCUMENTS POLICYCTL_EDITIONS_WEB POLICYCTL_ORGANIZATION_ID"; strings.Join(got, " ") != want {
		t.Errorf("IgnoredEnv: %v, want %s", got, want)
	}
}
