package approvals

import (
	"crypto/sha256"
	"sync"

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
func (c *Cache) parsePayload(b []byte) (*Payload, error) {
	if c == nil {
		return ParsePayload(b)
	}
	k := sha256.Sum256(b)
	if r, ok := c.payloads.Load(k); ok {
		return r.(payloadResult).p, r.(payloadResult).err
	}
	p, err := ParsePayload(b)
	c.payloads.Store(k, payloadResult{p, err})
	return p, err
}

// verifySignature is VerifySignature, remembered per payload, signature
// and set of candidate keys.
func (c *Cache) verifySignature(payload, sig []byte, keys []ssh.PublicKey) (ssh.PublicKey, error) {
	if c == nil {
		return VerifySignature(payload, sig, keys)
	}
	h := sha256.New()
	for _, k := range keys {
		b := k.Marshal()
		h.Write([]byte{byte(len(b) >> 24), byte(len(b) >> 16), byte(len(b) >> 8), byte(len(b))})
		h.Write(b)
	}
	k := sigKey{payload: sha256.Sum256(payload), sig: sha256.Sum256(sig)}
	h.Sum(k.keys[:0])
	if r, ok := c.sigs.Load(k); ok {
		return r.(sigResult).key, r.(sigResult).err
	}
	key, err := VerifySignature(payload, sig, keys)
	c.sigs.Store(k, sigResult{key, err})
	return key, err
}
