package policy

import (
	"bytes"
	"errors"
	"io"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"
)

// SecondYAMLDocument returns the line (from 1) at which src starts a second
// YAML document, or 0 when it holds one (or none, or does not read: the
// caller's own parse reports that). yaml.v3 reads the first document of
// a stream and drops the rest without a word: a "---" or "..." line in
// policyctl.yaml, the registry or front matter would hide every key after
// it from policyctl, though not from a person reading the file.
func SecondYAMLDocument(src []byte) int {
	// A second document needs a line starting "---" or "...": without
	// one, there is none, and the YAML need not be read twice.
	if !markerLine(src) {
		return 0
	}
	dec := yaml.NewDecoder(bytes.NewReader(src))
	var first yaml.Node
	if err := dec.Decode(&first); err != nil {
		return 0
	}
	var next yaml.Node
	err := dec.Decode(&next)
	if errors.Is(err, io.EOF) {
		return 0
	}
	if err != nil {
		// Text after "..." that does not start a document: still not one.
		if line := yamlErrorLine(err); line > 0 {
			return line
		}
		return 1
	}
	switch {
	case next.Line > 0:
		return next.Line
	case len(next.Content) > 0 && next.Content[0].Line > 0:
		return next.Content[0].Line
	}
	return 1
}

// markerLine reports whether a line of src starts with "---" or "...".
func markerLine(src []byte) bool {
	for len(src) > 0 {
		if bytes.HasPrefix(src, []byte("---")) || bytes.HasPrefix(src, []byte("...")) {
			return true
		}
		i := bytes.IndexByte(src, '\n')
		if i < 0 {
			return false
		}
		src = src[i+1:]
	}
	return false
}

// YAMLTag returns the tag written on a node — !internal, !!str, or a
// bare "!" — or "". src is the YAML the node was read from: yaml.v3
// resolves a bare "!" to !!str and keeps no trace of it but the text.
// Visibility levels allow no tag: YAML readers do not agree on what a
// tagged value means (yaml.v3 drops an unknown tag, others refuse it or
// make it something else), and a level must read the same to all.
func YAMLTag(n *yaml.Node, src []byte) string {
	// An alias (*a) has the value, and the tag, of its anchor (&a !x v):
	// read there, or a tag passes through an alias unseen.
	for i := 0; n.Kind == yaml.AliasNode && n.Alias != nil && i < 16; i++ {
		n = n.Alias
	}
	if n.Style&yaml.TaggedStyle != 0 {
		return n.Tag
	}
	lines := bytes.Split(src, []byte("\n"))
	if n.Line < 1 || n.Line > len(lines) || n.Column < 1 {
		return ""
	}
	line := []rune(string(lines[n.Line-1]))
	if n.Column > len(line) {
		return ""
	}
	at := anchorPrefix.ReplaceAllString(string(line[n.Column-1:]), "")
	if strings.HasPrefix(at, "!") {
		return "!"
	}
	return ""
}

// anchorPrefix is an anchor (&name) and the spaces after it.
var anchorPrefix = regexp.MustCompile(`^&\S+\s+`)
