// Package scaffold writes a new, minimal, valid policy repository: the
// configuration, a registry, one document per tier and the files git and CI
// need. It is what policyctl init runs.
package scaffold

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"text/template"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"golang.org/x/crypto/ssh"

	"github.com/policyctl/policyctl/internal/i18n"
	"github.com/policyctl/policyctl/internal/policy"
)

//go:embed all:template
var tmpl embed.FS

// Options name the organisation the repository is for.
type Options struct {
	OrgID   string // [a-z0-9-]+
	OrgName string // e.g. さくら台市
	// Key is the secretary's SSH public key (one authorized_keys line),
	// so that the first approval can be signed at once; empty: none yet.
	Key string
	// Version is the policyctl version the workflow installs: a release,
	// a commit, or latest when neither is known.
	Version string
	// WorkingDir is the policy repository's folder relative to the root of
	// its git repository ("." at the root); Write sets it.
	WorkingDir string
}

// Keys is the registry's key list for the secretary.
func (o Options) Keys() string {
	if o.Key == "" {
		return "[]"
	}
	return fmt.Sprintf("[%q]", o.Key)
}

var orgID = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// Write creates the repository in dir and returns the files it wrote. It
// refuses a directory that already holds a policyctl.yaml, and initialises a
// git repository unless dir is already inside one.
func Write(dir string, o Options) ([]string, error) {
	if !orgID.MatchString(o.OrgID) {
		return nil, i18n.Errorf("organization id %q is not valid: use lower-case letters, digits and \"-\", such as \"sakuradai\"", o.OrgID)
	}
	if strings.ContainsAny(o.OrgName, "{}[]:#\n\"'") || o.OrgName == "" {
		return nil, i18n.Errorf("organization name %q is not valid: give the name as it is written, such as さくら台市", o.OrgName)
	}
	if o.Key != "" {
		k, _, _, rest, err := ssh.ParseAuthorizedKey([]byte(o.Key))
		if err != nil || len(strings.TrimSpace(string(rest))) > 0 {
			return nil, i18n.Errorf("the key is not one SSH public key line (the contents of ~/.ssh/id_ed25519.pub): %v", err)
		}
		o.Key = strings.TrimSpace(string(ssh.MarshalAuthorizedKey(k)))
	}
	if _, err := os.Stat(filepath.Join(dir, "policyctl.yaml")); err == nil {
		return nil, i18n.Errorf("%s already holds a policyctl.yaml; init only creates new repositories", dir)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	if o.Version == "" {
		o.Version = "latest"
	}
	// Inside an existing git repository the workflow goes to its root,
	// where GitHub looks for it, and runs in the policy's folder.
	root := dir
	o.WorkingDir = "."
	if repo, err := git.PlainOpenWithOptions(dir, &git.PlainOpenOptions{DetectDotGit: true}); err == nil {
		if wt, err := repo.Worktree(); err == nil {
			absDir, _ := filepath.Abs(dir)
			gitRoot := wt.Filesystem.Root()
			if r, err := filepath.EvalSymlinks(gitRoot); err == nil {
				gitRoot = r
			}
			if d, err := filepath.EvalSymlinks(filepath.Dir(absDir)); err == nil {
				absDir = filepath.Join(d, filepath.Base(absDir))
			}
			if rel, err := filepath.Rel(gitRoot, absDir); err == nil && !strings.HasPrefix(rel, "..") {
				root, o.WorkingDir = gitRoot, filepath.ToSlash(rel)
			}
		}
	}
	var written []string
	err := fs.WalkDir(tmpl, "template", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel := strings.TrimPrefix(p, "template/")
		dst := filepath.Join(dir, filepath.FromSlash(rel))
		if strings.HasPrefix(rel, ".github/") && o.WorkingDir != "." {
			dst = filepath.Join(root, filepath.FromSlash(rel))
			if r, err := filepath.Rel(dir, dst); err == nil {
				rel = filepath.ToSlash(r)
			}
		}
		if _, err := os.Stat(dst); err == nil {
			return i18n.Errorf("%s already exists; init does not overwrite files", dst)
		}
		src, err := fs.ReadFile(tmpl, p)
		if err != nil {
			return err
		}
		// [[ ]] delimiters: the workflow holds GitHub's own ${{ }}.
		t, err := template.New(rel).Delims("[[", "]]").Parse(string(src))
		if err != nil {
			return err
		}
		var b bytes.Buffer
		if err := t.Execute(&b, o); err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(dst, b.Bytes(), 0o644); err != nil {
			return err
		}
		written = append(written, rel)
		return nil
	})
	if err != nil {
		return written, fmt.Errorf("init: %w", err)
	}
	if o.Key != "" {
		// With a key the registry is complete: write what auditors verify with.
		reg, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(policy.RegistryFile)))
		if err != nil {
			return written, err
		}
		r, _ := policy.ParseRegistry(reg)
		if r == nil {
			return written, i18n.Errorf("init: the registry written does not parse")
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(policy.AllowedSignersFile)), r.AllowedSigners("policyctl-approval"), 0o644); err != nil {
			return written, err
		}
		written = append(written, policy.AllowedSignersFile)
	}
	if _, err := git.PlainOpenWithOptions(dir, &git.PlainOpenOptions{DetectDotGit: true}); err != nil {
		if _, err := git.PlainInitWithOptions(dir, &git.PlainInitOptions{
			InitOptions: git.InitOptions{DefaultBranch: plumbing.NewBranchReferenceName("main")},
		}); err != nil {
			return written, i18n.Errorf("init: git init: %w", err)
		}
		written = append(written, ".git/")
	}
	return written, nil
}
