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
// Blocks nest the way markdown-it containers do: a closing fence needs at
// least as many colons as its opening fence, so an outer block uses a longer
// fence than the blocks inside it.
type LevelBlock struct {
	ast.BaseBlock
	// Level is the word after the opening fence.
	Level string
	// Start is the byte offset of the opening fence's line; End is the offset
	// just after the closing fence's line, or the end of the enclosing block
	// when the fence is never closed.
	Start, End int
	// Closed reports whether a closing fence was found.
	Closed bool
	fence  int
}

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
	if pos < 0 {
		return nil, parser.NoChildren
	}
	m := openFence.FindSubmatch(line[pos:])
	if m == nil {
		return nil, parser.NoChildren
	}
	n := &LevelBlock{Level: string(m[2]), fence: len(m[1]), Start: lineStart(reader.Source(), seg.Start)}
	n.End = seg.Stop
	reader.AdvanceToEOL()
	return n, parser.HasChildren
}

func (levelBlockParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	n := node.(*LevelBlock)
	line, seg := reader.PeekLine()
	if w, pos := util.IndentWidth(line, reader.LineOffset()); w < 4 {
		if m := closeFence.FindSubmatch(line[pos:]); m != nil && len(m[1]) >= n.fence {
			n.Closed = true
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
