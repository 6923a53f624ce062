package main

import (
	"regexp"
	"strings"

	"github.com/spf13/cobra"

	"github.com/policyctl/policyctl/internal/i18n"
)

func init() {
	cobra.AddTemplateFunc("flagDefaults", flagDefaults)
	cobra.AddTemplateFunc("useLine", func(s string) string {
		return strings.Replace(s, " [flags]", " "+i18n.T("[flags]"), 1)
	})
}

// localizeHelp puts the words cobra writes itself into the current
// language: the headings of the usage template, the -h and -v flags, and
// the help and completion commands. The commands' own texts are in the
// language already, as they are built after earlyLang. In English every
// text is cobra's own, byte for byte.
//
// The help and completion commands are made here rather than when cobra
// runs, so that their texts can be set: root's output must be set before,
// as the completion command keeps the writer it is made with.
func localizeHelp(root *cobra.Command) {
	root.SetUsageTemplate(usageTemplate())
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		switch c.Name() {
		case "help":
			c.Short = i18n.T("Help about any command")
			c.Long = i18n.Sprintf("Help provides help for any command in the application.\nSimply type %s help [path to command] for full details.", root.DisplayName())
		case "completion":
			c.Short = i18n.T("Generate the autocompletion script for the specified shell")
			c.Long = i18n.Sprintf("Generate the autocompletion script for %s for the specified shell.\nSee each sub-command's help for details on how to use the generated script.\n", root.Name())
			for _, sh := range c.Commands() {
				sh.Short = i18n.Sprintf("Generate the autocompletion script for %s", sh.Name())
				if fl := sh.Flags().Lookup("no-descriptions"); fl != nil {
					fl.Usage = i18n.T("disable completion descriptions")
				}
			}
		}
	}
	// cobra adds -h (and -v to the root) as it shows a command's help
	// or usage, or writes its man page: their usage is set then.
	help, usage := root.HelpFunc(), root.UsageFunc()
	root.SetHelpFunc(func(c *cobra.Command, args []string) {
		localizeFlags(c)
		help(c, args)
	})
	root.SetUsageFunc(func(c *cobra.Command) error {
		localizeFlags(c)
		return usage(c)
	})
}

// localizeFlags sets the usage of the -h and -v flags cobra gave c.
func localizeFlags(c *cobra.Command) {
	if fl := c.Flags().Lookup("help"); fl != nil && setByCobra(fl.Annotations) {
		fl.Usage = i18n.Sprintf("help for %s", c.DisplayName())
	}
	if fl := c.Flags().Lookup("version"); fl != nil && setByCobra(fl.Annotations) {
		fl.Usage = i18n.Sprintf("version for %s", c.DisplayName())
	}
}

// localizeTree gives every command its -h flag, as cobra would when it
// writes the man pages, with its usage in the current language.
func localizeTree(c *cobra.Command) {
	c.InitDefaultHelpFlag()
	localizeFlags(c)
	for _, s := range c.Commands() {
		localizeTree(s)
	}
}

func setByCobra(annotations map[string][]string) bool {
	return len(annotations[cobra.FlagSetByCobraAnnotation]) > 0
}

// usageTemplate is cobra's usage template with its headings in the
// current language, and the defaults pflag appends to a flag's usage
// too.
func usageTemplate() string {
	t := new(cobra.Command).UsageTemplate()
	// [flags] is in the use line cobra writes itself.
	useLine := "{{.UseLine}}"
	if i18n.Current() != i18n.En {
		useLine = "{{.UseLine | useLine}}"
	}
	return strings.NewReplacer(
		"Usage:", i18n.T("Usage:"),
		"Aliases:", i18n.T("Aliases:"),
		"Examples:", i18n.T("Examples:"),
		"Available Commands:", i18n.T("Available Commands:"),
		"Additional Commands:", i18n.T("Additional Commands:"),
		"Global Flags:", i18n.T("Global Flags:"),
		"Flags:", i18n.T("Flags:"),
		"Additional help topics:", i18n.T("Additional help topics:"),
		`Use "{{.CommandPath}} [command] --help" for more information about a command.`,
		i18n.Sprintf(`Use "%s [command] --help" for more information about a command.`, "{{.CommandPath}}"),
		"{{.CommandPath}} [command]{{end}}", "{{.CommandPath}} "+i18n.T("[command]")+"{{end}}",
		"{{.UseLine}}", useLine,
		".FlagUsages | ", ".FlagUsages | flagDefaults | ",
	).Replace(t)
}

var defaultRE = regexp.MustCompile(`(?m) \(default (.+)\)$`)

// flagDefaults writes the " (default X)" pflag puts after a flag's
// usage in the current language.
func flagDefaults(usages string) string {
	return defaultRE.ReplaceAllStringFunc(usages, func(m string) string {
		return i18n.Sprintf(" (default %s)", defaultRE.FindStringSubmatch(m)[1])
	})
}
