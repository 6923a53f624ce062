package history

import (
	"errors"
	"strings"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"

	"github.com/policyctl/policyctl/internal/gitfs"
	"github.com/policyctl/policyctl/internal/i18n"
)

// ErrPartial is returned when a git object the history needs is not in a
// partial clone (git clone --filter=…, or actions/checkout with filter:):
// git fetches what such a clone left on the server when it needs it, but
// policyctl reads git objects itself and does not.
var ErrPartial = i18n.NewError("the git history is incomplete (a partial clone, made with git clone --filter): policyctl reads the files of every commit to find when each revision was approved, and this clone lacks some of them; fetch them with `git fetch --refetch --no-filter origin` (git 2.36 or later) or clone again without --filter, or in GitHub Actions leave `filter:` unset on actions/checkout, with `fetch-depth: 0`")

// PartialClone reports whether repo was cloned with a filter: git records
// it as a promisor remote (remote.<name>.promisor, .partialclonefilter)
// and, in older versions, as extensions.partialclone.
func PartialClone(repo *git.Repository) bool {
	if repo == nil {
		return false
	}
	cfg, err := repo.Config()
	if err != nil || cfg.Raw == nil {
		return false
	}
	if cfg.Raw.Section("extensions").Option("partialclone") != "" {
		return true
	}
	for _, r := range cfg.Raw.Section("remote").Subsections {
		if strings.EqualFold(r.Option("promisor"), "true") || r.Option("partialclonefilter") != "" {
			return true
		}
	}
	return false
}

// ExplainMissing says why a git object was not found: in a partial clone,
// that the clone is partial and how to fetch the history (ErrPartial);
// otherwise, that the repository is damaged. Other errors, and those that
// say so already, are returned as they are.
func ExplainMissing(repo *git.Repository, err error) error {
	if err == nil || !errors.Is(err, plumbing.ErrObjectNotFound) || errors.Is(err, ErrPartial) || errors.Is(err, ErrShallow) || errors.Is(err, errDamaged) {
		return err
	}
	if PartialClone(repo) {
		return i18n.Errorf("%w (%w)", ErrPartial, err)
	}
	return i18n.Errorf("%w (%w)", errDamaged, err)
}

// errDamaged is a missing git object in a clone that is neither shallow
// nor partial.
var errDamaged = i18n.NewError("the git repository lacks an object the history needs, though it is neither shallow nor a partial clone: it is damaged; run git fsck, and clone it again if it reports missing objects")

// ExplainMissingAt is ExplainMissing for the git repository that contains
// dir: for an error that reached a command from anywhere.
func ExplainMissingAt(dir string, err error) error {
	if err == nil || !errors.Is(err, plumbing.ErrObjectNotFound) {
		return err
	}
	repo, oerr := gitfs.Open(dir)
	if oerr != nil {
		return err
	}
	return ExplainMissing(repo, err)
}
