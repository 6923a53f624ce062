package approvals

import (
	"bytes"
	"crypto/rand"

	"github.com/hiddeco/sshsig"
	"golang.org/x/crypto/ssh"

	"github.com/policyctl/policyctl/internal/i18n"
)

// Sign signs payload bytes with an SSH signer and returns the armored
// signature, as ssh-keygen -Y sign writes it.
func Sign(payload []byte, signer ssh.Signer) ([]byte, error) {
	sig, err := sshsig.SignWithRand(bytes.NewReader(payload), rand.Reader, signer, sshsig.HashSHA512, Namespace)
	if err != nil {
		return nil, i18n.Errorf("approvals: sign: %w", err)
	}
	return sshsig.Armor(sig), nil
}

const (
	armorBegin = "-----BEGIN SSH SIGNATURE-----"
	armorEnd   = "-----END SSH SIGNATURE-----"
)

// ParseSignature reads an armored SSHSIG strictly: one block and nothing
// else in the file, version 1, a known hash algorithm.
func ParseSignature(b []byte) (*sshsig.Signature, error) {
	if len(b) > MaxSignature {
		return nil, i18n.Errorf("signature file of %d bytes is larger than %d", len(b), MaxSignature)
	}
	if !bytes.HasPrefix(b, []byte(armorBegin)) {
		return nil, i18n.Errorf("not an armored SSH signature: the file must start with %s", armorBegin)
	}
	end := bytes.Index(b, []byte(armorEnd))
	if end < 0 {
		return nil, i18n.Errorf("armored SSH signature is not closed")
	}
	if rest := bytes.TrimSpace(b[end+len(armorEnd):]); len(rest) > 0 {
		return nil, i18n.Errorf("%d bytes of trailing data after the signature", len(rest))
	}
	sig, err := sshsig.Unarmor(b)
	if err != nil {
		return nil, i18n.Errorf("malformed SSH signature: %w", err)
	}
	if sig.HashAlgorithm != sshsig.HashSHA256 && sig.HashAlgorithm != sshsig.HashSHA512 {
		return nil, i18n.Errorf("hash algorithm %q is not sha256 or sha512", sig.HashAlgorithm)
	}
	return sig, nil
}

// VerifySignature checks an armored signature over payload, made in the
// approval namespace by one of keys. It returns the key that signed.
func VerifySignature(payload, armored []byte, keys []ssh.PublicKey) (ssh.PublicKey, error) {
	sig, err := ParseSignature(armored)
	if err != nil {
		return nil, err
	}
	if sig.Namespace != Namespace {
		return nil, i18n.Errorf("signature namespace is %q, not %q", sig.Namespace, Namespace)
	}
	var key ssh.PublicKey
	for _, k := range keys {
		if bytes.Equal(k.Marshal(), sig.PublicKey.Marshal()) {
			key = k
		}
	}
	if key == nil {
		return nil, i18n.Errorf("signed by %s %s, which is not a key of this member in the registry", sig.PublicKey.Type(), ssh.FingerprintSHA256(sig.PublicKey))
	}
	if key.Type() == ssh.KeyAlgoRSA {
		// x/crypto accepts SHA-1 RSA signatures; SSHSIG does not.
		if f := sig.Signature.Format; f != ssh.KeyAlgoRSASHA256 && f != ssh.KeyAlgoRSASHA512 {
			return nil, i18n.Errorf("RSA signature format %q is not rsa-sha2-256 or rsa-sha2-512", f)
		}
	}
	if err := sshsig.Verify(bytes.NewReader(payload), sig, key, sig.HashAlgorithm, Namespace); err != nil {
		return nil, i18n.Errorf("signature does not verify: %w", err)
	}
	return key, nil
}
