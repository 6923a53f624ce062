package render

import (
	"fmt"
	"html/template"
	"slices"
	"sort"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"

	"github.com/policyctl/policyctl/internal/policy"
)

// TermUse is a defined term (定義語) where it is used: the page shows its
// definition on hover.
type TermUse struct {
	ast.BaseInline
	Title string
}

// KindTermUse is the kind of TermUse nodes.
var KindTermUse = ast.NewNodeKind("TermUse")

// Kind implements ast.Node.
func (n *TermUse) Kind() ast.NodeKind { return KindTermUse }

// Dump implements ast.Node.
func (n *TermUse) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

func renderTermUse(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		fmt.Fprintf(w, `<span class="term" title="%s">`, template.HTMLEscapeString(n.(*TermUse).Title))
	} else {
		_, _ = w.WriteString("</span>")
	}
	return ast.WalkContinue, nil
}

type termUse struct {
	start, end int
	title      string
}

type termUsesKey struct{}

// termUsesOf lists the uses of defined terms by document, once per
// edition: the pages look up their own instead of every use of every term.
func termUsesOf(ed *policy.Repo, refs References) map[*policy.Document][]termUse {
	return ed.Memo(termUsesKey{}, func() any {
		out := map[*policy.Document][]termUse{}
		for _, t := range refs.Terms() {
			if t.Meaning == "" {
				continue
			}
			title := fmt.Sprintf("「%s」: %s（%s）", t.Name, t.Meaning, t.Doc.Meta.Title)
			for _, u := range t.Uses {
				if !u.Outside && !u.Before {
					out[u.Doc] = append(out[u.Doc], termUse{u.Start, u.End, title})
				}
			}
		}
		return out
	}).(map[*policy.Document][]termUse)
}

// markTerms wraps the uses of defined terms in d. Terms come from the
// edition's own model, so a definition the edition does not hold is never
// shown.
func markTerms(doc ast.Node, d *policy.Document, refs References, ed *policy.Repo) {
	if refs == nil {
		return
	}
	uses := slices.Clone(termUsesOf(ed, refs)[d])
	if len(uses) == 0 {
		return
	}
	sort.Slice(uses, func(i, j int) bool { return uses[i].start < uses[j].start })
	texts := plainTexts(doc)
	i, last := 0, -1
	for _, u := range uses {
		if u.start < last {
			continue // overlapping uses: the first wins
		}
		for i < len(texts) && texts[i].Segment.Stop <= u.start {
			i++
		}
		if i == len(texts) {
			break
		}
		t := texts[i]
		if t.Segment.Start > u.start || t.Segment.Stop < u.end {
			continue // the use spans markup: leave it as text
		}
		texts[i] = wrapText(t, u.start, u.end, &TermUse{Title: u.title})
		last = u.end
	}
}
