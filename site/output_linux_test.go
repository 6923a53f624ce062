package site

import (
	"os"
	"path/filepath"
	"testing"
)

// TestLockAfterRemovedRoot: a build that made the output root and failed
// removes it; a second build waiting for the lock then holds the lock of
// the folder that exists, not of the removed one, whatever the order in
// which the two got there.
func TestLockAfterRemovedRoot(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	first, err := openOutput(dir)
	if err != nil {
		t.Fatal(err)
	}
	type result struct {
		o   *output
		err error
	}
	done := make(chan result)
	go func() {
		o, err := openOutput(dir)
		done <- result{o, err}
	}()
	first.close() // removes the empty root it made, then unlocks
	r := <-done
	if r.err != nil {
		t.Fatal(r.err)
	}
	defer r.o.close()
	if err := os.WriteFile(filepath.Join(dir, "probe"), nil, 0o644); err != nil {
		t.Fatalf("the second build's root is not there: %v", err)
	}
	defer os.Remove(filepath.Join(dir, "probe"))
}
