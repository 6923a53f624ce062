package site

import (
	"errors"
	"io"

	"github.com/policyctl/policyctl/internal/history"
	"github.com/policyctl/policyctl/internal/i18n"
	"github.com/policyctl/policyctl/internal/policy"
)

// FromHistory fills the 改訂履歴, the content in force and the archive of
// revisions from the history of h (one walk, h's options). A working tree
// outside git, or before its first commit, has only the legacy history:
// the build says so on Warn rather than failing, since it only previews;
// every other error reading the history is an error.
func FromHistory(h *history.Repository, full *policy.Repo, o *Options) error {
	recs, err := h.Revisions()
	if errors.Is(err, history.ErrNoGit) || errors.Is(err, history.ErrNoCommits) {
		warn(o.Warn, i18n.Sprintf("policyctl: %v; the site shows the legacy revisions only\n", err))
		o.Entries, err = history.Log(full.Config, nil)
		return err
	}
	if err != nil {
		return err
	}
	if err := history.ReplacedError(recs); err != nil {
		return err
	}
	if h.Revision != nil {
		// The content of a recorded revision: its history is what was
		// approved up to it.
		var upTo []*history.Recorded
		for _, r := range recs {
			if r.ID <= h.Revision.ID {
				upTo = append(upTo, r)
			}
		}
		recs = upTo
	}
	if o.Entries, err = history.Log(full.Config, recs); err != nil {
		return err
	}
	models := map[string]*policy.Repo{}
	var prev *history.Recorded
	for _, r := range recs {
		if !r.InForce {
			continue
		}
		nt, err := h.Tree.AtCommit(r.ID, r.Commit)
		if err != nil {
			return err
		}
		m, err := policy.Load(nt.FS, h.Options().Load)
		if err != nil {
			return i18n.Errorf("revision %s: %w", r.ID, err)
		}
		models[r.ID] = m
		rv := Revision{ID: r.ID, Kind: r.Kind, Model: m}
		if prev != nil {
			rv.Previous, rv.PrevID = models[prev.ID], prev.ID
		}
		o.Archive = append(o.Archive, rv)
		prev = r
	}
	if prev != nil {
		o.InForce, o.InForceID = models[prev.ID], prev.ID
	}
	// The newest approved revision still to come: pages that are its
	// content are 施行予定, not 案.
	if last := len(recs) - 1; last >= 0 && recs[last].Approved && recs[last].Scheduled && recs[last].Commit != nil {
		nt, err := h.Tree.AtCommit(recs[last].ID, recs[last].Commit)
		if err != nil {
			return err
		}
		// Read whole: it is cut as each edition is, to compare what the
		// edition shows.
		m, err := policy.Load(nt.FS, h.Options().Load)
		if err != nil {
			return i18n.Errorf("revision %s: %w", recs[last].ID, err)
		}
		o.Scheduled, o.ScheduledID = m, recs[last].ID
	}
	// The newest approved configuration narrows every edition, whatever
	// day is judged: before the first revision takes effect (--at a day
	// before it, or a revision approved but scheduled), a draft must not
	// widen an edition either.
	for i := len(recs) - 1; i >= 0; i-- {
		if recs[i].Approved && recs[i].Model != nil {
			o.Approved = recs[i].Model.Config
			break
		}
	}
	o.Approvals = approvalTables(h, full, recs, o.Warn)
	return nil
}

// approvalTables is the 承認状況 of every recorded revision: a revision in
// force as it stood when its approvals were complete, and the newest as
// `policyctl status` shows it, against the content read (edits made after
// its approvals are 変).
func approvalTables(h *history.Repository, full *policy.Repo, recs []*history.Recorded, warnings io.Writer) []ApprovalTable {
	var out []ApprovalTable
	for i, r := range recs {
		v, m := r.Verdict, r.Model
		if m == nil {
			m = full
		}
		if i == len(recs)-1 && h.Revision == nil {
			// The newest as the gate judges it (sealed, stale, 施行予定).
			g, err := h.Verify("")
			if err != nil {
				warn(warnings, i18n.Sprintf("site: the 承認状況 of revision %s shows it as recorded: %v\n", r.ID, err))
			} else if g.Verdict.Revision == r.ID {
				v, m = g.Verdict, full
			}
		}
		if v == nil {
			continue
		}
		at := ApprovalTableOf(v, m)
		if r.Scheduled {
			at.scheduled() // approved, and not in force yet: 予定, as the legend says
		}
		if m == full {
			at.Note = currentNote + at.Note
		}
		out = append(out, at)
	}
	return out
}
