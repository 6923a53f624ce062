package check

import (
	"path"
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/policyctl/policyctl/internal/i18n"
	"github.com/policyctl/policyctl/internal/policy"
)

// links checks every Markdown link and image: the file exists, the anchor
// names a section of the target document, and the target is not more
// restricted than the text that links to it.
func links(r *policy.Repo, report func(policy.Finding)) {
	for _, d := range r.Docs {
		body := d.Body()
		_ = ast.Walk(d.AST, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if !entering {
				return ast.WalkContinue, nil
			}
			var dest string
			image := false
			switch l := n.(type) {
			case *ast.Link:
				dest = string(l.Destination)
			case *ast.Image:
				dest, image = string(l.Destination), true
			default:
				return ast.WalkContinue, nil
			}
			off := inlineOffset(n, body)
			checkLink(r, d, dest, image, off, report)
			return ast.WalkContinue, nil
		})
	}
}

// collisions reports repository paths that a case-insensitive or
// normalising file system would take for one another.
func collisions(r *policy.Repo, report func(policy.Finding)) {
	for _, f := range r.Collisions() {
		report(f)
	}
}

// inlineOffset finds where an inline node is written: goldmark keeps the
// positions of text, not of links, so take the first text inside it, or
// the block around it.
func inlineOffset(n ast.Node, body []byte) int {
	var off = -1
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering && off < 0 {
			off = t.Segment.Start
			// Back up to the "[" or "![" that opens the link.
			for off > 0 && body[off-1] != '[' && body[off-1] != '\n' {
				off--
			}
			if off > 0 && body[off-1] == '[' {
				off--
				if off > 0 && body[off-1] == '!' {
					off--
				}
			}
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	if off >= 0 {
		return off
	}
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock {
			return p.Pos()
		}
	}
	return 0
}

func checkLink(r *policy.Repo, d *policy.Document, dest string, image bool, off int, report func(policy.Finding)) {
	if dest == "" {
		return
	}
	pos := d.BodyPos(off)
	what := i18n.T("link")
	if image {
		what = i18n.T("image")
	}
	l, lerr := r.ResolveLink(d, dest)
	if lerr != nil {
		hint := lerr.Hint
		if hint == "" && lerr.Rule == policy.RuleLinkBrokenFile {
			hint = suggestFile(r, dest, d)
		}
		report(policy.Finding{Rule: lerr.Rule, Severity: policy.Error, Pos: pos, Message: i18n.Sprintf("%s to %s", what, lerr.Message), Hint: hint})
		return
	}
	var target *policy.Document
	switch l.Kind {
	case policy.LinkExternal:
		return
	case policy.LinkFile:
		// A file is published with the text that links to it: the
		// restriction of that text is the file's.
		return
	case policy.LinkFragment, policy.LinkDocument:
		target = l.Doc
	}
	if image {
		report(policy.Finding{Rule: policy.RuleLinkUnsafe, Severity: policy.Error, Pos: pos,
			Message: i18n.Sprintf("image %q names a policy document, not a picture", dest),
			Hint:    i18n.T("link to the document with [text](path) instead")})
		return
	}
	from := d.LevelAt(off)
	var sec *policy.Section
	if frag := l.Fragment; frag != "" {
		sec = target.SectionByID(frag)
		if sec == nil {
			sec = target.SectionByID(policy.Slug(frag))
		}
		if sec == nil {
			report(policy.Finding{Rule: policy.RuleLinkBrokenAnchor, Severity: policy.Error, Pos: pos,
				Message: i18n.Sprintf("%s to %q: %s has no section #%s", what, dest, target.Path, frag),
				Hint:    suggestAnchor(target, frag)})
			return
		}
	}
	to := target.Level
	if sec != nil {
		to = sec.Level
	}
	if to > from {
		report(policy.Finding{Rule: policy.RuleVisibilityLeak, Severity: policy.Error, Pos: pos,
			Message: i18n.Sprintf("%s text links to %s, which is %s", levelName(r, from), where(target, sec), levelName(r, to)),
			Hint:    i18n.T("a link from less restricted text would break in its edition and reveal what the restricted part is; remove it or restrict the linking text")})
	}
}

func suggestFile(r *policy.Repo, dest string, from *policy.Document) string {
	p, _, _ := strings.Cut(dest, "#")
	base := path.Base(p)
	for _, d := range r.Docs {
		if path.Base(d.Path) == base {
			return i18n.Sprintf("did you mean %s? Paths are relative to the linking document", d.Path)
		}
	}
	return i18n.T("check the path; it is relative to the linking document")
}

func suggestAnchor(d *policy.Document, frag string) string {
	var ids []string
	for _, s := range d.Sections() {
		if s.Kind == policy.KindHeading && (strings.Contains(s.ID, frag) || strings.Contains(frag, s.Title) && s.Title != "") {
			ids = append(ids, "#"+s.ID)
		}
	}
	if len(ids) > 0 && len(ids) <= 3 {
		return i18n.Sprintf("did you mean %s?", strings.Join(ids, i18n.T(" or ")))
	}
	return i18n.T("heading IDs are the explicit {#id} or GitHub's: lower-case, punctuation dropped, spaces to -")
}
