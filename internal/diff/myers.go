package diff

// The wording diff must give the same bytes on any machine and under any
// load (SPEC §6), so its work is bounded by a count of steps, never by a
// clock. go-diff bounds its Myers search only by a deadline, so the search
// itself lives here: Myers' greedy O(ND) algorithm with a step budget.

// maxWork bounds the steps (diagonals visited plus matching elements
// followed) of one Words call. At about a nanosecond a step it is a few
// milliseconds; the trace it keeps is at most maxWork int32s (16 MB).
const maxWork = 1 << 22

// run is a stretch of an edit script: n elements kept ('='), deleted
// from the old sequence ('-') or inserted from the new one ('+').
type run struct {
	op byte
	n  int
}

// myers returns the shortest edit script from a to b, or ok=false when
// finding it takes more than *budget steps. The steps it took are taken
// from *budget either way.
func myers[T comparable](a, b []T, budget *int) (script []run, ok bool) {
	// A common head and tail cost nothing to find and shrink the search.
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	add := func(op byte, n int) {
		if n == 0 {
			return
		}
		if l := len(script); l > 0 && script[l-1].op == op {
			script[l-1].n += n
			return
		}
		script = append(script, run{op, n})
	}
	add('=', pre)
	mid, ok := search(a[pre:len(a)-suf], b[pre:len(b)-suf], budget)
	if !ok {
		return nil, false
	}
	for _, r := range mid {
		add(r.op, r.n)
	}
	add('=', suf)
	return script, true
}

// search is the greedy forward search of Myers (1986), keeping the
// furthest x on each diagonal k = x - y for every cost d, then walking the
// trace back from the end.
func search[T comparable](a, b []T, budget *int) ([]run, bool) {
	n, m := len(a), len(b)
	switch {
	case n == 0 && m == 0:
		return nil, true
	case n == 0:
		return []run{{'+', m}}, true
	case m == 0:
		return []run{{'-', n}}, true
	}
	// trace[d] holds x for k = -d, -d+2, … d (index (k+d)/2); -1 is
	// unreachable.
	var trace [][]int32
	prev := []int32{}
	step := func(d int, prev []int32, k int) int {
		at := func(k int) int32 {
			if k < -(d-1) || k > d-1 {
				return -1
			}
			return prev[(k+d-1)/2]
		}
		if d == 0 {
			return 0
		}
		x := -1
		// Down: one element of b inserted, x unchanged.
		if v := at(k + 1); v >= 0 && int(v)-k <= m {
			x = int(v)
		}
		// Right: one element of a deleted; preferred on a tie, so
		// deletions come before insertions as a 新旧対照表 reads.
		if v := at(k - 1); v >= 0 && int(v)+1 <= n && int(v)+1 >= x {
			x = int(v) + 1
		}
		return x
	}
	for d := 0; d <= n+m; d++ {
		cur := make([]int32, d+1)
		for k := -d; k <= d; k += 2 {
			cur[(k+d)/2] = -1
			if k < -m || k > n {
				continue
			}
			*budget--
			x := step(d, prev, k)
			if x < 0 {
				continue
			}
			y := x - k
			if y < 0 || y > m {
				continue
			}
			for x < n && y < m && a[x] == b[y] {
				x++
				y++
				*budget--
			}
			cur[(k+d)/2] = int32(x)
			if x == n && y == m {
				trace = append(trace, cur)
				return backtrack(trace, n, m, step), true
			}
		}
		trace = append(trace, cur)
		prev = cur
		if *budget < 0 {
			return nil, false
		}
	}
	panic("diff: Myers search passed its bound") // unreachable: d = n+m always ends
}

func backtrack(trace [][]int32, n, m int, step func(d int, prev []int32, k int) int) []run {
	var rev []run
	push := func(op byte, c int) {
		if c == 0 {
			return
		}
		if l := len(rev); l > 0 && rev[l-1].op == op {
			rev[l-1].n += c
			return
		}
		rev = append(rev, run{op, c})
	}
	x, k := n, n-m
	for d := len(trace) - 1; d > 0; d-- {
		// The start of this diagonal's snake is where the move from d-1
		// landed.
		start := step(d, trace[d-1], k)
		push('=', x-start)
		var pk int
		if k-1 >= -(d-1) && trace[d-1][(k+d-2)/2] >= 0 && int(trace[d-1][(k+d-2)/2])+1 == start {
			push('-', 1)
			pk = k - 1
		} else {
			push('+', 1)
			pk = k + 1
		}
		x = int(trace[d-1][(pk+d-1)/2])
		k = pk
	}
	push('=', x)
	out := make([]run, len(rev))
	for i, r := range rev {
		out[len(rev)-1-i] = r
	}
	return out
}
