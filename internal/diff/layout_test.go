package diff

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/mattn/go-runewidth"

	"github.com/policyctl/policyctl/internal/policy"
)

// noLineStart are characters 禁則処理 keeps from beginning a line.
const noLineStart = "、。，．）」』】〕・ー！？ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ"

func TestKinsoku(t *testing.T) {
	// A width that would put 、 or 。 or a small kana at the start of a
	// line if lines were cut by width alone.
	text := "情報システムの利用記録は、一年間保存する。パスワードは、十二文字以上とし、他のサービスと同じものを使わない。ファイルサーバーのアクセス権は、ちょっと見直す。"
	for width := 6; width <= 40; width++ {
		for _, color := range []bool{false, true} {
			lines := wrapLine([]Piece{{Text: text[:len(text)/2]}, {Text: text[len(text)/2:], Marked: true}}, width, color)
			var joined strings.Builder
			for i, l := range lines {
				plain := strings.NewReplacer(underlineOn, "", underlineOff, "", "【", "", "】", "").Replace(l)
				joined.WriteString(plain)
				r, _ := utf8.DecodeRuneInString(plain)
				if i > 0 && strings.ContainsRune(noLineStart, r) {
					t.Errorf("width %d: line %d begins with %q: %q", width, i+1, r, l)
				}
				if w := runewidth.StringWidth(strings.NewReplacer(underlineOn, "", underlineOff, "").Replace(l)); w > width+2 {
					t.Errorf("width %d: line %d is %d wide: %q", width, i+1, w, l)
				}
			}
			if joined.String() != text {
				t.Fatalf("width %d: wrapping lost text: %q", width, joined.String())
			}
		}
	}
}

// TestMovedIsANote: a moved provision is said in the 備考 column, never
// written into its wording.
func TestMovedIsANote(t *testing.T) {
	old := "## 1. 目的\n\n目的。\n\n## 2. 報告\n\n報告する。\n\n## 3. 記録\n\n記録する。\n"
	new := "## 1. 目的\n\n目的。\n\n## 2. 記録\n\n記録する。\n\n## 3. 報告\n\n報告する。\n"
	r := Compare(model(t, map[string]string{"policy/d.md": doc(old)}), model(t, map[string]string{"policy/d.md": doc(new)}), Options{})
	var text, html, md bytes.Buffer
	if err := r.WriteText(&text, TextOptions{Width: 100}); err != nil {
		t.Fatal(err)
	}
	if err := r.WriteHTML(&html, HTMLOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := r.WriteMarkdown(&md, FormatOptions{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text.String(), "│ 備考") || !regexpLine(text.String(), "【3】　（略）", "移動") {
		t.Errorf("no 移動 in a 備考 column:\n%s", text.String())
	}
	if !strings.Contains(html.String(), "<th scope=\"col\">備考</th>") || !strings.Contains(html.String(), "<td>移動</td>") {
		t.Errorf("no 備考 column in HTML:\n%s", html.String())
	}
	for _, out := range []string{text.String(), html.String(), md.String()} {
		if strings.Contains(out, "（移動）") {
			t.Errorf("移動 written as text:\n%s", out)
		}
	}
}

// regexpLine reports whether some line holds both strings.
func regexpLine(s, a, b string) bool {
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, a) && strings.Contains(l, b) {
			return true
		}
	}
	return false
}

// TestLabelsInBothLanguages: every label exists in Japanese and English,
// and English output carries no Japanese label.
func TestLabelsInBothLanguages(t *testing.T) {
	for lang, l := range labels {
		v := reflect.ValueOf(*l)
		for i := 0; i < v.NumField(); i++ {
			if v.Field(i).String() == "" && v.Type().Field(i).Name != "To" {
				t.Errorf("%s: label %s is empty", lang, v.Type().Field(i).Name)
			}
		}
	}
	r := Compare(exampleRevision(t, "2021-10-01"), exampleRevision(t, "2024-04-01"), Options{})
	r.Old, r.New = "2021-10-01", "2024-04-01"
	var b bytes.Buffer
	if err := r.WriteText(&b, TextOptions{Width: 100, Lang: "en", Notes: true}); err != nil {
		t.Fatal(err)
	}
	for _, ja := range []string{"改正後", "改正前", "備考", "（略）", "（新設）", "新旧対照表", "令和"} {
		if strings.Contains(b.String(), ja) {
			t.Errorf("English output holds %s", ja)
		}
	}
}

// TestEnclosingRows: a changed 号 is shown under its article and 項, each
// named as its own （略） row, the way a 新旧対照表 prints an amendment of
// one item: 「第2条　（略）」「２　（略）」「一　（略）」 then the item.
func TestEnclosingRows(t *testing.T) {
	old := "## 第1条（目的）\n\n目的を定める。\n\n## 第2条（管理）\n\n管理者を置く。\n\n２　管理者は、次の事務を行う。\n\n一　台帳の整備\n\n二　点検の実施\n\n## 第3条（報告）\n\n報告する。\n"
	new := strings.Replace(old, "点検の実施", "点検の毎年度の実施", 1)
	r := Compare(model(t, map[string]string{"policy/d.md": doc(old)}), model(t, map[string]string{"policy/d.md": doc(new)}), Options{})
	var rows []string
	for _, row := range r.Layout(FormatOptions{}).Docs[0].Rows {
		var b strings.Builder
		for _, p := range row.Left {
			b.WriteString(p.Text)
		}
		rows = append(rows, b.String())
	}
	want := []string{"第1条　（略）", "第2条　（略）", "２　（略）", "一　（略）", "二　点検の毎年度の実施", "第3条　（略）"}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("rows\n%q\nwant\n%q", rows, want)
	}
}

// TestTextShowsControls: an escape sequence in a document's title or
// wording — a change under review — reaches the terminal as pictures (␛),
// in colour and without; the only escapes written are the underline's.
func TestTextShowsControls(t *testing.T) {
	old := "---\nid: d\ntitle: \"手順\\e]0;PWNED\\a\"\ntier: procedure\nvisibility: public\n---\n## 1. 目的\n\n目的。\n"
	new := "---\nid: d\ntitle: \"手順\\e]0;PWNED\\a\"\ntier: procedure\nvisibility: public\n---\n## 1. 目的\n\n目的\x1b]8;;http://evil\x1b\\リンク\x1b]8;;\x1b\\。" + strings.Repeat("\x1b", 40) + "\n"
	r := Compare(model(t, map[string]string{"policy/d.md": old}), model(t, map[string]string{"policy/d.md": new}), Options{})
	for _, color := range []bool{false, true} {
		var text bytes.Buffer
		if err := r.WriteText(&text, TextOptions{Width: 100, Color: color}); err != nil {
			t.Fatal(err)
		}
		out := strings.NewReplacer(underlineOn, "", underlineOff, "").Replace(text.String())
		if strings.ContainsAny(out, "\x1b\x07") || !strings.Contains(out, "␛]8;;http://evil") || !strings.Contains(out, "手順␛]0;PWNED␇") {
			t.Errorf("color=%v:\n%q", color, out)
		}
		// The pictures are measured as they are shown: the table's
		// columns stay aligned.
		widths := map[int]bool{}
		for _, l := range strings.Split(out, "\n") {
			if strings.Contains(l, "│") {
				before, _, _ := strings.Cut(l, "│")
				widths[runewidth.StringWidth(before)] = true
			}
		}
		if len(widths) != 1 {
			t.Errorf("color=%v: the column rule is at %v:\n%s", color, widths, out)
		}
	}
}

// TestRunOfRanges: a run whose end is a range of its own (第6条から第8条まで
// 削除) is named from its first to its last number, never with a range
// inside a range.
func TestRunOfRanges(t *testing.T) {
	l := LabelsFor("ja")
	sec := func(label string) *Section { return &Section{NewLabel: label, style: policy.StyleArticle} }
	for _, tc := range []struct {
		run  []*Section
		want string
	}{
		{[]*Section{sec("第1条"), sec("第2条"), sec("第6条から第8条まで")}, "第1条から第8条まで　（略）"},
		{[]*Section{sec("第1条"), sec("第2条から第5条まで")}, "第1条から第5条まで　（略）"},
		{[]*Section{sec("第6条から第8条まで"), sec("第9条")}, "第6条から第9条まで　（略）"},
		{[]*Section{sec("第1条"), sec("第2条")}, "第1条及び第2条　（略）"},
	} {
		if got := (Row{Run: tc.run, Elided: true}).Text(l); got != tc.want {
			t.Errorf("got %q, want %q", got, tc.want)
		}
	}
}
