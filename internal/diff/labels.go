package diff

import (
	"fmt"
	"reflect"
	"regexp"
	"strings"

	"github.com/policyctl/policyctl/internal/wareki"
)

// Labels are the words a 新旧対照表 prints around the provisions. They are
// kept in one table keyed by language so that the message catalogue can
// take them over: Japanese by default, English only when asked for.
type Labels struct {
	New, Old, Notes      string // column headings
	Document             string // the document column of a workbook
	Sheet                string // the workbook's sheet
	Title                string // %s: the policy's title
	Draft                string // the new side when it is the working tree
	DraftOf              string // %s: a new side that is no revision (a commit, a branch)
	Kind                 string // the kind of a revision when none is known
	Against              string // %s: the old revision, under the title
	AgainstOther         string // %s: an old side that is no revision (a commit, a branch)
	Legend               string // what marked text means (underline)
	LegendBrackets       string // … when marks are brackets
	Omitted              string // an unchanged provision: 第2条　（略）
	OmittedSep           string // between a number and Omitted
	And, From, To        string // 2及び3, 2から5まで
	Created, Removed     string // the empty side of an added or a removed provision
	DocAdded, DocDeleted string // after a document's title
	DocMoved             string
	NoChanges            string
	NoteAdded            string // 備考: words added
	NoteChanged          string // 備考: words changed
	NoteDeleted          string // 備考: words or a provision deleted
	NoteNew              string // 備考: a provision added
	NoteMoved            string // 備考: a provision moved
	NoteCoarse           string // 備考: too large to mark word by word
	BrokenHeading        string
	BrokenRemoved        string // %[1]s reference, %[2]s target
	BrokenNowPoints      string // %[1]s reference, %[2]s target, %[3]s new number, %[4]s new target
	BrokenUnresolved     string // %[1]s reference, %[2]s target, %[3]s new number
	BrokenNowAt          string // %s: the new target, after BrokenRemoved
	BrokenWrite          string // %s: the reference as it should now be written
	Page                 string // the page number in a printed page's footer
	WrongOrder           string // %[1]s OLD, %[2]s NEW
	Restricted           string // before the title of a table that holds non-public text
}

var labels = map[string]*Labels{
	"ja": {
		New: "改正後", Old: "改正前", Notes: "備考", Document: "文書", Sheet: "新旧対照表",
		Title:          "%s新旧対照表",
		Draft:          "改正案",
		DraftOf:        "改正案：%s",
		Kind:           "改正",
		Against:        "（改正前：%s施行の版）",
		AgainstOther:   "（改正前：%s の内容）",
		Legend:         "（傍線部分は改正部分）",
		LegendBrackets: "（【】内は改正部分）",
		Omitted:        "（略）", OmittedSep: "　",
		And: "及び", From: "から", To: "まで",
		Created: "（新設）", Removed: "（削る）",
		DocAdded: "（新設）", DocDeleted: "（廃止）", DocMoved: "（移動）",
		NoChanges:        "改正部分はありません。",
		NoteAdded:        "追加",
		NoteChanged:      "変更",
		NoteDeleted:      "削除",
		NoteNew:          "新設",
		NoteMoved:        "移動",
		NoteCoarse:       "変更（改正部分が大きいため、全体に傍線を付している。）",
		BrokenHeading:    "番号の変更により参照先が変わる箇所",
		BrokenRemoved:    "「%[1]s」が指していた「%[2]s」は、この改正で削られる。",
		BrokenNowAt:      "現在は「%s」を指す。",
		BrokenWrite:      "「%s」と改める。",
		BrokenNowPoints:  "「%[1]s」が指していた「%[2]s」は%[3]sとなり、「%[1]s」は現在「%[4]s」を指す。",
		BrokenUnresolved: "「%[1]s」が指していた「%[2]s」は%[3]sとなり、「%[1]s」はどこも指さなくなる。",
		Page:             "%d / %d ページ",
		Restricted:       "【庁内限り】",
		WrongOrder:       "警告: 改正前に指定した %[1]s は、改正後に指定した %[2]s より新しい版です。新旧対照表は指定どおりに作りましたが、改正前と改正後が逆になっています。「policyctl diff %[2]s %[1]s」のように、改正前、改正後の順に指定してください。",
	},
	"en": {
		New: "New", Old: "Old", Notes: "Notes", Document: "Document", Sheet: "Comparison",
		Title:          "%s: comparison of old and new text",
		Draft:          "Draft amendment",
		DraftOf:        "Draft amendment: %s",
		Kind:           "Amendment",
		Against:        " (old text: in force from %s)",
		AgainstOther:   " (old text: %s)",
		Legend:         "(amended parts are underlined)",
		LegendBrackets: "(amended parts are in 【】)",
		Omitted:        "(omitted)", OmittedSep: " ",
		And: " and ", From: " to ", To: "",
		Created: "(new)", Removed: "(deleted)",
		DocAdded: " (new)", DocDeleted: " (repealed)", DocMoved: " (moved)",
		NoChanges:        "No amendments.",
		NoteAdded:        "added",
		NoteChanged:      "changed",
		NoteDeleted:      "deleted",
		NoteNew:          "new",
		NoteMoved:        "moved",
		NoteCoarse:       "changed (too large to mark word by word; underlined whole)",
		BrokenHeading:    "References whose target a renumbering changes",
		BrokenRemoved:    "%[1]s pointed at %[2]s, which this amendment removes.",
		BrokenNowAt:      " It now points at %s.",
		BrokenWrite:      " Write %s.",
		BrokenNowPoints:  "%[1]s pointed at %[2]s, now numbered %[3]s; %[1]s now points at %[4]s.",
		BrokenUnresolved: "%[1]s pointed at %[2]s, now numbered %[3]s; %[1]s no longer resolves.",
		Page:             "page %d of %d",
		Restricted:       "[internal: not for publication] ",
		WrongOrder:       "warning: OLD (%[1]s) is newer than NEW (%[2]s); the table was made as asked, so old and new are swapped. Give the revisions as OLD NEW: policyctl diff %[2]s %[1]s",
	},
}

// Words are the texts the labels write themselves: each label, split
// where a value is put in. The tripwire takes them, and their joins to
// the titles an edition shows (第2条　（略） beside a title in a workbook),
// for the table's own words, not restricted text.
func (l *Labels) Words() []string {
	v := reflect.ValueOf(*l)
	var out []string
	for i := range v.NumField() {
		for _, w := range verbRE.Split(v.Field(i).String(), -1) {
			if w = strings.TrimSpace(w); w != "" {
				out = append(out, w)
			}
		}
	}
	return out
}

var verbRE = regexp.MustCompile(`%(\[\d+\])?[a-z]`)

// LabelsFor returns the labels of a language, Japanese when it has none.
func LabelsFor(lang string) *Labels {
	if l, ok := labels[strings.ToLower(lang)]; ok {
		return l
	}
	return labels["ja"]
}

// revisionName names the new revision for a title: 「令和8年3月31日改訂」
// when its label begins with a revision id (a date), the working tree as
// 「改正案」, anything else (a commit, a branch) as a draft that names it:
// 「改正案：HEAD (0c33803)」.
func revisionName(label, kind string, l *Labels) string {
	if label == "" || strings.HasPrefix(label, "作業中") {
		return l.Draft
	}
	if kind == "" {
		kind = l.Kind
	}
	if d, ok := revisionDate(label, l); ok {
		return d + kind
	}
	// A commit or a branch that is no revision is, to a committee, a draft.
	return fmt.Sprintf(l.DraftOf, label)
}

// revisionDate writes the date a revision label begins with in 和暦
// (令和6年4月1日), or in ISO form for English.
func revisionDate(label string, l *Labels) (string, bool) {
	if len(label) < 10 {
		return "", false
	}
	y, m, d, err := wareki.ParseISO(label[:10])
	if err != nil {
		return "", false
	}
	w, err := wareki.Of(y, m, d)
	if err != nil {
		return "", false
	}
	if l == labels["en"] {
		return label[:10] + " ", true
	}
	return w.String(), true
}

// against names the old side under the title: a revision by the day it
// took effect (施行の版), anything else — a commit, a branch — by its name
// alone, never as a version that was in force.
func against(label string, l *Labels) string {
	if d, ok := revisionDate(label, l); ok {
		return fmt.Sprintf(l.Against, strings.TrimSpace(d))
	}
	return fmt.Sprintf(l.AgainstOther, label)
}
