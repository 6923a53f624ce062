package main

import (
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
	c.Flags().StringVar(&o.Dir, "cache", "", "keep results for the next run in `DIR` (default: policyctl in the user's cache folder)")
	c.Flags().BoolVar(&o.Off, "no-cache", false, "neither read nor write the cache")
}

// open opens the cache, nil with --no-cache. Without a folder to put it
// in (no home), there is no cache rather than an error: it only saves time.
func (o cacheOptions) open() (*cache.Cache, error) {
	if o.Off {
		return nil, nil
	}
	dir := o.Dir
	if dir == "" {
		d, err := cache.Dir()
		if err != nil {
			return nil, nil
		}
		dir = d
	}
	c, err := cache.Open(dir)
	if err != nil {
		return nil, i18n.Errorf("--cache %s: %w", dir, err)
	}
	return c, nil
}
