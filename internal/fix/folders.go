package fix

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/policyctl/policyctl/internal/i18n"
)

// folders are the folders a change writes into, each opened once through
// os.Root: a folder that is a link leading out of the repository is
// refused, as the reads refuse it. Each is then named for the writes by
// what was opened, not by its path (folderName): a folder replaced by a
// link after it was opened — to a place outside the repository that holds
// a file with the bytes that were read — is not written through.
type folders struct {
	root  *os.Root
	dirs  []string // the folders, as slash paths, in the order of files
	files []*os.File
	name  map[string]string // a folder as a slash path ("." the top) → its name for file operations
	shown []string          // pairs of a name and the folder's path, for errors
}

func openFolders(dir string, paths []string) (*folders, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	fo := &folders{root: root, name: map[string]string{}}
	for _, p := range paths {
		d := path.Dir(p)
		if _, ok := fo.name[d]; ok {
			continue
		}
		f, err := root.Open(filepath.FromSlash(d))
		if err != nil {
			fo.close()
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		fo.files, fo.dirs = append(fo.files, f), append(fo.dirs, d)
		name, err := folderName(f, filepath.Join(dir, filepath.FromSlash(d)))
		if err != nil {
			fo.close()
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		fo.name[d] = name
		if plain := filepath.Join(dir, filepath.FromSlash(d)); name != plain {
			fo.shown = append(fo.shown, name+string(filepath.Separator), plain+string(filepath.Separator))
		}
	}
	return fo, nil
}

// plain gives err with each folder named by its path, as the user knows
// it, where the writes named it by what was opened.
func (fo *folders) plain(err error) error {
	if err == nil || len(fo.shown) == 0 {
		return err
	}
	return &plainError{err, strings.NewReplacer(fo.shown...)}
}

type plainError struct {
	err error
	r   *strings.Replacer
}

func (e *plainError) Error() string { return e.r.Replace(e.err.Error()) }
func (e *plainError) Unwrap() error { return e.err }

func (fo *folders) close() {
	for _, f := range fo.files {
		f.Close()
	}
	fo.root.Close()
}

// still reports an error when a folder's path, read again inside the
// repository, no longer leads to the folder that was opened: it was moved,
// or replaced by a link or a copy, since.
func (fo *folders) still() error {
	for i, f := range fo.files {
		a, err := f.Stat()
		if err != nil {
			return err
		}
		b, err := fo.root.Lstat(filepath.FromSlash(fo.dirs[i]))
		if err == nil && b.Mode()&os.ModeSymlink == 0 {
			if g, err := fo.root.Open(filepath.FromSlash(fo.dirs[i])); err == nil {
				b, err = g.Stat()
				g.Close()
				if err == nil && os.SameFile(a, b) {
					continue
				}
			}
		}
		return i18n.Errorf("the folder %s changed since it was read; nothing was written: run the command again", fo.dirs[i])
	}
	return nil
}

// samePlace names an opened folder by its path, where the system has no
// name for what was opened: the path must lead to that folder now. A link
// put in its place between this check and a write is not seen there.
func samePlace(f *os.File, plain string) (string, error) {
	a, err := f.Stat()
	if err != nil {
		return "", err
	}
	b, err := os.Stat(plain)
	if err != nil {
		return "", err
	}
	if !os.SameFile(a, b) {
		return "", i18n.Errorf("the folder %s changed since it was opened", plain)
	}
	return plain, nil
}
