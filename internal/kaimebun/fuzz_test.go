package kaimebun

import (
	"strings"
	"testing"

	"github.com/policyctl/policyctl/internal/diff"
)

// TestOracleCatchesAWrongSentence: the round trip fails when a sentence
// says something else than the change, so a pass means something.
func TestOracleCatchesAWrongSentence(t *testing.T) {
	r := diff.Compare(model(t, map[string]string{"policy/std.md": std(base)}), model(t, map[string]string{"policy/std.md": std(edit(t, "毎年度研修", "年度ごとに研修"))}), diff.Options{})
	var b strings.Builder
	if err := Write(&b, r, Options{}); err != nil {
		t.Fatal(err)
	}
	wrong := strings.Replace(b.String(), "「年度ごとに研修」", "「年度ごとの研修」", 1)
	if wrong == b.String() {
		t.Fatalf("the 改め文 changed its form: %s", b.String())
	}
	ps, _ := Provisions(r.Documents[0], true)
	got, _, err := applyAll(wrong, map[string]*adoc{r.Documents[0].Title: fromProvisions(ps)})
	if err != nil {
		t.Fatal(err)
	}
	news, _ := Provisions(r.Documents[0], false)
	var want []string
	for _, p := range news {
		want = append(want, p.Text())
	}
	if got[r.Documents[0].Title] == strings.Join(want, "\n") {
		t.Fatal("a wrong 改め文 gave the new text")
	}
	if _, _, err := applyAll(strings.Replace(b.String(), "第四条中", "第九条中", 1), map[string]*adoc{r.Documents[0].Title: fromProvisions(ps)}); err == nil {
		t.Fatal("a sentence naming a provision that does not exist applied")
	}
}

// FuzzRoundTrip edits random provisions of a 例規-style document — words
// changed, provisions removed, added, renumbered, captions changed — and
// checks that the 改め文 of the change, applied to the old text, gives the
// new one.
func FuzzRoundTrip(f *testing.F) {
	f.Add([]byte{0, 3, 1, 5, 2, 7})
	f.Add([]byte{3, 2, 4, 9, 5, 1, 0, 0})
	f.Add([]byte{2, 1, 2, 1, 1, 8, 6, 3})
	f.Add([]byte{5, 4, 6, 6, 0, 11})
	f.Fuzz(func(t *testing.T, ops []byte) {
		new := mutate(ops)
		r := diff.Compare(model(t, map[string]string{"policy/std.md": std(base)}), model(t, map[string]string{"policy/std.md": std(new)}), diff.Options{})
		roundTrip(t, r, "2026-04-01")
	})
}

// mutate edits random provisions of base as ops say: words changed,
// provisions removed, articles and 項 added, captions changed, words
// added, numbers changed.
func mutate(ops []byte) string {
	words := []string{"情報政策課長", "職員等", "毎年度", "市長", "情報資産", "研修", "点検", "報告する", "管理する", "定める"}
	paras := strings.Split(strings.TrimSpace(base), "\n\n")
	for i := 0; i+1 < len(ops) && i < 24; i += 2 {
		if len(paras) == 0 {
			break
		}
		op, at := ops[i]%7, int(ops[i+1])%len(paras)
		p := paras[at]
		w := words[int(ops[i+1])%len(words)]
		switch op {
		case 0: // a word replaced
			for _, x := range words {
				if strings.Contains(p, x) && x != w {
					paras[at] = strings.Replace(p, x, w, 1)
					break
				}
			}
		case 1: // a provision removed
			paras = append(paras[:at], paras[at+1:]...)
		case 2: // an article added
			paras = append(paras[:at+1], append([]string{"第" + string(rune('0'+at%10)) + "条の2　" + w + "は、別に定める。"}, paras[at+1:]...)...)
		case 3: // a 項 added
			paras = append(paras[:at+1], append([]string{"2　" + w + "について必要な事項は、別に定める。"}, paras[at+1:]...)...)
		case 4: // a caption changed
			if strings.HasPrefix(p, "（") {
				paras[at] = "（" + w + "）"
			}
		case 5: // words added at the end
			paras[at] = strings.TrimSuffix(p, "。") + "、" + w + "。"
		case 6: // renumbered
			paras[at] = strings.Replace(p, "第", "第1", 1)
		}
	}
	return strings.Join(paras, "\n\n") + "\n"
}
