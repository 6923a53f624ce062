package check

// Rule describes a rule for people and for SARIF: its id, a summary, and
// help that says how to fix what it reports.
type Rule struct {
	ID      string
	Summary string
	Help    string
}

// Rules lists every rule check can report, in a stable order.
var Rules = []Rule{
	{"frontmatter/missing", "A document has no YAML front matter.", "Start the file with a line \"---\", the keys id, title, tier, visibility and approvers, and a line \"---\"."},
	{"frontmatter/syntax", "The front matter is not valid YAML, repeats a key or has a value of the wrong type.", "Write one \"key: value\" per line; quote values that contain \":\" or \"#\"; approvers is a list such as [mayor, council]."},
	{"frontmatter/unknown-key", "The front matter has a key policyctl does not know.", "Use only id, title, tier, visibility and approvers; a misspelt key is ignored."},
	{"frontmatter/id", "A document's id is missing or not of the form [a-z0-9]+(-[a-z0-9]+)*.", "Give every document a stable id such as basic-policy; ids are never reused."},
	{"frontmatter/duplicate-id", "Two documents have the same id.", "Ids are unique in the repository; choose a new one for the newer document."},
	{"frontmatter/title", "A document has no title.", "Add title: with the document's title, as it is cited."},
	{"frontmatter/tier", "A document's tier is missing or unknown.", "Use basic (基本方針), standard (対策基準) or procedure (実施手順)."},
	{"frontmatter/visibility", "A document's visibility is missing (it is then the most restricted level) or not a configured level.", "Add visibility: with a level from policyctl.yaml, such as public or internal."},
	{"frontmatter/approvers", "A document names no approvers, or an approver that is not a committee of the registry.", "List committee ids from approvals/registry.yaml under approvers."},
	{"text/encoding", "A document is not what approvals can sign: invalid UTF-8, a BOM, CRLF, text not in NFC, or bidi or zero-width controls.", "Save as UTF-8 without BOM with LF line ends, normalise to NFC, and delete invisible control characters."},
	{"registry/syntax", "approvals/registry.yaml cannot be read.", "See the registry format in docs/formats.md."},
	{"registry/empty", "The registry has no committee or no member: nobody can approve.", "Add the members with their SSH public keys and the committees with their quorums."},
	{"registry/member", "A member id is invalid or listed twice.", "Use lower-case ids and list each member once."},
	{"registry/key", "A key does not parse, is of a type approvals do not accept, is too short, is listed twice, or a member has no key yet.", "Use ed25519, sk-ed25519, ECDSA or RSA (2048 bits or more) public keys, each belonging to one member."},
	{"registry/committee", "A committee id is invalid or repeated, or lists an unknown member or a member twice.", "Fix the committee's members: every id must be under members."},
	{"registry/quorum", "A committee's quorum is below 1 or larger than the committee.", "Set quorum to the number of members whose approval adopts a document."},
	{"approvals/allowed-signers", "approvals/allowed_signers is missing or does not match the registry.", "Never edit it by hand: policyctl approve writes it from the registry."},
	{"visibility/unknown-level", "A ::: block or {visibility=…} names a level that is not configured; the part is treated as the most restricted.", "Use a level listed under visibility in policyctl.yaml."},
	{"visibility/unclosed", "A ::: block is never closed; everything to the end of its container is restricted.", "Close the block with a line \":::\"."},
	{"visibility/widen", "A part is less restricted than the document or section around it, which has no effect.", "A part can only be more restricted than what contains it."},
	{"visibility/placement", "{visibility=…} on a heading inside a list or quote has no clear end; the whole block is restricted.", "Put the heading at the top level, or wrap the part in a ::: block."},
	{"link/unsafe", "A link names something an edition must never contain: a symbolic link, a hidden file or .git, policyctl's own records, a Markdown file that is not a document, or a document as an image.", "Link to a regular file or a document inside the repository."},
	{"link/case", "A link names a file whose name differs from the link in case or Unicode normalisation.", "Write the name exactly as the file is named."},
	{"files/collision", "Two repository paths differ only in case or Unicode normalisation; on macOS or Windows they are one file.", "Rename one of them."},
	{"visibility/marker", "Something looks like a visibility marker (a ::: fence, a heading attribute block, raw HTML naming a level) but is not exactly one; it would be published as text and the part left unrestricted.", "Write the marker exactly: a line \"::: LEVEL\" … \":::\", or {visibility=LEVEL} last on a heading line."},
	{"visibility/leak", "Less restricted text links to, cites or quotes the title of more restricted content.", "The less restricted edition would reveal what the restricted part is; remove the link or citation, or restrict the text."},
	{"link/broken-file", "A link or image points to a file that does not exist.", "Paths are relative to the linking document; check the path."},
	{"link/broken-anchor", "A link's #fragment names no section of the target document.", "Heading IDs are the explicit {#id} or GitHub's: lower-case, punctuation dropped, spaces to -."},
	{"ref/unresolved", "A textual reference (上記3, 前項, 第5条第2項, 基本方針6(3)) resolves to nothing.", "Check the number; if its target was renumbered or removed, update the reference."},
	{"ref/ambiguous", "A reference to another document could mean more than one document.", "Cite the document by its title, or link it."},
	{"ref/direction", "上記 or 前記 points below the reference, or 下記 above it.", "Write 上記/前記 for a section above and 下記 for one below, or check the number."},
	{"ref/mismatch", "A reference resolves, but the words after it (「上記3の脅威」) name another section, as after a renumbering.", "Point the reference at the section the text means; the hint suggests one."},
	{"ref/renumbered", "A reference reads as it did in the revision in force (or --against REV), but a renumbering made it point at another provision.", "Write the number the hint gives, so that the reference keeps its target; if its target was removed, rewrite the sentence."},
	{"ref/self", "A reference names the provision it stands in (上記10 inside 10, 第5条 inside 第5条).", "A provision does not cite itself by number: write この条 or 本項, or check the number — it may have been renumbered."},
	{"ref/number", "A reference carries a number no provision can have: 0 (第0条) or an absurd one (上記99999999999999999999).", "Write the number of the provision you mean."},
	{"numbering/ambiguous", "A line inside a paragraph starts with a number that may open a provision (2, (1), 一, イ) or may continue the text; it is read as text.", "To open a provision, put a blank line before the line and a space after the number; otherwise rewrap so that the line does not start with a number."},
	{"term/scope", "A defined term (定義語) is used outside the part its definition covers (以下この条において「委員会」という。).", "Outside its scope the word is not the defined term: write what it means there, or widen the definition (以下同じ。)."},
	{"term/before-definition", "A term is used before its definition (以下「職員等」という。): a reader meets the word before its meaning.", "Define a term where it is first used: move the definition there, or write the words it stands for."},
	{"term/unused", "A term is defined but never used.", "Remove the definition, or use the term where its meaning is meant."},
	{"numbering/gap", "A sequence of sibling sections skips a number or does not start at 1.", "Renumber the sequence and update the references to the renumbered sections."},
	{"numbering/duplicate", "Two sibling sections have the same number.", "Renumber the sections that follow, and the references to them."},
	{"numbering/level", "Headings of one numbering style sit at different heading levels.", "Use the same number of # for the sections of one numbering style."},
	{"numbering/style", "A number of a provision or a reference is written otherwise than policyctl.yaml's style asks: full-width where half-width is asked (第５条, （１）), arabic where kanji is (第12条), or the reverse.", "Run policyctl fix, which rewrites them; or set style.digits and style.articles in policyctl.yaml to how the policy writes its numbers (any: as written)."},
}

// RuleIndex returns the position of a rule in Rules, or -1.
func RuleIndex(id string) int {
	for i, r := range Rules {
		if r.ID == id {
			return i
		}
	}
	return -1
}
