package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"sync"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/policyctl/policyctl/approvals"
	"github.com/policyctl/policyctl/internal/atomicfile"
	"github.com/policyctl/policyctl/internal/diff"
	"github.com/policyctl/policyctl/internal/history"
	"github.com/policyctl/policyctl/internal/i18n"
	"github.com/policyctl/policyctl/internal/kaimebun"
	"github.com/policyctl/policyctl/internal/policy"
	"github.com/policyctl/policyctl/internal/source"
	"github.com/policyctl/policyctl/internal/termtext"
	"github.com/policyctl/policyctl/render"
)

type diffOptions struct {
	f       *factory
	repo    repoOptions
	Edition string
	Doc     string
	Format  string
	Output  string
	Notes   bool
}

func newCmdDiff(f *factory, runF func(*diffOptions, []string) error) *cobra.Command {
	opts := &diffOptions{f: f}
	c := &cobra.Command{
		Use:   "diff [OLD [NEW]]",
		Short: i18n.T("the 新旧対照表 between two revisions"),
		Long: i18n.T(`diff prints the 新旧対照表 between two revisions: 改正後 on the left and 改正前 on the
right (diff.order in policyctl.yaml reverses them), sections aligned even when
renumbered, retitled or moved, changed wording marked in a reader's units,
unchanged provisions elided as （略）, added ones against （新設）, removed ones
against （削る）. References that a renumbering broke are listed below it.

OLD and NEW are revision ids (2024-04-01), in-force, git commits, tags,
branches or expressions like HEAD~1. Default: in-force against the working
tree. --edition public compares only what the public edition shows.

For a 決裁: --format docx and --format xlsx write the table as Word and Excel
files (A4 landscape, -o FILE), --format kaimebun the 改め文 in the standard
forms of 法制執務 (with --doc for one document), --notes a 備考 column.`),
		Example: i18n.T(`  policyctl diff
  policyctl diff 2024-04-01 2026-03-31 --format html -o 新旧対照表.html
  policyctl diff in-force HEAD --edition public --format markdown
  policyctl diff 2024-04-01 2026-03-31 --format docx --notes -o 新旧対照表.docx
  policyctl diff 2024-04-01 2026-03-31 --format kaimebun`),
		Args: cobra.MaximumNArgs(2),
		RunE: func(_ *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts, args)
			}
			return diffRun(opts, args)
		},
	}
	addDirFlag(c, &opts.repo)
	c.Flags().StringArrayVar(&opts.repo.Sets, "set", nil, i18n.T("override a configuration key, `KEY=VALUE`"))
	c.Flags().StringVar(&opts.repo.At, "at", "", i18n.T("judge what is in force on `DATE` (YYYY-MM-DD) instead of today in Japan"))
	c.Flags().StringVar(&opts.Edition, "edition", "", i18n.T("compare only what edition `NAME` shows (public: safe to publish)"))
	c.Flags().StringVar(&opts.Doc, "doc", "", i18n.T("only the document with this `ID`"))
	c.Flags().StringVar(&opts.Format, "format", "text", i18n.T("output `FORMAT`: text, html, markdown, json, docx (Word), xlsx (Excel) or kaimebun (改め文)"))
	c.Flags().StringVarP(&opts.Output, "output", "o", "", i18n.T("write to `FILE` instead of standard output"))
	c.Flags().BoolVar(&opts.Notes, "notes", false, i18n.T("add a 備考 column: 追加, 変更, 削除, 新設 or 移動 per row"))
	return c
}

func diffRun(opts *diffOptions, args []string) error {
	f := opts.f
	oldRev, newRev := history.InForceRev, ""
	if len(args) > 0 {
		oldRev = args[0]
	}
	if len(args) > 1 {
		newRev = args[1]
	}
	// One opening of the repository, one walk of its history; the two
	// revisions are then read and parsed at the same time: on a large pair
	// that is most of the command's time.
	h, err := opts.repo.open("")
	if err != nil {
		return err
	}
	oh, err := h.Open(oldRev)
	if err != nil {
		return err
	}
	nh := h
	if newRev != "" {
		if nh, err = h.Open(newRev); err != nil {
			return err
		}
	}
	var om, nm *policy.Repo
	var trip *render.Tripwire
	var leave map[string]bool
	var oerr error
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		om, oerr = opts.repo.model(oh)
	}()
	nm, err = opts.repo.model(nh)
	wg.Wait()
	if oerr != nil {
		return oerr
	}
	if err != nil {
		return err
	}
	ot, nt := oh.Tree, nh.Tree
	// The new side may be the content of the revision approved and still
	// to come (read from the working tree or a commit): the table then
	// names that revision, not a draft. Asked only against in-force, whose
	// history is read anyway: two named commits are compared as commits.
	approvedNew := ""
	if oldRev == history.InForceRev && (newRev == "" || !approvals.ValidRevisionID(newRev)) {
		approvedNew = approvedAs(nh)
	}
	if opts.Edition != "" {
		// The edition is narrowed by the approved configuration, as the
		// site's is: a draft cannot widen what a public diff shows.
		approved, err := approvedConfig(h)
		if err != nil {
			return err
		}
		oe, err := editionOf(om, opts.Edition, approved)
		if err != nil {
			return err
		}
		ne, err := editionOf(nm, opts.Edition, approved)
		if err != nil {
			return err
		}
		// A document made non-public is left out, never said 廃止.
		leave = diff.Left(oe.Repo(), ne.Repo(), nm)
		om, nm = oe.Repo(), ne.Repo()
		// What the diff writes is looked through as the site's pages are:
		// the tripwire does not trust the cut either.
		trip = render.NewTripwire(oe)
		trip.Add(ne)
	}
	if opts.Doc != "" && nm.Doc(opts.Doc) == nil && om.Doc(opts.Doc) == nil {
		return i18n.Errorf("--doc %q: no document has that id in either revision (ids: %s)", opts.Doc, policy.KnownIDs(20, om, nm))
	}
	res := diff.Compare(om, nm, diff.Options{Doc: opts.Doc, Leave: leave})
	res.Old, res.New = revLabel(oldRev, ot), revLabel(newRev, nt)
	if approvedNew != "" {
		res.New = approvedNew + " (" + res.New + ")"
	}
	if reversed(ot, nt) {
		fmt.Fprintln(f.stderr, fmt.Sprintf(diff.LabelsFor(string(i18n.Current())).WrongOrder, oldRev, newRev))
	}
	fo := diff.FormatOptions{
		Lang:       string(i18n.Current()),
		OldFirst:   nm.Config.Diff.Order == "old-new",
		Notes:      opts.Notes,
		Kind:       revisionKind(res.New, nt),
		Restricted: opts.Edition == "" && holdsRestricted(res, om, nm),
	}
	if fo.Restricted && opts.Output != "" {
		i18n.Fprintf(f.stderr, "policyctl diff: this table holds text that is not public, and is marked so; for a table to publish or hand out, add --edition public\n")
	}
	var buf bytes.Buffer
	var data []byte // what is written: buf's bytes, unless a format makes its own
	binary := false
	switch opts.Format {
	case "text":
		to := textOptions(f, opts.Output == "", fo.OldFirst)
		to.Notes, to.Kind, to.Lang, to.Restricted = fo.Notes, fo.Kind, fo.Lang, fo.Restricted
		err = res.WriteText(&buf, to)
	case "html":
		err = res.WriteHTML(&buf, fo)
	case "markdown":
		err = res.WriteMarkdown(&buf, fo)
	case "json":
		// Appended into a slice of its size, not copied into buf: the
		// data of a large pair is megabytes.
		data = res.AppendJSON(nil)
	case "docx":
		binary = true
		err = res.WriteDocx(&buf, fo)
	case "xlsx":
		binary = true
		err = res.WriteXLSX(&buf, fo)
	case "kaimebun":
		id, _, _ := strings.Cut(res.New, " ")
		err = kaimebun.Write(&buf, res, kaimebun.Options{Revision: id})
	default:
		return i18n.Errorf("--format %q: expected text, html, markdown, json, docx, xlsx or kaimebun", opts.Format)
	}
	if err != nil {
		return err
	}
	if data == nil {
		data = buf.Bytes()
	}
	if trip != nil {
		trip.AllowBesideTitles(diff.LabelsFor(fo.Lang).Words()...)
		if err := trip.Scan(map[string][]byte{"diff." + opts.Format: data}); err != nil {
			fmt.Fprintf(f.stderr, "policyctl: %v\n", err)
			return errProblems
		}
	}
	if opts.Output == "" {
		out := f.stdout
		switch {
		case binary && isTerminal(out):
			return i18n.Errorf("--format %s writes a binary file: name it with -o FILE (or redirect standard output)", opts.Format)
		case opts.Format != "text" && isTerminal(out):
			// HTML, Markdown, JSON and 改め文 read on a terminal: the
			// document text in them shows its control characters as
			// pictures (the text table does so itself, around its own
			// underline).
			out = termtext.Writer(out)
		}
		_, err = out.Write(data)
		return err
	}
	if err := atomicfile.Write(opts.Output, data); err != nil {
		return err
	}
	i18n.Fprintf(f.stdout, "wrote %s\n", opts.Output)
	return nil
}

// approvedConfig is the configurations that narrow an edition: the
// revision in force's and the newest approved revision's, whatever day
// is judged (--at a day before the first took effect must not let a
// draft widen an edition). None when nothing was approved: then the
// repository's own configuration stands.
func approvedConfig(h *history.Repository) ([]*policy.Config, error) {
	recs, err := h.Revisions()
	switch {
	case errors.Is(err, history.ErrNoGit), errors.Is(err, history.ErrNoCommits):
		return nil, nil // nothing can have been approved
	case err != nil:
		// Never the repository's own configuration instead: a draft
		// could widen the edition.
		return nil, err
	}
	var out []*policy.Config
	if history.InForce(recs) != nil {
		in, err := h.Open(history.InForceRev)
		if err != nil {
			return nil, err
		}
		m, err := in.Model()
		if err != nil {
			return nil, err
		}
		out = append(out, m.Config)
	}
	for i := len(recs) - 1; i >= 0; i-- {
		if recs[i].Approved && recs[i].Model != nil {
			out = append(out, recs[i].Model.Config)
			break
		}
	}
	return out, nil
}

func editionOf(r *policy.Repo, name string, approved []*policy.Config) (*render.EditionModel, error) {
	if e, ok := r.Config.Edition(name); ok {
		for _, c := range approved {
			e = e.Restrict(c)
		}
		return render.Edition(r, e)
	}
	return nil, i18n.Errorf("--edition %q: not an edition of policyctl.yaml (editions: %s)", name, strings.Join(r.Config.EditionNames(), i18n.T(", ")))
}

// revLabel names a revision for the 新旧対照表: its revision id first when
// it has one (the title writes it in 和暦), then the commit.
func revLabel(rev string, t *source.Tree) string {
	switch {
	case rev == "":
		return "作業中"
	case t.Commit == nil:
		return rev
	}
	hash := t.Commit.Hash.String()[:7]
	if rev == history.InForceRev {
		if ids, err := approvals.ListRevisions(t.FS); err == nil && len(ids) > 0 {
			return fmt.Sprintf("%s (%s, %s)", ids[len(ids)-1], rev, hash)
		}
	}
	if len(rev) >= 4 && strings.HasPrefix(t.Commit.Hash.String(), strings.ToLower(rev)) {
		return hash // a commit named by its hash: once is enough
	}
	return fmt.Sprintf("%s (%s)", rev, hash)
}

// approvedAs names the approved revision still to come (施行予定) whose
// content a tree is: the gate judges the tree's content against it, as
// verify and status do (documents, the files they link to, the
// configuration), and every committee's approval must hold. "" otherwise —
// a draft, content reverted to an older revision, a linked file changed.
func approvedAs(h *history.Repository) string {
	g, err := h.Verify("")
	if err != nil || g.Record == nil || !g.Record.Scheduled || g.Verdict == nil || !g.Verdict.OK {
		return ""
	}
	return g.Record.ID
}

// revisionKind reads the kind (一部改正, 改訂 …) of the revision a label
// begins with from its revision.yaml; empty when it has none.
func revisionKind(label string, t *source.Tree) string {
	id, _, _ := strings.Cut(label, " ")
	if !approvals.ValidRevisionID(id) {
		return ""
	}
	m, err := approvals.ReadMeta(t.FS, id)
	if err != nil {
		return ""
	}
	return m.Kind
}

// reversed reports whether NEW is an ancestor of OLD: the two revisions
// were given the wrong way round.
func reversed(old, new *source.Tree) bool {
	if old.Commit == nil || new.Commit == nil || old.Commit.Hash == new.Commit.Hash {
		return false
	}
	ok, err := new.Commit.IsAncestor(old.Commit)
	return err == nil && ok
}

// holdsRestricted reports whether a table of the full content shows text
// of a level above the first (public): a compared document of such a
// level, or a restricted part of one.
func holdsRestricted(res *diff.Result, models ...*policy.Repo) bool {
	for _, d := range res.Documents {
		for _, m := range models {
			if doc := m.Doc(d.ID); doc != nil && (doc.Level > 0 || len(doc.Parts) > 0) {
				return true
			}
		}
	}
	return false
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// textOptions sizes the terminal table: COLUMNS, else the terminal's
// width; colour only on a terminal and without NO_COLOR.
func textOptions(f *factory, toStdout, oldFirst bool) diff.TextOptions {
	o := diff.TextOptions{OldFirst: oldFirst}
	if n, err := strconv.Atoi(os.Getenv("COLUMNS")); err == nil && n > 0 {
		o.Width = n
	}
	if out, ok := f.stdout.(*os.File); ok && toStdout && term.IsTerminal(int(out.Fd())) {
		if o.Width == 0 {
			if w, _, err := term.GetSize(int(out.Fd())); err == nil {
				o.Width = w
			}
		}
		o.Color = os.Getenv("NO_COLOR") == ""
	}
	return o
}
