// Package example holds the embedded example: the policy of みどり野市, a
// fictional city, with three tiers, seven committees and a git history of
// several revisions. The files under repo/ are the latest state; history.yaml
// says how they got there, commit by commit.
package example

import (
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

//go:embed all:repo history.yaml
var files embed.FS

// Files is the latest state of the example repository.
func Files() fs.FS {
	sub, err := fs.Sub(files, "repo")
	if err != nil {
		panic(err) // the embed pattern guarantees the directory
	}
	return sub
}

// Script is history.yaml.
type Script struct {
	Author    Person     `yaml:"author"`
	Revisions []Revision `yaml:"revisions"`
	Drafts    []Commit   `yaml:"drafts"`
}

// Person is a commit author.
type Person struct {
	Name  string `yaml:"name"`
	Email string `yaml:"email"`
}

// Revision is one revision of the policy: its id (the effective date), its
// kind, and the commits that prepared it.
type Revision struct {
	ID      string   `yaml:"id"`
	Kind    string   `yaml:"kind"`
	Commits []Commit `yaml:"commits"`
}

// Commit is one commit of the history.
type Commit struct {
	Date    time.Time `yaml:"date"`
	Message string    `yaml:"message"`
	Edits   []Edit    `yaml:"edits"`
	// Renumber is set for a commit made with policyctl renumber: Edits
	// are what the editor typed (an inserted article numbered 第?条), and
	// Renumbered what renumber changed then. The demo runs renumber on the
	// typed files and refuses to build unless it changes exactly that.
	Renumber   bool   `yaml:"renumber"`
	Renumbered []Edit `yaml:"renumbered"`
}

// Edit replaces Old by New in File, or creates File.
type Edit struct {
	File   string `yaml:"file"`
	Old    string `yaml:"old"`
	New    string `yaml:"new"`
	Create bool   `yaml:"create"`
}

// Step is the repository after one commit.
type Step struct {
	Commit Commit
	// Revision is the revision the commit belongs to; nil for a draft.
	Revision *Revision
	// Last reports whether this is the revision's last commit.
	Last bool
	// Files is the whole tree after the commit.
	Files map[string][]byte
	// Typed is, for a commit made with renumber, the tree as the editor
	// typed it, before renumbering; nil otherwise.
	Typed map[string][]byte
}

// LoadScript reads history.yaml.
func LoadScript() (*Script, error) {
	data, err := files.ReadFile("history.yaml")
	if err != nil {
		return nil, err
	}
	var s Script
	if err := yaml.Unmarshal(data, &s); err != nil {
		return nil, fmt.Errorf("example: history.yaml: %w", err)
	}
	return &s, nil
}

// Steps replays the history: it undoes every edit from the latest state to
// find the first tree, then applies the edits forward, one step per commit.
func Steps() ([]Step, error) {
	s, err := LoadScript()
	if err != nil {
		return nil, err
	}
	type ref struct {
		c    Commit
		rev  *Revision
		last bool
	}
	var commits []ref
	for i := range s.Revisions {
		r := &s.Revisions[i]
		for j, c := range r.Commits {
			commits = append(commits, ref{c, r, j == len(r.Commits)-1})
		}
	}
	for _, c := range s.Drafts {
		commits = append(commits, ref{c: c})
	}
	state := map[string][]byte{}
	if err := fs.WalkDir(Files(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(Files(), p)
		state[p] = b
		return err
	}); err != nil {
		return nil, err
	}
	created := map[string][]byte{}
	for i := len(commits) - 1; i >= 0; i-- {
		edits := append(append([]Edit(nil), commits[i].c.Edits...), commits[i].c.Renumbered...)
		for j := len(edits) - 1; j >= 0; j-- {
			e := edits[j]
			if e.Create {
				created[e.File] = state[e.File]
				delete(state, e.File)
				continue
			}
			b, err := replaceOnce(state[e.File], e.New, e.Old)
			if err != nil {
				return nil, fmt.Errorf("example: undoing %q in %s: %w", commits[i].c.Message, e.File, err)
			}
			state[e.File] = b
		}
	}
	var steps []Step
	for _, c := range commits {
		apply := func(edits []Edit) error {
			for _, e := range edits {
				if e.Create {
					state[e.File] = created[e.File]
					continue
				}
				b, err := replaceOnce(state[e.File], e.Old, e.New)
				if err != nil {
					return fmt.Errorf("example: applying %q to %s: %w", c.c.Message, e.File, err)
				}
				state[e.File] = b
			}
			return nil
		}
		if err := apply(c.c.Edits); err != nil {
			return nil, err
		}
		step := Step{Commit: c.c, Revision: c.rev, Last: c.last}
		if c.c.Renumber {
			step.Typed = snapshot(state)
			if err := apply(c.c.Renumbered); err != nil {
				return nil, err
			}
		}
		step.Files = snapshot(state)
		steps = append(steps, step)
	}
	return steps, nil
}

func snapshot(state map[string][]byte) map[string][]byte {
	snap := make(map[string][]byte, len(state))
	for k, v := range state {
		snap[k] = v
	}
	return snap
}

func replaceOnce(b []byte, old, new string) ([]byte, error) {
	if b == nil {
		return nil, fmt.Errorf("the file does not exist at this point")
	}
	if n := strings.Count(string(b), old); n != 1 {
		return nil, fmt.Errorf("%q occurs %d times, want exactly once", firstLine(old), n)
	}
	return []byte(strings.Replace(string(b), old, new, 1)), nil
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i] + "…"
	}
	return s
}

// Paths returns the sorted paths of a step's files.
func (s Step) Paths() []string {
	ps := make([]string, 0, len(s.Files))
	for p := range s.Files {
		ps = append(ps, p)
	}
	sort.Strings(ps)
	return ps
}
