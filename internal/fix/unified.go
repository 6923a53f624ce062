package fix

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// opcode is a run of lines: equal, or old lines a[i1:i2] replaced by new
// lines b[j1:j2] (either may be empty), as difflib names them.
type opcode struct {
	equal          bool
	i1, i2, j1, j2 int
}

// writeUnified writes the unified diff of two texts with three lines of
// context, in the form git apply and patch read. The lines are matched by
// go-diff's Myers diff over line identities with no time limit, so the
// same texts give the same diff on any machine; it costs about what the
// edits cost, where go-difflib's SequenceMatcher (used before) indexed
// every line of both sides and took most of the time of a renumbering
// that rewrites hundreds of files. Nothing is written when no line differs.
// A text of more distinct lines than runes can name (about a million)
// is shown as one change of everything between the lines both begin and
// end with: still a diff that applies, only a coarse one.
// quotePath writes a path for a diff header as git does: one that holds a
// control character, a quote or a backslash is quoted, with C escapes
// (\n, \t, \", \\) and octal for the other control characters, so that the
// header stays one line and git apply reads the name back.
func quotePath(p string) string {
	if !strings.ContainsFunc(p, func(r rune) bool { return r < 0x20 || r == 0x7F || r == '"' || r == '\\' }) {
		return p
	}
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(p); i++ {
		switch c := p[i]; c {
		case '\a':
			b.WriteString(`\a`)
		case '\b':
			b.WriteString(`\b`)
		case '\t':
			b.WriteString(`\t`)
		case '\n':
			b.WriteString(`\n`)
		case '\v':
			b.WriteString(`\v`)
		case '\f':
			b.WriteString(`\f`)
		case '\r':
			b.WriteString(`\r`)
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		default:
			if c < 0x20 || c == 0x7F {
				fmt.Fprintf(&b, `\%03o`, c)
			} else {
				b.WriteByte(c)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

func writeUnified(w io.Writer, from, to, a, b string) error {
	al, bl := splitLines(a), splitLines(b)
	ops, err := lineOpcodes(al, bl)
	if err != nil {
		return fmt.Errorf("fix: %s: %w", from, err)
	}
	groups := groupOpcodes(ops, 3)
	if len(groups) == 0 {
		return nil
	}
	var sb strings.Builder
	fmt.Fprintf(&sb, "--- %s\n+++ %s\n", from, to)
	for _, g := range groups {
		first, last := g[0], g[len(g)-1]
		fmt.Fprintf(&sb, "@@ -%s +%s @@\n", unifiedRange(first.i1, last.i2), unifiedRange(first.j1, last.j2))
		for _, c := range g {
			if c.equal {
				writeLines(&sb, ' ', al[c.i1:c.i2])
				continue
			}
			writeLines(&sb, '-', al[c.i1:c.i2])
			writeLines(&sb, '+', bl[c.j1:c.j2])
		}
	}
	_, err = io.WriteString(w, sb.String())
	return err
}

// splitLines splits a text after each line end; a last line without one
// is a line too.
func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	lines := strings.SplitAfter(s, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// writeLines writes lines with their prefix; a line without a line end
// (the last of a file that has none) is followed by the marker diff
// writes for it.
func writeLines(sb *strings.Builder, prefix byte, lines []string) {
	for _, l := range lines {
		sb.WriteByte(prefix)
		sb.WriteString(l)
		if !strings.HasSuffix(l, "\n") {
			sb.WriteString("\n\\ No newline at end of file\n")
		}
	}
}

// lineOpcodes matches the lines al and bl and returns the runs that
// cover both, every change between two equal runs joined into one. The
// lines both texts begin and end with are equal runs as they stand (a
// Myers diff finds them first too); only the lines between go to go-diff,
// each as one rune that names its line.
func lineOpcodes(al, bl []string) ([]opcode, error) {
	n, m := len(al), len(bl)
	pre := 0
	for pre < n && pre < m && al[pre] == bl[pre] {
		pre++
	}
	suf := 0
	for suf < n-pre && suf < m-pre && al[n-1-suf] == bl[m-1-suf] {
		suf++
	}
	var ops []opcode
	if pre > 0 {
		ops = append(ops, opcode{equal: true, i2: pre, j2: pre})
	}
	i, j := pre, pre
	if mid := n - pre - suf + m - pre - suf; mid > maxLineIDs {
		ops = append(ops, opcode{i1: i, i2: n - suf, j1: j, j2: m - suf})
		i, j = n-suf, m-suf
	} else if mid > 0 {
		ids := make(map[string]rune, mid)
		ra, rb := make([]rune, n-pre-suf), make([]rune, m-pre-suf)
		for k, l := range al[pre : n-suf] {
			ra[k] = lineID(ids, l)
		}
		for k, l := range bl[pre : m-suf] {
			rb[k] = lineID(ids, l)
		}
		dmp := diffmatchpatch.New()
		dmp.DiffTimeout = 0 // deterministic: bounded by the input, not the clock
		ops, i, j = appendDiffs(ops, i, j, dmp.DiffMainRunes(ra, rb, false))
	}
	if suf > 0 {
		ops = appendEqual(ops, i, j, suf)
		i, j = i+suf, j+suf
	}
	if i != n || j != m {
		return nil, fmt.Errorf("the line diff covers %d of %d and %d of %d lines", i, n, j, m)
	}
	return ops, nil
}

// appendDiffs adds go-diff's diffs of lines (a rune each) from a's line i
// and b's line j as runs, every change between two equal runs joined into
// one, and returns where they end.
func appendDiffs(ops []opcode, i, j int, diffs []diffmatchpatch.Diff) ([]opcode, int, int) {
	for _, d := range diffs {
		k := utf8.RuneCountInString(d.Text)
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			ops = appendEqual(ops, i, j, k)
			i, j = i+k, j+k
			continue
		case diffmatchpatch.DiffDelete:
			i += k
		case diffmatchpatch.DiffInsert:
			j += k
		}
		if l := len(ops) - 1; l >= 0 && !ops[l].equal {
			ops[l].i2, ops[l].j2 = i, j
		} else {
			start := opcode{}
			if l >= 0 {
				start.i1, start.j1 = ops[l].i2, ops[l].j2
			}
			start.i2, start.j2 = i, j
			ops = append(ops, start)
		}
	}
	return ops, i, j
}

// appendEqual adds k equal lines from a's i and b's j, joined to an equal
// run just before them.
func appendEqual(ops []opcode, i, j, k int) []opcode {
	if l := len(ops) - 1; l >= 0 && ops[l].equal {
		ops[l].i2, ops[l].j2 = i+k, j+k
		return ops
	}
	return append(ops, opcode{equal: true, i1: i, i2: i + k, j1: j, j2: j + k})
}

// maxLineIDs is how many distinct lines runes can name past the
// surrogates (lineID).
const maxLineIDs = utf8.MaxRune + 1 - 0x800

// lineID names a line by a rune of its own: the n-th distinct line is
// rune n, past the surrogates, which go-diff's strings could not carry.
func lineID(ids map[string]rune, l string) rune {
	if id, ok := ids[l]; ok {
		return id
	}
	id := rune(len(ids))
	if id >= 0xD800 {
		id += 0x800
	}
	ids[l] = id
	return id
}

// groupOpcodes groups the runs into hunks with n lines of context, as
// difflib's GetGroupedOpCodes does: an equal run longer than twice the
// context ends one hunk and starts the next. No change, no hunk.
func groupOpcodes(ops []opcode, n int) [][]opcode {
	if len(ops) == 0 || (len(ops) == 1 && ops[0].equal) {
		return nil
	}
	if c := &ops[0]; c.equal {
		c.i1, c.j1 = max(c.i1, c.i2-n), max(c.j1, c.j2-n)
	}
	if c := &ops[len(ops)-1]; c.equal {
		c.i2, c.j2 = min(c.i2, c.i1+n), min(c.j2, c.j1+n)
	}
	var groups [][]opcode
	var group []opcode
	for _, c := range ops {
		if c.equal && c.i2-c.i1 > 2*n {
			group = append(group, opcode{equal: true, i1: c.i1, i2: min(c.i2, c.i1+n), j1: c.j1, j2: min(c.j2, c.j1+n)})
			groups = append(groups, group)
			group = nil
			c.i1, c.j1 = max(c.i1, c.i2-n), max(c.j1, c.j2-n)
		}
		group = append(group, c)
	}
	if len(group) > 0 && !(len(group) == 1 && group[0].equal) {
		groups = append(groups, group)
	}
	return groups
}

// unifiedRange is a hunk header's range: the first line (1-based) and the
// count, the count left out when it is 1, and an empty range named by
// the line before it.
func unifiedRange(start, stop int) string {
	first, length := start+1, stop-start
	if length == 1 {
		return fmt.Sprint(first)
	}
	if length == 0 {
		first--
	}
	return fmt.Sprintf("%d,%d", first, length)
}
