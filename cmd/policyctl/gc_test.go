package main

import (
	"os"
	"testing"
)

func TestGCSettings(t *testing.T) {
	env := func(vars map[string]string) func(string) string {
		return func(k string) string { return vars[k] }
	}
	for _, tc := range []struct {
		name    string
		vars    map[string]string
		mem     int64
		percent int
		limit   int64
	}{
		{"defaults", nil, 8 << 30, gcPercent, 4 << 30},
		{"memory unknown: no limit", nil, 0, gcPercent, -1},
		{"GOGC is the user's", map[string]string{"GOGC": "off"}, 8 << 30, -1, 4 << 30},
		{"GOMEMLIMIT is the user's", map[string]string{"GOMEMLIMIT": "1GiB"}, 8 << 30, gcPercent, -1},
	} {
		p, l := gcSettings(env(tc.vars), tc.mem)
		if p != tc.percent || l != tc.limit {
			t.Errorf("%s: gcSettings = %d, %d; want %d, %d", tc.name, p, l, tc.percent, tc.limit)
		}
	}
	if _, err := readableMeminfo(); err == nil && memTotal() <= 0 {
		t.Error("memTotal() = 0 although /proc/meminfo can be read")
	}
}

func readableMeminfo() (int, error) {
	b, err := os.ReadFile("/proc/meminfo")
	return len(b), err
}
