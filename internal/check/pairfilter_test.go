package check

import "testing"

// FuzzPairFilter: wherever a title starts, the filter says it may — for
// keys of one character, of two, and of bytes that are not UTF-8; a key it
// was never given passes only where its bits collide with one it was.
func FuzzPairFilter(f *testing.F) {
	for _, s := range [][2]string{{"緊急連絡網", "の運用"}, {"監視", ""}, {"あ", "い"}, {"\xff\xfe", "x"}, {"ab", "c"}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, title, after string) {
		var pf pairFilter
		pf.add(firstRunes(title, 2))
		if text := title + after; firstRunes(text, 2) == firstRunes(title, 2) && !pf.mayStart(text) {
			t.Fatalf("the filter given %+q says no title starts %+q", title, text)
		}
	})
}

func TestPairFilterPassesOver(t *testing.T) {
	var pf pairFilter
	pf.add(firstRunes("緊急連絡網", 2))
	if !pf.mayStart("緊急連絡網を整備する") {
		t.Error("the title's own start is passed over")
	}
	passed := 0
	for _, s := range []string{"情報資産", "職員は", "委託先", "端末を", "記録媒体"} {
		if !pf.mayStart(s) {
			passed++
		}
	}
	if passed == 0 {
		t.Error("the filter passes over nothing")
	}
	if pf.mayStart("緊") {
		t.Error("one character left cannot start a key of two")
	}
	pf.add("緊")
	if !pf.mayStart("緊") {
		t.Error("a key of one character is passed over")
	}
}
