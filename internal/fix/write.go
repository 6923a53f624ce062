package fix

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"path"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/sync/errgroup"

	"github.com/policyctl/policyctl/internal/i18n"
	"github.com/policyctl/policyctl/internal/policy"
)

// WriteDiff writes the change as a unified diff, file by file, as git
// diff and patch read it (see writeUnified).
func (c *Change) WriteDiff(w io.Writer) error {
	err := c.writeDiff(w)
	if p, ok := err.(*verifyPanic); ok {
		p.crash()
	}
	return err
}

// writeDiff is WriteDiff with a panic of a file's diff carried back as
// its error, for a caller that must clean up before it crashes.
func (c *Change) writeDiff(w io.Writer) error {
	// Each file's diff is made on its own, spread over the cores (a
	// renumbering can rewrite hundreds), and written in path order.
	paths := c.Paths()
	out := make([]bytes.Buffer, len(paths))
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, p := range paths {
		g.Go(func() (err error) {
			defer func() {
				if v := recover(); v != nil {
					err = &verifyPanic{v, debug.Stack()}
				}
			}()
			return c.fileDiff(&out[i], p)
		})
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
	if diffFault != nil {
		diffFault(p)
	}
	before := c.Before[p]
	from, to := quotePath("a/"+p), quotePath("b/"+p)
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
	return writeUnified(w, from, to, string(before), string(c.After[p]))
}

// Save writes the change into the repository at dir, as Write does, and
// its unified diff to diff, as WriteDiff does. The diff is made while the
// files are written, on the cores the writer leaves idle, and printed
// when both are done: whether or not the files could be written.
func (c *Change) Save(dir string, diff io.Writer, between func()) error {
	return c.SaveVerified(dir, diff, between, nil)
}

// SaveVerified is Save for a change whose result is still being verified:
// verify, when not nil, runs while the new files are written aside, and
// only when it returns nil are they moved into place; otherwise they are
// removed, nothing is printed and its error is returned. Creating files
// is mostly the kernel's work on one core per folder, verifying mostly
// the rules' on both: side by side they take less time than one after
// the other, and nothing the user sees changes before the verdict. An
// interrupt (Ctrl-C, SIGTERM, a closed terminal) before the verdict removes what was written
// aside, then ends the process as the signal would have; one while the
// files are moved into place waits for the moves, all or none, to end,
// then ends it. Where a process cannot send itself a signal (Windows),
// the first returns an error and the second is let go.
func (c *Change) SaveVerified(dir string, diff io.Writer, between func(), verify func() error) error {
	sigs := make(chan os.Signal, 1)
	for _, s := range interrupts {
		// One the process was started to ignore (SIGINT in a background
		// job) stays ignored: Notify would turn it on.
		if !signal.Ignored(s) {
			signal.Notify(sigs, s)
		}
	}
	defer signal.Stop(sigs)
	stop := func() { signal.Stop(sigs) }
	return c.saveVerified(dir, diff, between, verify, sigs, stop, func(s os.Signal) {
		stop()
		p, err := os.FindProcess(os.Getpid())
		if err == nil && p.Signal(s) == nil {
			// The signal ends the process as it would have; its delivery
			// may take a moment, which the caller must not outrun.
			time.Sleep(time.Second)
		}
	})
}

// saveVerified is SaveVerified with the interrupts it heeds, how it stops
// heeding them and how it gives one back: tests send their own.
func (c *Change) saveVerified(dir string, diff io.Writer, between func(), verify func() error, sigs <-chan os.Signal, stop func(), reraise func(os.Signal)) error {
	// The diff is made while the result is checked and printed once the
	// files are in place. A panic there is a bug that crashes the command,
	// but only once the files are in place: never with some written
	// aside or moved. A refused change is refused, its diff unread — once
	// it is made: nothing of the change is still at work on return.
	var buf bytes.Buffer
	done := make(chan error, 1)
	go func() { done <- c.writeDiff(&buf) }()
	verdict := make(chan error, 1)
	if verify != nil {
		go func() {
			defer func() {
				// A check that panics is a bug: it crashes the command
				// as it would have, once what was written aside is gone.
				if v := recover(); v != nil {
					verdict <- &verifyPanic{v, debug.Stack()}
				}
			}()
			verdict <- verify()
		}()
	} else {
		verdict <- nil
	}
	st, serr := c.stage(dir)
	interrupted := func(s os.Signal) error {
		if serr == nil {
			st.discard()
		}
		reraise(s)
		// Still here: the platform cannot send the signal again.
		<-done
		return i18n.Errorf("interrupted; nothing was written")
	}
	// An interrupt goes before a verdict that is ready at the same time:
	// a select between the two would toss a coin.
	select {
	case s := <-sigs:
		return interrupted(s)
	default:
	}
	var verr error
	select {
	case verr = <-verdict:
	case s := <-sigs:
		return interrupted(s)
	}
	select {
	case s := <-sigs:
		return interrupted(s)
	default:
	}
	if verr != nil {
		if serr == nil {
			st.discard()
		}
		<-done
		if vp, ok := verr.(*verifyPanic); ok {
			vp.crash()
		}
		return verr
	}
	werr := serr
	if serr == nil {
		werr = st.commit(between)
	}
	// An interrupt while the files moved waited for all or none of them
	// to be in place; it is given back now, before the diff is printed
	// (into a pipe that may block) — unless the moves failed: their error
	// says which files hold what, and ends the command anyway.
	stop()
	select {
	case s := <-sigs:
		if werr == nil {
			reraise(s)
		}
	default:
	}
	derr := <-done
	if vp, ok := derr.(*verifyPanic); ok {
		vp.crash()
	}
	if derr == nil {
		_, derr = buf.WriteTo(diff)
	}
	if werr != nil {
		return werr
	}
	return derr // the files are written; the diff could not be shown
}

// verifyPanic carries a panic of the verification, or of the diff, to
// the goroutine that wrote the files aside.
type verifyPanic struct {
	value any
	stack []byte
}

func (p *verifyPanic) Error() string { return fmt.Sprint(p.value) }

// crash panics again, with the stack where the panic began.
func (p *verifyPanic) crash() { panic(fmt.Sprintf("%v\n\n%s", p.value, p.stack)) }

// Write writes the change into the repository at dir, all files or none.
// Each new file is written aside, in its folder, first; then every file
// on disk is compared with the bytes that were read, and if
// any changed since — an editor saved it meanwhile — nothing is moved
// into place. between, when not nil, is called after the files are
// written aside and before they are compared: tests change a file there.
func (c *Change) Write(dir string, between func()) error {
	st, err := c.stage(dir)
	if err != nil {
		return err
	}
	return st.commit(between)
}

// staging is a change whose new files are written aside, each in its
// folder under a temporary name, and not yet moved into place: commit
// moves them, discard removes them.
type staging struct {
	c   *Change
	dir string
	fo  *folders
	ps  []pending
}

type pending struct {
	path, full, tmp, backup string
	moved, swapped          bool
}

// discard removes the files still written aside and closes the folders.
func (st *staging) discard() {
	for _, p := range st.ps {
		if p.tmp != "" {
			os.Remove(p.tmp)
		}
	}
	st.fo.close()
}

// stage writes the change's new files aside.
func (c *Change) stage(dir string) (*staging, error) {
	// A file's creation holds its folder's lock, and a second writer
	// waiting for it spins on a core (ext4, 501 files: 2.5 % of the
	// command's CPU, and no less wall time than one writer): files are
	// created by one writer per folder, folders side by side (501 files in
	// ten folders: half the time of one writer), and moved into place one
	// at a time; they are read back side by side. A phase ends before the
	// next begins, and errors are reported for the first file in path
	// order that had one, so the outcome does not depend on scheduling.
	paths := c.Paths()
	fo, err := openFolders(dir, paths)
	if err != nil {
		return nil, i18n.Errorf("%w; nothing was written", err)
	}
	st := &staging{c: c, dir: dir, fo: fo, ps: make([]pending, len(paths))}
	ps := st.ps
	if err := eachFolder(paths, runtime.GOMAXPROCS(0), func(i int) error {
		p := &ps[i]
		p.path = paths[i]
		p.full = filepath.Join(fo.name[path.Dir(p.path)], path.Base(p.path))
		info, err := os.Lstat(p.full)
		if err != nil {
			return fmt.Errorf("%s: %w", p.path, err)
		}
		if !info.Mode().IsRegular() {
			return changedSinceRead(p.path) // it was read as a file
		}
		tmp, err := os.CreateTemp(filepath.Dir(p.full), ".policyctl-fix-*")
		if err != nil {
			return fmt.Errorf("%s: %w", p.path, err)
		}
		p.tmp = tmp.Name()
		_, werr := tmp.Write(c.After[p.path])
		if werr == nil {
			startWriteback(tmp)
			werr = tmp.Chmod(info.Mode().Perm())
		}
		if werr == nil {
			werr = keepOwner(tmp, info)
		}
		if cerr := tmp.Close(); werr == nil {
			werr = cerr
		}
		if werr != nil {
			return fmt.Errorf("%s: %w", p.path, werr)
		}
		return nil
	}); err != nil {
		err = fo.plain(err)
		st.discard()
		return nil, err
	}
	return st, nil
}

// commit moves the files written aside into place, all or none, and
// removes what is left aside.
func (st *staging) commit(between func()) (err error) {
	defer st.discard()
	defer func() { err = st.fo.plain(err) }()
	c, dir, fo, ps := st.c, st.dir, st.fo, st.ps
	if between != nil {
		between()
	}
	// The files go into the folders that were opened: each must still be
	// where its path leads, or the user's files would stay as they were
	// while the command says it wrote them.
	if err := fo.still(); err != nil {
		return err
	}
	if err := eachFile(len(ps), runtime.GOMAXPROCS(0), func(i int) error {
		p := &ps[i]
		now, err := os.ReadFile(p.full)
		if err != nil {
			return i18n.Errorf("%s: %w; nothing was written", p.path, err)
		}
		if !bytes.Equal(now, c.Before[p.path]) {
			return changedSinceRead(p.path)
		}
		return nil
	}); err != nil {
		return err
	}
	// Move the new files into place, keeping each old one until all are
	// in; a failure puts back those already moved. Where the file system
	// can swap two names in one step (Linux's RENAME_EXCHANGE), the swap
	// leaves the old file under the temporary name, which is its backup
	// at no cost; elsewhere the old file gets a second name first. The
	// file a move replaced is compared once more: an editor's save
	// between the comparison above and the move is found there, and put
	// back.
	failed := false // one at a time: after a failure, nothing more moves
	err = eachFile(len(ps), 1, func(i int) (err error) {
		if failed {
			return nil
		}
		defer func() { failed = err != nil }()
		p := &ps[i]
		if moveFault != nil {
			if err := moveFault(p.path); err != nil {
				return fmt.Errorf("%s: %w", p.path, err)
			}
		}
		switch err := swapFiles(p.tmp, p.full); {
		case err == nil:
			p.backup, p.tmp, p.moved, p.swapped = p.tmp, "", true, true
			return sameAsRead(p.backup, p.path, c.Before[p.path])
		case errors.Is(err, fs.ErrNotExist):
			return changedSinceRead(p.path)
		case !errors.Is(err, errors.ErrUnsupported):
			return fmt.Errorf("%s: %w", p.path, err)
		}
		backup := p.tmp + ".old"
		if err := keep(p.full, backup); err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return changedSinceRead(p.path)
			}
			return fmt.Errorf("%s: %w", p.path, err)
		}
		p.backup = backup
		if err := os.Rename(p.tmp, p.full); err != nil {
			return fmt.Errorf("%s: %w", p.path, err)
		}
		p.tmp, p.moved = "", true
		// The second name is the file the rename replaced (a copy, where
		// links are not possible, is what stood there just before).
		return sameAsRead(p.backup, p.path, c.Before[p.path])
	})
	var kept []string // old files that could not be put back, where they are
	for _, p := range ps {
		switch {
		case p.moved && err != nil:
			// Swapped back, the backup's name holds the new text again,
			// and goes; a rename puts the old file back over the new one.
			if p.swapped && swapFiles(p.backup, p.full) == nil || putBack(p.backup, p.full) == nil {
				os.Remove(p.backup)
				continue
			}
			kept = append(kept, i18n.Sprintf("%s (the old text is in %s)", p.path, filepath.Join(dir, filepath.FromSlash(path.Dir(p.path)), filepath.Base(p.backup))))
		case p.backup != "":
			_ = os.Remove(p.backup)
		}
	}
	if err == nil {
		return nil
	}
	var changed *changedError
	isChanged := errors.As(err, &changed)
	switch {
	case len(kept) > 0:
		cause := err.Error()
		if isChanged {
			cause = i18n.Sprintf("%s changed since policyctl read it", changed.path)
		}
		return i18n.Errorf("%s; these files could not be put back and hold the new text: %s", cause, strings.Join(kept, i18n.T(", ")))
	case isChanged:
		return err
	}
	return i18n.Errorf("%w; nothing was written", err)
}

// changedError is a file that changed on disk since it was read.
type changedError struct{ path string }

func (e *changedError) Error() string {
	return i18n.Sprintf("%s changed since policyctl read it; nothing was written: run the command again on the file as it is now", e.path)
}

func changedSinceRead(path string) error { return &changedError{path} }

// sameAsRead compares the file at name, which stood at path, with what
// was read there.
func sameAsRead(name, path string, read []byte) error {
	now, err := os.ReadFile(name)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if !bytes.Equal(now, read) {
		return changedSinceRead(path)
	}
	return nil
}

// Seams for the tests of a failure while the files are moved into place:
// moveFault, when set, fails the move of a file; swapFiles is swap, or a
// file system without it; putBack renames an old file back. diffFault,
// when set, is called as a file's diff is made (a test panics there).
var (
	moveFault func(path string) error
	diffFault func(path string)
	swapFiles = swap
	putBack   = os.Rename
)

// eachFile calls f for 0..n-1, workers at a time, and returns the error of
// the lowest index that had one.
func eachFile(n, workers int, f func(i int) error) error {
	errs := make([]error, n)
	var g errgroup.Group
	g.SetLimit(workers)
	for i := range n {
		g.Go(func() error {
			errs[i] = f(i)
			return nil
		})
	}
	_ = g.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// eachFolder calls f for every index of paths, the paths of one folder
// one after another in order, and folders side by side on at most workers
// goroutines. It returns the error of the first path in order that had one.
func eachFolder(paths []string, workers int, f func(i int) error) error {
	var folders [][]int
	at := map[string]int{}
	for i, p := range paths {
		d := path.Dir(p)
		k, ok := at[d]
		if !ok {
			k = len(folders)
			at[d] = k
			folders = append(folders, nil)
		}
		folders[k] = append(folders[k], i)
	}
	errs := make([]error, len(paths))
	_ = eachFile(len(folders), workers, func(k int) error {
		for _, i := range folders[k] {
			errs[i] = f(i)
		}
		return nil
	})
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// keep makes backup a second name (or, where links are not possible, a
// copy) of the file at full, so that it survives the rename over it.
func keep(full, backup string) error {
	err := os.Link(full, backup)
	if err == nil || errors.Is(err, fs.ErrExist) {
		return err // a name that is taken is not this run's to overwrite
	}
	b, err := os.ReadFile(full)
	if err != nil {
		return err
	}
	fi, err := os.Stat(full)
	if err != nil {
		return err
	}
	f, err := os.OpenFile(backup, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	// The copy is what a failure puts back: it must keep the file's mode.
	_, werr := f.Write(b)
	if werr == nil {
		werr = f.Chmod(fi.Mode().Perm())
	}
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr != nil {
		os.Remove(backup) // a partial copy, and this run's
	}
	return werr
}
