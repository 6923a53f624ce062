package gitfs

import (
	"bytes"
	"errors"
	"io"
	"sync"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/cache"
	"github.com/go-git/go-git/v5/plumbing/storer"
	"github.com/go-git/go-git/v5/storage"
)

// pooledStorer reads objects through one storage per core over the same
// files, sharing one object cache. go-git's object storage is not safe for
// concurrent use (pack files are read through shared scanners and
// caches): each storage is used by one goroutine at a time, taken from
// the pool and put back, and hands out objects whose content is already
// in memory — a storage is held while an object is found and inflated,
// never while a tree or commit is decoded or a blob copied, and two file
// systems over one repository (the old and new revision of a diff) can be
// read at once. A pool of one is a lock.
type pooledStorer struct {
	storage.Storer
	pool chan storage.Storer
	// packs reads what it can of the packs held in memory without taking
	// a storage; nil when there are none.
	files     *packsInMemory
	packsOnce sync.Once
	packs     *packObjects
}

func (s *pooledStorer) EncodedObject(t plumbing.ObjectType, h plumbing.Hash) (plumbing.EncodedObject, error) {
	if s.files != nil {
		s.packsOnce.Do(func() { s.packs, _ = openPacks(s.files) })
		if s.packs != nil {
			ot, b, shared, ok, err := s.packs.read(h)
			if err != nil {
				return nil, err
			}
			if ok {
				if t != plumbing.AnyObject && ot != t {
					return nil, plumbing.ErrObjectNotFound
				}
				return &memObject{h: h, t: ot, data: b, shared: shared}, nil
			}
		}
	}
	st := <-s.pool
	defer func() { s.pool <- st }()
	o, err := st.EncodedObject(t, h)
	if err != nil {
		return nil, err
	}
	rd, err := o.Reader()
	if err != nil {
		return nil, err
	}
	defer rd.Close()
	data := make([]byte, o.Size())
	if _, err := io.ReadFull(rd, data); err != nil {
		return nil, err
	}
	return &memObject{h: h, t: o.Type(), data: data}, nil
}

func (s *pooledStorer) HasEncodedObject(h plumbing.Hash) error {
	st := <-s.pool
	defer func() { s.pool <- st }()
	return st.HasEncodedObject(h)
}

func (s *pooledStorer) EncodedObjectSize(h plumbing.Hash) (int64, error) {
	st := <-s.pool
	defer func() { s.pool <- st }()
	return st.EncodedObjectSize(h)
}

func (s *pooledStorer) IterEncodedObjects(t plumbing.ObjectType) (storer.EncodedObjectIter, error) {
	st := <-s.pool
	defer func() { s.pool <- st }()
	return st.IterEncodedObjects(t)
}

// memObject is an object read whole, with the hash it was asked for:
// plumbing.MemoryObject would hash the content again (SHA-1 with
// collision detection) the first time anything asks.
type memObject struct {
	h    plumbing.Hash
	t    plumbing.ObjectType
	data []byte
	// shared is set when data are also a cache's: they are read, and
	// copied for a caller that takes them (FS.blob).
	shared bool
	// chain is, in packObjects' cache, how many deltas lead to the
	// object from one stored whole.
	chain int
}

func (o *memObject) Hash() plumbing.Hash           { return o.h }
func (o *memObject) Type() plumbing.ObjectType     { return o.t }
func (o *memObject) SetType(t plumbing.ObjectType) { o.t = t }
func (o *memObject) Size() int64                   { return int64(len(o.data)) }
func (o *memObject) SetSize(int64)                 {}
func (o *memObject) Reader() (io.ReadCloser, error) {
	r := &memReader{Reader: bytes.NewReader(o.data)}
	if !o.shared {
		r.data = o.data
	}
	return r, nil
}

func (o *memObject) Writer() (io.WriteCloser, error) { return nil, errReadOnly }

// memReader reads a memObject, and lets the file system take its bytes
// whole (FS.blob) when nothing else holds them: the object was read for
// the one caller that asked for it. data is nil otherwise.
type memReader struct {
	*bytes.Reader
	data []byte
}

func (*memReader) Close() error { return nil }

var errReadOnly = errors.New("gitfs: objects read from the repository are read-only")

// deltaBases is go-git's cache of delta bases, shared by the storages of
// a pool, with each object's key worked out before the cache's lock is
// taken: the cache asks an object it is given for its hash under its
// lock, and an object made from a delta hashes its content then (SHA-1
// with collision detection, as go-git computes it), so the readers took
// turns hashing.
type deltaBases struct{ cache.Object }

func (c deltaBases) Put(o plumbing.EncodedObject) {
	if m, ok := o.(*plumbing.MemoryObject); ok {
		o = &hashedObject{MemoryObject: m, h: m.Hash()}
	}
	c.Object.Put(o)
}

// hashedObject is an object whose hash was worked out once.
type hashedObject struct {
	*plumbing.MemoryObject
	h plumbing.Hash
}

func (o *hashedObject) Hash() plumbing.Hash { return o.h }
