// Package markdown configures goldmark for policy documents: CommonMark with
// GFM tables, footnotes, heading attributes and the ::: level block. Every
// package that parses or renders a policy document takes its goldmark from
// here, so the engine is configured in one place. Raw HTML is never rendered.
package markdown

import (
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
)

// Option adjusts the renderer side of New.
type Option func(*options)

type options struct {
	extensions []goldmark.Extender
}

// WithExtension adds a goldmark extension, for example the reference linker
// that render installs.
func WithExtension(e goldmark.Extender) Option {
	return func(o *options) { o.extensions = append(o.extensions, e) }
}

// New returns the goldmark engine for policy documents.
func New(opts ...Option) goldmark.Markdown {
	var o options
	for _, f := range opts {
		f(&o)
	}
	exts := []goldmark.Extender{
		extension.Table,
		extension.Strikethrough,
		extension.Footnote,
		// Japanese text wraps lines without spaces; a soft break between two
		// East Asian characters must not become a space.
		extension.NewCJK(extension.WithEastAsianLineBreaks(extension.EastAsianLineBreaksSimple), extension.WithEscapedSpace()),
		LevelBlocks,
		Fences,
	}
	exts = append(exts, o.extensions...)
	return goldmark.New(
		goldmark.WithExtensions(exts...),
		goldmark.WithParserOptions(parser.WithHeadingAttribute()),
		// html.WithUnsafe is deliberately absent: raw HTML is dropped, and the
		// renderer below drops even the "raw HTML omitted" comment.
	)
}

var (
	parserOnce   sync.Once
	sharedParser parser.Parser
)

// Parser returns the parser configured like New's, for code that only
// reads. It is built once and safe for concurrent use: goldmark keeps the
// state of a parse in its context, not in the parser.
func Parser() parser.Parser {
	parserOnce.Do(func() { sharedParser = New().Parser() })
	return sharedParser
}
