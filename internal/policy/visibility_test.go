package policy

import (
	"strings"
	"testing"
)

// restricted returns the body text of the parts above level 0.
func restricted(d *Document) string {
	var b strings.Builder
	for _, p := range d.Parts {
		if p.Level > 0 {
			b.Write(d.Body()[p.Start:p.End])
			b.WriteString("|")
		}
	}
	return b.String()
}

func TestVisibilityParts(t *testing.T) {
	tests := []struct {
		name, body, want string
		rules            []string
	}{{
		name: "heading scope ends at the next heading of the same level",
		body: "## 1. A\n\na\n\n## 2. B {visibility=internal}\n\nb\n\n### (1) b1\n\nb1\n\n## 3. C\n\nc\n",
		want: "## 2. B {visibility=internal}\n\nb\n\n### (1) b1\n\nb1\n\n|",
	}, {
		name: "heading scope runs to the end of the document",
		body: "## 1. A\n\n## 2. B {visibility=internal}\n\nb\n",
		want: "## 2. B {visibility=internal}\n\nb\n|",
	}, {
		name: "a ::: block, nested in a list item",
		body: "- (1) a\n\n  ::: internal\n  hidden\n  :::\n\n- (2) b\n",
		want: "  ::: internal\n  hidden\n  :::\n|",
	}, {
		name: "an unknown level is the most restricted",
		body: "::: secret\nx\n:::\ny\n",
		want: "::: secret\nx\n:::\n|", rules: []string{"visibility/unknown-level"},
	}, {
		name: "an unclosed block runs to the end",
		body: "a\n\n::: internal\nx\n\ny\n",
		want: "::: internal\nx\n\ny\n|", rules: []string{"visibility/unclosed"},
	}, {
		name: "a public part inside an internal part has no effect",
		body: "::::: internal\n::: public\nx\n:::\n:::::\n",
		want: "::::: internal\n::: public\nx\n:::\n:::::\n|::: public\nx\n:::\n|", rules: []string{"visibility/widen"},
	}, {
		name: "a heading with visibility inside a list restricts the whole list",
		body: "- item\n\n  ## inner {visibility=internal}\n\n  text\n\nafter\n",
		want: "- item\n\n  ## inner {visibility=internal}\n\n  text\n\n|", rules: []string{"visibility/placement", "visibility/marker"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := parse(t, tt.body)
			if got := restricted(d); got != tt.want {
				t.Errorf("restricted %q, want %q", got, tt.want)
			}
			var rules []string
			for _, f := range d.Findings {
				rules = append(rules, f.Rule.ID)
			}
			if strings.Join(rules, ",") != strings.Join(tt.rules, ",") {
				t.Errorf("findings %v, want %v", d.Findings, tt.rules)
			}
		})
	}
}

func TestSectionLevels(t *testing.T) {
	d := parse(t, "## 1. A\n\n(1) a\n\n::: internal\n(2) b\n:::\n\n## 2. B {visibility=internal}\n\n(1) c\n")
	var got []string
	for _, s := range d.Sections() {
		got = append(got, s.Outline()+"="+levels[s.Level])
	}
	if want := "1=public 1(1)=public 1(2)=internal 2=internal 2(1)=internal"; strings.Join(got, " ") != want {
		t.Errorf("levels %q, want %q", strings.Join(got, " "), want)
	}
	internal := ParseDocument("i.md", []byte("---\nid: i\nvisibility: internal\n---\n## 1. A\n"), levels)
	if internal.Level != 1 || internal.Sections()[0].Level != 1 {
		t.Errorf("an internal document's sections are internal")
	}
	missing := ParseDocument("m.md", []byte("---\nid: m\n---\n## 1. A\n"), levels)
	if missing.Level != 1 {
		t.Errorf("a document without visibility is the most restricted level")
	}
}

func TestFrontMatterFindings(t *testing.T) {
	tests := []struct{ name, src, rule, pos string }{
		{"missing", "# 見出し\n", "frontmatter/missing", "1:1"},
		{"unclosed", "---\nid: a\n# 見出し\n", "frontmatter/syntax", "1:1"},
		{"malformed", "---\nid: a\ntitle: x\nfoo: : :\n---\n", "frontmatter/syntax", "4:1"},
		{"not a mapping", "---\n- a\n---\n", "frontmatter/syntax", "1:1"},
		{"unknown key", "---\nid: a\ncolour: red\n---\n", "frontmatter/unknown-key", "3:1"},
		{"duplicate key", "---\nid: a\nid: b\n---\n", "frontmatter/syntax", "3:1"},
		{"approvers not a list", "---\nid: a\napprovers: {a: b}\n---\n", "frontmatter/syntax", "3:12"},
		// YAML's document end: a second visibility after it would look
		// like the duplicate that counts the most restricted value.
		{"ended with ...", "---\nid: a\nvisibility: public\n...\nvisibility: internal\n---\n本文\n", "frontmatter/syntax", "4:1"},
		{"--- with a comment", "---\nid: a\nvisibility: public\n--- # 以下、非公開\nvisibility: internal\n---\n本文\n", "frontmatter/syntax", "4:1"},
		{"... alone", "---\nid: a\nvisibility: public\n...\n本文\n", "frontmatter/syntax", "4:1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := ParseDocument("d.md", []byte(tt.src), levels)
			for _, f := range d.Findings {
				if f.Rule.ID == tt.rule && strings.TrimPrefix(f.Pos.String(), "d.md:") == tt.pos && f.Hint != "" {
					return
				}
			}
			t.Errorf("findings %+v, want %s at %s", d.Findings, tt.rule, tt.pos)
		})
	}
	// A misspelt key near a known one is an error naming the key: a
	// misspelt visibility left the public site empty without a word.
	for src, want := range map[string]string{"visiblity: public": "visibility", "Visibility: public": "visibility", "titel: 題": "title", "aprovers: [mayor]": "approvers", "ID: a": "id", "tiers: basic": "tier"} {
		d := ParseDocument("d.md", []byte("---\n"+src+"\n---\n"), levels)
		found := false
		for _, f := range d.Findings {
			found = found || f.Rule.ID == "frontmatter/unknown-key" && f.Severity == Error && strings.Contains(f.Message, `"`+want+`"`)
		}
		if !found {
			t.Errorf("%s: findings %+v, want an error naming %s", src, d.Findings, want)
		}
	}
	for _, src := range []string{"colour: red", "owner: 情報政策課", "note: x"} {
		d := ParseDocument("d.md", []byte("---\n"+src+"\n---\n"), levels)
		for _, f := range d.Findings {
			if f.Rule.ID == "frontmatter/unknown-key" && f.Severity != Warning {
				t.Errorf("%s: %+v is not a warning", src, f)
			}
		}
	}
	d := ParseDocument("d.md", []byte("---\nid: basic\ntitle: 基本方針\ntier: basic\nvisibility: public\napprovers: [mayor]\n---\n本文\n"), levels)
	if len(d.Findings) != 0 || d.Meta.ID != "basic" || d.Meta.Tier != TierBasic || d.BodyLine != 7 || string(d.Body()) != "本文\n" {
		t.Errorf("document %+v", d)
	}
}
