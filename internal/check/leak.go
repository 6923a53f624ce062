package check

import (
	"index/suffixarray"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"

	"github.com/policyctl/policyctl/internal/i18n"
	"github.com/policyctl/policyctl/internal/markdown"
	"github.com/policyctl/policyctl/internal/policy"
)

// minTitle is the shortest title, in characters, whose quotation counts as
// a leak; shorter ones (目的, 定義) are everyday words.
const minTitle = 6

// quotedTitles reports less restricted text that quotes the title of a
// restricted document or section: the title alone tells what the
// restricted part is about.
func quotedTitles(r *policy.Repo, report func(policy.Finding)) {
	levels := len(r.Config.Visibility)
	for lvl := 0; lvl < levels-1; lvl++ {
		// Titles visible only above lvl, minus those also visible at lvl.
		titles := map[string]string{} // title -> where
		visible := map[string]bool{}
		for _, d := range r.Docs {
			if d.Level > lvl {
				addTitle(titles, d.Meta.Title, d.Path)
			}
			for _, s := range d.Sections() {
				if s.Level <= lvl {
					visible[s.Title] = true
					continue
				}
				if s.Kind == policy.KindHeading {
					addTitle(titles, s.Title, i18n.Sprintf("%s line %d", d.Path, s.Line))
				}
			}
			if d.Level <= lvl {
				visible[d.Meta.Title] = true
			}
		}
		// A restricted title that a visible title contains tells nothing new:
		// 物理的セキュリティ is a chapter of the 対策基準 and a measure
		// that the 基本方針 names.
		var vis strings.Builder
		for v := range visible {
			vis.WriteString(v)
			vis.WriteByte(0)
		}
		visIdx := suffixarray.New([]byte(vis.String()))
		for t := range titles {
			if len(visIdx.Lookup([]byte(t), 1)) > 0 {
				delete(titles, t)
			}
		}
		if len(titles) == 0 {
			continue
		}
		// Bucket the titles by their first two characters, then walk the
		// text visible at lvl once.
		buckets := map[string][]string{}
		for t := range titles {
			k := firstRunes(t, 2)
			buckets[k] = append(buckets[k], t)
		}
		for _, ts := range buckets {
			sort.Strings(ts)
		}
		for _, d := range r.Docs {
			if d.Level > lvl {
				continue
			}
			body := d.Body()
			_ = ast.Walk(d.AST, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
				if !entering || n.Type() != ast.TypeBlock || n.HasChildren() && n.FirstChild().Type() == ast.TypeBlock {
					return ast.WalkContinue, nil
				}
				if d.LevelAt(n.Pos()) > lvl {
					return ast.WalkSkipChildren, nil
				}
				text := markdown.PlainText(n, body)
				reported := map[string]bool{}
				for i := range text {
					for _, t := range buckets[firstRunes(text[i:], 2)] {
						if !reported[t] && strings.HasPrefix(text[i:], t) {
							reported[t] = true
							report(policy.Finding{Rule: policy.RuleVisibilityLeak, Severity: policy.Error, Pos: d.BodyPos(n.Pos()),
								Message: i18n.Sprintf("%s text quotes 「%s」, the title of %s, which is more restricted", levelName(r, lvl), t, titles[t]),
								Hint:    i18n.T("describe the restricted part without its title, or restrict this text too")})
						}
					}
				}
				return ast.WalkSkipChildren, nil
			})
		}
	}
}

// firstRunes returns the first n characters of s (fewer if s is shorter).
func firstRunes(s string, n int) string {
	i := 0
	for k := 0; k < n && i < len(s); k++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i]
}

func addTitle(titles map[string]string, t, where string) {
	t = strings.TrimSpace(t)
	if utf8.RuneCountInString(t) >= minTitle {
		if _, ok := titles[t]; !ok {
			titles[t] = where
		}
	}
}
