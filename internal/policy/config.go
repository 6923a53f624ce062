package policy

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/bmatcuk/doublestar/v4"
	"github.com/go-viper/mapstructure/v2"
	"github.com/spf13/viper"
	"go.yaml.in/yaml/v3"

	"github.com/policyctl/policyctl/internal/i18n"
)

// ConfigFile is the name of the configuration file at the repository root.
const ConfigFile = "policyctl.yaml"

// Config is policyctl.yaml after defaults, POLICYCTL_* environment variables
// and flag overrides have been applied and the result validated.
type Config struct {
	Organization Organization `mapstructure:"organization"`
	Title        string       `mapstructure:"title"`
	// Documents is a doublestar glob of the documents, relative to the root.
	Documents string `mapstructure:"documents"`
	// Visibility lists the levels from least to most restricted.
	Visibility []string `mapstructure:"visibility"`
	// Editions maps an edition name to the most restricted level it shows.
	Editions map[string]string `mapstructure:"editions"`
	History  HistoryConfig     `mapstructure:"history"`
	Site     SiteConfig        `mapstructure:"site"`
	Diff     DiffConfig        `mapstructure:"diff"`
	Style    StyleConfig       `mapstructure:"style"`
	// Lang is the language of messages, ja or en; empty: the locale's.
	Lang string `mapstructure:"lang"`
}

// Organization names the body that owns the policy.
type Organization struct {
	ID   string `mapstructure:"id"`
	Name string `mapstructure:"name"`
}

// HistoryConfig holds the revisions older than the repository.
type HistoryConfig struct {
	Legacy []LegacyRevision `mapstructure:"legacy"`
}

// LegacyRevision is a revision made before the policy moved to git:
// Date is YYYY-MM or YYYY-MM-DD, Kind one of RevisionKinds.
type LegacyRevision struct {
	Date string `mapstructure:"date"`
	Kind string `mapstructure:"kind"`
}

// SiteConfig configures the rendered site.
type SiteConfig struct {
	Title   string `mapstructure:"title"`
	BaseURL string `mapstructure:"base_url"`
}

// DiffConfig configures the 新旧対照表.
type DiffConfig struct {
	// Order is "new-old" (改正後 on the left, the default, as the national
	// government prints it) or "old-new".
	Order string `mapstructure:"order"`
}

// StyleConfig is how the numbers of provisions and references are
// written (numbering/style; policyctl fix rewrites them). The defaults are
// those of the example and of the cities' published policies: half-width
// digits and arabic article numbers, 第5条第2項 and (1).
type StyleConfig struct {
	// Digits is the width of arabic digits in provision numbers and
	// references, with the brackets of (1): "half-width" (第5条, 2, (1),
	// 上記3), "full-width" (第５条, ２, （１）, 上記３) or "any".
	Digits string `mapstructure:"digits"`
	// Articles is how the number of 第N条, 第N章, 第N項 and the other
	// 第N… forms is written: "arabic" (第12条), "kanji" (第十二条) or
	// "any".
	Articles string `mapstructure:"articles"`
	// Clauses is the width of the bare number of a 項 (２): "half-width",
	// "full-width" or "any"; empty, as Digits. 例規 written horizontally
	// often put 第1条 beside a full-width ２.
	Clauses string `mapstructure:"clauses"`
	// Kana is how katakana is written in running text: "full-width"
	// (half-width ｶﾀｶﾅ is reported, text/kana, and policyctl fix writes
	// it full-width, as 公用文 does) or "any".
	Kana string `mapstructure:"kana"`
}

// ClauseDigits is the width a 項's bare number is written in.
func (s StyleConfig) ClauseDigits() string {
	if s.Clauses == "" {
		return s.Digits
	}
	return s.Clauses
}

// RevisionKinds are the kinds of revision a history may record.
var RevisionKinds = []string{"策定", "改訂", "一部改正", "全部改正", "廃止"}

// Edition is one edition of the policy: a name and the visibility levels
// it shows. Levels are compared by name, never by position, so that a
// revision read under another configuration (an archive, a draft that
// reorders the levels) is cut by what its own levels mean.
type Edition struct {
	Name string
	// Level is the most restricted level it shows, as an index into the
	// Config.Visibility it was made from.
	Level int
	// Levels are the names of the levels it shows.
	Levels []string
	// Known are the levels of the other configurations it was narrowed
	// by (Restrict): an edition is complete only when it shows those too.
	Known []string
}

// Sees reports whether the edition shows content at the named level.
// Unknown names are never shown.
func (e Edition) Sees(level string) bool { return slices.Contains(e.Levels, level) }

// SeesAll reports whether the edition shows every level of c: the complete
// edition, which cuts nothing.
func (e Edition) SeesAll(c *Config) bool {
	for _, l := range append(slices.Clone(c.Visibility), e.Known...) {
		if !e.Sees(l) {
			return false
		}
	}
	return true
}

// Restrict narrows e to what the edition of the same name shows under
// another configuration — the approved one, or an archived revision's own
// — so that of two mappings the stricter holds. An edition that c does not
// define shows nothing under it.
func (e Edition) Restrict(c *Config) Edition {
	other, ok := c.Edition(e.Name)
	// A draft that drops a level (visibility: [public]) must not make the
	// public edition look complete, which would cut nothing.
	out := Edition{Name: e.Name, Level: e.Level, Known: append(slices.Clone(e.Known), c.Visibility...)}
	if !ok {
		return out
	}
	for _, l := range e.Levels {
		if other.Sees(l) {
			out.Levels = append(out.Levels, l)
		}
	}
	return out
}

// Edition returns the edition of that name.
func (c *Config) Edition(name string) (Edition, bool) {
	lvl, ok := c.Editions[name]
	if !ok {
		return Edition{}, false
	}
	i := c.LevelIndex(lvl)
	e := Edition{Name: name, Level: i}
	if i >= 0 {
		e.Levels = slices.Clone(c.Visibility[:i+1])
	}
	return e, true
}

// EditionNames returns the names of the configured editions in the order
// of EditionList.
func (c *Config) EditionNames() []string {
	var names []string
	for _, e := range c.EditionList() {
		names = append(names, e.Name)
	}
	return names
}

// EditionList returns the configured editions, least restricted first, then
// by name, so that output built from them is deterministic.
func (c *Config) EditionList() []Edition {
	var es []Edition
	for name := range c.Editions {
		e, _ := c.Edition(name)
		es = append(es, e)
	}
	sort.Slice(es, func(i, j int) bool {
		if es[i].Level != es[j].Level {
			return es[i].Level < es[j].Level
		}
		return es[i].Name < es[j].Name
	})
	return es
}

// LevelIndex returns the index of a visibility level, or -1.
func (c *Config) LevelIndex(level string) int { return slices.Index(c.Visibility, level) }

// MostRestricted is the index of the most restricted level: what a document
// without a visibility key gets.
func (c *Config) MostRestricted() int { return len(c.Visibility) - 1 }

// ConfigError is a missing, malformed or invalid configuration. Line is 0
// when the problem has no place in the file (a missing file or key).
type ConfigError struct {
	File string
	Line int
	Key  string
	Msg  string
}

func (e *ConfigError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	if e.Key != "" {
		fmt.Fprintf(&b, ": %s", e.Key)
	}
	fmt.Fprintf(&b, ": %s", e.Msg)
	return b.String()
}

var (
	idPattern   = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)
	datePattern = regexp.MustCompile(`^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$`)
)

// notPlainFile reports whether name is listed in its folder as something
// else than a regular file — a symbolic link, above all. A working tree
// (os.Root) follows a link that stays inside the repository where a git
// commit holds only the link's text: read through it, the gate and the
// history would judge different things.
func notPlainFile(fsys fs.FS, name string) bool {
	ents, err := fs.ReadDir(fsys, path.Dir(name))
	if err != nil {
		return false // the read that follows reports it
	}
	for _, e := range ents {
		if e.Name() == path.Base(name) {
			return !e.Type().IsRegular()
		}
	}
	return false
}

// ValidEditionName reports whether name can name an edition (and its
// folder): lower-case letters, digits and "-".
func ValidEditionName(name string) bool { return idPattern.MatchString(name) }

// knownKeys are the leaf keys of policyctl.yaml; editions.* are free names.
var knownKeys = []string{
	"organization.id", "organization.name", "title", "documents", "visibility",
	"history.legacy", "site.title", "site.base_url", "diff.order", "lang",
	"style.digits", "style.articles", "style.clauses", "style.kana",
}

// approvedKeys say what an edition shows and what approvals name: they are
// part of what committees sign, so neither --set nor a POLICYCTL_*
// variable can change them — only an approved policyctl.yaml.
var approvedKeys = []string{"organization.id", "documents", "visibility", "editions"}

func isApprovedKey(k string) bool {
	return slices.Contains(approvedKeys, k) || strings.HasPrefix(k, "editions.")
}

// IgnoredEnv lists the POLICYCTL_* variables set in environ (as os.Environ
// gives it) that name an approved key: LoadConfig does not read them, and
// a user who set one should be told so rather than believe it applied.
func IgnoredEnv(environ []string) []string {
	var out []string
	for _, kv := range environ {
		name, val, _ := strings.Cut(kv, "=")
		// Windows finds variables whatever their case; so does this.
		key, ok := strings.CutPrefix(strings.ToUpper(name), "POLICYCTL_")
		if !ok || val == "" {
			continue
		}
		key = strings.ToLower(key)
		switch {
		case key == "editions", strings.HasPrefix(key, "editions_"):
		case slices.ContainsFunc(approvedKeys, func(k string) bool { return key == strings.ReplaceAll(k, ".", "_") }):
		default:
			continue
		}
		out = append(out, name)
	}
	sort.Strings(out)
	return out
}

// LoadConfig reads policyctl.yaml from fsys and applies, in increasing
// precedence, the defaults of SPEC §1, POLICYCTL_* environment variables
// (POLICYCTL_ORGANIZATION_ID for organization.id) and overrides (key=value
// pairs from --set flags).
func LoadConfig(fsys fs.FS, overrides map[string]string) (*Config, error) {
	if notPlainFile(fsys, ConfigFile) {
		return nil, &ConfigError{File: ConfigFile, Msg: i18n.T("a symbolic link (or another entry that is no plain file): a working tree would follow it where a commit holds its text; write the configuration in the file itself")}
	}
	data, err := fs.ReadFile(fsys, ConfigFile)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, &ConfigError{File: ConfigFile, Msg: i18n.T("not found; run \"policyctl init\" to create a policy repository, or pass -C DIR to name one")}
	}
	if err != nil {
		return nil, &ConfigError{File: ConfigFile, Msg: err.Error()}
	}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		line := yamlErrorLine(err)
		// The parser names the line where the file ran out, not where the
		// quote that swallowed the rest was opened.
		if q := UnclosedQuote(data); q > 0 && strings.Contains(err.Error(), "found unexpected end of stream") {
			line = q
		}
		return nil, &ConfigError{File: ConfigFile, Line: line, Msg: i18n.T("malformed YAML: ") + trimYAMLError(err)}
	}
	if len(root.Content) > 0 && root.Content[0].Kind != yaml.MappingNode {
		return nil, &ConfigError{File: ConfigFile, Line: root.Content[0].Line, Msg: i18n.T("expected a mapping of keys such as organization, title and documents")}
	}
	if line := SecondYAMLDocument(data); line > 0 {
		return nil, &ConfigError{File: ConfigFile, Line: line, Msg: i18n.T(`a second YAML document starts here (a line "---" or "..."): policyctl would read only the first, and every key after it would not count; keep one document`)}
	}
	if v, c := yamlControl(&root, false); v != nil {
		return nil, &ConfigError{File: ConfigFile, Line: v.Line, Msg: i18n.Sprintf("a value holds the character %U: it is invisible, or acts on the terminal that shows it; delete it", c)}
	}
	if len(root.Content) > 0 {
		if k, first := caseTwin(root.Content[0]); k != nil {
			return nil, &ConfigError{File: ConfigFile, Line: k.Line, Key: k.Value,
				Msg: i18n.Sprintf("key %q repeats %q (line %d) in another case: keys are read without case, and only one of the two would count; keep one", k.Value, first.Value, first.Line)}
		}
		if n, key := taggedLevel(root.Content[0], data); n != nil {
			return nil, &ConfigError{File: ConfigFile, Line: n.Line, Key: key,
				Msg: i18n.Sprintf("a level carries the YAML tag %s: tags are not allowed on visibility or editions, as YAML readers do not agree on what a tagged value means; write the level alone", YAMLTag(n, data))}
		}
	}

	v := viper.New()
	v.SetConfigType("yaml")
	v.SetEnvPrefix("POLICYCTL")
	v.SetEnvKeyReplacer(strings.NewReplacer(".", "_"))
	v.SetDefault("documents", "policy/**/*.md")
	v.SetDefault("visibility", []string{"public", "internal"})
	v.SetDefault("diff.order", "new-old")
	v.SetDefault("style.digits", "half-width")
	v.SetDefault("style.articles", "arabic")
	v.SetDefault("style.kana", "full-width")
	for _, k := range knownKeys {
		if !isApprovedKey(k) {
			_ = v.BindEnv(k)
		}
	}
	if err := v.ReadConfig(bytes.NewReader(data)); err != nil {
		return nil, &ConfigError{File: ConfigFile, Msg: i18n.T("malformed YAML: ") + err.Error()}
	}
	for k, val := range overrides {
		if !isKnownKey(k) {
			return nil, &ConfigError{File: ConfigFile, Key: k, Msg: i18n.T("unknown key in --set; known keys: ") + strings.Join(knownKeys, i18n.T(", ")) + i18n.T(", ") + "editions.NAME"}
		}
		if isApprovedKey(k) {
			return nil, &ConfigError{File: ConfigFile, Key: k, Msg: i18n.T("cannot be set on the command line: it decides what editions show and what approvals name, so only the approved policyctl.yaml sets it")}
		}
		v.Set(k, val)
	}
	for _, k := range v.AllKeys() {
		if !isKnownKey(k) {
			return nil, &ConfigError{File: ConfigFile, Line: keyLine(&root, k), Key: k, Msg: i18n.T("unknown key; known keys: ") + strings.Join(knownKeys, i18n.T(", ")) + i18n.T(", ") + "editions.NAME"}
		}
	}
	var c Config
	// YAML reads an unquoted 2003-09-01 as a timestamp: it means the date.
	hook := viper.DecodeHook(mapstructure.ComposeDecodeHookFunc(dateHook, mapstructure.StringToSliceHookFunc(",")))
	if err := v.Unmarshal(&c, hook); err != nil {
		return nil, &ConfigError{File: ConfigFile, Msg: i18n.T("cannot decode: ") + err.Error()}
	}
	if !v.IsSet("editions") {
		// Not a viper default: viper would merge it with the file's map.
		c.Editions = map[string]string{"public": "public", "internal": "internal"}
	}
	if c.Site.Title == "" {
		c.Site.Title = c.Title
	}
	if err := c.validate(); err != nil {
		err.Line = keyLine(&root, err.Key)
		return nil, err
	}
	return &c, nil
}

// dateHook turns a YAML timestamp into the date it names.
func dateHook(from, to reflect.Type, data any) (any, error) {
	if t, ok := data.(time.Time); ok && to.Kind() == reflect.String {
		return t.Format(time.DateOnly), nil
	}
	return data, nil
}

// ValidDate reports whether s is YYYY-MM or YYYY-MM-DD and names a month or
// day that exists (2009-04-31 does not).
func ValidDate(s string) bool {
	if !datePattern.MatchString(s) {
		return false
	}
	layout := "2006-01"
	if len(s) == len("2006-01-02") {
		layout = time.DateOnly
	}
	t, err := time.Parse(layout, s)
	return err == nil && t.Format(layout) == s
}

func isKnownKey(k string) bool {
	return slices.Contains(knownKeys, k) || k == "editions" || strings.HasPrefix(k, "editions.") && len(k) > len("editions.")
}

func (c *Config) validate() *ConfigError {
	bad := func(key, msg string) *ConfigError { return &ConfigError{File: ConfigFile, Key: key, Msg: msg} }
	switch {
	case c.Organization.ID == "":
		return bad("organization.id", i18n.T(`missing; expected a short id such as "sakuradai" (lower-case letters, digits and "-")`))
	case !idPattern.MatchString(c.Organization.ID):
		return bad("organization.id", i18n.Sprintf("%q is not an id; expected lower-case letters, digits and \"-\", such as \"sakuradai\"", c.Organization.ID))
	case c.Organization.Name == "":
		return bad("organization.name", i18n.T(`missing; expected the organisation's name, such as "さくら台市"`))
	case c.Title == "":
		return bad("title", i18n.T(`missing; expected the policy's title, such as "さくら台市情報セキュリティポリシー"`))
	case !doublestar.ValidatePattern(c.Documents) || c.Documents == "":
		return bad("documents", i18n.Sprintf("%q is not a valid glob; expected a pattern such as \"policy/**/*.md\"", c.Documents))
	case len(c.Visibility) == 0:
		return bad("visibility", i18n.T("empty; expected the levels from least to most restricted, such as [public, internal]"))
	}
	seen := map[string]bool{}
	for _, l := range c.Visibility {
		if !idPattern.MatchString(l) {
			return bad("visibility", i18n.Sprintf("%q is not a level name; expected lower-case letters, digits and \"-\"", l))
		}
		if seen[l] {
			return bad("visibility", i18n.Sprintf("level %q is listed twice", l))
		}
		seen[l] = true
	}
	if len(c.Editions) == 0 {
		return bad("editions", i18n.T("empty; expected edition names mapped to levels, such as {public: public, internal: internal}"))
	}
	for name, lvl := range c.Editions {
		if !ValidEditionName(name) {
			return bad("editions."+name, i18n.Sprintf("%q is not an edition name; expected lower-case letters, digits and \"-\"", name))
		}
		if c.LevelIndex(lvl) < 0 {
			return bad("editions."+name, i18n.Sprintf("level %q is not one of visibility %v", lvl, c.Visibility))
		}
	}
	for i, r := range c.History.Legacy {
		key := fmt.Sprintf("history.legacy[%d]", i)
		if !ValidDate(r.Date) {
			return bad(key+".date", i18n.Sprintf("%q is not a date in the calendar; expected YYYY-MM or YYYY-MM-DD, such as 2003-09 or 2003-09-01", r.Date))
		}
		if !slices.Contains(RevisionKinds, r.Kind) {
			return bad(key+".kind", i18n.Sprintf("%q is not a revision kind; expected one of %s", r.Kind, strings.Join(RevisionKinds, i18n.T(", "))))
		}
	}
	if c.Site.BaseURL != "" {
		if msg := baseURLProblem(c.Site.BaseURL); msg != "" {
			return bad("site.base_url", msg)
		}
	}
	if c.Lang != "" && c.Lang != "ja" && c.Lang != "en" {
		return bad("lang", i18n.Sprintf("%q: expected ja or en", c.Lang))
	}
	if c.Diff.Order != "new-old" && c.Diff.Order != "old-new" {
		return bad("diff.order", i18n.Sprintf("%q: expected new-old (改正後 on the left) or old-new", c.Diff.Order))
	}
	if !slices.Contains([]string{"half-width", "full-width", "any"}, c.Style.Digits) {
		return bad("style.digits", i18n.Sprintf("%q: expected half-width (第5条, (1)), full-width (第５条, （１）) or any", c.Style.Digits))
	}
	if !slices.Contains([]string{"", "half-width", "full-width", "any"}, c.Style.Clauses) {
		return bad("style.clauses", i18n.Sprintf("%q: expected half-width (2), full-width (２) or any; without it, as style.digits", c.Style.Clauses))
	}
	if !slices.Contains([]string{"full-width", "any"}, c.Style.Kana) {
		return bad("style.kana", i18n.Sprintf("%q: expected full-width (カタカナ; half-width ｶﾀｶﾅ is reported) or any", c.Style.Kana))
	}
	if !slices.Contains([]string{"arabic", "kanji", "any"}, c.Style.Articles) {
		return bad("style.articles", i18n.Sprintf("%q: expected arabic (第12条), kanji (第十二条) or any", c.Style.Articles))
	}
	return nil
}

// baseURLProblem says what is wrong with site.base_url, or "". The site
// writes it into sitemap.xml, robots.txt and canonical links, which search
// engines read only as absolute http(s) URLs: "www.example.jp/policy" would
// be taken as a path.
func baseURLProblem(s string) string {
	u, err := url.Parse(s)
	switch {
	case err != nil:
		return i18n.Sprintf("%q is not a URL: %v", s, err)
	case u.Scheme != "http" && u.Scheme != "https":
		return i18n.Sprintf("%q has no http:// or https:// scheme; expected the address the public edition is published at, such as \"https://www.city.example.jp/security-policy/\"", s)
	case u.Host == "":
		return i18n.Sprintf("%q has no host; expected an address such as \"https://www.city.example.jp/security-policy/\"", s)
	case u.RawQuery != "" || u.Fragment != "" || u.User != nil:
		return i18n.Sprintf("%q: expected the address of a folder, without a query, a fragment or a user name", s)
	}
	return ""
}

// keyLine finds the line of a dotted key (with optional [i] list indexes) in
// a parsed YAML document, or 0.
func keyLine(root *yaml.Node, key string) int {
	if root == nil || len(root.Content) == 0 {
		return 0
	}
	n := root.Content[0]
	line := 0
	for _, part := range strings.Split(key, ".") {
		name, idx := part, -1
		if i := strings.IndexByte(part, '['); i > 0 {
			name = part[:i]
			fmt.Sscanf(part[i:], "[%d]", &idx)
		}
		found := false
		if n.Kind == yaml.MappingNode {
			for i := 0; i+1 < len(n.Content); i += 2 {
				if strings.EqualFold(n.Content[i].Value, name) {
					line, n, found = n.Content[i].Line, n.Content[i+1], true
					break
				}
			}
		}
		if !found {
			return line
		}
		if idx >= 0 {
			if n.Kind != yaml.SequenceNode || idx >= len(n.Content) {
				return line
			}
			n = n.Content[idx]
			line = n.Line
		}
	}
	return line
}

var yamlLineRE = regexp.MustCompile(`line (\d+):? ?`)

func yamlErrorLine(err error) int {
	if m := yamlLineRE.FindStringSubmatch(err.Error()); m != nil {
		var n int
		fmt.Sscan(m[1], &n)
		return n
	}
	return 0
}

func trimYAMLError(err error) string {
	s := strings.TrimPrefix(err.Error(), "yaml: ")
	return yamlMessage(yamlLineRE.ReplaceAllString(strings.TrimPrefix(s, "unmarshal errors:\n  "), ""))
}

// yamlMessage says the parser's messages an editor meets most in the
// language of the messages. In a [ ] or { } list the line the parser names
// is where the list begins, and the messages say so.
func yamlMessage(s string) string {
	for _, m := range []struct{ parser, said string }{
		{"did not find expected ',' or ']'", i18n.T("did not find expected ',' or ']'")},
		{"did not find expected ',' or '}'", i18n.T("did not find expected ',' or '}'")},
		{"did not find expected node content", i18n.T("did not find expected node content")},
		{"did not find expected key", i18n.T("did not find expected key")},
		{"did not find expected '-' indicator", i18n.T("did not find expected '-' indicator")},
		{"could not find expected ':'", i18n.T("could not find expected ':'")},
		{"mapping values are not allowed in this context", i18n.T("mapping values are not allowed in this context")},
		{"found character that cannot start any token", i18n.T("found character that cannot start any token")},
		{"found unexpected end of stream", i18n.T("found unexpected end of stream")},
		{"found a tab character that violates indentation", i18n.T("found a tab character that violates indentation")},
		{"block sequence entries are not allowed in this context", i18n.T("block sequence entries are not allowed in this context")},
	} {
		if strings.HasPrefix(s, m.parser) {
			return m.said + s[len(m.parser):]
		}
	}
	return s
}

// taggedLevel finds a tag on the levels — the visibility list or an
// edition's level, keys and values — and returns the tagged node and its
// key.
func taggedLevel(root *yaml.Node, data []byte) (*yaml.Node, string) {
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		key := strings.ToLower(k.Value)
		if key != "visibility" && key != "editions" {
			continue
		}
		nodes := []*yaml.Node{k, v}
		for i := 0; v.Kind == yaml.AliasNode && v.Alias != nil && i < 16; i++ {
			v = v.Alias // editions: *m has the content, and the tags, of &m
		}
		if v.Kind == yaml.SequenceNode || v.Kind == yaml.MappingNode {
			nodes = append(nodes, v.Content...)
		}
		for _, n := range nodes {
			if YAMLTag(n, data) != "" {
				return n, key
			}
		}
	}
	return nil, ""
}

// caseTwin finds, in a mapping and the mappings below it, a key that
// differs from an earlier one of the same mapping only in case
// (Visibility beside visibility, Public beside public): the configuration
// is read without case, and one of the two would silently win.
func caseTwin(n *yaml.Node) (key, first *yaml.Node) {
	switch n.Kind {
	case yaml.MappingNode:
		seen := map[string]*yaml.Node{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			l := strings.ToLower(k.Value)
			if f, ok := seen[l]; ok {
				return k, f
			}
			seen[l] = k
			if k, f := caseTwin(n.Content[i+1]); k != nil {
				return k, f
			}
		}
	case yaml.SequenceNode:
		for _, c := range n.Content {
			if k, f := caseTwin(c); k != nil {
				return k, f
			}
		}
	}
	return nil, nil
}

// UnclosedQuote returns the first line (1-based) whose quoted scalar is
// still open at the line's end, 0 when every quote closes on its line. A
// configuration never needs a quoted value over several lines; such a
// line is where a missing closing quote is.
func UnclosedQuote(data []byte) int {
	for n, line := range strings.Split(string(data), "\n") {
		var open byte
		for i := 0; i < len(line); i++ {
			c := line[i]
			switch {
			case open == 0 && c == '#' && (i == 0 || line[i-1] == ' ' || line[i-1] == '\t'):
				i = len(line) // a comment
			case open == 0 && (c == '"' || c == '\''):
				// A quote opens a scalar only where one can begin.
				if j := strings.TrimRight(line[:i], " \t"); j == "" || strings.ContainsAny(j[len(j)-1:], ":-[{,") {
					open = c
				}
			case open == '"' && c == '\\':
				i++
			case open == '"' && c == '"':
				open = 0
			case open == '\'' && c == '\'':
				if i+1 < len(line) && line[i+1] == '\'' {
					i++
				} else {
					open = 0
				}
			}
		}
		if open != 0 {
			return n + 1
		}
	}
	return 0
}
