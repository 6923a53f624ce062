// Package render produces editions of a policy and renders their documents
// to HTML. Edition is the one door through which content reaches any
// renderer, index or formatter: it removes every document, section and block
// above the edition's level from the model, and re-reads what remains from
// the remaining bytes alone, so nothing downstream can reach restricted
// source text, not even through goldmark's source segments.
package render

import (
	"bytes"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing/fstest"

	"github.com/yuin/goldmark/ast"

	"github.com/policyctl/policyctl/internal/policy"
)

// Edition returns the model of one edition of r: the documents at or below
// its level, each with the parts above its level cut out of its bytes and
// parsed again. Its FS holds those documents and the files their remaining
// content links to, nothing else; it has no registry.
func Edition(r *policy.Repo, e policy.Edition) (*policy.Repo, error) {
	out := &policy.Repo{Config: r.Config}
	files := fstest.MapFS{}
	if b, err := fs.ReadFile(r.FS, policy.ConfigFile); err == nil {
		files[policy.ConfigFile] = &fstest.MapFile{Data: b}
	}
	var kept []*policy.Document
	for _, d := range r.Docs {
		if d.Level <= e.Level {
			kept = append(kept, d)
		}
	}
	docs := make([]*policy.Document, len(kept))
	srcs := make([][]byte, len(kept))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, d := range kept {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			srcs[i] = Filter(d, e.Level)
			if bytes.Equal(srcs[i], d.Source) && d.AST != nil {
				// Nothing to cut: the document is its own edition. Renderers
				// parse their own AST, so sharing the model is safe.
				docs[i] = d
				return
			}
			docs[i] = policy.ParseDocument(d.Path, srcs[i], r.Config.Visibility)
		}()
	}
	wg.Wait()
	for i, nd := range docs {
		// Defence in depth: what was cut must not come back.
		for _, p := range nd.Parts {
			if p.Level > e.Level {
				return nil, fmt.Errorf("render: %s: a part at level %q survived the %s edition's filter", nd.Path, r.Config.Visibility[p.Level], e.Name)
			}
		}
		out.Docs = append(out.Docs, nd)
		files[nd.Path] = &fstest.MapFile{Data: srcs[i]}
	}
	// Assets: only the files that the remaining content links to.
	for _, d := range out.Docs {
		for _, p := range LinkedFiles(d) {
			if _, ok := files[p]; ok {
				continue
			}
			if b, err := fs.ReadFile(r.FS, p); err == nil {
				files[p] = &fstest.MapFile{Data: b}
			}
		}
	}
	sort.Slice(out.Docs, func(i, j int) bool { return out.Docs[i].Path < out.Docs[j].Path })
	out.FS = files
	return out, nil
}

// Filter returns a document's bytes without the parts above level: the
// front matter, then the body with every restricted range (whole lines)
// removed.
func Filter(d *policy.Document, level int) []byte {
	body := d.Body()
	var b bytes.Buffer
	b.Write(d.Source[:d.BodyStart])
	pos := 0
	for _, p := range d.Parts {
		if p.Level <= level || p.End <= pos {
			continue
		}
		if p.Start > pos {
			b.Write(body[pos:p.Start])
		}
		pos = max(pos, p.End)
	}
	if pos < len(body) {
		b.Write(body[pos:])
	}
	return b.Bytes()
}

// LinkedFiles lists the repository files a document's links and images
// point to.
func LinkedFiles(d *policy.Document) []string {
	var out []string
	_ = ast.Walk(d.AST, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		var dest string
		switch l := n.(type) {
		case *ast.Link:
			dest = string(l.Destination)
		case *ast.Image:
			dest = string(l.Destination)
		default:
			return ast.WalkContinue, nil
		}
		if p, ok := Resolve(d.Path, dest); ok {
			out = append(out, p)
		}
		return ast.WalkContinue, nil
	})
	return out
}

// Resolve turns a link destination written in the document at docPath into
// a repository path, for relative links to files; ok is false for URLs,
// fragments and paths that leave the repository.
func Resolve(docPath, dest string) (string, bool) {
	if dest == "" || strings.HasPrefix(dest, "#") || strings.HasPrefix(dest, "//") || strings.Contains(strings.SplitN(dest, "/", 2)[0], ":") {
		return "", false
	}
	p, _, _ := strings.Cut(dest, "#")
	p, _, _ = strings.Cut(p, "?")
	if up, err := url.PathUnescape(p); err == nil {
		p = up
	}
	if strings.HasPrefix(p, "/") {
		p = path.Clean(strings.TrimPrefix(p, "/"))
	} else {
		p = path.Join(path.Dir(docPath), p)
	}
	if !fs.ValidPath(p) || p == "." {
		return "", false
	}
	return p, true
}
