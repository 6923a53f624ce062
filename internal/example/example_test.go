package example

import (
	"io/fs"
	"testing"
)

func TestStepsReplayToTheLatestState(t *testing.T) {
	steps, err := Steps()
	if err != nil {
		t.Fatal(err)
	}
	last := steps[len(steps)-1]
	n := 0
	err = fs.WalkDir(Files(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		n++
		b, _ := fs.ReadFile(Files(), p)
		if string(last.Files[p]) != string(b) {
			t.Errorf("%s: the replayed history does not end at the embedded file", p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n != len(last.Files) {
		t.Errorf("replay ends with %d files, the example has %d", len(last.Files), n)
	}
	// The first tree is not the last: the history really changes things.
	if string(steps[0].Files["policy/basic-policy.md"]) == string(last.Files["policy/basic-policy.md"]) {
		t.Error("the basic policy never changes")
	}
	if _, ok := steps[0].Files["policy/procedures/removable-media.md"]; ok {
		t.Error("removable-media.md is created in 2024 and must not exist at first")
	}
}

func TestScriptShape(t *testing.T) {
	s, err := LoadScript()
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Revisions) < 4 {
		t.Fatalf("%d revisions, want at least 4", len(s.Revisions))
	}
	years := map[int]bool{}
	var prev string
	for _, r := range s.Revisions {
		if len(r.Commits) < 2 {
			t.Errorf("revision %s has %d commits", r.ID, len(r.Commits))
		}
		for _, c := range r.Commits {
			years[c.Date.Year()] = true
			if d := c.Date.Format("2006-01-02"); d > r.ID || d < prev {
				t.Errorf("commit %q dated %s is not between revisions %s and %s", c.Message, d, prev, r.ID)
			}
		}
		prev = r.ID
	}
	if len(years) < 4 {
		t.Errorf("commits span %d years", len(years))
	}
	if len(s.Drafts) == 0 {
		t.Error("the example needs an unapproved draft after the last revision")
	}
}
