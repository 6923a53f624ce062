package site

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// exchange puts tmp in place of dst. On Linux both exist at every moment:
// renameat2(RENAME_EXCHANGE) swaps them in one step, so a web server
// serving dst never finds it missing. It returns where the old content is
// now (tmp), or "" when there was none.
func exchange(tmp, dst string) (string, error) {
	err := unix.Renameat2(unix.AT_FDCWD, tmp, unix.AT_FDCWD, dst, unix.RENAME_EXCHANGE)
	switch {
	case err == nil:
		return tmp, nil
	case errors.Is(err, unix.ENOENT):
		return "", os.Rename(tmp, dst) // the first build
	case errors.Is(err, unix.EINVAL), errors.Is(err, unix.ENOSYS):
		return renameAside(tmp, dst) // a file system without the exchange
	}
	return "", err
}

// lockDir takes an exclusive lock on dir for one build.
func lockDir(dir string) (func(), error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	if err := unix.Flock(int(f.Fd()), unix.LOCK_EX); err != nil {
		f.Close()
		return nil, err
	}
	return func() {
		_ = unix.Flock(int(f.Fd()), unix.LOCK_UN)
		f.Close()
	}, nil
}
