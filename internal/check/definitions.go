package check

import (
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"

	"github.com/policyctl/policyctl/internal/i18n"
	"github.com/policyctl/policyctl/internal/policy"
)

// restrictedDefinitions reports a reference link, image or footnote in
// text of one level whose definition stands in a more restricted part:
// the edition that shows the text cuts the definition, so the text would
// read differently there (a link turned into brackets, a footnote gone),
// and build refuses that edition. check says so before anyone approves,
// at the use, naming the definition's line — not its address or words,
// which are restricted.
func restrictedDefinitions(r *policy.Repo, report func(policy.Finding)) {
	for _, d := range r.Docs {
		if d.AST == nil {
			continue
		}
		type def struct{ level, line int }
		links := map[string]def{} // the first definition of a label counts
		notes := map[int]def{}    // by footnote index
		_ = ast.Walk(d.AST, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if !entering {
				return ast.WalkContinue, nil
			}
			switch n := n.(type) {
			case *ast.LinkReferenceDefinition:
				label := string(util.ToLinkReference(n.Label))
				if _, ok := links[label]; !ok && n.Pos() >= 0 {
					links[label] = def{d.LevelAt(n.Pos()), d.BodyPos(n.Pos()).Line}
				}
			case *east.Footnote:
				if at := firstBlockPos(n); at >= 0 {
					notes[n.Index] = def{d.LevelAt(at), d.BodyPos(at).Line}
				}
			}
			return ast.WalkContinue, nil
		})
		if len(links) == 0 && len(notes) == 0 {
			continue
		}
		_ = ast.Walk(d.AST, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if !entering || n.Type() != ast.TypeBlock || n.HasChildren() && n.FirstChild().Type() == ast.TypeBlock {
				return ast.WalkContinue, nil
			}
			at := blockPos(n)
			if at < 0 {
				return ast.WalkSkipChildren, nil
			}
			lvl := d.LevelAt(at)
			_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
				if !entering {
					return ast.WalkContinue, nil
				}
				var ref *ast.ReferenceLink
				var df def
				var found bool
				switch c := c.(type) {
				case *ast.Link:
					ref = c.Reference
				case *ast.Image:
					ref = c.Reference
				case *east.FootnoteLink:
					df, found = notes[c.Index]
					if found && df.level > lvl {
						report(policy.Finding{Rule: policy.RuleVisibilityLeak, Severity: policy.Error, Pos: d.BodyPos(at),
							Message: i18n.Sprintf("%s text refers to a footnote whose definition (line %d) is in a more restricted part: an edition without that part cannot show it, and build refuses it", levelName(r, lvl), df.line),
							Hint:    i18n.T("write the footnote's definition in the part that refers to it, or restrict the text that refers to it")})
					}
					return ast.WalkContinue, nil
				}
				if ref != nil {
					df, found = links[string(util.ToLinkReference(ref.Value))]
					if found && df.level > lvl {
						report(policy.Finding{Rule: policy.RuleVisibilityLeak, Severity: policy.Error, Pos: d.BodyPos(at),
							Message: i18n.Sprintf("%s text uses a link reference definition (line %d) that is in a more restricted part: an edition without that part cannot show the link, and build refuses it", levelName(r, lvl), df.line),
							Hint:    i18n.T("write the definition in the part that uses it, or restrict the text that uses it")})
					}
				}
				return ast.WalkContinue, nil
			})
			return ast.WalkSkipChildren, nil
		})
	}
}

// firstBlockPos is where the first leaf block under n starts, or -1.
func firstBlockPos(n ast.Node) int {
	at := -1
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && c != n && c.Type() == ast.TypeBlock && (!c.HasChildren() || c.FirstChild().Type() != ast.TypeBlock) {
			at = blockPos(c)
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return at
}
