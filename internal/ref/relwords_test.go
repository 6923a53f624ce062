package ref

import (
	"reflect"
	"testing"
)

// readRelativeLinear is readRelative as it was, trying every relative
// word in turn: the index by first characters must read what it reads.
func readRelativeLinear(text string, i int) (link, bool) {
	return readRelativeFrom(relWords, text, i)
}

func TestReadRelativeIndexed(t *testing.T) {
	var texts []string
	for _, w := range relWords {
		for _, after := range []string{"", "の規定", "件", "例", "に", "各号", "２"} {
			texts = append(texts, w.word+after, "は"+w.word+after, w.word[:len(w.word)-1]+after)
		}
	}
	texts = append(texts, "", "前", "本", "こ", "同じ", "次に", "前々", "前前年", "各号列記")
	for _, text := range texts {
		for i := range text {
			got, gok := readRelative(text, i)
			want, wok := readRelativeLinear(text, i)
			if !reflect.DeepEqual(got, want) || gok != wok {
				t.Fatalf("readRelative(%q, %d) = %v, %v; the linear reading gives %v, %v", text, i, got, gok, want, wok)
			}
		}
	}
}

func FuzzReadRelative(f *testing.F) {
	for _, s := range []string{"前条の規定", "前二項", "前２号に", "本表示", "同条件", "次の各号", "この章"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for i := range text {
			got, gok := readRelative(text, i)
			want, wok := readRelativeLinear(text, i)
			if !reflect.DeepEqual(got, want) || gok != wok {
				t.Fatalf("readRelative(%q, %d) = %v, %v; the linear reading gives %v, %v", text, i, got, gok, want, wok)
			}
		}
	})
}
