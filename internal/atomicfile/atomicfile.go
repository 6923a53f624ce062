// Package atomicfile writes a file through a temporary file in the same
// folder and a rename, so a reader never sees half a file and a failure
// leaves the previous file as it was.
package atomicfile

import (
	"os"
	"path/filepath"
)

// Write writes data to path atomically, with mode 0644.
func Write(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".policyctl-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
