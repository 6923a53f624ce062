package fix

import (
	"errors"

	"golang.org/x/sys/unix"
)

// swap exchanges the files at a and b in one step (renameat2 with
// RENAME_EXCHANGE): each name holds the other's file afterwards, and
// neither is ever missing. It returns errors.ErrUnsupported where the file
// system cannot (EINVAL) or the kernel is older (ENOSYS).
func swap(a, b string) error {
	err := unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
	if errors.Is(err, unix.EINVAL) || errors.Is(err, unix.ENOSYS) {
		return errors.ErrUnsupported
	}
	return err
}
