package check

import (
	"fmt"

	"github.com/policyctl/policyctl/internal/i18n"
	"github.com/policyctl/policyctl/internal/policy"
	"github.com/policyctl/policyctl/internal/ref"
)

// references reports textual references that do not resolve, resolve
// ambiguously or in the wrong direction, and those that let less
// restricted text cite restricted content.
func references(r *policy.Repo, report func(policy.Finding)) {
	reportRefs(r, ref.All(r), report)
}

func reportRefs(r *policy.Repo, all map[*policy.Document][]*ref.Ref, report func(policy.Finding)) {
	for _, d := range r.Docs {
		for _, x := range all[d] {
			if x.Problem != nil {
				report(policy.Finding{Rule: x.Problem.Rule, Severity: x.Problem.Severity, Pos: x.Pos,
					Message: x.Problem.Message, Hint: x.Problem.Hint})
				continue
			}
			if x.Form != nil {
				report(policy.Finding{Rule: x.Form.Rule, Severity: x.Form.Severity, Pos: x.Pos, Message: x.Form.Message, Hint: x.Form.Hint})
			}
			from := d.LevelAt(x.Start)
			for _, t := range x.Targets {
				if t.Level > from {
					report(policy.Finding{Rule: policy.RuleVisibilityLeak, Severity: policy.Error, Pos: x.Pos,
						Message: i18n.Sprintf("%s text cites %s (%s), which is %s",
							levelName(r, from), x.Text, where(x.TargetDoc, t), levelName(r, t.Level)),
						Hint: i18n.T("the reference would tell readers of the less restricted edition what the restricted part holds; cite it only from text at its level")})
					break
				}
			}
		}
	}
}

func levelName(r *policy.Repo, l int) string {
	name := fmt.Sprint(l)
	if l >= 0 && l < len(r.Config.Visibility) {
		name = r.Config.Visibility[l]
	}
	// The names are the configuration's own words; a Japanese reader gets
	// the usual ones glossed and the others quoted.
	if i18n.Current() == i18n.Ja {
		if g, ok := levelGloss[name]; ok {
			return g + "（" + name + "）"
		}
		return "「" + name + "」"
	}
	return name
}

var levelGloss = map[string]string{
	"public": "公開", "internal": "非公開", "confidential": "秘", "restricted": "限定", "secret": "極秘",
}

func where(d *policy.Document, s *policy.Section) string {
	if s == nil {
		return d.Path
	}
	return i18n.Sprintf("%s line %d", d.Path, s.Line)
}
