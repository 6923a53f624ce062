package wareki

import (
	"math/rand"
	"testing"
	"time"
)

func TestEraBoundaries(t *testing.T) {
	tests := []struct {
		y, m, d int
		want    string
	}{
		{1873, 1, 1, "明治6年1月1日"},
		{1912, 7, 29, "明治45年7月29日"},
		{1912, 7, 30, "大正元年7月30日"},
		{1926, 12, 24, "大正15年12月24日"},
		{1926, 12, 25, "昭和元年12月25日"},
		{1989, 1, 7, "昭和64年1月7日"},
		{1989, 1, 8, "平成元年1月8日"},
		{2019, 4, 30, "平成31年4月30日"},
		{2019, 5, 1, "令和元年5月1日"},
		{2026, 3, 31, "令和8年3月31日"},
		{2003, 9, 0, "平成15年9月"},
		{2019, 5, 0, "令和元年5月"},
		{2019, 4, 0, "平成31年4月"},
		{1989, 1, 0, "昭和64年1月"},
		{1912, 7, 0, "明治45年7月"},
		{1926, 12, 0, "大正15年12月"},
	}
	for _, tt := range tests {
		d, err := Of(tt.y, tt.m, tt.d)
		if err != nil || d.String() != tt.want {
			t.Errorf("Of(%d,%d,%d) = %s, %v; want %s", tt.y, tt.m, tt.d, d, err, tt.want)
		}
		p, err := Parse(tt.want)
		if err != nil || p != d {
			t.Errorf("Parse(%s) = %+v, %v; want %+v", tt.want, p, err, d)
		}
	}
	for _, bad := range [][3]int{{1872, 12, 31}, {2026, 2, 29}, {2026, 13, 1}, {2026, 4, 31}} {
		if _, err := Of(bad[0], bad[1], bad[2]); err == nil {
			t.Errorf("Of(%v) accepted", bad)
		}
	}
}

func TestJSTNotLocal(t *testing.T) {
	// 2019-04-30 20:00 UTC is 2019-05-01 05:00 in Japan: 令和.
	utc := time.Date(2019, 4, 30, 20, 0, 0, 0, time.UTC)
	if got := FromTime(utc).String(); got != "令和元年5月1日" {
		t.Errorf("FromTime(%v) = %s", utc, got)
	}
	ny := time.FixedZone("EST", -5*3600)
	if got := FromTime(time.Date(1989, 1, 7, 12, 0, 0, 0, ny)).String(); got != "平成元年1月8日" {
		t.Errorf("1989-01-07 12:00 EST is 1989-01-08 in Japan: %s", got)
	}
}

func TestParse(t *testing.T) {
	ok := map[string]string{
		"令和８年３月３１日": "令和8年3月31日",
		"平成３１年４月":   "平成31年4月",
		"㍻31年4月1日":  "平成31年4月1日",
		"㋿元年5月1日":   "令和元年5月1日",
		"令和 元年 5月":  "令和元年5月",
		"昭和64年1月7日": "昭和64年1月7日",
		"明治6年1月1日":  "明治6年1月1日",
		"大正元年7月30日": "大正元年7月30日",
		"令和1年5月1日":  "令和元年5月1日",
	}
	for in, want := range ok {
		d, err := Parse(in)
		if err != nil || d.String() != want {
			t.Errorf("Parse(%q) = %s, %v; want %s", in, d, err, want)
		}
	}
	for _, bad := range []string{"平成32年1月1日", "令和元年4月30日", "昭和64年1月8日", "平成元年1月7日", "2026年3月", "令和8年13月", "令和8年2月30日", "令和8年3月31日です", "令和年3月", "㍻元年1月7日"} {
		if d, err := Parse(bad); err == nil {
			t.Errorf("Parse(%q) accepted: %s", bad, d)
		}
	}
}

func TestFiscalYear(t *testing.T) {
	tests := []struct {
		y, m, d int
		want    string
	}{
		{2026, 3, 31, "令和7年度"},
		{2026, 4, 1, "令和8年度"},
		{2019, 4, 15, "平成31年度"},
		{2019, 5, 1, "令和元年度"},
		{2020, 3, 31, "令和元年度"},
		{1989, 3, 31, "昭和63年度"},
		{1989, 1, 8, "昭和63年度"},
		{1989, 4, 1, "平成元年度"},
		{2003, 9, 1, "平成15年度"},
		{1913, 3, 1, "大正元年度"},
	}
	for _, tt := range tests {
		f, err := FiscalYearOf(tt.y, tt.m, tt.d)
		if err != nil || f.String() != tt.want {
			t.Errorf("FiscalYearOf(%d,%d,%d) = %s, %v; want %s", tt.y, tt.m, tt.d, f, err, tt.want)
		}
	}
}

// TestRoundTrip: Gregorian → 和暦 → Gregorian is the identity on every day
// from 1873-01-01 on, and on a random sample of months.
func TestRoundTrip(t *testing.T) {
	for day := First; day.Year() < 2100; day = day.AddDate(0, 0, 1) {
		d := FromTime(day)
		y, m, dd, err := d.Gregorian()
		if err != nil || y != day.Year() || m != int(day.Month()) || dd != day.Day() {
			t.Fatalf("%s → %s → %d-%d-%d %v", day.Format("2006-01-02"), d, y, m, dd, err)
		}
		p, err := Parse(d.String())
		if err != nil || p != d {
			t.Fatalf("Parse(%s) = %+v %v", d, p, err)
		}
	}
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 10000; i++ {
		y, m := 1873+rng.Intn(250), 1+rng.Intn(12)
		d, err := Of(y, m, 0)
		if err != nil {
			t.Fatal(err)
		}
		gy, gm, gd, err := d.Gregorian()
		if err != nil || gy != y || gm != m || gd != 0 {
			t.Fatalf("%04d-%02d → %s → %d-%d-%d %v", y, m, d, gy, gm, gd, err)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"令和8年3月31日", "㍻元年1月8日", "平成３１年４月", "明治元年", "令和"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := Parse(s)
		if err != nil {
			return
		}
		y, m, day, err := d.Gregorian()
		if err != nil {
			t.Fatalf("Parse(%q) = %+v, which does not convert back: %v", s, d, err)
		}
		back, err := Of(y, m, day)
		if err != nil {
			t.Fatalf("Parse(%q) = %+v, but %d-%d-%d does not convert: %v", s, d, y, m, day, err)
		}
		// A month in which an era began has two names (昭和64年1月 and
		// 平成元年1月); Of gives the first. Every other date has one.
		if back != d && !(day == 0 && back.Era != d.Era && back.Month == d.Month) {
			t.Fatalf("Parse(%q) = %+v, but %d-%d-%d is %+v", s, d, y, m, day, back)
		}
	})
}
