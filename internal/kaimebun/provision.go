package kaimebun

import (
	"strconv"
	"strings"

	"github.com/policyctl/policyctl/internal/diff"
	"github.com/policyctl/policyctl/internal/policy"
)

// Provision is one provision of a document as a 改め文 addresses it: its
// address in segments (第二十一条, 第二項; 5, (3) in outline-numbered
// documents), its number as written in its text, and the text itself —
// the 見出し of an article apart from its body.
type Provision struct {
	Path    []string
	Style   policy.Style
	Number  policy.Number
	Label   string // as written: 第21条, 2, (3)
	Caption string // an article's 見出し line: （パスワード）
	Body    string // the text without the caption line
}

// Addr is the provision's address: 第二十一条第二項.
func (p *Provision) Addr() string { return strings.Join(p.Path, "") }

// Text is the provision's whole text, caption first.
func (p *Provision) Text() string {
	if p.Caption == "" {
		return p.Body
	}
	return p.Caption + "\n" + p.Body
}

// Under reports whether q lies inside p's subtree (q is p or below it).
func (p *Provision) Under(q *Provision) bool { return under(q.Path, p.Path) }

func under(path, root []string) bool {
	if len(path) < len(root) {
		return false
	}
	for i := range root {
		if path[i] != root[i] {
			return false
		}
	}
	return true
}

// Of builds a provision from a section and its text in a 新旧対照表.
func Of(sec *policy.Section, text string) *Provision {
	p := &Provision{Body: text}
	if sec == nil {
		p.Path = []string{"前文"}
		return p
	}
	p.Style, p.Label, p.Number = sec.Style, sec.Label, sec.Number
	p.Path = Segments(sec)
	if sec.Style == policy.StyleArticle {
		if first, rest, ok := strings.Cut(text, "\n"); ok && isCaption(first) {
			p.Caption, p.Body = first, rest
		}
	}
	return p
}

func isCaption(line string) bool {
	return (strings.HasPrefix(line, "（") && strings.HasSuffix(line, "）")) || (strings.HasPrefix(line, "(") && strings.HasSuffix(line, ")"))
}

// Segments writes a section's address as a 改め文 cites it, following
// policy.Section.Outline: 条・項・号, 章, 節 and 別表 in kanji numerals
// (第二十一条第二項第三号, 第二十五条の二, 別表第一), outline numbers as
// written (5, (3), ①, ア); an unnumbered heading by its title.
func Segments(s *policy.Section) []string {
	var out []string
	path := s.Path()
	for i, x := range path {
		if !x.Numbered() {
			continue
		}
		kanji := func(n int) string { return policy.KanjiNumeral(n) }
		switch {
		case (x.Style == policy.StyleChapter || x.Style == policy.StyleDivision) && i < len(path)-1:
		case x.SoleClause():
		case x.Style == policy.StyleArticle:
			seg := "第" + kanji(x.Number.N) + "条"
			for _, sub := range x.Number.Sub {
				seg += "の" + kanji(sub)
			}
			out = append(out, seg)
		case x.Style == policy.StyleClause:
			out = append(out, "第"+kanji(x.Number.N)+"項")
		case x.Parent != nil && (x.Parent.Style == policy.StyleClause || x.Parent.Style == policy.StyleArticle) && (x.Style == policy.StyleParen || x.Style == policy.StyleKanji):
			out = append(out, "第"+kanji(x.Number.N)+"号")
		case x.Style == policy.StyleChapter:
			out = append(out, "第"+kanji(x.Number.N)+"章")
		case x.Style == policy.StyleDivision:
			out = append(out, "第"+kanji(x.Number.N)+"節")
		case x.Style == policy.StyleAppendix:
			out = append(out, "別表第"+kanji(x.Number.N))
		case x.Style == policy.StyleSupplement:
			out = append(out, "附則")
		case x.Style == policy.StyleDot:
			out = append(out, strconv.Itoa(x.Number.N))
		default:
			out = append(out, x.Style.Label(x.Number))
		}
	}
	if len(out) == 0 {
		t := s.Title
		if t == "" {
			t = "前文"
		}
		out = []string{t}
	}
	return out
}

// Counter is the word a 改め文 counts provisions of a style with: 条, 項,
// 号 …; empty for outline numbering, which has none.
func Counter(p *Provision) string {
	if len(p.Path) == 0 {
		return ""
	}
	last := p.Path[len(p.Path)-1]
	switch {
	case strings.HasSuffix(last, "条") || strings.Contains(last, "条の"):
		return "条"
	case strings.HasSuffix(last, "項"):
		return "項"
	case strings.HasSuffix(last, "号"):
		return "号"
	case strings.HasSuffix(last, "章"):
		return "章"
	case strings.HasSuffix(last, "節"):
		return "節"
	case strings.HasPrefix(last, "別表"):
		return "表"
	}
	return ""
}

// Provisions returns a document's provisions on one side of a 新旧対照表,
// in that document's order, and the rows they came from.
func Provisions(d *diff.Document, old bool) ([]*Provision, []*diff.Section) {
	var ps []*Provision
	var rows []*diff.Section
	if old {
		for _, s := range d.OldSections() {
			ps, rows = append(ps, Of(s.OldSec, s.OldText)), append(rows, s)
		}
		return ps, rows
	}
	for _, s := range d.Sections {
		if s.Status != diff.Deleted {
			ps, rows = append(ps, Of(s.NewSec, s.NewText)), append(rows, s)
		}
	}
	return ps, rows
}
