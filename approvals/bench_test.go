package approvals_test

import (
	"os"
	"testing"

	"golang.org/x/crypto/ssh"

	"github.com/policyctl/policyctl/approvals"
	"github.com/policyctl/policyctl/internal/corpus"
	"github.com/policyctl/policyctl/internal/policy"
)

// BenchmarkVerify verifies a revision of 1,000 documents signed by seven
// committees, as policyctl verify does: load the front matter, check seven
// signatures and 7,000 digests.
func BenchmarkVerify(b *testing.B) {
	dir := b.TempDir()
	if err := corpus.Write(dir, corpus.Options{Docs: 1000, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	fsys := os.DirFS(dir)
	r, err := policy.Load(fsys, policy.LoadOptions{HeadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	const rev = "2026-03-31"
	for _, c := range corpus.Committees {
		m := c + "-chair"
		signer, err := ssh.NewSignerFromKey(corpus.Key(m))
		if err != nil {
			b.Fatal(err)
		}
		p, isNew, err := approvals.Prepare(fsys, r, nil, approvals.Request{Revision: rev, Committee: c, Member: m})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := approvals.Approve(dir, r, p, isNew, signer); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		r, err := policy.Load(fsys, policy.LoadOptions{HeadOnly: true})
		if err != nil {
			b.Fatal(err)
		}
		v, err := approvals.Verify(fsys, r, rev, nil, "")
		if err != nil || !v.OK {
			b.Fatalf("verify: %v %+v", err, v)
		}
	}
}
