package policy

import (
	"bytes"
	"crypto/sha1"
	"encoding/hex"
	"errors"
	"fmt"
	"go.yaml.in/yaml/v3"
	"io/fs"
	"path"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/bmatcuk/doublestar/v4"
	"golang.org/x/sync/errgroup"

	"github.com/policyctl/policyctl/internal/i18n"
	"github.com/policyctl/policyctl/internal/progress"
)

// Repo is a policy repository as read from one fs.FS.
type Repo struct {
	FS       fs.FS
	Config   *Config
	Registry *Registry // nil when approvals/registry.yaml is absent or unreadable
	// Docs are sorted by path.
	Docs []*Document
	// Findings are repository-level problems found while reading: the
	// registry's, and anything not tied to one document.
	Findings []Finding

	dirsMu sync.Mutex
	dirs   map[string]dirListing // folder listings for ResolveLink

	// byID indexes Docs by id, built on first use and again if Docs
	// changed length: lookups by id are in every loop over documents.
	// Docs is filled while a Repo is built and not replaced in place after.
	byIDMu sync.Mutex
	byID   map[string]*Document
	byIDN  int

	memo sync.Map // key -> *memoEntry
}

type memoEntry struct {
	once sync.Once
	v    any
}

// Memo returns what f computes from the repository, computing it once per
// key: the references, the defined terms. A Repo is not changed after it
// is built, so what is derived from it holds for its life; the value is
// shared and not to be modified.
func (r *Repo) Memo(key any, f func() any) any {
	e, _ := r.memo.LoadOrStore(key, &memoEntry{})
	m := e.(*memoEntry)
	m.once.Do(func() { m.v = f() })
	return m.v
}

// LoadOptions adjust Load.
type LoadOptions struct {
	// Overrides are configuration keys set on the command line (--set).
	Overrides map[string]string
	// HeadOnly reads documents' bytes and front matter but not their
	// Markdown: enough for approvals and history, much faster.
	HeadOnly bool
	// Cache, when set, reuses documents read before from the same bytes
	// (by git blob hash), so walking many commits reads each version once.
	Cache *Cache
	// Progress counts the documents read, for a person at a terminal.
	Progress *progress.Meter
	// Digests works out each document's SHA-256 (Digest) as it is read,
	// on every core, for a caller that verifies approvals, which name
	// documents by it.
	Digests bool
}

// Cache holds documents by git blob hash; it is safe for concurrent use.
type Cache struct {
	mu   sync.Mutex
	docs map[string]cached
	gen  uint64 // Keep calls so far
	// yaml holds front matter as YAML read it, by its text: most versions
	// of a document change its body and keep its front matter.
	yaml map[string]yamlRead
}

// yamlRead is a front matter's YAML tree, or the error reading it, and
// the Keep generation it was last used in. The tree is shared: it is only
// read (yaml.Node.Decode does not change the node it decodes).
type yamlRead struct {
	root *yaml.Node
	err  error
	gen  uint64
}

// keepYAML is how many Keep calls a front matter's YAML outlives its last
// use: enough for the history of a policy (a few revisions a year), few
// enough that a walk never holds every front matter it has read.
const keepYAML = 64

// frontMatter reads a front matter's YAML, once per text.
func (c *Cache) frontMatter(text []byte) (*yaml.Node, error) {
	if c == nil {
		var root yaml.Node
		err := yaml.Unmarshal(text, &root)
		return &root, err
	}
	c.mu.Lock()
	e, ok := c.yaml[string(text)]
	if ok {
		e.gen = c.gen
		c.yaml[string(text)] = e
	}
	c.mu.Unlock()
	if ok {
		return e.root, e.err
	}
	root := new(yaml.Node)
	err := yaml.Unmarshal(text, root)
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.yaml == nil {
		c.yaml = map[string]yamlRead{}
	}
	c.yaml[string(text)] = yamlRead{root, err, c.gen}
	return root, err
}

// cached is a document and the Keep generation it was last used in.
type cached struct {
	d   *Document
	gen uint64
}

// NewCache returns an empty cache.
func NewCache() *Cache { return &Cache{docs: map[string]cached{}} }

// Keep drops every document but those of r and those read or used since
// the last Keep, so that walking a long history holds the documents of a
// revision or two rather than of all, and a model read in advance keeps
// what it read.
func (c *Cache) Keep(r *Repo) {
	keep := map[*Document]bool{}
	for _, d := range r.Docs {
		keep[d] = true
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for k, e := range c.docs {
		if !keep[e.d] && e.gen < c.gen {
			delete(c.docs, k)
		}
	}
	for k, e := range c.yaml {
		// A document's front matter is read again when the document
		// next changes, which may be many revisions later.
		if e.gen+keepYAML < c.gen {
			delete(c.yaml, k)
		}
	}
	c.gen++
}

// get returns the document kept under key, marking it used.
func (c *Cache) get(key string) *Document {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.docs[key]
	if !ok {
		return nil
	}
	e.gen = c.gen
	c.docs[key] = e
	return e.d
}

func (c *Cache) put(key string, d *Document) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.docs[key] = cached{d, c.gen}
}

// BlobHash is the hash git gives a blob of the bytes b, in hex.
func BlobHash(b []byte) string {
	h := sha1.New()
	fmt.Fprintf(h, "blob %d\x00", len(b))
	h.Write(b)
	return hex.EncodeToString(h.Sum(nil))
}

// Hasher is implemented by file systems that know a content hash for each
// file, as a git tree does.
type Hasher interface {
	FileHash(name string) (string, bool)
}

// Committer is implemented by the file systems a build reads: whether a
// file's bytes are those of a commit. In a git revision every file is; in
// a working tree, a file whose bytes HEAD holds at its path. Any other
// file — never committed, changed or staged since, a build's output, a
// download — is in no approval. A file system that does not implement it
// (a folder outside git) commits nothing.
type Committer interface {
	Committed(name string, data []byte) (bool, error)
}

// Load reads the repository in fsys: configuration, registry and every
// document the configuration's glob matches. Problems in documents and the
// registry are findings; a configuration or I/O error is an error, because
// nothing else can be read without it.
func Load(fsys fs.FS, opts LoadOptions) (*Repo, error) {
	cfg, err := LoadConfig(fsys, opts.Overrides)
	if err != nil {
		return nil, err
	}
	r := &Repo{FS: fsys, Config: cfg}
	if notPlainFile(fsys, RegistryFile) {
		return nil, &ConfigError{File: RegistryFile, Msg: i18n.T("a symbolic link (or another entry that is no plain file): a working tree would follow it where a commit holds its text; write the registry in the file itself")}
	}
	if src, err := fs.ReadFile(fsys, RegistryFile); err == nil {
		var fs []Finding
		r.Registry, fs = ParseRegistry(src)
		r.Findings = append(r.Findings, fs...)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("policy: %s: %w", RegistryFile, err)
	}
	// A folder that cannot be read (a git tree a partial clone lacks) is an
	// error, never a folder without documents.
	// A linked folder is not walked (it could lead out of the repository,
	// or round in a loop): dropSymlinks reports it instead.
	// A glob's base that is a link, or lies in a linked folder, is not
	// listed at all: no command goes on with a model of no documents (a
	// diff would call every document repealed).
	var paths []string
	if link := linkedBase(fsys, cfg.Documents); link != "" {
		return nil, &ConfigError{File: ConfigFile, Key: "documents", Msg: i18n.Sprintf("%q: %s is a symbolic link (or another entry that is no plain folder): policyctl never follows one, and reads no document through it; replace the link by the folder itself and commit its files, or point the glob at the folder", cfg.Documents, link)}
	} else {
		var err error
		paths, err = doublestar.Glob(fsys, cfg.Documents, doublestar.WithFilesOnly(), doublestar.WithFailOnIOErrors(), doublestar.WithNoFollow())
		if err != nil {
			return nil, i18n.Errorf("policy: documents %q: %w", cfg.Documents, err)
		}
		if len(paths) == 0 {
			return nil, &ConfigError{File: ConfigFile, Key: "documents", Msg: i18n.Sprintf("%q matches no file: there is no document to check, approve or publish; write the documents there, or correct the glob", cfg.Documents)}
		}
		sort.Strings(paths)
		// A document is read as the file itself, in a working tree and in
		// a git tree alike: one that is a symbolic link is never followed
		// (in a working tree it could name anything on the machine, and
		// git holds only the link's text), and is left out with an error.
		var links []Finding
		if paths, links, err = dropSymlinks(fsys, cfg.Documents, paths); err != nil {
			return nil, err
		}
		r.Findings = append(r.Findings, links...)
	}
	opts.Progress.Phase(i18n.T("reading documents"), len(paths))
	defer opts.Progress.Done()
	r.Docs = make([]*Document, len(paths))
	errs := make([]error, len(paths))
	load := func(i int) {
		defer opts.Progress.Add(1)
		p := paths[i]
		key := func(hash string) string {
			return fmt.Sprintf("%s\x00%s\x00%v\x00%v", hash, p, cfg.Visibility, opts.HeadOnly)
		}
		k := ""
		if h, ok := fsys.(Hasher); ok && opts.Cache != nil {
			if hash, ok := h.FileHash(p); ok {
				k = key(hash)
				if d := opts.Cache.get(k); d != nil {
					r.Docs[i] = d
					return
				}
			}
		}
		src, err := fs.ReadFile(fsys, p)
		if err != nil {
			errs[i] = fmt.Errorf("policy: %s: %w", p, err)
			return
		}
		if k == "" && opts.Cache != nil {
			// A working tree has no hashes to ask: its bytes are
			// hashed as git hashes them, so that a file left as a
			// commit holds it is parsed once for both (renumber's
			// working tree and its base, a diff of the two).
			k = key(BlobHash(src))
			if d := opts.Cache.get(k); d != nil {
				r.Docs[i] = d
				return
			}
		}
		d := parseHead(p, src, cfg.Visibility, opts.Cache)
		if !opts.HeadOnly {
			d.Findings = append(EncodingFindings(p, src), d.Findings...)
			d.parseBody(cfg.Visibility)
		}
		if opts.Digests {
			d.Digest()
		}
		r.Docs[i] = d
		if k != "" {
			opts.Cache.put(k, d)
		}
	}
	// Parsing is independent per document: spread it over the cores, one
	// worker per core taking the next document, so that a stack grown to
	// parse one (YAML's parser runs deep) serves for the next.
	var g errgroup.Group
	var next atomic.Int64
	for range min(runtime.GOMAXPROCS(0), len(paths)) {
		g.Go(func() error {
			for i := int(next.Add(1) - 1); i < len(paths); i = int(next.Add(1) - 1) {
				load(i)
			}
			return nil
		})
	}
	_ = g.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return r, nil
}

// KnownIDs lists the document ids of the given models, sorted and each
// once, for an error that names an unknown one: at most max of them,
// then how many more there are.
func KnownIDs(max int, rs ...*Repo) string {
	seen := map[string]bool{}
	var ids []string
	for _, r := range rs {
		if r == nil {
			continue
		}
		for _, d := range r.Docs {
			if id := d.Meta.ID; id != "" && !seen[id] {
				seen[id] = true
				ids = append(ids, id)
			}
		}
	}
	sort.Strings(ids)
	if len(ids) > max {
		return i18n.Sprintf("%s and %d more", strings.Join(ids[:max], i18n.T(", ")), len(ids)-max)
	}
	return strings.Join(ids, i18n.T(", "))
}

// Doc returns the first document with the given id, or nil.
func (r *Repo) Doc(id string) *Document {
	r.byIDMu.Lock()
	defer r.byIDMu.Unlock()
	if r.byID == nil || r.byIDN != len(r.Docs) {
		r.byID = make(map[string]*Document, len(r.Docs))
		for _, d := range r.Docs {
			if _, ok := r.byID[d.Meta.ID]; !ok {
				r.byID[d.Meta.ID] = d
			}
		}
		r.byIDN = len(r.Docs)
	}
	if d := r.byID[id]; d != nil && d.Meta.ID == id {
		return d
	}
	return nil
}

// DocByPath returns the document at a repository path, or nil.
func (r *Repo) DocByPath(path string) *Document {
	i := sort.Search(len(r.Docs), func(i int) bool { return r.Docs[i].Path >= path })
	if i < len(r.Docs) && r.Docs[i].Path == path {
		return r.Docs[i]
	}
	return nil
}

// With returns the repository as it would be with some documents' bytes
// replaced — what a fix or a renumbering is about to write — without
// touching the files: the documents whose bytes changed are parsed again,
// the others are shared with r. The configuration and the registry are
// r's; changed must name documents of r.
func (r *Repo) With(changed map[string][]byte) (*Repo, error) {
	out := &Repo{FS: overlay{base: r.FS, files: changed}, Config: r.Config, Registry: r.Registry, Findings: r.Findings}
	out.Docs = make([]*Document, len(r.Docs))
	seen := 0
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, d := range r.Docs {
		src, ok := changed[d.Path]
		if !ok {
			out.Docs[i] = d
			continue
		}
		seen++
		g.Go(func() error {
			nd := ParseDocument(d.Path, src, r.Config.Visibility)
			nd.Prev = d
			out.Docs[i] = nd
			return nil
		})
	}
	_ = g.Wait()
	if seen != len(changed) {
		for p := range changed {
			if r.DocByPath(p) == nil {
				return nil, fmt.Errorf("policy: %s: not a document of the repository", p)
			}
		}
	}
	return out, nil
}

// overlay is a file system with some files' contents replaced.
type overlay struct {
	base  fs.FS
	files map[string][]byte
}

func (o overlay) Open(name string) (fs.File, error) {
	if b, ok := o.files[name]; ok {
		f, err := o.base.Open(name)
		if err != nil {
			return nil, err
		}
		info, err := f.Stat()
		f.Close()
		if err != nil {
			return nil, err
		}
		return &memFile{Reader: bytes.NewReader(b), info: memInfo{info, int64(len(b))}}, nil
	}
	return o.base.Open(name)
}

func (o overlay) ReadFile(name string) ([]byte, error) {
	if b, ok := o.files[name]; ok {
		return bytes.Clone(b), nil
	}
	return fs.ReadFile(o.base, name)
}

func (o overlay) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(o.base, name) }

type memFile struct {
	*bytes.Reader
	info memInfo
}

func (f *memFile) Stat() (fs.FileInfo, error) { return f.info, nil }
func (f *memFile) Close() error               { return nil }

type memInfo struct {
	fs.FileInfo
	size int64
}

func (i memInfo) Size() int64 { return i.size }

// dropSymlinks returns the paths read through no symbolic link, and a
// finding for each other: the document itself a link, or a folder on its
// way. Types come from the folders' listings, which neither os.DirFS nor a
// git tree resolves. A document must be a regular file: a pipe or a device
// would never end. A linked folder under the glob's base, which the glob
// does not walk, is reported too: the documents in it are not read.
func dropSymlinks(fsys fs.FS, pattern string, paths []string) ([]string, []Finding, error) {
	base, rest := doublestar.SplitPattern(pattern)
	kinds := map[string]map[string]fs.FileMode{}
	// kind returns the type of name in dir's listing; ok is false when
	// the listing has no entry of that exact name (a file system that
	// folds case or normalisation found it under another): nothing is
	// known of it, and it is not read.
	kind := func(dir, name string) (t fs.FileMode, ok bool, err error) {
		m, listed := kinds[dir]
		if !listed {
			ents, err := fs.ReadDir(fsys, dir)
			if err != nil {
				return 0, false, fmt.Errorf("policy: documents: %s: %w", dir, err)
			}
			m = make(map[string]fs.FileMode, len(ents))
			for _, e := range ents {
				m[e.Name()] = e.Type()
			}
			kinds[dir] = m
		}
		t, ok = m[name]
		return t, ok, nil
	}
	var keep []string
	var out []Finding
	bad := func(p, msg string, hint ...string) {
		h := i18n.T("replace the link by the file itself, and commit the file")
		if len(hint) > 0 {
			h = hint[0]
		}
		out = append(out, Finding{Rule: RuleFilesSymlink, Severity: Error, Pos: Pos{File: p, Line: 1, Col: 1}, Message: msg, Hint: h})
	}
paths:
	for _, p := range paths {
		steps := pathSteps(p)
		for i, st := range steps {
			dir, name := st[0], st[1]
			t, ok, err := kind(dir, name)
			if err != nil {
				return nil, nil, err
			}
			switch {
			case !ok:
				bad(p, i18n.Sprintf("%s is not listed in its folder under that exact name: policyctl reads no document it cannot see listed", p),
					i18n.T("name the file exactly as the folder lists it (upper and lower case, and Unicode normalisation, count)"))
				continue paths
			case t&fs.ModeSymlink != 0 && i == len(steps)-1:
				bad(p, i18n.Sprintf("%s is a symbolic link: policyctl never follows one, and reads no document from it", p))
				continue paths
			case t&fs.ModeSymlink != 0:
				bad(p, i18n.Sprintf("%s is read through %s, a symbolic link: policyctl never follows one, and reads no document through it", p, path.Join(dir, name)))
				continue paths
			case i == len(steps)-1 && t.Type() != 0:
				bad(p, i18n.Sprintf("%s is not a regular file: policyctl reads no document from it", p), i18n.T("replace it by a regular file holding the document"))
				continue paths
			case i < len(steps)-1 && !t.IsDir():
				// A junction or other special folder: what it leads to is
				// not the repository's.
				bad(p, i18n.Sprintf("%s is read through %s, which is not a plain folder: policyctl reads no document through it", p, path.Join(dir, name)))
				continue paths
			}
		}
		keep = append(keep, p)
	}
	// The glob did not walk into linked folders; say which, once each —
	// only where the glob could have gone (a linked asset folder beside
	// the documents is not one), and not at all when the base itself is
	// reached through a link (each document under it was named above).
	segs := strings.Split(rest, "/")
	reachable := func(p string) bool {
		if strings.ContainsAny(pattern, "{") {
			return true
		}
		if base != "." {
			p = strings.TrimPrefix(p, base+"/")
		}
		rel := strings.Split(p, "/")
		for j, name := range rel {
			if j >= len(segs)-1 {
				return false
			}
			if segs[j] == "**" {
				return true
			}
			if ok, _ := path.Match(segs[j], name); !ok {
				return false
			}
		}
		return true
	}
	if base != "." {
		for _, st := range pathSteps(base) {
			t, ok, err := kind(st[0], st[1])
			if err != nil || !ok || !t.IsDir() {
				return keep, out, nil
			}
		}
	}
	matched := make(map[string]bool, len(paths))
	for _, p := range paths {
		matched[p] = true
	}
	err := fs.WalkDir(fsys, base, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && p != base {
				return nil // gone while walked: nothing to read there
			}
			return err
		}
		if p == base {
			return nil
		}
		if e.IsDir() && (e.Name() == ".git" || !reachable(p)) {
			return fs.SkipDir // git's own store, or where no document can be
		}
		if e.Type()&(fs.ModeSymlink|fs.ModeIrregular) == 0 || matched[p] || !reachable(p) {
			return nil
		}
		if fi, err := fs.Stat(fsys, p); err == nil && fi.IsDir() {
			bad(p, i18n.Sprintf("%s is a symbolic link to a folder: policyctl never follows one, and reads no document in it", p),
				i18n.T("replace the link by the folder itself, and commit its files"))
		}
		return nil
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, nil, fmt.Errorf("policy: documents: %w", err)
	}
	return keep, out, nil
}

// linkedBase is the step of a documents glob's base (the folders before
// its first wildcard) that is a symbolic link or another entry that is no
// plain folder, or "" when the base is listed as folders all the way, or
// cannot be listed (the glob then says why).
func linkedBase(fsys fs.FS, pattern string) string {
	base, _ := doublestar.SplitPattern(pattern)
	if base == "." || base == "" {
		return ""
	}
	for _, st := range pathSteps(base) {
		ents, err := fs.ReadDir(fsys, st[0])
		if err != nil {
			return ""
		}
		for _, e := range ents {
			if e.Name() == st[1] && e.Type()&(fs.ModeSymlink|fs.ModeIrregular) != 0 {
				return path.Join(st[0], st[1])
			}
		}
	}
	return ""
}

// pathSteps lists each step of a slash-separated path as the folder it is
// listed in and its name, the last one the file itself.
func pathSteps(p string) [][2]string {
	parts := strings.Split(p, "/")
	out := make([][2]string, len(parts))
	for i, name := range parts {
		dir := path.Join(parts[:i]...)
		if dir == "" {
			dir = "."
		}
		out[i] = [2]string{dir, name}
	}
	return out
}
