package main

import (
	"runtime"
	"runtime/debug"

	"github.com/spf13/cobra"

	"github.com/policyctl/policyctl/internal/i18n"
)

// Version is set by the release build: -ldflags "-X main.Version=v1.2.3".
var Version = ""

func version() string {
	if Version != "" {
		return Version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "devel"
}

func newCmdVersion(f *factory) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: i18n.T("print the version"),
		Args:  noArgs,
		RunE: func(*cobra.Command, []string) error {
			rev := ""
			if bi, ok := debug.ReadBuildInfo(); ok {
				for _, s := range bi.Settings {
					if s.Key == "vcs.revision" {
						rev = " " + s.Value
					}
				}
			}
			_, err := i18n.Fprintf(f.stdout, "policyctl %s%s %s/%s %s\n", version(), rev, runtime.GOOS, runtime.GOARCH, runtime.Version())
			return err
		},
	}
}

// pinnedVersion is what the workflow init writes installs: this release,
// or this commit when built from one; latest only when neither is known.
func pinnedVersion() string {
	if v := version(); v != "devel" {
		return v
	}
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && len(s.Value) == 40 {
				return s.Value
			}
		}
	}
	return "latest"
}
