package fix

import (
	"os"
	"syscall"
)

// interrupts are the signals that end a run by default and are heeded
// while files are written aside and moved into place (SaveVerified):
// Ctrl-C, a kill, a closed terminal or ssh session, Ctrl-\.
var interrupts = []os.Signal{os.Interrupt, syscall.SIGTERM, syscall.SIGHUP, syscall.SIGQUIT}
