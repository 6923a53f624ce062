package policy

import (
	"strconv"
	"strings"
	"unicode"
)

// slugger makes heading IDs the way GitHub does (github-slugger): lower-case,
// everything but letters, marks, numbers, "-", "_" and spaces dropped, spaces
// turned into "-", and "-1", "-2" … appended to repeats. Japanese characters
// are letters and stay.
type slugger struct {
	seen map[string]bool
	next map[string]int // the next suffix to try for a base, so repeats stay linear
}

func newSlugger() slugger { return slugger{seen: map[string]bool{}, next: map[string]int{}} }

// Slug returns the GitHub-style ID of a heading text, without de-duplication.
func Slug(text string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(text) {
		switch {
		case r == ' ':
			b.WriteByte('-')
		case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

func (s slugger) slug(text string) string { return s.unique(Slug(text)) }

func (s slugger) unique(base string) string {
	id := base
	for s.seen[id] {
		s.next[base]++
		id = base + "-" + strconv.Itoa(s.next[base])
	}
	s.seen[id] = true
	return id
}

func (s slugger) reserve(id string) { s.seen[id] = true }
