package fix

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"
)

// TestWriteAllOrNothing makes the move of one file of three fail after
// the others may have been moved, with and without the one-step swap:
// every file must read as it did, with its mode, and nothing of the
// attempt may be left in the folders.
func TestWriteAllOrNothing(t *testing.T) {
	for _, withSwap := range []bool{true, false} {
		t.Run(map[bool]string{true: "swap", false: "second name"}[withSwap], func(t *testing.T) {
			dir := t.TempDir()
			c := threeFiles(t, dir)
			for i, name := range []string{"a.md", "sub/b.md", "sub/c.md"} {
				if err := os.Chmod(filepath.Join(dir, filepath.FromSlash(name)), os.FileMode(0o640+i)); err != nil {
					t.Fatal(err)
				}
			}
			if !withSwap {
				swapFiles = func(a, b string) error { return errors.ErrUnsupported }
				defer func() { swapFiles = swap }()
			}
			moveFault = func(p string) error {
				if p == "sub/b.md" {
					return errors.New("injected failure")
				}
				return nil
			}
			defer func() { moveFault = nil }()

			err := c.Write(dir, nil)
			if err == nil {
				t.Fatal("Write succeeded with a failing move")
			}
			for i, name := range []string{"a.md", "sub/b.md", "sub/c.md"} {
				full := filepath.Join(dir, filepath.FromSlash(name))
				b, err := os.ReadFile(full)
				if err != nil {
					t.Fatal(err)
				}
				if string(b) != "old "+name+"\n" {
					t.Errorf("%s reads %q after a failed write", name, b)
				}
				fi, err := os.Stat(full)
				if err != nil {
					t.Fatal(err)
				}
				if fi.Mode().Perm() != os.FileMode(0o640+i) {
					t.Errorf("%s has mode %v, want %v", name, fi.Mode().Perm(), os.FileMode(0o640+i))
				}
			}
			if left := listFiles(t, dir); len(left) != 3 {
				t.Errorf("files left: %v", left)
			}

			// And without the fault, every file is written, with its mode.
			moveFault = nil
			if err := c.Write(dir, nil); err != nil {
				t.Fatal(err)
			}
			for i, name := range []string{"a.md", "sub/b.md", "sub/c.md"} {
				full := filepath.Join(dir, filepath.FromSlash(name))
				b, _ := os.ReadFile(full)
				fi, _ := os.Stat(full)
				if string(b) != "new "+name+"\n" || fi.Mode().Perm() != os.FileMode(0o640+i) {
					t.Errorf("%s: %q, mode %v", name, b, fi.Mode().Perm())
				}
			}
			if left := listFiles(t, dir); len(left) != 3 {
				t.Errorf("files left: %v", left)
			}
		})
	}
}

func listFiles(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			out = append(out, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(out)
	return out
}

// threeFiles writes a.md, sub/b.md and sub/c.md with their old text and
// returns a change that gives each a new one.
func threeFiles(t *testing.T, dir string) *Change {
	t.Helper()
	c := newChange(nil)
	for _, name := range []string{"a.md", "sub/b.md", "sub/c.md"} {
		full := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		old := []byte("old " + name + "\n")
		if err := os.WriteFile(full, old, 0o644); err != nil {
			t.Fatal(err)
		}
		c.Before[name], c.After[name] = old, []byte("new "+name+"\n")
	}
	return c
}

func readText(t *testing.T, dir, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestWriteSwapsInPlace requires the one-step swap where it exists (on
// Linux, every file system the tests run on has it): TestWriteAllOrNothing
// would otherwise test only the second name.
func TestWriteSwapsInPlace(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("RENAME_EXCHANGE is Linux's; elsewhere Write keeps a second name (TestWriteAllOrNothing)")
	}
	dir := t.TempDir()
	c := threeFiles(t, dir)
	swaps := 0
	swapFiles = func(a, b string) error {
		err := swap(a, b)
		if err == nil {
			swaps++
		}
		return err
	}
	defer func() { swapFiles = swap }()
	if err := c.Write(dir, nil); err != nil {
		t.Fatal(err)
	}
	if swaps != 3 {
		t.Errorf("%d of 3 files swapped into place", swaps)
	}
}

// TestWriteSwapBackFails fails a move after one file is in place, and the
// swap that would put it back: a rename puts the old file back instead;
// when that fails too, the old text must survive under a name the error
// gives, and the error must not say that nothing was written.
func TestWriteSwapBackFails(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("RENAME_EXCHANGE is Linux's")
	}
	for _, renameFails := range []bool{false, true} {
		dir := t.TempDir()
		c := threeFiles(t, dir)
		swapFiles = func(a, b string) error {
			if filepath.Base(b) == "a.md" && readText(t, dir, "a.md") != "old a.md\n" {
				return errors.New("injected: the swap back fails")
			}
			return swap(a, b)
		}
		if renameFails {
			putBack = func(a, b string) error { return errors.New("injected: the rename back fails") }
		}
		moveFault = func(p string) error {
			if p == "sub/b.md" {
				return errors.New("injected failure")
			}
			return nil
		}
		err := c.Write(dir, nil)
		swapFiles, putBack, moveFault = swap, os.Rename, nil
		if err == nil {
			t.Fatal("Write succeeded with a failing move")
		}
		if !renameFails {
			for _, name := range []string{"a.md", "sub/b.md", "sub/c.md"} {
				if got := readText(t, dir, name); got != "old "+name+"\n" {
					t.Errorf("%s reads %q after a failed write", name, got)
				}
			}
			if left := listFiles(t, dir); len(left) != 3 {
				t.Errorf("files left: %v", left)
			}
			if !strings.Contains(err.Error(), "nothing was written") {
				t.Errorf("error %q does not say nothing was written", err)
			}
			continue
		}
		msg := err.Error()
		if strings.Contains(msg, "nothing was written") || !strings.Contains(msg, "could not be put back") {
			t.Fatalf("error %q", msg)
		}
		i := strings.Index(msg, "(the old text is in ")
		if i < 0 {
			t.Fatalf("error %q names no backup", msg)
		}
		backup := msg[i+len("(the old text is in "):]
		backup = backup[:strings.Index(backup, ")")]
		if b, err := os.ReadFile(backup); err != nil || string(b) != "old a.md\n" {
			t.Errorf("backup %s: %q, %v", backup, b, err)
		}
		if got := readText(t, dir, "sub/b.md"); got != "old sub/b.md\n" {
			t.Errorf("sub/b.md reads %q", got)
		}
	}
}

// TestWriteEditedMeanwhile changes a file after it was compared and
// before it is moved (an editor saving it then), or removes it, with the
// swap and with the second name: it is neither overwritten nor taken for
// unchanged, every file reads as the editor left it, and nothing of the
// attempt is left.
func TestWriteEditedMeanwhile(t *testing.T) {
	for _, withSwap := range []bool{true, false} {
		t.Run(map[bool]string{true: "swap", false: "second name"}[withSwap], func(t *testing.T) {
			if withSwap && runtime.GOOS != "linux" {
				t.Skip("RENAME_EXCHANGE is Linux's")
			}
			for _, gone := range []bool{false, true} {
				dir := t.TempDir()
				c := threeFiles(t, dir)
				if !withSwap {
					swapFiles = func(a, b string) error { return errors.ErrUnsupported }
				}
				moveFault = func(p string) error {
					if p == "sub/b.md" {
						full := filepath.Join(dir, "sub", "b.md")
						if gone {
							return os.Remove(full)
						}
						return os.WriteFile(full, []byte("edited\n"), 0o644)
					}
					return nil
				}
				err := c.Write(dir, nil)
				swapFiles, moveFault = swap, nil
				if err == nil || !strings.Contains(err.Error(), "sub/b.md changed since policyctl read it") {
					t.Fatalf("gone=%v: %v", gone, err)
				}
				if got := readText(t, dir, "a.md"); got != "old a.md\n" {
					t.Errorf("gone=%v: a.md reads %q", gone, got)
				}
				if !gone {
					if got := readText(t, dir, "sub/b.md"); got != "edited\n" {
						t.Errorf("sub/b.md reads %q, not the editor's text", got)
					}
				}
				if left := listFiles(t, dir); len(left) != 3-map[bool]int{true: 1}[gone] {
					t.Errorf("gone=%v: files left: %v", gone, left)
				}
			}
		})
	}
}

// TestWriteKeepsOwner writes over files another user owns, as root: they
// keep their owner and group (as root, fix must not take an editor's
// files for itself).
func TestWriteKeepsOwner(t *testing.T) {
	if runtime.GOOS == "windows" || os.Geteuid() != 0 {
		t.Skip("only root can give a file another owner (CI runs as root)")
	}
	dir := t.TempDir()
	c := threeFiles(t, dir)
	for _, name := range []string{"a.md", "sub/b.md", "sub/c.md"} {
		if err := os.Chown(filepath.Join(dir, filepath.FromSlash(name)), 12345, 23456); err != nil {
			t.Fatal(err)
		}
	}
	if err := c.Write(dir, nil); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"a.md", "sub/b.md", "sub/c.md"} {
		uid, gid := owner(t, filepath.Join(dir, filepath.FromSlash(name)))
		if uid != 12345 || gid != 23456 {
			t.Errorf("%s is owned by %d:%d after the write, want 12345:23456", name, uid, gid)
		}
	}
}

// TestSaveShowsTheDiffEitherWay: Save prints the same diff as WriteDiff,
// after the files are written, and also when they could not be.
func TestSaveShowsTheDiffEitherWay(t *testing.T) {
	for _, edited := range []bool{false, true} {
		dir := t.TempDir()
		c := threeFiles(t, dir)
		var want, got bytes.Buffer
		if err := c.WriteDiff(&want); err != nil {
			t.Fatal(err)
		}
		between := func() {}
		if edited {
			between = func() {
				if err := os.WriteFile(filepath.Join(dir, "a.md"), []byte("edited\n"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
		err := c.Save(dir, &got, between)
		if got.String() != want.String() || !strings.Contains(got.String(), "+new sub/c.md") {
			t.Fatalf("edited=%v: Save printed\n%s\nwant\n%s", edited, got.String(), want.String())
		}
		switch {
		case edited && (err == nil || !strings.Contains(err.Error(), "a.md changed since policyctl read it")):
			t.Fatalf("edited: %v", err)
		case edited && readText(t, dir, "sub/c.md") != "old sub/c.md\n":
			t.Fatal("edited: a file was written")
		case !edited && err != nil:
			t.Fatal(err)
		case !edited && readText(t, dir, "sub/c.md") != "new sub/c.md\n":
			t.Fatal("sub/c.md was not written")
		}
	}
}

// TestSaveVerifiedWaitsForTheVerdict writes a change whose verification
// runs while its files are written aside: a refusal leaves every file as
// it was, nothing aside and nothing printed, and returns the refusal; a
// verdict of nil writes every file. The verification sees the files as
// they were read either way.
func TestSaveVerifiedWaitsForTheVerdict(t *testing.T) {
	for _, refuse := range []bool{true, false} {
		dir := t.TempDir()
		c := threeFiles(t, dir)
		refusal := errors.New("check would report something new")
		var seen []string
		verify := func() error {
			for _, name := range []string{"a.md", "sub/b.md", "sub/c.md"} {
				seen = append(seen, readText(t, dir, name))
			}
			if refuse {
				return refusal
			}
			return nil
		}
		var out bytes.Buffer
		err := c.SaveVerified(dir, &out, nil, verify)
		if want := []string{"old a.md\n", "old sub/b.md\n", "old sub/c.md\n"}; !reflect.DeepEqual(seen, want) {
			t.Errorf("refuse=%v: verify saw %q", refuse, seen)
		}
		if refuse {
			if !errors.Is(err, refusal) {
				t.Fatalf("refused: SaveVerified returned %v", err)
			}
			for _, name := range []string{"a.md", "sub/b.md", "sub/c.md"} {
				if got := readText(t, dir, name); got != "old "+name+"\n" {
					t.Errorf("refused: %s reads %q", name, got)
				}
			}
			if out.Len() > 0 {
				t.Errorf("refused: printed %q", out.String())
			}
		} else {
			if err != nil {
				t.Fatal(err)
			}
			for _, name := range []string{"a.md", "sub/b.md", "sub/c.md"} {
				if got := readText(t, dir, name); got != "new "+name+"\n" {
					t.Errorf("%s reads %q", name, got)
				}
			}
			if !strings.Contains(out.String(), "+new sub/c.md") {
				t.Errorf("the diff was not printed: %q", out.String())
			}
		}
		if left := listFiles(t, dir); len(left) != 3 {
			t.Errorf("refuse=%v: files left: %v", refuse, left)
		}
	}
}

// TestSaveShowsTheDiffWhenStagingFails: a file that cannot be written
// aside (its folder is gone) fails the save, and the diff is printed all
// the same, as Save promises.
func TestSaveShowsTheDiffWhenStagingFails(t *testing.T) {
	dir := t.TempDir()
	c := threeFiles(t, dir)
	if err := os.RemoveAll(filepath.Join(dir, "sub")); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	err := c.SaveVerified(dir, &out, nil, func() error { return nil })
	if err == nil {
		t.Fatal("saved into a folder that is gone")
	}
	if !strings.Contains(out.String(), "+new a.md") {
		t.Errorf("the diff was not printed: %q", out.String())
	}
	if got := readText(t, dir, "a.md"); got != "old a.md\n" {
		t.Errorf("a.md reads %q", got)
	}
	if left := listFiles(t, dir); len(left) != 1 {
		t.Errorf("files left: %v", left)
	}
}

// TestSaveVerifiedInterrupted sends an interrupt while the verification
// runs, and one that is there when the verdict is too: what was written
// aside is removed, the signal is given back, and nothing is moved into
// place, whatever the verdict.
func TestSaveVerifiedInterrupted(t *testing.T) {
	for _, verdictReady := range []bool{false, true} {
		dir := t.TempDir()
		c := threeFiles(t, dir)
		sigs := make(chan os.Signal, 1)
		release := make(chan struct{})
		verify := func() error {
			<-release // the verdict comes only after the interrupt
			return nil
		}
		if verdictReady {
			verify = nil // Save's: a verdict of nil, ready at once
		}
		var given []os.Signal
		sigs <- os.Interrupt
		var out bytes.Buffer
		err := c.saveVerified(dir, &out, nil, verify, sigs, func() {}, func(s os.Signal) { given = append(given, s) })
		close(release)
		if err == nil {
			t.Fatalf("verdict ready %v: an interrupted save returned nil", verdictReady)
		}
		if !reflect.DeepEqual(given, []os.Signal{os.Interrupt}) {
			t.Errorf("verdict ready %v: signals given back: %v", verdictReady, given)
		}
		for _, name := range []string{"a.md", "sub/b.md", "sub/c.md"} {
			if got := readText(t, dir, name); got != "old "+name+"\n" {
				t.Errorf("verdict ready %v: %s reads %q", verdictReady, name, got)
			}
		}
		if left := listFiles(t, dir); len(left) != 3 {
			t.Errorf("verdict ready %v: files left: %v", verdictReady, left)
		}
		if out.Len() > 0 {
			t.Errorf("verdict ready %v: printed %q", verdictReady, out.String())
		}
	}
}

// TestSaveVerifiedInterruptedWhileMoving: an interrupt while the files
// move into place waits for them all, and is given back once they are
// in, after the interrupts stopped being heeded.
func TestSaveVerifiedInterruptedWhileMoving(t *testing.T) {
	dir := t.TempDir()
	c := threeFiles(t, dir)
	sigs := make(chan os.Signal, 1)
	var events []string
	between := func() { sigs <- os.Interrupt } // after the verdict, before the moves
	stop := func() { events = append(events, "stop") }
	reraise := func(s os.Signal) {
		events = append(events, "given back "+s.String())
		for _, name := range []string{"a.md", "sub/b.md", "sub/c.md"} {
			if got := readText(t, dir, name); got != "new "+name+"\n" {
				t.Errorf("%s reads %q when the signal is given back", name, got)
			}
		}
	}
	var out bytes.Buffer
	if err := c.saveVerified(dir, &out, between, func() error { return nil }, sigs, stop, reraise); err != nil {
		t.Fatal(err)
	}
	if want := []string{"stop", "given back " + os.Interrupt.String()}; !reflect.DeepEqual(events, want) {
		t.Errorf("events %q, want %q", events, want)
	}

	// A move that fails: its error is returned, to be said, and the
	// interrupt is not given back over it.
	dir = t.TempDir()
	c = threeFiles(t, dir)
	events = nil
	moveFault = func(p string) error {
		if p == "sub/b.md" {
			return errors.New("injected failure")
		}
		return nil
	}
	defer func() { moveFault = nil }()
	reraise = func(s os.Signal) { events = append(events, "given back "+s.String()) }
	if err := c.saveVerified(dir, &out, between, func() error { return nil }, sigs, stop, reraise); err == nil || !strings.Contains(err.Error(), "injected failure") {
		t.Fatalf("a failed move returned %v", err)
	}
	if want := []string{"stop"}; !reflect.DeepEqual(events, want) {
		t.Errorf("a failed move: events %q, want %q", events, want)
	}
}

// TestEachFolder calls every path once, the paths of a folder in their
// order and never two of one folder at once, and returns the error of the
// first failing path in order, whichever folder finished first.
func TestEachFolder(t *testing.T) {
	paths := []string{"a.md", "x/b.md", "y/c.md", "x/d.md", "y/e.md", "f.md", "x/g.md"}
	for _, workers := range []int{1, 2, 4} {
		var mu sync.Mutex
		calls := map[string][]int{}
		busy := map[string]bool{}
		err := eachFolder(paths, workers, func(i int) error {
			dir := path.Dir(paths[i])
			mu.Lock()
			if busy[dir] {
				t.Errorf("workers=%d: two writers in %s at once", workers, dir)
			}
			busy[dir] = true
			calls[dir] = append(calls[dir], i)
			mu.Unlock()
			defer func() { mu.Lock(); busy[dir] = false; mu.Unlock() }()
			if i == 3 || i == 4 {
				return fmt.Errorf("fails at %d", i)
			}
			return nil
		})
		if err == nil || err.Error() != "fails at 3" {
			t.Errorf("workers=%d: error %v, want the first path's in order (3)", workers, err)
		}
		want := map[string][]int{".": {0, 5}, "x": {1, 3, 6}, "y": {2, 4}}
		if !reflect.DeepEqual(calls, want) {
			t.Errorf("workers=%d: calls %v, want %v", workers, calls, want)
		}
	}
}

// TestWriteFolderSwappedForLink replaces a folder the change writes into
// with a link to a folder outside the repository, after the files were
// read and written aside, where the outside file holds the very bytes
// that were read (an attack review): nothing outside the repository may
// change, and nothing is written: the folder is not where its path leads.
func TestWriteFolderSwappedForLink(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("only Linux names an opened folder (/proc/self/fd); elsewhere the folder's path is checked when it is opened")
	}
	dir, outside := t.TempDir(), t.TempDir()
	c := threeFiles(t, dir)
	if err := os.WriteFile(filepath.Join(outside, "b.md"), []byte("old sub/b.md\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := c.Write(dir, func() {
		if err := os.Rename(filepath.Join(dir, "sub"), filepath.Join(dir, "sub.real")); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(outside, filepath.Join(dir, "sub")); err != nil {
			t.Fatal(err)
		}
	})
	if got := readText(t, outside, "b.md"); got != "old sub/b.md\n" {
		t.Errorf("the file outside the repository was written: %q (Write: %v)", got, err)
	}
	if left, _ := filepath.Glob(filepath.Join(outside, ".policyctl-*")); len(left) > 0 {
		t.Errorf("files left outside the repository: %v", left)
	}
	if err == nil || !strings.Contains(err.Error(), "nothing was written") {
		t.Errorf("a folder moved away after it was read was written into, or the error does not say nothing was written: %v", err)
	}
	if got := readText(t, dir, "sub.real/b.md"); got != "old sub/b.md\n" {
		t.Errorf("sub.real/b.md reads %q", got)
	}
	if got := readText(t, dir, "a.md"); got != "old a.md\n" {
		t.Errorf("a.md reads %q", got)
	}
}

// TestWriteRefusesFolderLinkedOut: a folder that is a link leading out of
// the repository when the change is written is refused, and nothing is
// written.
func TestWriteRefusesFolderLinkedOut(t *testing.T) {
	dir, outside := t.TempDir(), t.TempDir()
	c := threeFiles(t, dir)
	if err := os.Rename(filepath.Join(dir, "sub"), filepath.Join(outside, "sub")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(outside, "sub"), filepath.Join(dir, "sub")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	err := c.Write(dir, nil)
	if err == nil || !strings.Contains(err.Error(), "nothing was written") {
		t.Fatalf("Write through a folder linked out: %v", err)
	}
	if got := readText(t, outside, "sub/b.md"); got != "old sub/b.md\n" {
		t.Errorf("sub/b.md outside reads %q", got)
	}
	if got := readText(t, dir, "a.md"); got != "old a.md\n" {
		t.Errorf("a.md reads %q", got)
	}
}

// TestSaveVerifiedVerifyPanics: a verification that panics crashes the
// save, and nothing written aside is left.
func TestSaveVerifiedVerifyPanics(t *testing.T) {
	dir := t.TempDir()
	c := threeFiles(t, dir)
	var out bytes.Buffer
	func() {
		defer func() {
			if v := recover(); v == nil || !strings.Contains(fmt.Sprint(v), "a bug in a rule") {
				t.Errorf("recovered %v", v)
			}
		}()
		_ = c.saveVerified(dir, &out, nil, func() error { panic("a bug in a rule") }, make(chan os.Signal), func() {}, func(os.Signal) {})
		t.Error("saveVerified returned")
	}()
	if left := listFiles(t, dir); len(left) != 3 {
		t.Errorf("files left: %v", left)
	}
	for _, name := range []string{"a.md", "sub/b.md", "sub/c.md"} {
		if got := readText(t, dir, name); got != "old "+name+"\n" {
			t.Errorf("%s reads %q", name, got)
		}
	}
}

// TestSaveVerifiedDiffPanics: the diff is made while the result is
// checked; a panic there crashes the command once the files are in place,
// never while some are written aside, and a refused change is refused.
func TestSaveVerifiedDiffPanics(t *testing.T) {
	diffFault = func(string) { panic("a bug in the diff") }
	defer func() { diffFault = nil }()
	for _, refuse := range []bool{false, true} {
		dir := t.TempDir()
		c := threeFiles(t, dir)
		verify := func() error { return nil }
		if refuse {
			verify = func() error { return errors.New("refused") }
		}
		var err error
		func() {
			defer func() {
				v := recover()
				if refuse && v != nil || !refuse && (v == nil || !strings.Contains(fmt.Sprint(v), "a bug in the diff")) {
					t.Errorf("refuse=%v: recovered %v", refuse, v)
				}
			}()
			err = c.saveVerified(dir, io.Discard, nil, verify, make(chan os.Signal), func() {}, func(os.Signal) {})
		}()
		if refuse && err == nil {
			t.Error("a refused change was not refused")
		}
		if left := listFiles(t, dir); len(left) != 3 {
			t.Errorf("refuse=%v: files left: %v", refuse, left)
		}
		want := "new "
		if refuse {
			want = "old "
		}
		for _, name := range []string{"a.md", "sub/b.md", "sub/c.md"} {
			if got := readText(t, dir, name); got != want+name+"\n" {
				t.Errorf("refuse=%v: %s reads %q", refuse, name, got)
			}
		}
	}
}
