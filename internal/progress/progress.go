// Package progress shows a person at a terminal how far long work has
// come: the phase and a count, once the phase has run for about a second.
// Commands create a Meter only for a terminal, outside CI and without
// --quiet; everything else receives nil, which shows nothing.
package progress

import (
	"io"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
)

// Delay is how long a phase runs before it is shown: quick work stays
// silent.
const Delay = time.Second

// Meter counts the steps of one phase at a time. Its methods may be called
// from many goroutines; a nil *Meter does nothing.
type Meter struct {
	w     io.Writer
	mu    sync.Mutex
	phase string
	total int
	n     int
	start time.Time
	bar   *progressbar.ProgressBar
	now   func() time.Time
}

// New returns a meter writing to w (a terminal).
func New(w io.Writer) *Meter { return &Meter{w: w, now: time.Now} }

// Phase starts a phase of total steps (-1 when unknown), ending the one
// before.
func (m *Meter) Phase(name string, total int) {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.finish()
	m.phase, m.total, m.n, m.start = name, total, 0, m.now()
}

// Add counts n steps done.
func (m *Meter) Add(n int) {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.n += n
	if m.bar == nil {
		if m.phase == "" || m.now().Sub(m.start) < Delay {
			return
		}
		m.bar = progressbar.NewOptions(m.total,
			progressbar.OptionSetWriter(m.w),
			progressbar.OptionSetDescription(m.phase),
			progressbar.OptionShowCount(),
			progressbar.OptionSetWidth(30),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
			progressbar.OptionUseANSICodes(true),
		)
		_ = m.bar.Set(m.n)
		return
	}
	_ = m.bar.Add(n)
}

// Done ends the phase and clears its line.
func (m *Meter) Done() {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.finish()
	m.phase = ""
}

func (m *Meter) finish() {
	if m.bar != nil {
		_ = m.bar.Finish()
		_ = m.bar.Clear()
		m.bar = nil
	}
}

// Shown reports whether the current phase is on the screen, for tests.
func (m *Meter) Shown() bool {
	if m == nil {
		return false
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.bar != nil
}
