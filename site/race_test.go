//go:build race

package site

// The race detector slows the pipeline tenfold; the property test runs its
// thousands of cases without it and a sample with it.
func init() { raceSample = true }
