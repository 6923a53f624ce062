package main

import (
	"regexp"
	"strings"

	"github.com/policyctl/policyctl/internal/i18n"
)

// earlyLang sets the language before cobra parses anything, from --lang
// and -C in the raw arguments, so that the errors of parsing itself (an
// unknown flag, a missing argument) are in the reader's language too.
// The command sets it again, properly, once its flags are parsed.
func earlyLang(args []string) {
	var flag, dir string
scan:
	for i, a := range args {
		next := func() string {
			if i+1 < len(args) {
				return args[i+1]
			}
			return ""
		}
		switch {
		case a == "--":
			break scan
		case a == "--lang":
			flag = next()
		case strings.HasPrefix(a, "--lang="):
			flag = strings.TrimPrefix(a, "--lang=")
		case a == "-C" || a == "--dir":
			dir = next()
		case strings.HasPrefix(a, "--dir="):
			dir = strings.TrimPrefix(a, "--dir=")
		}
	}
	l, err := i18n.Resolve(flag, configLangIn(dir))
	if err != nil {
		l, _ = i18n.Resolve("", configLangIn(dir))
	}
	i18n.Set(l)
}

// configLangIn reads the lang key of the policyctl.yaml a command run in
// dir reads: the repository's, found from a subfolder as the command finds
// it (findRoot), so that a table printed from policy/ speaks the same
// language as one printed from the top.
func configLangIn(dir string) string {
	if dir == "" {
		dir = "."
	}
	return readLang(findRoot(dir))
}

// usageMessages are the errors cobra and pflag write, in English only,
// and their place in the catalogue.
var usageMessages = []struct {
	re  *regexp.Regexp
	msg func(m []string) string
}{
	{regexp.MustCompile(`^unknown command "(.*)" for "(.*)"`), func(m []string) string {
		return i18n.Sprintf("unknown command %q for %q", m[1], m[2])
	}},
	{regexp.MustCompile(`^unknown flag: (\S+)$`), func(m []string) string { return i18n.Sprintf("unknown flag: %s", m[1]) }},
	{regexp.MustCompile(`^unknown shorthand flag: '(.)' in (\S+)$`), func(m []string) string {
		return i18n.Sprintf("unknown shorthand flag: '%s' in %s", m[1], m[2])
	}},
	{regexp.MustCompile(`^flag needs an argument: (.+)$`), func(m []string) string {
		return i18n.Sprintf("flag needs an argument: %s", m[1])
	}},
	{regexp.MustCompile(`^invalid argument (".*") for (".*") flag: (.*)$`), func(m []string) string {
		return i18n.Sprintf("invalid argument %s for %s flag: %s", m[1], m[2], m[3])
	}},
	{regexp.MustCompile(`^accepts at most (\d+) arg\(s\), received (\d+)$`), func(m []string) string {
		return i18n.Sprintf("accepts at most %s arguments, received %s", m[1], m[2])
	}},
	{regexp.MustCompile(`^accepts (\d+) arg\(s\), received (\d+)$`), func(m []string) string {
		return i18n.Sprintf("accepts %s arguments, received %s", m[1], m[2])
	}},
	{regexp.MustCompile(`^accepts between (\d+) and (\d+) arg\(s\), received (\d+)$`), func(m []string) string {
		return i18n.Sprintf("accepts between %s and %s arguments, received %s", m[1], m[2], m[3])
	}},
	{regexp.MustCompile(`^required flag\(s\) (.*) not set$`), func(m []string) string {
		// cobra writes "committee", "member": name them as typed.
		flags := regexp.MustCompile(`"([^"]+)"`).ReplaceAllString(m[1], "--$1")
		return i18n.Sprintf("required flag(s) %s not set", flags)
	}},
	{regexp.MustCompile(`^Did you mean this\?$`), func([]string) string { return i18n.T("Did you mean this?") }},
}

// translateUsage puts the lines of a cobra or pflag error into the
// reader's language; lines it does not know stay as they are.
func translateUsage(msg string) string {
	lines := strings.Split(msg, "\n")
	for i, line := range lines {
		for _, u := range usageMessages {
			if m := u.re.FindStringSubmatch(line); m != nil {
				lines[i] = u.msg(m)
				break
			}
		}
	}
	return strings.Join(lines, "\n")
}
