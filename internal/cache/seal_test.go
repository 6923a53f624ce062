package cache

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// withKey makes key this machine's sealing key for one test.
func withKey(t *testing.T, key []byte) {
	old := sealKey
	sealKey = func() []byte { return key }
	t.Cleanup(func() { sealKey = old })
}

func TestSealedRoundTrip(t *testing.T) {
	withKey(t, bytes.Repeat([]byte{1}, 32))
	dir := t.TempDir()
	c, _ := Open(dir)
	k := NewKey("history").String("abc").Sum()
	c.PutSealed(k, []byte(`{"approved":true}`))
	c.Close()
	c, _ = Open(dir)
	defer c.Close()
	if v, ok := c.GetSealed(k); !ok || string(v) != `{"approved":true}` {
		t.Fatalf("got %q, %v", v, ok)
	}
}

// TestSealedForgeries: an entry written without this machine's key — a
// plain one, one sealed by another machine, one whose bytes were changed
// after sealing, one sealed under another key — is not found.
func TestSealedForgeries(t *testing.T) {
	mine := bytes.Repeat([]byte{1}, 32)
	theirs := bytes.Repeat([]byte{2}, 32)
	k := NewKey("history").String("abc").Sum()
	other := NewKey("history").String("abd").Sum()
	payload := []byte(`{"approved":true}`)
	c, _ := Open(t.TempDir())
	defer c.Close()
	withKey(t, mine)

	c.Put(k, append(make([]byte, 32), payload...))
	if _, ok := c.GetSealed(k); ok {
		t.Error("an unsealed entry was found")
	}
	c.Put(k, append(seal(theirs, k, payload), payload...))
	if _, ok := c.GetSealed(k); ok {
		t.Error("an entry sealed with another machine's key was found")
	}
	sealed := append(seal(mine, k, payload), payload...)
	tampered := bytes.Replace(sealed, []byte("true"), []byte("tru3"), 1)
	c.Put(k, tampered)
	if _, ok := c.GetSealed(k); ok {
		t.Error("an entry changed after sealing was found")
	}
	c.Put(other, sealed)
	if _, ok := c.GetSealed(other); ok {
		t.Error("an entry sealed under another key was found")
	}
	c.Put(k, []byte("short"))
	if _, ok := c.GetSealed(k); ok {
		t.Error("an entry shorter than a seal was found")
	}
	withKey(t, nil)
	c.PutSealed(k, payload)
	if _, ok := c.GetSealed(k); ok {
		t.Error("without a key, a sealed entry was stored and found")
	}
}

func TestSealKeyFile(t *testing.T) {
	name := filepath.Join(t.TempDir(), "cfg", "policyctl", "cache.key")
	key := readOrMakeKey(name)
	if len(key) != 32 {
		t.Fatalf("made a key of %d bytes", len(key))
	}
	info, err := os.Stat(name)
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("key file: %v, %v", info, err)
	}
	if again := readOrMakeKey(name); !bytes.Equal(again, key) {
		t.Error("the key changed between runs")
	}
	if err := os.Chmod(name, 0o644); err != nil {
		t.Fatal(err)
	}
	if readOrMakeKey(name) != nil {
		t.Error("a key others can read was used")
	}
	if err := os.WriteFile(name, []byte("half"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(name, 0o600); err != nil {
		t.Fatal(err)
	}
	if readOrMakeKey(name) != nil {
		t.Error("a key of the wrong length was used")
	}
}

// TestSealKeyFromEnvironment: CI gives the key in POLICYCTL_CACHE_KEY, from
// a secret, to take what an earlier run sealed; a value that is not 32
// bytes in hexadecimal is no key (nothing sealed is read or written).
func TestSealKeyFromEnvironment(t *testing.T) {
	t.Setenv(KeyEnv, strings.Repeat("ab", 32))
	if k := loadSealKey(); !bytes.Equal(k, bytes.Repeat([]byte{0xab}, 32)) {
		t.Fatalf("key %x", k)
	}
	for _, bad := range []string{"ab", strings.Repeat("zz", 32), strings.Repeat("ab", 33)} {
		t.Setenv(KeyEnv, bad)
		if k := loadSealKey(); k != nil {
			t.Errorf("%q gave a key", bad)
		}
		if KeyEnvProblem() == nil {
			t.Errorf("%q: no problem said", bad)
		}
	}
}
