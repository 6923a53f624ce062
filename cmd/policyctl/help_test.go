package main

import (
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/policyctl/policyctl/internal/i18n"
)

// TestUsageTemplate: in English the usage template is cobra's own, and in
// Japanese none of its English headings is left (a heading cobra renames
// would be).
func TestUsageTemplate(t *testing.T) {
	defer i18n.Set(i18n.Current())
	cobraTmpl := new(cobra.Command).UsageTemplate()
	i18n.Set(i18n.En)
	en := usageTemplate()
	if got := strings.ReplaceAll(en, "| flagDefaults ", ""); got != cobraTmpl {
		t.Errorf("the English usage template is not cobra's:\n%s", got)
	}
	if strings.Count(en, "| flagDefaults |") != 2 {
		t.Errorf("flagDefaults is not applied to both flag lists:\n%s", en)
	}
	usages := "  -C, --dir DIR   the policy repository DIR (default \".\")\n      --lang ja   (default: the locale)\n"
	if got := flagDefaults(usages); got != usages {
		t.Errorf("flagDefaults changed English usages:\n%s", got)
	}
	i18n.Set(i18n.Ja)
	ja := usageTemplate()
	for _, h := range []string{"Usage:", "Aliases:", "Examples:", "Available Commands:", "Additional Commands:", "Flags:", "Additional help topics:", "for more information"} {
		if strings.Contains(ja, h) {
			t.Errorf("the Japanese usage template still says %q", h)
		}
	}
	if got, want := flagDefaults(usages), "  -C, --dir DIR   the policy repository DIR（既定値: \".\"）\n      --lang ja   (default: the locale)\n"; got != want {
		t.Errorf("flagDefaults in Japanese:\n%s\nwant\n%s", got, want)
	}
}
