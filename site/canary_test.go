package site

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/policyctl/policyctl/internal/gittest"
)

// canaries are unique strings placed in every place of restricted content
// a renderer could copy from. content says whether the internal edition
// must show it (file names and commit messages are not page content).
var canaries = []struct {
	s       string
	content bool
}{
	{"CanaryHeadingAlpha", true},    // a restricted heading
	{"canary-explicit-id", false},   // an explicit {#id} on it (an ID, not text)
	{"CanaryBodyBravo", true},       // body text in a ::: block
	{"CanaryTableCharlie", true},    // a table cell
	{"CanaryFootnoteDelta", true},   // a footnote's text
	{"CanaryAltEcho", true},         // image alt text
	{"CanaryImgTitleFox", true},     // image title
	{"canary-secret-image", false},  // the image's file name
	{"CanaryLinkGolf", true},        // link text
	{"canary-hotel.example", false}, // link URL
	{"CanaryLinkTitleIndia", true},  // link title
	{"canary-doc-file", false},      // a restricted document's file name
	{"CanaryDocTitleJuliet", true},  // its front matter title
	{"canary-doc-id", false},        // its id
	{"CanaryNestedKilo", true},      // a numbered item nested under a restricted heading
	{"CanaryLimaCommit", false},     // a commit message
	{"極秘カナリア事項", true},              // Japanese text
	{"非公開の連絡網カナリア", true},           // a Japanese restricted heading
}

const canaryBasic = `---
id: basic
title: 試験市情報セキュリティ基本方針
tier: basic
visibility: public
approvers: [mayor]
---

# 試験市情報セキュリティ基本方針

<!-- policyctl:history -->

## 1. 目的

情報資産を守る。公開する本文である。[^pub]

## 2. 対策

(1) 組織体制を整える。

::: internal
(2) CanaryBodyBravo 極秘カナリア事項 を実施する。[^sec]

| 区分 | 内容 |
|---|---|
| 甲 | CanaryTableCharlie |

![CanaryAltEcho](images/canary-secret-image.svg "CanaryImgTitleFox")

[CanaryLinkGolf](https://canary-hotel.example/x "CanaryLinkTitleIndia")

[^sec]: CanaryFootnoteDelta
:::

## 3. 見直し

上記1及び2を見直す。

## 4. CanaryHeadingAlpha {#canary-explicit-id visibility=internal}

### (1) 非公開の連絡網カナリア

① CanaryNestedKilo

## 5. 公開の節

この節は公開する。

[^pub]: 公開の脚注である。
`

const canaryDoc = `---
id: canary-doc-id
title: CanaryDocTitleJuliet
tier: standard
visibility: internal
approvers: [mayor]
---

# CanaryDocTitleJuliet

第1条　極秘カナリア事項 を定める。
`

// canaryRepo builds a repository with history: the restricted content
// is changed in a commit whose message is a canary too.
func canaryRepo(t *testing.T) string {
	r := gittest.New(t)
	r.Commit(gittest.Commit{Files: map[string][]byte{
		"policyctl.yaml":                        []byte("organization: {id: t, name: 試験市}\ntitle: 試験市情報セキュリティポリシー\nhistory:\n  legacy:\n    - {date: 2003-09, kind: 策定}\n"),
		"policy/basic.md":                       []byte(canaryBasic),
		"policy/canary-doc-file.md":             []byte(canaryDoc),
		"policy/images/canary-secret-image.svg": []byte(`<svg xmlns="http://www.w3.org/2000/svg"><title>CanarySvgMike</title></svg>`),
		"policy/images/public.svg":              []byte(`<svg xmlns="http://www.w3.org/2000/svg"><title>公開図</title></svg>`),
	}, Message: "initial"})
	r.Commit(gittest.Commit{Files: map[string][]byte{"policy/canary-doc-file.md": []byte(strings.Replace(canaryDoc, "定める", "改めて定める", 1))}, Message: "CanaryLimaCommit"})
	return r.Dir
}

func buildSite(t *testing.T, dir string) string {
	t.Helper()
	return buildWith(t, dir, nil)
}

// forms are the ways a string can appear in output: raw, lower-cased,
// JSON-escaped (with and without \u escapes) and percent-encoded.
func forms(s string) []string {
	j, _ := json.Marshal(s)
	var ascii strings.Builder
	for _, r := range s {
		if r < 128 {
			ascii.WriteRune(r)
		} else {
			fmt.Fprintf(&ascii, "\\u%04x", r)
		}
	}
	out := []string{s, strings.ToLower(s), strings.Trim(string(j), `"`), ascii.String(), strings.ToUpper(ascii.String()),
		url.PathEscape(s), url.QueryEscape(s), strings.ToLower(url.PathEscape(s))}
	return out
}

func TestCanaries(t *testing.T) {
	out := buildSite(t, canaryRepo(t))
	files := map[string][]byte{}
	for _, ed := range []string{"public", "internal"} {
		root := filepath.Join(out, ed)
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := os.ReadFile(p)
			rel, _ := filepath.Rel(out, p)
			files[filepath.ToSlash(rel)] = b
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(files) < 10 {
		t.Fatalf("only %d files built", len(files))
	}
	for _, c := range canaries {
		for _, f := range forms(c.s) {
			for name, b := range files {
				if !strings.HasPrefix(name, "public/") {
					continue
				}
				if strings.Contains(name, f) || strings.Contains(strings.ToLower(name), strings.ToLower(f)) {
					t.Errorf("public file name %s contains %q", name, c.s)
				}
				if strings.Contains(string(b), f) || strings.Contains(strings.ToLower(string(b)), strings.ToLower(f)) {
					t.Errorf("public file %s contains %q (as %q)", name, c.s, f)
				}
			}
		}
		if !c.content {
			continue
		}
		found := false
		for name, b := range files {
			if strings.HasPrefix(name, "internal/") && strings.Contains(string(b), c.s) {
				found = true
			}
		}
		if !found {
			t.Errorf("the internal edition does not show %q", c.s)
		}
	}
	// The public edition still holds its own content.
	pub := string(files["public/basic.html"])
	for _, want := range []string{"公開する本文である", "公開の脚注である", "5. 公開の節", "上記1"} {
		if !strings.Contains(pub, want) {
			t.Errorf("public page lacks %q", want)
		}
	}
	if _, ok := files["public/files/policy/images/canary-secret-image.svg"]; ok {
		t.Error("an image only restricted content uses was copied to the public edition")
	}
}
