package gitfs

import (
	"io"
	"testing"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/cache"
)

// TestDeltaBasesKeys: an object put into the cache is found under the hash
// git gives it, and read back whole.
func TestDeltaBasesKeys(t *testing.T) {
	c := deltaBases{cache.NewObjectLRUDefault()}
	o := &plumbing.MemoryObject{}
	o.SetType(plumbing.BlobObject)
	if _, err := o.Write([]byte("第1条　甲\n")); err != nil {
		t.Fatal(err)
	}
	// git hash-object of the same bytes
	want := plumbing.NewHash("d27f3eb51d9cea2f61c565c172e6460c66e0d150")
	c.Put(o)
	got, ok := c.Get(want)
	if !ok {
		t.Fatal("the object is not found under its hash")
	}
	if got.Hash() != want || got.Type() != plumbing.BlobObject {
		t.Errorf("found %s %s", got.Type(), got.Hash())
	}
	r, _ := got.Reader()
	if b, _ := io.ReadAll(r); string(b) != "第1条　甲\n" {
		t.Errorf("read back %q", b)
	}
}
