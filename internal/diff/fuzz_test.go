package diff

import (
	"testing"
)

// FuzzWords: for any two texts, applying the ops to the old text gives the
// new text exactly.
func FuzzWords(f *testing.F) {
	f.Add("手数料は500円とする。", "手数料は800円とする。")
	f.Add("宇宙線の観測", "宇宙線観測")
	f.Add("第10条第1項の規定による。\n2　前項の規定", "第12条第1項の規定による。\n3　前二項の規定")
	f.Add("令和6年4月1日から施行する。", "令和8年3月31日から施行し、同日以後に適用する。")
	f.Add("サーバを管理する、", "サーバーを、管理する")
	f.Fuzz(func(t *testing.T, old, new string) {
		ops, _ := Words(old, new)
		got, ok := Apply(old, ops)
		if !ok || got != new {
			t.Fatalf("ops %+v turn %q into %q, want %q", ops, old, got, new)
		}
	})
}

// FuzzCompare: random edits of a Japanese document never panic, and every
// row's ops turn its old text into its new text.
func FuzzCompare(f *testing.F) {
	f.Add("## 1. 目的\n\n目的。\n\n## 2. 脅威\n\n(1) 甲\n\n(2) 乙\n", "## 1. 目的\n\n目的を定める。\n\n## 2. 新設\n\n## 3. 脅威\n\n(1) 甲\n")
	f.Add("第1条　定める。\n\n2　前項による。\n", "（目的）\n第1条　改める。\n\n2　前項及び第3条による。\n\n3　削る。\n")
	f.Fuzz(func(t *testing.T, old, new string) {
		r := Compare(model(t, map[string]string{"policy/d.md": doc(old)}), model(t, map[string]string{"policy/d.md": doc(new)}), Options{})
		for _, d := range r.Documents {
			for _, s := range d.Sections {
				if got, ok := Apply(s.OldText, s.Ops); !ok || got != s.NewText {
					t.Fatalf("section %q: ops do not turn old into new", s.New)
				}
			}
		}
	})
}
