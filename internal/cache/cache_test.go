package cache

import (
	"os"
	"path/filepath"
	"testing"
)

func TestRoundTrip(t *testing.T) {
	c, err := Open(t.TempDir())
	if err != nil || c == nil {
		t.Fatal(c, err)
	}
	k := NewKey("page").String("a").Int(1).Sum()
	if _, ok := c.Get(k); ok {
		t.Fatal("found before it was stored")
	}
	c.Put(k, []byte("<p>本文</p>"))
	if v, ok := c.Get(k); !ok || string(v) != "<p>本文</p>" {
		t.Fatalf("got %q, %v", v, ok)
	}
	// Parts are length-prefixed: ("ab", "c") is not ("a", "bc").
	if NewKey("page").String("ab").String("c").Sum() == NewKey("page").String("a").String("bc").Sum() {
		t.Error("two sequences of parts give one key")
	}
	if NewKey("page").String("x").Sum() == NewKey("shinkyu").String("x").Sum() {
		t.Error("two kinds give one key")
	}
}

// TestCorrupt: an entry that was truncated, flipped, written under another
// key or by something else is not found, and is removed.
func TestCorrupt(t *testing.T) {
	dir := t.TempDir()
	c, _ := Open(dir)
	k, other := NewKey("page").String("a").Sum(), NewKey("page").String("b").Sum()
	for name, spoil := range map[string]func([]byte) []byte{
		"truncated": func(b []byte) []byte { return b[:len(b)-3] },
		"flipped":   func(b []byte) []byte { b[len(magic)+len(k)+1] ^= 1; return b },
		"empty":     func([]byte) []byte { return nil },
		"foreign": func([]byte) []byte {
			return []byte("not a cache entry at all, but long enough to be read as one maybe")
		},
		"moved": func([]byte) []byte {
			c.Put(other, []byte("value"))
			b, _ := os.ReadFile(c.path(other))
			return b
		},
	} {
		c.Put(k, []byte("value"))
		p := c.path(k)
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, spoil(b), 0o644); err != nil {
			t.Fatal(err)
		}
		if v, ok := c.Get(k); ok {
			t.Errorf("%s: found %q", name, v)
		}
		if _, err := os.Stat(p); !os.IsNotExist(err) {
			t.Errorf("%s: the bad entry was kept", name)
		}
	}
	if ents, _ := filepath.Glob(filepath.Join(dir, "*", ".tmp-*")); len(ents) > 0 {
		t.Errorf("temporary files left: %v", ents)
	}
}

func TestNil(t *testing.T) {
	var c *Cache
	c.Put(Key{}, []byte("x"))
	if _, ok := c.Get(Key{}); ok {
		t.Error("a nil cache found something")
	}
}
