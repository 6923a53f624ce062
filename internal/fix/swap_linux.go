package fix

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// swap exchanges the files at a and b in one step (renameat2 with
// RENAME_EXCHANGE): each name holds the other's file afterwards, and
// neither is ever missing. It returns errors.ErrUnsupported where the file
// system cannot (EINVAL, as NFS, CIFS and FUSE say it; EOPNOTSUPP), the
// kernel is older (ENOSYS) or a seccomp filter refuses the call (EPERM):
// the second way, a link and a rename, then runs into any real refusal
// again.
func swap(a, b string) error {
	err := unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
	if errors.Is(err, unix.EINVAL) || errors.Is(err, unix.ENOSYS) || errors.Is(err, unix.EOPNOTSUPP) || errors.Is(err, unix.EPERM) {
		return errors.ErrUnsupported
	}
	return err
}

// startWriteback starts writing a new file's data to disk, without
// waiting for it. ext4 and btrfs do this themselves for a rename over an
// existing file (ext4's auto_da_alloc), so that a crash just after never
// leaves the name holding an empty file; for an exchange they do not, and
// the swap would lose that. It is advice: an error changes nothing.
func startWriteback(f *os.File) {
	if c, err := f.SyscallConn(); err == nil {
		_ = c.Control(func(fd uintptr) {
			_ = unix.SyncFileRange(int(fd), 0, 0, unix.SYNC_FILE_RANGE_WRITE)
		})
	}
}
