package policy

import (
	"slices"
	"strings"
	"testing"
)

func markerFindings(t *testing.T, body string) []Finding {
	t.Helper()
	src := "---\nid: d\ntitle: 文書\ntier: basic\nvisibility: public\napprovers: [mayor]\n---\n" + body
	d := ParseDocument("policy/d.md", []byte(src), []string{"public", "internal"})
	var out []Finding
	for _, f := range d.Findings {
		if strings.HasPrefix(f.Rule.ID, "visibility/") && f.Severity == Error {
			out = append(out, f)
		}
	}
	return out
}

// TestNearMissMarkers tries the markers an editor (or an attacker) writes
// almost right: each must be an error, never text that a public edition
// publishes.
func TestNearMissMarkers(t *testing.T) {
	for _, tt := range []struct{ name, body string }{
		{"opener with a second word", "::: internal 人事情報\n秘密\n:::\n"},
		{"opener with punctuation", "::: internal.\n秘密\n:::\n"},
		{"opener in Japanese", "::: 内部\n秘密\n:::\n"},
		{"opener as a class", "::: {.internal}\n秘密\n:::\n"},
		{"indented opener", "  ::: internal\n秘密\n:::\n"},
		{"full-width colons", "：：： internal\n秘密\n：：：\n"},
		{"small-form colons", "﹕﹕﹕ internal\n秘密\n﹕﹕﹕\n"},
		{"ratio signs", "∶∶∶ internal\n秘密\n∶∶∶\n"},
		{"presentation-form colons", "︓︓︓ internal\n秘密\n︓︓︓\n"},
		{"modifier-letter colons", "꞉꞉꞉ internal\n秘密\n꞉꞉꞉\n"},
		{"triangular colons", "ːːː internal\n秘密\nːːː\n"},
		{"small-form braces", "## 見出し ﹛visibility=internal﹜\n\n秘密\n"},
		{"mixed colons", ":：: internal\n秘密\n:::\n"},
		{"opener in an HTML block", "<div>\n::: internal\n秘密\n:::\n</div>\n"},
		{"closer directly after HTML", "::: internal\n<div>秘密</div>\n:::\n\n公開\n"},
		{"stray closer", "公開\n\n:::\n"},
		{"closer with a word", "::: internal\n秘密\n::: end\n"},
		{"opener in a quote, unrecognised", "> ::: internal 秘密\n"},
		{"full-width braces", "## 見出し ｛visibility=internal｝\n\n秘密\n"},
		{"quotes in the value", "## 見出し {visibility=“internal”}\n\n秘密\n"},
		{"misspelt key", "## 見出し {visiblity=internal}\n\n秘密\n"},
		{"trailing hashes", "## 見出し {visibility=internal} ##\n\n秘密\n"},
		{"text after the block", "## 見出し {visibility=internal} 注\n\n秘密\n"},
		{"attribute block on a paragraph", "**見出し** {visibility=internal}\n\n秘密\n"},
		{"raw HTML with a level class", "<div class=\"level-internal\">\n\n秘密\n\n</div>\n"},
		{"raw HTML naming visibility", "<section data-visibility=\"internal\">\n\n秘密\n\n</section>\n"},
		{"nested too deep", strings.Repeat("::: internal\n", 9) + "秘密\n" + strings.Repeat(":::\n", 9)},
		{"shorter closer", ":::: internal\n秘密\n:::\n"},
		{"indented code that looks like an opener", "    ::: internal\n    秘密\n    :::\n"},
		{"indented heading attribute", "    ## 見出し {visibility=internal}\n"},
		{"a key twice, the last public", "## 見出し {visibility=internal visibility=public}\n\n秘密\n"},
		{"a key twice, the last restricted", "## 見出し {visibility=public visibility=internal}\n\n秘密\n"},
		{"a class naming a level", "## 見出し {.internal}\n\n秘密\n"},
		{"an id naming a level", "## 見出し {#Internal}\n\n秘密\n"},
		{"an unclosed code fence swallowing a block", "設定例\n\n```\nset policy strict\n\n::: internal\n秘密\n:::\n"},
		{"an unclosed tilde fence", "~~~~\n## 見出し {visibility=internal}\n\n秘密\n~~~\n"},
		{"an unclosed fence in nested lists", "- - ```\n    コマンド\n    ~~~\n    ::: internal\n    秘密\n    :::\n"},
		{"an unclosed fence in a quote, a look-alike closer outside it", "> ````text\n> 例\n> ```\n>\n> ::: internal\n> 秘密\n> :::\n    ````\n"},
		{"an unclosed fence in a list item", "- 例\n\n  ```\n  秘密\n"},
		{"raw HTML with a level as its class", "<div class=\"internal\">\n\n秘密\n\n</div>\n"},
		{"raw HTML tag named like a level", "<internal>\n\n秘密\n\n</internal>\n"},
		{"an HTML comment naming a level", "<!-- internal -->\n\n秘密\n\n<!-- /internal -->\n"},
		{"raw HTML with a class starting with a level", "<div class=\"internal-only\">\n\n秘密\n\n</div>\n"},
		{"inline raw HTML naming a level", "本文 <span class=\"INTERNAL\">秘密</span> 本文\n"},
		{"a setext heading ending a restricted section", "## 緊急連絡網 {visibility=internal}\n\n番号は秘密である。\n---\n\n## 附則\n"},
		{"a setext heading whose text starts with #", "## 12. 緊急連絡 {visibility=internal}\n\n#9110 に相談した場合の連絡先は秘密\n---\n"},
		{"a lone # ending a restricted section", "## 12. 緊急連絡 {visibility=internal}\n\n秘密\n#\n\n公開に見える\n"},
		{"a heading straight after text ending a restricted section", "## 12. テスト {visibility=internal}\n\n電話は\n# 4120 です\n秘密\n"},
		{"a setext === heading ending a restricted section", "### 連絡先 {visibility=internal}\n\n秘密\n===\n"},
		{"a table cell opening a block", "| ::: internal | 秘密 |\n|---|---|\n| a | b |\n"},
		{"a later table cell", "| 区分 | ::: internal |\n|---|---|\n"},
		{"colons with spaces between", ": : : internal\n秘密\n: : :\n"},
		{"colons as character references", "&#58;&#58;&#58; internal\n秘密\n&#x3a;&#x3A;&#58;\n"},
		{"colons as named references", "&colon;&colon;&colon; internal\n秘密\n&colon;&colon;&colon;\n"},
		{"escaped colons", "\\:\\:\\: internal\n秘密\n\\:\\:\\:\n"},
		{"a space entity before the fence", "&nbsp;::: internal\n秘密\n&nbsp;:::\n"},
		{"an HTML comment between the colons", ":<!-- -->:: internal\n秘密\n:<!-- -->::\n"},
		{"emphasis around a colon", "*:*:: internal\n秘密\n*:*::\n"},
		{"underscore emphasis", "_:_:: internal\n秘密\n_:_::\n"},
		{"a tag around the colons", "<b>:::</b> internal\n秘密\n<b>:::</b>\n"},
		{"an empty tag before the colons", "<i></i>::: internal\n秘密\n<i></i>:::\n"},
		{"a braille blank between the colons", ":\u2800:\u2800: internal\n秘密\n:\u2800:\u2800:\n"},
		{"a braille blank as an entity", ":&#x2800;:: internal\n秘密\n:::\n"},
		{"Myanmar visargas", "းးး internal\n秘密\nးးး\n"},
		{"Bengali visargas", "ঃঃঃ internal\n秘密\nঃঃঃ\n"},
		{"tricolons", "⁝⁝⁝ internal\n秘密\n⁝⁝⁝\n"},
		{"a heading attribute in character references", "## 人事 &#123;visibility=internal&#125;\n\n秘密\n\n## 次\n"},
		{"a heading attribute in named references", "## 人事 &lbrace;visibility=internal&rbrace;\n\n秘密\n"},
		{"a heading attribute in ornament braces", "## 人事 ❴visibility=internal❵\n\n秘密\n"},
		{"a heading attribute in white braces", "## 人事 ⦃visibility=internal⦄\n\n秘密\n"},
		{"full-width letters", "## 人事 ｛ｖｉｓｉｂｉｌｉｔｙ＝ｉｎｔｅｒｎａｌ｝\n\n秘密\n"},
		{"a class with a level and a hyphen", "## 人事 {.internal-only}\n\n秘密\n"},
		{"a class with a level and an underscore", "## 人事 {.visibility_internal}\n\n秘密\n"},
		{"visibility assigned in text", "本文 ❴visibility=internal❵ 秘密\n"},
		{"a heading naming visibility with a Roman numeral v", "## 2. 緊急連絡先 \u2174isibility=internal\n\n秘密\n"},
		{"a heading naming visibility with a circled v", "## 2. 緊急連絡先 \u24e5isibility=internal\n\n秘密\n"},
		{"a heading naming visibility with a mathematical v", "## 2. 緊急連絡先 \U0001d42fisibility=internal\n\n秘密\n"},
		{"a list item naming visibility with a modifier v", "- \u1d5bisibility: internal\n"},
		{"visibility assigned with a ratio sign", "visibility\u2236 internal\n"},
		{"visibility assigned with a modifier colon", "visibility \ua789 internal\n"},
		{"visibility in an autolink", "本文 <visibility:internal> 秘密\n"},
		{"a heading that reads as a fence", "## 2. :<b></b>:: internal\n\n秘密\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if fs := markerFindings(t, tt.body); len(fs) == 0 {
				t.Errorf("no visibility/marker error for\n%s", tt.body)
			}
		})
	}
}

// TestOtherDialectMarkers tries what other Markdown dialects read as a
// class, a hidden comment, a container or an admonition, naming a level
// or visibility: policyctl reads none of them, so each must be an error,
// never text that a public edition publishes.
func TestOtherDialectMarkers(t *testing.T) {
	for _, tt := range []struct{ name, body string }{
		{"a kramdown attribute list after a paragraph", "秘密の段落\n{: .internal}\n"},
		{"a kramdown attribute list without a space", "{:.internal}\n秘密の段落\n"},
		{"a kramdown attribute list with an id", "{: #internal}\n秘密\n"},
		{"a kramdown attribute list with spaces", "{ : .internal }\n秘密\n"},
		{"a kramdown attribute list in full-width", "｛：．ｉｎｔｅｒｎａｌ｝\n秘密\n"},
		{"a kramdown attribute list definition", "{:secret: .internal}\n秘密\n"},
		{"a kramdown extension naming a level", "{::internal}\n秘密\n{:/internal}\n"},
		{"a Hugo shortcode naming a level", "{{< internal >}}\n秘密\n{{< /internal >}}\n"},
		{"a Hugo shortcode with a hyphenated level", "{{% internal-only %}}\n秘密\n{{% /internal-only %}}\n"},
		{"a Liquid tag naming visibility", "{% if visibility == \"internal\" %}\n秘密\n{% endif %}\n"},
		{"a comment-style link reference definition", "[//]: # (visibility: internal)\n秘密\n"},
		{"a comment-style reference definition naming a level", "[//]: # \"internal\"\n\n秘密\n"},
		{"a comment-style reference definition with an empty destination", "[comment]: <> (INTERNAL)\n\n秘密\n"},
		{"a link reference definition labelled with a level", "[internal]: #\n\n秘密\n"},
		{"a link reference definition labelled with visibility", "[visibility]: internal\n\n秘密\n"},
		{"a link reference definition with visibility in the destination", "[c]: visibility:internal\n\n秘密\n"},
		{"a link reference definition with a level as the destination", "[c]: internal\n\n秘密\n"},
		{"a GitHub alert naming a level", "> [!INTERNAL]\n> 秘密\n"},
		{"an Obsidian callout naming a level", "> [!internal]- 詳細\n> 秘密\n"},
		{"an alert naming visibility", "> [!visibility]\n> 秘密\n"},
		{"a full-width alert", "> ［！ＩＮＴＥＲＮＡＬ］\n> 秘密\n"},
		{"an admonition naming a level", "!!! internal\n    秘密\n"},
		{"an admonition after a blank line", "!!! internal\n\n    秘密\n"},
		{"a collapsible admonition naming a level", "???+ internal \"人事\"\n    秘密\n"},
		{"a collapsed admonition naming a level", "??? Internal\n    秘密\n"},
		{"an admonition with a hyphenated level", "!!! note internal-only\n    秘密\n"},
		{"a full-width admonition", "！！！ internal\n    秘密\n"},
		{"an admonition with a double exclamation mark", "‼! internal\n    秘密\n"},
		{"an alert in small forms", "> ﹇!internal﹈\n> 秘密\n"},
		{"a pymdownx block naming a level", "/// internal\n秘密\n///\n"},
		{"a Sphinx only directive", ".. only:: internal\n\n   秘密\n"},
		{"an Obsidian comment naming a level", "%% internal %%\n秘密\n%% /internal %%\n"},
		{"a MyST directive naming a level", "```{only} internal\n秘密\n```\n"},
		{"a fenced code block whose language is a level", "~~~internal\n秘密\n~~~\n"},
		{"an alert in a list item", "- > [!INTERNAL]\n  > 秘密\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fs := markerFindings(t, tt.body)
			if len(fs) == 0 {
				t.Fatalf("no visibility/marker error for\n%s", tt.body)
			}
			for _, f := range fs {
				if f.Pos.Line < 8 || f.Pos.Col < 1 || f.Message == "" || f.Hint == "" {
					t.Errorf("finding without a place in the body, a message or a hint: %+v", f)
				}
			}
		})
	}
}

// TestOtherDialectLookalikesStayText: the same syntax naming no level is
// text, and so is Japanese prose with the characters it uses.
func TestOtherDialectLookalikesStayText(t *testing.T) {
	for _, tt := range []struct{ name, body string }{
		{"a GitHub alert", "> [!NOTE]\n> 注意\n"},
		{"a GitHub warning", "> [!WARNING]\n> 公開の注意\n"},
		{"an admonition", "!!! note\n    注意\n"},
		{"an admonition with a title", "!!! warning \"注意\"\n    本文\n"},
		{"a collapsible admonition", "???+ tip\n    本文\n"},
		{"a reference definition", "[参考]: https://example.jp/ \"参考資料\"\n\n[参考]を見る。\n"},
		{"a comment-style reference definition naming no level", "[//]: # (メモ)\n\n本文\n"},
		{"a reference definition to a path naming a level", "[監査]: https://example.jp/internal/audit\n\n[監査]を見る。\n"},
		{"a reference definition labelled like an audit", "[internal-audit]: https://example.jp/audit\n\n[内部監査][internal-audit]\n"},
		{"Japanese exclamation and question marks", "！！！注意！！！\n？？？とは何か。\n「［注］」を見る。\n"},
		{"braces in prose", "集合 {1, 2, 3} とする。\n"},
		{"a kramdown table of contents", "* 目次\n{:toc}\n"},
		{"a kramdown attribute list in code", "例: `{: .internal}` は使わない。\n"},
		{"an alert in code", "例: `> [!INTERNAL]` は使わない。\n"},
		{"a fenced code block", "```yaml\nvisibility: public\n```\n"},
		{"a percent sign", "達成率は 100% とする。\n"},
		{"a line starting with two dots", "…その他.. 以上\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if fs := markerFindings(t, tt.body); len(fs) != 0 {
				t.Errorf("unexpected marker errors %v for\n%s", fs, tt.body)
			}
		})
	}
}

// TestVisibilityTag: a YAML tag on visibility is an error, and the
// document is read as the most restricted level, whatever the value.
func TestVisibilityTag(t *testing.T) {
	for _, fm := range []string{"visibility: !internal public", "visibility: !!str public", "visibility: ! public",
		"visibility: &v !x public", "!x visibility: public", "visibility: !<tag:yaml.org,2002:str> public"} {
		src := "---\nid: d\ntitle: 文書\ntier: basic\n" + fm + "\napprovers: [mayor]\n---\n本文\n"
		d := ParseDocument("policy/d.md", []byte(src), []string{"public", "internal"})
		found := false
		for _, f := range d.Findings {
			if f.Severity == Error && strings.Contains(f.Message, "tag") {
				found = true
				if f.Pos.Line != 5 || f.Pos.Col < 1 {
					t.Errorf("%q: finding at %s, want line 5", fm, f.Pos)
				}
			}
		}
		if !found {
			t.Errorf("%q: no error naming the tag: %v", fm, d.Findings)
		}
		if d.Level != 1 {
			t.Errorf("%q: level %d, want 1 (the most restricted)", fm, d.Level)
		}
	}
	// A tag passed through an alias: the alias has its anchor's tag.
	src := "---\nid: d\ntitle: 文書\ntier: basic\nx: &a !internal public\nvisibility: *a\napprovers: [mayor]\n---\n本文\n"
	d := ParseDocument("policy/d.md", []byte(src), []string{"public", "internal"})
	if d.Level != 1 || !slices.ContainsFunc(d.Findings, func(f Finding) bool { return f.Severity == Error && strings.Contains(f.Message, "tag") }) {
		t.Errorf("a tag through an alias: level %d, findings %v", d.Level, d.Findings)
	}
	src = "---\nid: d\ntitle: 文書\ntier: basic\nvisibility: \"public\"\n---\n本文\n"
	if d := ParseDocument("policy/d.md", []byte(src), []string{"public", "internal"}); d.Level != 0 || len(d.Findings) != 0 {
		t.Errorf("a quoted value: level %d, findings %v", d.Level, d.Findings)
	}
}

// TestInvisiblePrefixes puts every kind of character drawn as nothing or
// as space — the full-width space Japanese text is indented with, a soft
// hyphen pasted from Word — and look-alike colons in front of and into a
// ::: fence: each line must be a marker error, never text.
func TestInvisiblePrefixes(t *testing.T) {
	prefixes := []string{"\u3000", "\u00a0", "\u2003", "\u202f", "\u00ad", "\u034f", "\u180e", "\u3164", "\u115f", "\uffa0",
		"\ufe0f", "\u2061", "\U000e0020", "\U0001d173", "\u200b", "\u2060", "\ufeff", "\u200e", "\u3000\u3000", "- \u3000", "> \u00ad", "1.\u3000"}
	for _, p := range prefixes {
		body := p + "::: internal\n秘密\n" + p + ":::\n"
		if fs := markerFindings(t, body); len(fs) == 0 {
			t.Errorf("no visibility/marker error with %+q before the fences", p)
		}
	}
	for _, c := range []string{"ꓽ", "։", "˸", "᠄", "⦂", "׃", "᛬", "⁚", "：", "﹕", "︓"} {
		body := strings.Repeat(c, 3) + " internal\n秘密\n" + strings.Repeat(c, 3) + "\n"
		if fs := markerFindings(t, body); len(fs) == 0 {
			t.Errorf("no visibility/marker error for fences of %+q", c)
		}
	}
	for _, sep := range []string{"\u00ad", "\u200b", "\u3000", "\ufe0f"} {
		body := ":" + sep + ":" + sep + ": internal\n秘密\n:::\n"
		if fs := markerFindings(t, body); len(fs) == 0 {
			t.Errorf("no visibility/marker error with %+q between the colons", sep)
		}
	}
}

// TestExactMarkers are the forms that must pass without a marker error.
func TestExactMarkers(t *testing.T) {
	for _, tt := range []struct{ name, body string }{
		{"block", "公開\n\n::: internal\n秘密\n:::\n\n公開\n"},
		{"nested blocks", "::::: internal\n::: internal\n秘密\n:::\n:::::\n"},
		{"equal fences nest", "::: internal\n::: internal\n秘密\n:::\n:::\n"},
		{"block in a list item", "- 項目\n\n  ::: internal\n  秘密\n  :::\n"},
		{"block in a quote", "> ::: internal\n> 秘密\n> :::\n"},
		{"heading attribute", "## 見出し {visibility=internal}\n\n秘密\n"},
		{"heading id and class", "## 見出し {#sec-1 .note visibility=internal}\n\n秘密\n"},
		{"quoted value", "## 見出し {visibility=\"internal\"}\n\n秘密\n"},
		{"fence in code is text", "::: internal\n```\n:::\n```\n秘密\n:::\n"},
		{"colons in code", "```\n::: internal 人事\n```\n"},
		{"braces in a code span", "## 見出し `{a}`\n\n本文 `{visibility=x}`\n"},
		{"colons in running text", "時刻は 10:00 とする。比は 1:2:3 とする。\n"},
		{"times and ratios at the start of a line", "10:00:00 に開始する。\n1:2:3 の比とする。\n"},
		{"a table with aligned columns", "| 区分 | 内容 | 備考 |\n|:---|:---:|---:|\n| 甲 | 乙 | 丙 |\n"},
		{"a full-width indented paragraph", "\u3000職員は、規程を守る。\n"},
		{"an entity that is not a colon", "&amp;&amp;&amp; 記号\n"},
		{"an id naming 内部監査", "## 内部監査 {#internal-audit}\n\n本文\n"},
		{"the word visibility in code", "公開範囲は `visibility: public` と書く。\n"},
		{"emphasis and times", "*注* 10:00:00 に *開始* する。\n"},
		{"HTML comment", "<!-- policyctl:history -->\n"},
		{"closer after HTML with a blank line", "::: internal\n<div>秘密</div>\n\n:::\n"},
		{"a closed fence with a longer closer", "````\n::: internal\n```\n````\n"},
		{"a closed fence in a list item", "- 例\n\n  ```\n  ::: internal\n  ```\n\n公開\n"},
		{"a closed fence in a quote", "> ```\n> 例\n> ```\n"},
		{"a fence at the end without a line end", "```\n例\n```"},
		{"a class that is not a level", "## 見出し {.note #sec-internal-audit}\n\n本文\n"},
		{"HTML naming no level", "<div class=\"note\">\n\n本文（内部監査）\n\n</div>\n"},
		{"a heading after a blank line ends a restricted section", "## 12. 連絡網 {visibility=internal}\n\n秘密\n\n## 13. 附則\n\n公開\n"},
		{"a heading straight after text in public text", "## 1. 目的\n\n本文\n## 2. 範囲\n"},
		{"a setext heading in public text", "公開の見出し\n---\n\n本文\n"},
		{"a rule after a blank line in a restricted section", "## 連絡網 {visibility=internal}\n\n秘密\n\n---\n\n秘密\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if fs := markerFindings(t, tt.body); len(fs) != 0 {
				t.Errorf("unexpected marker errors %v for\n%s", fs, tt.body)
			}
		})
	}
}

// TestFenceInCodeDoesNotClose: the cut of a restricted block must not end
// at a ":::" inside fenced code.
func TestFenceInCodeDoesNotClose(t *testing.T) {
	src := "---\nid: d\ntitle: 文書\ntier: basic\nvisibility: public\n---\n::: internal\n```\n:::\n```\n秘密カナリア\n:::\n\n公開\n"
	d := ParseDocument("policy/d.md", []byte(src), []string{"public", "internal"})
	body := string(d.Body())
	i := strings.Index(body, "秘密カナリア")
	if d.LevelAt(i) != 1 {
		t.Fatalf("text after a fenced ::: is at level %d, want 1 (restricted); parts %+v", d.LevelAt(i), d.Parts)
	}
	if j := strings.Index(body, "公開"); d.LevelAt(j) != 0 {
		t.Errorf("text after the real closer is at level %d, want 0", d.LevelAt(j))
	}
}

// TestEqualFencesNest: the closing fence closes the innermost block, so
// text between two equal closers is still restricted.
func TestEqualFencesNest(t *testing.T) {
	src := "---\nid: d\ntitle: 文書\ntier: basic\nvisibility: public\n---\n::: internal\n::: internal\n内側\n:::\n外側カナリア\n:::\n\n公開\n"
	d := ParseDocument("policy/d.md", []byte(src), []string{"public", "internal"})
	body := string(d.Body())
	if i := strings.Index(body, "外側カナリア"); d.LevelAt(i) != 1 {
		t.Fatalf("text between the closers is at level %d, want 1", d.LevelAt(i))
	}
}

// TestDuplicateVisibilityKey: the most restricted value counts.
func TestDuplicateVisibilityKey(t *testing.T) {
	for _, fm := range []string{"visibility: internal\nvisibility: public\n", "visibility: public\nvisibility: internal\n", "visibility: public\nvisibility: secret\n"} {
		src := "---\nid: d\ntitle: 文書\ntier: basic\n" + fm + "---\n本文\n"
		d := ParseDocument("policy/d.md", []byte(src), []string{"public", "internal"})
		if d.Level != 1 {
			t.Errorf("%q: level %d, want 1", fm, d.Level)
		}
		dup := false
		for _, f := range d.Findings {
			dup = dup || f.Rule.ID == "frontmatter/syntax" && strings.Contains(f.Message, "twice")
		}
		if !dup {
			t.Errorf("%q: the duplicate key is not reported", fm)
		}
	}
}

// TestDeepNestingIsLinear: a hostile run of openers costs no more than a
// bounded depth.
func TestDeepNestingIsLinear(t *testing.T) {
	src := "---\nid: d\ntitle: 文書\ntier: basic\nvisibility: public\n---\n" + strings.Repeat("::: internal\n", 20000)
	d := ParseDocument("policy/d.md", []byte(src), []string{"public", "internal"})
	if len(d.Parts) > 8*2 || len(d.Findings) == 0 {
		t.Errorf("%d parts, %d findings", len(d.Parts), len(d.Findings))
	}
}

// TestUnknownLevelMessages: a level that is not configured is named as such
// in a ::: opener and in a heading's braces.
func TestUnknownLevelMessages(t *testing.T) {
	for body, want := range map[string]string{
		"::: 非公開\n秘密\n:::\n":                   `"非公開", which is not a visibility level`,
		"::: interal\n秘密\n:::\n":               `(did you mean "internal"?)`,
		"## 見出し {visibility=intrenal}\n\n秘密\n": `(did you mean "internal"?)`,
		"## 見出し {visibility=非公開}\n\n秘密\n":      `"非公開" is not a visibility level`,
		"## 見出し {visibility=\"機密\"}\n\n秘密\n":   `"機密", which is not one of the levels of policyctl.yaml (public, internal)`,
	} {
		found := false
		for _, f := range markerFindings(t, body) {
			found = found || strings.Contains(f.Message, want)
		}
		if !found {
			t.Errorf("%q: no finding saying %s: %v", body, want, markerFindings(t, body))
		}
	}
}
