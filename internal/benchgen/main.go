// Command benchgen writes generated policy repositories for benchmarks: N
// documents shaped like a 対策基準, optionally with a git history of C
// commits and R approved revisions, or a pair of large documents for the
// 新旧対照表. The same seed gives the same bytes. It is not part of the
// policyctl command.
//
//	go run ./internal/benchgen -docs 1000 -o /tmp/corpus
//	go run ./internal/benchgen -docs 300 -commits 5000 -revisions 40 -o /tmp/history
//	go run ./internal/benchgen -diffpair 1048576 -o /tmp/pair
//	go run ./internal/benchgen -docs 1000 -hugo -o /tmp/hugo   (the same Markdown as a Hugo site)
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/policyctl/policyctl/internal/corpus"
)

func main() {
	docs := flag.Int("docs", 1000, "number of documents")
	seed := flag.Int64("seed", 1, "random seed")
	out := flag.String("o", "", "output directory (must not exist)")
	commits := flag.Int("commits", 0, "write a git history of this many commits")
	revisions := flag.Int("revisions", 0, "approved revisions in the history")
	pair := flag.Int("diffpair", 0, "write a repository with two commits of one document of about this many bytes, 2% of its lines edited")
	hugo := flag.Bool("hugo", false, "write the documents as a Hugo site with a bare template")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "benchgen: -o DIR is required")
		os.Exit(2)
	}
	if _, err := os.Stat(*out); err == nil {
		fmt.Fprintf(os.Stderr, "benchgen: %s exists\n", *out)
		os.Exit(2)
	}
	start := time.Now()
	var err error
	switch {
	case *pair > 0:
		err = corpus.WriteDiffPair(*out, *pair, *seed)
	case *hugo:
		err = writeHugo(*out, corpus.Options{Docs: *docs, Seed: *seed})
	case *commits > 0:
		err = corpus.WriteRepo(*out, corpus.Options{Docs: *docs, Seed: *seed}, corpus.History{Commits: *commits, Revisions: *revisions})
	default:
		err = corpus.Write(*out, corpus.Options{Docs: *docs, Seed: *seed})
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchgen:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "benchgen: wrote %s in %.1fs\n", *out, time.Since(start).Seconds())
}

// writeHugo writes the corpus's documents as Hugo content with a bare
// template: what Hugo is compared on.
func writeHugo(dir string, o corpus.Options) error {
	files := corpus.Files(o)
	for p, b := range files {
		if !strings.HasPrefix(p, "policy/") || !strings.HasSuffix(p, ".md") {
			continue
		}
		full := filepath.Join(dir, "content", strings.TrimPrefix(p, "policy/"))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(full, b, 0o644); err != nil {
			return err
		}
	}
	layouts := map[string]string{
		"hugo.toml":                    "baseURL = \"http://example.jp/\"\nlanguageCode = \"ja\"\ntitle = \"bench\"\ndisableKinds = [\"taxonomy\", \"term\", \"RSS\"]\n[markup.goldmark.renderer]\nunsafe = false\n",
		"layouts/_default/single.html": "<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head><body><main><h1>{{ .Title }}</h1>{{ .TableOfContents }}{{ .Content }}</main></body></html>\n",
		"layouts/_default/list.html":   "<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head><body><ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul></body></html>\n",
		"layouts/index.html":           "<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head><body><ul>{{ range .Site.RegularPages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul></body></html>\n",
	}
	for p, s := range layouts {
		full := filepath.Join(dir, p)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(full, []byte(s), 0o644); err != nil {
			return err
		}
	}
	return nil
}
