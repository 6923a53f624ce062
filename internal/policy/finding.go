package policy

import "fmt"

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
}
