// Package demo writes the embedded example as a real git repository: every
// commit of its history with its true date, and a demo SSH key for every
// committee member. The keys are derived from fixed seeds, so the demo is the
// same on every machine; they are for the demo only.
package demo

import (
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/pem"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
	"golang.org/x/crypto/ssh"

	"github.com/policyctl/policyctl/approvals"
	"github.com/policyctl/policyctl/internal/check"
	"github.com/policyctl/policyctl/internal/example"
	"github.com/policyctl/policyctl/internal/fix"
	"github.com/policyctl/policyctl/internal/history"
	"github.com/policyctl/policyctl/internal/i18n"
	"github.com/policyctl/policyctl/internal/policy"
	"github.com/policyctl/policyctl/internal/renumber"
	"github.com/policyctl/policyctl/internal/source"
)

// KeyDir is where the demo keeps its members' private keys, inside the
// repository directory but ignored by git.
const KeyDir = "demo-keys"

// Result says what Build made.
type Result struct {
	Dir       string
	Commits   int
	Revisions []example.Revision
	Drafts    int
	// Approvals counts the signatures made.
	Approvals int
	// Keys maps member ids to private key files.
	Keys map[string]string
}

// Build writes the example into dir, which must not exist or be empty unless
// force is set. It builds in a temporary directory beside dir and renames it
// into place, so a failure leaves dir as it was.
func Build(dir string, force bool) (*Result, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	if ents, err := os.ReadDir(abs); err == nil && len(ents) > 0 && !force {
		return nil, i18n.Errorf("%s is not empty; choose another directory or pass --force to replace it", dir)
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(abs), 0o755); err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp(filepath.Dir(abs), ".policyctl-demo-*")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	res, err := build(tmp)
	if err != nil {
		return nil, err
	}
	if err := replaceDir(tmp, abs); err != nil {
		return nil, err
	}
	res.Dir = abs
	for m, k := range res.Keys {
		res.Keys[m] = filepath.Join(abs, k)
	}
	return res, nil
}

// replaceDir moves tmp to dst, moving an existing dst aside first.
func replaceDir(tmp, dst string) error {
	old := ""
	if _, err := os.Stat(dst); err == nil {
		old = tmp + ".old"
		if err := os.Rename(dst, old); err != nil {
			return err
		}
	}
	if err := os.Rename(tmp, dst); err != nil {
		if old != "" {
			_ = os.Rename(old, dst)
		}
		return err
	}
	if old != "" {
		return os.RemoveAll(old)
	}
	return nil
}

func build(dir string) (*Result, error) {
	script, err := example.LoadScript()
	if err != nil {
		return nil, err
	}
	steps, err := example.Steps()
	if err != nil {
		return nil, err
	}
	res := &Result{Revisions: script.Revisions, Drafts: len(script.Drafts), Keys: map[string]string{}}
	pubs, keys, err := writeKeys(dir, steps[0].Files[policy.RegistryFile], res)
	if err != nil {
		return nil, err
	}
	repo, err := git.PlainInitWithOptions(dir, &git.PlainInitOptions{
		InitOptions: git.InitOptions{DefaultBranch: plumbing.NewBranchReferenceName("main")},
	})
	if err != nil {
		return nil, i18n.Errorf("demo: git init: %w", err)
	}
	wt, err := repo.Worktree()
	if err != nil {
		return nil, err
	}
	var prev map[string][]byte
	for _, st := range steps {
		if st.Typed != nil {
			// A commit made with policyctl renumber: write what the editor
			// typed, renumber it as the command does, and check that the
			// script records exactly what renumber wrote.
			if err := writeStep(dir, prev, st.Typed, pubs); err != nil {
				return nil, err
			}
			if err := renumberStep(dir, st); err != nil {
				return nil, fmt.Errorf("demo: %q: %w", st.Commit.Message, err)
			}
			prev = st.Typed
		}
		if st.Files[policy.RegistryFile] != nil {
			st.Files[policy.AllowedSignersFile] = allowedSigners(withKeys(st.Files[policy.RegistryFile], pubs))
		}
		if err := writeStep(dir, prev, st.Files, pubs); err != nil {
			return nil, err
		}
		prev = st.Files
		sig := &object.Signature{Name: script.Author.Name, Email: script.Author.Email, When: st.Commit.Date}
		if err := wt.AddWithOptions(&git.AddOptions{All: true}); err != nil {
			return nil, i18n.Errorf("demo: git add: %w", err)
		}
		if _, err := wt.Commit(st.Commit.Message, &git.CommitOptions{Author: sig, Committer: sig, AllowEmptyCommits: true}); err != nil {
			return nil, i18n.Errorf("demo: git commit: %w", err)
		}
		res.Commits++
		if st.Last {
			n, err := approveAll(dir, st.Revision, keys)
			if err != nil {
				return nil, i18n.Errorf("demo: approving %s: %w", st.Revision.ID, err)
			}
			when := approvalDate(st.Revision.ID, st.Commit.Date)
			asig := &object.Signature{Name: script.Author.Name, Email: script.Author.Email, When: when}
			if err := wt.AddWithOptions(&git.AddOptions{All: true}); err != nil {
				return nil, err
			}
			msg := fmt.Sprintf("承認: %s %s（%d委員会・%d名の署名）", st.Revision.ID, st.Revision.Kind, n.committees, n.members)
			if _, err := wt.Commit(msg, &git.CommitOptions{Author: asig, Committer: asig}); err != nil {
				return nil, err
			}
			res.Commits++
			res.Approvals += n.members
		}
	}
	return res, nil
}

// writeStep writes the files of a step that differ from the step before,
// and removes those it no longer has.
func writeStep(dir string, prev, files map[string][]byte, pubs map[string]string) error {
	for p := range prev {
		if _, ok := files[p]; !ok {
			if err := os.Remove(filepath.Join(dir, filepath.FromSlash(p))); err != nil {
				return err
			}
		}
	}
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		b := files[p]
		if p == policy.RegistryFile {
			b = withKeys(b, pubs)
		}
		if prevB, ok := prev[p]; ok && string(prevB) == string(files[p]) {
			continue
		}
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

// renumberStep renumbers the working tree as policyctl renumber does —
// each reference keeps the target it had in the revision in force — and
// compares what it writes with the step's files.
func renumberStep(dir string, st example.Step) error {
	h, err := history.OpenRepository(dir, "", history.Options{})
	if err != nil {
		return err
	}
	r, err := h.Model()
	if err != nil {
		return err
	}
	base, err := h.Open(history.InForceRev)
	if err != nil {
		return err
	}
	bm, err := base.Model()
	if err != nil {
		return err
	}
	c, err := fix.Renumber(r, check.Options{Base: bm, BaseName: "the revision in force"}, renumber.Options{})
	if err != nil {
		return err
	}
	for p, want := range st.Files {
		got, ok := c.After[p]
		if !ok {
			got = st.Typed[p]
		}
		if string(got) != string(want) {
			return fmt.Errorf("renumber writes %s otherwise than history.yaml records:\n%s\nhistory.yaml:\n%s", p, got, want)
		}
	}
	return c.Write(dir, nil)
}

// approvalDate is when the committees sign: three days before the
// revision takes effect, or an hour after its last commit if that is later.
func approvalDate(id string, last time.Time) time.Time {
	eff, err := time.ParseInLocation("2006-01-02", id, last.Location())
	if err != nil {
		return last.Add(time.Hour)
	}
	d := eff.AddDate(0, 0, -3).Add(15 * time.Hour)
	if d.Before(last) {
		return last.Add(time.Hour)
	}
	return d
}

type counts struct{ committees, members int }

// approveAll signs the revision for every member of every committee that
// must approve it, as policyctl approve would, one member after another.
func approveAll(dir string, rev *example.Revision, keys map[string]ssh.Signer) (counts, error) {
	var n counts
	t, err := source.Open(dir, "")
	if err != nil {
		return n, err
	}
	r, err := policy.Load(t.FS, policy.LoadOptions{})
	if err != nil {
		return n, err
	}
	var prev *approvals.Rules
	h, err := history.OpenRepository(dir, "", history.Options{})
	if err != nil {
		return n, err
	}
	recs, err := h.Revisions()
	if err != nil && !errors.Is(err, history.ErrNoCommits) {
		return n, err
	}
	if p := history.PreviousApproved(recs, rev.ID); p != nil {
		prev = approvals.RulesOf(p.Model)
	}
	for _, q := range approvals.Requirements(r, prev) {
		c := q.Committee
		com := r.Registry.Committee(c)
		if com == nil {
			return n, i18n.Errorf("committee %q is not in the registry", c)
		}
		n.committees++
		for _, m := range com.Members {
			req := approvals.Request{Revision: rev.ID, Kind: rev.Kind, Committee: c, Member: m}
			p, isNew, err := approvals.Prepare(t.FS, r, prev, req)
			if err != nil {
				return n, err
			}
			if _, err := approvals.Approve(dir, r, p, isNew, keys[m]); err != nil {
				return n, err
			}
			n.members++
		}
	}
	return n, nil
}

func allowedSigners(registry []byte) []byte {
	r, _ := policy.ParseRegistry(registry)
	if r == nil {
		return nil
	}
	return r.AllowedSigners(approvals.Namespace)
}

var memberLine = regexp.MustCompile(`(?m)^(\s*- \{id: ([a-z0-9-]+),.*keys: )\[\](\})`)

// writeKeys derives a key for every member of the registry and writes the
// private halves under KeyDir.
func writeKeys(dir string, registry []byte, res *Result) (map[string]string, map[string]ssh.Signer, error) {
	pubs := map[string]string{}
	signers := map[string]ssh.Signer{}
	var ids []string
	for _, m := range memberLine.FindAllSubmatch(registry, -1) {
		ids = append(ids, string(m[2]))
	}
	sort.Strings(ids)
	if err := os.MkdirAll(filepath.Join(dir, KeyDir), 0o700); err != nil {
		return nil, nil, err
	}
	for _, id := range ids {
		seed := sha256.Sum256([]byte("policyctl demo key, not for real use: " + id))
		priv := ed25519.NewKeyFromSeed(seed[:])
		block, err := ssh.MarshalPrivateKey(priv, id+"@demo")
		if err != nil {
			return nil, nil, err
		}
		signer, err := ssh.NewSignerFromKey(priv)
		if err != nil {
			return nil, nil, err
		}
		signers[id] = signer
		sp := signer.PublicKey()
		pub := strings.TrimSpace(string(ssh.MarshalAuthorizedKey(sp))) + " " + id + "@demo"
		rel := filepath.Join(KeyDir, id)
		if err := os.WriteFile(filepath.Join(dir, rel), pem.EncodeToMemory(block), 0o600); err != nil {
			return nil, nil, err
		}
		if err := os.WriteFile(filepath.Join(dir, rel+".pub"), []byte(pub+"\n"), 0o644); err != nil {
			return nil, nil, err
		}
		pubs[id] = pub
		res.Keys[id] = rel
	}
	return pubs, signers, nil
}

// withKeys fills the empty key lists of the example registry.
func withKeys(registry []byte, pubs map[string]string) []byte {
	return memberLine.ReplaceAllFunc(registry, func(line []byte) []byte {
		m := memberLine.FindSubmatch(line)
		return []byte(fmt.Sprintf("%s[%q]%s", m[1], pubs[string(m[2])], m[3]))
	})
}
