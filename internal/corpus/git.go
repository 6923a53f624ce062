package corpus

import (
	"fmt"
	"math/rand"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"testing/fstest"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/plumbing/storer"
	"golang.org/x/crypto/ssh"

	"github.com/policyctl/policyctl/approvals"
	"github.com/policyctl/policyctl/internal/policy"
)

// History sizes a generated git history.
type History struct {
	Commits   int // commits in all, approval commits included
	Revisions int // revisions approved by every committee along the way
}

// WriteRepo writes the corpus as a git repository with a history of
// h.Commits commits: each edits one document, and every so often one
// records a revision approved by the seven committees. Objects are written
// directly with go-git's storage, not through a work tree, so thousands of
// commits take seconds; the final tree is also written out as files.
func WriteRepo(dir string, o Options, h History) error {
	files := Files(o)
	repo, err := git.PlainInitWithOptions(dir, &git.PlainInitOptions{InitOptions: git.InitOptions{DefaultBranch: plumbing.NewBranchReferenceName("main")}})
	if err != nil {
		return err
	}
	st := repo.Storer
	rng := rand.New(rand.NewSource(o.Seed + 1))
	t := &treeWriter{st: st, blobs: map[string]plumbing.Hash{}, dirs: map[string]plumbing.Hash{}}
	for p, b := range files {
		if err := t.put(p, b); err != nil {
			return err
		}
	}
	var docs []string
	for p := range files {
		if strings.HasPrefix(p, "policy/") {
			docs = append(docs, p)
		}
	}
	sort.Strings(docs)
	when := time.Date(2010, 4, 1, 10, 0, 0, 0, time.FixedZone("JST", 9*3600))
	var parent plumbing.Hash
	commit := func(msg string) error {
		root, err := t.root()
		if err != nil {
			return err
		}
		sig := object.Signature{Name: "試験市 情報政策課", Email: "joho@example.jp", When: when}
		c := &object.Commit{Author: sig, Committer: sig, Message: msg, TreeHash: root}
		if !parent.IsZero() {
			c.ParentHashes = []plumbing.Hash{parent}
		}
		obj := st.NewEncodedObject()
		if err := c.Encode(obj); err != nil {
			return err
		}
		if parent, err = st.SetEncodedObject(obj); err != nil {
			return err
		}
		when = when.Add(20 * time.Hour)
		return nil
	}
	if err := commit("initial import"); err != nil {
		return err
	}
	every := h.Commits
	if h.Revisions > 0 {
		every = max(2, h.Commits/h.Revisions)
	}
	rev := 0
	for n := 1; n < h.Commits; n++ {
		if h.Revisions > 0 && n%every == every-1 && rev < h.Revisions {
			rev++
			id := when.Format("2006-01-02")
			if err := approveAll(t, files, id); err != nil {
				return err
			}
			if err := commit(fmt.Sprintf("承認: %s 改訂", id)); err != nil {
				return err
			}
			continue
		}
		p := docs[rng.Intn(len(docs))]
		files[p] = append(files[p], []byte(fmt.Sprintf("\n附記%d: 第%d回の改正による。\n", n, n))...)
		if err := t.put(p, files[p]); err != nil {
			return err
		}
		if err := commit(fmt.Sprintf("%s を改正", path.Base(p))); err != nil {
			return err
		}
	}
	if err := st.SetReference(plumbing.NewHashReference(plumbing.NewBranchReferenceName("main"), parent)); err != nil {
		return err
	}
	for p, b := range files {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(full, b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// approveAll records revision id: revision.yaml and one signed approval
// per committee, over the files as they are now.
func approveAll(t *treeWriter, files map[string][]byte, id string) error {
	fsys := fstest.MapFS{}
	for p, b := range files {
		fsys[p] = &fstest.MapFile{Data: b}
	}
	r, err := policy.Load(fsys, policy.LoadOptions{})
	if err != nil {
		return err
	}
	folder := approvals.Dir(id)
	files[folder+"/revision.yaml"] = []byte(fmt.Sprintf("id: %q\nkind: 改訂\n", id))
	if err := t.put(folder+"/revision.yaml", files[folder+"/revision.yaml"]); err != nil {
		return err
	}
	fsys[folder+"/revision.yaml"] = &fstest.MapFile{Data: files[folder+"/revision.yaml"]}
	for _, c := range Committees {
		m := c + "-chair"
		p, _, err := approvals.Prepare(fsys, r, nil, approvals.Request{Revision: id, Committee: c, Member: m})
		if err != nil {
			return err
		}
		signer, err := ssh.NewSignerFromKey(Key(m))
		if err != nil {
			return err
		}
		body := p.Marshal()
		sig, err := approvals.Sign(body, signer)
		if err != nil {
			return err
		}
		base := folder + "/" + approvals.FileName(c, m)
		files[base+".json"], files[base+".sig"] = body, sig
		if err := t.put(base+".json", body); err != nil {
			return err
		}
		if err := t.put(base+".sig", sig); err != nil {
			return err
		}
	}
	return nil
}

// treeWriter keeps the blob of every file and rebuilds only the trees
// along a changed path.
type treeWriter struct {
	st    storer.EncodedObjectStorer
	blobs map[string]plumbing.Hash // file path -> blob
	dirs  map[string]plumbing.Hash // folder -> tree, "" for the root; missing when stale
}

func (t *treeWriter) put(p string, b []byte) error {
	obj := t.st.NewEncodedObject()
	obj.SetType(plumbing.BlobObject)
	w, err := obj.Writer()
	if err != nil {
		return err
	}
	if _, err := w.Write(b); err != nil {
		return err
	}
	w.Close()
	h, err := t.st.SetEncodedObject(obj)
	if err != nil {
		return err
	}
	t.blobs[p] = h
	for d := path.Dir(p); ; d = path.Dir(d) {
		if d == "." {
			delete(t.dirs, "")
			break
		}
		delete(t.dirs, d)
	}
	return nil
}

func (t *treeWriter) root() (plumbing.Hash, error) { return t.tree("") }

// tree writes the tree of a folder ("" is the root).
func (t *treeWriter) tree(dir string) (plumbing.Hash, error) {
	if h, ok := t.dirs[dir]; ok {
		return h, nil
	}
	prefix := ""
	if dir != "" {
		prefix = dir + "/"
	}
	entries := map[string]object.TreeEntry{}
	for p, h := range t.blobs {
		if !strings.HasPrefix(p, prefix) {
			continue
		}
		rest := p[len(prefix):]
		if i := strings.IndexByte(rest, '/'); i >= 0 {
			name := rest[:i]
			if _, ok := entries[name]; !ok {
				sub, err := t.tree(prefix + name)
				if err != nil {
					return plumbing.ZeroHash, err
				}
				entries[name] = object.TreeEntry{Name: name, Mode: filemode.Dir, Hash: sub}
			}
			continue
		}
		entries[rest] = object.TreeEntry{Name: rest, Mode: filemode.Regular, Hash: h}
	}
	list := make([]object.TreeEntry, 0, len(entries))
	for _, e := range entries {
		list = append(list, e)
	}
	// Git orders entries by name, a folder's name followed by "/".
	key := func(e object.TreeEntry) string {
		if e.Mode == filemode.Dir {
			return e.Name + "/"
		}
		return e.Name
	}
	sort.Slice(list, func(i, j int) bool { return key(list[i]) < key(list[j]) })
	tr := &object.Tree{Entries: list}
	obj := t.st.NewEncodedObject()
	if err := tr.Encode(obj); err != nil {
		return plumbing.ZeroHash, err
	}
	h, err := t.st.SetEncodedObject(obj)
	if err != nil {
		return plumbing.ZeroHash, err
	}
	t.dirs[dir] = h
	return h, nil
}

// WriteDiffPair writes a repository with two commits of one statute-style
// document of about size bytes; the second edits 2% of its lines.
func WriteDiffPair(dir string, size int, seed int64) error {
	rng := rand.New(rand.NewSource(seed))
	g := &gen{rng: rng, o: Options{DocBytes: size}}
	var b strings.Builder
	b.WriteString(g.frontMatter("large", "試験市情報セキュリティ対策基準（大部）", "standard", "internal"))
	g.statute(&b, 0, "internal")
	old := b.String()
	lines := strings.Split(old, "\n")
	for i := range lines {
		if strings.HasPrefix(lines[i], "第") || strings.HasPrefix(lines[i], "2　") {
			if rng.Intn(50) == 0 {
				lines[i] = strings.Replace(lines[i], "する。", "し、その結果を記録する。", 1)
			}
		}
	}
	new := strings.Join(lines, "\n")
	repo, err := git.PlainInitWithOptions(dir, &git.PlainInitOptions{InitOptions: git.InitOptions{DefaultBranch: plumbing.NewBranchReferenceName("main")}})
	if err != nil {
		return err
	}
	wt, err := repo.Worktree()
	if err != nil {
		return err
	}
	files := Files(Options{Docs: 0, Seed: seed})
	when := time.Date(2025, 4, 1, 10, 0, 0, 0, time.FixedZone("JST", 9*3600))
	for i, text := range []string{old, new} {
		files["policy/large.md"] = []byte(text)
		for p, c := range files {
			full := filepath.Join(dir, filepath.FromSlash(p))
			if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
				return err
			}
			if err := os.WriteFile(full, c, 0o644); err != nil {
				return err
			}
		}
		if err := wt.AddWithOptions(&git.AddOptions{All: true}); err != nil {
			return err
		}
		sig := &object.Signature{Name: "試験市", Email: "joho@example.jp", When: when.AddDate(0, i, 0)}
		if _, err := wt.Commit(fmt.Sprintf("改正 %d", i), &git.CommitOptions{Author: sig, Committer: sig}); err != nil {
			return err
		}
	}
	return nil
}
