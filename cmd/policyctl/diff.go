package main

import (
	"bytes"
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
	"github.com/policyctl/policyctl/internal/kaimebun"
	"github.com/policyctl/policyctl/internal/policy"
	"github.com/policyctl/policyctl/internal/source"
	"github.com/policyctl/policyctl/render"
)

func (a *app) diffCmd() *cobra.Command {
	var edition, doc, format, out string
	var notes bool
	c := &cobra.Command{
		Use:   "diff [OLD [NEW]]",
		Short: "the 新旧対照表 between two revisions",
		Long: `diff prints the 新旧対照表 between two revisions: 改正後 on the left and 改正前 on the
right (diff.order in policyctl.yaml reverses them), sections aligned even when
renumbered, retitled or moved, changed wording marked in a reader's units,
unchanged provisions elided as （略）, added ones against （新設）, removed ones
against （削る）. References that a renumbering broke are listed below it.

OLD and NEW are revision ids (2024-04-01), in-force, git commits, tags,
branches or expressions like HEAD~1. Default: in-force against the working
tree. --edition public compares only what the public edition shows.

For a 決裁: --format docx and --format xlsx write the table as Word and Excel
files (A4 landscape, -o FILE), --format kaimebun the 改め文 in the standard
forms of 法制執務 (with --doc for one document), --notes a 備考 column.`,
		Example: `  policyctl diff
  policyctl diff 2024-04-01 2026-03-31 --format html -o 新旧対照表.html
  policyctl diff in-force HEAD --edition public --format markdown
  policyctl diff 2024-04-01 2026-03-31 --format docx --notes -o 新旧対照表.docx
  policyctl diff 2024-04-01 2026-03-31 --format kaimebun`,
		Args: cobra.MaximumNArgs(2),
		RunE: func(_ *cobra.Command, args []string) error {
			oldRev, newRev := history.InForceRev, ""
			if len(args) > 0 {
				oldRev = args[0]
			}
			if len(args) > 1 {
				newRev = args[1]
			}
			// The two revisions are read and parsed at the same time: on
			// a large pair that is most of the command's time.
			var ot, nt *source.Tree
			var om, nm *policy.Repo
			var oerr, err error
			var wg sync.WaitGroup
			wg.Add(1)
			go func() {
				defer wg.Done()
				ot, om, oerr = a.openModel(oldRev)
			}()
			nt, nm, err = a.openModel(newRev)
			wg.Wait()
			if oerr != nil {
				return oerr
			}
			if err != nil {
				return err
			}
			if edition != "" {
				if om, err = editionOf(om, edition); err != nil {
					return err
				}
				if nm, err = editionOf(nm, edition); err != nil {
					return err
				}
			}
			if doc != "" && nm.Doc(doc) == nil && om.Doc(doc) == nil {
				return fmt.Errorf("--doc %q: no document has that id in either revision", doc)
			}
			res := diff.Compare(om, nm, diff.Options{Doc: doc})
			res.Old, res.New = revLabel(oldRev, ot), revLabel(newRev, nt)
			if reversed(ot, nt) {
				fmt.Fprintln(a.stderr, fmt.Sprintf(diff.LabelsFor("ja").WrongOrder, oldRev, newRev))
			}
			fo := diff.FormatOptions{
				OldFirst: nm.Config.Diff.Order == "old-new",
				Notes:    notes,
				Kind:     revisionKind(res.New, nt),
			}
			var buf bytes.Buffer
			binary := false
			switch format {
			case "text":
				to := a.textOptions(out == "", fo.OldFirst)
				to.Notes, to.Kind = fo.Notes, fo.Kind
				err = res.WriteText(&buf, to)
			case "html":
				err = res.WriteHTML(&buf, fo)
			case "markdown":
				err = res.WriteMarkdown(&buf, fo)
			case "json":
				err = res.WriteJSON(&buf)
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
				return fmt.Errorf("--format %q: expected text, html, markdown, json, docx, xlsx or kaimebun", format)
			}
			if err != nil {
				return err
			}
			if out == "" {
				if binary && isTerminal(a.stdout) {
					return fmt.Errorf("--format %s writes a binary file: name it with -o FILE (or redirect standard output)", format)
				}
				_, err = io.Copy(a.stdout, &buf)
				return err
			}
			return atomicfile.Write(out, buf.Bytes())
		},
	}
	c.Flags().StringVarP(&a.dir, "dir", "C", ".", "the policy repository `DIR`")
	c.Flags().StringArrayVar(&a.sets, "set", nil, "override a configuration key, `KEY=VALUE`")
	c.Flags().StringVar(&edition, "edition", "", "compare only what edition `NAME` shows (public: safe to publish)")
	c.Flags().StringVar(&doc, "doc", "", "only the document with this `ID`")
	c.Flags().StringVar(&format, "format", "text", "output `FORMAT`: text, html, markdown, json, docx (Word), xlsx (Excel) or kaimebun (改め文)")
	c.Flags().StringVarP(&out, "output", "o", "", "write to `FILE` instead of standard output")
	c.Flags().BoolVar(&notes, "notes", false, "add a 備考 column: 追加, 変更, 削除, 新設 or 移動 per row")
	return c
}

// openModel opens and reads the repository at a revision.
func (a *app) openModel(rev string) (*source.Tree, *policy.Repo, error) {
	t, err := history.Open(a.dir, rev)
	if err != nil {
		return nil, nil, err
	}
	r, err := a.loadTree(t)
	return t, r, err
}

func editionOf(r *policy.Repo, name string) (*policy.Repo, error) {
	if e, ok := r.Config.Edition(name); ok {
		m, err := render.Edition(r, e)
		if err != nil {
			return nil, err
		}
		return m.Repo(), nil
	}
	return nil, fmt.Errorf("--edition %q: not an edition of policyctl.yaml (editions: %v)", name, r.Config.Editions)
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
	return fmt.Sprintf("%s (%s)", rev, hash)
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

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// textOptions sizes the terminal table: COLUMNS, else the terminal's
// width; colour only on a terminal and without NO_COLOR.
func (a *app) textOptions(toStdout, oldFirst bool) diff.TextOptions {
	o := diff.TextOptions{OldFirst: oldFirst}
	if n, err := strconv.Atoi(os.Getenv("COLUMNS")); err == nil && n > 0 {
		o.Width = n
	}
	if f, ok := a.stdout.(*os.File); ok && toStdout && term.IsTerminal(int(f.Fd())) {
		if o.Width == 0 {
			if w, _, err := term.GetSize(int(f.Fd())); err == nil {
				o.Width = w
			}
		}
		o.Color = os.Getenv("NO_COLOR") == ""
	}
	return o
}
