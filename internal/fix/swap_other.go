//go:build !linux

package fix

import "errors"

// swap is Linux's RENAME_EXCHANGE elsewhere: not available, so Write
// keeps a second name of each old file instead.
func swap(a, b string) error { return errors.ErrUnsupported }
