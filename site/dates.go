package site

import (
	"fmt"
	"strings"
	"time"

	"github.com/policyctl/policyctl/internal/wareki"
)

// jdate is a date as a page shows it: 和暦 for the reader, the ISO date for
// <time datetime> (machines, and readers who think in 西暦).
type jdate struct {
	ISO, Text string
}

// dateOf writes an ISO date (YYYY-MM-DD, or YYYY-MM for a month) in 和暦:
// 令和8年3月31日, 平成15年9月. A date wareki cannot write (before 1873)
// stays ISO rather than stop the build.
func dateOf(iso string) jdate {
	y, m, d, err := wareki.ParseISO(iso)
	if err != nil {
		return jdate{ISO: iso, Text: iso}
	}
	w, err := wareki.Of(y, m, d)
	if err != nil {
		return jdate{ISO: iso, Text: iso}
	}
	return jdate{ISO: iso, Text: w.String()}
}

// monthOfDate is dateOf without the day, as 改訂履歴 tables write it; the
// datetime keeps the whole date.
func monthOfDate(iso string) jdate {
	j := dateOf(iso)
	y, m, d, err := wareki.ParseISO(iso)
	if err != nil {
		return j
	}
	if w, err := wareki.Of(y, m, d); err == nil {
		j.Text = w.MonthOnly().String()
	}
	return j
}

// dayBefore is the last day a revision was in force when the next one took
// effect on iso.
func dayBefore(iso string) (string, bool) {
	t, err := time.Parse(time.DateOnly, iso)
	if err != nil {
		return "", false
	}
	p := t.AddDate(0, 0, -1)
	return fmt.Sprintf("%04d-%02d-%02d", p.Year(), p.Month(), p.Day()), true
}

// A phrase is a sentence the site writes around dates: the dates go into
// <time> elements, and the tripwire is told the sentence as plain text,
// since a date sentence can match a restricted one word for word (a 附則
// says 「令和8年3月31日から施行する。」 too).
type phrase []segment

type segment struct {
	Text   string
	Date   *jdate
	Strong bool
}

func (p phrase) String() string {
	var b strings.Builder
	for _, s := range p {
		if s.Date != nil {
			b.WriteString(s.Date.Text)
		}
		b.WriteString(s.Text)
	}
	return b.String()
}

func text(s string) segment   { return segment{Text: s} }
func date(d jdate) segment    { return segment{Date: &d} }
func strong(s string) segment { return segment{Text: s, Strong: true} }
