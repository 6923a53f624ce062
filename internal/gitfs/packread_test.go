package gitfs

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-git/go-billy/v5/memfs"
	"github.com/go-git/go-billy/v5/osfs"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/cache"
	"github.com/go-git/go-git/v5/plumbing/format/idxfile"
	"github.com/go-git/go-git/v5/storage/filesystem"

	"github.com/policyctl/policyctl/internal/gittest"
)

// TestPackObjectsAsGoGit reads every object of packed repositories with
// packObjects and with go-git, and wants the same type and bytes: small
// and large blobs in long histories of small edits, packed by git with
// offset deltas, with deltas naming their base by hash, and with chains
// as deep as git writes them.
func TestPackObjectsAsGoGit(t *testing.T) {
	g := gittest.New(t)
	var small, medium, large []byte
	for i := range 40 {
		small = fmt.Appendf(small, "第%d条　職員は情報資産を管理する。\n", i)
		medium = bytes.Repeat([]byte(fmt.Sprintf("(%d) 対策基準の項目。\n", i)), 2000)
		large = append(large, bytes.Repeat([]byte(fmt.Sprintf("%d 実施手順の行。\n", i)), 400)...)
		g.Commit(gittest.Commit{Files: map[string][]byte{
			"policy/a.md":          small,
			"policy/b.md":          medium,
			"policy/c.md":          large,
			fmt.Sprintf("x/%d", i): []byte("x"),
		}})
	}
	for _, repack := range [][]string{
		{"gc", "-q"},
		{"-c", "repack.usedeltabaseoffset=false", "repack", "-q", "-a", "-d", "-f"},
		{"repack", "-q", "-a", "-d", "-f", "--depth=250", "--window=250"},
	} {
		t.Run(strings.Join(repack, " "), func(t *testing.T) {
			g.RunGit(repack...)
			dotgit := osfs.New(filepath.Join(g.Dir, ".git"))
			// Held in memory, and read from the file (nothing held).
			for _, held := range []int64{maxPacksInMemory, 0} {
				p, err := openPacks(&packsInMemory{Filesystem: dotgit, held: maxPacksInMemory - held})
				if err != nil || len(p.packs) != 1 || (p.packs[0].data == nil) != (held == 0) {
					t.Fatalf("%d packs, %v", len(p.packs), err)
				}
				ref := filesystem.NewStorage(dotgit, cache.NewObjectLRUDefault())
				deltas := 0
				for _, pk := range p.packs {
					entries, err := pk.idx.Entries()
					if err != nil {
						t.Fatal(err)
					}
					for {
						e, err := entries.Next()
						if err == io.EOF {
							break
						}
						if err != nil {
							t.Fatal(err)
						}
						if typ, _, _, _ := objectHeader(pk.window(int64(e.Offset), 32), 0); typ == plumbing.OFSDeltaObject || typ == plumbing.REFDeltaObject {
							deltas++
						}
						typ, got, _, ok, _ := p.read(e.Hash)
						if !ok {
							t.Fatalf("%s was not read", e.Hash)
						}
						o, err := ref.EncodedObject(plumbing.AnyObject, e.Hash)
						if err != nil {
							t.Fatal(err)
						}
						r, _ := o.Reader()
						want, _ := io.ReadAll(r)
						if typ != o.Type() || !bytes.Equal(got, want) {
							t.Fatalf("%s: read %s of %d bytes, go-git %s of %d", e.Hash, typ, len(got), o.Type(), len(want))
						}
						if h := plumbing.ComputeHash(typ, got); h != e.Hash {
							t.Fatalf("%s: the bytes read hash to %s", e.Hash, h)
						}
					}
				}
				if deltas < 50 {
					t.Errorf("only %d deltas: the pack does not test delta resolution", deltas)
				}
			}
		})
	}
}

// TestPackObjectsBroken: a pack whose bytes are damaged is never read
// into something go-git would not read from it — every object is either
// its own bytes, what go-git reads, or not read here (and left to go-git,
// which says what is wrong).
func TestPackObjectsBroken(t *testing.T) {
	g := gittest.New(t)
	var text []byte
	for i := range 20 {
		text = fmt.Appendf(text, "第%d条　職員は情報資産を管理する。\n", i)
		g.Commit(gittest.Commit{Files: map[string][]byte{"a.md": text}})
	}
	g.RunGit("gc", "-q")
	packDir := filepath.Join(g.Dir, ".git", "objects", "pack")
	ents, _ := os.ReadDir(packDir)
	files := map[string][]byte{}
	var packName string
	for _, e := range ents {
		b, err := os.ReadFile(filepath.Join(packDir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		files["objects/pack/"+e.Name()] = b
		if strings.HasSuffix(e.Name(), ".pack") {
			packName = "objects/pack/" + e.Name()
		}
	}
	pristine := files[packName]
	read := 0
	for i := 12; i < len(pristine)-20; i += 5 {
		damaged := bytes.Clone(pristine)
		damaged[i] ^= 0x5a
		mfs := memfs.New()
		for name, b := range files {
			if name == packName {
				b = damaged
			}
			f, _ := mfs.Create(name)
			f.Write(b)
			f.Close()
		}
		// Every other damage is read from the file, the others from memory.
		p, err := openPacks(&packsInMemory{Filesystem: mfs, held: maxPacksInMemory * int64(i%2)})
		if err != nil || len(p.packs) != 1 {
			t.Fatalf("%d packs, %v", len(p.packs), err)
		}
		ref := filesystem.NewStorage(mfs, cache.NewObjectLRUDefault())
		entries, _ := p.packs[0].idx.Entries()
		for {
			e, err := entries.Next()
			if err != nil {
				break
			}
			typ, b, _, ok, _ := p.read(e.Hash)
			if !ok || plumbing.ComputeHash(typ, b) == e.Hash {
				continue
			}
			read++
			o, err := ref.EncodedObject(plumbing.AnyObject, e.Hash)
			if err != nil {
				t.Fatalf("byte %d damaged: %s read as %d bytes that are not it, where go-git says %v", i, e.Hash, len(b), err)
			}
			r, _ := o.Reader()
			want, _ := io.ReadAll(r)
			if o.Type() != typ || !bytes.Equal(b, want) {
				t.Fatalf("byte %d damaged: %s read as %d bytes, go-git reads %d", i, e.Hash, len(b), len(want))
			}
		}
	}
	t.Logf("%d objects read as go-git reads them, not as they were", read)
}

// FuzzPackObject reads an object from any bytes: no panic, memory taken
// only as a stream gives bytes (not for the size a header claims), and an
// object read whole is the size its header says.
func FuzzPackObject(f *testing.F) {
	blob := "\x33\x78\x9c\x4b\x4c\x4a\x06\x00\x02\x4d\x01\x27" // the blob "abc"
	f.Add([]byte(blob), uint16(0))
	f.Add([]byte(blob+"\x67\x0c"+string(zlibOf("\x03\x05\x90\x03\x02de"))), uint16(12)) // "abcde", a delta on it
	f.Add([]byte("PACK\x00\x00\x00\x02\x00\x00\x00\x01\x95\x0a"), uint16(12))
	f.Fuzz(func(t *testing.T, data []byte, off uint16) {
		p := &packObjects{bases: cache.NewObjectLRU(cache.MiByte)}
		pk := &packData{data: data, size: int64(len(data)), idx: indexAll(t, min(len(data), 512))}
		typ, b, _, _, err := p.object(pk, int64(off), 0)
		if err != nil {
			return
		}
		if h, size, _, _ := objectHeader(data, int64(off)); h == typ && int64(len(b)) != size {
			t.Fatalf("read %d bytes of a %s of %d", len(b), typ, size)
		}
	})
}

func zlibOf(s string) []byte {
	var b bytes.Buffer
	w := zlib.NewWriter(&b)
	w.Write([]byte(s))
	w.Close()
	return b.Bytes()
}

// TestPackObjectSeeds: the fuzzer's seeds are what they say.
func TestPackObjectSeeds(t *testing.T) {
	blob := "\x33\x78\x9c\x4b\x4c\x4a\x06\x00\x02\x4d\x01\x27"
	data := []byte(blob + "\x67\x0c" + string(zlibOf("\x03\x05\x90\x03\x02de")))
	p := &packObjects{bases: cache.NewObjectLRU(cache.MiByte)}
	pk := &packData{data: data, size: int64(len(data)), idx: indexAll(t, len(data))}
	for off, want := range map[int64]string{0: "abc", 12: "abcde"} {
		typ, b, _, _, err := p.object(pk, off, 0)
		if err != nil || typ != plumbing.BlobObject || string(b) != want {
			t.Errorf("at %d: %s %q %v, want the blob %q", off, typ, b, err, want)
		}
	}
}

// indexAll is an index that names an object at each of the first n
// offsets, so that any offset can be a delta's base.
func indexAll(t testing.TB, n int) *idxfile.MemoryIndex {
	w := new(idxfile.Writer)
	w.OnHeader(uint32(n))
	for i := range n {
		w.Add(testHash(fmt.Sprintf("f%x", i)), uint64(i), 0)
	}
	w.OnFooter(plumbing.ZeroHash)
	idx, err := w.Index()
	if err != nil {
		t.Fatal(err)
	}
	return idx
}

func testHash(s string) plumbing.Hash { return plumbing.NewHash(fmt.Sprintf("%040s", s)) }

// TestPackedObjectType: an object read from a pack in memory and asked for
// as another type is not found, as go-git answers.
func TestPackedObjectType(t *testing.T) {
	g := gittest.New(t)
	g.Commit(gittest.Commit{Files: map[string][]byte{"a.md": []byte("第1条　甲\n")}})
	g.RunGit("gc", "-q")
	r, err := Open(g.Dir)
	if err != nil {
		t.Fatal(err)
	}
	c, err := Resolve(r, "HEAD")
	if err != nil {
		t.Fatal(err)
	}
	tree, _ := c.Tree()
	e, err := tree.FindEntry("a.md")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.BlobObject(e.Hash); err != nil {
		t.Fatalf("the blob: %v", err)
	}
	if _, err := r.TreeObject(e.Hash); !errors.Is(err, plumbing.ErrObjectNotFound) {
		t.Errorf("a blob asked for as a tree: %v", err)
	}
	if _, ok := r.Storer.(*pooledStorer); !ok || r.Storer.(*pooledStorer).packs == nil || len(r.Storer.(*pooledStorer).packs.packs) != 1 {
		t.Error("the pack was not read from memory: the test tests go-git")
	}
}
