package approvals

import (
	"bytes"
	"testing"
)

func FuzzParsePayload(f *testing.F) {
	p := &Payload{Format: Format, Organization: "sakuradai", Revision: "2026-03-31", Kind: "改訂", Committee: "mayor", Member: "tanaka",
		Decision: Decision, Documents: []DocDigest{{ID: "basic", Path: "policy/basic.md", SHA256: Digest([]byte("x"))}}, RegistrySHA256: Digest([]byte("r"))}
	f.Add(p.Marshal())
	f.Add([]byte(`{"format":"policyctl-approval/v1"}`))
	f.Add([]byte("{}\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := ParsePayload(b)
		if err != nil {
			return
		}
		// Only the canonical bytes parse: parsing is the inverse of Marshal.
		if !bytes.Equal(p.Marshal(), b) {
			t.Fatalf("accepted non-canonical payload %q", b)
		}
	})
}

func FuzzParseSignature(f *testing.F) {
	fx := newFixtureF(f)
	sig, err := Sign([]byte("payload\n"), fx)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(sig)
	f.Add([]byte("-----BEGIN SSH SIGNATURE-----\n-----END SSH SIGNATURE-----\n"))
	f.Add(append(append([]byte{}, sig...), "garbage"...))
	f.Fuzz(func(t *testing.T, b []byte) {
		s, err := ParseSignature(b)
		if err != nil {
			return
		}
		if s.PublicKey == nil || s.Signature == nil {
			t.Fatalf("parsed a signature without key or signature: %q", b)
		}
		// Verification of anything parsed must not panic.
		_, _ = VerifySignature([]byte("payload\n"), b, nil)
	})
}
