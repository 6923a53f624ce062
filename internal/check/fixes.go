package check

import (
	"github.com/policyctl/policyctl/internal/i18n"

	"github.com/policyctl/policyctl/internal/policy"
	"github.com/policyctl/policyctl/internal/ref"
	"github.com/policyctl/policyctl/internal/renumber"
)

// attachFixes gives the findings that a renumbering resolves their fix,
// made by package renumber: the references a renumbering since the base
// moved (ref/renumbered) get their rewriting, the gaps and repeats of a
// numbering (numbering/gap, numbering/duplicate) the whole renumbering
// that closes them, references included. Where renumber cannot keep every
// reference's target, the findings carry no fix: they need a person.
func attachFixes(r *policy.Repo, opts Options, fs []policy.Finding) {
	var moved, gaps []int
	for i, f := range fs {
		switch f.Rule {
		case policy.RuleRefRenumbered:
			moved = append(moved, i)
		case policy.RuleNumberingGap, policy.RuleNumberingDuplicate:
			gaps = append(gaps, i)
		}
	}
	if len(moved) > 0 && opts.Base != nil {
		p, err := renumber.Make(renumber.Input{Base: opts.Base, Cur: r, CurRefs: opts.Refs}, renumber.Options{RefsOnly: true})
		if err == nil {
			byPos := map[policy.Pos]renumber.Rewrite{}
			for _, rw := range p.Refs {
				byPos[rw.Ref.Pos] = rw
			}
			unsafe := map[policy.Pos]bool{}
			for _, pr := range p.Problems {
				unsafe[pr.Pos] = true
			}
			for _, i := range moved {
				rw, ok := byPos[fs[i].Pos]
				if !ok || unsafe[fs[i].Pos] {
					continue
				}
				fs[i].Hint = i18n.Sprintf("write %s to keep pointing at it", rw.New)
				fs[i].Fix = &policy.Fix{Description: i18n.Sprintf("write %s for %s", rw.New, rw.Old), Edits: editsOf(p.Edits, rw.Ref)}
			}
		}
	}
	if len(gaps) > 0 {
		p, err := renumber.Make(renumber.Input{Base: opts.Base, Cur: r, CurRefs: opts.Refs}, renumber.Options{})
		if err != nil || len(p.Problems) > 0 || len(p.Edits) == 0 {
			return
		}
		res, err := p.Apply()
		if err != nil || len(res.Problems) > 0 {
			return
		}
		fix := &policy.Fix{Description: i18n.Sprintf("renumber %d provisions and rewrite %d references to keep their targets (policyctl renumber)",
			len(p.Numbers), len(p.Refs)), Edits: res.Edits}
		for _, i := range gaps {
			fs[i].Fix = fix
		}
	}
}

// editsOf are the edits of a plan inside one reference.
func editsOf(edits []policy.Edit, r *ref.Ref) []policy.Edit {
	var out []policy.Edit
	start, end := r.Doc.BodyStart+r.Start, r.Doc.BodyStart+r.End
	for _, e := range edits {
		if e.File == r.Doc.Path && e.Start >= start && e.End <= end {
			out = append(out, e)
		}
	}
	return out
}
