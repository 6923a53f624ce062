package fix

import (
	"testing"

	"github.com/policyctl/policyctl/internal/policy"
)

// TestNewFindingsNumbering: a gap a renumbering left is new even where the
// repository had a gap of another kind in the same file (the 第?条 it was
// run to number); a gap it had before, with other numbers now, is not.
func TestNewFindingsNumbering(t *testing.T) {
	gap := func(msg string) policy.Finding {
		return policy.Finding{Rule: policy.RuleNumberingGap, Severity: policy.Error, Pos: policy.Pos{File: "policy/std.md"}, Message: msg}
	}
	for _, tc := range []struct {
		before, after string
		isNew         bool
	}{
		{"第?条 has no number yet; in its place it is 第6条", "第5条 follows 第3条の2", true},
		{"第24条 follows 第22条", "第23条 follows 第21条", false},
		{"第二十四条 follows 第二十二条", "第二十三条 follows 第二十一条", false},
	} {
		got := newFindings([]policy.Finding{gap(tc.before)}, []policy.Finding{gap(tc.after)})
		if (len(got) > 0) != tc.isNew {
			t.Errorf("before %q, after %q: new %v, want %v", tc.before, tc.after, got, tc.isNew)
		}
	}
}
