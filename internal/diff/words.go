package diff

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// Op is one step of turning old text into new: keep, insert or delete.
type Op struct {
	Op   string `json:"op"` // equal, insert, delete
	Text string `json:"text"`
}

// Words diffs two texts the way a review meeting reads them: line by line
// first, then character by character within changed lines, then each
// change widened to the units a reader expects — a number with its unit
// (500円 → 800円), a date, a reference such as 第10条第1項, a kanji word
// with its okurigana, a katakana word, an ASCII word, a 読点 with its word.
// A change that is already a whole unit stays as it is: 宇宙線の観測 →
// 宇宙線観測 marks only 「の」.
//
// The work is bounded by a count of steps (maxWork), never by a clock, so
// the same texts give the same ops on any machine. coarse is true when the
// texts are not valid UTF-8 or the line diff needs more than the bound:
// then the ops delete all of old and insert all of new. A run of changed
// lines too costly to diff character by character stays whole, and coarse
// is set too.
func Words(old, new string) (ops []Op, coarse bool) {
	if old == new {
		if old == "" {
			return nil, false
		}
		return []Op{{"equal", old}}, false
	}
	if !utf8.ValidString(old) || !utf8.ValidString(new) {
		return coarseOps(old, new), true
	}
	budget := maxWork
	ol, nl := splitLines(old), splitLines(new)
	ids := map[string]uint32{}
	id := func(lines []string) []uint32 {
		out := make([]uint32, len(lines))
		for i, l := range lines {
			v, ok := ids[l]
			if !ok {
				v = uint32(len(ids))
				ids[l] = v
			}
			out[i] = v
		}
		return out
	}
	script, ok := myers(id(ol), id(nl), &budget)
	if !ok {
		return coarseOps(old, new), true
	}
	dmp := diffmatchpatch.New()
	var out []diffmatchpatch.Diff
	i, j := 0, 0
	for x := 0; x < len(script); x++ {
		r := script[x]
		if r.op == '=' {
			out = append(out, diffmatchpatch.Diff{Type: diffmatchpatch.DiffEqual, Text: strings.Join(ol[i:i+r.n], "")})
			i += r.n
			j += r.n
			continue
		}
		// A run of changed lines: what it deletes and what it inserts.
		var del, ins string
		for ; x < len(script) && script[x].op != '='; x++ {
			if script[x].op == '-' {
				del += strings.Join(ol[i:i+script[x].n], "")
				i += script[x].n
			} else {
				ins += strings.Join(nl[j:j+script[x].n], "")
				j += script[x].n
			}
		}
		x--
		out = append(out, chars(dmp, del, ins, &budget, &coarse)...)
	}
	return widen(normalize(out)), coarse
}

// chars diffs a run of changed lines character by character, or leaves
// it whole when the budget is spent.
func chars(dmp *diffmatchpatch.DiffMatchPatch, del, ins string, budget *int, coarse *bool) []diffmatchpatch.Diff {
	whole := func() []diffmatchpatch.Diff {
		var ds []diffmatchpatch.Diff
		if del != "" {
			ds = append(ds, diffmatchpatch.Diff{Type: diffmatchpatch.DiffDelete, Text: del})
		}
		if ins != "" {
			ds = append(ds, diffmatchpatch.Diff{Type: diffmatchpatch.DiffInsert, Text: ins})
		}
		return ds
	}
	if del == "" || ins == "" {
		return whole()
	}
	a, b := []rune(del), []rune(ins)
	script, ok := myers(a, b, budget)
	if !ok {
		*coarse = true
		return whole()
	}
	var ds []diffmatchpatch.Diff
	i, j := 0, 0
	for _, r := range script {
		switch r.op {
		case '=':
			ds = append(ds, diffmatchpatch.Diff{Type: diffmatchpatch.DiffEqual, Text: string(a[i : i+r.n])})
			i += r.n
			j += r.n
		case '-':
			ds = append(ds, diffmatchpatch.Diff{Type: diffmatchpatch.DiffDelete, Text: string(a[i : i+r.n])})
			i += r.n
		case '+':
			ds = append(ds, diffmatchpatch.Diff{Type: diffmatchpatch.DiffInsert, Text: string(b[j : j+r.n])})
			j += r.n
		}
	}
	return dmp.DiffCleanupSemantic(ds)
}

// splitLines cuts text into lines, each with its newline.
func splitLines(s string) []string {
	var out []string
	for s != "" {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			out = append(out, s)
			break
		}
		out = append(out, s[:i+1])
		s = s[i+1:]
	}
	return out
}

func coarseOps(old, new string) []Op {
	var ops []Op
	if old != "" {
		ops = append(ops, Op{"delete", old})
	}
	if new != "" {
		ops = append(ops, Op{"insert", new})
	}
	return ops
}

// hunk is a change between two equal runs: what it deletes and inserts.
type hunk struct {
	del, ins string
}

// normalize turns diffs into alternating equal runs and hunks:
// equal, hunk, equal, hunk, …, equal (runs may be empty).
func normalize(ds []diffmatchpatch.Diff) (equals []string, hunks []hunk) {
	equals = []string{""}
	inHunk := false
	for _, d := range ds {
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			if inHunk {
				equals = append(equals, "")
				inHunk = false
			}
			equals[len(equals)-1] += d.Text
		default:
			if !inHunk {
				hunks = append(hunks, hunk{})
				inHunk = true
			}
			h := &hunks[len(hunks)-1]
			if d.Type == diffmatchpatch.DiffDelete {
				h.del += d.Text
			} else {
				h.ins += d.Text
			}
		}
	}
	if inHunk {
		equals = append(equals, "")
	}
	return equals, hunks
}

// widen grows every hunk to whole reader units, merging hunks that meet.
func widen(equals []string, hunks []hunk) []Op {
	for i := 0; i < len(hunks); i++ {
		h := &hunks[i]
		before, after := equals[i], equals[i+1]
		// How far the changed text reaches into a unit on each side.
		left := 0
		if h.del != "" {
			left = max(left, reach(before, h.del, after, true))
		}
		if h.ins != "" {
			left = max(left, reach(before, h.ins, after, true))
		}
		right := 0
		if h.del != "" {
			right = max(right, reach(before, h.del, after, false))
		}
		if h.ins != "" {
			right = max(right, reach(before, h.ins, after, false))
		}
		if left > 0 {
			moved := before[len(before)-left:]
			equals[i] = before[:len(before)-left]
			h.del, h.ins = moved+h.del, moved+h.ins
		}
		if right > 0 {
			moved := after[:right]
			equals[i+1] = after[right:]
			h.del, h.ins = h.del+moved, h.ins+moved
		}
		// A hunk that now touches its neighbour merges with it.
		if i > 0 && equals[i] == "" {
			hunks[i-1] = hunk{hunks[i-1].del + h.del, hunks[i-1].ins + h.ins}
			hunks = append(hunks[:i], hunks[i+1:]...)
			equals = append(equals[:i], equals[i+1:]...)
			i -= 2
			continue
		}
		if i+1 < len(hunks) && equals[i+1] == "" {
			hunks[i] = hunk{h.del + hunks[i+1].del, h.ins + hunks[i+1].ins}
			hunks = append(hunks[:i+1], hunks[i+2:]...)
			equals = append(equals[:i+1], equals[i+2:]...)
			i--
		}
	}
	var ops []Op
	for i, e := range equals {
		if e != "" {
			ops = append(ops, Op{"equal", e})
		}
		if i < len(hunks) {
			if hunks[i].del != "" {
				ops = append(ops, Op{"delete", hunks[i].del})
			}
			if hunks[i].ins != "" {
				ops = append(ops, Op{"insert", hunks[i].ins})
			}
		}
	}
	return ops
}

// reach returns how many bytes of the equal text on one side (left: the
// end of before; right: the start of after) belong to a unit that the
// changed text cuts through.
func reach(before, changed, after string, left bool) int {
	// Tokenize the changed text in its context and find the token that
	// spans the boundary.
	ctxBefore := tail(before, 24)
	ctxAfter := head(after, 24)
	text := ctxBefore + changed + ctxAfter
	start, end := len(ctxBefore), len(ctxBefore)+len(changed)
	for _, t := range tokens(text) {
		if left && t.start < start && t.end > start {
			return start - t.start
		}
		if !left && t.start < end && t.end > end {
			return t.end - end
		}
	}
	return 0
}

func tail(s string, runes int) string {
	i := len(s)
	for n := 0; n < runes && i > 0; n++ {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:]
}

func head(s string, runes int) string {
	i := 0
	for n := 0; n < runes && i < len(s); n++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i]
}

type token struct{ start, end int }

// counters are the units that follow a number in policy text.
var counters = []string{"か月", "ヶ月", "カ月", "箇月", "時間", "日間", "年間", "週間", "文字", "桁", "円", "日", "年", "月", "時", "分", "秒", "週", "件", "回", "名", "人", "歳", "割", "倍", "台", "部", "条", "項", "号", "章", "節", "%", "％", "GB", "MB", "TB", "KB"}

var eraNames = []string{"明治", "大正", "昭和", "平成", "令和"}

// particles end a kanji word's okurigana: in 宇宙線の観測, の is a word of
// its own.
const particles = "のをはがにへとでやもか"

// formalNouns end okurigana too: 携帯すること is 携帯する and こと, so a
// change of 携帯 reads 「携帯する」を「着用する」に, not 「携帯するこ」.
var formalNouns = []string{"こと", "もの", "ところ", "とき", "ため", "よう", "ほか", "うち"}

func formalNoun(s string) bool {
	for _, n := range formalNouns {
		if strings.HasPrefix(s, n) {
			return true
		}
	}
	return false
}

func isKanji(r rune) bool {
	return unicode.Is(unicode.Han, r) || r == '々' || r == '〆'
}
func isHiragana(r rune) bool { return r >= 'ぁ' && r <= 'ゖ' }
func isKatakana(r rune) bool {
	return r >= 'ァ' && r <= 'ヺ' || r == 'ー' || r >= 'ｦ' && r <= 'ﾟ'
}
func isDigit(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }
func isASCIIWord(r rune) bool {
	return r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '-' || r == '.')
}

// tokens splits text into reader units.
func tokens(s string) []token {
	var out []token
	for i := 0; i < len(s); {
		j := unitEnd(s, i)
		// A 読点 goes with the word before it.
		if r, size := utf8.DecodeRuneInString(s[j:]); (r == '、' || r == '，') && j > i {
			j += size
		}
		out = append(out, token{i, j})
		i = j
	}
	return out
}

// unitEnd returns where the unit that starts at s[i:] ends.
func unitEnd(s string, i int) int {
	r, size := utf8.DecodeRuneInString(s[i:])
	j := i + size
	run := func(j int, ok func(rune) bool) int {
		for j < len(s) {
			r, size := utf8.DecodeRuneInString(s[j:])
			if !ok(r) {
				break
			}
			j += size
		}
		return j
	}
	switch {
	case (r == '(' || r == '（') && j < len(s) && isDigitOrKanjiNum(s, j):
		// (3) （３）: a number in parentheses is one unit.
		k := run(j, isDigit)
		if c, csize := utf8.DecodeRuneInString(s[k:]); c == ')' || c == '）' {
			return k + csize
		}
		return j
	case r == '第' && j < len(s) && isDigitOrKanjiNum(s, j):
		// 第10条第1項第2号, 第5条の2
		for {
			k := run(j, func(r rune) bool {
				return isDigit(r) || strings.ContainsRune("一二三四五六七八九十百千〇", r)
			})
			if k == j {
				break
			}
			if u, usize := utf8.DecodeRuneInString(s[k:]); strings.ContainsRune("条項号章節款", u) {
				j = k + usize
			} else {
				return j
			}
			if strings.HasPrefix(s[j:], "の") && j+len("の") < len(s) && isDigitOrKanjiNum(s, j+len("の")) {
				j += len("の")
				continue
			}
			if strings.HasPrefix(s[j:], "第") {
				j += len("第")
				continue
			}
			break
		}
		return j
	case isDigit(r) || startsEra(s[i:]):
		// A number with its unit, or a date: 500円, 30日以内, 令和8年3月31日.
		k := i
		for _, e := range eraNames {
			if strings.HasPrefix(s[k:], e) {
				k += len(e)
			}
		}
		for {
			n := run(k, func(r rune) bool { return isDigit(r) || r == ',' || r == '，' || r == '.' || r == '．' })
			if n == k && strings.HasPrefix(s[k:], "元") {
				n = k + len("元")
			}
			if n == k {
				break
			}
			k = n
			matched := false
			for _, u := range counters {
				if strings.HasPrefix(s[k:], u) {
					k += len(u)
					matched = true
					break
				}
			}
			// A date goes on: 年 → 月 → 日.
			if !matched || !(strings.HasSuffix(s[:k], "年") || strings.HasSuffix(s[:k], "月")) {
				break
			}
		}
		if k == i {
			return j
		}
		return k
	case isKanji(r):
		// A citation inside a kanji run starts a unit of its own:
		// 対策基準|第3条, so that 第3条 → 第4条 is marked whole.
		for j < len(s) {
			r, size := utf8.DecodeRuneInString(s[j:])
			if !isKanji(r) || r == '第' && j+size < len(s) && isDigitOrKanjiNum(s, j+size) {
				break
			}
			j += size
		}
		// Okurigana: the hiragana after the kanji, up to a particle.
		k := j
		for k < len(s) {
			r, size := utf8.DecodeRuneInString(s[k:])
			if !isHiragana(r) || strings.ContainsRune(particles, r) || k > j && formalNoun(s[k:]) {
				break
			}
			k += size
			if k-j >= 4*3 {
				break
			}
		}
		return k
	case isKatakana(r):
		return run(j, isKatakana)
	case isASCIIWord(r):
		return run(j, isASCIIWord)
	}
	return j
}

func isDigitOrKanjiNum(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isDigit(r) || strings.ContainsRune("一二三四五六七八九十百千〇", r)
}

func startsEra(s string) bool {
	for _, e := range eraNames {
		if strings.HasPrefix(s, e) {
			rest := s[len(e):]
			r, _ := utf8.DecodeRuneInString(rest)
			return isDigit(r) || strings.HasPrefix(rest, "元")
		}
	}
	return false
}

// Apply turns old text into new by the ops; it is how tests and fuzzing
// check that the ops are right.
func Apply(old string, ops []Op) (string, bool) {
	var b strings.Builder
	pos := 0
	for _, o := range ops {
		switch o.Op {
		case "equal":
			if !strings.HasPrefix(old[pos:], o.Text) {
				return "", false
			}
			b.WriteString(o.Text)
			pos += len(o.Text)
		case "delete":
			if !strings.HasPrefix(old[pos:], o.Text) {
				return "", false
			}
			pos += len(o.Text)
		case "insert":
			b.WriteString(o.Text)
		}
	}
	return b.String(), pos == len(old)
}
