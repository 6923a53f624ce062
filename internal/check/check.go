// Package check validates a policy repository model and reports findings:
// one Finding type, many rules. Rules read the model and report through a
// callback; they never print and never exit. The formatters in format.go turn
// a Result into text, JSON, GitHub annotations or SARIF.
package check

import (
	"sort"
	"strings"

	"github.com/policyctl/policyctl/internal/policy"
)

// A rule inspects the repository and reports what it finds.
type rule func(r *policy.Repo, report func(policy.Finding))

// rules run in this order; their findings are sorted afterwards.
var rules = []rule{
	readFindings,
	frontMatter,
	duplicateIDs,
	approvers,
	allowedSigners,
	links,
	collisions,
	references,
	numbering,
	quotedTitles,
}

// Blocking runs the rules whose errors forbid building any edition that
// does not see every level: restricted content reaching it
// (visibility/leak), markers that are not exactly markers
// (visibility/marker and the other visibility/* errors), front matter that
// cannot be trusted to say what a document is, text that is not valid
// UTF-8 in LF/NFC form, and links or files that an edition must never
// contain. A build refuses while any of these stands; check reports them
// with everything else.
func Blocking(r *policy.Repo) []policy.Finding {
	var out []policy.Finding
	report := func(f policy.Finding) {
		if f.Severity == policy.Error && blocks(f.Rule) {
			out = append(out, f)
		}
	}
	for _, rl := range []rule{readFindings, frontMatter, duplicateIDs, links, collisions, references, quotedTitles} {
		rl(r, report)
	}
	Sort(out)
	return out
}

func blocks(rule string) bool {
	for _, p := range []string{"visibility/", "frontmatter/", "text/encoding", "link/unsafe", "link/case", "files/collision"} {
		if strings.HasPrefix(rule, p) {
			return true
		}
	}
	return false
}

// Result is every finding of one run, sorted by file and position.
type Result struct {
	Findings []policy.Finding
	Errors   int
	Warnings int
}

// Run applies every rule to the repository.
func Run(r *policy.Repo) *Result {
	res := &Result{}
	report := func(f policy.Finding) { res.Findings = append(res.Findings, f) }
	for _, rl := range rules {
		rl(r, report)
	}
	Sort(res.Findings)
	for _, f := range res.Findings {
		if f.Severity == policy.Error {
			res.Errors++
		} else {
			res.Warnings++
		}
	}
	return res
}

// Sort orders findings by file, line, column, rule and message.
func Sort(fs []policy.Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		switch {
		case a.Pos.File != b.Pos.File:
			return a.Pos.File < b.Pos.File
		case a.Pos.Line != b.Pos.Line:
			return a.Pos.Line < b.Pos.Line
		case a.Pos.Col != b.Pos.Col:
			return a.Pos.Col < b.Pos.Col
		case a.Rule != b.Rule:
			return a.Rule < b.Rule
		}
		return a.Message < b.Message
	})
}

// readFindings passes on what the loader found while reading files.
func readFindings(r *policy.Repo, report func(policy.Finding)) {
	for _, f := range r.Findings {
		report(f)
	}
	for _, d := range r.Docs {
		for _, f := range d.Findings {
			report(f)
		}
	}
}
