// Package policy is the model of a policy repository: its configuration, the
// approvals registry, and each document with its front matter, goldmark AST,
// section tree and visibility parts.
//
// The model is read through an io/fs.FS, so a working tree and any git
// revision are read by the same code. The package knows no output format and
// imports none of the packages that check, render, sign or diff the model.
package policy
