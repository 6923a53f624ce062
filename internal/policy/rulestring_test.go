package policy

import (
	"fmt"
	"strings"
	"testing"
)

// TestRuleString: a rule formatted with %s or %v, alone or inside a
// finding, is its id.
func TestRuleString(t *testing.T) {
	f := Finding{Rule: RuleLinkBrokenFile, Message: "m"}
	for _, got := range []string{RuleLinkBrokenFile.String(), fmt.Sprintf("%s", RuleLinkBrokenFile), fmt.Sprintf("%v", RuleLinkBrokenFile), fmt.Sprintf("%+v", f)} {
		if !strings.Contains(got, "link/broken-file") || strings.Contains(got, RuleLinkBrokenFile.Summary) {
			t.Errorf("%q does not name the rule by its id", got)
		}
	}
}
