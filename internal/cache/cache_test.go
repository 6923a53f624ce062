package cache

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

func TestRoundTrip(t *testing.T) {
	dir := t.TempDir()
	c, err := Open(dir)
	if err != nil || c == nil {
		t.Fatal(c, err)
	}
	k := NewKey("page").String("a").Int(1).Sum()
	if _, ok := c.Get(k); ok {
		t.Fatal("found before it was stored")
	}
	c.Put(k, []byte("<p>本文</p>"))
	c.Close()
	c, _ = Open(dir)
	if v, ok := c.Get(k); !ok || string(v) != "<p>本文</p>" {
		t.Fatalf("got %q, %v", v, ok)
	}
	if _, ok := c.Get(NewKey("page").String("b").Sum()); ok {
		t.Error("found a key never stored")
	}
	c.Close()
	// Parts are length-prefixed: ("ab", "c") is not ("a", "bc").
	if NewKey("page").String("ab").String("c").Sum() == NewKey("page").String("a").String("bc").Sum() {
		t.Error("two sequences of parts give one key")
	}
	if NewKey("page").String("x").Sum() == NewKey("shinkyu").String("x").Sum() {
		t.Error("two kinds give one key")
	}
}

// TestCarriedAndPruned: each run's pack holds what the run used, so the
// newest pack serves the next run alone, and older packs are removed.
func TestCarriedAndPruned(t *testing.T) {
	dir := t.TempDir()
	k := NewKey("page").String("kept").Sum()
	c, _ := Open(dir)
	c.Put(k, []byte("v"))
	c.Close()
	for i := range Keep + 2 {
		c, _ = Open(dir)
		if v, ok := c.Get(k); !ok || string(v) != "v" {
			t.Fatalf("run %d: the entry was lost", i)
		}
		c.Put(NewKey("page").Int(i).Sum(), []byte(fmt.Sprint(i)))
		c.Close()
	}
	packs, _ := filepath.Glob(filepath.Join(dir, "*.pack"))
	if len(packs) != Keep {
		t.Errorf("%d packs kept, want %d", len(packs), Keep)
	}
}

// TestCorrupt: a pack that was truncated, or whose value, index or trailer
// was changed, serves nothing false, and is removed.
func TestCorrupt(t *testing.T) {
	for name, spoil := range map[string]func([]byte) []byte{
		"truncated":     func(b []byte) []byte { return b[:len(b)-3] },
		"value flipped": func(b []byte) []byte { b[len(packMagic)+1] ^= 1; return b },
		"index flipped": func(b []byte) []byte { b[len(b)-trailer-40] ^= 1; return b },
		"trailer":       func(b []byte) []byte { b[len(b)-1] ^= 1; return b },
		"empty":         func([]byte) []byte { return nil },
		"foreign": func([]byte) []byte {
			return []byte("not a pack at all, but long enough to look like one, maybe, to a reader")
		},
	} {
		dir := t.TempDir()
		k := NewKey("page").String("a").Sum()
		c, _ := Open(dir)
		c.Put(k, []byte("value"))
		c.Close()
		packs, _ := filepath.Glob(filepath.Join(dir, "*.pack"))
		if len(packs) != 1 {
			t.Fatalf("%d packs", len(packs))
		}
		b, _ := os.ReadFile(packs[0])
		if err := os.WriteFile(packs[0], spoil(b), 0o644); err != nil {
			t.Fatal(err)
		}
		c, _ = Open(dir)
		if v, ok := c.Get(k); ok {
			t.Errorf("%s: found %q", name, v)
		}
		c.Close()
		if _, err := os.Stat(packs[0]); !os.IsNotExist(err) {
			t.Errorf("%s: the bad pack was kept", name)
		}
		if tmp, _ := filepath.Glob(filepath.Join(dir, ".tmp-*")); len(tmp) > 0 {
			t.Errorf("%s: temporary files left: %v", name, tmp)
		}
	}
}

func TestNil(t *testing.T) {
	var c *Cache
	c.Put(Key{}, []byte("x"))
	if _, ok := c.Get(Key{}); ok {
		t.Error("a nil cache found something")
	}
	c.Close()
}
