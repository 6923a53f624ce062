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

// TestNewFindingsPlaces: numbering/style and text/kana report once per
// document with the places their fix rewrites; more places after a change
// are new, as many or fewer are not.
func TestNewFindingsPlaces(t *testing.T) {
	style := func(rule *policy.Rule, n int) policy.Finding {
		return policy.Finding{Rule: rule, Severity: policy.Warning, Pos: policy.Pos{File: "policy/std.md"}, Fix: &policy.Fix{Edits: make([]policy.Edit, n)}}
	}
	for _, rule := range []*policy.Rule{policy.RuleNumberingStyle, policy.RuleTextKana} {
		for _, tc := range []struct {
			before, after int
			isNew         bool
		}{{1, 1, false}, {3, 2, false}, {1, 10, true}, {0, 1, true}} {
			var before []policy.Finding
			if tc.before > 0 {
				before = append(before, style(rule, tc.before))
			}
			got := newFindings(before, []policy.Finding{style(rule, tc.after)})
			if (len(got) > 0) != tc.isNew {
				t.Errorf("%s: %d places before, %d after: new %v, want %v", rule.ID, tc.before, tc.after, got, tc.isNew)
			}
		}
	}
}
