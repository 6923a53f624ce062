//go:build !linux

package fix

import (
	"errors"
	"os"
)

// swap is Linux's RENAME_EXCHANGE elsewhere: not available, so Write
// keeps a second name of each old file instead.
func swap(a, b string) error { return errors.ErrUnsupported }

// startWriteback is needed only for swap: a rename over a file is left to
// the file system's own care.
func startWriteback(*os.File) {}
