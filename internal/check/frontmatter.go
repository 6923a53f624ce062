package check

import (
	"bytes"
	"io/fs"
	"regexp"
	"slices"
	"strings"

	"github.com/policyctl/policyctl/internal/i18n"
	"github.com/policyctl/policyctl/internal/policy"
)

var docIDPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

func metaPos(d *policy.Document, key string) policy.Pos {
	if l, ok := d.Meta.Lines[key]; ok {
		return policy.Pos{File: d.Path, Line: l, Col: 1}
	}
	return policy.Pos{File: d.Path, Line: 1, Col: 1}
}

// frontMatter checks each document's keys and values.
func frontMatter(r *policy.Repo, report func(policy.Finding)) {
	for _, d := range r.Docs {
		if unreadableFrontMatter(d) {
			continue // the root cause is reported: the encoding or the syntax
		}
		m := d.Meta
		bad := func(rule *policy.Rule, key string, sev policy.Severity, msg, hint string) {
			report(policy.Finding{Rule: rule, Severity: sev, Pos: metaPos(d, key), Message: msg, Hint: hint})
		}
		switch {
		case !m.Present["id"] || m.ID == "":
			bad(policy.RuleFrontMatterID, "id", policy.Error, i18n.T("the document has no id"), i18n.T(`add "id: " and a stable id such as "basic-policy"`))
		case !docIDPattern.MatchString(m.ID):
			bad(policy.RuleFrontMatterID, "id", policy.Error, i18n.Sprintf("id %q is not valid", m.ID), i18n.T(`use lower-case letters, digits and single "-", such as "basic-policy"`))
		case slices.Contains(policy.ReservedIDs, m.ID):
			// The document's page, <id>.html, would be one of the site's
			// own pages: one of the two would go missing.
			bad(policy.RuleFrontMatterID, "id", policy.Error,
				i18n.Sprintf("id %q is the name of a page the site writes itself: the document's page, %s.html, would replace it or be replaced by it", m.ID, m.ID),
				i18n.Sprintf("choose another id; the site keeps %s for its own pages", strings.Join(policy.ReservedIDs, i18n.T(", "))))
		}
		if !m.Present["title"] || strings.TrimSpace(m.Title) == "" {
			bad(policy.RuleFrontMatterTitle, "title", policy.Error, i18n.T("the document has no title"), i18n.T(`add "title: " and the document's title, such as 情報セキュリティ基本方針`))
		}
		switch {
		case !m.Present["tier"]:
			bad(policy.RuleFrontMatterTier, "tier", policy.Error, i18n.T("the document has no tier"), i18n.T("add tier: basic (基本方針), standard (対策基準) or procedure (実施手順)"))
		case !slices.Contains(policy.Tiers, m.Tier):
			bad(policy.RuleFrontMatterTier, "tier", policy.Error, i18n.Sprintf("tier %q is unknown", m.Tier)+didYouMean(string(m.Tier), tierNames()), i18n.T("use basic (基本方針), standard (対策基準) or procedure (実施手順)"))
		}
		levels := r.Config.Visibility
		switch {
		case !m.Present["visibility"]:
			bad(policy.RuleFrontMatterVisibility, "visibility", policy.Warning,
				i18n.Sprintf("no visibility: the document is treated as %q, the most restricted level", levels[len(levels)-1]),
				i18n.Sprintf("add visibility: one of %s", strings.Join(levels, i18n.T(", "))))
		case r.Config.LevelIndex(m.Visibility) < 0 && !hasFinding(d, policy.RuleFrontMatterVisibility):
			// (A tag on the value is reported by the parse, once.)
			bad(policy.RuleFrontMatterVisibility, "visibility", policy.Error,
				i18n.Sprintf("visibility %q is not a configured level; the document is treated as %q", m.Visibility, levels[len(levels)-1])+didYouMean(m.Visibility, levels),
				i18n.Sprintf("use one of %s (policyctl.yaml: visibility)", strings.Join(levels, i18n.T(", "))))
		}
	}
}

// duplicateIDs reports every document that reuses an id already taken by a
// document earlier in path order.
func duplicateIDs(r *policy.Repo, report func(policy.Finding)) { duplicateIDsAgainst(nil)(r, report) }

// duplicateIDsAgainst reports every document that reuses an id another
// one holds, on the copy: the document that is not where the id was in the
// base revision (the one in force), or else the later one in path order.
func duplicateIDsAgainst(base *policy.Repo) rule {
	return func(r *policy.Repo, report func(policy.Finding)) {
		byID := map[string][]*policy.Document{}
		for _, d := range r.Docs {
			if d.Meta.ID != "" {
				byID[d.Meta.ID] = append(byID[d.Meta.ID], d)
			}
		}
		for id, ds := range byID {
			if len(ds) < 2 {
				continue
			}
			original := ds[0]
			if base != nil {
				if b := base.Doc(id); b != nil {
					for _, d := range ds {
						if d.Path == b.Path {
							original = d
						}
					}
				}
			}
			for _, d := range ds {
				if d == original {
					continue
				}
				report(policy.Finding{Rule: policy.RuleFrontMatterDuplicateID, Severity: policy.Error, Pos: metaPos(d, "id"),
					Message: i18n.Sprintf("id %q is already used by %s", id, original.Path),
					Hint:    i18n.T("ids are unique in the repository and never reused; choose a new one for this copy")})
			}
		}
	}
}

// approvers checks that every approver is a committee of the registry.
func approvers(r *policy.Repo, report func(policy.Finding)) {
	for _, d := range r.Docs {
		if !d.Meta.Present["approvers"] || len(d.Meta.Approvers) == 0 {
			if d.Meta.Present["id"] {
				report(policy.Finding{Rule: policy.RuleFrontMatterApprovers, Severity: policy.Warning, Pos: metaPos(d, "approvers"),
					Message: i18n.T("the document names no approvers, so no committee has to adopt it"),
					Hint:    i18n.T("add approvers: a list of committee ids from approvals/registry.yaml")})
			}
			continue
		}
		if r.Registry == nil {
			report(policy.Finding{Rule: policy.RuleFrontMatterApprovers, Severity: policy.Error, Pos: metaPos(d, "approvers"),
				Message: i18n.T("approvers are named but there is no readable ") + policy.RegistryFile,
				Hint:    i18n.T("create the registry (policyctl init writes one) or fix its errors")})
			continue
		}
		seen := map[string]bool{}
		for _, c := range d.Meta.Approvers {
			if seen[c] {
				report(policy.Finding{Rule: policy.RuleFrontMatterApprovers, Severity: policy.Warning, Pos: metaPos(d, "approvers"),
					Message: i18n.Sprintf("committee %q is listed twice", c), Hint: i18n.T("list each committee once")})
			}
			seen[c] = true
			if r.Registry.Committee(c) == nil {
				var ids []string
				for _, k := range r.Registry.Committees {
					ids = append(ids, k.ID)
				}
				report(policy.Finding{Rule: policy.RuleFrontMatterApprovers, Severity: policy.Error, Pos: metaPos(d, "approvers"),
					Message: i18n.Sprintf("approver %q is not a committee in %s", c, policy.RegistryFile),
					Hint:    "committees: " + strings.Join(ids, i18n.T(", "))})
			}
		}
	}
}

// allowedSigners reports an approvals/allowed_signers that is missing or
// differs from the registry: auditors run ssh-keygen with that file.
func allowedSigners(r *policy.Repo, report func(policy.Finding)) {
	if r.Registry == nil {
		return
	}
	want := r.Registry.AllowedSigners(approvalsNamespace)
	got, err := fs.ReadFile(r.FS, policy.AllowedSignersFile)
	hasKeys := false
	for _, m := range r.Registry.Members {
		hasKeys = hasKeys || len(m.PublicKeys) > 0
	}
	switch {
	case err != nil && !hasKeys:
		return // nothing to list yet
	case err != nil:
		report(policy.Finding{Rule: policy.RuleAllowedSigners, Severity: policy.Warning, Pos: policy.Pos{File: policy.AllowedSignersFile},
			Message: i18n.T("approvals/allowed_signers is missing; auditors verify approvals with it"),
			Hint:    i18n.T("the next policyctl approve writes it from the registry")})
	case !bytes.Equal(got, want):
		report(policy.Finding{Rule: policy.RuleAllowedSigners, Severity: policy.Error, Pos: policy.Pos{File: policy.AllowedSignersFile, Line: 1, Col: 1},
			Message: i18n.T("approvals/allowed_signers does not match approvals/registry.yaml (stale): ssh-keygen would check approvals against other keys"),
			Hint:    i18n.T("never edit it by hand: the next policyctl approve rewrites it from the registry")})
	}
}

// approvalsNamespace is approvals.Namespace; check does not import the
// signing package for one constant.
const approvalsNamespace = "policyctl-approval"

// unreadableFrontMatter reports whether a document's front matter could not
// be read — not UTF-8, missing, or not YAML — so that only that is
// reported, not every key it then seems to lack.
func unreadableFrontMatter(d *policy.Document) bool {
	if d.Unreadable() {
		return true
	}
	for _, f := range d.Findings {
		if f.Rule == policy.RuleFrontMatterMissing || f.Rule == policy.RuleFrontMatterSyntax && len(d.Meta.Present) == 0 {
			return true
		}
	}
	return false
}

// hasFinding reports whether reading the document found a problem of rule.
func hasFinding(d *policy.Document, rule *policy.Rule) bool {
	for _, f := range d.Findings {
		if f.Rule == rule {
			return true
		}
	}
	return false
}

// didYouMean is " (did you mean X?)" when s is probably a misspelling of
// one of options, "" otherwise.
func didYouMean(s string, options []string) string {
	if near := policy.Nearest(s, options); near != "" {
		return i18n.Sprintf(" (did you mean %q?)", near)
	}
	return ""
}

func tierNames() []string {
	var out []string
	for _, t := range policy.Tiers {
		out = append(out, string(t))
	}
	return out
}
