package progress

import (
	"bytes"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestDelayThenShown(t *testing.T) {
	var out bytes.Buffer
	m := New(&out)
	clock := time.Date(2026, 4, 1, 9, 0, 0, 0, time.UTC)
	m.now = func() time.Time { return clock }
	m.Phase("文書を読み込み中", 10)
	m.Add(3)
	if m.Shown() || out.Len() > 0 {
		t.Fatalf("shown before a second: %q", out.String())
	}
	clock = clock.Add(1500 * time.Millisecond)
	m.Add(1)
	if !m.Shown() || !strings.Contains(out.String(), "文書を読み込み中") || !strings.Contains(out.String(), "4/10") {
		t.Fatalf("not shown after a second and a half: %q", out.String())
	}
	m.Done()
	if m.Shown() {
		t.Error("still shown after Done")
	}
	// A new phase waits its own second.
	m.Phase("検査中", 5)
	m.Add(1)
	if m.Shown() {
		t.Error("the next phase was shown at once")
	}
}

func TestNilAndConcurrent(t *testing.T) {
	var m *Meter
	m.Phase("x", 1)
	m.Add(1)
	m.Done()
	var out bytes.Buffer
	m = New(&out)
	m.Phase("並行", 1000)
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 125 {
				m.Add(1)
			}
		}()
	}
	wg.Wait()
	if m.n != 1000 {
		t.Errorf("counted %d of 1000", m.n)
	}
	m.Done()
}
