//go:build !unix

package fix

import "testing"

func owner(t *testing.T, name string) (uid, gid int) { return 0, 0 }
