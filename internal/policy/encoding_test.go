package policy

import (
	"strings"
	"testing"
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
		{"nfd", "# 見出し\nか\u3099き\n", []string{"2:1 not in Unicode NFC"}},
		{"bidi", "# a\nabc\u202Edef\n", []string{"2:4 bidirectional control"}},
		{"zero width", "# a\n本\u200B文\n", []string{"2:2 zero-width character"}},
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
