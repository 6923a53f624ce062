package policy

import (
	"bytes"
	"io/fs"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/policyctl/policyctl/internal/example"
)

// checkInvariants holds for any input: positions inside the file, parts
// inside the body, a consistent tree.
func checkInvariants(t *testing.T, d *Document) {
	lines := bytes.Count(d.Source, []byte("\n")) + 1
	for _, f := range d.Findings {
		if f.Pos.Line < 0 || f.Pos.Line > lines || f.Rule.ID == "" || f.Message == "" {
			t.Fatalf("finding out of range: %+v", f)
		}
	}
	for _, p := range d.Parts {
		if p.Start < 0 || p.End > len(d.Body()) || p.Start > p.End {
			t.Fatalf("part %+v outside body of %d bytes", p, len(d.Body()))
		}
	}
	d.Root.Walk(func(s *Section) bool {
		for _, c := range s.Children {
			if c.Parent != s {
				t.Fatalf("section %q has the wrong parent", c.Label)
			}
		}
		if s.Kind != KindRoot && (s.Line < 1 || s.Line > lines || s.Level < d.Level) {
			t.Fatalf("section %+v out of range", s)
		}
		return true
	})
}

func seeds(f *testing.F) {
	fsys := example.Files()
	_ = fs.WalkDir(fsys, "policy", func(p string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() {
			// Whole documents make Go's fuzzer crawl; their first lines
			// carry the same shapes.
			b, _ := fs.ReadFile(fsys, p)
			if len(b) > 700 {
				b = b[:bytes.LastIndexByte(b[:700], '\n')+1]
			}
			f.Add(b)
		}
		return nil
	})
	f.Add([]byte("---\nid: a\ntitle: [x\n---\n"))
	f.Add([]byte("---\n---\n::: internal\n- (1) a\n  ::: public\n  :::\n"))
	f.Add([]byte("\uFEFF---\r\nid: a\r\n---\r\n第1条　a\r\n2　b\r\n一　c\r\n"))
}

func FuzzFrontMatter(f *testing.F) {
	seeds(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		d := ParseDocument("f.md", src, levels)
		checkInvariants(t, d)
		// Read through a cache — filling it, then from it, then another
		// body under the same front matter — it reads alike.
		c := NewCache()
		for _, b := range [][]byte{src, src, append(slices.Clip(src), "\n第1条　追加\n"...)} {
			got, want := parseHead("f.md", b, levels, c), parseHead("f.md", b, levels, nil)
			if !reflect.DeepEqual(got.Meta, want.Meta) || !reflect.DeepEqual(got.Findings, want.Findings) || got.Level != want.Level || got.BodyStart != want.BodyStart {
				t.Fatalf("through the cache: %+v %v, alone: %+v %v", got.Meta, got.Findings, want.Meta, want.Findings)
			}
		}
	})
}

func FuzzSectionTree(f *testing.F) {
	seeds(f)
	f.Add([]byte("## 1. a {visibility=internal}\n### (1) b\n(2) c\n#### (3) d\n1. x\n2. y\n## 2. e\n"))
	f.Add([]byte("第1章　総則\n（目的）\n第1条　甲\n２職員等は\n一　乙\nイ　丙\n(1)　丁\n(i)　戊\n2日以内に\n3　*強調\nの*続き\n附則\n1　施行\n"))
	f.Add([]byte("a\n{: .internal}\n\n[//]: # (visibility: internal)\n> [!INTERNAL]\n!!! internal\n    b\n{{< internal >}}\n```{only} internal\n```\n"))
	f.Fuzz(func(t *testing.T, body []byte) {
		src := append([]byte("---\nid: f\nvisibility: public\n---\n"), body...)
		d := ParseDocument("f.md", src, levels)
		checkInvariants(t, d)
		samePrefilters(t, body)
		_ = d.DumpTree()
		for _, s := range d.Sections() {
			_ = s.Outline()
			_ = s.Display()
		}
	})
}

func FuzzParseNumbered(f *testing.F) {
	for _, s := range []string{"第5条の2　x", "(1) a", "（１２）b", "① c", "ア d", "(ア) e", "一 f", "2 g", "別表第十", "附則", "第百二十三条", "１．目的"} {
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, inArticle bool) {
		nb, ok := ParseNumbered(s, inArticle)
		if ok && nb.Num.N < 0 {
			t.Fatalf("negative number from %q", s)
		}
		_ = nb.Style.Label(nb.Num)
	})
}

// FuzzLex: the numbering lexer reads a label or nothing, never past the
// text or into a character; a number or branch number is in 1..MaxNumber
// or marked absurd;
// and a number written out reads back as itself.
func FuzzLex(f *testing.F) {
	for _, s := range []string{"第5条の2　x", "第十二条", "第１２条", "第0条", "第99999999999999999999条", "(1)", "（１２）", "(iv)", "（ｱ）", "①", "イ", "ｱ", "別表第1の2", "別記様式第3号", "様式第1号の2", "第2号様式", "附　則", "付則", "二三十", "十百", "一〇", "123456789"} {
		f.Add(s, 7)
	}
	f.Fuzz(func(t *testing.T, s string, n int) {
		for i := 0; i < len(s); i++ {
			if l, ok := Lex(s, i); ok {
				if l.End <= i || l.End > len(s) || utf8.ValidString(s) && l.End < len(s) && !utf8.RuneStart(s[l.End]) {
					t.Fatalf("label at %d of %q ends at %d", i, s, l.End)
				}
				// An absurd numeral reads as 0: the label's own number, or
				// one of its branches (第1条の0).
				if l.Num.N < 0 || l.Absurd && l.Num.N != 0 && !slices.Contains(l.Num.Sub, 0) {
					t.Fatalf("label at %d of %q: number %d, absurd %v", i, s, l.Num.N, l.Absurd)
				}
			}
			if m, ok := ReadNumeral(s, i); ok && (m.Absurd != (m.Value == 0) || m.Value > MaxNumber || m.End <= i) {
				t.Fatalf("numeral at %d of %q: %+v", i, s, m)
			}
		}
		if n = n%MaxNumber + 1; n > 0 {
			for _, d := range []Digits{DigitsASCII, DigitsFullWidth, DigitsKanji} {
				if v, ok := ParseNumeral(FormatNumber(n, d)); !ok || v != n {
					t.Fatalf("%d written as %q reads back as %d", n, FormatNumber(n, d), v)
				}
			}
		}
	})
}

// narrowFence is the expression fence look-alikes were first found with:
// a line that starts, after container prefixes, with three colons or
// look-alikes. fenceLikeLine must find at least these.
var narrowFence = regexp.MustCompile(`^[ \t]*(?:(?:>|[-*+]|[0-9]{1,9}[.)])[ \t]*)*[:：﹕∶︓꞉ː]{3}`)

// samePrefilters holds the marker scan's cheap tests to the expressions
// they stand for: one that said no where the expression matches would let
// a near-miss marker through as text.
func samePrefilters(t *testing.T, body []byte) {
	t.Helper()
	for _, line := range bytes.SplitAfter(body, []byte("\n")) {
		if narrowFence.Match(line) && !fenceLikeLine(line) {
			t.Fatalf("fenceLikeLine(%q) = false for a line the narrow expression reads as a fence", line)
		}
		if got, want := findAttrLike(line), attrLike.FindIndex(line); !slices.Equal(got, want) {
			t.Fatalf("findAttrLike(%q) = %v, attrLike.FindIndex = %v", line, got, want)
		}
		if dialectMarker(string(line), htmlWords(levels)) != "" && !mayHoldDialect(string(line)) {
			t.Fatalf("mayHoldDialect(%q) = false for a line dialectMarker reads as a marker", line)
		}
	}
}

func TestMarkerPrefilters(t *testing.T) {
	samePrefilters(t, []byte("‼! internal\n［!internal］\n｛{< internal >}}\n::: internal\n> - 1. ：：：x\n  ﹕﹕﹕\n12) ꞉꞉꞉\n-x:::\n｛visibility＝internal｝\n﹛.a﹜\n{#id}\n本文：注意\n\t \t:::\n"))
}

// TestColonFolds: isColon's table holds every character NFKC folds to ':'.
func TestColonFolds(t *testing.T) {
	for r := rune(0x80); r <= unicode.MaxRune; r++ {
		if norm.NFKC.String(string(r)) == ":" && !isColon(r) {
			t.Errorf("NFKC folds %U to ':', isColon says no", r)
		}
	}
}

// TestFoldsToDialect: foldsToDialect holds every character NFKC folds to
// something holding the punctuation other dialects' markers start with,
// and mayHoldDialect finds each.
func TestFoldsToDialect(t *testing.T) {
	for r := rune(0x80); r <= unicode.MaxRune; r++ {
		if strings.ContainsAny(norm.NFKC.String(string(r)), "[!?/.%{") && (!strings.ContainsRune(foldsToDialect, r) || !mayHoldDialect("本文"+string(r))) {
			t.Errorf("NFKC folds %U to a dialect's punctuation; foldsToDialect or mayHoldDialect misses it", r)
		}
	}
}

// TestFoldsToV: foldsToV holds every character NFKC folds to something
// with a v, and mayHoldV finds each.
func TestFoldsToV(t *testing.T) {
	for r := rune(0x80); r <= unicode.MaxRune; r++ {
		if strings.ContainsAny(norm.NFKC.String(string(r)), "vV") && (!strings.ContainsRune(foldsToV, r) || !mayHoldV("見出し"+string(r)+"isibility")) {
			t.Errorf("NFKC folds %U to a v; foldsToV or mayHoldV misses it", r)
		}
	}
}
