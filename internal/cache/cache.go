// Package cache keeps what policyctl computed from content it may meet
// again — rendered pages, above all of archived revisions, which never
// change — under the user's cache folder, keyed by digests of everything
// the result depends on and of policyctl itself. Entries are stored in
// packs, one file per run, because creating a file costs a file system far
// more than writing one: a build of a thousand pages writes one pack, not a
// thousand files. Every entry carries a checksum; one that does not hold
// is not found, and its pack is removed: nothing is trusted that its
// checksum does not hold.
package cache

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"
	"sync"
	"time"
)

// Keep is how many packs a cache keeps: each run writes one holding every
// entry it used, so the newest pack serves the next run of the same kind
// and a few more serve other kinds (one edition, all editions).
const Keep = 4

// Cache is a folder of packs. A nil *Cache caches nothing. Its methods
// may be called from many goroutines.
type Cache struct {
	dir string

	mu      sync.Mutex
	packs   []*pack // newest first, opened as needed
	names   []string
	opened  int
	pending map[Key][]byte // what this run used or made: the next pack
}

// Dir returns the default folder: policyctl under the user's cache folder
// ($XDG_CACHE_HOME, ~/.cache, %LocalAppData%).
func Dir() (string, error) {
	d, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(d, "policyctl"), nil
}

// Open returns the cache in dir, creating it; nil (no cache) when this
// build of policyctl cannot be told apart from others. Close writes what
// the run added.
func Open(dir string) (*Cache, error) {
	if identity() == "" {
		return nil, nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	names, _ := filepath.Glob(filepath.Join(dir, "*.pack"))
	sort.Sort(sort.Reverse(sort.StringSlice(names))) // names start with the time: newest first
	return &Cache{dir: dir, names: names, pending: map[Key][]byte{}}, nil
}

// Key is the digest an entry is found by.
type Key [32]byte

// Hasher builds a key from the parts a result depends on. Every part is
// written with its length, so no two sequences of parts give the same
// bytes; the tool's own identity is always the first part.
type Hasher struct{ h hashWriter }

type hashWriter interface {
	Write([]byte) (int, error)
	Sum([]byte) []byte
}

// NewKey starts a key for results of one kind ("page", …).
func NewKey(kind string) *Hasher {
	k := &Hasher{h: sha256.New()}
	k.String(identity())
	k.String(kind)
	return k
}

// Bytes adds a part.
func (k *Hasher) Bytes(b []byte) *Hasher {
	var n [8]byte
	binary.BigEndian.PutUint64(n[:], uint64(len(b)))
	k.h.Write(n[:])
	k.h.Write(b)
	return k
}

// String adds a part.
func (k *Hasher) String(s string) *Hasher { return k.Bytes([]byte(s)) }

// Int adds a number.
func (k *Hasher) Int(i int) *Hasher {
	var n [8]byte
	binary.BigEndian.PutUint64(n[:], uint64(i))
	return k.Bytes(n[:])
}

// Sum is the key.
func (k *Hasher) Sum() Key {
	var out Key
	copy(out[:], k.h.Sum(nil))
	return out
}

// Get returns the value stored under k.
func (c *Cache) Get(k Key) ([]byte, bool) {
	if c == nil {
		return nil, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if v, ok := c.pending[k]; ok {
		return v, true
	}
	for i := 0; ; i++ {
		for i >= len(c.packs) {
			if c.opened >= len(c.names) {
				return nil, false
			}
			name := c.names[c.opened]
			c.opened++
			if p := openPack(name); p != nil {
				c.packs = append(c.packs, p)
			}
		}
		v, ok := c.packs[i].get(k)
		if ok {
			c.pending[k] = v // the next pack holds all this run used
			return v, true
		}
	}
}

// Put stores v under k, for this run and, after Close, the next ones.
func (c *Cache) Put(k Key, v []byte) {
	if c == nil {
		return
	}
	c.mu.Lock()
	c.pending[k] = v
	c.mu.Unlock()
}

// Close writes this run's pack — every entry it found or added — and
// removes all but the newest Keep packs. Failing to write is not an
// error: the cache only saves time.
func (c *Cache) Close() {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, p := range c.packs {
		p.f.Close()
		if p.bad {
			_ = os.Remove(p.name)
		}
	}
	c.packs = nil
	if len(c.pending) > 0 {
		name := filepath.Join(c.dir, fmt.Sprintf("%020d-%d.pack", time.Now().UnixNano(), os.Getpid()))
		if writePack(name, c.pending) == nil {
			c.names = append([]string{name}, c.names...)
		}
	}
	for _, old := range c.names[min(Keep, len(c.names)):] {
		_ = os.Remove(old)
	}
}

// A pack is a magic line, the values one after the other, an index of
// (key, offset, length, SHA-256 of key and value) sorted by key, and a
// trailer: the index's offset, its entry count and its SHA-256.
const (
	packMagic  = "policyctl-pack 1\n"
	indexEntry = 32 + 8 + 8 + 32
	trailer    = 8 + 8 + 32
)

type pack struct {
	name  string
	f     *os.File
	index []byte
	bad   bool
}

func openPack(name string) *pack {
	f, err := os.Open(name)
	if err != nil {
		return nil
	}
	p := &pack{name: name, f: f}
	st, err := f.Stat()
	size := int64(0)
	if err == nil {
		size = st.Size()
	}
	head := make([]byte, len(packMagic))
	tr := make([]byte, trailer)
	if size < int64(len(packMagic)+trailer) ||
		readAt(f, head, 0) != nil || string(head) != packMagic ||
		readAt(f, tr, size-trailer) != nil {
		p.bad = true
		return p
	}
	off, n := binary.BigEndian.Uint64(tr), binary.BigEndian.Uint64(tr[8:])
	if off < uint64(len(packMagic)) || n > uint64(size)/indexEntry || off+n*indexEntry != uint64(size-trailer) {
		p.bad = true
		return p
	}
	p.index = make([]byte, n*indexEntry)
	if readAt(f, p.index, int64(off)) != nil {
		p.bad = true
		return p
	}
	if sum := sha256.Sum256(p.index); !bytes.Equal(sum[:], tr[16:]) {
		p.bad, p.index = true, nil
	}
	return p
}

func readAt(f *os.File, b []byte, off int64) error {
	_, err := f.ReadAt(b, off)
	if err == io.EOF && len(b) == 0 {
		return nil
	}
	return err
}

// get finds k by binary search in the index, reads the value and checks
// it against its checksum.
func (p *pack) get(k Key) ([]byte, bool) {
	if p.bad {
		return nil, false
	}
	n := len(p.index) / indexEntry
	i := sort.Search(n, func(i int) bool { return bytes.Compare(p.index[i*indexEntry:i*indexEntry+32], k[:]) >= 0 })
	if i == n {
		return nil, false
	}
	e := p.index[i*indexEntry : (i+1)*indexEntry]
	if !bytes.Equal(e[:32], k[:]) {
		return nil, false
	}
	off, l := binary.BigEndian.Uint64(e[32:]), binary.BigEndian.Uint64(e[40:])
	if l > 1<<30 {
		p.bad = true
		return nil, false
	}
	v := make([]byte, l)
	if readAt(p.f, v, int64(off)) != nil {
		p.bad = true
		return nil, false
	}
	h := sha256.New()
	h.Write(k[:])
	h.Write(v)
	if !bytes.Equal(h.Sum(nil), e[48:]) {
		p.bad = true // corrupt: never used, and removed at Close
		return nil, false
	}
	return v, true
}

// writePack writes entries as a pack, beside its name and renamed into
// place, so a reader never sees half of one.
func writePack(name string, entries map[Key][]byte) error {
	keys := make([]Key, 0, len(entries))
	size := len(packMagic) + trailer
	for k, v := range entries {
		keys = append(keys, k)
		size += len(v) + indexEntry
	}
	sort.Slice(keys, func(i, j int) bool { return bytes.Compare(keys[i][:], keys[j][:]) < 0 })
	b := make([]byte, 0, size)
	b = append(b, packMagic...)
	offs := make([]uint64, len(keys))
	for i, k := range keys {
		offs[i] = uint64(len(b))
		b = append(b, entries[k]...)
	}
	indexAt := len(b)
	for i, k := range keys {
		v := entries[k]
		b = append(b, k[:]...)
		b = binary.BigEndian.AppendUint64(b, offs[i])
		b = binary.BigEndian.AppendUint64(b, uint64(len(v)))
		h := sha256.New()
		h.Write(k[:])
		h.Write(v)
		b = h.Sum(b)
	}
	sum := sha256.Sum256(b[indexAt:])
	b = binary.BigEndian.AppendUint64(b, uint64(indexAt))
	b = binary.BigEndian.AppendUint64(b, uint64(len(keys)))
	b = append(b, sum[:]...)
	f, err := os.CreateTemp(filepath.Dir(name), ".tmp-")
	if err != nil {
		return err
	}
	_, err = f.Write(b)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), name)
	}
	if err != nil {
		_ = os.Remove(f.Name())
	}
	return err
}

// identity names this build of policyctl: its module version, or the
// commit it was built from, or for a build with neither (go run, go test,
// a modified tree) the executable's path, size and time — a cache never
// serves what another build of the code computed.
var identity = sync.OnceValue(func() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		var rev, modified string
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				modified = s.Value
			}
		}
		if v := bi.Main.Version; v != "" && v != "(devel)" && !strings.Contains(v, "+dirty") {
			return bi.Main.Path + "@" + v
		}
		if rev != "" && modified == "false" {
			return bi.Main.Path + "@" + rev
		}
	}
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	st, err := os.Stat(exe)
	if err != nil {
		return ""
	}
	return fmt.Sprintf("exe:%s:%d:%d", exe, st.Size(), st.ModTime().UnixNano())
})
