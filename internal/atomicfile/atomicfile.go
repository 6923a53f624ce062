// Package atomicfile writes a file through a temporary file in the same
// folder and a rename, so a reader never sees half a file and a failure
// leaves the previous file as it was.
package atomicfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/policyctl/policyctl/internal/i18n"
)

// Write writes data to path atomically, with mode 0644.
func Write(path string, data []byte) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, ".policyctl-*")
	switch {
	case errors.Is(err, fs.ErrNotExist):
		// Not the temporary file's name: the reader named path.
		return i18n.Errorf("%s: the folder %s does not exist: create it first (mkdir -p %s) or name a file in a folder that exists", path, dir, dir)
	case errors.Is(err, fs.ErrPermission):
		return i18n.Errorf("%s: no permission to write in the folder %s: name a file in a folder you can write to", path, dir)
	case err != nil:
		return fmt.Errorf("%s: %w", path, err)
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
