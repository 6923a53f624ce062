package policy

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"
)

func TestEncodingFindings(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string // "LINE:COL message-fragment"
	}{
		{"clean", "# 見出し\n本文。\n", nil},
		{"bom", "\uFEFF# 見出し\n", []string{"1:1 byte order mark"}},
		{"crlf", "# a\r\nb\r\n", []string{"1:4 carriage return (CRLF line ends) (2 places"}},
		{"invalid utf-8", "# a\n本\xff文\n", []string{"2:2 invalid UTF-8"}},
		{"shift_jis", "\x83\x7c\x83\x8a\x83\x56\x81\x5b\n", []string{"1:1 the file is Shift_JIS, not UTF-8"}},
		{"utf-16", "\xff\xfe#\x00 \x00\x8b\x89\x00\x6b\n\x00", []string{"1:1 the file is UTF-16, not UTF-8"}},
		{"nfd", "# 見出し\nか\u3099き\n", []string{"2:1 not in Unicode NFC"}},
		{"bidi", "# a\nabc\u202Edef\n", []string{"2:4 bidirectional control"}},
		{"zero width", "# a\n本\u200B文\n", []string{"2:2 zero-width character"}},
		{"escape sequence", "# a\n本文\x1b]8;;http://evil\x1b\\リンク\n", []string{"2:3 control character U+001B (2 places"}},
		{"c1 and del", "# a\nx\u009b31m\x7f\n", []string{"2:2 control character U+009B (2 places"}},
		{"tab", "# a\n\t本文\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := EncodingFindings("d.md", []byte(tt.src))
			var got []string
			for _, f := range fs {
				if f.Rule.ID != "text/encoding" || f.Severity != Error || f.Hint == "" {
					t.Errorf("finding %+v", f)
				}
				got = append(got, strings.TrimPrefix(f.Pos.String(), "d.md:")+" "+f.Message)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("findings %q, want %q", got, tt.want)
			}
			for i := range got {
				if !strings.HasPrefix(got[i], tt.want[i]) && !strings.Contains(got[i], tt.want[i][strings.IndexByte(tt.want[i], ' ')+1:]) {
					t.Errorf("finding %q, want %q", got[i], tt.want[i])
				}
				if !strings.HasPrefix(got[i], tt.want[i][:strings.IndexByte(tt.want[i], ' ')]) {
					t.Errorf("finding %q at the wrong place, want %q", got[i], tt.want[i])
				}
			}
		})
	}
}

// TestEncodingFixes: applying the fixes the findings carry, reading the
// file again after each round as policyctl fix does, gives what Normalize
// gives, and the result has no finding left.
func TestEncodingFixes(t *testing.T) {
	for _, src := range []string{
		"\uFEFF# 見出し\r\n本文\r\n",
		"# a\r\nb\rc\n",
		"# 見出し\nか\u3099き\u200B\r\n",
		"abc\u202Edef\u2066\n",
		"\x83\x7c\x83\x8a\x83\x56\x81\x5b\r\n",
		"\xff\xfe#\x00 \x00\x8b\x89\x00\x6b\r\x00\n\x00",
		"か\u200B\u3099\n",
		"本文\x1b[31m赤\x1b[0m\fか\u3099\n",
	} {
		want, err := Normalize([]byte(src))
		if err != nil {
			t.Fatalf("%q: %v", src, err)
		}
		got := applyEncodingFixes(t, []byte(src))
		if string(got) != string(want) {
			t.Errorf("%q: fixes give %q, Normalize %q", src, got, want)
		}
		if fs := EncodingFindings("d.md", got); len(fs) > 0 {
			t.Errorf("%q: after the fixes: %+v", src, fs)
		}
	}
	if _, err := Normalize([]byte("本\xff文")); err == nil {
		t.Error("Normalize converted bytes that are no known encoding")
	}
}

func applyEncodingFixes(t testing.TB, src []byte) []byte {
	for range 4 {
		var edits []Edit
		for _, f := range EncodingFindings("d.md", src) {
			if f.Fix != nil {
				edits = append(edits, f.Fix.Edits...)
			}
		}
		if len(edits) == 0 {
			return src
		}
		out, err := Apply(src, edits)
		if err != nil {
			t.Fatal(err)
		}
		src = out
	}
	return src
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"# a\r\nb\n", "\uFEFFか\u3099", "\x83\x7c\x83\x8a", "\xff\xfea\x00", "abc\u202E", "a\x1b[31mか\u3099"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		want, err := Normalize(src)
		if err != nil {
			return
		}
		if again, err := Normalize(want); err != nil || string(again) != string(want) {
			t.Fatalf("Normalize is not idempotent: %q → %q → %q (%v)", src, want, again, err)
		}
		if fs := EncodingFindings("d.md", want); len(fs) > 0 {
			t.Fatalf("Normalize(%q) = %q still has findings: %+v", src, want, fs)
		}
	})
}

// TestControlInFileName: a file's name with a line feed or an escape is
// text/encoding, at the file.
func TestControlInFileName(t *testing.T) {
	for _, name := range []string{"policy/evil\nname.md", "policy/x\x1b[31m.md", "policy/a\u202Eb.md"} {
		fs := EncodingFindings(name, []byte("# a\n"))
		if len(fs) != 1 || fs[0].Rule != RuleTextEncoding || fs[0].Pos.Line != 1 {
			t.Errorf("%q: %+v", name, fs)
		}
	}
	if fs := EncodingFindings("policy/基本方針-2024.md", []byte("# a\n")); len(fs) > 0 {
		t.Errorf("a plain name: %+v", fs)
	}
}

// TestEscapedControlsInFrontMatter: a double-quoted YAML value can write a
// control, bidirectional or zero-width character as an escape, which the
// file's bytes do not hold: it is text/encoding all the same, at the
// value; the characters themselves in the bytes are found once, by the
// scan of the bytes.
func TestEscapedControlsInFrontMatter(t *testing.T) {
	for _, c := range []struct{ title, want string }{
		{`"パスワード\e]0;PWNED\a管理手順"`, "4:8 U+001B"},
		{`"基本\u202E方針"`, "4:8 U+202E"},
		{`"基本\u200B方針"`, "4:8 U+200B"},
		{"\"基本\x1b方針\"", "4:11 control character U+001B"},
		{`"基本方針"`, ""},
		{`'基本\e方針'`, ""}, // single quotes: no escapes, a backslash and an e
		{`"基本\n方針"`, "4:8 U+000A"},
	} {
		src := "---\nid: basic\ntier: basic\ntitle: " + c.title + "\nvisibility: public\n---\n\n# 基本方針\n"
		d := ParseDocument("b.md", []byte(src), []string{"public", "internal"})
		var got []string
		for _, f := range d.Findings {
			if f.Rule == RuleTextEncoding {
				got = append(got, strings.TrimPrefix(f.Pos.String(), "b.md:")+" "+f.Message)
			}
		}
		if c.want == "" {
			if len(got) > 0 {
				t.Errorf("%s: %q", c.title, got)
			}
			continue
		}
		if len(got) != 1 || !strings.HasPrefix(got[0], c.want[:strings.IndexByte(c.want, ' ')]) || !strings.Contains(got[0], c.want[strings.IndexByte(c.want, ' ')+1:]) {
			t.Errorf("%s: findings %q, want one at %q", c.title, got, c.want)
		}
	}
}

// TestControlsInRegistryAndConfig: a committee's name or the title in the
// configuration with a control character — raw or written as an escape —
// is an error, at its line: they reach the preview a member reads before
// signing, and every report.
func TestControlsInRegistryAndConfig(t *testing.T) {
	for _, name := range []string{`"さくら台市長\e[2K\e[1A"`, "\"市長\x1b[2K\"", `"市長\u202E"`} {
		src := "members:\n  - id: yamada\n    name: 山田\ncommittees:\n  - id: mayor\n    name: " + name + "\n    quorum: 1\n    members: [yamada]\n"
		_, fs := ParseRegistry([]byte(src))
		found := false
		for _, f := range fs {
			found = found || f.Rule == RuleRegistrySyntax && f.Severity == Error && (f.Pos.Line == 6 || strings.Contains(f.Message, "control characters"))
		}
		if !found {
			t.Errorf("registry name %s: %+v", name, fs)
		}
	}
	if _, fs := ParseRegistry([]byte("members:\n  - id: yamada\n    name: |\n      山田\n      OK mayor\ncommittees: []\n")); len(fs) == 0 || fs[0].Rule != RuleRegistrySyntax {
		t.Errorf("a name on two lines: %+v", fs)
	}
	d := ParseDocument("b.md", []byte("---\nid: basic\ntier: basic\ntitle: |\n  基本方針\n  [OK] mayor\nvisibility: public\n---\n\n# 基本方針\n"), []string{"public"})
	found := false
	for _, f := range d.Findings {
		found = found || f.Rule == RuleFrontMatterSyntax && strings.Contains(f.Message, "more than one line")
	}
	if !found {
		t.Errorf("a title on two lines: %+v", d.Findings)
	}
	cfg := "organization:\n  id: city\n  name: 市\ntitle: \"方針\\e]0;PWNED\\a\"\n"
	_, err := LoadConfig(fstest.MapFS{ConfigFile: {Data: []byte(cfg)}}, nil)
	var ce *ConfigError
	if !errors.As(err, &ce) || ce.Line != 4 || !strings.Contains(ce.Msg, "U+001B") {
		t.Errorf("config title with an escape: %v", err)
	}
}
