package fix

import (
	"os"
	"strconv"
)

// folderName names an opened folder by its descriptor in /proc/self/fd:
// a path through it reaches the folder that was opened, whatever its path
// leads to now. Without /proc, the folder is named by its path.
func folderName(f *os.File, plain string) (string, error) {
	name := "/proc/self/fd/" + strconv.FormatUint(uint64(f.Fd()), 10)
	a, err1 := os.Stat(name)
	b, err2 := f.Stat()
	if err1 == nil && err2 == nil && os.SameFile(a, b) {
		return name, nil
	}
	return samePlace(f, plain)
}
