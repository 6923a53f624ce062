package policy

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"

	"github.com/policyctl/policyctl/internal/markdown"
)

// TestMayHoldEveryRune: mayHold finds every character of its set, alone
// and amid Japanese text, and every byte; the lead bytes it passes over
// start none of them.
func TestMayHoldEveryRune(t *testing.T) {
	for _, c := range []struct {
		name  string
		ascii *[utf8.RuneSelf]bool
		runes map[rune]bool
	}{{"block", &blockBytes, blockRunes}, {"colon", &colonBytes, colonSet}} {
		for r := range c.runes {
			for _, s := range []string{string(r), "規程の" + string(r) + "による", "（１）" + string(r)} {
				if !mayHold([]byte(s), c.ascii, c.runes) {
					t.Errorf("%s: mayHold(%q) = false, it holds %U", c.name, s, r)
				}
			}
			if b := []byte(string(r)); len(b) == 3 && (b[0] >= 0xE4 && b[0] <= 0xE9 || b[0] == 0xE3 && b[1] < 0x8B) {
				t.Errorf("%s: %U starts with a lead byte mayHold passes over", c.name, r)
			}
		}
		for b := 0; b < utf8.RuneSelf; b++ {
			if c.ascii[b] && !mayHold([]byte("第1条　"+string(rune(b))), c.ascii, c.runes) {
				t.Errorf("%s: mayHold misses %q", c.name, rune(b))
			}
		}
		// A lead byte without its continuation bytes is not taken for a
		// kanji that hides what follows it.
		if !mayHold([]byte("\xe4:"), &colonBytes, colonSet) || !mayHold([]byte("\xe3\x81:::"), &colonBytes, colonSet) {
			t.Errorf("%s: a broken sequence hides a colon", c.name)
		}
	}
	if mayHold([]byte("情報セキュリティ対策基準（第３条）に定める、「管理者」。"), &blockBytes, blockRunes) {
		t.Error("mayHold finds a marker character in plain Japanese prose")
	}
}

// checkQuiet holds the pass over a block's source to what it stands for:
// a quiet block's text, as the checks read it, gives each of them nothing
// to find, and a line that cannot hold a colon is not fence-like.
func checkQuiet(t *testing.T, src []byte) {
	// The findings are the same with the pass and without it, with front
	// matter and without.
	for _, doc := range []string{string(src), "---\nid: d\ntitle: 文書\ntier: basic\nvisibility: public\napprovers: [mayor]\n---\n" + string(src)} {
		quietOff = true
		off := ParseDocument("policy/d.md", []byte(doc), []string{"public", "internal"}).Findings
		quietOff = false
		on := ParseDocument("policy/d.md", []byte(doc), []string{"public", "internal"}).Findings
		if !reflect.DeepEqual(on, off) {
			t.Fatalf("%q: the findings differ with the pass\nwith:    %v\nwithout: %v", doc, on, off)
		}
	}
	doc := markdown.Parser().Parse(text.NewReader(src))
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if _, ok := n.(*ast.String); ok {
			t.Fatalf("%q: goldmark made text of its own (ast.String), which quietBlock does not read", src)
		}
		switch n.(type) {
		case *ast.Paragraph, *ast.TextBlock, *east.TableCell:
			if !quietBlock(n, src) {
				return ast.WalkContinue, nil
			}
			visible := markdown.PlainText(n, src)
			if namesVisibility(visible) || mayHoldDialect(visible) {
				t.Fatalf("%q: a quiet block's text %q names visibility or may hold a dialect's marker", src, visible)
			}
			for _, line := range strings.Split(visible, "\n") {
				if fenceLikeText([]byte(line)) {
					t.Fatalf("%q: a quiet block's line %q is fence-like", src, line)
				}
			}
		}
		return ast.WalkContinue, nil
	})
	for _, line := range strings.SplitAfter(string(src), "\n") {
		if !mayHold([]byte(line), &colonBytes, colonSet) && fenceLikeLine([]byte(line)) {
			t.Fatalf("%q: line %q is fence-like, mayHold found no colon", src, line)
		}
	}
}

// TestPlainTextFromSource: what the typographer of other engines turns
// into characters of its own (-- ... << ” "") stays the source's here.
func TestPlainTextFromSource(t *testing.T) {
	for _, s := range quietSeeds {
		checkQuiet(t, []byte(s))
	}
}

var quietSeeds = []string{
	"本文 -- 及び --- と ... 並びに << >> 'a' \"b\"\n",
	"情報資産は、管理者が管理する。\n次の行。\n",
	"> 引用の中の\n> 文章\n",
	"- 項目\n  続き\n\n1. 番号\n",
	"| 表 | 列 |\n|---|---|\n| ：：： | 値 |\n",
	"&#58;&#58;&#58; 参照\n",
	"文中の\\:\\:\\: エスケープ\n",
	"ｖｉｓｉｂｉｌｉｔｙ＝internal\n",
	"[注記](#x) と ![画像](a.png) と <https://example.jp/>\n",
	"脚注[^1]。\n\n[^1]: 注の本文\n",
	"\xe4:::\n",
	// Each character the pass looks for, alone in prose: without it in
	// the set, the block would be quiet and its check fire.
	"本文 visibility は内部とする\n",
	"本文 VISIBILITY は内部とする\n",
	"本文 &#118;isibility は内部とする\n",
	"本文 [ 内部\n", "本文 ! 内部\n", "本文 ? 内部\n", "本文 / 内部\n",
	"本文 . 内部\n", "本文 % 内部\n", "本文 { 内部\n", "本文 ::: 内部\n",
	// From a review: where text could come from outside a block's lines.
	"| a | b |\n|---|---|\n| x\\|y | `a\\|b` |\n",
	"- 項目\n\t続き：：：\n",
	"> 引用\n続き\n",
	"[foo]: /url \"title\"\n\n[foo]\n",
	"脚注[^1]\n\n[^1]: 注 :::\n",
	"段落\n===\n",
	"*:*::\n", ":<!-- -->::\n", "<b>:::</b>\n", "&colon;&colon;&colon;\n",
	"文\\ 字\n", "a\x00b:::\n", "a\r:::\r\n",
	"!!! internal\n", "[!internal]\n", "{: .internal}\n",
}

func FuzzQuietBlock(f *testing.F) {
	for _, s := range quietSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkQuiet(t, []byte(s))
	})
}

// quietTokens are the pieces FuzzQuietTokens writes documents with:
// containers, markup, colons, v's and their look-alikes, references.
var quietTokens = []string{
	"|", "---", "\n", "\n\n", "> ", "- ", "1. ", "\t", "    ", "*", "**", "_", "`", "``", "[", "]", "(", ")",
	"<b>", "</b>", "<!--", "-->", "\\", "&", "#", "# ", ";", "：", "∶", ":", "ｖ", "v", "isibility", "=", "internal",
	"本文", "規程", "[^1]", "[^1]: ", "~~", "~", "{", "}", "!", "%", ".", "?", "/", "\r", "\r\n", " ", "　", "<https://a>",
	"===", ":::", "::: internal\n", "&#58;", "&colon;", "\\:", "＝", "［", "！", "<", ">", "a", "1", "|:-|", "| - |",
	"```\n", "~~~\n", "<div>\n", "</div>\n", "[x]: /u\n", "[x]", "![", "](u)", "\\ ", "\u00a0", "\u200b", "﹕", "︓",
	"ⅴ", "Ｖ", "{visibility=internal}", "<span>", "x@y.z", "<x@y.z>", "+ ", "* ", "\x00", "\ufffd", "\v", "\f",
}

func FuzzQuietTokens(f *testing.F) {
	f.Add([]byte{1, 2, 3})
	f.Add([]byte{0, 2, 1, 2, 0, 1, 2, 0})
	f.Add([]byte{51, 32, 29, 33, 34, 2})
	f.Fuzz(func(t *testing.T, b []byte) {
		var s strings.Builder
		for _, c := range b {
			s.WriteString(quietTokens[int(c)%len(quietTokens)])
		}
		checkQuiet(t, []byte(s.String()))
	})
}
