package markdown

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// A fenced code block that is never closed runs to the end of its
// container, and everything in it — headings, ::: blocks — is code. The
// AST does not say whether a block ended at its fence; fenceTracker is
// goldmark's own fenced-code parser, remembering in the parse's context
// the blocks its closing fence ended. Read it with ClosedFences.
type fenceTracker struct{ parser.BlockParser }

var closedFencesKey = parser.NewContextKey()

func (f fenceTracker) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	st := f.BlockParser.Continue(node, reader, pc)
	if st&parser.Close != 0 {
		closed, _ := pc.Get(closedFencesKey).(map[ast.Node]bool)
		if closed == nil {
			closed = map[ast.Node]bool{}
			pc.Set(closedFencesKey, closed)
		}
		closed[node] = true
	}
	return st
}

// ClosedFences are the fenced code blocks of a parse done with ctx that
// ended at their closing fence.
func ClosedFences(ctx parser.Context) map[ast.Node]bool {
	closed, _ := ctx.Get(closedFencesKey).(map[ast.Node]bool)
	return closed
}

type fences struct{}

// Fences is the extension that tracks closed fenced code blocks. It comes
// before goldmark's own fenced-code parser (priority 700), which it wraps,
// so that one never opens a block.
var Fences goldmark.Extender = fences{}

func (fences) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithBlockParsers(util.Prioritized(fenceTracker{parser.NewFencedCodeBlockParser()}, 690)))
}
