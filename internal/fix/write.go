package fix

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"unicode/utf8"

	"github.com/pmezard/go-difflib/difflib"
	"golang.org/x/sync/errgroup"

	"github.com/policyctl/policyctl/internal/i18n"
	"github.com/policyctl/policyctl/internal/policy"
)

// WriteDiff writes the change as a unified diff, file by file, as git
// diff and patch read it. go-difflib does the line matching: it is small,
// well used, and writes the unified format exactly.
func (c *Change) WriteDiff(w io.Writer) error {
	// Each file's diff is made on its own, spread over the cores (a
	// renumbering can rewrite hundreds), and written in path order.
	paths := c.Paths()
	out := make([]bytes.Buffer, len(paths))
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, p := range paths {
		g.Go(func() error { return c.fileDiff(&out[i], p) })
	}
	if err := g.Wait(); err != nil {
		return err
	}
	for i := range out {
		if _, err := out[i].WriteTo(w); err != nil {
			return err
		}
	}
	return nil
}

// fileDiff writes the unified diff of one file of the change.
func (c *Change) fileDiff(w io.Writer, p string) error {
	before := c.Before[p]
	from, to := "a/"+p, "b/"+p
	if !utf8.Valid(before) {
		// A file converted to UTF-8 is shown as it read, not as
		// bytes a terminal turns into mojibake; when that is all
		// that changed, the two names say so and no line differs.
		if text, enc, ok := policy.DecodeLegacy(before); ok {
			before, from, to = text, from+" ("+enc+")", to+" (UTF-8)"
			if string(text) == string(c.After[p]) {
				fmt.Fprintf(w, "--- %s\n+++ %s\n", from, to)
				return nil
			}
		}
	}
	d := difflib.UnifiedDiff{
		A:        difflib.SplitLines(string(before)),
		B:        difflib.SplitLines(string(c.After[p])),
		FromFile: from,
		ToFile:   to,
		Context:  3,
	}
	// SplitLines ends the last line with "\n" whether or not the file
	// does; a diff of a file without a final line end is still read
	// right by patch, which ignores the difference here.
	return difflib.WriteUnifiedDiff(w, d)
}

// Write writes the change into the repository at dir, all files or none.
// Each new file is written aside, in its folder, first; then every file
// on disk is compared (by SHA-256) with the bytes that were read, and if
// any changed since — an editor saved it meanwhile — nothing is moved
// into place. between, when not nil, is called after the files are
// written aside and before they are compared: tests change a file there.
func (c *Change) Write(dir string, between func()) (err error) {
	type pending struct {
		path, full, tmp, backup string
	}
	var ps []*pending
	defer func() {
		for _, p := range ps {
			if p.tmp != "" {
				os.Remove(p.tmp)
			}
		}
	}()
	for _, rel := range c.Paths() {
		full := filepath.Join(dir, filepath.FromSlash(rel))
		info, err := os.Stat(full)
		if err != nil {
			return fmt.Errorf("%s: %w", rel, err)
		}
		tmp, err := os.CreateTemp(filepath.Dir(full), ".policyctl-fix-*")
		if err != nil {
			return fmt.Errorf("%s: %w", rel, err)
		}
		p := &pending{path: rel, full: full, tmp: tmp.Name()}
		ps = append(ps, p)
		_, werr := tmp.Write(c.After[rel])
		if werr == nil {
			werr = tmp.Chmod(info.Mode().Perm())
		}
		if cerr := tmp.Close(); werr == nil {
			werr = cerr
		}
		if werr != nil {
			return fmt.Errorf("%s: %w", rel, werr)
		}
	}
	if between != nil {
		between()
	}
	for _, p := range ps {
		now, err := os.ReadFile(p.full)
		if err != nil {
			return i18n.Errorf("%s: %w; nothing was written", p.path, err)
		}
		if digest(now) != digest(c.Before[p.path]) {
			return i18n.Errorf("%s changed since policyctl read it; nothing was written: run the command again on the file as it is now", p.path)
		}
	}
	// Move the new files into place, keeping each old one until all are
	// in; a failure puts back those already moved.
	var done []*pending
	rollback := func() {
		for _, p := range done {
			_ = os.Rename(p.backup, p.full)
		}
	}
	for _, p := range ps {
		p.backup = p.tmp + ".old"
		if err := keep(p.full, p.backup); err != nil {
			rollback()
			return i18n.Errorf("%s: %w; nothing was written", p.path, err)
		}
		if err := os.Rename(p.tmp, p.full); err != nil {
			_ = os.Remove(p.backup)
			rollback()
			return i18n.Errorf("%s: %w; nothing was written", p.path, err)
		}
		p.tmp = ""
		done = append(done, p)
	}
	for _, p := range done {
		_ = os.Remove(p.backup)
	}
	return nil
}

// keep makes backup a second name (or, where links are not possible, a
// copy) of the file at full, so that it survives the rename over it.
func keep(full, backup string) error {
	if err := os.Link(full, backup); err == nil {
		return nil
	}
	b, err := os.ReadFile(full)
	if err != nil {
		return err
	}
	return os.WriteFile(backup, b, 0o600)
}
