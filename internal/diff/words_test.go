package diff

import (
	"strings"
	"testing"
)

// marked writes ops as text with [-deleted-] and {+inserted+}.
func marked(ops []Op) string {
	var b strings.Builder
	for _, o := range ops {
		switch o.Op {
		case "equal":
			b.WriteString(o.Text)
		case "delete":
			b.WriteString("[-" + o.Text + "-]")
		case "insert":
			b.WriteString("{+" + o.Text + "+}")
		}
	}
	return b.String()
}

func TestWordsUnits(t *testing.T) {
	tests := []struct{ name, old, new, want string }{
		{"a number with its unit", "手数料は500円とする。", "手数料は800円とする。", "手数料は[-500円-]{+800円+}とする。"},
		{"digits of different length", "パスワードは、8文字以上とし、", "パスワードは、12文字以上とし、", "パスワードは、[-8文字-]{+12文字+}以上とし、"},
		{"a period", "記録は、6か月間保存する。", "記録は、1年間保存する。", "記録は、[-6か月間-]{+1年間+}保存する。"},
		{"a date", "この基準は、令和6年4月1日から施行する。", "この基準は、令和8年3月31日から施行する。", "この基準は、[-令和6年4月1日-]{+令和8年3月31日+}から施行する。"},
		{"a reference", "第10条第1項の規定による。", "第12条第1項の規定による。", "[-第10条第1項-]{+第12条第1項+}の規定による。"},
		{"a kanji word with its okurigana", "責任者が定める。", "責任者が定めた。", "責任者が[-定める-]{+定めた+}。"},
		{"a katakana word", "サーバを管理する。", "サーバーを管理する。", "[-サーバ-]{+サーバー+}を管理する。"},
		{"an ASCII word", "LGWAN に接続する。", "LGWAN-ASP に接続する。", "[-LGWAN-]{+LGWAN-ASP+} に接続する。"},
		{"a true minimal change stays minimal", "宇宙線の観測", "宇宙線観測", "宇宙線[-の-]観測"},
		{"a whole word", "情報資産を管理する。", "情報資産を適切に管理する。", "情報資産を{+適切に+}管理する。"},
		{"a 読点 goes with its word", "変更し、報告する。", "修正し、報告する。", "[-変更し、-]{+修正し、+}報告する。"},
		{"okurigana end before a formal noun", "身分証明書を携帯することとする。", "身分証明書を着用することとする。", "身分証明書を[-携帯する-]{+着用する+}こととする。"},
		{"a citation inside a kanji run", "対策基準第3条に従う。", "対策基準第4条に従う。", "対策基準[-第3条-]{+第4条+}に従う。"},
		{"lines first", "一行目\n二行目は同じ\n三行目", "一行目\n二行目は同じ\n三行目を改める", "一行目\n二行目は同じ\n三行目{+を改める+}"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ops, coarse := Words(tt.old, tt.new)
			if coarse {
				t.Fatal("coarse")
			}
			if got := marked(ops); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
			if got, ok := Apply(tt.old, ops); !ok || got != tt.new {
				t.Errorf("applying the ops gives %q, %v", got, ok)
			}
		})
	}
}

func TestWordsCoarse(t *testing.T) {
	ops, coarse := Words("a\xffb", "abc")
	if !coarse || marked(ops) != "[-a\xffb-]{+abc+}" {
		t.Errorf("invalid UTF-8: %s %v", marked(ops), coarse)
	}
}
