package policy

import (
	"io/fs"
	"net/url"
	"path"
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
	"golang.org/x/text/unicode/norm"

	"github.com/policyctl/policyctl/internal/i18n"
)

// LinkKind says what a link destination names.
type LinkKind int

const (
	// LinkExternal is a URL with a scheme (https:, mailto:) or a //host.
	LinkExternal LinkKind = iota
	// LinkFragment is an anchor in the linking document itself.
	LinkFragment
	// LinkDocument is another policy document, or an anchor in it.
	LinkDocument
	// LinkFile is a repository file that is not a policy document: an
	// image, a PDF. Only these are ever copied into an edition.
	LinkFile
)

// Link is a link destination resolved against the repository.
type Link struct {
	Kind LinkKind
	// Path is the repository path (LinkDocument, LinkFile).
	Path string
	// Doc is the target document (LinkDocument) or the linking one
	// (LinkFragment).
	Doc *Document
	// Fragment is the anchor, percent-decoded; "" when there is none.
	Fragment string
}

// LinkError says why a link cannot be followed, as a finding would.
type LinkError struct {
	Rule          *Rule
	Message, Hint string
}

func (e *LinkError) Error() string { return e.Message }

var schemeRE = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9+.-]*:`)

// ResolveLink resolves a link or image destination written in document
// from. It is the one function that decides what a link names: check
// reports its errors, and an edition contains a file only when it returned
// LinkFile for a link in visible text. It follows no symbolic link, never
// leaves the repository, never names anything under .git, a hidden file,
// the configuration or the approvals, and it matches file names exactly
// (case and Unicode normalisation included) whatever the file system.
func (r *Repo) ResolveLink(from *Document, dest string) (Link, *LinkError) {
	if schemeRE.MatchString(dest) || strings.HasPrefix(dest, "//") {
		return Link{Kind: LinkExternal}, nil
	}
	// A URL's query comes before its fragment: cut at the first of either.
	p, frag := dest, ""
	if i := strings.IndexAny(dest, "?#"); i >= 0 {
		p = dest[:i]
		if j := strings.IndexByte(dest, '#'); j >= 0 {
			frag = dest[j+1:]
		}
	}
	if frag != "" {
		f, err := url.PathUnescape(frag)
		if err != nil {
			return Link{}, &LinkError{RuleLinkBrokenAnchor, i18n.Sprintf("the anchor of %q has a malformed %%-escape", dest), i18n.T("write the heading id as it is, or escape %% as %%25")}
		}
		frag = f
	}
	if p == "" {
		return Link{Kind: LinkFragment, Doc: from, Fragment: frag}, nil
	}
	up, err := url.PathUnescape(p)
	if err != nil {
		return Link{}, &LinkError{RuleLinkBrokenFile, i18n.Sprintf("%q has a malformed %%-escape", dest), i18n.T("write the path as it is, or escape %% as %%25")}
	}
	if strings.ContainsAny(up, "\\\x00") || strings.ContainsFunc(up, func(r rune) bool { return r < 0x20 || r == 0x7f }) {
		return Link{}, &LinkError{RuleLinkUnsafe, i18n.Sprintf("%q holds a backslash or a control character", dest), i18n.T("paths use / between folders")}
	}
	var target string
	if strings.HasPrefix(up, "/") {
		target = path.Clean(strings.TrimLeft(up, "/"))
	} else {
		target = path.Join(path.Dir(from.Path), up)
	}
	if !fs.ValidPath(target) || target == "." {
		return Link{}, &LinkError{RuleLinkBrokenFile, i18n.Sprintf("%q leaves the repository", dest), i18n.T("link to a file inside the policy repository, relative to this document")}
	}
	for _, c := range strings.Split(target, "/") {
		if strings.HasPrefix(c, ".") {
			return Link{}, &LinkError{RuleLinkUnsafe, i18n.Sprintf("%q names %s, a hidden file or folder (.git and the like are never published)", dest, target), i18n.T("link to a file whose path has no component starting with \".\"")}
		}
	}
	if target == ConfigFile || target == "approvals" || strings.HasPrefix(target, "approvals/") {
		return Link{}, &LinkError{RuleLinkUnsafe, i18n.Sprintf("%q names %s, which is part of policyctl's own records, not content", dest, target), i18n.T("link to the published page or file instead")}
	}
	if lerr := r.lstatExact(target, dest); lerr != nil {
		return Link{}, lerr
	}
	if d := r.DocByPath(target); d != nil {
		return Link{Kind: LinkDocument, Path: target, Doc: d, Fragment: frag}, nil
	}
	if ext := strings.ToLower(path.Ext(target)); ext == ".md" || ext == ".markdown" {
		return Link{}, &LinkError{RuleLinkUnsafe, i18n.Sprintf("%q names %s, a Markdown file that is not a policy document (the documents glob does not match it); it would be published as raw source", dest, target),
			i18n.T("make it a document (front matter, under the documents glob) or link to something else")}
	}
	return Link{Kind: LinkFile, Path: target, Fragment: frag}, nil
}

// LinkDestinations lists the destinations of every link and image of the
// document, in document order.
func (d *Document) LinkDestinations() []string {
	var out []string
	_ = ast.Walk(d.AST, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch l := n.(type) {
		case *ast.Link:
			out = append(out, string(l.Destination))
		case *ast.Image:
			out = append(out, string(l.Destination))
		}
		return ast.WalkContinue, nil
	})
	return out
}

// lstatExact checks that every component of p exists with exactly that
// name, that the folders are folders and the last is a regular file —
// reading directory listings, so that a case-insensitive file system, a
// symbolic link or a Unicode-normalising file system cannot make a link
// reach another file than the one it names.
func (r *Repo) lstatExact(p, dest string) *LinkError {
	parts := strings.Split(p, "/")
	dir := "."
	for i, name := range parts {
		ents, err := r.readDir(dir)
		if err != nil {
			return &LinkError{RuleLinkBrokenFile, i18n.Sprintf("%q: %s does not exist", dest, p), ""}
		}
		var found fs.DirEntry
		var near string
		for _, e := range ents {
			if e.Name() == name {
				found = e
				break
			}
			if near == "" && sameName(e.Name(), name) {
				near = e.Name()
			}
		}
		full := path.Join(dir, name)
		switch {
		case found == nil && near != "":
			return &LinkError{RuleLinkCase, i18n.Sprintf("%q: %s does not exist, but %s does: the names differ in case or Unicode normalisation", dest, full, path.Join(dir, near)),
				i18n.T("write the name exactly as the file is named; a case-insensitive file system would otherwise publish one file and check another")}
		case found == nil:
			return &LinkError{RuleLinkBrokenFile, i18n.Sprintf("%q: %s does not exist", dest, p), ""}
		case found.Type()&fs.ModeSymlink != 0:
			return &LinkError{RuleLinkUnsafe, i18n.Sprintf("%q: %s is a symbolic link; policyctl never follows one", dest, full), i18n.T("replace the link by the file itself")}
		case i < len(parts)-1 && !found.IsDir():
			return &LinkError{RuleLinkBrokenFile, i18n.Sprintf("%q: %s is not a folder", dest, full), ""}
		case i == len(parts)-1 && !found.Type().IsRegular():
			return &LinkError{RuleLinkBrokenFile, i18n.Sprintf("%q: %s is not a regular file", dest, full), ""}
		}
		dir = full
	}
	return nil
}

// sameName reports whether two file names are equal but for case or
// Unicode normalisation.
func sameName(a, b string) bool {
	return strings.EqualFold(norm.NFC.String(a), norm.NFC.String(b))
}

// readDir lists a folder of the repository once per model.
func (r *Repo) readDir(dir string) ([]fs.DirEntry, error) {
	r.dirsMu.Lock()
	defer r.dirsMu.Unlock()
	if r.dirs == nil {
		r.dirs = map[string]dirListing{}
	}
	if l, ok := r.dirs[dir]; ok {
		return l.ents, l.err
	}
	ents, err := fs.ReadDir(r.FS, dir)
	r.dirs[dir] = dirListing{ents, err}
	return ents, err
}

type dirListing struct {
	ents []fs.DirEntry
	err  error
}

// Collisions reports repository files whose paths differ only in case or
// Unicode normalisation: on macOS or Windows they are one file, and a link
// could publish the other.
func (r *Repo) Collisions() []Finding {
	seen := map[string]string{}
	var out []Finding
	_ = fs.WalkDir(r.FS, ".", func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if p != "." && strings.HasPrefix(e.Name(), ".") {
			if e.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		key := FoldPath(p)
		if other, ok := seen[key]; ok && other != p {
			out = append(out, Finding{Rule: RuleFilesCollision, Severity: Error, Pos: Pos{File: p},
				Message: i18n.Sprintf("%s and %s differ only in case or Unicode normalisation: on a case-insensitive file system they are one file", other, p),
				Hint:    i18n.T("rename one of them")})
			return nil
		}
		seen[key] = p
		return nil
	})
	return out
}
