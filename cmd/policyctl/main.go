// Command policyctl keeps a Japanese municipality's information security
// policy (基本方針, 対策基準, 実施手順) in git: it checks the documents,
// records committee approvals as SSH signatures, renders the public and
// internal editions, writes the 改訂履歴 and prints the 新旧対照表.
//
// This package only binds flags and maps errors to exit codes; the work is
// done by the packages it calls.
package main

import (
	"os"
	"runtime"
	"runtime/pprof"
)

func main() {
	os.Exit(profiled(func() int { return Main(os.Args[1:], os.Stdout, os.Stderr) }))
}

// profiled runs the command under the profiles the environment asks for,
// for the measurements in docs/performance.md: POLICYCTL_CPUPROFILE=FILE
// and POLICYCTL_MEMPROFILE=FILE (what was allocated, by call site).
func profiled(run func() int) int {
	if p := os.Getenv("POLICYCTL_MEMPROFILE"); p != "" {
		runtime.MemProfileRate = 64 << 10
		defer func() {
			if f, err := os.Create(p); err == nil {
				_ = pprof.Lookup("allocs").WriteTo(f, 0)
				f.Close()
			}
		}()
	}
	if p := os.Getenv("POLICYCTL_CPUPROFILE"); p != "" {
		if f, err := os.Create(p); err == nil && pprof.StartCPUProfile(f) == nil {
			defer func() {
				pprof.StopCPUProfile()
				f.Close()
			}()
		}
	}
	return run()
}
