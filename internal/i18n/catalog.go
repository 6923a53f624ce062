package i18n

import (
	"golang.org/x/text/feature/plural"
	"golang.org/x/text/message/catalog"
)

// japanese is the catalogue: every message in English (the key, as the
// code writes it) and in Japanese.
var japanese = map[string]string{}

// englishPlurals are the English messages whose words follow a count.
var englishPlurals = map[string]catalog.Message{}

var _ = plural.Selectf
