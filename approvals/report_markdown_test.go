package approvals

import (
	"strings"
	"testing"
)

// TestMarkdownEscapesNames: what a registry or an approval file says — a
// committee's name, a member, a detail — reaches a GitHub job summary as
// text: no tag, link or table cell of its author's.
func TestMarkdownEscapesNames(t *testing.T) {
	v := &Verdict{
		Revision: "2026-04-01", Kind: "改訂",
		Committees: []*CommitteeVerdict{{ID: "evil", Name: "委員会<img src=https://evil.example/p.png>", Quorum: 1, Approved: []string{"a|b"}, Detail: "[x](javascript:alert(1))"}},
		Invalid:    []Problem{{File: "approvals/x/<b>.json", Detail: "`code` **強調**\n## 見出し"}},
	}
	var b strings.Builder
	if err := v.WriteMarkdown(&b, "HEAD"); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, bad := range []string{"<img", "<b>", "[x](javascript", "**強調**", "\n## 見出し", "| a|b |"} {
		if strings.Contains(out, bad) {
			t.Errorf("the summary holds %q:\n%s", bad, out)
		}
	}
}
