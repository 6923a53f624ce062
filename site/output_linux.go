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

// lockDir takes an exclusive lock on dir for one build. The lock is held
// on the folder that was open when it was granted: a build that waited
// while another removed an empty root it had made would hold the lock of
// a folder no longer there, so it tries again on the folder there now.
//
// made reports whether lockDir itself made the folder again.
func lockDir(dir string) (unlock func(), made bool, err error) {
	for range 8 {
		f, err := os.Open(dir)
		if errors.Is(err, os.ErrNotExist) {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return nil, made, err
			}
			made = true
			continue
		}
		if err != nil {
			return nil, made, err
		}
		if err := unix.Flock(int(f.Fd()), unix.LOCK_EX); err != nil {
			f.Close()
			return nil, made, err
		}
		unlock := func() {
			_ = unix.Flock(int(f.Fd()), unix.LOCK_UN)
			f.Close()
		}
		held, err1 := f.Stat()
		now, err2 := os.Stat(dir)
		if err1 == nil && err2 == nil && os.SameFile(held, now) {
			return unlock, made, nil
		}
		unlock()
		if err2 != nil && !errors.Is(err2, os.ErrNotExist) {
			return nil, made, err2
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, made, err
		}
		made = true
	}
	return nil, made, errors.New("the folder kept being replaced while waiting for its lock")
}
