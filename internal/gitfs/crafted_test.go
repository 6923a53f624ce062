package gitfs

import (
	"bytes"
	"crypto/sha1"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-git/go-billy/v5"
	"github.com/go-git/go-billy/v5/memfs"
	"github.com/go-git/go-billy/v5/osfs"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/cache"
	"github.com/go-git/go-git/v5/plumbing/format/idxfile"
	"github.com/go-git/go-git/v5/storage/filesystem"
)

// Packs written byte by byte, as no git writes them: what packObjects
// reads from them is what go-git reads, or nothing (left to go-git). Made
// from a helper's review.

// rawObject is one entry of a crafted pack.
type rawObject struct {
	typ     plumbing.ObjectType
	payload []byte        // uncompressed (the delta for a delta)
	base    int           // an offset delta's base: index in the list
	ref     plumbing.Hash // a hash delta's base
	hash    plumbing.Hash // the hash the index lists it under; zero: not listed
}

// craft writes a pack of objs and its index into fs (a new one when nil)
// as objects/pack/<name>.pack and .idx; name "" is pack-<checksum>, as
// git names them.
func craft(t *testing.T, fs billy.Filesystem, name string, objs ...rawObject) billy.Filesystem {
	t.Helper()
	var pack bytes.Buffer
	pack.WriteString("PACK")
	binary.Write(&pack, binary.BigEndian, uint32(2))
	binary.Write(&pack, binary.BigEndian, uint32(len(objs)))
	offs := make([]int64, len(objs))
	for i, o := range objs {
		offs[i] = int64(pack.Len())
		c, size := byte(o.typ)<<4|byte(len(o.payload)&15), len(o.payload)>>4
		for ; size > 0; size >>= 7 {
			pack.WriteByte(c | 0x80)
			c = byte(size & 0x7f)
		}
		pack.WriteByte(c)
		switch o.typ {
		case plumbing.OFSDeltaObject:
			n := offs[i] - offs[o.base]
			b := []byte{byte(n & 0x7f)}
			for n >>= 7; n > 0; n >>= 7 {
				n--
				b = append([]byte{byte(0x80 | n&0x7f)}, b...)
			}
			pack.Write(b)
		case plumbing.REFDeltaObject:
			pack.Write(o.ref[:])
		}
		pack.Write(zlibOf(string(o.payload)))
	}
	sum := sha1.Sum(pack.Bytes())
	pack.Write(sum[:])
	w := new(idxfile.Writer)
	w.OnHeader(uint32(len(objs)))
	for i, o := range objs {
		if !o.hash.IsZero() {
			w.Add(o.hash, uint64(offs[i]), 0)
		}
	}
	w.OnFooter(plumbing.Hash(sum))
	idx, err := w.Index()
	if err != nil {
		t.Fatal(err)
	}
	var ib bytes.Buffer
	if _, err := idxfile.NewEncoder(&ib).Encode(idx); err != nil {
		t.Fatal(err)
	}
	if fs == nil {
		fs = memfs.New()
	}
	if name == "" {
		name = "pack-" + plumbing.Hash(sum).String()
	}
	for n, b := range map[string][]byte{name + ".pack": pack.Bytes(), name + ".idx": ib.Bytes()} {
		f, _ := fs.Create("objects/pack/" + n)
		f.Write(b)
		f.Close()
	}
	return fs
}

// delta is a git delta from a base of srcSize bytes to dstSize bytes.
func delta(srcSize, dstSize int, ops ...byte) []byte {
	var b []byte
	for _, n := range []int{srcSize, dstSize} {
		for ; n >= 0x80; n >>= 7 {
			b = append(b, byte(n)|0x80)
		}
		b = append(b, byte(n))
	}
	return append(b, ops...)
}

func goGitRead(fs billy.Filesystem, h plumbing.Hash) ([]byte, error) {
	st := filesystem.NewStorage(fs, cache.NewObjectLRUDefault())
	o, err := st.EncodedObject(plumbing.AnyObject, h)
	if err != nil {
		return nil, err
	}
	r, err := o.Reader()
	if err != nil {
		return nil, err
	}
	return io.ReadAll(r)
}

// TestCraftedPacksLeftToGoGit: what go-git refuses, packObjects does not
// read — an offset delta whose base the index does not list, an index
// made for another pack, a pack named otherwise than git names them.
func TestCraftedPacksLeftToGoGit(t *testing.T) {
	blob := []byte("hidden content")
	for name, fs := range map[string]billy.Filesystem{
		"an offset delta on an object the index does not list": craft(t, nil, "",
			rawObject{typ: plumbing.BlobObject, payload: blob},
			rawObject{typ: plumbing.OFSDeltaObject, payload: delta(len(blob), len(blob), 0x90, byte(len(blob))), base: 0, hash: testHash("d1")}),
		"an index whose pack is another": craft(t, nil, "pack-"+testHash("1234").String(),
			rawObject{typ: plumbing.BlobObject, payload: blob, hash: testHash("d1")}),
		"a pack named otherwise": craft(t, nil, "pack-tmp",
			rawObject{typ: plumbing.BlobObject, payload: blob, hash: testHash("d1")}),
		"an index made for another pack": indexOfAnother(t, blob),
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := goGitRead(fs, testHash("d1")); err == nil {
				t.Fatal("go-git reads it: the case tests nothing")
			}
			p, err := openPacks(&packsInMemory{Filesystem: fs})
			if err != nil {
				t.Fatal(err)
			}
			if _, b, _, ok, _ := p.read(testHash("d1")); ok {
				t.Errorf("read %q where go-git reads nothing", b)
			}
		})
	}
}

// TestCraftedPacksRead: two packs with objects at the same offsets, each
// read from its own; a chain of 300 deltas, deeper than git writes by
// default, read as go-git reads it; deltas that name each other in a
// circle are an error, never left to go-git, whose stack they overflow.
func TestCraftedPacksRead(t *testing.T) {
	fs := craft(t, nil, "",
		rawObject{typ: plumbing.BlobObject, payload: []byte("aaaa"), hash: testHash("a0")},
		rawObject{typ: plumbing.OFSDeltaObject, payload: delta(4, 5, 0x90, 4, 1, 'Z'), base: 0, hash: testHash("a1")})
	craft(t, fs, "",
		rawObject{typ: plumbing.BlobObject, payload: []byte("bbbb"), hash: testHash("b0")},
		rawObject{typ: plumbing.OFSDeltaObject, payload: delta(4, 5, 0x90, 4, 1, 'Z'), base: 0, hash: testHash("b1")})
	p, err := openPacks(&packsInMemory{Filesystem: fs})
	if err != nil || len(p.packs) != 2 {
		t.Fatalf("%d packs, %v", len(p.packs), err)
	}
	for h, want := range map[plumbing.Hash]string{testHash("a1"): "aaaaZ", testHash("b1"): "bbbbZ", testHash("a0"): "aaaa", testHash("b0"): "bbbb", testHash("a1"): "aaaaZ"} {
		if _, b, _, ok, _ := p.read(h); !ok || string(b) != want {
			t.Errorf("%s: %q %v, want %q", h, b, ok, want)
		}
	}

	chain := []rawObject{{typ: plumbing.BlobObject, payload: []byte("x"), hash: testHash("c0")}}
	for i := 1; i <= 300; i++ {
		src := len(chain[i-1].payload)
		if i > 1 {
			src = 200
		}
		ins := []byte{100}
		ins = append(ins, bytes.Repeat([]byte{byte(i)}, 100)...)
		ins = append(ins, 100)
		ins = append(ins, bytes.Repeat([]byte{byte(i + 1)}, 100)...)
		chain = append(chain, rawObject{typ: plumbing.OFSDeltaObject, payload: delta(src, 200, ins...), base: i - 1, hash: testHash(fmt.Sprintf("c%x", i))})
	}
	fs = craft(t, nil, "", chain...)
	p, _ = openPacks(&packsInMemory{Filesystem: fs})
	tip := testHash(fmt.Sprintf("c%x", 300))
	_, b, _, ok, err := p.read(tip)
	want, gerr := goGitRead(fs, tip)
	if !ok || err != nil || gerr != nil || !bytes.Equal(b, want) {
		t.Errorf("the tip of a chain of 300: %v %v, %d bytes; go-git %d bytes, %v", ok, err, len(b), len(want), gerr)
	}

	fs = craft(t, nil, "",
		rawObject{typ: plumbing.REFDeltaObject, payload: delta(3, 3, 0x90, 3), ref: testHash("e2"), hash: testHash("e1")},
		rawObject{typ: plumbing.REFDeltaObject, payload: delta(3, 3, 0x90, 3), ref: testHash("e1"), hash: testHash("e2")})
	p, _ = openPacks(&packsInMemory{Filesystem: fs})
	if _, _, _, ok, err := p.read(testHash("e1")); ok || !errors.Is(err, ErrDeltaChain) {
		t.Errorf("a circle of deltas: ok=%v, %v", ok, err)
	}
}

// indexOfAnother is a pack named as git names it, whose index was made
// for another pack that lists the same object elsewhere.
func indexOfAnother(t *testing.T, blob []byte) billy.Filesystem {
	fs := craft(t, nil, "", rawObject{typ: plumbing.BlobObject, payload: blob, hash: testHash("d1")})
	other := craft(t, nil, "", rawObject{typ: plumbing.BlobObject, payload: []byte("x")}, rawObject{typ: plumbing.BlobObject, payload: blob, hash: testHash("d1")})
	ents, _ := fs.ReadDir("objects/pack")
	oents, _ := other.ReadDir("objects/pack")
	for _, e := range ents {
		if name, ok := strings.CutSuffix(e.Name(), ".idx"); ok {
			for _, o := range oents {
				if strings.HasSuffix(o.Name(), ".idx") {
					f, _ := other.Open("objects/pack/" + o.Name())
					b, _ := io.ReadAll(f)
					f.Close()
					g, _ := fs.Create("objects/pack/" + name + ".idx")
					g.Write(b)
					g.Close()
				}
			}
		}
	}
	return fs
}

// TestCraftedPackThroughOpen: a folder whose tree is a circle of deltas,
// in a pack whose trailer is damaged too, read through Open as every
// command reads: an error that names the damage — not a missing object,
// and not go-git's stack overflow, which would end the process.
func TestCraftedPackThroughOpen(t *testing.T) {
	dir := t.TempDir()
	e1 := testHash("e1")
	root := append([]byte("40000 approvals\x00"), e1[:]...)
	rootHash := plumbing.ComputeHash(plumbing.TreeObject, root)
	commit := []byte("tree " + rootHash.String() + "\nauthor a <a@example.invalid> 0 +0000\ncommitter a <a@example.invalid> 0 +0000\n\nm\n")
	commitHash := plumbing.ComputeHash(plumbing.CommitObject, commit)
	dotgit := osfs.New(filepath.Join(dir, ".git"))
	craft(t, dotgit, "",
		rawObject{typ: plumbing.CommitObject, payload: commit, hash: commitHash},
		rawObject{typ: plumbing.TreeObject, payload: root, hash: rootHash},
		rawObject{typ: plumbing.REFDeltaObject, payload: delta(3, 3, 0x90, 3), ref: testHash("e2"), hash: testHash("e1")},
		rawObject{typ: plumbing.REFDeltaObject, payload: delta(3, 3, 0x90, 3), ref: testHash("e1"), hash: testHash("e2")})
	ents, _ := dotgit.ReadDir("objects/pack")
	for _, e := range ents {
		if strings.HasSuffix(e.Name(), ".pack") {
			name := filepath.Join(dir, ".git", "objects", "pack", e.Name())
			b, _ := os.ReadFile(name)
			b[len(b)-1] ^= 0xff // the trailer: go-git reads the pack all the same
			os.WriteFile(name, b, 0o644)
		}
	}
	os.WriteFile(filepath.Join(dir, ".git", "HEAD"), []byte("ref: refs/heads/main\n"), 0o644)
	os.MkdirAll(filepath.Join(dir, ".git", "refs", "heads"), 0o755)
	os.WriteFile(filepath.Join(dir, ".git", "refs", "heads", "main"), []byte(commitHash.String()+"\n"), 0o644)
	// Held in memory, and read from the file (nothing held).
	defer func(n int64) { maxPacksInMemory = n }(maxPacksInMemory)
	for _, held := range []int64{maxPacksInMemory, 0} {
		maxPacksInMemory = held
		r, err := Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		c, err := Resolve(r, "HEAD")
		if err != nil {
			t.Fatal(err)
		}
		fsys, err := ForCommit(c)
		if err != nil {
			t.Fatal(err)
		}
		_, err = fs.ReadDir(fsys, "approvals")
		var missing *MissingError
		if !errors.Is(err, ErrDeltaChain) || errors.As(err, &missing) {
			t.Errorf("packs held %d: reading the folder: %v", held, err)
		}
	}
}

// TestCraftedChainDepth: whether a chain is too long does not depend on
// what was read before — a cached object counts the deltas below it.
func TestCraftedChainDepth(t *testing.T) {
	defer func(n int) { maxDeltaChain = n }(maxDeltaChain)
	maxDeltaChain = 200
	chain := []rawObject{{typ: plumbing.BlobObject, payload: []byte("x"), hash: testHash("c0")}}
	for i := 1; i <= maxDeltaChain+5; i++ {
		src := 1
		if i > 1 {
			src = 2
		}
		chain = append(chain, rawObject{typ: plumbing.OFSDeltaObject, payload: delta(src, 2, 2, 'a', 'b'), base: i - 1, hash: testHash(fmt.Sprintf("c%x", i))})
	}
	fs := craft(t, nil, "", chain...)
	tip := testHash(fmt.Sprintf("c%x", maxDeltaChain+5))
	for _, first := range []plumbing.Hash{tip, testHash(fmt.Sprintf("c%x", maxDeltaChain/2))} {
		p, _ := openPacks(&packsInMemory{Filesystem: fs})
		p.read(first)
		if _, _, _, ok, err := p.read(tip); ok || !errors.Is(err, ErrDeltaChain) {
			t.Errorf("the tip of a chain of %d, after reading %s: ok=%v, %v", maxDeltaChain+5, first, ok, err)
		}
		if _, b, _, ok, err := p.read(testHash(fmt.Sprintf("c%x", maxDeltaChain))); !ok || err != nil || string(b) != "ab" {
			t.Errorf("an object %d deltas deep: %q %v %v", maxDeltaChain, b, ok, err)
		}
	}
}

// TestCraftedPackUpperCase: a pack named with upper-case hex is not one
// go-git opens (it asks for pack-<lower case>.pack), so it is not read.
func TestCraftedPackUpperCase(t *testing.T) {
	fs := craft(t, nil, "", rawObject{typ: plumbing.BlobObject, payload: []byte("abc"), hash: testHash("d1")})
	ents, _ := fs.ReadDir("objects/pack")
	for _, e := range ents {
		f, _ := fs.Open("objects/pack/" + e.Name())
		b, _ := io.ReadAll(f)
		f.Close()
		fs.Remove("objects/pack/" + e.Name())
		g, _ := fs.Create("objects/pack/pack-" + strings.ToUpper(strings.TrimPrefix(e.Name(), "pack-")[:40]) + e.Name()[45:])
		g.Write(b)
		g.Close()
	}
	p, _ := openPacks(&packsInMemory{Filesystem: fs})
	if len(p.packs) != 0 {
		t.Errorf("%d packs read", len(p.packs))
	}
}
