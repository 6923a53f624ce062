// Package cache keeps what policyctl computed from content it may meet
// again — rendered pages, above all of archived revisions, which never
// change — under the user's cache folder, keyed by digests of everything
// the result depends on and of policyctl itself. An entry that is
// truncated, corrupt or written by another version is not found, and is
// removed; nothing is trusted that its checksum does not hold.
package cache

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
)

// Cache is a folder of entries. A nil *Cache caches nothing.
type Cache struct {
	dir string
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
// build of policyctl cannot be told apart from others.
func Open(dir string) (*Cache, error) {
	if identity() == "" {
		return nil, nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	return &Cache{dir: dir}, nil
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

// magic starts every entry; the checksum of the rest ends it.
const magic = "policyctl-cache 1\n"

func (c *Cache) path(k Key) string {
	h := hex.EncodeToString(k[:])
	return filepath.Join(c.dir, h[:2], h[2:])
}

// Get returns the value stored under k.
func (c *Cache) Get(k Key) ([]byte, bool) {
	if c == nil {
		return nil, false
	}
	p := c.path(k)
	b, err := os.ReadFile(p)
	if err != nil {
		return nil, false
	}
	v, ok := open(b, k)
	if !ok {
		_ = os.Remove(p) // corrupt or foreign: never used, not kept
	}
	return v, ok
}

// open checks an entry: the magic, the key it was written under and the
// checksum of both with the value.
func open(b []byte, k Key) ([]byte, bool) {
	n := len(magic) + len(k) + sha256.Size
	if len(b) < n || string(b[:len(magic)]) != magic || !bytes.Equal(b[len(magic):len(magic)+len(k)], k[:]) {
		return nil, false
	}
	body, sum := b[:len(b)-sha256.Size], b[len(b)-sha256.Size:]
	if s := sha256.Sum256(body); !bytes.Equal(s[:], sum) {
		return nil, false
	}
	return body[len(magic)+len(k):], true
}

// Put stores v under k. Failing to store is not an error: the cache only
// saves time.
func (c *Cache) Put(k Key, v []byte) {
	if c == nil {
		return
	}
	b := make([]byte, 0, len(magic)+len(k)+len(v)+sha256.Size)
	b = append(b, magic...)
	b = append(b, k[:]...)
	b = append(b, v...)
	s := sha256.Sum256(b)
	b = append(b, s[:]...)
	p := c.path(k)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return
	}
	f, err := os.CreateTemp(filepath.Dir(p), ".tmp-")
	if err != nil {
		return
	}
	_, err = f.Write(b)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), p)
	}
	if err != nil {
		_ = os.Remove(f.Name())
	}
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
