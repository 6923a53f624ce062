package policy

import (
	"sort"
	"sync"
)

// Rule is one check of policyctl, as a value: its stable id, the severity
// it reports by default, and what it checks and how to fix it, in English
// and Japanese. Every finding names its rule, so a rule that is reported is
// a rule that is described: check, SARIF, docs/rules.md and the hints all
// read these values.
type Rule struct {
	ID       string
	Severity Severity
	// Summary says what the rule finds; Help how to fix it.
	Summary, SummaryJa string
	Help, HelpJa       string
}

// String is the rule's id: a rule formatted with %s or %v, alone or in a
// finding, reads as check prints it, never as a dump of its fields.
func (r *Rule) String() string {
	if r == nil {
		return ""
	}
	return r.ID
}

var (
	rulesMu sync.Mutex
	rules   = map[string]*Rule{}
)

// NewRule registers a rule. Its id must be new.
func NewRule(id string, sev Severity, summary, summaryJa, help, helpJa string) *Rule {
	r := &Rule{ID: id, Severity: sev, Summary: summary, SummaryJa: summaryJa, Help: help, HelpJa: helpJa}
	rulesMu.Lock()
	defer rulesMu.Unlock()
	if _, ok := rules[id]; ok {
		panic("policy: rule " + id + " registered twice")
	}
	rules[id] = r
	return r
}

// Rules lists every rule, sorted by id.
func Rules() []*Rule {
	rulesMu.Lock()
	defer rulesMu.Unlock()
	out := make([]*Rule, 0, len(rules))
	for _, r := range rules {
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// RuleByID returns the rule with that id, or nil.
func RuleByID(id string) *Rule {
	rulesMu.Lock()
	defer rulesMu.Unlock()
	return rules[id]
}

// The rules of the model: what reading a document, the configuration or
// the registry finds. The rules of check, ref and approvals are declared
// here too, so that the catalogue is one place.
var (
	RuleFrontMatterMissing = NewRule("frontmatter/missing", Error,
		"A document has no YAML front matter.",
		"文書に YAML のフロントマターがない。",
		`Start the file with a line "---", the keys id, title, tier, visibility and approvers, and a line "---".`,
		"ファイルの先頭に「---」の行、id・title・tier・visibility・approvers の各項目、「---」の行を書く。")
	RuleFrontMatterSyntax = NewRule("frontmatter/syntax", Error,
		"The front matter is not valid YAML, repeats a key or has a value of the wrong type.",
		"フロントマターが YAML として正しくない、項目が重複している、又は値の型が違う。",
		`Write one "key: value" per line with a half-width colon; quote values that contain ":" or "#"; approvers is a list such as [mayor, council].`,
		"1行に「項目: 値」を半角のコロンで書く。「:」や「#」を含む値は引用符で囲む。approvers は [mayor, council] のような一覧。")
	RuleFrontMatterUnknownKey = NewRule("frontmatter/unknown-key", Warning,
		"The front matter has a key policyctl does not know.",
		"フロントマターに policyctl の知らない項目がある。",
		"Use only id, title, tier, visibility and approvers; a misspelt key is ignored.",
		"id・title・tier・visibility・approvers だけを使う。綴りの誤った項目は無視される。")
	RuleFrontMatterID = NewRule("frontmatter/id", Error,
		"A document's id is missing, not of the form [a-z0-9]+(-[a-z0-9]+)*, or the name of one of the site's own pages (404, approvals, history, index, search, shinkyu): the document's page <id>.html would replace that page or be replaced by it.",
		"文書の id がない、[a-z0-9]+(-[a-z0-9]+)* の形でない、又はサイト自身のページの名前（404, approvals, history, index, search, shinkyu）である。最後の場合、文書のページ <id>.html がサイトのページを置き換えるか、置き換えられる。",
		"Give every document a stable id such as basic-policy, other than the names of the site's own pages; ids are never reused.",
		"すべての文書に basic-policy のような変わらない id を付ける。サイト自身のページの名前は使わない。id は再利用しない。")
	RuleFrontMatterDuplicateID = NewRule("frontmatter/duplicate-id", Error,
		"Two documents have the same id.",
		"二つの文書が同じ id を持つ。",
		"Ids are unique in the repository; choose a new one for the newer document.",
		"id はリポジトリの中で一意。新しい方の文書に別の id を付ける。")
	RuleFrontMatterTitle = NewRule("frontmatter/title", Error,
		"A document has no title.",
		"文書に題名（title）がない。",
		"Add title: with the document's title, as it is cited.",
		"引用されるとおりの文書の題名を title: に書く。")
	RuleFrontMatterTier = NewRule("frontmatter/tier", Error,
		"A document's tier is missing or unknown.",
		"文書の階層（tier）がない、又は不明。",
		"Use basic (基本方針), standard (対策基準) or procedure (実施手順).",
		"basic（基本方針）、standard（対策基準）、procedure（実施手順）のいずれかを書く。")
	RuleFrontMatterVisibility = NewRule("frontmatter/visibility", Warning,
		"A document's visibility is missing (it is then the most restricted level), not a configured level, or carries a YAML tag.",
		"文書の公開範囲（visibility）がない（最も制限の強い区分になる）、設定にない区分、又は YAML のタグが付いている。",
		"Add visibility: with a level from policyctl.yaml, such as public or internal.",
		"policyctl.yaml の区分（public、internal など）を visibility: に書く。")
	RuleFrontMatterApprovers = NewRule("frontmatter/approvers", Warning,
		"A document names no approvers, or an approver that is not a committee of the registry.",
		"文書に承認者（approvers）がない、又は名簿にない委員会を承認者にしている。",
		"List committee ids from approvals/registry.yaml under approvers.",
		"approvals/registry.yaml の委員会の id を approvers に並べる。")
	RuleTextEncoding = NewRule("text/encoding", Error,
		"A document is not what approvals can sign: invalid UTF-8, a BOM, CRLF, text not in NFC, control characters (an escape sequence), or bidi or zero-width controls — in the file's bytes, or written as an escape in a quoted front matter value.",
		"承認で署名できない文字の並び: UTF-8 でない、BOM 付き、CRLF の改行、NFC でない、制御文字（エスケープシーケンスなど）、方向制御文字やゼロ幅文字を含む（ファイルのバイト列にあるもの、又はフロントマターの引用符で囲んだ値にエスケープで書いたもの）。",
		"Save as UTF-8 without BOM with LF line ends, normalise to NFC, and delete invisible control characters; policyctl fix does it.",
		"BOM なしの UTF-8、LF の改行で保存し直し、NFC に正規化し、見えない制御文字を削除する（policyctl fix で直せます）。")
	RuleTextKana = NewRule("text/kana", Warning,
		"Half-width katakana (ｶﾀｶﾅ, ｢｣, ｡) in the text, where policyctl.yaml's style.kana asks for full-width, as 公用文 writes it.",
		"本文に半角カタカナ（ｶﾀｶﾅ、｢｣、｡）がある。policyctl.yaml の style.kana は全角を求めている（公用文の書き方）。",
		"Run policyctl fix, which writes them full-width (ｶﾞ becomes ガ); or set style.kana: any in policyctl.yaml. Code is left as written.",
		"policyctl fix で全角に書き直す（ｶﾞ は ガ になる）。又は policyctl.yaml で style.kana: any とする。コードは書いたとおりに残る。")
	RuleRegistrySyntax = NewRule("registry/syntax", Error,
		"approvals/registry.yaml cannot be read.",
		"approvals/registry.yaml を読めない。",
		"See the registry format in docs/formats.md.",
		"名簿の書式は docs/formats.md を参照する。")
	RuleRegistryEmpty = NewRule("registry/empty", Error,
		"The registry has no committee or no member: nobody can approve.",
		"名簿に委員会又は構成員がいない。誰も承認できない。",
		"Add the members with their SSH public keys and the committees with their quorums.",
		"構成員とその SSH 公開鍵、委員会とその定足数を書く。")
	RuleRegistryMember = NewRule("registry/member", Error,
		"A member id is invalid or listed twice.",
		"構成員の id が正しくない、又は二度書かれている。",
		"Use lower-case ids and list each member once.",
		"英小文字の id を使い、各構成員を一度だけ書く。")
	RuleRegistryKey = NewRule("registry/key", Error,
		"A key does not parse, is of a type approvals do not accept, is too short, is listed twice, or a member has no key yet.",
		"鍵が読めない、承認に使えない種類、短すぎる、二度書かれている、又は構成員にまだ鍵がない。",
		"Use ed25519, sk-ed25519, ECDSA or RSA (2048 bits or more) public keys, each belonging to one member.",
		"ed25519、sk-ed25519、ECDSA、RSA（2048ビット以上）の公開鍵を、構成員ごとに別々に使う。")
	RuleRegistryCommittee = NewRule("registry/committee", Error,
		"A committee id is invalid or repeated, or lists an unknown member or a member twice.",
		"委員会の id が正しくない・重複している、又は名簿にない構成員や同じ構成員を二度並べている。",
		"Fix the committee's members: every id must be under members.",
		"委員会の構成員を直す。すべての id が members にあること。")
	RuleRegistryQuorum = NewRule("registry/quorum", Error,
		"A committee's quorum is below 1 or larger than the committee.",
		"委員会の定足数が1未満、又は構成員の数より多い。",
		"Set quorum to the number of members whose approval adopts a document, at least 1.",
		"定足数（quorum）を、文書を採択するのに必要な承認の数（1以上）にする。")
	RuleAllowedSigners = NewRule("approvals/allowed-signers", Error,
		"approvals/allowed_signers is missing or does not match the registry.",
		"approvals/allowed_signers がない、又は名簿と合っていない。",
		"Never edit it by hand: policyctl signers writes it from the registry.",
		"手で編集しない。policyctl signers が名簿から書き出す。")
	RuleVisibilityUnknownLevel = NewRule("visibility/unknown-level", Error,
		"A ::: block or {visibility=…} names a level that is not configured; the part is treated as the most restricted.",
		"::: の区画や {visibility=…} が設定にない区分を指定している。その部分は最も制限の強い区分として扱う。",
		"Use a level listed under visibility in policyctl.yaml.",
		"policyctl.yaml の visibility にある区分を使う。")
	RuleVisibilityUnclosed = NewRule("visibility/unclosed", Error,
		"A ::: block is never closed; everything to the end of its container is restricted.",
		"::: の区画が閉じられていない。その容れ物の終わりまですべてが非公開になる。",
		`Close the block with a line ":::".`,
		"「:::」の行で区画を閉じる。")
	RuleVisibilityWiden = NewRule("visibility/widen", Warning,
		"A part is less restricted than the document or section around it, which has no effect.",
		"部分の公開範囲が、それを含む文書や節より広い。効果はない。",
		"A part can only be more restricted than what contains it.",
		"部分は、それを含むものより狭くしかできない。")
	RuleVisibilityPlacement = NewRule("visibility/placement", Error,
		"{visibility=…} on a heading inside a list or quote has no clear end; the whole block is restricted.",
		"箇条書きや引用の中の見出しの {visibility=…} は終わりが決まらない。その塊全体が非公開になる。",
		"Put the heading at the top level, or wrap the part in a ::: block.",
		"見出しを最上位に置くか、部分を ::: の区画で囲む。")
	RuleVisibilityMarker = NewRule("visibility/marker", Error,
		"Something looks like a visibility marker (a ::: fence, a heading attribute block, raw HTML naming a level, another dialect's attribute list, alert, admonition or comment naming a level) but is not exactly one; it would be published as text and the part left unrestricted.",
		"公開範囲の指定（::: の線、見出しの属性、区分名を含む HTML、区分名を含む別の方言の属性リスト・アラート・注記ブロック・コメント）に似ているが、正確な指定ではない。文字として公開され、その部分は制限されない。",
		`Write the marker exactly: a line "::: LEVEL" … ":::", or {visibility=LEVEL} last on a heading line.`,
		"指定を正確に書く: 「::: 区分」…「:::」の行、又は見出し行の末尾の {visibility=区分}。")
	RuleVisibilityLeak = NewRule("visibility/leak", Error,
		"Less restricted text links to, cites or quotes the title of more restricted content (in prose, code, a link's or image's title or destination, or a reference definition).",
		"公開範囲の広い文章が、より制限された内容にリンクし、それを参照し、又はその題名を引用している（本文、コード、リンクや画像の title・URL、参照定義のいずれでも）。",
		"The less restricted edition would reveal what the restricted part is; remove the link or citation, or restrict the text.",
		"広い版で非公開部分の存在や内容が分かってしまう。リンクや引用を削るか、その文章も制限する。")
	RuleLinkUnsafe = NewRule("link/unsafe", Error,
		"A link names something an edition must never contain: a symbolic link, a hidden file or .git, policyctl's own records, a Markdown file that is not a document, or a document as an image.",
		"版に決して含めてはならないものへのリンク: シンボリックリンク、隠しファイルや .git、policyctl の記録、文書でない Markdown、画像としての文書。",
		"Link to a regular file or a document inside the repository.",
		"リポジトリの中の通常のファイルか文書にリンクする。")
	RuleLinkCase = NewRule("link/case", Error,
		"A link names a file whose name differs from the link in case or Unicode normalisation.",
		"リンク先のファイル名が、大文字・小文字や Unicode の正規化だけ違う。",
		"Write the name exactly as the file is named.",
		"ファイル名をそのとおりに書く。")
	RuleFilesCollision = NewRule("files/collision", Error,
		"Two repository paths differ only in case or Unicode normalisation; on macOS or Windows they are one file.",
		"二つのパスが大文字・小文字や Unicode の正規化だけ違う。macOS や Windows では同じファイルになる。",
		"Rename one of them.",
		"どちらかの名前を変える。")
	RuleFilesSymlink = NewRule("files/symlink", Error,
		"A document (a file the documents glob matches) is a symbolic link, lies in a linked folder, is not a regular file, or is not listed under its name: in the working tree it would be read through the link, from wherever it points, while git stores only the link's text.",
		"文書（documents に当てはまるファイル）がシンボリックリンクであるか、リンクされたフォルダの中にあるか、通常のファイルでないか、その名前のとおりにはフォルダの一覧にない。作業ツリーではリンク先（リポジトリの外のこともある）が読まれ、git にはリンクの文字列しか記録されない。",
		"Replace the link by the file itself, and commit the file.",
		"リンクをファイルそのものに置き換えてコミットする。")
	RuleLinkBrokenFile = NewRule("link/broken-file", Error,
		"A link or image points to a file that does not exist, or outside the repository.",
		"リンクや画像が存在しないファイル、又はリポジトリの外を指している。",
		"Paths are relative to the linking document; check the path.",
		"パスはリンクを書いた文書からの相対パス。パスを確かめる。")
	RuleLinkBrokenAnchor = NewRule("link/broken-anchor", Error,
		"A link's #fragment names no section of the target document.",
		"リンクの #以降が、リンク先の文書のどの節も指していない。",
		"Heading IDs are the explicit {#id} or GitHub's: lower-case, punctuation dropped, spaces to -.",
		"見出しの ID は明示した {#id} か GitHub の規則（小文字、句読点を除く、空白は -）。")
	RuleRefUnresolved = NewRule("ref/unresolved", Error,
		"A textual reference (上記3, 前項, 第5条第2項, 基本方針6(3)) resolves to nothing.",
		"文中の参照（上記3、前項、第5条第2項、基本方針6(3)）がどこも指していない。",
		"Check the number; if its target was renumbered or removed, update the reference.",
		"番号を確かめる。参照先の番号が変わったか削られたなら、参照を直す。")
	RuleRefAmbiguous = NewRule("ref/ambiguous", Error,
		"A reference to another document could mean more than one document.",
		"他の文書への参照が、二つ以上の文書を指しうる。",
		"Cite the document by its title, or link it.",
		"文書を題名で引用するか、リンクする。")
	RuleRefDirection = NewRule("ref/direction", Error,
		"上記 or 前記 points below the reference, or 下記 or 後記 above it.",
		"上記・前記が参照より下を、又は下記・後記が上を指している。",
		"Write 上記/前記 for a section above and 下記/後記 for one below, or check the number.",
		"上にある節には上記・前記、下にある節には下記・後記を使う。又は番号を確かめる。")
	RuleRefMismatch = NewRule("ref/mismatch", Error,
		"A reference resolves, but the words after it (「上記3の脅威」) name another section, as after a renumbering.",
		"参照先はあるが、続く語句（「上記3の脅威」）が別の節を指している。番号の付け直しの後によく起きる。",
		"Point the reference at the section the text means; the hint suggests one.",
		"文章が意図する節を指すように参照を直す。ヒントに候補を示す。")
	RuleRefRenumbered = NewRule("ref/renumbered", Error,
		"A reference reads as it did in the revision approved last — in force or scheduled — (or --against REV), but a renumbering made it point at another provision, or at none (then it is reported here only, not as ref/unresolved too).",
		"参照の文言は最後に承認された版（施行中又は施行予定。--against の版）と同じだが、番号の付け直しで別の規定を指すようになった、又はどこも指さなくなった（後者は ref/unresolved としては重ねて報告しない。）。",
		"Write the number the hint gives, so that the reference keeps its target (policyctl fix does it); if its target was removed, rewrite the sentence.",
		"参照先が変わらないよう、ヒントの番号に改める（policyctl fix で直せます）。参照先が削られたなら文を書き直す。")
	RuleRefSelf = NewRule("ref/self", Error,
		"A reference names the provision it stands in (上記10 inside 10, 第5条 inside 第5条).",
		"参照が、それ自身を含む規定を番号で指している（10の中の上記10、第5条の中の第5条）。",
		"A provision does not cite itself by number: write この条, この項 or この号 (in an outline's 1. or (1), leave the number out), or check the number — it may have been renumbered.",
		"規定は自分を番号で引用しない。「この条」「この項」「この号」と書く（1.や(1)の項目では番号を書かない。）か、番号を確かめる（付け直されたのかもしれない）。")
	RuleRefNumber = NewRule("ref/number", Error,
		"A reference carries a number no provision can have: 0 (第0条) or an absurd one (上記99999999999999999999).",
		"参照の番号が、どの規定にもあり得ない番号（第0条、上記99999999999999999999 など）。",
		"Write the number of the provision you mean.",
		"意図する規定の番号を書く。")
	RuleRefDeleted = NewRule("ref/deleted", Error,
		"A reference names a provision that was deleted (第2条　削除): it cites words that are no longer there.",
		"参照が削除された規定（第2条　削除）を指している。もう存在しない文言を引用している。",
		"Cite the provision that now holds what is meant, or rewrite the sentence; a 削除 placeholder only keeps the numbers of the provisions after it.",
		"意図する内容を今定めている規定を引用するか、文を書き直す。「削除」は後の規定の番号を保つためだけにある。")
	RuleRefForm = NewRule("ref/form", Warning,
		"A reference is not written in the form 法制執務 cites a provision in: 第1条第1項 of an article that has one 項 (cite 第1条), or 第2条第2号 of an article that has more than one 項 (cite 第2条第1項第2号).",
		"参照の書き方が法制執務の引用の形と違う。項が一つだけの条を第1条第1項と書いている（第1条と書く）、又は項が二つ以上ある条の号を第2条第2号と書いている（第2条第1項第2号と書く）。",
		"Write 第1条 for an article of one 項; for a 号 of an article with several 項, name the 項 (第2条第1項第2号) — or check whether 第2条第2項 was meant.",
		"項が一つの条は第1条と書く。項が二つ以上ある条の号は、項を付けて第2条第1項第2号と書く。第2条第2項のことでないかも確かめる。")
	RuleNumberingAmbiguous = NewRule("numbering/ambiguous", Warning,
		"A line inside a paragraph starts with a number that may open a provision (2, (1), 一, イ) or may continue the text; it is read as text.",
		"段落の中の行が、規定の始まり（2、(1)、一、イ）とも本文の続きとも読める番号で始まる。本文として読む。",
		"To open a provision, put a blank line before the line and a space after the number; otherwise rewrap so that the line does not start with a number.",
		"規定を始めるなら、その行の前に空行を、番号の後に空白を入れる。そうでなければ、行が番号で始まらないように折り返す。")
	RuleTermScope = NewRule("term/scope", Warning,
		"A defined term (定義語) is used outside the part its definition covers (以下この条において「委員会」という。).",
		"定義語が、定義の及ぶ範囲（以下この条において「委員会」という。）の外で使われている。",
		"Outside its scope the word is not the defined term: write what it means there, or widen the definition (以下同じ。).",
		"範囲の外ではその語は定義語ではない。そこでの意味を書くか、定義の範囲を広げる（以下同じ。）。")
	RuleTermBeforeDefinition = NewRule("term/before-definition", Warning,
		"A term is used before its definition (以下「職員等」という。): a reader meets the word before its meaning.",
		"定義語が、その定義（以下「職員等」という。）より前で使われている。読み手は意味より先に語に出会う。",
		"Define a term where it is first used: move the definition there, or write the words it stands for.",
		"定義語は最初に使う箇所で定義する。定義をそこへ移すか、定義語が表す語句を書く。")
	RuleTermUnused = NewRule("term/unused", Warning,
		"A term is defined but never used.",
		"定義した語が一度も使われていない。",
		"Remove the definition, or use the term where its meaning is meant.",
		"定義を削るか、その意味の箇所で定義語を使う。")
	RuleNumberingGap = NewRule("numbering/gap", Warning,
		"A sequence of sibling sections skips a number or does not start at 1.",
		"同じ階層の節の番号が飛んでいる、又は1から始まらない。",
		"Renumber the sequence and update the references to the renumbered sections; policyctl renumber does both.",
		"番号を振り直し、番号の変わった節への参照も直す（policyctl renumber で両方できます）。")
	RuleNumberingDuplicate = NewRule("numbering/duplicate", Warning,
		"Two sibling sections have the same number.",
		"同じ階層の二つの節が同じ番号を持つ。",
		"Renumber the sections that follow, and the references to them; policyctl renumber does both.",
		"後に続く節の番号と、それらへの参照を直す（policyctl renumber で両方できます）。")
	RuleNumberingLevel = NewRule("numbering/level", Warning,
		"Headings of one numbering style sit at different heading levels.",
		"同じ種類の番号の見出しが、違う見出しレベル（# の数）に置かれている。",
		"Use the same number of # for the sections of one numbering style.",
		"同じ種類の番号の節には、同じ数の # を使う。")
	RuleNumberingStyle = NewRule("numbering/style", Warning,
		"A number of a provision or a reference is written otherwise than policyctl.yaml's style asks: full-width where half-width is asked (第５条, （１）), arabic where kanji is (第12条), or the reverse.",
		"条項の番号や参照の数字が、policyctl.yaml の style の書き方と違う（半角のところを全角で 第５条・（１）、漢数字のところを算用数字で 第12条 など）。",
		"Run policyctl fix, which rewrites them; or set style.digits, style.clauses and style.articles in policyctl.yaml to how the policy writes its numbers (any: as written).",
		"policyctl fix で書き直す。又は policyctl.yaml の style.digits、style.clauses 及び style.articles を、このポリシーの数字の書き方に合わせる（any: 書いたとおり）。")
)
