package markdown

import (
	"bytes"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

func findLevelBlocks(src string) []*LevelBlock {
	doc := Parser().Parse(text.NewReader([]byte(src)))
	var out []*LevelBlock
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if b, ok := n.(*LevelBlock); ok && entering {
			out = append(out, b)
		}
		return ast.WalkContinue, nil
	})
	return out
}

func TestLevelBlockRanges(t *testing.T) {
	src := "a\n\n::::: secret\nb\n\n::: internal\nc\n:::\n\nd\n:::::\n\ne\n"
	bs := findLevelBlocks(src)
	if len(bs) != 2 {
		t.Fatalf("%d blocks", len(bs))
	}
	if got := src[bs[0].Start:bs[0].End]; got != "::::: secret\nb\n\n::: internal\nc\n:::\n\nd\n:::::\n" || bs[0].Level != "secret" || !bs[0].Closed {
		t.Errorf("outer block %q", got)
	}
	if got := src[bs[1].Start:bs[1].End]; got != "::: internal\nc\n:::\n" || bs[1].Level != "internal" {
		t.Errorf("inner block %q", got)
	}
}

func TestLevelBlockEdges(t *testing.T) {
	if bs := findLevelBlocks("::: internal\nnever closed\n"); len(bs) != 1 || bs[0].Closed {
		t.Errorf("an unclosed block runs to the end")
	}
	if bs := findLevelBlocks("::: two words\n:::\n"); len(bs) != 0 {
		t.Errorf("a fence with two words is not a level block")
	}
	if bs := findLevelBlocks("```\n::: internal\n```\n"); len(bs) != 0 {
		t.Errorf("a fence inside a code block is code")
	}
	if bs := findLevelBlocks("- item\n\n  ::: internal\n  x\n  :::\n"); len(bs) != 1 || bs[0].Closed == false {
		t.Errorf("a level block inside a list item")
	}
}

func TestRendering(t *testing.T) {
	var b bytes.Buffer
	src := "# 見出し {#top}\n\n本文は\n改行される。<b>raw</b>\n\n::: internal\n内部\n:::\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n注[^1]\n\n[^1]: 脚注\n"
	if err := New().Convert([]byte(src), &b); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{`<h1 id="top">見出し</h1>`, "本文は改行される。", `<div class="level level-internal" data-level="internal">`, "<table>", `class="footnote-ref"`} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "<b>") {
		t.Errorf("raw HTML rendered:\n%s", out)
	}
}
