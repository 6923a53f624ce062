package main

import (
	"bufio"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
)

// gcPercent is the garbage collector's target, chosen from measurements
// (docs/performance.md, "Memory and the garbage collector"): every command
// allocates a model that lives to the end, so the default (100) collects
// often for little. 200 saved 5–10 % of wall time on check and build of
// 1,000 documents for about a quarter more peak memory; 400 saved 12–15 %
// but took 75 % more memory, too much for the corpora of 5,000 documents a
// CI runner must build.
const gcPercent = 200

// gcSettings decides the collector's target and soft memory limit: GOGC
// and GOMEMLIMIT, when set, are the user's and left alone; otherwise the
// target is gcPercent and the limit half the machine's memory, so that
// the larger target never makes a build run out of memory where the
// default would not (near the limit the collector works harder instead).
// memTotal is the machine's memory in bytes, 0 when unknown: no limit.
func gcSettings(getenv func(string) string, memTotal int64) (percent int, limit int64) {
	percent, limit = -1, -1
	if getenv("GOGC") == "" {
		percent = gcPercent
	}
	if getenv("GOMEMLIMIT") == "" && memTotal > 0 {
		limit = memTotal / 2
	}
	return percent, limit
}

// tuneGC applies gcSettings to this process.
func tuneGC() {
	percent, limit := gcSettings(os.Getenv, memTotal())
	if percent > 0 {
		debug.SetGCPercent(percent)
	}
	if limit > 0 {
		debug.SetMemoryLimit(limit)
	}
}

// memTotal is the machine's memory from /proc/meminfo, or 0 where there
// is none (not Linux): then no limit is set.
func memTotal() int64 {
	f, err := os.Open("/proc/meminfo")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		// MemTotal:       24684588 kB
		if rest, ok := strings.CutPrefix(sc.Text(), "MemTotal:"); ok {
			fields := strings.Fields(rest)
			if len(fields) == 2 && fields[1] == "kB" {
				if kb, err := strconv.ParseInt(fields[0], 10, 64); err == nil && kb > 0 {
					return kb << 10
				}
			}
		}
	}
	return 0
}
