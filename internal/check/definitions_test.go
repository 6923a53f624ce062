package check

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/policyctl/policyctl/internal/policy"
)

// TestRestrictedDefinitions: public text that takes a link's address or a
// footnote from a definition in a restricted part is a visibility/leak
// error at the use (build would refuse the edition), naming the
// definition's line and not its restricted address; a definition the text
// can see, or restricted text using a restricted one, is fine.
func TestRestrictedDefinitions(t *testing.T) {
	doc := func(body string) []byte {
		return []byte("---\nid: t\ntitle: テスト\ntier: basic\nvisibility: public\napprovers: [mayor]\n---\n\n" + body)
	}
	for _, tc := range []struct {
		name, body string
		want       []string
	}{
		{"link", "[見る][r]\n\n::: internal\n[r]: https://secret.example/x \"内部\"\n:::\n", []string{"uses a link reference definition (line 12)"}},
		{"image", "![図][r]\n\n::: internal\n[r]: secret.png\n:::\n", []string{"uses a link reference definition (line 12)"}},
		{"footnote", "本文[^1]\n\n::: internal\n[^1]: 内部の注記\n:::\n", []string{"refers to a footnote whose definition (line 12)"}},
		{"visible definition", "[見る][r]\n\n[r]: https://example.jp/\n", nil},
		{"restricted use", "::: internal\n[見る][r]\n\n[r]: https://secret.example/x\n:::\n", nil},
	} {
		fsys := fstest.MapFS{
			policy.ConfigFile: {Data: []byte("organization: {id: t, name: 試験市}\ntitle: 試験市情報セキュリティポリシー\n")},
			"policy/t.md":     {Data: doc(tc.body)},
		}
		r, err := policy.Load(fsys, policy.LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		restrictedDefinitions(r, func(f policy.Finding) { got = append(got, f.Message) })
		if len(got) != len(tc.want) {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
			continue
		}
		for i, w := range tc.want {
			if !strings.Contains(got[i], w) || strings.Contains(got[i], "secret") {
				t.Errorf("%s: %q, want %q and no address", tc.name, got[i], w)
			}
		}
	}
}
