//go:build !linux

package fix

import "os"

// folderName names an opened folder by its path, which must lead to it:
// only Linux has a name for what was opened (/proc/self/fd).
func folderName(f *os.File, plain string) (string, error) {
	return samePlace(f, plain)
}
