package diff

import "testing"

// TestRevisionName: the new side of a 新旧対照表 is named for a committee: a
// revision by its date and kind, the working tree and any commit or
// branch that is no revision as a draft.
func TestRevisionName(t *testing.T) {
	for _, tc := range []struct{ lang, label, kind, want string }{
		{"ja", "2026-04-01", "一部改正", "令和8年4月1日一部改正"},
		{"ja", "", "", "改正案"},
		{"ja", "HEAD (0c33803)", "", "改正案：HEAD (0c33803)"},
		{"en", "main (0c33803)", "", "Draft amendment: main (0c33803)"},
	} {
		if got := revisionName(tc.label, tc.kind, LabelsFor(tc.lang)); got != tc.want {
			t.Errorf("%s %q: %q, want %q", tc.lang, tc.label, got, tc.want)
		}
	}
}
