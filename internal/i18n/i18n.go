// Package i18n is policyctl's message catalogue: every message a person
// reads — findings and their hints, errors, prompts, summaries — in English
// and Japanese. Code writes the English message as the key
// (i18n.Sprintf("%d errors", n)); the Japanese is in catalog.go, checked
// by a test that reads the calls in the source, so a message cannot exist
// in one language only. Rule ids, JSON keys and exit codes never change
// with the language.
//
// It uses golang.org/x/text/message: its catalogue carries English plural
// forms (1 error, 2 errors) and its printer formats arguments with the
// conventions of the language, and it needs no generated files or message
// files beside the code, unlike go-i18n.
package i18n

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"sync/atomic"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"
)

// Lang is a language policyctl speaks.
type Lang string

const (
	En Lang = "en"
	Ja Lang = "ja"
)

// Parse reads a language name: ja, en, or a locale such as ja_JP.UTF-8.
func Parse(s string) (Lang, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	switch {
	case s == "ja" || strings.HasPrefix(s, "ja_") || strings.HasPrefix(s, "ja-") || strings.HasPrefix(s, "ja."):
		return Ja, true
	case s == "en" || strings.HasPrefix(s, "en_") || strings.HasPrefix(s, "en-") || strings.HasPrefix(s, "en."):
		return En, true
	}
	return "", false
}

// Resolve decides the language, in this order: the --lang flag, the
// POLICYCTL_LANG variable, the lang key of policyctl.yaml, then the locale
// (LC_ALL, LC_MESSAGES, LANG). A locale that is not Japanese means English.
func Resolve(flag, config string) (Lang, error) {
	if flag != "" {
		l, ok := Parse(flag)
		if !ok {
			return "", fmt.Errorf("--lang %q: expected ja or en", flag)
		}
		return l, nil
	}
	for _, v := range []string{os.Getenv("POLICYCTL_LANG"), config} {
		if l, ok := Parse(v); ok {
			return l, nil
		}
	}
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := os.Getenv(k); v != "" {
			if l, ok := Parse(v); ok && l == Ja {
				return Ja, nil
			}
			return En, nil
		}
	}
	return En, nil
}

var current atomic.Value // Lang

// Set sets the language of every message from now on. A command sets it
// once, before it reads anything.
func Set(l Lang) { current.Store(l) }

// Current is the language messages are written in.
func Current() Lang {
	if l, ok := current.Load().(Lang); ok {
		return l
	}
	return En
}

var (
	once     sync.Once
	printers map[Lang]*message.Printer
)

func printer(l Lang) *message.Printer {
	once.Do(func() {
		b := catalog.NewBuilder(catalog.Fallback(language.English))
		// The printer does not know %w: it formats what Errorf wraps as
		// %v does.
		plain := strings.NewReplacer("%w", "%v")
		for key, ja := range japanese {
			if err := b.SetString(language.Japanese, key, plain.Replace(ja)); err != nil {
				panic(fmt.Sprintf("i18n: %q: %v", key, err))
			}
			if strings.Contains(key, "%w") {
				if err := b.SetString(language.English, key, plain.Replace(key)); err != nil {
					panic(fmt.Sprintf("i18n: %q: %v", key, err))
				}
			}
		}
		for key, m := range englishPlurals {
			if err := b.Set(language.English, key, m...); err != nil {
				panic(fmt.Sprintf("i18n: %q: %v", key, err))
			}
		}
		printers = map[Lang]*message.Printer{
			En: message.NewPrinter(language.English, message.Catalog(b)),
			Ja: message.NewPrinter(language.Japanese, message.Catalog(b)),
		}
	})
	return printers[l]
}

// Sprintf formats a message in the current language.
func Sprintf(format string, args ...any) string { return SprintfIn(Current(), format, args...) }

// SprintfIn formats a message in a given language.
func SprintfIn(l Lang, format string, args ...any) string {
	if _, ok := englishPlurals[format]; ok && l == En {
		// The plural forms are chosen by the number itself.
		return printer(l).Sprintf(format, args...)
	}
	return printer(l).Sprintf(format, plainNumbers(args)...)
}

// plainNumbers keeps integers as they are written: the printer would
// group digits (1,048,576), which a byte count or a line number in a log
// must not be.
func plainNumbers(args []any) []any {
	out := args
	for i, a := range args {
		var n int64
		switch a := a.(type) {
		case int:
			n = int64(a)
		case int64:
			n = a
		case int32:
			n = int64(a)
		default:
			continue
		}
		if &out[0] == &args[0] {
			out = append([]any(nil), args...)
		}
		out[i] = plainInt(n)
	}
	return out
}

// plainInt is an integer printed without grouping.
type plainInt int64

func (n plainInt) Format(f fmt.State, verb rune) {
	fmt.Fprintf(f, fmt.FormatString(f, verb), int64(n))
}

// T is a message without arguments in the current language.
func T(msg string) string { return Sprintf(msg) }

// Fprintf writes a message in the current language.
func Fprintf(w io.Writer, format string, args ...any) (int, error) {
	return io.WriteString(w, Sprintf(format, args...))
}

// Errorf is fmt.Errorf with the message in the current language. A %w
// argument is wrapped as fmt.Errorf wraps it.
func Errorf(format string, args ...any) error {
	var wrapped []error
	for _, a := range args {
		if err, ok := a.(error); ok && strings.Contains(format, "%w") {
			wrapped = append(wrapped, err)
		}
	}
	msg := Sprintf(format, args...)
	if len(wrapped) == 0 {
		return errors.New(msg)
	}
	return &wrapError{msg: msg, errs: wrapped}
}

type wrapError struct {
	msg  string
	errs []error
}

func (e *wrapError) Error() string   { return e.msg }
func (e *wrapError) Unwrap() []error { return e.errs }

// NewError is an error whose message is written in the language current
// when it is read: for errors declared once, before a command has chosen
// its language, and compared with errors.Is.
func NewError(msg string) error { return lazyError(msg) }

type lazyError string

func (e lazyError) Error() string { return T(string(e)) }
