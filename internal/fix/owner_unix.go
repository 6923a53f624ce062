//go:build unix

package fix

import (
	"errors"
	"io/fs"
	"os"
	"syscall"
)

// keepOwner gives the new file f the owner and group of the file it
// replaces (info), where the user may: run as root, fix would otherwise
// leave an editor's files owned by root. A user who may not (another
// owner's file in a folder they can write to) gets the file as their own,
// as any editor saving it would.
func keepOwner(f *os.File, info fs.FileInfo) error {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok || int(st.Uid) == os.Geteuid() && int(st.Gid) == os.Getegid() {
		return nil
	}
	if err := f.Chown(int(st.Uid), int(st.Gid)); err != nil && !errors.Is(err, fs.ErrPermission) {
		return err
	}
	return nil
}
