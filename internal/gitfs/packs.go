package gitfs

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/go-git/go-billy/v5"
)

// maxPacksInMemory is how many bytes of pack files are read into memory
// whole, all together. A policy repository's packs are a few megabytes; a
// policy kept in a folder of a large repository may sit in packs of
// gigabytes, which are read from their files (packData).
var maxPacksInMemory int64 = 128 << 20 // a variable for the tests

// packsInMemory serves a repository's pack files from memory, each read
// once and shared by every storage of a pool. go-git reads a pack through
// a small buffer that it empties at every seek: reading thousands of
// objects cost two system calls each (lseek, read), 40,000 of them for a
// history of 5,000 commits. Everything else is the files themselves.
type packsInMemory struct {
	billy.Filesystem
	mu    sync.Mutex
	packs map[string][]byte // by path; nil when the pack is read from its file
	held  int64             // bytes of packs in memory
}

func (p *packsInMemory) Open(name string) (billy.File, error) {
	if !strings.HasSuffix(name, ".pack") {
		return p.Filesystem.Open(name)
	}
	b, err := p.pack(name)
	if err != nil {
		return nil, err
	}
	if b == nil {
		return p.Filesystem.Open(name)
	}
	return &memFile{name: name, Reader: bytes.NewReader(b)}, nil
}

// pack is the content of a pack file, read the first time it is asked
// for; nil when it is too large to hold.
func (p *packsInMemory) pack(name string) ([]byte, error) {
	// go-git joins paths with the system's separator, openPacks with /.
	key := filepath.ToSlash(name)
	p.mu.Lock()
	defer p.mu.Unlock()
	if b, ok := p.packs[key]; ok {
		return b, nil
	}
	var b []byte
	if fi, err := p.Filesystem.Stat(name); err != nil {
		return nil, err
	} else if p.held+fi.Size() <= maxPacksInMemory {
		f, err := p.Filesystem.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		b = make([]byte, fi.Size())
		if _, err := io.ReadFull(f, b); err != nil {
			return nil, err
		}
		p.held += fi.Size()
	}
	if p.packs == nil {
		p.packs = map[string][]byte{}
	}
	p.packs[key] = b
	return b, nil
}

// OpenFile is Open for reading; a pack is never written through it.
func (p *packsInMemory) OpenFile(name string, flag int, perm os.FileMode) (billy.File, error) {
	if flag == os.O_RDONLY {
		return p.Open(name)
	}
	return p.Filesystem.OpenFile(name, flag, perm)
}

// memFile is a pack file read from memory.
type memFile struct {
	name string
	*bytes.Reader
}

var errPackReadOnly = errors.New("gitfs: a pack file read into memory is read-only")

func (f *memFile) Name() string              { return f.name }
func (f *memFile) Write([]byte) (int, error) { return 0, errPackReadOnly }
func (f *memFile) Close() error              { return nil }
func (f *memFile) Lock() error               { return nil }
func (f *memFile) Unlock() error             { return nil }
func (f *memFile) Truncate(int64) error      { return errPackReadOnly }
