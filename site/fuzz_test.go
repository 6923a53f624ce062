package site

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/policyctl/policyctl/internal/policy"
)

// FuzzPublicEdition runs the whole pipeline — Edition, render, search
// index — on fuzzed text around a restricted block and beside a
// restricted document. Whatever the input, nothing panics, and when the
// public edition is built it holds neither canary in any encoding unless
// the model itself decided the canary's text is public (an unclosed code
// fence before it makes ":::" code).
func FuzzPublicEdition(f *testing.F) {
	f.Add("# 見出し\n\n本文", "## 次\n\n[リンク](secret.md)")
	f.Add("```", "```")
	f.Add("<div>", "</div>")
	f.Add("[r]: https://example.jp/", "[x][r]\n\n[r]: secret.md")
	f.Add("- 項目", "- 項目")
	f.Add("> 引用", "> 続き")
	f.Add("::: internal", ":::")
	f.Add("## 見出し {visibility=internal}", "## 次")
	f.Add("注[^a]", "[^a]: 脚注")
	f.Add("| a | b |\n|---|---|", "| c | d |")
	for _, m := range nearMisses {
		f.Add(strings.Replace(m, "%s", "本文", 1), "公開")
	}
	const cut, doc = "CanaryFuzzCutZq", "CanaryFuzzDocZq"
	f.Fuzz(func(t *testing.T, before, after string) {
		if strings.Contains(before+after, "CanaryFuzz") {
			return
		}
		body := before + "\n\n::: internal\n" + cut + "\n:::\n\n" + after + "\n"
		fsys := fstest.MapFS{
			policy.ConfigFile:  {Data: []byte(attackConfig)},
			"policy/basic.md":  {Data: attackDoc("basic", "public", body)},
			"policy/secret.md": {Data: attackDoc("secret", "internal", doc+"\n")},
			"policy/pub.svg":   {Data: []byte("<svg/>")},
		}
		full, err := policy.Load(fsys, policy.LoadOptions{})
		if err != nil {
			return
		}
		d := full.DocByPath("policy/basic.md")
		canaries := []string{doc}
		if i := strings.Index(string(d.Body()), cut); i >= 0 && d.LevelAt(i) > 0 {
			canaries = append(canaries, cut)
		}
		for _, e := range full.Config.EditionList() {
			files, err := buildEdition(full, e, Options{noTripwire: true})
			if err != nil || e.SeesAll(full.Config) {
				continue
			}
			for name, b := range files {
				for _, c := range canaries {
					for _, form := range forms(c) {
						if strings.Contains(name, form) || strings.Contains(string(b), form) {
							t.Fatalf("the public %s holds %q\n--- body ---\n%s", name, c, body)
						}
					}
				}
			}
		}
	})
}
