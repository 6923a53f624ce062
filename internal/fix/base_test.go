package fix

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/policyctl/policyctl/internal/check"
	"github.com/policyctl/policyctl/internal/corpus"
	"github.com/policyctl/policyctl/internal/policy"
	"github.com/policyctl/policyctl/internal/renumber"
)

// TestRenumberAgainstABaseInRepetitiveText: with a base, renumber judges
// its result against the base by the provisions it followed, not by
// matching text again — generated documents whose 項 repeat 「前項各号の
// 措置は、基本方針N(M)に基づき行う。」 once had their rewritten references
// paired with other provisions' old ones, and the renumbering refused.
func TestRenumberAgainstABaseInRepetitiveText(t *testing.T) {
	dir, base := t.TempDir(), t.TempDir()
	for _, d := range []string{dir, base} {
		if err := corpus.Write(d, corpus.Options{Docs: 30, Seed: 1}); err != nil {
			t.Fatal(err)
		}
	}
	full := filepath.Join(dir, "policy/basic-policy.md")
	src, err := os.ReadFile(full)
	if err != nil {
		t.Fatal(err)
	}
	out := strings.Replace(string(src), "## 4. ", "## 4. 新設\n\n新たに定める。\n\n(1) 一\n\n(2) 二\n\n(3) 三\n\n## 4. ", 1)
	if err := os.WriteFile(full, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := policy.Load(os.DirFS(dir), policy.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := policy.Load(os.DirFS(base), policy.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	c, err := Renumber(r, check.Options{Base: b}, renumber.Options{})
	if err != nil {
		t.Fatalf("%.1500s", err)
	}
	if len(c.After) == 0 {
		t.Fatal("nothing renumbered")
	}
}
