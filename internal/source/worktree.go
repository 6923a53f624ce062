package source

import (
	"io/fs"
	"path"
	"sync"

	"github.com/go-git/go-git/v5"

	"github.com/policyctl/policyctl/internal/i18n"
)

// workTree is the working tree of a repository in git: its files as the
// operating system has them, and which of them git tracks (policy.Tracker),
// so that an edition built from the working tree can tell committed files
// from anything else that lies in the folder.
type workTree struct {
	fs.FS
	git *git.Repository
	sub string // the policy repository's folder in the git work tree

	once    sync.Once
	tracked map[string]bool
	err     error
}

func (w *workTree) ReadFile(name string) ([]byte, error)       { return fs.ReadFile(w.FS, name) }
func (w *workTree) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(w.FS, name) }
func (w *workTree) Stat(name string) (fs.FileInfo, error)      { return fs.Stat(w.FS, name) }

// Tracked reports whether git's index holds the file.
func (w *workTree) Tracked(name string) (bool, error) {
	w.once.Do(func() {
		idx, err := w.git.Storer.Index()
		if err != nil {
			w.err = i18n.Errorf("git index: %w", err)
			return
		}
		w.tracked = make(map[string]bool, len(idx.Entries))
		for _, e := range idx.Entries {
			w.tracked[e.Name] = true
		}
	})
	if w.err != nil {
		return false, w.err
	}
	full := name
	if w.sub != "." && w.sub != "" {
		full = path.Join(w.sub, name)
	}
	return w.tracked[full], nil
}
