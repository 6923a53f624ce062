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
func writeUnified(w io.Writer, from, to, a, b string) error {
	al, bl := splitLines(a), splitLines(b)
	ops, err := lineOpcodes(a, b, len(al), len(bl))
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

// lineOpcodes matches the lines of a and b (n and m lines) and returns
// the runs that cover both, every change between two equal runs joined
// into one.
func lineOpcodes(a, b string, n, m int) ([]opcode, error) {
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0 // deterministic: bounded by the input, not the clock
	ra, rb, _ := dmp.DiffLinesToRunes(a, b)
	var ops []opcode
	i, j := 0, 0
	for _, d := range dmp.DiffMainRunes(ra, rb, false) {
		k := utf8.RuneCountInString(d.Text)
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			ops = append(ops, opcode{equal: true, i1: i, i2: i + k, j1: j, j2: j + k})
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
	if i != n || j != m {
		return nil, fmt.Errorf("the line diff covers %d of %d and %d of %d lines", i, n, j, m)
	}
	return ops, nil
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
