package policy

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/agnivade/levenshtein"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"go.yaml.in/yaml/v3"

	"github.com/policyctl/policyctl/internal/i18n"
	"github.com/policyctl/policyctl/internal/markdown"
)

// Tier is the place of a document in the three-tier policy.
type Tier string

const (
	TierBasic     Tier = "basic"     // 基本方針
	TierStandard  Tier = "standard"  // 対策基準
	TierProcedure Tier = "procedure" // 実施手順
)

// Tiers lists the tiers in order.
var Tiers = []Tier{TierBasic, TierStandard, TierProcedure}

// Japanese is the tier's name as documents cite it.
func (t Tier) Japanese() string {
	switch t {
	case TierBasic:
		return "基本方針"
	case TierStandard:
		return "対策基準"
	case TierProcedure:
		return "実施手順"
	}
	// An unknown or missing tier (frontmatter/tier reports it): a noun
	// that reads in a sentence, never "" or the misspelt id.
	return "同じ階層の文書"
}

// FrontMatter is the YAML header of a document.
type FrontMatter struct {
	ID         string   `yaml:"id"`
	Title      string   `yaml:"title"`
	Tier       Tier     `yaml:"tier"`
	Visibility string   `yaml:"visibility"`
	Approvers  []string `yaml:"approvers"`
	// Present records which keys were written, Lines on which line of the
	// file each key stands.
	Present map[string]bool `yaml:"-"`
	Lines   map[string]int  `yaml:"-"`
	// visibilities holds every visibility value written: a duplicated key is
	// an error, and until it is fixed the most restricted value counts.
	visibilities []string
}

var frontMatterKeys = []string{"id", "title", "tier", "visibility", "approvers"}

// Document is one policy document.
type Document struct {
	// Path is slash-separated and relative to the repository root.
	Path string
	// Source is the file's exact bytes, as git stores them.
	Source []byte
	Meta   FrontMatter
	// BodyStart is the offset of the Markdown body in Source, BodyLine the
	// number of lines before it.
	BodyStart int
	BodyLine  int
	// Level is the document's visibility level, an index into
	// Config.Visibility. A missing or unknown level is the most restricted.
	Level int
	// AST is the parsed body; its segments are offsets into Body().
	AST ast.Node
	// Root is the section tree.
	Root *Section
	// Parts are the body's ranges that are more restricted than the
	// document, from ::: blocks and {visibility=…} headings.
	Parts []Part
	// Findings are the problems found while reading the document.
	Findings []Finding

	lines  []int  // offsets in Source where lines start
	levels []span // Parts flattened: disjoint, sorted, above Level
	// closedFences are the fenced code blocks that ended at their fence
	// (markdown.ClosedFences); any other ran to the end of its container.
	closedFences map[ast.Node]bool
	digest       struct {
		once sync.Once
		hex  string
	}
	// memo holds what other packages derive from the document (Memo).
	memo sync.Map
	// Prev is the document this one was parsed again from, with some of
	// its bytes replaced (Repo.With), or nil: what was derived from it
	// (Memoized) may be reused for the text both hold alike.
	Prev *Document
	flat []*Section
	// unreadable is set when the file is not UTF-8: nothing else about it
	// is reported until its encoding is fixed.
	unreadable bool
	byNode     map[ast.Node]*Section
	// splits are the body offsets of lines where the section tree split a
	// paragraph, for SplitLines.
	splits []int
	// captions maps the paragraph of an article's caption, （目的）, to
	// the article.
	captions map[ast.Node]*Section
}

// A Part is a byte range of the body, whole lines, restricted to Level.
type Part struct {
	Start, End int
	Level      int
	// Line is where the restriction was declared.
	Line int
}

// Memo returns what f derives from the document, computed once per
// document and key: a document is never changed once read, and one read
// from git is shared by every model of a history walk that holds the same
// bytes. f must not depend on anything but the document.
func (d *Document) Memo(key any, f func() any) any {
	if v, ok := d.memo.Load(key); ok {
		return v
	}
	v, _ := d.memo.LoadOrStore(key, f())
	return v
}

// Memoized returns what Memo holds under key, without computing it.
func (d *Document) Memoized(key any) (any, bool) { return d.memo.Load(key) }

// Digest is the hex SHA-256 of Source, computed once: approvals name
// documents by it.
func (d *Document) Digest() string {
	d.digest.once.Do(func() {
		h := sha256.Sum256(d.Source)
		d.digest.hex = hex.EncodeToString(h[:])
	})
	return d.digest.hex
}

// Unreadable reports whether the file is not UTF-8, so that rules report
// its encoding alone: the root cause, not what it causes.
func (d *Document) Unreadable() bool { return d.unreadable }

// Body is the Markdown after the front matter.
func (d *Document) Body() []byte { return d.Source[d.BodyStart:] }

// Pos converts an offset in Source into a position.
func (d *Document) Pos(off int) Pos {
	line := sort.Search(len(d.lines), func(i int) bool { return d.lines[i] > off })
	start := d.lines[line-1]
	if off > len(d.Source) {
		off = len(d.Source)
	}
	return Pos{File: d.Path, Line: line, Col: utf8.RuneCount(d.Source[start:off]) + 1}
}

// BodyPos converts an offset in Body() into a position.
func (d *Document) BodyPos(off int) Pos { return d.Pos(d.BodyStart + off) }

func (d *Document) bodyLineCol(off int) (int, int) {
	p := d.BodyPos(off)
	return p.Line, p.Col
}

// LevelAt returns the visibility level at a body offset: the document's
// level or the most restricted part that contains the offset.
func (d *Document) LevelAt(off int) int {
	i := sort.Search(len(d.levels), func(i int) bool { return d.levels[i].end > off })
	if i < len(d.levels) && d.levels[i].start <= off {
		return d.levels[i].level
	}
	return d.Level
}

// Sections returns every section of the document in document order.
func (d *Document) Sections() []*Section { return d.flat }

// SectionAt returns the section that a body offset belongs to: the last
// section that starts at or before it (the innermost of those that start at
// the same place), or nil before the first section.
func (d *Document) SectionAt(off int) *Section {
	i := sort.Search(len(d.flat), func(i int) bool { return d.flat[i].Offset > off })
	if i == 0 {
		return nil
	}
	return d.flat[i-1]
}

// SectionOf returns the section whose number the block n carries, or nil.
func (d *Document) SectionOf(n ast.Node) *Section { return d.byNode[n] }

// CaptionOf returns the article whose caption paragraph n is, or nil: the
// caption （前条第2項の特例） above 第3条 belongs to 第3条, not to the
// article before it, though it is written there.
func (d *Document) CaptionOf(n ast.Node) *Section { return d.captions[n] }

// SectionByID returns the section with the given ID, or nil.
func (d *Document) SectionByID(id string) *Section {
	var found *Section
	d.Root.Walk(func(s *Section) bool {
		if found == nil && s.ID == id && s.Kind != KindRoot {
			found = s
		}
		return found == nil
	})
	return found
}

func (d *Document) addFinding(rule *Rule, sev Severity, off int, msg, hint string) {
	d.Findings = append(d.Findings, Finding{Rule: rule, Severity: sev, Pos: d.Pos(off), Message: msg, Hint: hint})
}

// ParseDocument reads one document. It never fails: problems become
// findings, and a document whose front matter cannot be read is still parsed
// so that its other problems can be reported. levels are the configured
// visibility levels, least restricted first.
func ParseDocument(path string, src []byte, levels []string) *Document {
	d := parseHead(path, src, levels, nil)
	d.Findings = append(EncodingFindings(path, src), d.Findings...)
	d.parseBody(levels)
	return d
}

// readable reports whether the front matter can be read at all: a file
// that is not UTF-8 gets one finding, its encoding, and not the errors the
// encoding causes.
func readable(src []byte) bool { return utf8.Valid(src) }

// parseHead reads what does not need the Markdown parser: lines and front
// matter. History and approvals need no more than this; check reads the
// encoding of a fully parsed document.
func parseHead(path string, src []byte, levels []string, cache *Cache) *Document {
	d := &Document{Path: path, Source: src, Level: len(levels) - 1}
	d.lines = make([]int, 1, bytes.Count(src, []byte("\n"))+1)
	for i := 0; ; {
		n := bytes.IndexByte(src[i:], '\n')
		if n < 0 {
			break
		}
		i += n + 1
		d.lines = append(d.lines, i)
	}
	if !readable(src) {
		d.Meta.Present, d.Meta.Lines = map[string]bool{}, map[string]int{}
		d.unreadable = true
		return d
	}
	d.parseFrontMatter(cache)
	if d.Meta.Present["visibility"] {
		// Every value written must be known; the most restricted counts.
		lvl, known := -1, true
		for _, v := range d.Meta.visibilities {
			i := indexOf(levels, v)
			known = known && i >= 0
			lvl = max(lvl, i)
		}
		if known && lvl >= 0 {
			d.Level = lvl
			d.Meta.Visibility = levels[lvl]
		}
	}
	return d
}

// parseBody parses the Markdown body into the AST, parts and section tree.
func (d *Document) parseBody(levels []string) {
	if d.unreadable {
		// Nothing in it can be trusted to be what it looks like: an empty
		// body, and the encoding finding alone.
		d.AST = markdown.Parser().Parse(text.NewReader(nil))
		d.Root = buildTree(d)
		d.byNode = map[ast.Node]*Section{}
		return
	}
	ctx := parser.NewContext()
	d.AST = markdown.Parser().Parse(text.NewReader(d.Body()), parser.WithContext(ctx))
	d.closedFences = markdown.ClosedFences(ctx)
	d.Parts = restrictedParts(d, levels)
	nearMisses(d, levels)
	d.Root = buildTree(d)
	d.byNode = map[ast.Node]*Section{}
	d.Root.Walk(func(s *Section) bool {
		if s.Kind != KindRoot {
			d.flat = append(d.flat, s)
			if _, seen := d.byNode[s.Node]; s.Kind != KindImplicit && !seen {
				d.byNode[s.Node] = s // the first of ２・３　（略）
			}
		}
		return true
	})
	lessRestrictedBelow(d, d.Body())
}

func indexOf(xs []string, x string) int {
	for i, v := range xs {
		if v == x {
			return i
		}
	}
	return -1
}

// closerLike matches a line that was meant to close the front matter:
// dashes of any width or kind, two or more, perhaps with text after.
var closerLike = regexp.MustCompile(`^\s*[-‐‑‒–—―ー－─━]{2,}(\s.*)?$`)

// fullWidthKey matches a front-matter line whose key ends in a full-width
// colon.
var fullWidthKey = regexp.MustCompile(`^(\s*)([A-Za-z_][A-Za-z0-9_-]*)\s*：`)

// parseFrontMatter reads the YAML between the first two "---" lines.
func (d *Document) parseFrontMatter(cache *Cache) {
	d.Meta.Present, d.Meta.Lines = map[string]bool{}, map[string]int{}
	src := d.Source
	src = bytes.TrimPrefix(src, []byte("\uFEFF")) // reported by text/encoding
	bom := len(d.Source) - len(src)
	if !bytes.HasPrefix(src, []byte("---\n")) && !bytes.HasPrefix(src, []byte("---\r\n")) {
		d.addFinding(RuleFrontMatterMissing, Error, 0, i18n.T("the document has no front matter"),
			i18n.T(`start the file with "---", the keys id, title, tier, visibility and approvers, and "---"`))
		return
	}
	first := bytes.IndexByte(src, '\n') + 1
	end, next := -1, -1
	for off := first; off < len(src); {
		nl := bytes.IndexByte(src[off:], '\n')
		lineEnd := len(src)
		if nl >= 0 {
			lineEnd = off + nl
		}
		l := bytes.TrimRight(src[off:lineEnd], "\r \t")
		if string(l) == "..." {
			// YAML's end of a document: what follows it would not be read
			// as front matter, though it looks like it.
			d.addFinding(RuleFrontMatterSyntax, Error, bom+off, i18n.T(`a line "..." in the front matter ends the YAML there: the keys after it would not count`),
				i18n.T(`end the front matter with a line "---" and remove the "..." line`))
			return
		}
		if string(l) == "---" {
			end, next = off, lineEnd+1
			if nl < 0 {
				next = len(src)
			}
			break
		}
		if nl < 0 {
			break
		}
		off = lineEnd + 1
	}
	if end < 0 {
		// A closer mistyped (--, ----, ー－－, ---  x) is where the editor
		// meant it to end: name that line. The search stops where the
		// text is plainly Markdown (a fence or a ::: marker), so a "--"
		// inside a code block is not taken for it. The body stays the
		// whole file either way: every marker in it is still parsed, and
		// none of the keys is trusted (the document is the most
		// restricted) — moving the body's start could hide a marker.
		for off := first; off < len(src); {
			lineEnd := len(src)
			if nl := bytes.IndexByte(src[off:], '\n'); nl >= 0 {
				lineEnd = off + nl
			}
			l := string(bytes.TrimRight(src[off:lineEnd], "\r \t"))
			if t := strings.TrimLeft(l, " \t"); strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") || strings.HasPrefix(t, ":::") {
				break
			}
			if closerLike.MatchString(l) {
				d.addFinding(RuleFrontMatterSyntax, Error, bom+off, i18n.Sprintf("the front matter is not closed: the line %q looks like its end, but the end is a line of exactly three hyphens", l),
					i18n.T(`write the line as "---" (three half-width hyphens, nothing else)`))
				return
			}
			off = lineEnd + 1
		}
		d.addFinding(RuleFrontMatterSyntax, Error, bom, i18n.T("the front matter is not closed"),
			i18n.T(`end the front matter with a line "---"`))
		return
	}
	d.BodyStart = bom + next
	d.BodyLine = bytes.Count(d.Source[:d.BodyStart], []byte("\n"))
	// A key typed with the input method's full-width colon (id：basic) is
	// text to YAML; say so, at its line, before YAML's own complaint.
	for i, l := range bytes.Split(src[first:end], []byte("\n")) {
		if m := fullWidthKey.FindSubmatch(l); m != nil {
			d.Findings = append(d.Findings, Finding{Rule: RuleFrontMatterSyntax, Severity: Error,
				Pos:     Pos{File: d.Path, Line: bytes.Count(d.Source[:bom+first], []byte("\n")) + i + 1, Col: utf8.RuneCount(m[1]) + 1},
				Message: i18n.Sprintf("%q is written with a full-width colon (：): YAML reads the line as text, not as the key %s", string(bytes.TrimSpace(l)), string(m[2])),
				Hint:    i18n.T("write a half-width colon and a space: key: value")})
			return
		}
	}
	if line := SecondYAMLDocument(src[first:end]); line > 0 {
		d.Findings = append(d.Findings, Finding{Rule: RuleFrontMatterSyntax, Severity: Error,
			Pos:     Pos{File: d.Path, Line: bytes.Count(d.Source[:bom+first], []byte("\n")) + line, Col: 1},
			Message: i18n.T(`a second YAML document starts here (a line starting "---"): the keys after it would not count`),
			Hint:    i18n.T(`the front matter ends only at a line "---" alone; remove the other "---" line`)})
		return
	}
	root, err := cache.frontMatter(src[first:end])
	if err != nil {
		line := yamlErrorLine(err)
		if strings.Contains(err.Error(), "did not find expected") {
			// yaml.v3 numbers these parser errors from 0, its other
			// errors from 1.
			line++
		}
		d.Findings = append(d.Findings, Finding{Rule: RuleFrontMatterSyntax, Severity: Error,
			Pos: Pos{File: d.Path, Line: bytes.Count(d.Source[:bom+first], []byte("\n")) + line, Col: 1}, Message: i18n.T("malformed YAML in front matter: ") + trimYAMLError(err),
			Hint: i18n.T(`write one "key: value" per line with a half-width colon; quote values that contain ":" or "#"`)})
		return
	}
	if len(root.Content) == 0 {
		return
	}
	m := root.Content[0]
	if m.Kind != yaml.MappingNode {
		d.addFinding(RuleFrontMatterSyntax, Error, bom, i18n.T("the front matter is not a mapping of keys"),
			i18n.T(`write keys such as "id: basic-policy"`))
		return
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		d.Meta.Lines[k.Value] = k.Line + 1
		if d.Meta.Present[k.Value] {
			d.Findings = append(d.Findings, Finding{Rule: RuleFrontMatterSyntax, Severity: Error,
				Pos: Pos{File: d.Path, Line: k.Line + 1, Col: k.Column}, Message: i18n.Sprintf("key %q appears twice", k.Value),
				Hint: i18n.T("keep one of them")})
		}
		d.Meta.Present[k.Value] = true
		var err error
		switch k.Value {
		case "id":
			err = v.Decode(&d.Meta.ID)
		case "title":
			err = v.Decode(&d.Meta.Title)
			if err == nil && strings.Contains(strings.TrimRight(d.Meta.Title, "\n"), "\n") {
				d.Findings = append(d.Findings, Finding{Rule: RuleFrontMatterSyntax, Severity: Error,
					Pos: Pos{File: d.Path, Line: v.Line + 1, Col: v.Column}, Message: i18n.T("the title runs over more than one line"),
					Hint: i18n.T("write the title on one line")})
			}
		case "tier":
			err = v.Decode(&d.Meta.Tier)
		case "visibility":
			err = v.Decode(&d.Meta.Visibility)
			if err != nil {
				break
			}
			if tag, n := YAMLTag(v, src[first:end]), v; tag != "" || YAMLTag(k, src[first:end]) != "" {
				// What a tagged level means depends on the YAML reader:
				// yaml.v3 drops !internal from "!internal public". The
				// value as written is no level, so the document is the
				// most restricted, and the tag is named.
				if tag == "" {
					tag, n = YAMLTag(k, src[first:end]), k
				}
				d.Meta.Visibility = strings.TrimSpace(tag + " " + d.Meta.Visibility)
				d.Findings = append(d.Findings, Finding{Rule: RuleFrontMatterVisibility, Severity: Error,
					Pos:     Pos{File: d.Path, Line: bytes.Count(d.Source[:bom+first], []byte("\n")) + n.Line, Col: n.Column},
					Message: i18n.Sprintf("visibility carries the YAML tag %s: a tag on visibility is not allowed, as YAML readers do not agree on what a tagged value means; the document is treated as the most restricted level", tag),
					Hint:    i18n.T("write the level alone, without a tag: visibility: internal")})
			}
			d.Meta.visibilities = append(d.Meta.visibilities, d.Meta.Visibility)
		case "approvers":
			err = v.Decode(&d.Meta.Approvers)
		default:
			f := Finding{Rule: RuleFrontMatterUnknownKey, Severity: Warning,
				Pos: Pos{File: d.Path, Line: k.Line + 1, Col: k.Column}, Message: i18n.Sprintf("unknown key %q", k.Value),
				Hint: i18n.T("known keys: ") + strings.Join(frontMatterKeys, i18n.T(", "))}
			// A misspelt key is a key missing: a document whose visibility
			// is misspelt is published in no edition but the most
			// restricted, silently. Near a known key, it is an error.
			if near := nearKey(k.Value); near != "" {
				f.Severity = Error
				f.Message = i18n.Sprintf("unknown key %q: did you mean %q? A misspelt key is ignored, as if it were not there", k.Value, near)
				f.Hint = i18n.Sprintf("write %s:", near)
			}
			d.Findings = append(d.Findings, f)
		}
		if err != nil {
			expect := i18n.T("a string")
			if k.Value == "approvers" {
				expect = i18n.T("a list of committee ids, such as [mayor, council]")
			}
			d.Findings = append(d.Findings, Finding{Rule: RuleFrontMatterSyntax, Severity: Error,
				Pos: Pos{File: d.Path, Line: v.Line + 1, Col: v.Column}, Message: i18n.Sprintf("%s: expected %s", k.Value, expect),
				Hint: i18n.T("see the file formats in docs/formats.md")})
			d.Meta.Present[k.Value] = false
		}
	}
	d.escapedControls(m, bytes.Count(d.Source[:bom+first], []byte("\n")))
}

// escapedControls reports a control, bidirectional or zero-width character
// that a double-quoted YAML value writes as an escape ("\e", "\u202E"):
// the file's bytes hold none, so text/encoding's scan of them does not see
// it, but the value carries it to every terminal and page that shows it.
// line0 is the file's line before the YAML's first.
func (d *Document) escapedControls(n *yaml.Node, line0 int) {
	if v, r := yamlControl(n, true); v != nil {
		d.Findings = append(d.Findings, Finding{Rule: RuleTextEncoding, Severity: Error,
			Pos:     Pos{File: d.Path, Line: line0 + v.Line, Col: v.Column},
			Message: i18n.Sprintf("the value holds the character %U, written as an escape: it is invisible, or changes how text around it is shown", r),
			Hint:    i18n.T("delete the escape from the value")})
	}
}

// yamlControl finds the first scalar under n that holds a control
// character other than the tab — a line feed too: every value policyctl
// reads from YAML is one line, and a name or a title on two lines can pass
// for two lines of a report — or a bidirectional or zero-width one, and
// that character; with quotedOnly, only in double-quoted scalars (where
// escapes write them).
func yamlControl(n *yaml.Node, quotedOnly bool) (*yaml.Node, rune) {
	if n.Kind == yaml.ScalarNode && (!quotedOnly || n.Style&yaml.DoubleQuotedStyle != 0) {
		for _, r := range n.Value {
			if r != '\t' && unicode.IsControl(r) || isBidiControl(r) || isZeroWidth(r) {
				return n, r
			}
		}
	}
	for _, c := range n.Content {
		if v, r := yamlControl(c, quotedOnly); v != nil {
			return v, r
		}
	}
	return nil, 0
}

// Nearest is the option that s is probably a misspelling of — an edit or
// two away, in any case — or "": for "did you mean" in messages.
func Nearest(s string, options []string) string {
	best, bestD := "", 3
	for _, o := range options {
		d := levenshtein.ComputeDistance(strings.ToLower(s), strings.ToLower(o))
		limit := 1
		if len([]rune(o)) >= 5 {
			limit = 2
		}
		if d <= limit && d < bestD && d < len([]rune(o)) {
			best, bestD = o, d
		}
	}
	return best
}

// nearKey is the front matter key that key is probably a misspelling of
// (an edit or two away, in any case), or "".
func nearKey(key string) string {
	k := strings.ToLower(key)
	for _, known := range frontMatterKeys {
		limit := 1
		if len(known) >= 5 {
			limit = 2
		}
		if k == known || len(known) > 2 && levenshtein.ComputeDistance(k, known) <= limit {
			return known
		}
	}
	return ""
}
