package approvals

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"sync"

	"github.com/policyctl/policyctl/internal/i18n"

	"golang.org/x/crypto/ssh"
)

// Cache remembers, within one command, what checking an approval found,
// keyed by the exact bytes checked: the history walk meets the same
// payload and signature at every commit after it was added, and checks it
// once. A hit returns what the full check returned for the same bytes and
// the same candidate keys, so nothing is trusted that was not checked.
// A Cache is safe for concurrent use; the zero value is ready.
type Cache struct {
	payloads sync.Map // [32]byte payload digest -> payloadResult
	sigs     sync.Map // sigKey -> sigResult
	blobs    sync.Map // git blob hash -> *read: a file's bytes and their digest
}

// read is a file's bytes and their SHA-256.
type read struct {
	b   []byte
	sum [32]byte
}

// hashedFS names each file's content by its git blob hash (gitfs.FS and
// history's view of a folder in one).
type hashedFS interface {
	FileHash(name string) (string, bool)
}

// read reads a file of at most max bytes (readLimited), once per git
// blob: a payload added at one commit is the same blob at every commit
// after it, and the walk reads it at each. A blob hash names its bytes,
// so nothing read this way was not read from the blob it names; the size
// limit is applied to every read, remembered or not. The bytes returned
// are shared: callers do not modify them.
func (c *Cache) read(fsys fs.FS, name string, max int64) (*read, Reason, error) {
	var hash string
	if hf, ok := fsys.(hashedFS); ok && c != nil {
		hash, _ = hf.FileHash(name)
	}
	if hash != "" {
		if r, ok := c.blobs.Load(hash); ok {
			r := r.(*read)
			if int64(len(r.b)) > max {
				return nil, ReasonTooLarge, i18n.Errorf("%s is %d bytes, larger than %d", name, len(r.b), max)
			}
			return r, "", nil
		}
	}
	var b []byte
	var reason Reason
	var err error
	if hash != "" {
		b, reason, err = readBlob(fsys, name, max)
	} else {
		b, reason, err = readLimited(fsys, name, max)
	}
	if reason != "" || err != nil {
		return nil, reason, err
	}
	r := &read{b: b, sum: sha256.Sum256(b)}
	if hash != "" {
		c.blobs.Store(hash, r)
	}
	return r, "", nil
}

// readBlob is readLimited for a file in git: its object is read whole to
// be read at all, so its bytes are taken as they are (no copy, no growing
// buffer) and the limit applied to them.
func readBlob(fsys fs.FS, name string, max int64) ([]byte, Reason, error) {
	b, err := fs.ReadFile(fsys, name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, ReasonMissing, i18n.Errorf("%s is missing", name)
	}
	if err != nil {
		return nil, "", fmt.Errorf("approvals: %w", err)
	}
	if int64(len(b)) > max {
		return nil, ReasonTooLarge, i18n.Errorf("%s is %d bytes, larger than %d", name, len(b), max)
	}
	return b, "", nil
}

type payloadResult struct {
	p   *Payload
	err error
}

type sigKey struct {
	payload, sig, keys [32]byte
}

type sigResult struct {
	key ssh.PublicKey
	err error
}

// parsePayload is ParsePayload, remembered. The payload returned is shared:
// callers do not modify it.
func (c *Cache) parsePayload(b *read) (*Payload, error) {
	if c == nil {
		return ParsePayload(b.b)
	}
	k := b.sum
	if r, ok := c.payloads.Load(k); ok {
		return r.(payloadResult).p, r.(payloadResult).err
	}
	p, err := ParsePayload(b.b)
	c.payloads.Store(k, payloadResult{p, err})
	return p, err
}

// verifySignature is VerifySignature, remembered per payload, signature
// and set of candidate keys.
func (c *Cache) verifySignature(payload, sig *read, keys []ssh.PublicKey) (ssh.PublicKey, error) {
	if c == nil {
		return VerifySignature(payload.b, sig.b, keys)
	}
	h := sha256.New()
	for _, k := range keys {
		b := k.Marshal()
		h.Write([]byte{byte(len(b) >> 24), byte(len(b) >> 16), byte(len(b) >> 8), byte(len(b))})
		h.Write(b)
	}
	k := sigKey{payload: payload.sum, sig: sig.sum}
	h.Sum(k.keys[:0])
	if r, ok := c.sigs.Load(k); ok {
		return r.(sigResult).key, r.(sigResult).err
	}
	key, err := VerifySignature(payload.b, sig.b, keys)
	c.sigs.Store(k, sigResult{key, err})
	return key, err
}
