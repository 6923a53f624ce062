package approvals

import (
	"bytes"
	"encoding/json"
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

// FuzzCanonical: the canonical writer writes what encoding/json writes,
// and the fast reader and encoding/json read the same payload from it.
func FuzzCanonical(f *testing.F) {
	f.Add("改訂", "policy/basic.md", "basic", "images/a.svg")
	f.Add("a\"b", "p\\q", "\x01", "\u2028")
	f.Add("<&>", "\xff", "", "x\ny")
	f.Fuzz(func(t *testing.T, kind, path, id, file string) {
		p := &Payload{Format: Format, Organization: "sakuradai", Revision: "2026-03-31", Kind: kind, Committee: "mayor", Member: id,
			Decision: Decision, ConfigSHA256: Digest([]byte("c")), RegistrySHA256: Digest([]byte("r")),
			Documents: []DocDigest{{ID: id, Path: path, SHA256: Digest([]byte(path)), Files: []FileDigest{{Path: file, SHA256: Digest(nil)}}}},
			Removed:   []DocRef{{ID: kind, Path: file}}}
		b := p.Marshal()
		if want := p.marshalJSON(); !bytes.Equal(b, want) {
			t.Fatalf("canonical writer differs from encoding/json:\n%s\n%s", b, want)
		}
		fast := parseCanonical(b)
		if fast == nil {
			return // left to encoding/json
		}
		var slow Payload
		if err := json.Unmarshal(b, &slow); err != nil {
			t.Fatalf("the fast reader read what encoding/json cannot: %q", b)
		}
		if !bytes.Equal(fast.marshalJSON(), slow.marshalJSON()) {
			t.Fatalf("the two readers differ on %q", b)
		}
	})
}

// FuzzMarshalOrder: documents, files and removed documents in any order,
// repeated or not, are written as encoding/json writes their sorted copy
// (Marshal skips the copy only for a payload already strictly in order).
func FuzzMarshalOrder(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3}, []byte{1, 0}, []byte{2, 2, 1})
	f.Add([]byte{3, 2, 1}, []byte{0, 0}, []byte{})
	f.Add([]byte{}, []byte{5}, []byte{0, 1})
	f.Fuzz(func(t *testing.T, docs, files, removed []byte) {
		p := &Payload{Format: Format, Organization: "o", Revision: "r", Kind: "改訂", Committee: "c", Member: "m", Decision: Decision}
		name := func(x byte) string { return string(rune('a' + x%4)) }
		for i, x := range docs {
			d := DocDigest{ID: name(x), Path: "policy/" + name(x>>2) + ".md", SHA256: Digest([]byte{x})}
			for _, y := range files {
				d.Files = append(d.Files, FileDigest{Path: name(y + byte(i)), SHA256: Digest([]byte{y})})
			}
			p.Documents = append(p.Documents, d)
		}
		for _, x := range removed {
			p.Removed = append(p.Removed, DocRef{ID: name(x), Path: name(x >> 2)})
		}
		if got, want := p.Marshal(), p.marshalJSON(); !bytes.Equal(got, want) {
			t.Fatalf("Marshal differs from encoding/json's sorted copy:\n%s\n%s", got, want)
		}
	})
}

// TestIsHexDigest holds the table to the rule: 64 lower-case hex digits,
// any byte anywhere else rejected.
func TestIsHexDigest(t *testing.T) {
	good := Digest([]byte("x"))
	if !isHexDigest(good) || isHexDigest(good[1:]) || isHexDigest(good+"0") {
		t.Fatal("length")
	}
	for c := range 256 {
		want := c >= '0' && c <= '9' || c >= 'a' && c <= 'f'
		for _, i := range []int{0, 31, 63} {
			s := good[:i] + string([]byte{byte(c)}) + good[i+1:]
			if got := isHexDigest(s); got != want {
				t.Fatalf("byte %#x at %d: %v", c, i, got)
			}
		}
	}
}
