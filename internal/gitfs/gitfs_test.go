package gitfs_test

import (
	"bytes"
	"fmt"
	"io/fs"
	"slices"
	"sync"
	"testing"

	"github.com/policyctl/policyctl/internal/gitfs"
	"github.com/policyctl/policyctl/internal/gittest"
)

// TestConcurrentRevisions reads two revisions of one repository at once,
// from many goroutines, as diff and the site do; under -race this fails
// when go-git's storage is reached without its lock. The packed case is
// the one that shares scanners and caches.
func TestConcurrentRevisions(t *testing.T) {
	for _, packed := range []bool{false, true} {
		t.Run(fmt.Sprintf("packed=%v", packed), func(t *testing.T) {
			g := gittest.New(t)
			files := func(v string) map[string][]byte {
				m := map[string][]byte{}
				for i := range 40 {
					m[fmt.Sprintf("policy/%02d/doc.md", i)] = bytes.Repeat([]byte(v+fmt.Sprint(i)+"\n"), 200)
				}
				return m
			}
			g.Commit(gittest.Commit{Files: files("old")})
			g.Commit(gittest.Commit{Files: files("new")})
			if packed {
				g.RunGit("gc", "-q")
			}
			repo, err := gitfs.Open(g.Dir)
			if err != nil {
				t.Fatal(err)
			}
			var wg sync.WaitGroup
			for _, rev := range []string{"HEAD~1", "HEAD"} {
				c, err := gitfs.Resolve(repo, rev)
				if err != nil {
					t.Fatal(err)
				}
				fsys, err := gitfs.ForCommit(c)
				if err != nil {
					t.Fatal(err)
				}
				want := "new"
				if rev == "HEAD~1" {
					want = "old"
				}
				for i := range 40 {
					wg.Add(1)
					go func() {
						defer wg.Done()
						b, err := fs.ReadFile(fsys, fmt.Sprintf("policy/%02d/doc.md", i))
						if err != nil {
							t.Error(err)
							return
						}
						if !bytes.HasPrefix(b, []byte(want+fmt.Sprint(i)+"\n")) || len(b) != 200*len(want+fmt.Sprint(i)+"\n") {
							t.Errorf("%s policy/%02d/doc.md: read %d bytes starting %q", rev, i, len(b), b[:min(len(b), 10)])
						}
					}()
				}
			}
			wg.Wait()
		})
	}
}

// TestReadFileOwnsItsBytes: a file's bytes are the caller's, as
// fs.ReadFile promises — changing them changes nothing read after, small
// objects and large, loose and packed (a delta and its base share go-git's
// cache).
func TestReadFileOwnsItsBytes(t *testing.T) {
	for _, packed := range []bool{false, true} {
		g := gittest.New(t)
		small, large := []byte("第1条　甲\n"), bytes.Repeat([]byte("第2条　乙\n"), 30000)
		g.Commit(gittest.Commit{Files: map[string][]byte{"a.md": small, "b.md": large}})
		g.Commit(gittest.Commit{Files: map[string][]byte{"b.md": append(slices.Clip(large), "改\n"...)}})
		if packed {
			g.RunGit("gc", "-q")
		}
		repo, err := gitfs.Open(g.Dir)
		if err != nil {
			t.Fatal(err)
		}
		c, err := gitfs.Resolve(repo, "HEAD~1")
		if err != nil {
			t.Fatal(err)
		}
		fsys, err := gitfs.ForCommit(c)
		if err != nil {
			t.Fatal(err)
		}
		for name, want := range map[string][]byte{"a.md": small, "b.md": large} {
			for range 2 {
				b, err := fs.ReadFile(fsys, name)
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(b, want) {
					t.Fatalf("packed=%v %s: read %d bytes, want %d as written", packed, name, len(b), len(want))
				}
				clear(b)
			}
		}
	}
}
