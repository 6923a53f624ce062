package gitfs

import (
	"bytes"
	"errors"
	"io"
	"sync"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/storer"
	"github.com/go-git/go-git/v5/storage"
)

// lockedStorer serialises go-git's object storage, which is not safe for
// concurrent use (pack files are read through shared scanners and
// caches), and hands out objects whose content is already in memory: the
// lock is held while an object is found and inflated, never while a tree
// or commit is decoded or a blob copied, and two file systems over one
// repository (the old and new revision of a diff) can be read at once.
type lockedStorer struct {
	storage.Storer
	mu sync.Mutex
}

func (s *lockedStorer) EncodedObject(t plumbing.ObjectType, h plumbing.Hash) (plumbing.EncodedObject, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	o, err := s.Storer.EncodedObject(t, h)
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

func (s *lockedStorer) HasEncodedObject(h plumbing.Hash) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.Storer.HasEncodedObject(h)
}

func (s *lockedStorer) EncodedObjectSize(h plumbing.Hash) (int64, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.Storer.EncodedObjectSize(h)
}

func (s *lockedStorer) IterEncodedObjects(t plumbing.ObjectType) (storer.EncodedObjectIter, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.Storer.IterEncodedObjects(t)
}

// memObject is an object read whole, with the hash it was asked for:
// plumbing.MemoryObject would hash the content again (SHA-1 with
// collision detection) the first time anything asks.
type memObject struct {
	h    plumbing.Hash
	t    plumbing.ObjectType
	data []byte
}

func (o *memObject) Hash() plumbing.Hash           { return o.h }
func (o *memObject) Type() plumbing.ObjectType     { return o.t }
func (o *memObject) SetType(t plumbing.ObjectType) { o.t = t }
func (o *memObject) Size() int64                   { return int64(len(o.data)) }
func (o *memObject) SetSize(int64)                 {}
func (o *memObject) Reader() (io.ReadCloser, error) {
	return io.NopCloser(bytes.NewReader(o.data)), nil
}
func (o *memObject) Writer() (io.WriteCloser, error) { return nil, errReadOnly }

var errReadOnly = errors.New("gitfs: objects read from the repository are read-only")
