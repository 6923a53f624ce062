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
	"runtime/pprof"
)

func main() {
	// POLICYCTL_CPUPROFILE=FILE writes a CPU profile, for the measurements
	// in docs/performance.md.
	if p := os.Getenv("POLICYCTL_CPUPROFILE"); p != "" {
		if f, err := os.Create(p); err == nil {
			if pprof.StartCPUProfile(f) == nil {
				code := Main(os.Args[1:], os.Stdout, os.Stderr)
				pprof.StopCPUProfile()
				f.Close()
				os.Exit(code)
			}
		}
	}
	os.Exit(Main(os.Args[1:], os.Stdout, os.Stderr))
}
