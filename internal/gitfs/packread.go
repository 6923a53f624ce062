package gitfs

import (
	"bufio"
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/cache"
	"github.com/go-git/go-git/v5/plumbing/format/idxfile"
	"github.com/go-git/go-git/v5/plumbing/format/packfile"
)

// packObjects reads objects from a repository's pack files — from memory
// where they are held (packsInMemory), else from the files — resolving
// deltas itself, with a cache of delta bases keyed by an object's place in
// its pack. go-git's cache keys an object by
// its hash, which it asks of every object it is given and computes then
// (SHA-1 with collision detection over the content), though the object
// was found by that very hash: with the position as the key nothing is
// hashed. An object this reader cannot read — loose, in another object
// folder, or anything it does not expect — is read by go-git, which says
// what is wrong with it; TestPackObjectsAsGoGit holds the two to the same
// bytes for every object of packed repositories.
type packObjects struct {
	packs []*packData
	bases *cache.ObjectLRU // keyed by baseKey
}

// packData is one pack file and its index: its bytes when they are held
// in memory, or the file to read them from (a pack beyond what is held).
type packData struct {
	n    int // its place among the packs, for baseKey
	data []byte
	file io.ReaderAt
	size int64
	idx  *idxfile.MemoryIndex
}

// window is up to n bytes of the pack from off: enough for an object's
// header and its base's offset or hash.
func (pk *packData) window(off, n int64) []byte {
	if off < 0 || off >= pk.size {
		return nil
	}
	n = min(n, pk.size-off)
	if pk.data != nil {
		return pk.data[off : off+n]
	}
	b := make([]byte, n)
	k, _ := pk.file.ReadAt(b, off)
	return b[:k]
}

// stream reads the pack from pos on.
func (pk *packData) stream(pos int64) io.Reader {
	if pk.data != nil {
		return bytes.NewReader(pk.data[pos:])
	}
	return bufio.NewReader(io.NewSectionReader(pk.file, pos, pk.size-pos))
}

// maxDeltaChain is the longest chain of deltas followed: git writes at most
// 50 (pack.depth) by default and 4,095 at most; a longer one is a broken
// or hostile pack (ErrDeltaChain). A variable for the tests.
var maxDeltaChain = 10000

// openPacks finds the packs of a repository's object folder, with their
// indexes.
func openPacks(files *packsInMemory) (*packObjects, error) {
	dir := "objects/pack"
	ents, err := files.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	p := &packObjects{bases: cache.NewObjectLRU(64 * cache.MiByte)}
	for _, e := range ents {
		// Only the packs go-git reads: pack-<its checksum>.pack, as git
		// names them, with the index made for it. Any other is left to
		// go-git, which ignores it or says what is wrong. A pack whose
		// own bytes are damaged is read here, as go-git would read it:
		// each object's stream is checked, and a chain of deltas that
		// never ends is an error here, where go-git's stack overflows.
		name, ok := strings.CutSuffix(e.Name(), ".idx")
		sum, okName := strings.CutPrefix(name, "pack-")
		if !ok || !okName || !plumbing.IsHash(sum) || plumbing.NewHash(sum).IsZero() || plumbing.NewHash(sum).String() != sum {
			continue
		}
		pk := &packData{n: len(p.packs)}
		if pk.data, err = files.pack(path.Join(dir, name+".pack")); err != nil {
			continue
		}
		if pk.size = int64(len(pk.data)); pk.data == nil {
			// Beyond what is held in memory: read from the file, which
			// stays open while the repository is read, as go-git keeps it.
			f, err := files.Filesystem.Open(path.Join(dir, name+".pack"))
			if err != nil {
				continue
			}
			fi, err := files.Filesystem.Stat(path.Join(dir, name+".pack"))
			if err != nil {
				f.Close()
				continue
			}
			pk.file, pk.size = f, fi.Size()
		}
		f, err := files.Open(path.Join(dir, e.Name()))
		if err != nil {
			continue
		}
		idx := idxfile.NewMemoryIndex()
		err = idxfile.NewDecoder(f).Decode(idx)
		f.Close()
		checksum := plumbing.NewHash(sum)
		if err != nil || !bytes.Equal(idx.PackfileChecksum[:], checksum[:]) {
			continue
		}
		pk.idx = idx
		p.packs = append(p.packs, pk)
	}
	return p, nil
}

// read returns the type and content of the object h; shared is set when
// the content is the cache's, to be read and not changed. ok is false
// when the object is not read here; err is set when it cannot be read at
// all (ErrDeltaChain).
func (p *packObjects) read(h plumbing.Hash) (t plumbing.ObjectType, content []byte, shared, ok bool, err error) {
	for _, pk := range p.packs {
		off, err := pk.idx.FindOffset(h)
		if err != nil {
			continue
		}
		t, b, shared, _, err := p.object(pk, off, 0)
		if errors.Is(err, ErrDeltaChain) {
			return 0, nil, false, false, fmt.Errorf("gitfs: %s: %w", h, err)
		}
		if err != nil {
			return 0, nil, false, false, nil
		}
		return t, b, shared, true, nil
	}
	return 0, nil, false, false, nil
}

var errPack = errors.New("gitfs: an object this reader does not read")

// ErrDeltaChain is an object whose deltas go on for more than 10,000 (git
// writes 4,095 at most), or round in a circle: a broken or hostile pack.
// It is an error, not left to go-git, which follows such a chain until its
// stack overflows.
var ErrDeltaChain = errors.New("the pack's chain of deltas for the object is longer than any git writes, or circular: the pack is damaged")

// object reads the object at off, depth deltas above it; shared is set
// when its content is the cache's, and chain is how many deltas lead to it
// from an object stored whole.
func (p *packObjects) object(pk *packData, off int64, depth int) (t plumbing.ObjectType, content []byte, shared bool, chain int, err error) {
	if depth > maxDeltaChain {
		return 0, nil, false, 0, ErrDeltaChain
	}
	key := baseKey(pk.n, off)
	if o, ok := p.bases.Get(key); ok {
		// A cached object counts the deltas below it: whether a chain is
		// too long does not depend on what was read before.
		if m := o.(*memObject); depth+m.chain <= maxDeltaChain {
			return m.t, m.data, true, m.chain, nil
		}
		return 0, nil, false, 0, ErrDeltaChain
	}
	// A header and a base's offset or hash take at most 32 bytes.
	w := pk.window(off, 32)
	t, size, pos, err := objectHeader(w, 0)
	if err != nil {
		return 0, nil, false, 0, err
	}
	var base int64
	switch t {
	case plumbing.CommitObject, plumbing.TreeObject, plumbing.BlobObject, plumbing.TagObject:
		b, err := inflate(pk, off+pos, size)
		return t, b, false, 0, err
	case plumbing.OFSDeltaObject:
		var n int64
		if n, pos, err = ofsDelta(w, pos); err != nil {
			return 0, nil, false, 0, err
		}
		if base = off - n; n <= 0 || base < 0 {
			return 0, nil, false, 0, errPack
		}
		// The base is an object of the pack's index, as go-git asks.
		if _, err := pk.idx.FindHash(base); err != nil {
			return 0, nil, false, 0, errPack
		}
	case plumbing.REFDeltaObject:
		if pos+20 > int64(len(w)) {
			return 0, nil, false, 0, errPack
		}
		var ref plumbing.Hash
		copy(ref[:], w[pos:pos+20])
		pos += 20
		if base, err = pk.idx.FindOffset(ref); err != nil {
			return 0, nil, false, 0, errPack
		}
	default:
		return 0, nil, false, 0, errPack
	}
	bt, src, baseShared, below, err := p.object(pk, base, depth+1)
	if err != nil {
		return 0, nil, false, 0, err
	}
	// The delta is inflated once its base is read: a chain holds one
	// delta at a time, not every delta down to its first object.
	delta, err := inflate(pk, off+pos, size)
	if err != nil {
		return 0, nil, false, 0, err
	}
	if !baseShared {
		// A base read whole is the base of the next version too.
		p.bases.Put(&memObject{h: baseKey(pk.n, base), t: bt, data: src, chain: below})
	}
	b, err := packfile.PatchDelta(src, delta)
	if err != nil {
		return 0, nil, false, 0, err
	}
	p.bases.Put(&memObject{h: key, t: bt, data: b, chain: below + 1})
	return bt, b, true, below + 1, nil
}

// baseKey names an object by its pack and offset in the cache of bases.
func baseKey(pack int, off int64) plumbing.Hash {
	var k plumbing.Hash
	binary.BigEndian.PutUint32(k[:4], uint32(pack))
	binary.BigEndian.PutUint64(k[4:12], uint64(off))
	return k
}

// objectHeader reads the type and size written at off, and where what
// follows them starts.
func objectHeader(data []byte, off int64) (plumbing.ObjectType, int64, int64, error) {
	if off < 0 || off >= int64(len(data)) {
		return 0, 0, 0, errPack
	}
	c := data[off]
	pos := off + 1
	t := plumbing.ObjectType((c >> 4) & 7)
	size := int64(c & 15)
	for shift := 4; c&0x80 != 0; shift += 7 {
		if pos >= int64(len(data)) || shift > 56 {
			return 0, 0, 0, errPack
		}
		c = data[pos]
		pos++
		size |= int64(c&0x7f) << shift
	}
	return t, size, pos, nil
}

// ofsDelta reads the distance back to an offset delta's base.
func ofsDelta(data []byte, pos int64) (int64, int64, error) {
	if pos >= int64(len(data)) {
		return 0, 0, errPack
	}
	c := data[pos]
	pos++
	n := int64(c & 0x7f)
	for c&0x80 != 0 {
		if pos >= int64(len(data)) || n >= 1<<55 {
			return 0, 0, errPack
		}
		c = data[pos]
		pos++
		n = (n+1)<<7 | int64(c&0x7f)
	}
	return n, pos, nil
}

var zlibReaders sync.Pool

// inflate reads the zlib stream at pos, which must hold exactly size bytes
// and end with its checksum.
func inflate(pk *packData, pos, size int64) ([]byte, error) {
	if pos > pk.size || size < 0 || size > pk.size*1032 {
		return nil, errPack // deflate expands at most 1032:1
	}
	src := pk.stream(pos)
	var zr io.ReadCloser
	if r, ok := zlibReaders.Get().(io.ReadCloser); ok {
		if err := r.(zlib.Resetter).Reset(src, nil); err != nil {
			return nil, err
		}
		zr = r
	} else {
		r, err := zlib.NewReader(src)
		if err != nil {
			return nil, err
		}
		zr = r
	}
	defer zlibReaders.Put(zr)
	// The size is the pack's word: memory is taken as the stream gives
	// bytes, not all at once for a size no stream holds.
	b := make([]byte, 0, min(size, 1<<20))
	for int64(len(b)) < size {
		if len(b) == cap(b) {
			b = slices.Grow(b, int(min(size-int64(len(b)), int64(len(b)))))
		}
		n, err := zr.Read(b[len(b):min(int64(cap(b)), size)])
		b = b[:len(b)+n]
		if err != nil && int64(len(b)) < size {
			return nil, fmt.Errorf("%w: %w", errPack, err)
		}
	}
	// The stream ends here; reading past its end checks its checksum.
	if n, err := zr.Read(make([]byte, 1)); n != 0 || err != io.EOF {
		return nil, errPack
	}
	return b, nil
}
