package policy

import (
	"bytes"
	"fmt"
	"slices"
)

// Severity says whether a finding fails a check.
type Severity int

const (
	Warning Severity = iota
	Error
)

func (s Severity) String() string {
	if s == Error {
		return "error"
	}
	return "warning"
}

// Pos is a place in a repository file. Line and Col count from 1; Col counts
// characters (runes), not bytes, because editors of Japanese text do.
type Pos struct {
	File string
	Line int
	Col  int
}

func (p Pos) String() string {
	switch {
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// A Finding is one problem in the repository: what rule it breaks, where,
// what is wrong and how to fix it. Rules report findings; they never print.
type Finding struct {
	Rule     *Rule
	Severity Severity
	Pos      Pos
	Message  string
	Hint     string
	// Fix is the change that resolves the finding, when it is certain.
	Fix *Fix
}

// A Fix is the change that resolves a finding, as data: policyctl fix
// applies it, check --format json and SARIF show it. A finding carries
// one only when the change is certain; one that needs a person's
// judgement carries none.
type Fix struct {
	// Description says what the fix does, for people.
	Description string
	// Edits are the replacements, in no particular order; they never
	// overlap.
	Edits []Edit
}

// An Edit replaces the bytes Start:End of a file, as it was read (a
// Document's Source), with New.
type Edit struct {
	File       string
	Start, End int
	New        string
}

// Apply makes edits of one file to src, its bytes as read. Edits may come
// in any order; two that overlap, or one outside src, are an error, since
// applying both would lose what one of them meant. Two equal edits count
// once.
func Apply(src []byte, edits []Edit) ([]byte, error) {
	es := slices.Clone(edits)
	slices.SortFunc(es, func(a, b Edit) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return a.End - b.End
	})
	var b bytes.Buffer
	b.Grow(len(src))
	at := 0
	for i, e := range es {
		if i > 0 && e == es[i-1] {
			continue
		}
		if e.Start < at || e.End < e.Start || e.End > len(src) {
			if i > 0 && e.Start < at {
				return nil, fmt.Errorf("%s: edits at bytes %d–%d and %d–%d overlap", e.File, es[i-1].Start, es[i-1].End, e.Start, e.End)
			}
			return nil, fmt.Errorf("%s: edit at bytes %d–%d is outside the file (%d bytes)", e.File, e.Start, e.End, len(src))
		}
		b.Write(src[at:e.Start])
		b.WriteString(e.New)
		at = e.End
	}
	b.Write(src[at:])
	return b.Bytes(), nil
}
