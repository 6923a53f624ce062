package check

import (
	"path"
	"strings"
	"unicode/utf8"

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
			if l, ok := n.(*ast.Link); ok {
				linkText(r, d, l, body, off, report)
			}
			return ast.WalkContinue, nil
		})
	}
}

// linkText reports a link whose text names an article — [対策基準第28条](…),
// with the 第M項 and 第K号 after it — that the document it links to does
// not have: package ref leaves link texts to their destination, renumber
// rewrites their numbers, and a number there that names nothing is a
// reference gone stale. An article the tier's other files hold (the
// chapters of one 規程 numbered through) is not reported.
func linkText(r *policy.Repo, d *policy.Document, l *ast.Link, body []byte, off int, report func(policy.Finding)) {
	t, ok := l.FirstChild().(*ast.Text)
	if !ok || t.NextSibling() != nil {
		return // only plain link texts
	}
	text := string(t.Segment.Value(body))
	if !strings.Contains(text, "条") {
		return
	}
	to, lerr := r.ResolveLink(d, string(l.Destination))
	if lerr != nil || to.Doc == nil || to.Kind != policy.LinkDocument && to.Kind != policy.LinkFragment {
		return
	}
	for i := 0; i < len(text); {
		lx, ok := policy.Lex(text, i)
		if !ok || lx.Kind != policy.LabelUnit || lx.Unit != '条' || lx.Absurd {
			_, size := utf8.DecodeRuneInString(text[i:])
			i += size
			continue
		}
		missing, end := "", lx.End
		if sec := articleIn(r, to.Doc, lx.Num); sec == nil {
			missing = text[i:lx.End]
		} else {
			for sec != nil {
				m, ok := policy.Lex(text, end)
				if !ok || m.Kind != policy.LabelUnit || m.Absurd || m.Unit != '項' && m.Unit != '号' {
					break
				}
				if sec = sec.Child(m.Unit, m.Num); sec == nil {
					missing = text[i:m.End]
				}
				end = m.End
			}
		}
		if missing != "" {
			report(policy.Finding{Rule: policy.RuleRefUnresolved, Severity: policy.Error, Pos: d.BodyPos(off),
				Message: i18n.Sprintf("the link text %s names %s, which %s does not have", text, missing, to.Doc.Meta.Title),
				Hint:    i18n.T("correct the number in the link text, or where the link leads")})
		}
		i = end
	}
}

// articleIn finds a main-provision article in a document, or in another
// file of its tier (chapters numbered through the files).
func articleIn(r *policy.Repo, d *policy.Document, n policy.Number) *policy.Section {
	if s := d.Article(n); s != nil {
		return s
	}
	for _, o := range r.Docs {
		if o != d && o.Meta.Tier == d.Meta.Tier {
			if s := o.Article(n); s != nil {
				return s
			}
		}
	}
	return nil
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
