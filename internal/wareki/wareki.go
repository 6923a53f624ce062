// Package wareki converts between Gregorian dates and 和暦 (Japanese era
// dates) from 明治 to 令和, exactly and always in Japan Standard Time, and
// names 年度 (fiscal years, April to March). It covers dates from 1873-01-01,
// when Japan adopted the Gregorian calendar.
//
// Existing Go libraries disagree on 明治 and convert in the machine's local
// time zone; this package does neither.
package wareki

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// JST is Japan Standard Time. Era boundaries are dates in Japan.
var JST = time.FixedZone("JST", 9*60*60)

// Era is a Japanese era and the Gregorian date it began.
type Era struct {
	Name  string
	Start civil
}

type civil struct{ y, m, d int }

func (c civil) before(o civil) bool {
	if c.y != o.y {
		return c.y < o.y
	}
	if c.m != o.m {
		return c.m < o.m
	}
	return c.d < o.d
}

// Eras lists the eras, oldest first. 明治 began on 1868-10-23 (明治元年9月8日
// in the old calendar); dates before 1873 are outside this package.
var Eras = []Era{
	{"明治", civil{1868, 10, 23}},
	{"大正", civil{1912, 7, 30}},
	{"昭和", civil{1926, 12, 25}},
	{"平成", civil{1989, 1, 8}},
	{"令和", civil{2019, 5, 1}},
}

// First is the first date the package converts.
var First = time.Date(1873, 1, 1, 0, 0, 0, 0, JST)

// Date is a 和暦 date. Day is 0 for a month-only date (令和8年3月).
type Date struct {
	Era   string
	Year  int // 1 is 元年
	Month int
	Day   int
}

func eraIndex(name string) int {
	for i, e := range Eras {
		if e.Name == name {
			return i
		}
	}
	return -1
}

// Of converts a Gregorian date (year, month, day) to 和暦. A day of 0 makes a
// month-only date, whose era is the one in force on the first of the month:
// 1989年1月 is 昭和64年1月.
func Of(y, m, d int) (Date, error) {
	if m < 1 || m > 12 || d < 0 || d > daysIn(y, m) {
		return Date{}, fmt.Errorf("wareki: %04d-%02d-%02d is not a date", y, m, d)
	}
	day := d
	if day == 0 {
		day = 1
	}
	c := civil{y, m, day}
	if c.before(civil{1873, 1, 1}) {
		return Date{}, fmt.Errorf("wareki: %04d-%02d is before 1873, when Japan adopted the Gregorian calendar", y, m)
	}
	i := len(Eras) - 1
	for i > 0 && c.before(Eras[i].Start) {
		i--
	}
	return Date{Era: Eras[i].Name, Year: y - Eras[i].Start.y + 1, Month: m, Day: d}, nil
}

// FromTime converts an instant, read in JST whatever the machine's zone.
func FromTime(t time.Time) Date {
	t = t.In(JST)
	d, err := Of(t.Year(), int(t.Month()), t.Day())
	if err != nil {
		return Date{}
	}
	return d
}

// Gregorian returns the Gregorian year, month and day (0 for month-only).
func (d Date) Gregorian() (y, m, day int, err error) {
	i := eraIndex(d.Era)
	if i < 0 {
		return 0, 0, 0, fmt.Errorf("wareki: unknown era %q", d.Era)
	}
	y = Eras[i].Start.y + d.Year - 1
	if d.Year < 1 || d.Month < 1 || d.Month > 12 || d.Day < 0 || d.Day > daysIn(y, d.Month) {
		return 0, 0, 0, fmt.Errorf("wareki: %s is not a date", d)
	}
	first := d.Day
	if first == 0 {
		first = daysIn(y, d.Month) // a month-only date needs some day of the month in the era
	}
	c := civil{y, d.Month, first}
	if c.before(Eras[i].Start) {
		return 0, 0, 0, fmt.Errorf("wareki: %s is before %s began (%04d-%02d-%02d)", d, d.Era, Eras[i].Start.y, Eras[i].Start.m, Eras[i].Start.d)
	}
	if d.Day == 0 {
		c.d = 1
	}
	if c.before(civil{1873, 1, 1}) {
		// A date of 明治 before 明治6年 is a date of the old calendar: it
		// has no Gregorian date of the same numbers (Of refuses them too).
		return 0, 0, 0, fmt.Errorf("wareki: %s is before 1873, when Japan adopted the Gregorian calendar", d)
	}
	if i+1 < len(Eras) && !c.before(Eras[i+1].Start) {
		return 0, 0, 0, fmt.Errorf("wareki: %s is after %s ended: it is %s", d, d.Era, mustOf(y, d.Month, d.Day))
	}
	return y, d.Month, d.Day, nil
}

func mustOf(y, m, d int) Date {
	x, _ := Of(y, m, d)
	return x
}

// Time returns the date at midnight JST; a month-only date is the 1st.
func (d Date) Time() (time.Time, error) {
	y, m, day, err := d.Gregorian()
	if err != nil {
		return time.Time{}, err
	}
	if day == 0 {
		day = 1
	}
	return time.Date(y, time.Month(m), day, 0, 0, 0, 0, JST), nil
}

// YearString writes the year of an era: 元年 for the first.
func YearString(era string, y int) string {
	if y == 1 {
		return era + "元年"
	}
	return era + strconv.Itoa(y) + "年"
}

// String writes 令和8年3月31日, 令和元年5月.
func (d Date) String() string {
	if d.Era == "" {
		return ""
	}
	s := YearString(d.Era, d.Year) + strconv.Itoa(d.Month) + "月"
	if d.Day > 0 {
		s += strconv.Itoa(d.Day) + "日"
	}
	return s
}

// Month returns the date without its day: 令和8年3月.
func (d Date) MonthOnly() Date { d.Day = 0; return d }

// FiscalYear is a 年度, named by the year in which it begins (April).
type FiscalYear struct {
	Era  string
	Year int
}

// FiscalYearOf returns the 年度 a date falls in (April to March), named in
// the era in force on that date, as documents of the time wrote it: March
// 2026 is 令和7年度, April 2019 is 平成31年度, June 2019 令和元年度. When the
// era began after the fiscal year did (March 1989, 平成元年), the fiscal
// year keeps the era it began in (昭和63年度).
func FiscalYearOf(y, m, d int) (FiscalYear, error) {
	date, err := Of(y, m, d)
	if err != nil {
		return FiscalYear{}, err
	}
	start := y
	if m < 4 {
		start--
	}
	i := eraIndex(date.Era)
	if start < Eras[i].Start.y {
		begin, err := Of(start, 4, 1)
		if err != nil {
			return FiscalYear{}, err
		}
		return FiscalYear{Era: begin.Era, Year: begin.Year}, nil
	}
	return FiscalYear{Era: date.Era, Year: start - Eras[i].Start.y + 1}, nil
}

// String writes 令和7年度, 令和元年度.
func (f FiscalYear) String() string {
	if f.Year == 1 {
		return f.Era + "元年度"
	}
	return f.Era + strconv.Itoa(f.Year) + "年度"
}

// Gregorian returns the Gregorian year in which the fiscal year begins.
func (f FiscalYear) Gregorian() int {
	i := eraIndex(f.Era)
	if i < 0 {
		return 0
	}
	return Eras[i].Start.y + f.Year - 1
}

func daysIn(y, m int) int {
	if m < 1 || m > 12 {
		return 0
	}
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// eraSigns are the one-character era signs editors type.
var eraSigns = map[rune]string{'㍾': "明治", '㍽': "大正", '㍼': "昭和", '㍻': "平成", '㋿': "令和"}

// Parse reads what editors type: 令和8年3月31日, 令和元年5月, 平成３１年４月,
// ㍻31年4月1日, ㋿元年5月1日, with optional spaces. The date must exist in the
// era it names.
func Parse(s string) (Date, error) {
	orig := s
	s = strings.Map(func(r rune) rune {
		switch {
		case r >= '０' && r <= '９':
			return r - '０' + '0'
		case unicode.IsSpace(r):
			return -1
		}
		return r
	}, s)
	var d Date
	for sign, era := range eraSigns {
		if strings.HasPrefix(s, string(sign)) {
			d.Era, s = era, s[len(string(sign)):]
		}
	}
	if d.Era == "" {
		for _, e := range Eras {
			if strings.HasPrefix(s, e.Name) {
				d.Era, s = e.Name, s[len(e.Name):]
			}
		}
	}
	if d.Era == "" {
		return Date{}, fmt.Errorf("wareki: %q: expected an era (明治, 大正, 昭和, 平成, 令和 or ㍻ ㋿)", orig)
	}
	num := func(unit string) (int, bool) {
		i := strings.Index(s, unit)
		if i <= 0 {
			return 0, false
		}
		part := s[:i]
		s = s[i+len(unit):]
		if part == "元" {
			return 1, true
		}
		n, err := strconv.Atoi(part)
		return n, err == nil
	}
	var ok bool
	if d.Year, ok = num("年"); !ok {
		return Date{}, fmt.Errorf("wareki: %q: expected a year such as 8年 or 元年", orig)
	}
	if d.Month, ok = num("月"); !ok {
		return Date{}, fmt.Errorf("wareki: %q: expected a month such as 3月", orig)
	}
	if s != "" {
		if d.Day, ok = num("日"); !ok || s != "" {
			return Date{}, fmt.Errorf("wareki: %q: expected a day such as 31日 at the end", orig)
		}
	}
	if _, _, _, err := d.Gregorian(); err != nil {
		return Date{}, err
	}
	return d, nil
}

// ErrFormat is returned for ISO dates that are not YYYY-MM or YYYY-MM-DD.
var ErrFormat = errors.New("expected YYYY-MM or YYYY-MM-DD")

// ParseISO reads YYYY-MM-DD or YYYY-MM (day 0).
func ParseISO(s string) (y, m, d int, err error) {
	parts := strings.Split(s, "-")
	if len(parts) < 2 || len(parts) > 3 {
		return 0, 0, 0, fmt.Errorf("wareki: %q: %w", s, ErrFormat)
	}
	nums := make([]int, len(parts))
	for i, p := range parts {
		if nums[i], err = strconv.Atoi(p); err != nil {
			return 0, 0, 0, fmt.Errorf("wareki: %q: %w", s, ErrFormat)
		}
	}
	y, m = nums[0], nums[1]
	if len(nums) == 3 {
		d = nums[2]
		if d == 0 {
			return 0, 0, 0, fmt.Errorf("wareki: %q: %w", s, ErrFormat)
		}
	}
	if m < 1 || m > 12 || d > daysIn(y, m) {
		return 0, 0, 0, fmt.Errorf("wareki: %q is not a date", s)
	}
	return y, m, d, nil
}
