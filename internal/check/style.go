package check

import (
	"sort"

	"github.com/yuin/goldmark/ast"

	"github.com/policyctl/policyctl/internal/i18n"

	"github.com/policyctl/policyctl/internal/policy"
	"github.com/policyctl/policyctl/internal/ref"
	"github.com/policyctl/policyctl/internal/renumber"
)

// numberStyle reports numbers written otherwise than policyctl.yaml's
// style asks (style.digits, style.articles) — in provisions' labels and in
// references, not in citations of other laws — once per document, at the
// first, with the count; its fix rewrites every one of them.
func numberStyle(refs map[*policy.Document][]*ref.Ref) rule {
	return func(r *policy.Repo, report func(policy.Finding)) {
		st := r.Config.Style
		if st.Digits == "any" && st.Articles == "any" && st.ClauseDigits() == "any" {
			return
		}
		for _, d := range r.Docs {
			if d.Root == nil {
				continue
			}
			body := d.Body()
			seen := map[[2]int]bool{}
			var edits []policy.Edit
			// An outline number cited (上記2) is no 項: style.clauses is
			// not its width.
			outlineOnly := st
			outlineOnly.Clauses = st.Digits
			addStyled := func(start int, old string, st policy.StyleConfig) {
				k := [2]int{start, start + len(old)}
				if seen[k] {
					return
				}
				seen[k] = true
				if out, changed := renumber.Restyle(old, st); changed {
					edits = append(edits, policy.Edit{File: d.Path, Start: d.BodyStart + start, End: d.BodyStart + start + len(old), New: out})
				}
			}
			add := func(start int, old string) { addStyled(start, old, st) }
			for _, s := range d.Sections() {
				if start, label, ok := renumber.LabelAt(s); ok {
					add(start, label)
				}
			}
			for _, x := range refs[d] {
				if x.External {
					continue
				}
				for _, c := range x.Cites {
					if c.Relative && c.End <= len(body) && string(body[c.Start:c.End]) == c.Text {
						// 前2条 where style.articles asks for kanji: 前二条.
						k := [2]int{c.Start, c.End}
						if out, changed := renumber.RestyleRelative(c.Text, st); changed && !seen[k] {
							seen[k] = true
							edits = append(edits, policy.Edit{File: d.Path, Start: d.BodyStart + c.Start, End: d.BodyStart + c.End, New: out})
						}
						continue
					}
					if !c.Relative && c.NumEnd > c.NumStart && c.End <= len(body) && string(body[c.Start:c.End]) == c.Text {
						if c.Sec != nil && c.Sec.Style != policy.StyleClause && !c.Sec.Style.Group() {
							// 上記2, 基本方針6: an outline's number, not a
							// 項's bare ２ — in style.digits.
							addStyled(c.Start, c.Text, outlineOnly)
							continue
						}
						add(c.Start, c.Text)
					}
				}
			}
			if len(edits) == 0 {
				continue
			}
			sort.Slice(edits, func(i, j int) bool { return edits[i].Start < edits[j].Start })
			first := edits[0]
			old := string(d.Source[first.Start:first.End])
			asks := "style.digits: " + st.Digits + i18n.T(", ") + "style.articles: " + st.Articles
			if st.Clauses != "" {
				asks += i18n.T(", ") + "style.clauses: " + st.Clauses
			}
			msg := i18n.Sprintf("%s is not written as policyctl.yaml's style asks (%s): %s", old, asks, first.New)
			if len(edits) > 1 {
				msg += i18n.Sprintf(" (%d places; this is the first)", len(edits))
			}
			report(policy.Finding{Rule: policy.RuleNumberingStyle, Severity: policy.Warning, Pos: d.Pos(first.Start), Message: msg,
				Hint: i18n.Sprintf("write %s; or set style.digits, style.clauses and style.articles in policyctl.yaml to how this policy writes its numbers (any: as written)", first.New),
				Fix:  &policy.Fix{Description: i18n.Sprintf("write %d numbers as policyctl.yaml's style asks", len(edits)), Edits: edits}})
		}
	}
}

// kanaWidth reports half-width katakana in a document's text when
// style.kana asks for full-width, once per document, at the first, with
// the count. Code (spans, blocks) and raw HTML keep what they say; its
// fix writes each run of half-width kana full-width.
func kanaWidth(r *policy.Repo, report func(policy.Finding)) {
	if r.Config.Style.Kana == "any" {
		return
	}
	for _, d := range r.Docs {
		if d.Root == nil || d.AST == nil || !policy.HasHalfwidthKana(d.Source) {
			continue // most documents: no walk
		}
		body := d.Body()
		var edits []policy.Edit
		_ = ast.Walk(d.AST, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if !entering {
				return ast.WalkContinue, nil
			}
			switch n := n.(type) {
			case *ast.CodeSpan, *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock, *ast.RawHTML, *ast.AutoLink:
				return ast.WalkSkipChildren, nil
			case *ast.Text:
				for _, e := range policy.HalfwidthKana(body[n.Segment.Start:n.Segment.Stop]) {
					e.File, e.Start, e.End = d.Path, d.BodyStart+n.Segment.Start+e.Start, d.BodyStart+n.Segment.Start+e.End
					edits = append(edits, e)
				}
			}
			return ast.WalkContinue, nil
		})
		if len(edits) == 0 {
			continue
		}
		first := edits[0]
		msg := i18n.Sprintf("half-width katakana %s: policyctl.yaml's style.kana asks for full-width, as 公用文 writes it: %s", string(d.Source[first.Start:first.End]), first.New)
		if len(edits) > 1 {
			msg += i18n.Sprintf(" (%d places; this is the first)", len(edits))
		}
		report(policy.Finding{Rule: policy.RuleTextKana, Severity: policy.Warning, Pos: d.Pos(first.Start), Message: msg,
			Hint: i18n.Sprintf("write %s; or set style.kana: any in policyctl.yaml", first.New),
			Fix:  &policy.Fix{Description: i18n.Sprintf("write %d runs of half-width katakana full-width", len(edits)), Edits: edits}})
	}
}
