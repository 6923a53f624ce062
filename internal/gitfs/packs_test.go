package gitfs

import (
	"bytes"
	"fmt"
	"io"
	"testing"

	"github.com/go-git/go-billy/v5/memfs"
)

// TestPacksInMemory: a pack is read from memory, the same bytes at any
// offset, each opening with its own position; other files, and packs
// beyond the bytes held, are the files themselves.
func TestPacksInMemory(t *testing.T) {
	base := memfs.New()
	write := func(name string, b []byte) {
		f, err := base.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		f.Write(b)
		f.Close()
	}
	data := bytes.Repeat([]byte("PACK0123456789"), 1000)
	write("objects/pack/pack-a.pack", data)
	write("objects/pack/pack-a.idx", []byte("index"))
	p := &packsInMemory{Filesystem: base}
	f1, err := p.Open("objects/pack/pack-a.pack")
	if err != nil {
		t.Fatal(err)
	}
	f2, _ := p.Open("objects/pack/pack-a.pack")
	if _, ok := f1.(*memFile); !ok {
		t.Fatalf("the pack is read from %T", f1)
	}
	if f1.Name() != "objects/pack/pack-a.pack" {
		t.Errorf("name %q", f1.Name())
	}
	f1.Seek(14*500, io.SeekStart)
	b := make([]byte, 14)
	if _, err := io.ReadFull(f1, b); err != nil || string(b) != "PACK0123456789" {
		t.Errorf("read %q %v", b, err)
	}
	if _, err := f2.ReadAt(b, 4); err != nil || string(b) != "0123456789PACK" {
		t.Errorf("read at %q %v", b, err)
	}
	if n, _ := f2.Read(b[:4]); n != 4 || string(b[:4]) != "PACK" {
		t.Errorf("a second opening read %q", b[:4])
	}
	if _, err := f1.Write([]byte("x")); err == nil {
		t.Error("a pack in memory was written")
	}
	if idx, _ := p.Open("objects/pack/pack-a.idx"); fmt.Sprintf("%T", idx) == "*gitfs.memFile" {
		t.Error("an index was read into memory")
	}
	p.held = maxPacksInMemory
	write("objects/pack/pack-b.pack", data)
	if f, _ := p.Open("objects/pack/pack-b.pack"); fmt.Sprintf("%T", f) == "*gitfs.memFile" {
		t.Error("a pack beyond the bytes held was read into memory")
	}
}
