package fix

import (
	"os"
	"syscall"
)

// interrupts are the signals that end a run by default and are heeded
// while files are written aside (SaveVerified).
var interrupts = []os.Signal{os.Interrupt, syscall.SIGTERM}
