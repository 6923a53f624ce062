package markdown

import (
	"bytes"
	"regexp"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// KindLevelBlock is the node kind of a ::: level block.
var KindLevelBlock = ast.NewNodeKind("LevelBlock")

// A LevelBlock restricts the blocks it contains to a visibility level:
//
//	::: internal
//	この部分は非公開とする。
//	:::
//
// The nesting rule (docs/formats.md): a closing fence closes the innermost
// open level block, and needs at least as many colons as that block's
// opener. A fence line inside fenced code or an HTML block is text of that
// block, never a closer, so cutting a restricted block can never end early.
// An opener must stand at the start of its container (no indentation) and
// name one word; anything else that looks like a fence is left as text, and
// policy reports it as visibility/marker, so a near-miss never passes.
type LevelBlock struct {
	ast.BaseBlock
	// Level is the word after the opening fence.
	Level string
	// Start is the byte offset of the opening fence's line; End is the offset
	// just after the closing fence's line, or the end of the enclosing block
	// when the fence is never closed.
	Start, End int
	// Close is the offset of the closing fence's line, -1 when the block is
	// never closed.
	Close int
	// Closed reports whether a closing fence was found.
	Closed bool
	fence  int
}

// MaxLevelDepth is how deeply level blocks may nest. Deeper openers are not
// recognised (and so are reported as broken markers): no real document
// nests restricted parts more than a few levels, and a bound keeps parsing
// linear on hostile input.
const MaxLevelDepth = 8

// Kind implements ast.Node.
func (n *LevelBlock) Kind() ast.NodeKind { return KindLevelBlock }

// Dump implements ast.Node.
func (n *LevelBlock) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Level": n.Level}, nil)
}

var (
	openFence  = regexp.MustCompile(`^(:{3,})[ \t]*([A-Za-z][A-Za-z0-9_-]*)[ \t]*\r?\n?$`)
	closeFence = regexp.MustCompile(`^(:{3,})[ \t]*\r?\n?$`)
)

type levelBlockParser struct{}

func (levelBlockParser) Trigger() []byte { return []byte{':'} }

func (levelBlockParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, seg := reader.PeekLine()
	pos := pc.BlockOffset()
	if pos < 0 || pc.BlockIndent() != 0 {
		return nil, parser.NoChildren
	}
	m := openFence.FindSubmatch(line[pos:])
	if m == nil {
		return nil, parser.NoChildren
	}
	depth := 0
	for _, b := range pc.OpenedBlocks() {
		if _, ok := b.Node.(*LevelBlock); ok {
			depth++
		}
	}
	if depth >= MaxLevelDepth {
		return nil, parser.NoChildren
	}
	n := &LevelBlock{Level: string(m[2]), fence: len(m[1]), Start: lineStart(reader.Source(), seg.Start), Close: -1}
	n.End = seg.Stop
	reader.AdvanceToEOL()
	return n, parser.HasChildren
}

func (levelBlockParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	n := node.(*LevelBlock)
	line, seg := reader.PeekLine()
	if w, pos := util.IndentWidth(line, reader.LineOffset()); w == 0 && !textOwnsLine(n, pc) {
		if m := closeFence.FindSubmatch(line[pos:]); m != nil && len(m[1]) >= n.fence {
			n.Closed = true
			n.Close = lineStart(reader.Source(), seg.Start)
			n.End = seg.Stop
			reader.AdvanceToEOL()
			return parser.Close
		}
	}
	if line != nil {
		n.End = seg.Stop
	}
	return parser.Continue | parser.HasChildren
}

// textOwnsLine reports whether a block open inside n takes the current line
// whatever it says: fenced code and HTML blocks, whose lines are text, and
// an inner level block, which the fence closes first.
func textOwnsLine(n *LevelBlock, pc parser.Context) bool {
	blocks := pc.OpenedBlocks()
	for i := len(blocks) - 1; i >= 0 && blocks[i].Node != n; i-- {
		switch blocks[i].Node.(type) {
		case *ast.FencedCodeBlock, *ast.HTMLBlock, *LevelBlock:
			return true
		}
	}
	return false
}

func (levelBlockParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {}

func (levelBlockParser) CanInterruptParagraph() bool { return true }

func (levelBlockParser) CanAcceptIndentedLine() bool { return false }

func lineStart(src []byte, off int) int {
	if off > len(src) {
		off = len(src)
	}
	return bytes.LastIndexByte(src[:off], '\n') + 1
}

// levelBlockRenderer writes a level block as a <div> marked with its level,
// so the internal edition can show which parts are restricted.
type levelBlockRenderer struct{}

func (levelBlockRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindLevelBlock, func(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
		n := node.(*LevelBlock)
		if entering {
			_, _ = w.WriteString(`<div class="level level-`)
			_, _ = w.Write(util.EscapeHTML([]byte(n.Level)))
			_, _ = w.WriteString(`" data-level="`)
			_, _ = w.Write(util.EscapeHTML([]byte(n.Level)))
			_, _ = w.WriteString("\">\n")
		} else {
			_, _ = w.WriteString("</div>\n")
		}
		return ast.WalkContinue, nil
	})
}

type levelBlocks struct{}

// LevelBlocks is the goldmark extension for ::: level blocks.
var LevelBlocks goldmark.Extender = levelBlocks{}

func (levelBlocks) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithBlockParsers(util.Prioritized(levelBlockParser{}, 150)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(levelBlockRenderer{}, 500)))
}
