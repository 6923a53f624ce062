package check

import (
	"fmt"
	"io"
	"strings"

	"github.com/policyctl/policyctl/internal/i18n"
	"github.com/policyctl/policyctl/internal/policy"
)

// Rules lists every rule check can report, sorted by id: the values in
// internal/policy/rules.go, where each rule's id, severity, summary and
// help stand in both languages.
func Rules() []*policy.Rule { return policy.Rules() }

// RuleIndex returns the position of a rule in Rules, or -1.
func RuleIndex(id string) int {
	for i, r := range Rules() {
		if r.ID == id {
			return i
		}
	}
	return -1
}

// Summary is a rule's summary in the current language.
func Summary(r *policy.Rule) string {
	if i18n.Current() == i18n.Ja {
		return r.SummaryJa
	}
	return r.Summary
}

// Help is a rule's help in the current language.
func Help(r *policy.Rule) string {
	if i18n.Current() == i18n.Ja {
		return r.HelpJa
	}
	return r.Help
}

// WriteRulesDoc writes docs/rules.md: every rule with its severity, what it
// finds and how to fix it, in Japanese and English.
func WriteRulesDoc(w io.Writer) error {
	var b strings.Builder
	b.WriteString("# 検査規則 — check rules\n\n")
	b.WriteString("<!-- Generated from internal/policy/rules.go: go test ./internal/check -update -->\n\n")
	b.WriteString("`policyctl check` の規則の一覧です。規則の id、既定の重さ（error は終了コード 1、warning は表示のみ）、何を見つけるか、どう直すかを示します。\n")
	b.WriteString("Every rule `policyctl check` reports: its id, default severity (error fails the check, warning does not), what it finds and how to fix it.\n\n")
	for _, r := range Rules() {
		fmt.Fprintf(&b, "## `%s`\n\n", r.ID)
		fmt.Fprintf(&b, "- 重さ severity: %s\n", r.Severity)
		fmt.Fprintf(&b, "- 内容: %s\n- 直し方: %s\n", r.SummaryJa, r.HelpJa)
		fmt.Fprintf(&b, "- Finds: %s\n- Fix: %s\n\n", r.Summary, r.Help)
	}
	_, err := io.WriteString(w, b.String())
	return err
}
