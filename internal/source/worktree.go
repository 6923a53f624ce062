package source

import (
	"errors"
	"io"
	"io/fs"
	"path"
	"sync"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"

	"github.com/policyctl/policyctl/internal/i18n"
)

// workTree is the working tree of a repository in git: its files as the
// operating system has them, and which of them are committed as they are
// (policy.Committer), so that an edition built from the working tree can
// tell a committed file from anything else that lies in the folder — a
// build's output, a download, a file changed or staged since.
type workTree struct {
	fs.FS
	git *git.Repository
	sub string // the policy repository's folder in the git work tree

	once sync.Once
	head map[string]plumbing.Hash // regular files of HEAD's tree, by path
	err  error
}

func (w *workTree) ReadFile(name string) ([]byte, error)       { return fs.ReadFile(w.FS, name) }
func (w *workTree) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(w.FS, name) }
func (w *workTree) Stat(name string) (fs.FileInfo, error)      { return fs.Stat(w.FS, name) }

// Committed reports whether data are the bytes HEAD holds at name, as a
// regular file: what git's index says (tracked, staged) is not enough, as
// a tracked file may have changed on disk since it was committed.
func (w *workTree) Committed(name string, data []byte) (bool, error) {
	w.once.Do(func() { w.head, w.err = headFiles(w.git) })
	if w.err != nil {
		return false, w.err
	}
	full := name
	if w.sub != "." && w.sub != "" {
		full = path.Join(w.sub, name)
	}
	h, ok := w.head[full]
	return ok && h == plumbing.ComputeHash(plumbing.BlobObject, data), nil
}

// headFiles lists the regular files of HEAD's tree with their blob
// hashes; none before the first commit.
func headFiles(r *git.Repository) (map[string]plumbing.Hash, error) {
	out := map[string]plumbing.Hash{}
	ref, err := r.Head()
	if errors.Is(err, plumbing.ErrReferenceNotFound) {
		return out, nil
	}
	if err != nil {
		return nil, i18n.Errorf("git HEAD: %w", err)
	}
	c, err := r.CommitObject(ref.Hash())
	if err != nil {
		return nil, i18n.Errorf("git HEAD: %w", err)
	}
	t, err := c.Tree()
	if err != nil {
		return nil, i18n.Errorf("git HEAD: %w", err)
	}
	walker := object.NewTreeWalker(t, true, nil)
	defer walker.Close()
	for {
		name, e, err := walker.Next()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, i18n.Errorf("git HEAD: %w", err)
		}
		if e.Mode == filemode.Regular || e.Mode == filemode.Executable {
			out[name] = e.Hash
		}
	}
}
