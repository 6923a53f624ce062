package site

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"golang.org/x/sync/errgroup"

	"github.com/policyctl/policyctl/internal/i18n"
	"github.com/policyctl/policyctl/internal/policy"
	"github.com/policyctl/policyctl/internal/progress"
)

// tempPrefix names the folders a build works in, beside the editions.
const tempPrefix = ".policyctl-build-"

// MarkerFile, in each edition's folder, says that a build wrote the folder:
// a build replaces an edition's folder whole, and replaces only one that
// holds this file as a build writes it (or an empty one), never a folder
// someone else put there under an edition's name — a hand-made site, a
// folder put in place of an earlier edition, the documents folder when the
// output is the repository itself. It goes in and out with its folder, so
// no crash or second build leaves a record that disagrees with the folder.
const MarkerFile = ".policyctl-edition"

// markerText is MarkerFile's content: the same in every edition, so that
// output stays deterministic; it tells nothing about the policy.
var markerText = []byte("This folder is an edition that policyctl build wrote; the next build replaces it whole.\n")

// output is the site's root folder, held by one build at a time.
type output struct {
	dir    string
	unlock func()
	// created is set when the build made the root: a build that fails
	// takes it away again if it is still empty.
	created bool
}

// openOutput creates the root, takes its lock (a second build waits), and
// removes the temporary folders a killed or failed build left behind: no
// other build can be using them while the lock is held.
func openOutput(dir string) (*output, error) {
	_, statErr := os.Stat(dir)
	created := errors.Is(statErr, fs.ErrNotExist)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("site: %w", err)
	}
	// Without the lock the folder is left as it is, even one this build
	// made: another build may hold it.
	unlock, made, err := lockDir(dir)
	if err != nil {
		return nil, i18n.Errorf("site: locking %s: %w", dir, err)
	}
	o := &output{dir: dir, unlock: unlock, created: created || made}
	ents, err := os.ReadDir(dir)
	if err != nil {
		o.close()
		return nil, fmt.Errorf("site: %w", err)
	}
	for _, e := range ents {
		if strings.HasPrefix(e.Name(), tempPrefix) {
			if err := os.RemoveAll(filepath.Join(dir, e.Name())); err != nil {
				o.close()
				return nil, i18n.Errorf("site: removing what an earlier build left: %w", err)
			}
		}
	}
	return o, nil
}

// claim makes sure that each edition's folder is one a build may replace:
// none yet, an empty folder, or one that holds MarkerFile as a build
// writes it.
func (o *output) claim(names []string) error {
	for _, name := range names {
		dst := filepath.Join(o.dir, name)
		fi, err := os.Lstat(dst)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			continue
		case err != nil:
			return fmt.Errorf("site: %w", err)
		case !fi.IsDir():
			return i18n.Errorf("site: %s is not a folder, and the %s edition would replace it: move it away or choose another output folder (-o)", dst, name)
		}
		if mi, err := os.Lstat(filepath.Join(dst, MarkerFile)); err == nil && mi.Mode().IsRegular() {
			if b, err := os.ReadFile(filepath.Join(dst, MarkerFile)); err == nil && bytes.Equal(b, markerText) {
				continue
			}
		}
		f, err := os.Open(dst)
		if err != nil {
			return fmt.Errorf("site: %w", err)
		}
		_, err = f.Readdirnames(1)
		f.Close()
		if err == nil {
			return i18n.Errorf("site: %s holds files that no build wrote (it has no %s), and the %s edition would replace it with all they hold: move it away or choose another output folder (-o); if it is the output of a build by an older policyctl, remove it once", dst, MarkerFile, name)
		}
		if !errors.Is(err, io.EOF) {
			return fmt.Errorf("site: %w", err)
		}
	}
	return nil
}

// close takes away a root this build made and left empty, while the lock
// is still held (a waiting build then sees the folder gone and makes its
// own), and unlocks.
func (o *output) close() {
	if o.created {
		_ = os.Remove(o.dir) // only when empty: nothing was published
	}
	o.unlock()
}

// publish writes one edition and swaps it in (publishAll of one).
func (o *output) publish(name string, files map[string][]byte, meter *progress.Meter) (string, error) {
	dsts, err := o.publishAll([]string{name}, func(int) (map[string][]byte, error) { return files, nil }, meter)
	if err != nil {
		return "", err
	}
	return dsts[0], nil
}

// publishAll makes each edition's files (produce(i) for names[i]) and writes
// them into a temporary folder of its own; only when every edition is
// written are they exchanged with Dir/<name>, one after the other, and
// the old contents removed. An edition that fails leaves every edition as
// it was: a build of all editions never publishes some of them. Folders
// are 0755 and files 0644 whatever the umask, so a web server's user can
// read them.
func (o *output) publishAll(names []string, produce func(i int) (map[string][]byte, error), meter *progress.Meter) ([]string, error) {
	if err := o.claim(names); err != nil {
		return nil, err
	}
	type staged struct{ tmp, dst, old string }
	var st []*staged
	defer func() {
		for _, s := range st {
			if s.tmp != "" {
				_ = os.RemoveAll(s.tmp)
			}
		}
	}()
	for i, name := range names {
		files, err := produce(i)
		if err != nil {
			return nil, i18n.Errorf("site: edition %s: %w", name, err)
		}
		tmp, err := os.MkdirTemp(o.dir, tempPrefix+name+"-")
		if err != nil {
			return nil, err
		}
		s := &staged{tmp: tmp, dst: filepath.Join(o.dir, name)}
		st = append(st, s)
		meter.Phase(i18n.Sprintf("writing the %s edition", name), len(files))
		err = writeFiles(tmp, s.dst, files, meter)
		meter.Done()
		if err == nil {
			err = writeMarker(tmp)
		}
		if err != nil {
			return nil, i18n.Errorf("site: edition %s: %w", name, err)
		}
	}
	// Again, just before: rendering took a while, and a folder that was
	// empty then may hold someone's files now.
	if err := o.claim(names); err != nil {
		return nil, err
	}
	for i, s := range st {
		old, err := exchange(s.tmp, s.dst)
		if err == nil {
			s.tmp, s.old = "", old
			continue
		}
		// Put back the editions exchanged already.
		for _, d := range slices.Backward(st[:i]) {
			_ = undoExchange(d.dst, d.old)
		}
		return nil, i18n.Errorf("site: edition %s: %w", names[i], err)
	}
	var dsts []string
	var errs []error
	for _, s := range st {
		dsts = append(dsts, s.dst)
		if s.old != "" {
			if err := os.RemoveAll(s.old); err != nil {
				errs = append(errs, i18n.Errorf("removing the previous output: %w", err))
			}
		}
	}
	return dsts, errors.Join(errs...)
}

// writeMarker writes MarkerFile into an edition's folder, 0644 whatever
// the umask, as the edition's files are.
func writeMarker(dir string) error {
	name := filepath.Join(dir, MarkerFile)
	if err := os.WriteFile(name, markerText, 0o644); err != nil {
		return err
	}
	return os.Chmod(name, 0o644)
}

// undoExchange puts the previous content of dst back, which exchange
// left at old ("" when dst did not exist), and removes what was put in
// its place.
func undoExchange(dst, old string) error {
	if old == "" {
		return os.RemoveAll(dst)
	}
	back, err := exchange(old, dst)
	if err != nil {
		return err
	}
	return os.RemoveAll(back)
}

// writeFiles puts the files on disk: folders first, then the files from a
// few goroutines, since creating files is mostly waiting on the kernel. A
// file whose bytes the previous output (prev) already holds, with the same
// permissions, is linked from there instead of written: creating a file
// costs a file system about ten times what reading and linking one does,
// and a build after a small change writes little that is new. Only exact
// bytes are linked, compared here, so what is published is still exactly
// what the tripwire read.
func writeFiles(dir, prev string, files map[string][]byte, meter *progress.Meter) error {
	paths := make([]string, 0, len(files))
	dirs := map[string]bool{".": true}
	for p := range files {
		if !fs.ValidPath(p) {
			return i18n.Errorf("site: refusing to write %q", p)
		}
		paths = append(paths, p)
		for d := path.Dir(p); d != "." && !dirs[d]; d = path.Dir(d) {
			dirs[d] = true
		}
	}
	sort.Strings(paths)
	if err := pathCollisions(paths); err != nil {
		return err
	}
	for d := range dirs {
		full := filepath.Join(dir, filepath.FromSlash(d))
		if err := os.MkdirAll(full, 0o755); err != nil {
			return err
		}
		if err := os.Chmod(full, 0o755); err != nil {
			return err
		}
	}
	var g errgroup.Group
	g.SetLimit(8)
	for _, p := range paths {
		g.Go(func() error {
			defer meter.Add(1)
			full := filepath.Join(dir, filepath.FromSlash(p))
			if prev != "" && linkSame(filepath.Join(prev, filepath.FromSlash(p)), full, files[p]) {
				return nil
			}
			f, err := os.OpenFile(full, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
			if err != nil {
				return err
			}
			_, err = f.Write(files[p])
			if err == nil {
				err = f.Chmod(0o644)
			}
			return errors.Join(err, f.Close())
		})
	}
	return g.Wait()
}

// linkSame links old to name when old is a regular file of mode 0644
// holding exactly want, and says whether it did.
func linkSame(old, name string, want []byte) bool {
	f, err := os.Open(old)
	if err != nil {
		return false
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() || st.Mode().Perm() != 0o644 || st.Size() != int64(len(want)) {
		return false
	}
	got := make([]byte, len(want)+1)
	n, err := io.ReadFull(f, got)
	if err != io.ErrUnexpectedEOF || n != len(want) || !bytes.Equal(got[:n], want) {
		return false
	}
	return os.Link(old, name) == nil
}

// renameAside moves dst out of the way, then tmp into place.
func renameAside(tmp, dst string) (string, error) {
	old := ""
	if _, err := os.Stat(dst); err == nil {
		old = tmp + ".old"
		if err := os.Rename(dst, old); err != nil {
			return "", err
		}
	}
	if err := os.Rename(tmp, dst); err != nil {
		if old != "" {
			_ = os.Rename(old, dst)
		}
		return "", err
	}
	return old, nil
}

// pathCollisions refuses output paths that are one file, or a file where
// another path needs a folder, on a case-insensitive or normalising file
// system (macOS, Windows) or web server: written there, one would replace
// the other or land in the other's folder, and a link that works on one
// machine breaks on the next. Folders count as well as files; a collision
// is reported once, at the shortest path where it happens.
func pathCollisions(files []string) error {
	isFile := map[string]bool{}
	isDir := map[string]bool{}
	for _, p := range files {
		isFile[p] = true
		for d := path.Dir(p); d != "." && d != "/" && !isDir[d]; d = path.Dir(d) {
			isDir[d] = true
		}
	}
	byKey := map[string][]string{}
	for _, set := range []map[string]bool{isFile, isDir} {
		for p := range set {
			k := policy.FoldPath(p)
			if !slices.Contains(byKey[k], p) {
				byKey[k] = append(byKey[k], p)
			}
		}
	}
	keys := make([]string, 0, len(byKey))
	for k := range byKey {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var errs []error
	reported := map[string]bool{}
	for _, k := range keys {
		names := byKey[k]
		sort.Strings(names)
		under := false
		for d := path.Dir(k); d != "." && d != "/"; d = path.Dir(d) {
			under = under || reported[d]
		}
		switch {
		case under:
			continue
		case len(names) > 1 && isDir[names[0]] != isDir[names[1]]:
			errs = append(errs, i18n.Errorf("site: %s and %s differ only in case or Unicode normalisation, and one is a file, the other a folder: on a case-insensitive file system or web server they are one name", names[0], names[1]))
		case len(names) > 1:
			errs = append(errs, i18n.Errorf("site: %s and %s differ only in case or Unicode normalisation: on a case-insensitive file system or web server they are one, and one would replace the other", names[0], names[1]))
		case isFile[names[0]] && isDir[names[0]]:
			errs = append(errs, i18n.Errorf("site: %s would be both a file and a folder", names[0]))
		default:
			continue
		}
		reported[k] = true
	}
	return errors.Join(errs...)
}
