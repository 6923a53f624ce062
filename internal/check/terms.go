package check

import (
	"github.com/policyctl/policyctl/internal/i18n"
	"github.com/policyctl/policyctl/internal/policy"
	"github.com/policyctl/policyctl/internal/ref"
)

// terms reports defined terms (定義語) used outside the scope their
// definition gives them, used before a 以下「X」という。 definition, or
// defined and never used.
func terms(r *policy.Repo, report func(policy.Finding)) {
	for _, t := range ref.Terms(r) {
		used := false
		for _, u := range t.Uses {
			switch {
			case u.Outside:
				report(policy.Finding{Rule: policy.RuleTermScope, Severity: policy.Warning, Pos: u.Pos,
					Message: i18n.Sprintf("「%s」 is defined for %s only (%s), but is used here", t.Name, scopeName(t), t.Pos),
					Hint:    i18n.T("outside its scope the word is not the defined term: write what it means here, or widen the definition (以下同じ。)")})
			case u.Before:
				report(policy.Finding{Rule: policy.RuleTermBeforeDefinition, Severity: policy.Warning, Pos: u.Pos,
					Message: i18n.Sprintf("「%s」 is used before its definition (%s: 以下「%s」という。)", t.Name, t.Pos, t.Name),
					Hint:    i18n.T("define a term where it is first used: move the definition here, or write the words it stands for")})
			default:
				used = true
			}
		}
		if !used {
			report(policy.Finding{Rule: policy.RuleTermUnused, Severity: policy.Warning, Pos: t.Pos,
				Message: i18n.Sprintf("「%s」 is defined but never used in %s", t.Name, scopeName(t)),
				Hint:    i18n.T("remove the definition, or use the term where its meaning is meant")})
		}
	}
}

func scopeName(t *ref.Term) string {
	if t.Scope == nil {
		return t.Doc.Path
	}
	return t.Scope.Display()
}
