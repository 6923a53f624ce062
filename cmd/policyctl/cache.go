package main

import (
	"io"

	"github.com/spf13/cobra"

	"github.com/policyctl/policyctl/internal/cache"
	"github.com/policyctl/policyctl/internal/i18n"
)

// cacheOptions say where results are cached between runs.
type cacheOptions struct {
	Dir string
	Off bool
}

func addCacheFlags(c *cobra.Command, o *cacheOptions) {
	c.Flags().StringVar(&o.Dir, "cache", "", i18n.T("keep results for the next run in `DIR` (default: policyctl in the user's cache folder)"))
	c.Flags().BoolVar(&o.Off, "no-cache", false, i18n.T("neither read nor write the cache"))
}

// open opens the cache, nil with --no-cache. Without a folder to put it
// in (no home, or one that cannot be written), there is no cache rather
// than an error: it only saves time. A folder named with --cache must work.
func (o cacheOptions) open(stderr io.Writer) (*cache.Cache, error) {
	if o.Off {
		return nil, nil
	}
	if err := cache.KeyEnvProblem(); err != nil {
		// A mistyped secret costs time, not safety: nothing is sealed or
		// taken. Said, so that CI's slow builds have a reason.
		i18n.Fprintf(stderr, "policyctl: %v; pages are rendered again and not kept\n", err)
	}
	if o.Dir == "" {
		d, err := cache.Dir()
		if err != nil {
			return nil, nil
		}
		// The default folder may not be writable (a read-only home): no
		// cache then, rather than a failed command.
		c, _ := cache.Open(d)
		return c, nil
	}
	c, err := cache.Open(o.Dir)
	if err != nil {
		return nil, i18n.Errorf("--cache %s: %w", o.Dir, err)
	}
	return c, nil
}
