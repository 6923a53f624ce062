// Package check validates a policy repository model and reports findings:
// one Finding type, many rules. Rules read the model and report through a
// callback; they never print and never exit. The formatters in format.go turn
// a Result into text, JSON, GitHub annotations or SARIF.
package check

import (
	"runtime"
	"slices"
	"sort"
	"strings"

	"golang.org/x/sync/errgroup"

	"github.com/policyctl/policyctl/internal/i18n"
	"github.com/policyctl/policyctl/internal/policy"
	"github.com/policyctl/policyctl/internal/ref"
)

// A rule inspects the repository and reports what it finds.
type rule func(r *policy.Repo, report func(policy.Finding))

// rulesFor lists the rules of a run, in the order they run; their
// findings are sorted afterwards. With a base revision, the references
// rule also compares with it.
func rulesFor(opts Options) []rule {
	refs := rule(references)
	if opts.Refs != nil {
		refs = func(r *policy.Repo, report func(policy.Finding)) { reportRefs(r, opts.Refs, report) }
	}
	if opts.Base != nil {
		name := opts.BaseName
		if name == "" {
			name = i18n.T("the base revision")
		}
		refs = referencesAgainst(opts.Base, name, opts.Refs, opts.Match)
	}
	return []rule{
		readFindings,
		frontMatter,
		duplicateIDsAgainst(opts.Base),
		approvers,
		allowedSigners,
		links,
		collisions,
		refs,
		terms,
		numbering,
		numberStyle(opts.Refs),
		kanaWidth,
		quotedTitles,
		restrictedDefinitions,
	}
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
	for _, f := range runRules(r, []rule{readFindings, frontMatter, duplicateIDs, links, collisions, references, quotedTitles, restrictedDefinitions}) {
		if f.Severity == policy.Error && blocks(f.Rule) {
			out = append(out, f)
		}
	}
	Sort(out)
	return out
}

// runRules runs rules side by side: each reads the model only. Their
// findings are kept per rule and joined in the rules' order, so the
// result does not depend on which finished first.
func runRules(r *policy.Repo, rules []rule) []policy.Finding {
	found := make([][]policy.Finding, len(rules))
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, rl := range rules {
		g.Go(func() error {
			rl(r, func(f policy.Finding) { found[i] = append(found[i], f) })
			return nil
		})
	}
	_ = g.Wait()
	var out []policy.Finding
	for _, fs := range found {
		out = append(out, fs...)
	}
	return out
}

func blocks(rule *policy.Rule) bool {
	switch rule {
	case policy.RuleTextEncoding, policy.RuleLinkUnsafe, policy.RuleLinkCase, policy.RuleFilesCollision, policy.RuleFilesSymlink:
		return true
	}
	for _, p := range []string{"visibility/", "frontmatter/"} {
		if strings.HasPrefix(rule.ID, p) {
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

// Options adjust a run.
type Options struct {
	// Base is the revision the repository changes — the revision in force,
	// or what --against names — and BaseName how messages call it. With a
	// base, references that a renumbering made point elsewhere are errors
	// (ref/renumbered).
	Base     *policy.Repo
	BaseName string
	// Refs are the repository's references, when they were resolved
	// already (by ref.All): the references rules use them rather than
	// resolving again.
	Refs map[*policy.Document][]*ref.Ref
	// Match, when set, maps the sections of Base to the repository's: the
	// caller knows them (renumber edits numbers and references only, and
	// follows every provision) better than matching by text, which
	// repetitive provisions whose references were rewritten can mislead.
	Match map[*policy.Section]*policy.Section
}

// Run applies every rule to the repository.
func Run(r *policy.Repo) *Result { return RunWith(r, Options{}) }

// RunWith applies every rule to the repository, and those that compare it
// with a base revision when opts names one.
func RunWith(r *policy.Repo, opts Options) *Result {
	if opts.Refs == nil {
		// Resolved once, for every rule that reads references.
		opts.Refs = ref.All(r)
	}
	res := &Result{Findings: withoutEchoes(runRules(r, rulesFor(opts)))}
	attachFixes(r, opts, res.Findings)
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

// withoutEchoes drops a ref/unresolved or ref/ambiguous finding where a
// ref/renumbered one stands at the same place: that one already says the
// reference no longer resolves (or resolves elsewhere), what it meant, and
// how to write it — one mistake, one error.
func withoutEchoes(fs []policy.Finding) []policy.Finding {
	renumbered := map[policy.Pos]bool{}
	for _, f := range fs {
		if f.Rule == policy.RuleRefRenumbered {
			renumbered[f.Pos] = true
		}
	}
	if len(renumbered) == 0 {
		return fs
	}
	return slices.DeleteFunc(fs, func(f policy.Finding) bool {
		return (f.Rule == policy.RuleRefUnresolved || f.Rule == policy.RuleRefAmbiguous) && renumbered[f.Pos]
	})
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
			return a.Rule.ID < b.Rule.ID
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
