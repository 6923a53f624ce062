// Package atomicfile writes a file through a temporary file in the same
// folder and a rename, so a reader never sees half a file and a failure
// leaves the previous file as it was.
package atomicfile

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/policyctl/policyctl/internal/i18n"
)

// Write writes data to path atomically. A file that was there keeps its
// mode; a new one gets 0666 less the process's umask, as a file the shell
// creates does — a 新旧対照表 of internal text is not made readable by
// others where the user's umask or the file's mode said otherwise.
func Write(path string, data []byte) error {
	dir := filepath.Dir(path)
	mode := fs.FileMode(0)
	if fi, err := os.Stat(path); err == nil && fi.Mode().IsRegular() {
		mode = fi.Mode().Perm()
	}
	perm := fs.FileMode(0o666)
	if mode != 0 {
		perm = mode // the umask can only narrow it; Chmod below sets it
	}
	tmp, err := create(dir, perm)
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
	// The mode is set before a byte is written: a 0600 file's text is
	// never readable by others, not even for a moment.
	if mode != 0 {
		if err := tmp.Chmod(mode); err != nil {
			tmp.Close()
			return err
		}
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// create makes a new temporary file in dir with mode perm, which the
// system narrows by the umask (os.CreateTemp's 0600 would hide the umask).
func create(dir string, perm fs.FileMode) (*os.File, error) {
	for range 100 {
		var b [8]byte
		_, _ = rand.Read(b[:])
		f, err := os.OpenFile(filepath.Join(dir, ".policyctl-"+hex.EncodeToString(b[:])), os.O_RDWR|os.O_CREATE|os.O_EXCL, perm)
		if !errors.Is(err, fs.ErrExist) {
			return f, err
		}
	}
	return nil, fmt.Errorf("%s: no free name for a temporary file", dir)
}
