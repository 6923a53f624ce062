package renumber

import (
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/policyctl/policyctl/internal/i18n"
	"github.com/policyctl/policyctl/internal/policy"
)

// linkTexts rewrites the numbers written as the text of a Markdown link,
// [対策基準第28条](../standards/07-operations.md), which package ref leaves
// to the link's destination: a 第N条 in the text, with the 第M項 and 第K号
// written after it, is looked up in the document the link names — in the
// base revision when there is one and the document was there — and
// written with its new number.
func (pl *planner) linkTexts() {
	for _, d := range pl.in.Cur.Docs {
		if d.AST == nil {
			continue
		}
		body := d.Body()
		_ = ast.Walk(d.AST, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			l, ok := n.(*ast.Link)
			if !entering || !ok {
				return ast.WalkContinue, nil
			}
			t, ok := l.FirstChild().(*ast.Text)
			if !ok || t.NextSibling() != nil {
				return ast.WalkSkipChildren, nil // only plain link texts
			}
			if !namesArticle(string(t.Segment.Value(body))) {
				return ast.WalkSkipChildren, nil
			}
			link, lerr := pl.in.Cur.ResolveLink(d, string(l.Destination))
			if lerr != nil || link.Doc == nil || link.Kind != policy.LinkDocument && link.Kind != policy.LinkFragment {
				return ast.WalkSkipChildren, nil
			}
			pl.linkText(d, link.Doc, t.Segment.Start, string(t.Segment.Value(body)))
			return ast.WalkSkipChildren, nil
		})
	}
}

// linkText rewrites the article numbers of one link text at body offset
// at of d, the link naming target.
func (pl *planner) linkText(d, target *policy.Document, at int, text string) {
	// A link text that stood in the base names what it named there; one
	// written since, what it names as written.
	lookup := target
	var base bool
	if pl.in.Base != nil {
		b, from := pl.in.Base.Doc(target.Meta.ID), pl.in.Base.Doc(d.Meta.ID)
		if b != nil && from != nil && strings.Contains(string(from.Body()), "["+text+"]") {
			lookup, base = b, true
		}
	}
	for i := 0; i < len(text); {
		l, ok := policy.Lex(text, i)
		if !ok || l.Kind != policy.LabelUnit || l.Unit != '条' || l.Absurd {
			i++
			for i < len(text) && text[i]&0xC0 == 0x80 {
				i++
			}
			continue
		}
		sec := lookup.Article(l.Num)
		j := l.End
		type found struct {
			start, end int
			sec        *policy.Section
			written    policy.Number
		}
		chain := []found{{i, l.End, sec, l.Num}}
		for sec != nil {
			m, ok := policy.Lex(text, j)
			if !ok || m.Kind != policy.LabelUnit || m.Absurd || m.Unit != '項' && m.Unit != '号' {
				break
			}
			sec = sec.Child(m.Unit, m.Num)
			chain = append(chain, found{j, m.End, sec, m.Num})
			j = m.End
		}
		for _, f := range chain {
			s := f.sec
			if s == nil {
				break
			}
			if base {
				if s = pl.same[s]; s == nil {
					break
				}
			}
			num := pl.p.number(s)
			if num.Equal(f.written) {
				continue
			}
			old := text[f.start:f.end]
			nw, ok := writeCite(old, s, num)
			if !ok {
				pl.problem(d.BodyPos(at+f.start), i18n.Sprintf("the link text %s names %s, which cannot be written as %s; rewrite it by hand", text, display(s), s.Style.Label(num)))
				break
			}
			if nw != old {
				pl.p.Edits = append(pl.p.Edits, policy.Edit{File: d.Path, Start: d.BodyStart + at + f.start, End: d.BodyStart + at + f.end, New: nw})
				pl.p.LinkTexts++
			}
		}
		i = j
	}
}

// namesArticle reports whether a text holds a 第N条.
func namesArticle(text string) bool {
	for i := strings.Index(text, "第"); i >= 0; {
		if l, ok := policy.Lex(text, i); ok && l.Kind == policy.LabelUnit && l.Unit == '条' {
			return true
		}
		j := strings.Index(text[i+len("第"):], "第")
		if j < 0 {
			return false
		}
		i += len("第") + j
	}
	return false
}
