package policy

import (
	"fmt"
	"sort"

	"github.com/yuin/goldmark/ast"

	"github.com/policyctl/policyctl/markdown"
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
			d.addFinding("visibility/unknown-level", Error, d.BodyStart+off,
				fmt.Sprintf("%s names level %q, which is not one of %v; treated as the most restricted level", what, name, levels),
				"use a level listed under visibility in policyctl.yaml")
			return len(levels) - 1
		}
		return i
	}
	// walk visits the blocks below n. end is where a heading's scope ends
	// at the latest; top is the top-level block (a child of the document
	// or of a ::: block) that contains n, or nil when n is such a parent.
	var walk func(n ast.Node, end int, top ast.Node)
	walk = func(n ast.Node, end int, top ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if c.Type() != ast.TypeBlock {
				continue
			}
			switch c := c.(type) {
			case *markdown.LevelBlock:
				lvl := levelOf(c.Level, c.Start, fmt.Sprintf("::: %s", c.Level))
				parts = append(parts, Part{Start: c.Start, End: lineEnd(body, c.End), Level: lvl, Line: d.BodyPos(c.Start).Line})
				if !c.Closed {
					d.addFinding("visibility/unclosed", Error, d.BodyStart+c.Start,
						fmt.Sprintf("::: %s is never closed; everything to the end of its container is restricted", c.Level),
						`close the block with a line ":::"`)
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
					d.addFinding("visibility/placement", Error, d.BodyStart+start,
						"{visibility=…} on a heading inside a list or quote has no clear end; the whole block is restricted",
						"put the heading at the top level, or wrap the part in a ::: block")
					tStart, tEnd := lineStart(body, top.Pos()), end
					if next := top.NextSibling(); next != nil {
						tEnd = lineStart(body, next.Pos())
					}
					parts = append(parts, Part{Start: tStart, End: tEnd, Level: lvl, Line: d.BodyPos(start).Line})
					continue
				}
				stop := end
				for s := c.NextSibling(); s != nil; s = s.NextSibling() {
					if h, ok := s.(*ast.Heading); ok && h.Level <= c.Level {
						stop = lineStart(body, h.Pos())
						break
					}
				}
				parts = append(parts, Part{Start: start, End: stop, Level: lvl, Line: d.BodyPos(start).Line})
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
	for i := range parts {
		if outer := d.levelAround(parts, i); parts[i].Level < outer {
			d.Findings = append(d.Findings, Finding{Rule: "visibility/widen", Severity: Warning,
				Pos:     Pos{File: d.Path, Line: parts[i].Line, Col: 1},
				Message: fmt.Sprintf("level %q is less restricted than its surroundings (%q) and has no effect", levels[parts[i].Level], levels[outer]),
				Hint:    "a part can only be more restricted than the document or section around it"})
			parts[i].Level = outer
		}
	}
	sort.SliceStable(parts, func(i, j int) bool { return parts[i].Start < parts[j].Start })
	return parts
}

// levelAround is the level in force around part i: the document's, or that
// of a part that encloses it.
func (d *Document) levelAround(parts []Part, i int) int {
	l := d.Level
	for j, p := range parts {
		if j != i && p.Start <= parts[i].Start && p.End >= parts[i].End && (p.Start != parts[i].Start || p.End != parts[i].End || j < i) && p.Level > l {
			l = p.Level
		}
	}
	return l
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
