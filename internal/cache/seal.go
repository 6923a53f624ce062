package cache

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/policyctl/policyctl/internal/i18n"
)

// Sealed entries hold results that a forged entry would turn into a false
// statement — which revisions are approved, at which commit — rather than
// merely a wrong page. They carry an HMAC-SHA256 under a key of this
// machine's user, kept in the user's configuration folder, not the cache
// folder: CI restores the cache folder from elsewhere (actions/cache), and
// an entry written by any other machine or user is not found. Where there
// is no such key (no configuration folder, or a key others can read),
// sealed entries are neither read nor written: the result is computed.
//
// CI machines are new each run, and so are their keys: a job that is to
// take what an earlier run sealed gives the key itself, from a secret, in
// POLICYCTL_CACHE_KEY (64 hexadecimal digits). Whoever holds that key can
// seal; a value that is not such a key is no key.

// GetSealed returns the value PutSealed stored under k on this machine.
func (c *Cache) GetSealed(k Key) ([]byte, bool) {
	key := sealKey()
	if c == nil || key == nil {
		return nil, false
	}
	v, ok := c.Get(k)
	if !ok || len(v) < sha256.Size {
		return nil, false
	}
	mac, payload := v[:sha256.Size], v[sha256.Size:]
	if !hmac.Equal(mac, seal(key, k, payload)) {
		return nil, false
	}
	return payload, true
}

// PutSealed stores v under k, sealed with this machine's key.
func (c *Cache) PutSealed(k Key, v []byte) {
	key := sealKey()
	if c == nil || key == nil {
		return
	}
	c.Put(k, append(seal(key, k, v), v...))
}

// KeyEnv names the environment variable that gives the sealing key.
const KeyEnv = "POLICYCTL_CACHE_KEY"

// KeyEnvProblem says what is wrong with a key given in KeyEnv, or nil.
func KeyEnvProblem() error {
	if _, given, err := envKey(); given && err != nil {
		return err
	}
	return nil
}

// envKey is the key given in KeyEnv: given reports whether one was.
func envKey() (key []byte, given bool, err error) {
	v, ok := os.LookupEnv(KeyEnv)
	if !ok || v == "" {
		return nil, false, nil
	}
	key, err = hex.DecodeString(strings.TrimSpace(v))
	if err != nil || len(key) != 32 {
		return nil, true, i18n.Errorf("%s is not a key: expected 64 hexadecimal digits (openssl rand -hex 32)", KeyEnv)
	}
	return key, true, nil
}

func seal(key []byte, k Key, v []byte) []byte {
	m := hmac.New(sha256.New, key)
	m.Write(k[:])
	m.Write(v)
	return m.Sum(nil)
}

var sealKey = sync.OnceValue(loadSealKey)

// loadSealKey is the key given in KeyEnv, or else this machine's user's.
func loadSealKey() []byte {
	if key, given, _ := envKey(); given {
		return key // nil when it is no key: nothing is sealed or taken
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		return nil
	}
	return readOrMakeKey(filepath.Join(dir, "policyctl", "cache.key"))
}

// readOrMakeKey reads the key at name, making it (32 random bytes, mode
// 0600) if there is none. A key that others may read or write, or that
// is not 32 bytes (another process still writing it), is no key.
func readOrMakeKey(name string) []byte {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrNotExist) {
		if os.MkdirAll(filepath.Dir(name), 0o700) != nil {
			return nil
		}
		f, err = os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	}
	if err == nil {
		key := make([]byte, 32)
		_, _ = rand.Read(key)
		_, werr := f.Write(key)
		if cerr := f.Close(); werr != nil || cerr != nil {
			_ = os.Remove(name)
			return nil
		}
		return key
	}
	if !errors.Is(err, fs.ErrExist) {
		return nil
	}
	info, err := os.Lstat(name)
	if err != nil || !info.Mode().IsRegular() || info.Mode().Perm()&0o077 != 0 {
		return nil
	}
	key, err := os.ReadFile(name)
	if err != nil || len(key) != 32 {
		return nil
	}
	return key
}
