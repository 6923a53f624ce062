package policy

import (
	"bytes"
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"github.com/policyctl/policyctl/internal/i18n"
	"github.com/policyctl/policyctl/internal/markdown"
)

// restrictedParts finds the ranges of the body that ::: blocks and
// {visibility=…} headings restrict. Ranges are whole lines. When a
// restriction cannot be placed exactly (an unknown level, a heading inside a
// list), the part is made wider or more restricted, never less: a mistake
// must hide too much, not too little.
func restrictedParts(d *Document, levels []string) []Part {
	body := d.Body()
	var parts []Part
	levelOf := func(name string, off int, what string) int {
		i := indexOf(levels, name)
		if i < 0 {
			d.addFinding(RuleVisibilityUnknownLevel, Error, d.BodyStart+off,
				i18n.Sprintf("%s names level %q, which is not one of the levels of %s (%s); treated as the most restricted level", what, name, ConfigFile, strings.Join(levels, i18n.T(", ")))+nearLevel(name, levels),
				i18n.T("use a level listed under visibility in policyctl.yaml"))
			return len(levels) - 1
		}
		return i
	}
	// walk visits the blocks below n. end is where a heading's scope ends
	// at the latest; top is the top-level block (a child of the document
	// or of a ::: block) that contains n, or nil when n is such a parent.
	var walk func(n ast.Node, end int, top ast.Node)
	walk = func(n ast.Node, end int, top ast.Node) {
		// open holds the parts of {visibility} headings among n's children
		// whose scope has not ended yet; End holds -level until it does.
		var open []int
		defer func() {
			for _, i := range open {
				parts[i].End = end
			}
		}()
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if c.Type() != ast.TypeBlock {
				continue
			}
			if h, ok := c.(*ast.Heading); ok && top == nil {
				keep := open[:0]
				for _, i := range open {
					if -parts[i].End >= h.Level {
						parts[i].End = lineStart(body, h.Pos())
						if parts[i].Level > d.Level {
							endingHeading(d, body, h)
						}
					} else {
						keep = append(keep, i)
					}
				}
				open = keep
				if _, vis := h.AttributeString("visibility"); vis {
					open = append(open, len(parts)) // the part appended below
				}
			}
			switch c := c.(type) {
			case *markdown.LevelBlock:
				lvl := levelOf(c.Level, c.Start, fmt.Sprintf("::: %s", c.Level))
				parts = append(parts, Part{Start: c.Start, End: lineEnd(body, c.End), Level: lvl, Line: d.BodyPos(c.Start).Line})
				if !c.Closed {
					d.addFinding(RuleVisibilityUnclosed, Error, d.BodyStart+c.Start,
						i18n.Sprintf("::: %s is never closed; everything to the end of its container is restricted", c.Level),
						i18n.T(`close the block with a line ":::"`))
				}
				inner := c.End
				if c.Closed {
					inner = lineStart(body, c.End-1)
				}
				walk(c, inner, nil)
				continue
			case *ast.Heading:
				v, ok := c.AttributeString("visibility")
				if !ok {
					continue
				}
				name := attrString(v)
				start := lineStart(body, c.Pos())
				lvl := levelOf(name, start, "{visibility="+name+"}")
				if top != nil {
					// Inside a list item or a quote, "up to the next heading"
					// has no clear end: restrict the whole top-level block.
					d.addFinding(RuleVisibilityPlacement, Error, d.BodyStart+start,
						i18n.T("{visibility=…} on a heading inside a list or quote has no clear end; the whole block is restricted"),
						i18n.T("put the heading at the top level, or wrap the part in a ::: block"))
					tStart, tEnd := lineStart(body, top.Pos()), end
					if next := top.NextSibling(); next != nil {
						tEnd = lineStart(body, next.Pos())
					}
					parts = append(parts, Part{Start: tStart, End: tEnd, Level: lvl, Line: d.BodyPos(start).Line})
					continue
				}
				// The scope ends at the next heading of the same or a higher
				// level among the siblings; closeScopes finds it.
				parts = append(parts, Part{Start: start, End: -c.Level, Level: lvl, Line: d.BodyPos(start).Line})
				continue
			}
			if c.HasChildren() {
				t := top
				if t == nil {
					t = c
				}
				walk(c, end, t)
			}
		}
	}
	walk(d.AST, len(body), nil)
	sort.SliceStable(parts, func(i, j int) bool {
		if parts[i].Start != parts[j].Start {
			return parts[i].Start < parts[j].Start
		}
		return parts[i].End > parts[j].End
	})
	// Parts nest (they follow the block structure), so a stack of the parts
	// that contain the current one gives the level around it.
	var stack []int
	for i := range parts {
		for len(stack) > 0 && parts[stack[len(stack)-1]].End < parts[i].End {
			stack = stack[:len(stack)-1]
		}
		outer := d.Level
		if len(stack) > 0 {
			outer = max(outer, parts[stack[len(stack)-1]].Level)
		}
		if parts[i].Level < outer {
			d.Findings = append(d.Findings, Finding{Rule: RuleVisibilityWiden, Severity: Warning,
				Pos:     Pos{File: d.Path, Line: parts[i].Line, Col: 1},
				Message: i18n.Sprintf("level %q is less restricted than its surroundings (%q) and has no effect", levels[parts[i].Level], levels[outer]),
				Hint:    i18n.T("a part can only be more restricted than the document or section around it")})
			parts[i].Level = outer
		}
		stack = append(stack, i)
	}
	d.levels = flatten(parts, d.Level)
	return parts
}

// A span is a run of the body at one visibility level.
type span struct {
	start, end int
	level      int
}

// flatten turns possibly nested parts into sorted, disjoint spans carrying
// the most restricted level that covers them, so LevelAt is a binary search.
func flatten(parts []Part, base int) []span {
	type event struct {
		off, level, delta int
	}
	var evs []event
	for _, p := range parts {
		if p.Level > base && p.Start < p.End {
			evs = append(evs, event{p.Start, p.Level, 1}, event{p.End, p.Level, -1})
		}
	}
	sort.Slice(evs, func(i, j int) bool { return evs[i].off < evs[j].off })
	count := map[int]int{}
	var out []span
	for i := 0; i < len(evs); {
		off := evs[i].off
		for ; i < len(evs) && evs[i].off == off; i++ {
			count[evs[i].level] += evs[i].delta
		}
		lvl := base
		for l, n := range count {
			if n > 0 && l > lvl {
				lvl = l
			}
		}
		if i < len(evs) && lvl > base {
			out = append(out, span{off, evs[i].off, lvl})
		}
	}
	return out
}

func attrString(v any) string {
	switch v := v.(type) {
	case []byte:
		return string(v)
	case string:
		return v
	}
	return fmt.Sprint(v)
}

func lineStart(src []byte, off int) int {
	if off > len(src) {
		off = len(src)
	}
	for off > 0 && src[off-1] != '\n' {
		off--
	}
	return off
}

func lineEnd(src []byte, off int) int {
	if off > len(src) {
		return len(src)
	}
	if off > 0 && src[off-1] == '\n' {
		return off
	}
	for off < len(src) && src[off] != '\n' {
		off++
	}
	if off < len(src) {
		off++
	}
	return off
}

// atxOpener is the start of an ATX heading's line: 1–6 #, then a space or
// the end of the line (#9110 is text).
var atxOpener = regexp.MustCompile(`^ {0,3}#{1,6}(?:[ \t]|$)`)

// endingHeading checks a heading that ends a restricted section: the end
// of a restriction must be as deliberate as its start. A paragraph with
// --- or === under it (a setext heading: "#9110 に連絡する\n---" is one),
// an empty heading (a lone #) and a heading written straight after a
// line of text, without a blank line, are headings to Markdown though a
// reader may take them for text and a rule — and what follows them would
// be published.
func endingHeading(d *Document, body []byte, h *ast.Heading) {
	at := d.BodyStart + lineStart(body, max(h.Pos(), 0))
	if h.Lines().Len() == 0 {
		d.addFinding(RuleVisibilityMarker, Error, at,
			i18n.T("an empty heading (a lone #) ends the restricted section above it: what follows would be published"),
			i18n.T("write the heading's text, or remove the #; to end the section deliberately, write the next heading with its title after a blank line"))
		return
	}
	start := lineStart(body, h.Lines().At(0).Start)
	if !atxOpener.Match(body[start:]) {
		d.addFinding(RuleVisibilityMarker, Error, at,
			i18n.T("a line of --- or === under a paragraph makes the paragraph a heading, and that heading ends the restricted section above it: the paragraph and what follows would be published"),
			i18n.T("for a horizontal rule, leave a blank line before ---; for a heading, write it with ## and mark it {visibility=LEVEL} if it is restricted too"))
		return
	}
	if start > 0 {
		prev := body[lineStart(body, start-1) : start-1]
		if len(bytes.TrimSpace(prev)) > 0 && !bytes.HasPrefix(bytes.TrimSpace(prev), []byte(":::")) {
			d.addFinding(RuleVisibilityMarker, Error, at,
				i18n.T("a heading written straight after a line of text, without a blank line, ends the restricted section above it: a reader may take it for text, and what follows would be published"),
				i18n.T("leave a blank line before the heading, so that the end of the restricted section is plain to see"))
		}
	}
}

// lessRestrictedBelow reports text that the section tree gives to a
// section more restricted than the text itself: a ::: block that closes
// inside the section of a heading, article or item it holds, with text of
// that section after the closer (after another block, in a list, as a
// numbered provision below it). The text reads as part of the restricted
// provision — its numbers follow it, references to it reach it — yet it
// stands outside every restriction and would be published, under the
// provision before. Which of the two the writer meant cannot be told, so
// it is an error, once per restricted section. It runs on the section
// tree, the same one numbering and references read.
func lessRestrictedBelow(d *Document, body []byte) {
	reported := map[*Section]bool{}
	report := func(off int, s *Section) {
		if reported[s] {
			return
		}
		reported[s] = true
		name := s.Label
		if s.Title != "" {
			name = strings.TrimSpace(name + " " + s.Title)
		}
		d.addFinding(RuleVisibilityMarker, Error, d.BodyStart+lineStart(body, off),
			i18n.Sprintf("this text belongs to 「%s」, which is more restricted, but stands outside its restriction (a ::: block closed inside the section): it would be published", name),
			i18n.T("put the closing ::: after the whole section (before the next heading of the same or a higher level, or the next provision of the same level), or start a new heading before this text"))
	}
	// The heading or article a section or text belongs to: what follows a
	// numbered paragraph or item (a new list, closing words) may as well
	// be the enclosing section's, so those are not asked.
	owner := func(s *Section) *Section {
		for s != nil && s.Kind != KindHeading && s.Style != StyleArticle && !s.Style.Group() &&
			s.Style != StyleSupplement && s.Style != StyleAppendix && s.Style != StyleForm {
			s = s.Parent
		}
		if s != nil && s.Kind == KindRoot {
			return nil
		}
		return s
	}
	for _, s := range d.flat {
		if p := owner(s.Parent); p != nil && s.Level < p.Level {
			report(s.Offset, p)
		}
	}
	// An article's caption, （目的）, stands before the article but is its.
	for n, a := range d.captions {
		if at := n.Pos(); at >= 0 && d.LevelAt(at) < a.Level {
			report(at, a)
		}
	}
	_ = ast.Walk(d.AST, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *east.Footnote, *east.FootnoteList:
			// Footnote definitions belong to the text that uses them,
			// wherever they stand (the end of the document, as usual).
			return ast.WalkSkipChildren, nil
		case *ast.ThematicBreak:
			return ast.WalkContinue, nil // a rule shows no text
		case *ast.HTMLBlock:
			if n.HTMLBlockType == ast.HTMLBlockType2 {
				return ast.WalkContinue, nil // a comment: <!-- policyctl:history -->
			}
		}
		if n.Type() != ast.TypeBlock || n.HasChildren() && n.FirstChild().Type() == ast.TypeBlock {
			return ast.WalkContinue, nil
		}
		at := n.Pos()
		if n.Lines().Len() > 0 {
			at = n.Lines().At(0).Start
		}
		if at < 0 {
			return ast.WalkContinue, nil
		}
		if s := owner(d.SectionAt(at)); s != nil && d.LevelAt(at) < s.Level {
			report(at, s)
		}
		return ast.WalkContinue, nil
	})
}

// nearLevel is " (did you mean X?)" for a level name that is probably a
// misspelling of a configured one.
func nearLevel(name string, levels []string) string {
	if near := Nearest(name, levels); near != "" {
		return i18n.Sprintf(" (did you mean %q?)", near)
	}
	return ""
}
