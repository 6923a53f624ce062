package policy

import (
	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// ReservedIDs are the document ids the site keeps for its own pages. A
// document's page is <id>.html in the folder that holds the site's
// index.html, history.html, search.html and approvals.html, and each
// archived revision's folder (revisions/<id>/) holds its shinkyu.html
// beside the documents' pages; a web server such as GitHub Pages serves
// 404.html for a page that does not exist. A document with one of these
// ids would replace the site's page or be replaced by it: check reports
// the id (frontmatter/id) and the site writer refuses any path written
// twice. site's TestReservedPageNames fails when the site writes a page
// of its own that is not listed here.
var ReservedIDs = []string{"404", "approvals", "history", "index", "search", "shinkyu"}

// FoldPath is the key under which two paths are one file on a
// case-insensitive or normalising file system (macOS, Windows) or web
// server: Unicode case folding of the NFC form.
func FoldPath(p string) string {
	return norm.NFC.String(cases.Fold().String(norm.NFC.String(p)))
}
