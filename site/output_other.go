//go:build !linux

package site

// exchange puts tmp in place of dst. Without an atomic exchange the old
// folder is renamed aside first: dst is missing for the moment between two
// renames.
func exchange(tmp, dst string) (string, error) { return renameAside(tmp, dst) }

// lockDir does not lock where flock is not available: run one build at a
// time.
func lockDir(dir string) (func(), bool, error) { return func() {}, false, nil }
