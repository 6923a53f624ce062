package source

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/policyctl/policyctl/internal/i18n"
)

// rootFS is a working tree read through an os.Root: no file read and no
// folder listed leads out of the tree's folder, whatever links lie on the
// way — also one made after policy.Load looked at the folder's listings
// (which report a linked document or folder, files/symlink, and read
// nothing through it). A file is read only when it is a regular file, as
// opened: a pipe or a device put in a document's place would never end.
// Stat alone follows a link wherever it leads, as os.DirFS does: it reads
// no content, and tells a link to a folder (an error) from a link to a
// file that is no document.
type rootFS struct {
	dir  string
	root *os.Root
	fsys fs.FS
	stat fs.StatFS
}

func newRootFS(dir string) (rootFS, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return rootFS{}, err
	}
	return rootFS{dir: dir, root: root, fsys: root.FS(), stat: os.DirFS(dir).(fs.StatFS)}, nil
}

// Open opens a regular file or a folder, without blocking: a pipe or a
// device is refused, not waited on.
func (r rootFS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	f, _, err := openPlain(r.root, filepath.FromSlash(name))
	if err != nil {
		return nil, r.explain(name, err)
	}
	return f, nil
}

func (r rootFS) ReadDir(name string) ([]fs.DirEntry, error) {
	es, err := fs.ReadDir(r.fsys, name)
	return es, r.explain(name, err)
}

func (r rootFS) Stat(name string) (fs.FileInfo, error) { return r.stat.Stat(name) }

func (r rootFS) ReadFile(name string) ([]byte, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "read", Path: name, Err: fs.ErrInvalid}
	}
	b, err := readRegular(r.root, filepath.FromSlash(name))
	return b, r.explain(name, err)
}

// ReadInRoot reads the regular file name inside the folder dir, through
// no link that leads out of it: what a command reads of a repository
// before it opens it (policyctl.yaml's lang).
func ReadInRoot(dir, name string) ([]byte, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	return readRegular(root, name)
}

// errNotRegular is a name that is not a regular file where one is read
// (translated when it is said, not when the program starts).
var errNotRegular error = notRegular{}

type notRegular struct{}

func (notRegular) Error() string { return i18n.T("not a regular file") }

// openPlain opens name in root when, opened, it is a regular file or a
// folder, and says which. It is opened without blocking, so that a pipe
// is refused rather than waited on.
func openPlain(root *os.Root, name string) (*os.File, fs.FileInfo, error) {
	f, err := root.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, nil, err
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	if !fi.Mode().IsRegular() && !fi.IsDir() {
		f.Close()
		return nil, nil, &fs.PathError{Op: "open", Path: name, Err: errNotRegular}
	}
	return f, fi, nil
}

// readRegular reads name in root when, opened, it is a regular file.
func readRegular(root *os.Root, name string) ([]byte, error) {
	f, fi, err := openPlain(root, name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if !fi.Mode().IsRegular() {
		return nil, &fs.PathError{Op: "read", Path: name, Err: errNotRegular}
	}
	var b bytes.Buffer
	b.Grow(int(fi.Size()) + bytes.MinRead)
	if _, err := b.ReadFrom(f); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// explain names the link that a read was refused for: os.Root refuses a
// link that is absolute or leads out of its folder ("path escapes from
// parent"). Other errors, and one whose link cannot be told, are returned
// as they are.
func (r rootFS) explain(name string, err error) error {
	if err == nil || !strings.Contains(err.Error(), "escapes from parent") {
		return err
	}
	parts := strings.Split(name, "/")
	p := r.dir
	for i, part := range parts {
		p = filepath.Join(p, part)
		target, lerr := os.Readlink(p)
		if lerr != nil {
			continue // not a link
		}
		to := target
		if !filepath.IsAbs(to) {
			to = filepath.Join(filepath.Dir(p), to)
		}
		if rel, rerr := filepath.Rel(r.dir, to); filepath.IsAbs(target) || rerr != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			link := strings.Join(parts[:i+1], "/")
			return i18n.Errorf("%s is a symbolic link that is absolute or leads out of the repository's folder: policyctl reads nothing through it (%w)", link, err)
		}
	}
	return err
}
