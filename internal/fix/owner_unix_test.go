//go:build unix

package fix

import (
	"os"
	"syscall"
	"testing"
)

func owner(t *testing.T, name string) (uid, gid int) {
	t.Helper()
	fi, err := os.Stat(name)
	if err != nil {
		t.Fatal(err)
	}
	st := fi.Sys().(*syscall.Stat_t)
	return int(st.Uid), int(st.Gid)
}
