// Package gitfs presents a git tree as an io/fs.FS, so that a past revision
// of a policy repository is read by exactly the code that reads the working
// tree. It reads git objects with go-git and never runs the git binary.
package gitfs

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/go-git/go-billy/v5"
	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/cache"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/storage"
	"github.com/go-git/go-git/v5/storage/filesystem"
)

// largeObject is the size from which go-git reads an object when it is
// asked for, straight into a slice of its size, instead of inflating it
// into a growing buffer, hashing it again for its cache and keeping it
// there: a policy document of a megabyte is read once and copied once.
const largeObject = 256 << 10

// Open opens the git repository that contains dir. Pack files stay open
// while the repository is read: walking thousands of commits would reopen
// them for every object otherwise.
func Open(dir string) (*git.Repository, error) {
	r, err := git.PlainOpenWithOptions(dir, &git.PlainOpenOptions{DetectDotGit: true})
	if err != nil {
		return nil, fmt.Errorf("gitfs: %s: %w", dir, err)
	}
	var worktree billy.Filesystem
	if wt, err := r.Worktree(); err == nil {
		worktree = wt.Filesystem
	}
	st := &pooledStorer{Storer: r.Storer, pool: make(chan storage.Storer, 1)}
	st.pool <- r.Storer
	if fst, ok := r.Storer.(*filesystem.Storage); ok {
		// One storage per core over the same files, one object cache
		// shared by all (go-git's LRU locks itself): delta bases are
		// inflated once, and two readers decode at once. With a cache
		// each, the storages repeated each other's work and gained
		// nothing; shared, history with an empty cache takes 0.92× the
		// time of one locked storage at 500 and 5,000 commits.
		shared := deltaBases{cache.NewObjectLRUDefault()}
		// Each storage keeps its pack files open: beyond a few readers
		// the descriptors and buffers cost more than they gain.
		n := min(runtime.GOMAXPROCS(0), 8)
		files := &packsInMemory{Filesystem: fst.Filesystem()}
		st = &pooledStorer{pool: make(chan storage.Storer, n), files: files}
		for i := 0; i < n; i++ {
			s := filesystem.NewStorageWithOptions(files, shared, filesystem.Options{KeepDescriptors: true, LargeObjectThreshold: largeObject})
			if i == 0 {
				st.Storer = s
			}
			st.pool <- s
		}
	}
	r2, err := git.Open(st, worktree)
	if err != nil {
		return nil, fmt.Errorf("gitfs: %s: %w", dir, err)
	}
	return r2, nil
}

// Resolve finds the commit a revision names: a hash, tag, branch, or an
// expression such as HEAD~1.
func Resolve(r *git.Repository, rev string) (*object.Commit, error) {
	h, err := r.ResolveRevision(plumbing.Revision(rev))
	if err != nil {
		return nil, fmt.Errorf("gitfs: revision %q: %w", rev, err)
	}
	c, err := r.CommitObject(*h)
	if err != nil {
		// A tag may point at a tag object rather than at a commit.
		if t, terr := r.TagObject(*h); terr == nil {
			if c, err = t.Commit(); err == nil {
				return c, nil
			}
		}
		return nil, fmt.Errorf("gitfs: revision %q: %w", rev, err)
	}
	return c, nil
}

// FS is a read-only file system over one git tree. It is safe for
// concurrent use: go-git's trees are not (they build their lookup maps on
// first use), so finding a path holds the file system's lock; reading
// objects goes through the repository's storage, which is safe for
// concurrent use (pooledStorer), and a blob is taken
// outside both.
type FS struct {
	mu   *sync.Mutex
	tree *object.Tree
	when time.Time
	// dirs are the folders' trees read so far, by path: a model lists
	// a folder and finds its files in it more than once.
	dirs map[string]*object.Tree
}

// New returns the file system of a tree. Files report the given time as
// their modification time, for determinism.
func New(tree *object.Tree, when time.Time) *FS {
	return &FS{mu: &sync.Mutex{}, tree: tree, when: when}
}

// ForCommit returns the file system of a commit's tree.
func ForCommit(c *object.Commit) (*FS, error) {
	t, err := c.Tree()
	if err != nil {
		return nil, fmt.Errorf("gitfs: commit %s: %w", c.Hash, err)
	}
	return New(t, c.Committer.When), nil
}

// Tree returns the underlying tree.
func (f *FS) Tree() *object.Tree { return f.tree }

func (f *FS) lookup(name string) (*object.TreeEntry, *object.Tree, error) {
	if !fs.ValidPath(name) {
		return nil, nil, fs.ErrInvalid
	}
	if name == "." {
		return nil, f.tree, nil
	}
	e, err := f.tree.FindEntry(name)
	if err != nil {
		return nil, nil, f.notFound(name)
	}
	if e.Mode == filemode.Dir {
		if t := f.dirs[name]; t != nil {
			return e, t, nil
		}
		t, err := f.tree.Tree(name)
		if errors.Is(err, object.ErrDirectoryNotFound) {
			// The entry is a folder, so its tree is missing (go-git says
			// ErrDirectoryNotFound for a missing object here).
			return nil, nil, &MissingError{Path: name, Hash: e.Hash}
		}
		if err != nil {
			return nil, nil, err // a damaged pack (ErrDeltaChain)
		}
		if f.dirs == nil {
			f.dirs = map[string]*object.Tree{}
		}
		f.dirs[name] = t
		return e, t, nil
	}
	return e, nil, nil
}

// MissingError is a folder or file whose git object is not in the
// repository: a partial clone (git clone --filter) leaves objects on the
// server, which go-git does not fetch, and a damaged one loses them. It is
// plumbing.ErrObjectNotFound, never fs.ErrNotExist: read as absent, a
// missing folder would silently change what a commit holds.
type MissingError struct {
	Path string
	Hash plumbing.Hash
}

func (e *MissingError) Error() string {
	return fmt.Sprintf("%s: git object %s is not in this clone", e.Path, e.Hash)
}

func (e *MissingError) Unwrap() error { return plumbing.ErrObjectNotFound }

// notFound says why FindEntry did not find name: go-git reports a missing
// tree object on the way, and a path that goes below a file, both as
// ErrObjectNotFound (it asks the storage for a tree under a blob's hash),
// so the path is followed one folder at a time. A folder whose tree is
// missing is a MissingError; anything else does not exist.
func (f *FS) notFound(name string) error {
	parts := strings.Split(name, "/")
	for i := 1; i < len(parts); i++ {
		dir := strings.Join(parts[:i], "/")
		e, err := f.tree.FindEntry(dir)
		if err != nil || e.Mode != filemode.Dir {
			return fs.ErrNotExist
		}
		if _, err := f.tree.Tree(dir); errors.Is(err, object.ErrDirectoryNotFound) {
			return &MissingError{Path: dir, Hash: e.Hash}
		} else if err != nil {
			return err
		}
	}
	return fs.ErrNotExist
}

// FileHash returns the git blob hash of a file, for caches keyed by
// content.
func (f *FS) FileHash(name string) (string, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	e, t, err := f.lookup(name)
	if err != nil || t != nil || e == nil {
		return "", false
	}
	return e.Hash.String(), true
}

// Committed reports whether data are the bytes of the file at name in
// the revision (policy.Committer).
func (f *FS) Committed(name string, data []byte) (bool, error) {
	h, ok := f.FileHash(name)
	return ok && h == plumbing.ComputeHash(plumbing.BlobObject, data).String(), nil
}

// Open implements fs.FS.
func (f *FS) Open(name string) (fs.File, error) {
	f.mu.Lock()
	e, t, err := f.lookup(name)
	f.mu.Unlock()
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	info := f.info(path.Base(name), e, -1)
	if t != nil {
		return &dir{info: info, fs: f, tree: t}, nil
	}
	data, err := f.blob(name, e)
	if err != nil {
		return nil, err
	}
	info.size = int64(len(data))
	return &file{info: info, rc: io.NopCloser(bytes.NewReader(data))}, nil
}

// ReadFile implements fs.ReadFileFS: the blob is read once, into a slice
// of its size, and not copied again.
func (f *FS) ReadFile(name string) ([]byte, error) {
	f.mu.Lock()
	e, t, err := f.lookup(name)
	f.mu.Unlock()
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	if t != nil {
		return nil, &fs.PathError{Op: "read", Path: name, Err: errors.New("is a directory")}
	}
	return f.blob(name, e)
}

// blob reads a file's bytes. TreeEntryFile touches only the tree's
// storage, which locks itself.
func (f *FS) blob(name string, e *object.TreeEntry) ([]byte, error) {
	if !e.Mode.IsFile() {
		return nil, &fs.PathError{Op: "open", Path: name, Err: errors.New("not a regular file")}
	}
	blob, err := f.tree.TreeEntryFile(e)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	rd, err := blob.Reader()
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	defer rd.Close()
	if m, ok := rd.(*memReader); ok && m.data != nil && int64(len(m.data)) == blob.Size {
		return m.data, nil
	}
	data := make([]byte, blob.Size)
	if _, err := io.ReadFull(rd, data); err != nil {
		return nil, &fs.PathError{Op: "read", Path: name, Err: err}
	}
	return data, nil
}

// ReadDir implements fs.ReadDirFS.
func (f *FS) ReadDir(name string) ([]fs.DirEntry, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	_, t, err := f.lookup(name)
	if err != nil {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: err}
	}
	if t == nil {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: errors.New("not a directory")}
	}
	return f.entries(name, t), nil
}

func (f *FS) entries(name string, t *object.Tree) []fs.DirEntry {
	var es []fs.DirEntry
	for i := range t.Entries {
		e := &t.Entries[i]
		if e.Mode == filemode.Submodule {
			continue
		}
		base := e.Name
		if base == "" || base == "." || base == ".." || strings.Contains(base, "/") {
			base = path.Base(path.Join(name, base)) // no git writes such a name
		}
		es = append(es, fs.FileInfoToDirEntry(f.info(base, e, -1)))
	}
	sort.Slice(es, func(i, j int) bool { return es[i].Name() < es[j].Name() })
	return es
}

// info describes the entry e, whose base name is base.
func (f *FS) info(base string, e *object.TreeEntry, size int64) *info {
	in := &info{name: base, mode: 0o444, when: f.when, size: size}
	switch {
	case e == nil || e.Mode == filemode.Dir:
		in.mode = fs.ModeDir | 0o555
		in.size = 0
	case e.Mode == filemode.Symlink:
		in.mode = fs.ModeSymlink | 0o444
	}
	if in.size < 0 {
		// Reading a blob's size costs an object lookup: do it only when asked.
		tree, entry := f.tree, *e
		in.sizeFn = func() int64 {
			if b, err := tree.TreeEntryFile(&entry); err == nil {
				return b.Size
			}
			return 0
		}
	}
	return in
}

type info struct {
	name   string
	size   int64
	sizeFn func() int64
	mode   fs.FileMode
	when   time.Time
}

func (i *info) Name() string { return i.name }
func (i *info) Size() int64 {
	if i.size < 0 && i.sizeFn != nil {
		i.size = i.sizeFn()
	}
	return i.size
}
func (i *info) Mode() fs.FileMode  { return i.mode }
func (i *info) ModTime() time.Time { return i.when }
func (i *info) IsDir() bool        { return i.mode.IsDir() }
func (i *info) Sys() any           { return nil }

type file struct {
	info *info
	rc   io.ReadCloser
}

func (f *file) Stat() (fs.FileInfo, error) { return f.info, nil }
func (f *file) Read(p []byte) (int, error) { return f.rc.Read(p) }
func (f *file) Close() error               { return f.rc.Close() }

type dir struct {
	info *info
	fs   *FS
	tree *object.Tree
	read []fs.DirEntry
	off  int
}

func (d *dir) Stat() (fs.FileInfo, error) { return d.info, nil }
func (d *dir) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: d.info.name, Err: errors.New("is a directory")}
}
func (d *dir) Close() error { return nil }

func (d *dir) ReadDir(n int) ([]fs.DirEntry, error) {
	if d.read == nil {
		d.fs.mu.Lock()
		d.read = d.fs.entries(d.info.name, d.tree)
		d.fs.mu.Unlock()
	}
	rest := d.read[d.off:]
	if n <= 0 {
		d.off = len(d.read)
		return rest, nil
	}
	if len(rest) == 0 {
		return nil, io.EOF
	}
	if n > len(rest) {
		n = len(rest)
	}
	d.off += n
	return rest[:n], nil
}
