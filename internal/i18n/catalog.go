package i18n

import (
	"golang.org/x/text/feature/plural"
	"golang.org/x/text/message/catalog"
)

// japanese is the catalogue: every message in English (the key, as the
// code writes it) and in Japanese.
var japanese = map[string]string{
	"\tfix: %s\n":  "\t修正: %s\n",
	"\thint: %s\n": "\t対処: %s\n",
	"\n\n| committee | quorum | result | approved by | documents not approved |\n|---|---|---|---|---|\n": "\n\n| 委員会 | 定足数 | 結果 | 承認した構成員 | 承認されていない文書 |\n|---|---|---|---|---|\n",
	"\n\n| date | kind | edition | documents changed |\n|---|---|---|---|\n":                              "\n\n| 年月 | 区分 | 版 | 改正した文書 |\n|---|---|---|---|\n",
	"\n$ policyctl %s\n": "\n$ policyctl %s\n",
	"\nAnyone can check it with OpenSSH:\n  ssh-keygen -Y verify -f %s -I %s -n %s -s %s.sig < %s.json\n":                                                                      "\nOpenSSH だけで誰でも確かめられます:\n  ssh-keygen -Y verify -f %s -I %s -n %s -s %s.sig < %s.json\n",
	"\nChanged since %s, the revision approved before:\n":                                                                                                                      "\n前に承認された版（%s）から変わった文書:\n",
	"\nNext: add the other members and their keys to approvals/registry.yaml when you have them (then run policyctl signers), commit, then run policyctl check -C %s\n":        "\n次に: ほかの構成員とその鍵がそろったら approvals/registry.yaml に書き、policyctl signers を実行してください。コミットし、policyctl check -C %s を実行してください。\n",
	"\nNext: add the members and their SSH public keys to approvals/registry.yaml, run policyctl signers, commit, then run policyctl check -C %s\n":                            "\n次に: approvals/registry.yaml に構成員と SSH 公開鍵を書き、policyctl signers を実行してコミットし、policyctl check -C %s を実行してください。\n",
	"\nNext: each committee marked 未 or 変 approves: policyctl approve --revision %s --committee ID --member ID\n":                                                              "\n次に: 未・変の委員会が承認してください: policyctl approve --revision %s --committee ID --member ID\n",
	"\nNext: fix what no approval can make right (policyctl verify lists it), then approve.\n":                                                                                 "\n次に: 承認では解消できない問題（policyctl verify が示します）を直してから承認してください。\n",
	"\nNext: revision %s is approved and sealed; the content changed since. Record a new revision: policyctl approve --revision YYYY-MM-DD --kind 一部改正 … (a date after %s).\n": "\n次に: 版 %s は承認済みで内容が確定しています。その後に内容が変わりました。新しい版として記録してください: policyctl approve --revision YYYY-MM-DD --kind 一部改正 …（%s より後の日付）\n",
	"\nNo revision was approved before: this is the first.\n":                                                                                                                  "\n前に承認された版はありません。これが最初の版です。\n",
	"\nRevision %s is approved by every committee. Commit and push: its date has come, and CI publishes it.\n":                                                                 "\n版 %s はすべての委員会が承認しました。コミットして push してください。施行日を過ぎているので、CI が公開します。\n",
	"\nRevision %s is approved by every committee. Commit and push: CI publishes it once its date has come.\n":                                                                 "\n版 %s はすべての委員会が承認しました。コミットして push してください。施行日が来ると CI が公開します。\n",
	"\nSign what is shown above? [y/N] ":                                  "\n上の内容に署名しますか？ [y/N] ",
	"\nSigned with %s %s. Wrote:\n":                                       "\n%s %s で署名しました。書き出したファイル:\n",
	"\nThe site: file://%s\n":                                             "\nサイト: file://%s\n",
	"\n施行予定: revision %s is approved and takes effect on %s.\n":           "\n施行予定: 版 %s は承認済みで、%sに施行されます。\n",
	"       %s: abolished by this revision; the committee signs for it\n": "       %s: この版で廃止します。委員会が廃止に署名します\n",
	"       %s: missing\n":                                                "       %s: 未承認\n",
	"       %s: stale: %s since %s approved it\n":                         "       %[1]s: 変更あり: %[3]s の承認の後に%[2]s\n",
	"    file %s sha256 %s\n":                                             "    ファイル %s sha256 %s\n",
	"  %s\n    %s (%s)\n    sha256 %s\n":                                  "  %s\n    %s（%s）\n    sha256 %s\n",
	"  %s %s (%s)\n":                                                      "  %s %s（%s）\n",
	"  (before the repository)":                                           "  （リポジトリ以前）",
	"  (none of the documents this committee approves)\n":                 "  （この委員会が承認する文書は変わっていません）\n",
	"  (the first revision in the repository)":                            "  （リポジトリで最初の版）",
	"  (施行予定: takes effect on its date)":                                  "  （施行予定）",
	"  [%s] %s %s (quorum %d)":                                            "  [%s] %s %s（定足数 %d）",
	"  abolished: %s (%s)\n":                                              "  廃止: %s（%s）\n",
	"  approvals    %d signatures by the members of 7 committees, one set per revision\n":   "  承認       7 委員会の構成員による %d 件の署名（版ごとに一式）\n",
	"  demo keys    %d members, in %s/ (demo only)\n":                                       "  デモ用の鍵  構成員 %d 名分、%s/ にあります（デモ専用）\n",
	"  git history  %d commits; revisions %s; %d draft commit(s) after the last revision\n": "  git 履歴    %d 件のコミット。版 %s。最後の版の後に案のコミットが %d 件\n",
	"  policyctl diff %s shows the 新旧対照表.\n":                                                "  policyctl diff %s で新旧対照表を表示します。\n",
	" (%d places; this is the first)":                                                       "、全 %d 箇所のうち最初の箇所",
	" Also judged under the rules of %s.":                                                   " %s の規則でも判定しています。",
	" at line %d":                                                                           "（%d 行目）",
	" is missing or unreadable: nobody can approve":                                         " がないか読めません。誰も承認できません",
	" or ":                             " 又は ",
	"interrupted; nothing was written": "中断しました。何も書き込んでいません",
	"%s in %s would point the other way than its direction word after the move; rewrite it by hand":                           "%s（%s の中）は、移動の後、方向を示す語と逆を指すことになります。手で書き直してください",
	"--branch: %s stands before the first article, where no 枝番 can be made; it is numbered %s and the articles after it move": "--branch: %s は最初の条の前にあり、枝番にできません。%s とし、後の条を繰り下げます",
	"%s: left out, it would not keep everything as it is:":                                                                    "%s: 適用しませんでした。次のとおり、変わってはならないものが変わるためです:",
	"name the section the number stands under: 上記2(2), 基本方針2(2)":                                                              "番号の上の節を示して書いてください: 上記2(2)、基本方針2(2)",
	"%s: %s has one 項, and an article of one 項 is cited without it":                                                           "%s: %s は項が一つの条です。項が一つの条は、項を付けずに引用します",
	"%s: %s has %d 項, and a 号 of such an article is cited with its 項":                                                         "%s: %s には項が %d あります。そのような条の号は、項を付けて引用します",
	"write %s (or was %s meant?)":   "%s と書いてください（%s のことではありませんか）",
	"write %s":                      "%s と書いてください",
	"%s stands outside any article": "%s は、どの条の中にもありません",
	"第N項 without an article stands outside any article: this text has no 条 whose 項 it could be":      "条を付けない第N項は、条の外にあります。この箇所には、その項を持つ条がありません",
	"第N号 without an article stands outside any article: this text has no 条 or 項 whose 号 it could be": "条を付けない第N号は、条の外にあります。この箇所には、その号を持つ条や項がありません",
	"### Verification of approvals — revision %s (%s): %s\n\n":                                       "### 承認の検証 — 版 %s（%s）: %s\n\n",
	"%d bytes of trailing data after the signature":                                                  "署名の後に %d バイトの余分なデータがあります",
	"%d errors, %d warnings in %d documents\n":                                                       "誤り %d 件、警告 %d 件（%d 文書）\n",
	"%d files converted to UTF-8 with LF line ends in NFC (text/encoding)":                           "UTF-8・LF 改行・NFC への変換 %d 件（text/encoding）",
	"%d numbers in link texts rewritten":                                                             "リンク文字列の番号の書き換え %d 件",
	"%d numbers written in the configured style (numbering/style)":                                   "設定の書き方への数字の変更 %d 件（numbering/style）",
	"%d of %d approvals name the current content of every document":                                  "判定の対象とした全文書の内容を承認している構成員は %d 名（定足数 %d）",
	"%d provisions renumbered":                                                                       "条項の番号の振り直し %d 件",
	"%d provisions renumbered (numbering/gap, numbering/duplicate)":                                  "条項の番号の振り直し %d 件（numbering/gap・numbering/duplicate）",
	"%d references rewritten":                                                                        "参照の書き換え %d 件",
	"%d references rewritten to keep their targets (ref/renumbered)":                                 "参照先を保つための参照の書き換え %d 件（ref/renumbered）",
	"%q has a malformed %%-escape":                                                                   "%q の %% による符号化が正しくありません",
	"%q has no host; expected an address such as \"https://www.city.example.jp/security-policy/\"":   "%q にホスト名がありません。\"https://www.city.example.jp/security-policy/\" のようなアドレスを書いてください",
	"%q has no http:// or https:// scheme; expected the address the public edition is published at, such as \"https://www.city.example.jp/security-policy/\"": "%q に http:// 又は https:// がありません。公開版を公開するアドレス（\"https://www.city.example.jp/security-policy/\" など）を書いてください",
	"%q holds a backslash or a control character": "%q にバックスラッシュか制御文字が含まれています",
	"%q is not a URL: %v":                         "%q は URL ではありません: %v",
	"%q is not a date in the calendar; expected YYYY-MM or YYYY-MM-DD, such as 2003-09 or 2003-09-01": "%q は暦にある日付ではありません。2003-09 や 2003-09-01 のように YYYY-MM か YYYY-MM-DD で書いてください",
	"%q is not a level name; expected lower-case letters, digits and \"-\"":                           "%q は区分名ではありません。英小文字・数字・「-」で書いてください",
	"%q is not a revision kind; expected one of %s":                                                   "%q は改訂の種類ではありません。次のいずれかです: %s",
	"%q is not a valid glob; expected a pattern such as \"policy/**/*.md\"":                           "%q は正しい glob ではありません。\"policy/**/*.md\" のようなパターンを書いてください",
	"%q is not an edition name; expected lower-case letters, digits and \"-\"":                        "%q は版の名前ではありません。英小文字・数字・「-」で書いてください",
	"%q is not an id; expected lower-case letters, digits and \"-\", such as \"sakuradai\"":           "%q は id ではありません。\"sakuradai\" のように英小文字・数字・「-」で書いてください",
	"%q is written with a full-width colon (：): YAML reads the line as text, not as the key %s":       "%q は全角のコロン（：）で書かれています。YAML はこの行を項目 %s ではなく文字として読みます",
	"%q leaves the repository": "%q はリポジトリの外を指しています",
	"%q looks like a ::: visibility fence but is not one the parser recognised (levels: %s); it would be published as text and its content not restricted": "%q は ::: による公開範囲の指定に似ていますが、正しい指定ではありません（区分: %s）。文字のまま公開され、内容は制限されません",
	"%q matches no file: there is no document to check, approve or publish; write the documents there, or correct the glob":                                "%q に合うファイルがありません。検査・承認・公開する文書がありません。文書をそこに置くか、glob を直してください",
	"%q names %s, a Markdown file that is not a policy document (the documents glob does not match it); it would be published as raw source":               "%q は %s を指しています。これは文書でない Markdown ファイルです（documents の glob に合いません）。原稿のまま公開されてしまいます",
	"%q names %s, a hidden file or folder (.git and the like are never published)":                                                                         "%q は %s を指しています。隠しファイル・フォルダです（.git などは決して公開しません）",
	"%q names %s, which is part of policyctl's own records, not content":                                                                                   "%q は %s を指しています。これは policyctl の記録であり、内容ではありません",
	"%q: %s does not exist": "%q: %s がありません",
	"%s is read through %s, a symbolic link: policyctl never follows one, and reads no document through it":                                               "%s はシンボリックリンク %s を通して読むことになります。policyctl はリンクをたどらず、文書として読みません",
	"replace it by a regular file holding the document":                                                                                                   "文書を書いた通常のファイルに置き換えてください",
	"%s is not a regular file: policyctl reads no document from it":                                                                                       "%s は通常のファイルではありません。文書として読みません",
	"%s is a symbolic link: policyctl never follows one, and reads no document from it":                                                                   "%s はシンボリックリンクです。policyctl はリンクをたどらず、文書として読みません",
	"%s is a symbolic link to a folder: policyctl never follows one, and reads no document in it":                                                         "%s はフォルダへのシンボリックリンクです。policyctl はリンクをたどらず、その中の文書を読みません",
	"%s is not listed in its folder under that exact name: policyctl reads no document it cannot see listed":                                              "%s は、この名前のとおりにはフォルダの一覧にありません。一覧で確かめられない文書は読みません",
	"%s is read through %s, which is not a plain folder: policyctl reads no document through it":                                                          "%s は通常のフォルダでない %s を通して読むことになります。policyctl はそこから文書を読みません",
	"name the file exactly as the folder lists it (upper and lower case, and Unicode normalisation, count)":                                               "フォルダの一覧にあるとおりの名前で指定してください（大文字・小文字と Unicode の正規化も区別します）",
	"replace the link by the folder itself, and commit its files":                                                                                         "リンクをフォルダそのものに置き換え、その中のファイルをコミットしてください",
	"policyctl: warning: %s is ignored: the key it names decides what editions show and what approvals name, so only the approved policyctl.yaml sets it": "policyctl: 警告: %s は使いません。この設定は各版に載せる内容と承認の対象を決めるため、承認された policyctl.yaml だけで設定します",
	"replace the link by the file itself, and commit the file":                                                                                            "リンクをファイルそのものに置き換えてコミットしてください",
	"%s: the folder %s does not exist: create it first (mkdir -p %s) or name a file in a folder that exists":                                              "%s: フォルダー %s がありません。先に作るか（mkdir -p %s）、既にあるフォルダーのファイルを指定してください",
	"%s: no permission to write in the folder %s: name a file in a folder you can write to":                                                               "%s: フォルダー %s に書き込む権限がありません。書き込めるフォルダーのファイルを指定してください",
	"%q: %s does not exist, but %s does: the names differ in case or Unicode normalisation":                                                               "%q: %s はありませんが、%s があります。名前が大文字・小文字か Unicode の正規化だけ違います",
	"%q: %s is a symbolic link; policyctl never follows one":                                                                                              "%q: %s はシンボリックリンクです。policyctl はシンボリックリンクをたどりません",
	"%q: %s is not a folder":       "%q: %s はフォルダではありません",
	"%q: %s is not a regular file": "%q: %s は通常のファイルではありません",
	"%q: expected half-width (2), full-width (２) or any; without it, as style.digits": "%q: half-width（2）、full-width（２）又は any を指定してください。指定しなければ style.digits に従います",
	"%q: expected full-width (カタカナ; half-width ｶﾀｶﾅ is reported) or any":              "%q: full-width（カタカナ。半角の ｶﾀｶﾅ を報告します）又は any を書いてください",
	"%q: expected arabic (第12条), kanji (第十二条) or any":                                 "%q: arabic（第12条）、kanji（第十二条）、any のいずれかを書いてください",
	"%q: expected half-width (第5条, (1)), full-width (第５条, （１）) or any":                "%q: half-width（第5条、(1)）、full-width（第５条、（１））、any のいずれかを書いてください",
	"%q: expected ja or en":                                                            "%q: ja か en を書いてください",
	"%q: expected new-old (改正後 on the left) or old-new":                                "%q: new-old（改正後が左）か old-new を書いてください",
	"%q: expected the address of a folder, without a query, a fragment or a user name": "%q: フォルダのアドレスを、? や # や利用者名を付けずに書いてください",
	"%s %s %s (quorum %d)":                                                             "%s %s %s（定足数 %d）",
	"%s %s (%s)\n":                                                                     "%s %s（%s）\n",
	"%s (%s)":                                                                          "%s（%s）",
	"%s (%s) approves revision %s (%s, %s) for %s.\n":                                  "%s（%s）が、版 %s（%s、%s）を%sとして承認します。\n",
	"%s (abolished)":                                                                   "%s（廃止）",
	"%s (added)":                                                                       "%s（新設）",
	"%s (amended)":                                                                     "%s（改正）",
	"%s (line %d)":                                                                     "%s（%d 行目）",
	"%s already exists; init does not overwrite files":                                 "%s はすでにあります。init はファイルを上書きしません",
	"%s already holds a policyctl.yaml; init only creates new repositories":                                       "%s にはすでに policyctl.yaml があります。init は新しいリポジトリだけを作ります",
	"%s and %s differ only in case or Unicode normalisation: on a case-insensitive file system they are one file": "%s と %s は大文字・小文字か Unicode の正規化だけが違います。大文字・小文字を区別しないファイルシステムでは同じファイルになります",
	"%s cannot be numbered %s in its style; renumber it by hand":                                                  "%s は、その書き方では %s と番号を付けられません。手で振り直してください",
	"%s cannot be rewritten on its own; rewrite it by hand":                                                       "%s は単独では書き換えられません。手で書き直してください",
	"%s cannot be rewritten to keep pointing at %s; rewrite it by hand":                                           "%s を、%s を指したまま書き換えることができません。手で書き直してください",
	"%s cannot be rewritten to point at %s; rewrite it by hand":                                                   "%s を、%s を指すよう書き換えることができません。手で書き直してください",
	"%s cannot be written as %s in its style; rewrite it by hand":                                                 "%s は、その書き方では %s と書けません。手で書き直してください",
	"%s changed since policyctl read it; nothing was written: run the command again on the file as it is now":     "%s は policyctl が読んだ後に変更されました。何も書き込んでいません。今のファイルに対してもう一度実行してください",
	"%s could mean any of %s": "%s は次のどれとも読めます: %s",
	"%s could mean any of %s, which carry the same number; write the number of the one you mean (or compare with the revision that had one, --against REV), then renumber": "%s は、同じ番号を持つ %s のどれを指すか決まりません。指したい条項の番号を書いてから（又は番号が一つだった版と比べて --against REV）、振り直してください",
	"%s does not resolve: %s":                                            "%s の参照先がありません: %s",
	"%s does not resolve: %s (%s) has no %s":                             "%s の参照先がありません: %s（%s）に %s はありません",
	"%s does not resolve: no %s above it":                                "%s の参照先がありません: 上に%sがありません",
	"%s does not resolve: no %s below it":                                "%s の参照先がありません: 下に%sがありません",
	"%s does not resolve: no %s in the sections around it":               "%s の参照先がありません: 前後に%sがありません",
	"%s does not resolve: no %s in this document or another %s document": "%[1]s の参照先がありません: この文書にも他の%[3]sにも %[2]s はありません",
	"%s follows %s (%s line %d), which is to be %s; expected %s":         "%s は %s（%s %d 行目。%s になる予定）の次にあります。%s のはずです",
	"%s follows %s (%s line %d); expected %s":                            "%s は %s（%s %d 行目）の次にあります。%s が来るはずです",
	"%s has no %s":                                "%s に %s はありません",
	"%s has no %s to exclude":                     "%s には除く %s がありません",
	"%s has no %s to limit it to":                 "%s には限る %s がありません",
	"%s has no number yet; in its place it is %s": "%s にはまだ番号がありません。この位置では %s です",
	"%s has nothing before it to refer to":        "%s の前に指すものがありません",
	"%s is %d bytes, larger than %d":              "%s は %d バイトで、上限の %d バイトを超えています",
	"%s is a level-%d heading; its siblings of the same numbering are level %d": "%s は見出しレベル %d です。同じ種類の番号の節はレベル %d です",
	"%s is a public key: sign with its private key, %s (the file without .pub)": "%s は公開鍵です。対になる秘密鍵 %s（.pub のないファイル）で署名してください",
	"%s is larger than %d bytes":                       "%s は %d バイトを超えています",
	"%s is missing":                                    "%s がありません",
	"%s is missing or unreadable; run policyctl check": "%s がないか読めません。policyctl check を実行してください",
	"%s is not a provision's number: numbers start at 1 and stay below %d":                            "%s は規定の番号ではありません。番号は1から始まり、%d より小さい数です",
	"%s is not empty; choose another directory or pass --force to replace it":                         "%s は空ではありません。別のディレクトリを選ぶか、--force で置き換えてください",
	"half-width katakana %s: policyctl.yaml's style.kana asks for full-width, as 公用文 writes it: %s":   "半角カタカナ %s: policyctl.yaml の style.kana は全角（公用文の書き方）を求めています: %s",
	"write %s; or set style.kana: any in policyctl.yaml":                                              "%s と書いてください。又は policyctl.yaml で style.kana: any としてください",
	"write %d runs of half-width katakana full-width":                                                 "半角カタカナ %d 箇所を全角に",
	"%d runs of half-width katakana written full-width (text/kana)":                                   "半角カタカナの全角への書き直し %d 箇所（text/kana）",
	"%s is not written as policyctl.yaml's style asks (%s): %s":                                       "%s は policyctl.yaml の書き方（%s）と違います: %s",
	"%s is one of several provisions written as one (２・３　（略）); renumber it by hand":                   "%s は一つにまとめて書かれた条項（２・３　（略））の一つです。手で振り直してください",
	"%s is protected by a passphrase: add it to ssh-agent (ssh-add %s) and run approve without --key": "%s はパスフレーズで保護されています。ssh-agent に登録し（ssh-add %s）、--key を付けずに approve を実行してください",
	"%s line %d": "%s %d 行目",
	"%s names level %q, which is not one of the levels of %s (%s); treated as the most restricted level":                              "%s が区分 %q を指定していますが、%s の区分（%s）にありません。最も制限の強い区分として扱います",
	"%s no longer means %s and cannot be written as its number; rewrite it by hand":                                                   "%s は %s を指さなくなり、その番号でも書けません。手で書き直してください",
	"%s now means %s, not %s; rewrite it by hand":                                                                                     "%s は %s ではなく %s を指すようになります。手で書き直してください",
	"%s pointed at %s in %s, which is now %s; %s":                                                                                     "%s は %s（%s）を指していましたが、その規定は現在 %s です。%s",
	"%s pointed at %s in %s, which was removed; %s":                                                                                   "%s は %s（%s）を指していましたが、その規定は削られました。%s",
	"%s pointed at %s in %s; the provisions around it were renumbered and %s":                                                         "%s は %s（%s）を指していましたが、前後の規定の番号が変わり、%s",
	"%s pointed at %s in the base revision, which is no longer there; rewrite the sentence (or cite what replaces it), then renumber": "%s は比較元の版で %s を指していましたが、その条項はもうありません。文を書き直して（又は代わりの条項を引用して）から振り直してください",
	"%s points above: it resolves to %s at line %d, before the reference":                                                             "%[1]s は上を指しています: 参照先の %[2]s は %[3]d 行目で、参照より前にあります",
	"%s points at %s: %s": "%s は %s を指しています: %s",
	"%s points below: it resolves to %s at line %d, after the reference":                         "%[1]s は下を指しています: 参照先の %[2]s は %[3]d 行目で、参照より後にあります",
	"%s refused, nothing was written:\n\t%s":                                                     "%s は取りやめました。何も書き込んでいません:\n\t%s",
	"%s repeats the number of %s line %d":                                                        "%s は %s（%d 行目）と同じ番号です",
	"%s resolves to %s, but the text speaks of 「%s」":                                             "%s は %s を指していますが、文章は「%s」について述べています",
	"%s resolves to nothing now, and would point at %s after renumbering; correct it first":      "%s は今どこも指していませんが、振り直すと %s を指すことになります。先に直してください",
	"%s runs backwards: %s stands after %s":                                                      "%s の範囲が逆です: %s が %s の後にあります",
	"%s stands in the first %s":                                                                  "%s は最初の%sにあります",
	"%s stands in the first %s: there is none before it":                                         "%s は最初の%sにあります。その前はありません",
	"%s stands in the last %s: there is none after it":                                           "%s は最後の%sにあります。その後はありません",
	"%s stands outside any %s":                                                                   "%s はどの%sの中にもありません",
	"%s starts its sequence; expected %s":                                                        "%s で番号が始まっています。%s から始まるはずです",
	"%s text cites %s (%s), which is %s":                                                         "%sの文章が %s（%s）を参照しています。そちらは%sです",
	"%s text links to %s, which is %s":                                                           "%sの文章が %s にリンクしています。そちらは%sです",
	"%s text quotes 「%s」, the title of %s, which is more restricted":                             "%[1]sの文章が %[3]s の題名「%[2]s」を引用しています。そちらはより制限された内容です",
	"%s to %q: %s has no section #%s":                                                            "%s %q: %s に節 #%s はありません",
	"%s to %s":                                                                                   "%s %s",
	"%s would be read as another kind of provision after the edits; renumber it by hand":         "%s は書き換えの後、別の種類の条項として読まれてしまいます。手で振り直してください",
	"%s would come to cover a provision inserted between its ends; rewrite it as a list by hand": "%s は、両端の間に挿入された条項まで含むことになります。手で列挙に書き直してください",
	"%s would no longer read as a reference to %s; rewrite it by hand":                           "%s は %s への参照として読めなくなります。手で書き直してください",
	"%s would point at %s instead of %s; rewrite it by hand":                                     "%[1]s は %[3]s ではなく %[2]s を指すことになります。手で書き直してください",
	"%s would read as %s, not %s, after the edits":                                               "%s は書き換えの後、%s ではなく %s と読まれてしまいます",
	"%s: %s %s: %s (check would report this only after the change)":                              "%s: %s %s: %s（この変更をすると check が新たに報告します）",
	"%s: %w; nothing was written":                                                                "%s: %w。何も書き込んでいません",
	"%q: %s is a symbolic link (or another entry that is no plain folder): policyctl never follows one, and reads no document through it; replace the link by the folder itself and commit its files, or point the glob at the folder": "%q: %s はシンボリックリンク（又は通常のフォルダではないもの）です。policyctl はリンクをたどらず、その先の文書を読みません。リンクをフォルダそのものに置き換えてファイルをコミットするか、glob をそのフォルダに向けてください",
	"not a regular file": "通常のファイルではありません",
	"%s is a symbolic link that is absolute or leads out of the repository's folder: policyctl reads nothing through it (%w)": "%s は絶対パスの、又はリポジトリのフォルダの外に通じるシンボリックリンクです。policyctl はこれを通して何も読みません（%w）",
	"%w; nothing was written":                                         "%w。何も書き込んでいません",
	"%s changed since policyctl read it":                              "%s は policyctl が読んだ後に変更されました",
	"%s (the old text is in %s)":                                      "%s（元の内容は %s にあります）",
	"%s; these files could not be put back and hold the new text: %s": "%s。次のファイルは元に戻せず、新しい内容のままです: %s",
	"%s: expected %s":                                                 "%s: %s を書いてください",
	"%s: no such directory":                                           "%s: そのようなディレクトリはありません",
	"%s: not a directory":                                             "%s: ディレクトリではありません",
	"%s: only %d %s before it":                                        "%s: その前には %d 個の%sしかありません",
	"%w\nRun '%s --help' for usage.":                                  "%w\n使い方は '%s --help' で表示します。",
	"%w (%w)":                                                         "%w（%w）",
	"%w (commit %s: %v)":                                              "%w（コミット %s: %v）",
	"%w; the legacy revisions alone are in policyctl.yaml":            "%w。リポジトリ以前の改訂だけが policyctl.yaml にあります",
	"no such name":                                                    "その名前はありません",
	"no such object":                                                  "そのオブジェクトはありません",
	"%s text refers to a footnote whose definition (line %d) is in a more restricted part: an edition without that part cannot show it, and build refuses it":       "%s の文章が、より制限された部分（%d 行目）に定義のある脚注を参照しています。その部分を含まない版では表示できないため、build はその版を作りません",
	"write the footnote's definition in the part that refers to it, or restrict the text that refers to it":                                                         "脚注の定義を参照する部分に書くか、参照する文章も制限してください",
	"%s text uses a link reference definition (line %d) that is in a more restricted part: an edition without that part cannot show the link, and build refuses it": "%s の文章が、より制限された部分（%d 行目）にあるリンクの参照定義を使っています。その部分を含まない版ではリンクを表示できないため、build はその版を作りません",
	"write the definition in the part that uses it, or restrict the text that uses it":                                                                              "参照定義を使う部分に書くか、使う文章も制限してください",
	"a symbolic link or something else that is not a file: a revision is read only from a file in its folder":                                                       "シンボリックリンク又はファイル以外のものです。版は、そのフォルダにあるファイルからだけ読みます",
	"nothing":     "何もない状態",
	"text":        "文字",
	"a link":      "リンク",
	"an image":    "画像",
	"a paragraph": "段落",
	"a heading":   "見出し",
	"a symbolic link (or another entry that is no plain file): a working tree would follow it where a commit holds its text; write the configuration in the file itself": "シンボリックリンク（又は通常のファイルでないもの）です。作業ツリーではリンク先を読み、コミットではリンクの文字列を読むことになります。設定はファイルそのものに書いてください",
	"a symbolic link (or another entry that is no plain file): a working tree would follow it where a commit holds its text; write the registry in the file itself":      "シンボリックリンク（又は通常のファイルでないもの）です。作業ツリーではリンク先を読み、コミットではリンクの文字列を読むことになります。名簿はファイルそのものに書いてください",
	"%s is not a key: expected 64 hexadecimal digits (openssl rand -hex 32)":                                                                                             "%s は鍵ではありません。64桁の16進数を指定してください（openssl rand -hex 32）",
	"policyctl: %v; pages are rendered again and not kept\n":                                                                                                             "policyctl: %v。ページは作り直し、保存しません\n",
	"(none)":                               "（なし）",
	", ":                                   "、",
	"--against %s: %w":                     "--against %s: %w",
	"--at %q: expected a date, YYYY-MM-DD": "--at %q: 日付を YYYY-MM-DD で書いてください",
	"--cache %s: %w":                       "--cache %s: %w",
	"--doc %q: no document has that id (ids: %s)": "--doc %q: その id の文書はありません（id: %s）",
	"%s and %d more": "%s ほか %d 件",
	"--doc %q: no document has that id in either revision (ids: %s)":                       "--doc %q: どちらの版にもその id の文書はありません（id: %s）",
	"--edition %q: not an edition of policyctl.yaml (editions: %s)":                        "--edition %q: policyctl.yaml にない版です（版: %s）",
	"--edition %q: not an edition of policyctl.yaml (editions: %s, or all)":                "--edition %q: policyctl.yaml にない版です（版: %s、又は all）",
	"--format %q: expected text, html, markdown, json, docx, xlsx or kaimebun":             "--format %q: text、html、markdown、json、docx、xlsx、kaimebun のいずれかを指定してください",
	"--format %q: expected text, json or markdown":                                         "--format %q: text、json、markdown のいずれかを指定してください",
	"--format %q: expected text, json, github or sarif":                                    "--format %q: text、json、github、sarif のいずれかを指定してください",
	"--format %q: expected text, markdown or json":                                         "--format %q: text、markdown、json のいずれかを指定してください",
	"--format %s writes a binary file: name it with -o FILE (or redirect standard output)": "--format %s はバイナリファイルを書き出します。-o FILE でファイル名を指定してください（又は標準出力をリダイレクトしてください）",
	"--rev %s: %s is not in a git repository":                                              "--rev %s: %s は git リポジトリの中にありません",
	"--rev %s: %w": "--rev %s: %w",
	"--rev %s: revision %s is a draft: its approvals are not complete (policyctl verify --revision %s says what is missing)":                                   "--rev %s: 版 %s は案です。承認がそろっていません（policyctl verify --revision %s で足りないものを表示します）",
	"--rev in-force: no revision is in force on %s: record one with policyctl approve and complete its approvals (policyctl status shows what is missing)%s%s": "--rev in-force: %s に施行中の版がありません。policyctl approve で版を記録し、承認をそろえてください（policyctl status で足りないものを表示します）%s%s",
	"--revision %q: expected a revision id, a date YYYY-MM-DD":                                                                                                 "--revision %q: 版の id（YYYY-MM-DD の日付）を指定してください",
	"--revision %s: no such revision is recorded (approvals/%s/revision.yaml)":                                                                                 "--revision %s: その版は記録されていません（approvals/%s/revision.yaml）",
	"--set %q: expected KEY=VALUE, such as --set site.base_url=https://example.jp/policy/":                                                                     "--set %q: KEY=VALUE の形で指定してください（例: --set site.base_url=https://example.jp/policy/）",
	": ":               ": ",
	": approved by %s": ": 承認: %s",
	"::: %s is never closed; everything to the end of its container is restricted": "::: %s が閉じられていません。それを含むブロックの終わりまで、すべてが非公開になります",
	"; ": "。",
	"; revision %s is approved and takes effect on %s (施行予定): to use it before then, name it (%s) or judge that day (--at %s)": "。版 %s は承認済みで、%sに施行されます（施行予定）。それより前に使うには、版を指定するか（%s）、その日で判定してください（--at %s）",
	"Approvals that do not count:\n":                                      "数に入らない承認:\n",
	"Commit these files; policyctl status shows who else must approve.\n": "これらのファイルをコミットしてください。他に承認が必要な委員会は policyctl status で表示します。\n",
	"Content: %s.":                         "内容: %s。",
	"Created a policy repository in %s:\n": "%s にポリシーのリポジトリを作りました:\n",
	"Did you mean this?":                   "次のコマンドのことですか？",
	"Judged under its own rules and those of %s, the revision in force before it.\n":  "この版自身の規則と、前に施行された版 %s の規則で判定しています。\n",
	"Next: %s diff -C %s %s %s --format html -o %s\n":                                 "次に: %s diff -C %s %s %s --format html -o %s\n",
	"Next: cd %s && git log --oneline; %s diff %s %s --format html -o shinkyu.html\n": "次に: cd %s && git log --oneline; %s diff %s %s --format html -o shinkyu.html\n",
	"Not signed.\n": "署名しませんでした。\n",
	"Organisation %s\n  policyctl.yaml  sha256 %s\n  registry        sha256 %s\n\nDocuments approved (SHA-256 of their exact bytes):\n": "団体 %s\n  policyctl.yaml  sha256 %s\n  名簿           sha256 %s\n\n承認する文書（正確なバイト列の SHA-256）:\n",
	"RSA signature format %q is not rsa-sha2-256 or rsa-sha2-512":                                                                       "RSA 署名の形式 %q は rsa-sha2-256 でも rsa-sha2-512 でもありません",
	"Revision %s (%s) against %s\n": "版 %s（%s）、判定の対象: %s\n",
	"Revision %s (%s): %s approved, %s missing, %s stale (changed since approved), %s not an approver\n\n": "版 %s（%s）: %s 承認済み、%s 未承認、%s 変更あり（承認の後に変更）、%s 承認者でない\n\n",
	"The internal edition (not for publication): file://%s\n":                                              "庁内版（公開しない）: file://%s\n",
	"What no approval can make right:\n":                                                                   "承認では解消できない問題:\n",
	"Wrote the example policy repository to %s\n\n":                                                        "みどり野市の情報セキュリティポリシーを %s に作成しました。\n\n",
	"a file it links to changed":                                                                           "リンクするファイルが変わりました",
	"a link from less restricted text would break in its edition and reveal what the restricted part is; remove it or restrict the linking text": "広い版ではリンクが切れ、制限された部分の存在が分かってしまいます。リンクを削るか、リンクする文章も制限してください",
	"a list cannot be followed by a further number":     "複数の箇所の後に更に番号を続けることはできません",
	"a list of committee ids, such as [mayor, council]": "委員会の id の並び（例: [mayor, council]）",
	"a new revision": "新しい版",
	"a part can only be more restricted than the document or section around it":                                                                       "部分は、それを含む文書や節より狭くしかできません",
	"a provision does not cite itself by number; write %s, or check the number (was it renumbered?)":                                                  "規定は自分を番号で引用しません。「%s」と書くか、番号を確かめてください（付け直されていませんか）",
	"a provision does not cite itself by number; leave the number out (この規定 reads as the provision itself), or check the number (was it renumbered?)": "規定は自分を番号で引用しません。番号を書かずに表す（「この規定」など）か、番号を確かめてください（付け直されていませんか）",
	"a section it stands in":                                "自らを含む箇所",
	"a string":                                              "文字列",
	"a 項 (the next is 第%d項)":                                "項（次は第%d項）",
	"abolished":                                             "廃止",
	"accepts %s arguments, received %s":                     "引数は %s 個です（%s 個指定されました）",
	"accepts at most %s arguments, received %s":             "引数は %s 個までです（%s 個指定されました）",
	"accepts between %s and %s arguments, received %s":      "引数は %s 個から %s 個までです（%s 個指定されました）",
	"add \"id: \" and a stable id such as \"basic-policy\"": "「id: 」と、\"basic-policy\" のような変わらない id を書いてください",
	"add \"title: \" and the document's title, such as 情報セキュリティ基本方針":                                     "「title: 」と、情報セキュリティ基本方針 のような文書の題名を書いてください",
	"add approvers: a list of committee ids from approvals/registry.yaml":                                "approvers: に approvals/registry.yaml の委員会の id を並べてください",
	"add the member under members, or fix the id":                                                        "members に構成員を加えるか、id を直してください",
	"add the member's SSH public key (the line in ~/.ssh/id_ed25519.pub)":                                "構成員の SSH 公開鍵（~/.ssh/id_ed25519.pub の行）を書いてください",
	"add the members with their SSH public keys and the committees with their quorums (docs/formats.md)": "構成員とその SSH 公開鍵、委員会とその定足数を書いてください（docs/formats.md）",
	"add tier: basic (基本方針), standard (対策基準) or procedure (実施手順)":                                        "tier: に basic（基本方針）、standard（対策基準）、procedure（実施手順）のいずれかを書いてください",
	"add visibility: one of %s": "visibility: に次のいずれかを書いてください: %s",
	"added":                     "新設",
	"amended":                   "改正",
	"an attribute block {…} outside a heading is not a visibility marker: it would be published as text": "見出しの外の属性 {…} は公開範囲の指定になりません。文字のまま公開されます",
	"an existing revision": "記録済みの版",
	"another law":          "他の法令",
	"appended table (別表)":  "別表",
	"approvals/allowed_signers does not match approvals/registry.yaml (stale): ssh-keygen would check approvals against other keys": "approvals/allowed_signers が approvals/registry.yaml と合っていません（古い）。ssh-keygen が別の鍵で承認を確かめてしまいます",
	"approvals/allowed_signers is missing; auditors verify approvals with it":                                                       "approvals/allowed_signers がありません。監査人はこれで承認を確かめます",
	"approvals: %s: read without its Markdown, its links are unknown":                                                               "approvals: %s: Markdown を読まずに読み込んだため、リンクが分かりません",
	"approvals: sign: %w": "approvals: 署名: %w",
	"approve asks for confirmation on a terminal; there is none: pass --yes to sign what is shown above": "approve は端末で確認を求めますが、端末がありません。上の内容に署名するなら --yes を付けてください",
	"approve needs the git history to know the rules of the revision approved before: %w":                "approve は前に承認された版の規則を知るために git の履歴を使います: %w",
	"approved":                                      "承認済み",
	"approver %q is not a committee in %s":          "承認者 %q は %s の委員会ではありません",
	"approvers are named but there is no readable ": "承認者が書かれていますが、読める名簿がありません: ",
	"armored SSH signature is not closed":           "armor 形式の SSH 署名が閉じられていません",
	"article":                                       "条",
	"control character %U":                          "制御文字 %U",
	"revision %s: no revision is recorded with that date, and it is no commit, tag or branch (no revision is approved yet)":                  "版 %s: その日付の版は記録されておらず、コミット、タグ、ブランチのいずれでもありません（承認された版はまだありません）",
	"revision %s: no revision is recorded with that date, and it is no commit, tag or branch; the approved revisions are %s":                 "版 %s: その日付の版は記録されておらず、コミット、タグ、ブランチのいずれでもありません。承認された版は %s です",
	"policyctl diff: this table holds text that is not public, and is marked so; for a table to publish or hand out, add --edition public\n": "policyctl diff: この対照表には公開しない内容が含まれているため、【庁内限り】と表示しています。公開し、又は配布する対照表には --edition public を付けてください\n",
	"the title runs over more than one line": "表題が複数の行にわたっています",
	"write the title on one line":            "表題は1行で書いてください",
	"a value holds the character %U: it is invisible, or acts on the terminal that shows it": "値に文字 %U が含まれています。目に見えないか、表示する端末を操作する文字です",
	"delete it from the value": "値から削除してください",
	"a value holds the character %U: it is invisible, or acts on the terminal that shows it; delete it":                                                                             "値に文字 %U が含まれています。目に見えないか、表示する端末を操作する文字です。削除してください",
	"the folder %s changed since it was read; nothing was written: run the command again":                                                                                           "フォルダ %s が、読んだ後に変わりました。何も書き込んでいません。コマンドをもう一度実行してください",
	"\nNext: the approvals of revision %s changed after it was approved; nothing is published until the approvals it was approved with are put back (policyctl verify says how).\n": "\n次に: 版 %s の承認が、承認の後に差し替えられています。承認されたときの承認を元に戻すまで、何も公開しません（戻し方は policyctl verify が示します）。\n",
	"  (its approvals changed after it was approved: nothing is published; see policyctl verify)":                                                                                   "（承認後に承認が差し替えられたため公開を止めています。policyctl verify を参照）",
	"the file's name holds a control, bidirectional or zero-width character":                                                                                                        "ファイル名に制御文字、方向制御文字又はゼロ幅文字が含まれています",
	"rename the file (git mv) to a name without them":                                                                                                                               "それらを含まない名前に変えてください（git mv）",
	"the folder %s changed since it was opened":                                                                                                                                     "フォルダ %s が、開いた後に変わりました",
	"delete it: it is invisible, and a terminal may act on it":                                                                                                                      "削除してください。目に見えず、端末がこれに従って動作することがあります",
	"delete the control characters":                                                                                                                                                 "制御文字を削除",
	"the value holds the character %U, written as an escape: it is invisible, or changes how text around it is shown":                                                               "値に文字 %U がエスケープで書かれています。目に見えないか、周りの文字の表示を変える文字です",
	"delete the escape from the value":                                                                                                                                              "値からそのエスケープを削除してください",
	"bidirectional control character":                                                                                                                                               "方向制御文字",
	"cannot be set on the command line: it decides what editions show and what approvals name, so only the approved policyctl.yaml sets it":                                         "コマンドラインでは設定できません。版に何が載るか、承認が何を対象にするかを決める項目なので、承認された policyctl.yaml だけが設定します",
	"cannot decode: ": "読み取れません: ",
	"cannot find the number %s of %s in the text (is it inside markup?); renumber it by hand": "%[2]s の番号 %[1]s が本文の中に見つかりません（書式の中にありませんか）。手で振り直してください",
	"cannot read the registry: ":       "名簿を読めません: ",
	"carriage return (CRLF line ends)": "CR 文字（CRLF の改行）",
	"changed":                          "内容が変わりました",
	"chapter (章)":                      "章",
	"check the number against the cited document; if it was renumbered, update the reference":                    "引用した文書の番号を確かめてください。番号が付け直されたなら参照を直してください",
	"check the number; if the article was renumbered, update the reference":                                      "番号を確かめてください。条の番号が付け直されたなら参照を直してください",
	"check the number; if the target was renumbered or removed, update the reference":                            "番号を確認してください。参照先の番号が変わったか削られた場合は、参照を直してください",
	"check the path; it is relative to the linking document":                                                     "パスを確認してください。リンク元の文書からの相対パスです",
	"cite the document by its title, or link it: [text](path.md#id)":                                             "文書を題名で引用するか、リンクしてください: [文字](path.md#id)",
	"close the block with a line \":::\"":                                                                        "「:::」の行で区画を閉じてください",
	"committee %q approves no document of this revision":                                                         "委員会 %q はこの版の文書を何も承認しません",
	"committee %q approves no document: no document lists it under approvers":                                    "委員会 %q は何も承認しません。approvers にこの委員会を挙げた文書がありません",
	"committee %q has quorum %d":                                                                                 "委員会 %q の定足数が %d です",
	"committee %q has quorum %d but only %d members":                                                             "委員会 %q の定足数は %d ですが、構成員は %d 名です",
	"committee %q is listed twice":                                                                               "委員会 %q が二度書かれています",
	"committee %q is named as an approver but is not in the registry":                                            "委員会 %q が承認者に挙げられていますが、名簿にありません",
	"committee %q is not in %s (committees: %s)%s":                                                               "委員会 %q は %s にありません（委員会: %s）%s",
	"committee %q is not in the registry":                                                                        "委員会 %q は名簿にありません",
	"committee %q lists member %q twice":                                                                         "委員会 %q に構成員 %q が二度書かれています",
	"committee %q lists unknown member %q":                                                                       "委員会 %q に名簿にない構成員 %q が書かれています",
	"committee %q was dropped from the registry, but the rules of the previous revision still need its approval": "委員会 %q は名簿から削られましたが、前の版の規則ではまだこの委員会の承認が必要です",
	"committee id %q is not an id":                                                                               "委員会の id %q は id ではありません",
	"comparing with the revision in force (ref/renumbered): %w; --against none skips the comparison":             "施行中の版との比較（ref/renumbered）: %w。--against none で比較をしません",
	"config_sha256 is not a SHA-256":                                                                             "config_sha256 が SHA-256 ではありません",
	"convert the file from %s to UTF-8":                                                                          "ファイルを %s から UTF-8 に変換",
	"convert the file to NFC; most editors have a Normalize command":                                             "ファイルを NFC に変換してください（policyctl fix で直せます。多くのエディタにも正規化の機能があります）",
	"create the registry (policyctl init writes one) or fix its errors":                                          "名簿を作るか（policyctl init が作ります）、名簿の誤りを直してください",
	"decision %q, want %q":                                                                                       "decision が %q です（%q であるべきです）",
	"define a term where it is first used: move the definition here, or write the words it stands for":           "定義語は最初に使う箇所で定義してください。定義をここへ移すか、定義語が表す語句を書いてください",
	"delete it: it can make text display differently from its bytes":                                             "削除してください。文字の見え方がバイト列と違ってしまいます",
	"delete it: it is invisible and changes what is signed":                                                      "削除してください。見えない文字で、署名の対象を変えてしまいます",
	"delete the bidirectional control characters":                                                                "方向制御文字を削除",
	"delete the zero-width characters":                                                                           "ゼロ幅文字を削除",
	"demo: approving %s: %w":                                                                                     "demo: %s を承認: %w",
	"demo: git add: %w":                                                                                          "demo: git add: %w",
	"demo: git commit: %w":                                                                                       "demo: git commit: %w",
	"demo: git init: %w":                                                                                         "demo: git init: %w",
	"describe the restricted part without its title, or restrict this text too":                                  "題名を使わずに説明するか、この文章も制限してください",
	"%s (line %d: %s) has the same number: policyctl renumber numbers the sections again and rewrites the reference to keep the section it pointed at": "%s（%d 行目: %s）も同じ番号です。policyctl renumber で番号を付け直すと、参照も元の節を指すように書き換えられます",
	"did you mean %s (line %d: %s)?": "%s（%d 行目: %s）のことですか？",
	"did you mean %s?":               "%s のことですか",
	"did you mean %s? Paths are relative to the linking document": "%s のことですか。パスはリンク元の文書からの相対パスです",
	"division (目)":                          "目",
	"document":                              "文書",
	"document %q: malformed digest entry":   "文書 %q: ハッシュ値の記載が正しくありません",
	"document %q: malformed file digest %q": "文書 %q: ファイル %q のハッシュ値の記載が正しくありません",
	"empty; expected edition names mapped to levels, such as {public: public, internal: internal}":                                        "空です。{public: public, internal: internal} のように、版の名前と区分の対応を書いてください",
	"empty; expected the levels from least to most restricted, such as [public, internal]":                                                "空です。[public, internal] のように、区分を制限の弱い順に書いてください",
	"end the front matter with a line \"---\"":                                                                                            "「---」の行でフロントマターを閉じてください",
	"every key belongs to exactly one member":                                                                                             "鍵は一人の構成員にだけ属します",
	"expected a mapping of keys such as organization, title and documents":                                                                "organization、title、documents のような項目の一覧（マッピング）を書いてください",
	"expected members: [{id, name, keys: [...]}] and committees: [{id, name, quorum, members: [...]}]":                                    "members: [{id, name, keys: [...]}] と committees: [{id, name, quorum, members: [...]}] の形で書いてください",
	"fix %s: no such rule; name rule ids such as ref/renumbered or families such as text/ (policyctl check lists them with its findings)": "fix %s: そのような規則はありません。ref/renumbered のような規則の id か、text/ のような規則の種類を書いてください（policyctl check の指摘に出ています）",
	"flag needs an argument: %s":                "オプションに値がありません: %s",
	"front matter that cannot be read: ":        "読めないフロントマター: ",
	"hash algorithm %q is not sha256 or sha512": "ハッシュ方式 %q は sha256 でも sha512 でもありません",
	"heading IDs are the explicit {#id} or GitHub's: lower-case, punctuation dropped, spaces to -": "見出しの ID は明示した {#id} か、GitHub と同じ規則（小文字、句読点を除く、空白は -）で作られます",
	"history: HEAD %s: %w":                          "history: HEAD %s: %w",
	"history: HEAD: %w":                             "history: HEAD: %w",
	"history: commit %s: %s: %w":                    "history: コミット %s: %s: %w",
	"history: commit %s: %w":                        "history: コミット %s: %w",
	"history: approvals tree %s: %w":                "history: approvals ツリー %s: %w",
	"history: cached commit %s: %v":                 "history: キャッシュにあるコミット %s: %v",
	"history: policyctl.yaml history.legacy %s: %w": "history: policyctl.yaml の history.legacy %s: %w",
	"history: revision %s: %w":                      "history: 版 %s: %w",
	"id %q does not match its folder":               "id %q がフォルダ名と合っていません",
	"id %q is already used by %s":                   "id %q はすでに %s が使っています",
	"id %q is also the id of %s":                    "id %q は %s の id でもあります",
	"id %q is the name of a page the site writes itself: the document's page, %s.html, would replace it or be replaced by it": "id %q はサイトが自ら書き出すページの名前です。この文書のページ %s.html がサイトのページを置き換えるか、サイトのページに置き換えられます",
	"choose another id; the site keeps %s for its own pages":                                                                  "別の id を付けてください。%s はサイト自身のページに使われています",
	"id %q is not valid": "id %q は正しくありません",
	"ids are unique in the repository and never reused; choose a new one for this copy": "id はリポジトリの中で一意で、再利用しません。この写しに新しい id を付けてください",
	"if they were meant as {visibility=…}, the part is not restricted":                  "{visibility=…} のつもりなら、その部分は制限されていません",
	"image": "画像",
	"image %q names a policy document, not a picture": "画像 %q が文書を指しています。画像ではありません",
	"init: git init: %w":                              "init: git init: %w",
	"init: the registry written does not parse":       "init: 書き出した名簿を読めません",
	"invalid UTF-8":                                   "UTF-8 として正しくありません",
	"invalid argument %s for %s flag: %s":             "値 %s はオプション %s に使えません: %s",
	"it no longer resolves":                           "今はどこも指していません",
	"it now points at %s":                             "今は %s を指しています",
	"its content, commit %s of %s":                    "承認時の内容（%[2]s のコミット %[1]s）",
	"keep one of them":                                "どちらか一方を残してください",
	"key %q appears twice":                            "項目 %q が二度書かれています",
	"key %s is listed twice (members %q and %q)":      "鍵 %s が二度書かれています（構成員 %q と %q）",
	"key %s is not a key of member %q in %s":          "鍵 %s は %[3]s で構成員 %[2]q に与えられた鍵ではありません",
	"kind %q is not one of %s":                        "種類 %q は次のいずれでもありません: %s",
	"known keys: ":                                    "使える項目: ",
	"level %q is less restricted than its surroundings (%q) and has no effect": "区分 %q はそれを含む部分（%q）より広く、効果がありません",
	"level %q is listed twice":             "区分 %q が二度書かれています",
	"level %q is not one of visibility %v": "区分 %q は visibility %v にありません",
	"link":                                 "リンク",
	"link to a file inside the policy repository, relative to this document":                        "ポリシーのリポジトリの中のファイルへ、この文書からの相対パスでリンクしてください",
	"link to a file whose path has no component starting with \".\"":                                "パスのどの部分も「.」で始まらないファイルへリンクしてください",
	"link to the document with [text](path) instead":                                                "代わりに [文字](パス) で文書にリンクしてください",
	"link to the published page or file instead":                                                    "代わりに公開されるページかファイルへリンクしてください",
	"list each committee once":                                                                      "各委員会を一度だけ書いてください",
	"list each member once":                                                                         "各構成員を一度だけ書いてください",
	"lower the quorum or add members":                                                               "定足数を下げるか、構成員を加えてください",
	"make it a document (front matter, under the documents glob) or link to something else":         "文書にする（フロントマターを付け、documents のパターンの下に置く）か、別のものへリンクしてください",
	"malformed SSH signature: %w":                                                                   "SSH 署名の形式が正しくありません: %w",
	"malformed YAML in front matter: ":                                                              "フロントマターの YAML が正しくありません: ",
	"malformed YAML: ":                                                                              "YAML が正しくありません: ",
	"mark the part with a ::: LEVEL block or {visibility=LEVEL} on its heading":                     "その部分を ::: 区分 の区画で囲むか、その見出しに {visibility=区分} を付けてください",
	"member %q has no keys yet and cannot approve":                                                  "構成員 %q にはまだ鍵がなく、承認できません",
	"member %q is listed twice":                                                                     "構成員 %q が二度書かれています",
	"member %q is not in %s":                                                                        "構成員 %q は %s にいません",
	"member %q is not in committee %q":                                                              "構成員 %q は委員会 %q に属していません",
	"member %q is not in committee %q (%s); members: %s%s":                                          "構成員 %q は委員会 %q（%s）に属していません。構成員: %s%s",
	"member %q is not in the registry":                                                              "構成員 %q は名簿にいません",
	"member %q was not in committee %q under the rules of the previous revision, which still apply": "構成員 %q は、まだ適用される前の版の規則では委員会 %q に属していませんでした",
	"member %q: RSA key of %d bits is too short":                                                    "構成員 %q: RSA 鍵が %d ビットで短すぎます",
	"member %q: a key does not parse: %v":                                                           "構成員 %q: 鍵を読めません: %v",
	"member %q: key type %s is not accepted":                                                        "構成員 %q: 鍵の種類 %s は使えません",
	"member id %q is not an id":                                                                     "構成員の id %q は id ではありません",
	"merge the two entries":                                                                         "二つの記載を一つにしてください",
	"missing":                                                                                       "未承認",
	"missing; expected a short id such as \"sakuradai\" (lower-case letters, digits and \"-\")":     "ありません。\"sakuradai\" のような短い id（英小文字・数字・「-」）を書いてください",
	"missing; expected the organisation's name, such as \"さくら台市\"":                                  "ありません。\"さくら台市\" のような団体名を書いてください",
	"missing; expected the policy's title, such as \"さくら台市情報セキュリティポリシー\"":                                                 "ありません。\"さくら台市情報セキュリティポリシー\" のようなポリシーの題名を書いてください",
	"never edit it by hand: the next policyctl approve rewrites it from the registry":                                     "手で編集しないでください。policyctl signers（又は次の policyctl approve）が名簿から書き直します",
	"no --key given and no ssh-agent (SSH_AUTH_SOCK is not set): pass --key FILE or start ssh-agent and ssh-add your key": "--key がなく ssh-agent もありません（SSH_AUTH_SOCK が未設定）。--key FILE を付けるか、ssh-agent を起動して ssh-add で鍵を登録してください",
	"no approval (quorum %d)": "承認がありません（定足数 %d）",
	"no revision is recorded yet: the first approval (policyctl approve --revision YYYY-MM-DD --kind 策定 …) records one": "まだ版が記録されていません。最初の承認（policyctl approve --revision YYYY-MM-DD --kind 策定 …）で版が記録されます",
	"no visibility: the document is treated as %q, the most restricted level":                                           "visibility がありません。文書は最も制限の強い区分 %q として扱われます",
	"normalise the text to NFC":                                                                   "本文を NFC に正規化",
	"not an armored SSH signature: the file must start with %s":                                   "ASCII 形式の SSH 署名ではありません。ファイルは %s で始まる必要があります",
	"not found; run \"policyctl init\" to create a policy repository, or pass -C DIR to name one": "見つかりません。\"policyctl init\" でポリシーのリポジトリを作るか、-C DIR でリポジトリを指定してください",
	"nothing to fix\n": "直すものはありません\n",
	"nothing to renumber: every sequence is contiguous and every reference keeps its target\n": "振り直すものはありません。番号はすべて連続し、参照はすべて参照先を保っています\n",
	"number the first section 1, or check whether sections before it were removed":             "最初の節を1にするか、前の節が削られていないか確かめてください",
	"numbered item": "号",
	"numbering/gap and numbering/duplicate: the renumbering was refused:":                                           "numbering/gap・numbering/duplicate: 番号の振り直しを見送りました:",
	"organization id %q is not valid: use lower-case letters, digits and \"-\", such as \"sakuradai\"":              "団体の id %q は正しくありません。\"sakuradai\" のように英小文字・数字・「-」で書いてください",
	"organization name %q is not valid: give the name as it is written, such as さくら台市":                              "団体名 %q は正しくありません。さくら台市のように、書かれるとおりの名前を書いてください",
	"outside its scope the word is not the defined term: write what it means here, or widen the definition (以下同じ。)": "範囲の外ではその語は定義語ではありません。ここでの意味を書くか、定義の範囲を広げてください（以下同じ。）",
	"part (編)": "編",
	"paste the whole public key line: type, base64 data, comment":                                                   "公開鍵の行全体（種類、base64 のデータ、コメント）を貼り付けてください",
	"paths use / between folders":                                                                                   "フォルダの区切りは / です",
	"payload abolishes %s, but the revision abolishes %s among the committee's documents":                           "署名した内容は %s を廃止としていますが、この版が廃止するこの委員会の文書は %s です",
	"payload approves documents %s, but the committee must approve %s":                                              "署名した内容は文書 %s を承認していますが、委員会が承認すべき文書は %s です",
	"payload format %q, want %q":                                                                                    "署名した内容の形式が %q です（%q であるべきです）",
	"payload is for %s.%s, but the file is %s.%s":                                                                   "署名した内容は %s.%s のものですが、ファイルは %s.%s です",
	"payload is for a revision of kind %s, not %s":                                                                  "署名した内容は種類 %s の版のものです（%s ではありません）",
	"payload is for organization %q, not %q":                                                                        "署名した内容は団体 %q のものです（%q ではありません）",
	"payload is for revision %s, not %s":                                                                            "署名した内容は版 %s のものです（%s ではありません）",
	"payload is not in canonical form (fields, order, spacing or document order differ from what policyctl writes)": "署名した内容が正規の形ではありません（項目、順序、空白、文書の順序が policyctl の書き出すものと違います）",
	"payload is not valid JSON: %w":                                                                                 "署名した内容が正しい JSON ではありません: %w",
	"payload of %d bytes is larger than %d":                                                                         "署名した内容が %d バイトで、上限の %d バイトを超えています",
	"payload was made under another registry (registry_sha256 differs): the registry changed after the approval":    "署名した内容は別の名簿のもとで作られました（registry_sha256 が違います）。承認の後に名簿が変わりました",
	"policy: documents %q: %w":                                                                                      "policy: documents %q: %w",
	"policyctl %s on the embedded example: %w (a bug in policyctl)":                                                 "組み込みの例で policyctl %s が失敗しました: %w（policyctl の不具合です）",
	"policyctl %s%s %s/%s %s\n":                                                                                     "policyctl %s%s %s/%s %s\n",
	"policyctl %s: refused (%s), nothing was written:\n":                                                            "policyctl %s: 取りやめました（%s）。何も書き込んでいません:\n",
	"policyctl %s: refused, nothing was written:\n":                                                                 "policyctl %s: 取りやめました。何も書き込んでいません:\n",
	"policyctl fix can fix this":                                                                                    "policyctl fix で修正できます",
	"policyctl fix: %d findings need a person:\n":                                                                   "policyctl fix: 人の判断が必要な指摘が %d 件あります:\n",
	"policyctl fix: not fixed: %s\n":                                                                                "policyctl fix: 直していません: %s\n",
	"policyctl is not on your PATH. To install it: go install %s@latest (it goes to $(go env GOPATH)/bin; add that folder to PATH)\n":                                                                                                                      "policyctl は PATH にありません。インストールするには: go install %s@latest（$(go env GOPATH)/bin に入るので、そのフォルダを PATH に加えてください）\n",
	"policyctl.yaml is approved with the documents, every byte of it: a changed file needs the approvals again. A setting of where the site is published can be given in CI instead (POLICYCTL_SITE_BASE_URL, --set site.base_url=…), which needs none.\n": "policyctl.yaml は文書とともに、その全体が承認の対象です。変更すると改めて承認が必要です。サイトの公開先の設定は、代わりに CI で指定できます（POLICYCTL_SITE_BASE_URL 又は --set site.base_url=…）。この場合、承認は要りません。\n",
	"policyctl.yaml changed":                                    "設定ファイル（policyctl.yaml）が変わりました",
	"policyctl: %v; the site shows the legacy revisions only\n": "policyctl: %v。サイトにはリポジトリ以前の版だけを載せます\n",
	"policyctl: refusing to build the %s edition: a level policyctl.yaml does not list may mean one more restricted than any edition shows (and with one level configured, this edition is the public one); write one of the configured levels\n": "policyctl: %s 版を作りません。policyctl.yaml にない区分は、どの版にも載せない、より制限の強い区分のつもりかもしれません（区分が一つだけの設定では、この版が公開版です）。設定にある区分を書いてください\n",
	"policyctl: refusing to build the %s edition: these errors could make it show restricted content; fix them (policyctl check lists every finding)\n":                                                                                           "policyctl: %s 版を作りません。次の誤りがあると、制限された内容が載るおそれがあります。直してください（policyctl check がすべての指摘を表示します）\n",
	"policyctl: this policyctl has no version (built from a work tree): the workflow installs @latest; pin it to the release you use\n":                                                                                                           "policyctl: この policyctl には版数がありません（作業ツリーからビルドされました）。ワークフローは @latest を使います。使っているリリースに固定してください\n",
	"put the heading at the top level, or wrap the part in a ::: block":                                                                                                                                                                           "見出しを最上位に置くか、その部分を ::: の区画で囲んでください",
	"raw HTML that names a visibility level or class does not restrict anything: what it wraps would be published":                                                                                                                                "区分名や visibility を含む HTML は何も制限しません。囲んだ内容は公開されます",
	"reading documents":                                                 "文書を読み込み中",
	"reading the git history":                                           "git の履歴を読み込み中",
	"ref/renumbered: the rewriting was refused:":                        "ref/renumbered: 参照の書換えを見送りました:",
	"registry_sha256 is not a SHA-256":                                  "registry_sha256 が SHA-256 ではありません",
	"remove the byte order mark":                                        "BOM を削除",
	"remove the definition, or use the term where its meaning is meant": "定義を削るか、その意味の箇所で定義語を使ってください",
	"removed: an entry has no path":                                     "removed: パスのない項目があります",
	"removing the previous output: %w":                                  "前の出力の削除: %w",
	"rename one of them":                                                "どちらかの名前を変えてください",
	"render: %s: a part at level %q survived the %s edition's cut":      "render: %s: 区分 %q の部分が、%s 版の切り取りの後に残っています",
	"render: %s: cutting the restricted parts changes footnote [^%s]%s; the edition is not built: keep a footnote's definition in the part that refers to it":                                                                                                                                                  "render: %s: 制限された部分を切り取ると脚注 [^%s] が変わります%s。版を作りません。脚注の定義は、それを参照する部分に置いてください",
	"render: %s: cutting the restricted parts changes how the remaining text is read%s (the full document has %s where the edition would have %s); the edition is not built: leave a blank line before and after each ::: block, and keep link reference definitions and footnotes in the part that uses them": "render: %s: 制限された部分を切り取ると、残りの文章の読まれ方が変わります%s（元の文書では%sのところが、版では%sになります）。版を作りません。::: の区画の前後に空行を入れ、リンクの参照定義と脚注は、それを使う部分に置いてください",
	"render: %s: the %s edition links to %s, which it does not contain":                                              "render: %s: %s 版が %s にリンクしていますが、その文書は版に含まれません",
	"render: %s: the file is not valid UTF-8 (policyctl check shows where); save it as UTF-8":                        "render: %s: ファイルが正しい UTF-8 ではありません（policyctl check が場所を示します）。UTF-8 で保存し直してください",
	"render: %s: the model was read without its Markdown; an edition needs the full parse":                           "render: %s: Markdown を読まずに読み込んだモデルです。版には完全な解析が必要です",
	"render: refusing to build the %s edition: %d error(s) could make it show restricted content (first: %s: %s %s)": "render: %s 版を作りません: %d 件の誤りがあり、制限された内容が載るおそれがあります（最初: %s: %s %s）",
	"rendering the %s edition": "%sを作成中",
	"renumber %d provisions and rewrite %d references to keep their targets (policyctl renumber)": "%d 件の条項の番号を振り直し、参照先を保つよう %d 件の参照を書き換え（policyctl renumber）",
	"renumber so the sequence has no gap, and update the references to the renumbered sections":   "番号が飛ばないように振り直し、番号の変わった節への参照も直してください（policyctl renumber で両方できます）",
	"renumber the sections that follow, and the references to them":                               "後に続く節の番号と、それらへの参照を直してください（policyctl renumber で両方できます）",
	"renumber: %s is not a document": "renumber: %s は文書ではありません",
	"renumber: --branch and --collapse contradict each other: --branch makes 枝番, --collapse folds them": "renumber: --branch と --collapse は両立しません。--branch は枝番を作り、--collapse は枝番をなくします",
	"renumber: --doc %s: no document has that id (ids: %s)":                                             "renumber: --doc %s: その id の文書はありません（id: %s）",
	"replace the link by the file itself":                                                               "リンクをファイルそのものに置き換えてください",
	"required flag(s) %s not set":                                                                       "必須のオプション %s がありません",
	"revision %q is not a commit, tag or branch of %s (%v)":                                             "%q は %s のコミット、タグ、ブランチのいずれでもありません（%v）",
	"revision %q is not a revision id (YYYY-MM-DD)":                                                     "%q は版の id（YYYY-MM-DD）ではありません",
	"revision %q is not a revision id: use the effective date as it is in the calendar, YYYY-MM-DD":     "%q は版の id ではありません。施行日を、暦にある日付で YYYY-MM-DD と書いてください",
	"revision %s is new: say its kind with --kind (%s)":                                                 "版 %s は新しい版です。--kind で種類を指定してください（%s）",
	"revision %s is not later than %s, the newest revision recorded: a new revision's date (its effective date) comes after every recorded one":                                                                                            "版 %s は、記録済みの最新の版 %s より後ではありません。新しい版の日付（施行日）は、記録済みのすべての版より後にしてください",
	"revision %s is recorded as %s, not %s: a revision's kind is fixed when it is first recorded":                                                                                                                                          "版 %s は %s として記録されています（%s ではありません）。版の種類は最初に記録したときに決まります",
	"revision %s was approved at commit %s and its content is sealed: approving it again would change nothing that is published or recorded. Record a new revision: policyctl approve --revision YYYY-MM-DD --kind %s … (a date after %s)": "版 %s はコミット %s で承認され、内容は確定しています。承認し直しても、公開されるものも記録されるものも変わりません。新しい版として記録してください: policyctl approve --revision YYYY-MM-DD --kind %s …（%s より後の日付）",
	"revision %s was approved at commit %s; its content is sealed. Record a new revision: policyctl approve --revision YYYY-MM-DD --kind 一部改正 (a date after %s)":                                                                           "版 %s はコミット %s で承認され、内容は確定しています。新しい版として記録してください: policyctl approve --revision YYYY-MM-DD --kind 一部改正（%s より後の日付）",
	"revision %s: %s is not in a git repository": "版 %s: %s は git リポジトリの中にありません",
	"revision %s: %w":                                    "版 %s: %w",
	"revision %s: 新旧対照表: %w":                             "版 %s: 新旧対照表: %w",
	"rewrite the reference to cite what it cited before": "参照を書き直し、以前指していた箇所を指すようにしてください",
	"run policyctl renumber: it numbers the provision, renumbers those after it and keeps every reference's target": "policyctl renumber を実行してください。この条項に番号を付け、後の条項を振り直し、すべての参照の参照先を保ちます",
	"run policyctl renumber: it renumbers the sequence and keeps every reference's target":                          "policyctl renumber を実行してください。番号を振り直し、すべての参照の参照先を保ちます",
	"save the file as UTF-8 (in Notepad: 名前を付けて保存, encoding UTF-8); policyctl fix converts it":                      "UTF-8 で保存し直してください（メモ帳では「名前を付けて保存」で文字コードに UTF-8 を選びます）。policyctl fix で変換できます",
	"save the file as UTF-8 without BOM": "BOM なしの UTF-8 で保存し直してください（policyctl fix で直せます）",
	"save the file as UTF-8; its bytes are not Shift_JIS or UTF-16 throughout either, so policyctl fix cannot convert it": "UTF-8 で保存し直してください。全体が Shift_JIS や UTF-16 でもないため、policyctl fix では変換できません",
	"section":                       "節",
	"section (節)":                   "節",
	"sections with that number: %s": "その番号の箇所: %s",
	"see the file formats in docs/formats.md":                                          "ファイルの書式は docs/formats.md を参照してください",
	"see the registry format in docs/formats.md":                                       "名簿の書式は docs/formats.md を参照してください",
	"set quorum to the number of members whose approval adopts a document, at least 1": "定足数を、文書を採択するのに必要な承認の数（1以上）にしてください",
	"signature does not verify: %w":                                                    "署名を確かめられません: %w",
	"signature file of %d bytes is larger than %d":                                     "署名ファイルが %d バイトで、上限の %d バイトを超えています",
	"signature namespace is %q, not %q":                                                "署名の名前空間が %q です（%q であるべきです）",
	"signed by %s %s, which is not a key of this member in the registry":               "%s %s で署名されていますが、名簿がこの構成員に与えた鍵ではありません",
	"signed with %s, a key the registry of the previous revision did not give %q; a changed key is accepted once the revision that adds it is approved":                      "%s で署名されていますが、前の版の名簿は %q にこの鍵を与えていません。変えた鍵は、それを加える版が承認された後に使えます",
	"site: %s and %s differ only in case or Unicode normalisation, and one is a file, the other a folder: on a case-insensitive file system or web server they are one name": "site: %s と %s は大文字・小文字又は Unicode の正規化だけが違い、一方はファイル、他方はフォルダです。大文字・小文字を区別しないファイルシステムや Web サーバーでは同じ名前になります",
	"site: %s and %s differ only in case or Unicode normalisation: on a case-insensitive file system or web server they are one, and one would replace the other":            "site: %s と %s は大文字・小文字又は Unicode の正規化だけが違います。大文字・小文字を区別しないファイルシステムや Web サーバーでは同じものになり、一方が他方を置き換えます",
	"site: %s would be both a file and a folder":                                    "site: %s がファイルとフォルダの両方になります",
	"site: %s would be written twice: one output of the site would replace another": "site: %s が二度書き出されます。サイトの出力の一つが別の出力を置き換えます",
	"site: %s would be written twice: the page of the document with id %q and the site's own page of that name; choose another id for the document (policyctl check reports it)":         "site: %s が二度書き出されます。id %q の文書のページと、同じ名前のサイト自身のページです。文書に別の id を付けてください（policyctl check が報告します）",
	"site: %s: the document's id %q names the site's own page %s.html, which its page would replace or be replaced by; choose another id (policyctl check reports it as frontmatter/id)": "site: %s: 文書の id %q はサイト自身のページ %s.html の名前です。文書のページがそれを置き換えるか、置き換えられます。別の id を付けてください（policyctl check が frontmatter/id として報告します）",
	"site: edition %s: %w":       "site: %s 版: %w",
	"site: locking %s: %w":       "site: %s のロック: %w",
	"site: refusing to write %q": "site: %q は書き出しません",
	"site: %s is not a folder, and the %s edition would replace it: move it away or choose another output folder (-o)":                                                                                                                         "site: %s はフォルダーではなく、%s 版で置き換えることになります。別の場所に移すか、別の出力先（-o）を指定してください",
	"site: %s holds files that no build wrote (it has no %s), and the %s edition would replace it with all they hold: move it away or choose another output folder (-o); if it is the output of a build by an older policyctl, remove it once": "site: %s には build が書いたものではないファイルがあり（%s がありません）、%s 版で置き換えると中身がすべて失われます。別の場所に移すか、別の出力先（-o）を指定してください。以前の版の policyctl が作った出力であれば、一度だけ削除してください",
	"site: removing what an earlier build left: %w": "site: 前のビルドが残したものの削除: %w",
	"site: the %s edition has no sitemap.xml: set site.base_url in %s to the address it is published at, such as https://www.city.example.jp/security-policy/\n": "site: %s 版には sitemap.xml を作りません。%s の site.base_url に公開先のアドレス（例: https://www.city.example.jp/security-policy/）を設定してください\n",
	"site: the %s edition leaves out revision %s: the id %q of %s names the site's own page %s.html\n":                                                           "site: %s 版から版 %s を除きました: %[4]s の id %[3]q はサイト自身のページ %[5]s.html の名前です\n",
	"site: the %s edition leaves out revision %s: %v\n":                                                                                                          "site: %s 版から版 %s を除きました: %v\n",
	"site: the 承認状況 of revision %s shows it as recorded: %v\n":                                                                                                   "site: 版 %s の承認状況は記録されたとおりに表示します: %v\n",
	"ssh-agent at %s: %w": "ssh-agent（%s）: %w",
	"ssh-agent holds %d keys, none of them the member's key in %s": "ssh-agent には %d 個の鍵がありますが、%s にあるこの構成員の鍵はありません",
	"ssh-agent: %w": "ssh-agent: %w",
	"stale":         "承認後に変更",
	"start the file with \"---\", the keys id, title, tier, visibility and approvers, and \"---\"": "ファイルの先頭に「---」、id・title・tier・visibility・approvers の各項目、「---」を書いてください",
	"subsection (款)": "款",
	"text is not in Unicode NFC (for example a dakuten written as a separate mark)": "文字が Unicode の NFC になっていません（濁点を別の文字として書いた場合など）",
	"the anchor of %q has a malformed %%-escape":                                    "%q の # 以降の %% による符号化が正しくありません",
	"the base revision": "比較元の版",
	"the content fails check with %d errors: fix them before approving":                                              "内容が check で %d 件の誤りになります。直してから承認してください",
	"the document has no front matter":                                                                               "文書にフロントマターがありません",
	"the document has no id":                                                                                         "文書に id がありません",
	"the document has no id, so no approval can name it":                                                             "文書に id がないため、どの承認もこの文書を指せません",
	"the document has no tier":                                                                                       "文書に階層（tier）がありません",
	"the document has no title":                                                                                      "文書に題名（title）がありません",
	"the document names no approver: every document is adopted by at least one committee":                            "文書に承認者がありません。すべての文書は一つ以上の委員会が採択します",
	"the document names no approvers, so no committee has to adopt it":                                               "文書に承認者（approvers）がありません。どの委員会も採択しないことになります",
	"the documents changed while renumbering":                                                                        "振り直しの間に文書が変わりました",
	"the documents glob %q matches no file: there is nothing to approve":                                             "documents の glob %q に合うファイルがありません。承認するものがありません",
	"the edits would change the structure of the document (%d provisions before, %d after); renumber it by hand":     "書き換えると文書の構成が変わってしまいます（前は %d 件、後は %d 件の条項）。手で振り直してください",
	"the file is Shift_JIS, not UTF-8":                                                                               "ファイルが UTF-8 ではなく Shift_JIS です",
	"the file is UTF-16, not UTF-8":                                                                                  "ファイルが UTF-8 ではなく UTF-16 です",
	"the file is neither UTF-8 nor, throughout, Shift_JIS or UTF-16: convert it by hand":                             "ファイルは UTF-8 でも、全体が Shift_JIS や UTF-16 でもありません。手で変換してください",
	"the file starts with a byte order mark (BOM)":                                                                   "ファイルがバイト順マーク（BOM）で始まっています",
	"the front matter is not a mapping of keys":                                                                      "フロントマターが項目の一覧（マッピング）になっていません",
	"the front matter is not closed: the line %q looks like its end, but the end is a line of exactly three hyphens": "フロントマターが閉じていません。%q の行が終わりのように見えますが、終わりは半角のハイフン3つだけの行です",
	"write the line as \"---\" (three half-width hyphens, nothing else)":                                             "その行を「---」（半角のハイフン3つだけ）にしてください",
	"the front matter is not closed":                                                                                 "フロントマターが閉じられていません",
	"the git history is incomplete (a partial clone, made with git clone --filter): policyctl reads the files of every commit to find when each revision was approved, and this clone lacks some of them; fetch them with `git fetch --refetch --no-filter origin` (git 2.36 or later) or clone again without --filter, or in GitHub Actions leave `filter:` unset on actions/checkout, with `fetch-depth: 0`": "git の履歴が不完全です（部分クローン。git clone --filter で作られたもの）。各版がいつ承認されたかを知るには、すべてのコミットのファイルを読みます。このクローンにはその一部がありません。`git fetch --refetch --no-filter origin`（git 2.36 以降）で取得するか、--filter を付けずにクローンし直してください。GitHub Actions では actions/checkout の `filter:` を指定せず、`fetch-depth: 0` を設定してください",
	"the git repository lacks an object the history needs, though it is neither shallow nor a partial clone: it is damaged; run git fsck, and clone it again if it reports missing objects":                                                                                                                                                                                                                    "git リポジトリに、履歴を読むのに必要なオブジェクトがありません。浅いクローンでも部分クローンでもないため、リポジトリが壊れています。git fsck を実行し、オブジェクトの欠落が報告されたらクローンし直してください",
	"the git history is incomplete (a shallow clone): policyctl needs every commit to find when each revision was approved; run `git fetch --unshallow`, or in GitHub Actions set `fetch-depth: 0` on actions/checkout":                                                                                                                                                                                        "git の履歴が不完全です（浅いクローン）。各版がいつ承認されたかを知るには、すべてのコミットが必要です。`git fetch --unshallow` を実行するか、GitHub Actions では actions/checkout に `fetch-depth: 0` を指定してください",
	"the git repository has no commit yet: revisions and the rules they are judged by come from the git history; commit the repository first":                                                                                                                                                                                                                                                                  "git リポジトリにまだコミットがありません。版と、版を判定する規則は git の履歴から読みます。先にリポジトリをコミットしてください",
	"the heading holds braces that are not an attribute block policyctl could read (full-width braces, quotes, a trailing ##, text after the block); ":                                                                                                                                                                                                                                                         "見出しに、属性として読めない波かっこがあります（全角の波かっこ、引用符、末尾の ##、属性の後の文字）。",
	"the heading's attribute block names %q, which is not an attribute policyctl knows (id, class, visibility)":                                                                                                                                                                                                                                                                                                "見出しの属性に %q がありますが、policyctl の知っている属性（id、class、visibility）ではありません",
	"the key is not one SSH public key line (the contents of ~/.ssh/id_ed25519.pub): %v":                                                                                                                                                                                                                                                                                                                       "鍵が SSH 公開鍵1行（~/.ssh/id_ed25519.pub の内容）ではありません: %v",
	"the link text %s names %s, which cannot be written as %s; rewrite it by hand":                                                                                                                                                                                                                                                                                                                             "リンク文字列 %s は %s を指していますが、%s と書けません。手で書き直してください",
	"the link to #%s names a heading renumbering gives the ID #%s; the link could not be found in the text to rewrite it":                                                                                                                                                                                                                                                                                      "#%s へのリンクの見出しは、振り直すと ID が #%s になりますが、書き換えるリンクが本文の中に見つかりません",
	"the next policyctl approve writes it from the registry":                                                                                     "policyctl signers（又は次の policyctl approve）が名簿から書き出します",
	"the private key that goes with it":                                                                                                          "対になる秘密鍵",
	"the provision it cited is gone: rewrite the sentence, or cite the provision that replaces it":                                               "参照していた規定は削られました。文を書き直すか、代わりの規定を参照してください",
	"the reference would tell readers of the less restricted edition what the restricted part holds; cite it only from text at its level":        "この参照は、制限の弱い版の読者に、制限された部分の内容を知らせてしまいます。同じ区分の文章からだけ参照してください",
	"the registry has no committee or no member: nobody can approve":                                                                             "名簿に委員会又は構成員がいません。誰も承認できません",
	"the registry has no committee: nobody can approve":                                                                                          "名簿に委員会がありません。誰も承認できません",
	"the repository is not in git: revisions, the rules they are judged by and their content come from the git history; run git init and commit": "リポジトリが git の中にありません。版、版を判定する規則、版の内容は git の履歴から読みます。git init してコミットしてください",
	"the revision in force (%s)":                     "施行中の版（%s）",
	"the revision in force (%s): %w":                 "施行中の版（%s）: %w",
	"the revision in force against the working tree": "施行中の版と作業ツリーの比較",
	"the section it stands in":                       "自らの箇所",
	"the text":                                       "本文",
	"the working tree":                               "作業ツリー",
	"the working tree holds a draft edit made after %s: the CI gate, policyctl verify, fails until the committees approve it": "作業ツリーには %s の後に加えた改正案があります。委員会が承認するまで、CI のゲート（policyctl verify）は不合格になります",
	"this line starts with %s, which may open %s or continue the text; policyctl reads it as text":                            "この行は %s で始まります。%sの始まりとも本文の続きとも読めます。policyctl は本文として読みます",
	"tier %q is unknown": "階層（tier）%q は不明です",
	"to open %s, put a blank line before the line and a space after the number; otherwise rewrap so the line does not start with a number":                       "%sを始めるなら、その行の前に空行を、番号の後に空白を入れてください。そうでなければ、行が番号で始まらないように折り返してください",
	"to restrict a part, put {visibility=LEVEL} at the end of a heading line or wrap the part in a ::: LEVEL block; to write braces as text, put them in `code`": "部分を制限するには、見出し行の末尾に {visibility=区分} を付けるか、::: 区分 の区画で囲んでください。波かっこを文字として書くなら `code` に入れてください",
	"tripwire: %s holds restricted text 「%s」 from %s; the edition was not published":                                                                             "tripwire: %s に制限された文字列「%s」（%s）が含まれています。版を公開しませんでした",
	"tripwire: %s: cannot read the archive: %w":                                 "最終検査（tripwire）: %s: アーカイブを読めません: %w",
	"tripwire: %s: more than %d MiB inside the archive":                         "最終検査（tripwire）: %s: アーカイブの中身が %d MiB を超えています",
	"%s takes no arguments, and %q is one (see %s --help)":                      "%s は引数を取りません。%q は指定できません（%s --help を参照してください）",
	"unknown command %q for %q":                                                 "%[2]q に %[1]q というコマンドはありません",
	"unknown flag: %s":                                                          "不明なオプションです: %s",
	"unknown key %q":                                                            "不明な項目 %q",
	"unknown key in --set; known keys: ":                                        "--set の項目が不明です。使える項目: ",
	"unknown key; known keys: ":                                                 "不明な項目です。使える項目: ",
	"unknown shorthand flag: '%s' in %s":                                        "不明な短いオプション '%s' です（%s）",
	"use LF line ends":                                                          "改行を LF に",
	"use LF line ends; add \"*.md text eol=lf\" to .gitattributes":              "LF の改行にしてください（policyctl fix で直せます）。.gitattributes に「*.md text eol=lf」を加えてください",
	"use a level listed under visibility in policyctl.yaml":                     "policyctl.yaml の visibility にある区分を使ってください",
	"use an ed25519 key, or RSA of 3072 bits or more":                           "ed25519 の鍵か、3072 ビット以上の RSA の鍵を使ってください",
	"use basic (基本方針), standard (対策基準) or procedure (実施手順)":                     "basic（基本方針）、standard（対策基準）、procedure（実施手順）のいずれかを使ってください",
	"use ed25519, sk-ed25519, ECDSA or RSA (3072 bits or more) keys":            "ed25519、sk-ed25519、ECDSA、RSA（3072 ビット以上）の鍵を使ってください",
	"use lower-case letters, digits and \"-\", such as \"mayor\"":               "\"mayor\" のように英小文字・数字・「-」を使ってください",
	"use lower-case letters, digits and \"-\", such as \"tanaka\"":              "\"tanaka\" のように英小文字・数字・「-」を使ってください",
	"use lower-case letters, digits and single \"-\", such as \"basic-policy\"": "\"basic-policy\" のように英小文字・数字・「-」（連続しない）を使ってください",
	"use one of %s (policyctl.yaml: visibility)":                                "次のいずれかを使ってください: %s（policyctl.yaml の visibility）",
	"use the same number of # for sections of one numbering style":              "同じ種類の番号の節には、同じ数の # を使ってください",
	"verify: FAILED, %d of %d committees approved the current content\n":        "verify: 不合格。判定の対象とした内容を承認している委員会は、%[2]d 委員会のうち %[1]d 委員会です\n",
	"verify: OK, all %d committees approved the current content\n":              "verify: 合格。%d 委員会すべてが判定の対象とした内容を承認しています\n",
	"verifying revisions":                                                       "版の承認を検証中",
	"visibility %q is not a configured level; the document is treated as %q":    "visibility %q は設定にない区分です。文書は %q として扱われます",
	"write %d numbers as policyctl.yaml's style asks":                           "%d 件の数字を policyctl.yaml の書き方に",
	"write %s for %s":                 "%[2]s を %[1]s に",
	"write %s to keep pointing at it": "同じ箇所を指し続けるには %s と書いてください",
	"write %s; or set style.digits, style.clauses and style.articles in policyctl.yaml to how this policy writes its numbers (any: as written)": "%s と書いてください。又は policyctl.yaml の style.digits、style.clauses 及び style.articles を、このポリシーの数字の書き方に合わせてください（any: 書いたとおり）",
	"write a half-width colon and a space: key: value":                                                                                 "半角のコロンと空白で書いてください: 項目: 値",
	"write keys such as \"id: basic-policy\"":                                                                                          "\"id: basic-policy\" のように項目を書いてください",
	"write one \"key: value\" per line with a half-width colon; quote values that contain \":\" or \"#\"":                              "1行に「項目: 値」を半角のコロンで書いてください。「:」や「#」を含む値は引用符で囲んでください",
	"write the block last on the heading line in ASCII: ## 見出し {visibility=internal}; to show braces in a heading, put them in `code`": "属性は見出し行の最後に半角で書いてください: ## 見出し {visibility=internal}。見出しに波かっこを書くなら `code` に入れてください",
	"write the heading id as it is, or escape %% as %%25":                                                                              "見出しの id をそのまま書くか、%% を %%25 と書いてください",
	"write the name exactly as the file is named; a case-insensitive file system would otherwise publish one file and check another":   "ファイル名を正確に書いてください。大文字と小文字を区別しないファイルシステムでは、検査したものと別のファイルが公開されるおそれがあります",
	"write the number of the provision you mean":                                                                                       "意図する規定の番号を書いてください",
	"write the path as it is, or escape %% as %%25":                                                                                    "パスをそのまま書くか、%% を %%25 と書いてください",
	"write the range from the lower number to the higher":                                                                              "範囲は小さい番号から大きい番号へ書いてください",
	"write {visibility=LEVEL}, {#id} or {.class}; a misspelt key would leave the part unrestricted":                                    "{visibility=区分}、{#id}、{.class} のいずれかを書いてください。綴りの誤った項目では部分が制限されません",
	"write 上記 or 前記 for a section above, or check the number":                                                                          "上の節には上記・前記を使ってください。又は番号を確かめてください",
	"write 下記 for a section below, or check the number (did you mean a section above line %d?)":                                        "下にある節には下記を使ってください。又は番号を確かめてください（%d 行目より上の節のことですか？）",
	"writing the %s edition": "%s 版を書き出し中",
	"--dry-run: nothing was written; without it, %d files would be written: %s\n": "--dry-run のため、何も書き込んでいません。付けなければ %d 件のファイルを書き込みます（%s）。\n",
	"wrote %d files: %s\n":                    "%d 件のファイルを書き込みました（%s）。\n",
	"wrote %s\n":                              "%s を書き出しました\n",
	"wrote %s/index.html\n":                   "%s/index.html を書き出しました\n",
	"wrote %s; commit it with the registry\n": "%s を書き出しました。名簿と一緒にコミットしてください\n",
	"wrote man pages to %s\n":                 "man ページを %s に書き出しました\n",
	"zero-width character":                    "ゼロ幅文字",
	"{visibility=…} on a heading inside a list or quote has no clear end; the whole block is restricted": "箇条書きや引用の中の見出しの {visibility=…} は終わりが決まりません。その塊全体が非公開になります",
	"✅ approved":     "✅ 承認済み",
	"❌ not approved": "❌ 未承認",
	"「%s」 is defined but never used in %s":                                                                                                                                                  "「%s」は定義されていますが、%s で一度も使われていません",
	"「%s」 is defined for %s only (%s), but is used here":                                                                                                                                    "「%s」は %s（%s）でだけ定義されていますが、ここで使われています",
	"「%s」 is used before its definition (%s: 以下「%s」という。)":                                                                                                                                   "「%s」が定義（%s: 以下「%s」という。）より前で使われています",
	"施行予定: revision %s is approved and takes effect on %s; it is the first, so until then no revision is in force.\n":                                                                       "施行予定: 版 %s は承認済みで、%sに施行されます。最初の版のため、それまで施行中の版はありません。\n",
	"policyctl: the approvals in %s are not committed yet, and CI judges what is committed (policyctl verify --rev HEAD): commit them\n":                                                    "policyctl: %s の承認はまだコミットされていません。CI はコミットされた内容で判定します（policyctl verify --rev HEAD）。コミットしてください\n",
	"施行予定: revision %s is approved and takes effect on %s; until then in-force is the revision before it.\n":                                                                                "施行予定: 版 %s は承認済みで、%sに施行されます。それまで in-force は前の版です。\n",
	"a code block opened with ``` or ~~~ is never closed: everything after it to the end of its container — headings, ::: blocks, {visibility=…} — is published as code, restricted or not": "``` 又は ~~~ で始めたコードブロックが閉じられていません。その後ろは入れ物の終わりまで（見出し、::: ブロック、{visibility=…} を含めて）、非公開であってもコードとして公開されます",
	"a line \"...\" in the front matter ends the YAML there: the keys after it would not count":                                                                                             "フロントマターの中の「...」の行で YAML が終わります。その後ろのキーは数えられません",
	"a line of --- or === under a paragraph makes the paragraph a heading, and that heading ends the restricted section above it: the paragraph and what follows would be published":        "段落の直後の --- 又は === の行は、その段落を見出しにします。その見出しが上の非公開の節を終わらせるため、段落とそれに続く部分が公開されます",
	"an indented line that looks like a visibility marker is a code block (four spaces or a tab): it is published as code, and what it meant to restrict is not restricted":                 "公開範囲の指定に見える行が字下げ（空白4個又はタブ）によりコードブロックになっています。コードとして公開され、制限しようとした部分は制限されません",
	"close the code block with the same fence on a line of its own":                                                                                                                         "同じフェンスだけの行でコードブロックを閉じてください",
	"end the front matter with a line \"---\" and remove the \"...\" line":                                                                                                                  "「...」の行を削除し、フロントマターを「---」の行で終えてください",
	"for a horizontal rule, leave a blank line before ---; for a heading, write it with ## and mark it {visibility=LEVEL} if it is restricted too":                                          "区切り線にするには --- の前に空行を入れてください。見出しにするには ## で書き、非公開なら {visibility=LEVEL} を付けてください",
	"start the marker at the beginning of its line; to show marker syntax as an example, use a fenced code block (```)":                                                                     "指定は行頭から書いてください。書き方の例として示すには、フェンスで囲んだコードブロック（```）を使ってください",
	"the heading's %s %q names a visibility level, which restricts nothing: the section would be published":                                                                                 "見出しの %s %q は公開範囲の名前ですが、何も制限しません。この節は公開されます",
	"the heading's attribute block names %q twice; only one value would count":                                                                                                              "見出しの属性ブロックに %q が二度書かれています。一方の値しか数えられません",
	"to restrict the section, write {visibility=LEVEL}":                                                                                                                                     "節を制限するには {visibility=LEVEL} と書いてください",
	"write each key once: {visibility=LEVEL}":                                                                                                                                               "キーは一度だけ書いてください: {visibility=LEVEL}",
	"%w: --extends %s: commit %s is not in the first-parent history that ends at %s; a force-push, or a merge that put another history first, replaced it":                                  "%w: --extends %s: コミット %s は %s で終わる第一親の履歴にありません。強制プッシュ、又は別の履歴を先にしたマージにより置き換えられています",
	"%w: --extends %s: the commit is not in this clone (%v); a force-push drops it — fetch every branch with fetch-depth: 0":                                                                "%w: --extends %s: このクローンにそのコミットがありません（%v）。強制プッシュで失われます。fetch-depth: 0 ですべてのブランチを取得してください",
	"%w: the merge %s joins a history with another first commit (%s): approvals are judged along one history, from its first commit; merge branches that were forked from this repository":  "%w: マージ %s は最初のコミットが異なる履歴（%s）をつないでいます。承認は最初のコミットから続く一つの履歴に沿って判定します。このリポジトリから分岐したブランチをマージしてください",
	"the git history is not the continuation of the approved history":                                                                                                                       "git の履歴が承認済みの履歴の続きではありません",
	"a heading written straight after a line of text, without a blank line, ends the restricted section above it: a reader may take it for text, and what follows would be published":       "空行を置かずに文の行の直後に書いた見出しが、上の非公開の節を終わらせています。読み手には本文に見えることがあり、その後ろは公開されます",
	"a second YAML document starts here (a line \"---\" or \"...\"): policyctl would read only the first, and every key after it would not count":                                           "ここから二つ目の YAML 文書が始まっています（「---」又は「...」の行）。policyctl は最初の文書しか読まず、その後ろのキーは数えられません",
	"a second YAML document starts here (a line \"---\" or \"...\"): policyctl would read only the first, and every key after it would not count; keep one document":                        "ここから二つ目の YAML 文書が始まっています（「---」又は「...」の行）。policyctl は最初の文書しか読まず、その後ろのキーは数えられません。文書は一つにしてください",
	"a second YAML document starts here (a line starting \"---\"): the keys after it would not count":                                                                                       "ここから二つ目の YAML 文書が始まっています（「---」で始まる行）。その後ろのキーは数えられません",
	"an empty heading (a lone #) ends the restricted section above it: what follows would be published":                                                                                     "空の見出し（# だけの行）が上の非公開の節を終わらせています。その後ろは公開されます",
	"keep one YAML document in the registry":                                                                                                 "名簿の YAML 文書は一つにしてください",
	"leave a blank line before the heading, so that the end of the restricted section is plain to see":                                       "非公開の節の終わりが分かるよう、見出しの前に空行を入れてください",
	"line %d starts a second YAML document, whose keys would not count; keep one":                                                            "%d 行目から二つ目の YAML 文書が始まっており、そのキーは数えられません。一つにしてください",
	"the front matter ends only at a line \"---\" alone; remove the other \"---\" line":                                                      "フロントマターは「---」だけの行で終わります。もう一方の「---」の行を削除してください",
	"write the heading's text, or remove the #; to end the section deliberately, write the next heading with its title after a blank line":   "見出しの文字を書くか # を削除してください。節を終えるには、空行の後に題名のある次の見出しを書いてください",
	"%s does not resolve: no document was cited before it":                                                                                   "%s は参照先がありません。その前に文書が引用されていません",
	"name the document: 対策基準第4条":                                                                                                             "文書名を書いてください（例: 対策基準第4条）",
	"revision %s is more than ten years away: a revision id is the date it takes effect; the history would never count a revision after it":  "版 %s は10年以上先の日付です。版の ID は施行日です。これより後の版は履歴で数えられなくなります",
	"the approvals of revision %s, approved at commit %s, are missing from the tree: the record of an approved revision is kept; restore %s": "コミット %[2]s で承認された版 %[1]s の承認記録がツリーにありません。承認済みの版の記録は残します。%[3]s を戻してください",
	"tripwire: %s holds restricted text 「%s」 from %s as revision %s has it; the edition was not published":                                   "tripwire: %[1]s に制限された文字列「%[2]s」（版 %[4]s の %[3]s）が含まれています。版を公開しませんでした",
	"unknown key %q: did you mean %q? A misspelt key is ignored, as if it were not there":                                                    "%q は知らない項目です。%q の誤りではありませんか。綴りの誤った項目は、書かれていないものとして無視されます",
	"write %s:": "%s: と書いてください",
	"site: the %s edition holds no document: none of the %d documents has a visibility it shows (%s); check each document's visibility:\n":           "site: %s 版に載る文書がありません。%d 件の文書のどれも、この版が示す公開範囲（%s）ではありません。各文書の visibility: を確かめてください\n",
	"\nThese files differ from the last commit; the signature is over them as they are now, so commit them together with the approval, unchanged:\n": "\n次のファイルは最後のコミットと違います。署名は今の内容に対するものです。承認のファイルと一緒に、変えずにコミットしてください:\n",
	"Commit these files and the changed ones listed above (%s) in one commit; policyctl status shows who else must approve.\n":                       "これらのファイルと、上に挙げた変更のあるファイル（%s）を一つのコミットにしてください。他に承認が必要な委員会は policyctl status で表示します。\n",
	"the revision approved last (%s, scheduled)": "最後に承認された版（%s、施行予定）",
	"the documents of a tier are read in the order of their file names: name the chapter files so that they sort as the chapters do (01-organization.md, 02-assets.md, …)":                                                                                                                     "同じ階層の文書はファイル名の順に読みます。章の順に並ぶようにファイル名を付けてください（01-organization.md、02-assets.md、…）",
	"%q is not a visibility level of %s (levels: %s): the heading and what follows it are not restricted":                                                                                                                                                                                      "%q は %s の公開範囲の区分（%s）にありません。見出しとそれに続く部分は制限されません",
	"%q opens a ::: block with %q, which is not a visibility level of %s (levels: %s): it would be published as text and its content not restricted":                                                                                                                                           "%q は ::: のブロックを %q で始めていますが、これは %s の公開範囲の区分（%s）にありません。文字のまま公開され、内容は制限されません",
	"an opener is exactly \":::\" and one configured level at the start of its line, a closer exactly \":::\"; a \":::\" line directly after an HTML block is part of that block (leave a blank line before it); levels nest at most 8 deep; to write \":::\" as text, put it in a code block": "始まりは行頭の「:::」と設定された区分一つ、終わりは「:::」だけの行です。HTML ブロックの直後の「:::」の行はそのブロックの一部になります（前に空行を入れてください）。入れ子は8段までです。「:::」を文字として書くときはコードブロックに入れてください",
	"write {visibility=LEVEL} with one of: %s": "{visibility=区分} の区分には次のいずれかを書いてください: %s",
	"this document":                      "この文書",
	"%s points at %s, which was deleted": "%s は削除された %s を指しています",
	"cite the provision that now holds what is meant, or rewrite the sentence":                                                                                                            "意図する内容を今定めている規定を引用するか、文を書き直してください",
	"the heading's text names visibility outside an attribute block policyctl reads: the section is not restricted":                                                                       "見出しの文字に、policyctl が読める属性の外で visibility が書かれています。この節は制限されていません",
	"the text assigns visibility outside a heading's attribute block: it would be published as text, and nothing is restricted":                                                           "見出しの属性の外で visibility を指定しています。文字のまま公開され、何も制限されません",
	"to restrict a part, put {visibility=LEVEL} at the end of a heading line or wrap the part in a ::: LEVEL block; to write it as text, put it in `code`":                                "部分を制限するには、見出し行の最後に {visibility=区分} を書くか、::: 区分 のブロックで囲んでください。文字として書くときは `code` に入れてください",
	"; the approvals of revision %s in the working tree are not committed, and the history reads only what git holds: commit approvals/%s":                                                "。作業ツリーにある版 %s の承認はコミットされていません。履歴は git にあるものだけを読みます。approvals/%s をコミットしてください",
	"\nThe key is member \"secretary\" of committee \"mayor\" in approvals/registry.yaml: approve with policyctl approve --committee mayor --member secretary --key <the private key>.\n": "\nこの鍵は approvals/registry.yaml の委員会 \"mayor\" の構成員 \"secretary\" のものです。承認するときは policyctl approve --committee mayor --member secretary --key <秘密鍵のファイル> と指定します。\n",
	"--key %s: the file cannot be read (%v)": "--key %s: ファイルを読めません（%v）",
	"--key %s is not an SSH public key (one line such as ssh-ed25519 AAAA… name): give the .pub file, never the private key":                                              "--key %s は SSH 公開鍵ではありません（ssh-ed25519 AAAA… 名前 のような1行）。秘密鍵ではなく .pub のファイルを指定してください",
	"%s does not resolve: no document is titled 「%s」":                                                                                                                     "%s の参照先がありません: 「%s」という題名の文書はありません",
	"quote a document's title exactly as its front matter gives it (title:)":                                                                                              "文書の題名は、フロントマターの title: のとおりに引用してください",
	"%s does not resolve: the forms of the text are %s":                                                                                                                   "%s の参照先がありません: 本文にある様式は %s です",
	"check the number; if the form is published outside the text, this warning can stay":                                                                                  "番号を確かめてください。様式を本文の外で公開しているなら、この警告はそのままで構いません",
	"policyctl: these files differ from the last commit, and CI judges what is committed (policyctl verify --rev HEAD): %s; commit them, unchanged, with the approvals\n": "policyctl: 次のファイルは最後のコミットと違います。CI が判定するのはコミットされた内容です（policyctl verify --rev HEAD）: %s。承認のファイルと一緒に、変えずにコミットしてください\n",
	"key %s is not a key of member %q in %s: it is member %q's; give %q's own key, or --member %s":                                                                        "鍵 %[1]s は %[3]s で構成員 %[2]q に与えられた鍵ではなく、構成員 %[4]q の鍵です。%[5]q 自身の鍵を指定するか、--member %[6]s としてください",
	"%s would no longer point at %s: after renumbering it would be ambiguous or point at a provision the change adds; rewrite it by hand":                                 "%s は %s を指さなくなります。番号を付け直すと、参照先があいまいになるか、新しく加わる規定を指します。手で書き直してください",
	"%d errors, %d warnings\n": "誤り %d 件、警告 %d 件\n",
	" (did you mean %q?)":      "（%q の誤りではありませんか）",
	"key %q repeats %q (line %d) in another case: keys are read without case, and only one of the two would count; keep one":                                                                                                                                       "項目 %q は %q（%d 行目）を大文字・小文字だけ変えて繰り返しています。項目は大文字と小文字を区別せずに読むため、どちらか一方しか効きません。一つにしてください",
	"approvals/allowed_signers does not match approvals/registry.yaml: ssh-keygen would check approvals against other keys; write it again from the registry with policyctl signers, never by hand":                                                                "approvals/allowed_signers が approvals/registry.yaml と一致しません。ssh-keygen では別の鍵で承認を確かめることになります。手で編集せず、policyctl signers で登録簿から書き直してください",
	"revision %s is dated before revision %s, which was approved at commit %s: approved now, it would change what was in force before %s, so it never counts. Record a new revision: policyctl approve --revision YYYY-MM-DD --kind 一部改正 … (a date after %s)":      "版 %[1]s は、コミット %[3]s で承認された版 %[2]s より前の日付です。今から承認すると %[4]s より前に施行されていた内容を変えることになるため、この版は数えられません。新しい版を記録してください: policyctl approve --revision YYYY-MM-DD --kind 一部改正 …（%[5]s より後の日付）",
	"revision %s was not approved when the later-dated revision %s was (commit %s): approved now, it would change what was in force before %s, so it never counts; record a new revision dated after every approved one":                                           "版 %s は、より後の日付の版 %s が承認されたとき（コミット %s）にまだ承認されていませんでした。今から承認すると %s より前に施行されていた内容を変えることになるため、この版は数えられません。承認済みのどの版よりも後の日付で新しい版を記録してください",
	"%q is the syntax of another Markdown dialect (an attribute list, an alert, an admonition, a template tag or a comment) naming visibility or a visibility level: policyctl does not read it, and what it meant to restrict or hide would be published as text": "%q は別の Markdown 方言の書き方（属性リスト、アラート、注記ブロック、テンプレートのタグ、コメント）で、公開範囲（visibility）か公開範囲の区分を指しています。policyctl はこれを読まないため、制限するつもりだった部分や隠すつもりだった部分は文字のまま公開されます",
	"a level carries the YAML tag %s: tags are not allowed on visibility or editions, as YAML readers do not agree on what a tagged value means; write the level alone":                                                                                            "公開範囲の区分に YAML のタグ %s が付いています。タグ付きの値の意味は YAML の読み手によって異なるため、visibility と editions にはタグを付けられません。区分の名前だけを書いてください",
	"remove it; to restrict a part, put {visibility=LEVEL} at the end of a heading line or wrap the part in a ::: LEVEL block":                                                                                                                                     "削除してください。一部を制限するには、見出し行の末尾に {visibility=区分} を書くか、その部分を ::: 区分 の区画で囲んでください",
	"the code block's info string %q names visibility or a visibility level: a code block restricts nothing (a directive such as ```{only} is not read), and its content would be published":                                                                       "コードブロックの情報文字列 %q が公開範囲（visibility）か公開範囲の区分を指しています。コードブロックは何も制限しません（```{only} のようなディレクティブは読まれません）。その内容は公開されます",
	"the link reference definition [%s] names visibility or a visibility level: a definition is neither a marker nor a comment policyctl reads, and what it meant to restrict would be published":                                                                  "リンクの参照定義 [%s] が公開範囲（visibility）か公開範囲の区分を指しています。参照定義は公開範囲の指定にも、policyctl が読むコメントにもなりません。制限するつもりだった部分は公開されます",
	"to restrict a part, put {visibility=LEVEL} at the end of a heading line or wrap the part in a ::: LEVEL block; for a note, use a word that is not a level (> [!NOTE], !!! note); to write the syntax as text, put it in `code`":                               "一部を制限するには、見出し行の末尾に {visibility=区分} を書くか、その部分を ::: 区分 の区画で囲んでください。注記には区分の名前でない語を使ってください（> [!NOTE]、!!! note）。書き方を文字として示すには `code` に入れてください",
	"to restrict a part, wrap it in a ::: LEVEL block; to show code, name its language (```yaml) and no level":                                                                                                                                                     "一部を制限するには、その部分を ::: 区分 の区画で囲んでください。コードを示すには、区分ではなく言語の名前を書いてください（```yaml）",
	"visibility carries the YAML tag %s: a tag on visibility is not allowed, as YAML readers do not agree on what a tagged value means; the document is treated as the most restricted level":                                                                      "visibility に YAML のタグ %s が付いています。タグ付きの値の意味は YAML の読み手によって異なるため、visibility にはタグを付けられません。文書は最も制限の強い区分として扱います",
	"write the level alone, without a tag: visibility: internal": "タグを付けずに区分の名前だけを書いてください: visibility: internal",
	"%s sorts before %s, but its articles (from 第%d条) follow that file's (from 第%d条): the files of a tier are numbered through in the order of their names; rename the files so that they sort as the chapters do (01-…, 02-…, 10-…), then renumber": "%[1]s は %[2]s より前に並びますが、その条（第%[3]d条から）は後者の条（第%[4]d条から）の後に続きます。同じ階層のファイルは名前の順に通し番号が付けられます。章の順に並ぶようファイル名を改め（01-…、02-…、10-…）、それから renumber を実行してください",
	"git HEAD: %w": "git の HEAD: %w",
	"render: %s links %s, which is not committed as it is on disk: the %s edition publishes only files committed as they are, approved with the page that links them; commit the file (or restore it with git checkout), or remove the link": "render: %[1]s がリンクする %[2]s は、ディスク上の内容のままではコミットされていません。%[3]s 版が公開するのは、リンクする文書とともに承認された、コミットされたままのファイルだけです。ファイルをコミットする（又は git checkout で元に戻す）か、リンクを削除してください",
	// The command-line help: cobra's headings and the commands' texts.
	`  policyctl approve --revision 2026-04-01 --kind 一部改正 --committee mayor --member yamamoto --key ~/.ssh/id_ed25519
  policyctl approve --revision 2026-04-01 --committee council --member saito   # key from ssh-agent`: `  policyctl approve --revision 2026-04-01 --kind 一部改正 --committee mayor --member yamamoto --key ~/.ssh/id_ed25519
  policyctl approve --revision 2026-04-01 --committee council --member saito   # 鍵は ssh-agent から`,
	`  policyctl build
  policyctl build --edition public --rev in-force -o public-site`: `  policyctl build
  policyctl build --edition public --rev in-force -o public-site`,
	`  policyctl check
  policyctl check -C policy-repo --format json
  policyctl check --rev HEAD~1
  policyctl check --against 2024-04-01
  policyctl check --format sarif > policyctl.sarif`: `  policyctl check
  policyctl check -C policy-repo --format json
  policyctl check --rev HEAD~1
  policyctl check --against 2024-04-01
  policyctl check --format sarif > policyctl.sarif`,
	`  policyctl demo -o /tmp/policyctl-demo
  policyctl demo -o /tmp/policyctl-demo --force`: `  policyctl demo -o /tmp/policyctl-demo
  policyctl demo -o /tmp/policyctl-demo --force`,
	`  policyctl diff
  policyctl diff 2024-04-01 2026-03-31 --format html -o 新旧対照表.html
  policyctl diff in-force HEAD --edition public --format markdown
  policyctl diff 2024-04-01 2026-03-31 --format docx --notes -o 新旧対照表.docx
  policyctl diff 2024-04-01 2026-03-31 --format kaimebun`: `  policyctl diff
  policyctl diff 2024-04-01 2026-03-31 --format html -o 新旧対照表.html
  policyctl diff in-force HEAD --edition public --format markdown
  policyctl diff 2024-04-01 2026-03-31 --format docx --notes -o 新旧対照表.docx
  policyctl diff 2024-04-01 2026-03-31 --format kaimebun`,
	`  policyctl fix --dry-run
  policyctl fix
  policyctl fix text/encoding
  policyctl fix ref/renumbered numbering/`: `  policyctl fix --dry-run
  policyctl fix
  policyctl fix text/encoding
  policyctl fix ref/renumbered numbering/`,
	`  policyctl history
  policyctl history --doc basic-policy --format markdown
  policyctl history --format json`: `  policyctl history
  policyctl history --doc basic-policy --format markdown
  policyctl history --format json`,
	"  policyctl init --org-id sakuradai --org-name さくら台市 sakuradai-policy": "  policyctl init --org-id sakuradai --org-name さくら台市 sakuradai-policy",
	`  policyctl man -o docs/man --markdown docs/commands
  man docs/man/policyctl-diff.1`: `  policyctl man -o docs/man --markdown docs/commands
  man docs/man/policyctl-diff.1`,
	`  policyctl renumber --dry-run
  policyctl renumber
  policyctl renumber --doc std-technical --branch
  policyctl renumber --against 2024-04-01`: `  policyctl renumber --dry-run
  policyctl renumber
  policyctl renumber --doc std-technical --branch
  policyctl renumber --against 2024-04-01`,
	"  policyctl signers && git add approvals/allowed_signers": "  policyctl signers && git add approvals/allowed_signers",
	`  policyctl status
  policyctl status --format json`: `  policyctl status
  policyctl status --format json`,
	`  policyctl verify
  policyctl verify --revision 2024-04-01
  policyctl verify --rev HEAD --format markdown >> "$GITHUB_STEP_SUMMARY"`: `  policyctl verify
  policyctl verify --revision 2024-04-01
  policyctl verify --rev HEAD --format markdown >> "$GITHUB_STEP_SUMMARY"`,
	" (default %s)":           "（既定値: %s）",
	"Additional Commands:":    "その他のコマンド:",
	"Additional help topics:": "その他のヘルプ項目:",
	"Aliases:":                "別名:",
	"Available Commands:":     "使用できるコマンド:",
	"Examples:":               "例:",
	"Flags:":                  "オプション:",
	"Generate the autocompletion script for %s": "%s 用の補完スクリプトを生成する",
	`Generate the autocompletion script for %s for the specified shell.
See each sub-command's help for details on how to use the generated script.
`: `指定したシェル用の %s の補完スクリプトを生成する。
生成したスクリプトの使い方は、各サブコマンドのヘルプを参照すること。
`,
	"Generate the autocompletion script for the specified shell": "指定したシェル用の補完スクリプトを生成する",
	"Global Flags:":          "共通オプション:",
	"Help about any command": "コマンドのヘルプを表示する",
	`Help provides help for any command in the application.
Simply type %s help [path to command] for full details.`: `任意のコマンドのヘルプを表示する。
詳細は「%s help [path to command]」で表示する。`,
	"Usage:": "使い方:",
	"Use \"%s [command] --help\" for more information about a command.": "各コマンドの詳細は「%s [コマンド] --help」で表示する。",
	"add a 備考 column: 追加, 変更, 削除, 新設 or 移動 per row":                     "備考欄を加え、行ごとに追加、変更、削除、新設又は移動を記す",
	"also write a Markdown reference page per command into `DIR`":       "コマンドごとの Markdown のリファレンスページも `DIR` に書き出す",
	"apply every certain fix that check's findings carry":               "check の指摘に付いた確実な修正をすべて適用する",
	`approve records one member's approval of the current content for a revision:
it shows what is approved (the revision and its kind, each document's title and
SHA-256 digest with the files it links to, the documents it abolishes, and
what changed since the revision in force), asks for confirmation on a terminal
(--yes for scripts), signs the canonical payload with the member's SSH key
(the --key file, or ssh-agent) and writes approvals/ID/COMMITTEE.MEMBER.json
and .sig. The first approval of a revision also writes
approvals/ID/revision.yaml, with the kind --kind gives.

A revision id is its effective date (施行日), YYYY-MM-DD as it is in the
calendar, later than every revision already recorded. Once a revision is
approved its content is sealed: new content needs a new revision.

It refuses a member who is not in the committee, a key the registry does not
give the member, and content that fails policyctl check (compared with the
revision in force, so a reference a renumbering moved blocks it too).`: `approve は、版の現在の内容に対する構成員一人の承認を記録する。承認の対象（版
とその改訂の種類、各文書の題名、SHA-256 のハッシュ値及びリンク先のファイル、
廃止する文書並びに施行中の版からの変更点）を表示し、端末では確認を求め（スク
リプトでは --yes）、構成員の SSH 鍵（--key のファイル又は ssh-agent）で正規
化した payload に署名し、approvals/ID/COMMITTEE.MEMBER.json 及び .sig を書き
出す。版の最初の承認では、--kind で指定した改訂の種類を記した
approvals/ID/revision.yaml も書き出す。

版の id は施行日であり、暦にある日付を YYYY-MM-DD で書き、記録済みのすべての
版より後の日付とする。版が承認されると、その内容は確定する。新しい内容には新
しい版が必要である。

委員会に属さない構成員、名簿がその構成員に与えていない鍵及び policyctl check
で誤りとなる内容は、承認を拒否する。check は施行中の版と比較するため、番号の
振り直しで参照先が動いた参照があっても拒否する。`,
	`build renders editions of the policy into DIR/<edition>/: an index, a page per
document (table of contents, permalinks, previous/next), the 改訂履歴 with every
revision in force readable and its 新旧対照表, search for Japanese text and
print CSS. The public edition holds no byte of restricted content; other
editions carry noindex. Pages that differ from the revision in force are
marked 「案」. Output is deterministic, and the editions' folders are swapped
in only when every edition is built: a failed build changes none of them.
A build replaces only an edition folder a build wrote (it holds the file
.policyctl-edition) or an empty one; it refuses any other folder or file there.

build refuses an edition that does not see every level while check reports an
error that could make restricted content reach it, and stops when the
tripwire finds restricted text in the output. CI publishes the public edition
with --rev in-force: the content of the newest revision whose date has come.

Rendered pages are kept in a cache (--cache DIR, by default policyctl in the
user's cache folder; --no-cache for none), keyed by digests of everything a
page depends on: a build after a small change renders only what it touched,
and an archived revision is rendered once. CI keeps the folder between runs
with actions/cache. The tripwire reads every page, cached or not.`: `build は、ポリシーの各版を DIR/<edition>/ に作成する。一覧のページ、文書ごと
のページ（目次、パーマリンク及び前後の文書へのリンク付き）、施行されたすべて
の版とその新旧対照表を読める改訂履歴、日本語の全文検索並びに印刷用の CSS を
作成する。公開版には制限された内容を1バイトも含めず、その他の版には noindex
を付ける。施行中の版と異なるページには「案」と表示する。出力は決定的であり、
各版のフォルダは、すべての版の作成に成功したときに限り入れ替える。作成に失敗
したときは、どの版も変わらない。入れ替えるのは、build が書いたフォルダ
（.policyctl-edition というファイルを置く。）又は空のフォルダに限る。その他の
フォルダやファイルがあるときは、作成しない。

check が、制限された内容が載るおそれのある誤りを報告している間は、すべての区
分を見ることのできない版は作成しない。また、出力の最終検査（tripwire）が制限
された文字列を見つけたときは中止する。CI は --rev in-force で公開版を公開する。これ
は、施行日が来た最新の版の内容である。

作成したページは、キャッシュに保存する（--cache DIR。既定はユーザーのキャッ
シュフォルダの policyctl。--no-cache で使わない）。キーは、ページが依存する
すべてのもののハッシュ値であるため、小さな変更の後には変更が及ぶページだけを
作成し、過去の版は一度だけ作成する。CI は actions/cache で実行の間フォルダを
保持する。最終検査は、キャッシュにあったかどうかにかかわらず、すべてのページ
を読む。`,
	"build the embedded example repository and run policyctl on it":     "組み込みの例のリポジトリを作成し、それに対して policyctl を実行する",
	"check every approval the revision needs":                           "版に必要なすべての承認を検証する",
	"check this revision `ID` against the content it was approved with": "版 `ID` を承認時の内容に対して検証する",
	`check validates every document of the repository and reports all findings in one run:
front matter, text encoding, the approvals registry, numbering, Markdown links,
Japanese textual references (上記3, 前項, 第5条第2項) and visibility leaks.

It also compares the repository with the revision in force, when there is
one, or with --against REV: a reference that reads as it did there but that a
renumbering made point at another provision is an error (ref/renumbered),
with the number to write. --against none turns the comparison off.

Each finding is FILE:LINE:COL: SEVERITY RULE: message, with a hint.
Exit 0 when there is no error (warnings allowed), 1 when there is one.`: `check は、リポジトリのすべての文書を検査し、すべての指摘を一度に報告する。対
象は、フロントマター、文字コード、承認の名簿、番号、Markdown のリンク、日本
語の文中の参照（上記3、前項、第5条第2項）及び公開範囲からの漏えいである。

施行中の版があればその版と、--against REV を指定すればその版と、リポジトリを
比較する。参照の文言はその版のときと同じでも、番号の振り直しによって別の規定
を指すようになった参照は誤り（ref/renumbered）とし、書くべき番号を示す。
--against none で比較をしない。

各指摘は FILE:LINE:COL: SEVERITY RULE: message の形で、対処とともに表示す
る。誤りがなければ（警告は可）終了コード 0、誤りがあれば 1 で終了する。`,
	"committees × documents: approved, missing, stale; what to do next":                                                                "委員会ごと・文書ごとの承認の状況（済・未・変）と、次に行うことを表示する",
	"compare only what edition `NAME` shows (public: safe to publish)":                                                                 "版 `NAME` に載る部分だけを比較する（public は公開してよい部分）",
	"compare with `REV` for ref/renumbered (default: the revision approved last, in force or scheduled, when there is one; none: off)": "ref/renumbered の判定で `REV` と比較する（既定は、最後に承認された施行中又は施行予定の版があれば、その版。none で比較しない）",
	"create a new policy repository": "新しいポリシーのリポジトリを作成する",
	`demo writes the embedded example — the policy of みどり野市, a fictional city — as a
git repository with its history, then runs policyctl's own commands on it
(check, verify, status, history, diff, build) and says what it made.
The demo keys it generates are derived from fixed seeds: never use them for real.`: `demo は、組み込みの例（架空の市であるみどり野市のポリシー）を履歴付きの git
リポジトリとして書き出し、それに対して policyctl 自身のコマンド（check、
verify、status、history、diff、build）を実行し、作成したものを示す。生成する
デモ用の鍵は固定のシードから導いたものであり、決して実際に使ってはならない。`,
	`diff prints the 新旧対照表 between two revisions: 改正後 on the left and 改正前 on the
right (diff.order in policyctl.yaml reverses them), sections aligned even when
renumbered, retitled or moved, changed wording marked in a reader's units,
unchanged provisions elided as （略）, added ones against （新設）, removed ones
against （削る）. References that a renumbering broke are listed below it.

OLD and NEW are revision ids (2024-04-01), in-force, git commits, tags,
branches or expressions like HEAD~1. Default: in-force against the working
tree. --edition public compares only what the public edition shows.

For a 決裁: --format docx and --format xlsx write the table as Word and Excel
files (A4 landscape, -o FILE), --format kaimebun the 改め文 in the standard
forms of 法制執務 (with --doc for one document), --notes a 備考 column.`: `diff は、二つの版の新旧対照表を表示する。左に改正後、右に改正前を置き
（policyctl.yaml の diff.order で逆にできる）、番号の振り直し、題名の変更又
は移動があっても節をそろえ、変更した文言を読み手の単位で示し、変更のない規定
は（略）として省き、追加した規定は（新設）と、削った規定は（削る）と対照す
る。番号の振り直しで壊れた参照は、表の下に列挙する。

OLD 及び NEW には、版の id（2024-04-01）、in-force、git のコミット、タグ、ブ
ランチ又は HEAD~1 のような式を指定する。既定では、施行中の版と作業ツリーを比
較する。--edition public は、公開版に載る部分だけを比較する。

決裁のために、--format docx 及び --format xlsx は対照表を Word 及び Excel の
ファイル（A4 横、-o FILE）として書き出し、--format kaimebun は法制執務の標準
的な形式で改め文を書き出し（--doc で一つの文書に限る）、--notes は備考欄を加
える。`,
	"disable completion descriptions": "補完候補の説明を表示しない",
	`fix applies every fix that is certain, for every rule or only the RULEs named
(ids such as ref/renumbered, or families such as text/):

  text/encoding        Shift_JIS and UTF-16 converted to UTF-8; BOM, CRLF, bidi
                       and zero-width controls removed; text normalised to NFC
  numbering/gap,       the numbering made contiguous and the references kept
  numbering/duplicate  (as policyctl renumber does)
  ref/renumbered       references a renumbering moved, written to point at
                       what they pointed at in the revision in force
  numbering/style      numbers written as style.digits and style.articles in
                       policyctl.yaml ask

Findings that need a person are listed, not guessed, and make fix exit 1 when
they are errors. The result is checked before anything is written: every
reference must keep its target and check must report nothing new. Every
changed file is written at once, or none, and none that changed since it was
read; each file keeps its line ends unless text/encoding changes them. The
changes are printed as a unified diff; --dry-run prints only that.`: `fix は、確実な修正を、すべての規則について、又は指定した RULE
（ref/renumbered のような規則の id 又は text/ のような規則の種類）についてだ
け適用する。

  text/encoding        Shift_JIS 及び UTF-16 を UTF-8 に変換し、BOM、CRLF、
                       bidi 制御文字及びゼロ幅文字を取り除き、NFC に正規化する
  numbering/gap,       番号を連続させ、参照先を保つ
  numbering/duplicate  （policyctl renumber と同じ）
  ref/renumbered       番号の振り直しで参照先が動いた参照を、施行中の版で
                       指していたものを指すように書き換える
  numbering/style      数字を policyctl.yaml の style.digits 及び
                       style.articles のとおりに書く

人の判断が必要な指摘は、推測せずに列挙し、それが誤りであれば fix は終了コー
ド 1 で終了する。書き込む前に結果を検査し、すべての参照が参照先を保ち、check
が新たな指摘を報告しないことを確かめる。変更したファイルはすべてを一度に書き
込むか、一つも書き込まないかのいずれかであり、読んだ後に変更されたファイルに
は書き込まない。各ファイルの改行は、text/encoding が変える場合を除き、そのま
ま保つ。変更は unified diff 形式で表示し、--dry-run ではその表示だけを行う。`,
	"fold 枝番: 第3条の2 becomes 第4条": "枝番をなくす（第3条の2 は第4条になる）",
	"help for %s": "%s のヘルプを表示する",
	`history writes the 改訂履歴: the revisions older than the repository (policyctl.yaml
history.legacy) and the recorded revisions approved, oldest first, with their
和暦 dates, kinds and the edition each made (令和7年度改訂版: a revision on
2026-03-31 falls in 令和7年度). A revision approved whose date has not come is
marked 施行予定 (--at evaluates another day). Drafts — revisions whose approvals
are not complete — are left out. With --doc, only the revisions that changed
that document. The git history is required.

The history is walked and every revision verified; the result is kept in the
cache for the next run on the same commit (--no-cache: not), sealed with a key
of this machine's user, so that an entry written elsewhere is never believed.
Commands that decide — verify, status, build — always walk the history.

Its output names every document a revision changed, non-public ones too
(title, id, path): it is for the office. The 改訂履歴 to publish is the one
build writes into the public edition, which says 非公開部分の改正 for them.`: `history は改訂履歴を表示する。リポジトリ以前の改訂（policyctl.yaml の
history.legacy）と、記録された版のうち承認されたものを、古い順に、和暦の日
付、改訂の種類及びそれぞれの版名（令和7年度改訂版。2026-03-31 の版は令和7年
度に属する）とともに示す。承認されたが施行日が来ていない版には、施行予定と表
示する（--at で別の日について判定する）。案（承認がそろっていない版）は含め
ない。--doc を指定すると、その文書を変更した版だけを示す。git の履歴が必要で
ある。

履歴をたどってすべての版を検証し、その結果を、同じコミットでの次回の実行のた
めにキャッシュに保存する（--no-cache で保存しない）。結果はこのマシンのユー
ザーの鍵で封印するため、他の場所で書かれた記録を信用することはない。判定を行
うコマンド（verify、status、build）は、常に履歴をたどる。

出力には、版が変更した文書を、非公開の文書も含めて（題名・id・パス）示す。
庁内向けの出力である。公開する改訂履歴は、build が公開版に書き出すもので、
非公開の文書の変更は「非公開部分の改正」と示す。`,
	`init writes a new, minimal policy repository into DIR (default: the current
directory): policyctl.yaml, approvals/registry.yaml, one document per tier,
.gitattributes, and the CI workflow .github/workflows/policy.yml — at the root
of the git repository when DIR is a folder inside one, with DIR as its working
directory — and runs git init unless DIR is already in a git repository.

The workflow installs the policyctl version that wrote it, checks every pull
request, and publishes the public edition on every push and once a day, so the
site switches to a revision on its effective date without anyone pushing.`: `init は、新しい最小限のポリシーのリポジトリを DIR（既定はカレントディレクト
リ）に書き出す。書き出すのは、policyctl.yaml、approvals/registry.yaml、階層
ごとに一つの文書、.gitattributes 及び CI のワークフロー
.github/workflows/policy.yml である。DIR が git リポジトリの中のフォルダであ
るときは、ワークフローはそのリポジトリのルートに、DIR を作業ディレクトリとし
て書き出す。DIR が git リポジトリの中になければ、git init を実行する。

ワークフローは、それを書き出したバージョンの policyctl をインストールし、す
べての pull request を検査し、push のたび及び毎日一回、公開版を公開する。こ
のため、誰も push しなくても、施行日にサイトが新しい版に切り替わる。`,
	"judge what is in force on `DATE` (YYYY-MM-DD) instead of today in Japan":                                       "日本の今日ではなく、`DATE`（YYYY-MM-DD）に施行されている内容で判定する",
	"keep results for the next run in `DIR` (default: policyctl in the user's cache folder)":                        "次回の実行のために結果を `DIR` に保存する（既定は、ユーザーのキャッシュフォルダの policyctl）",
	"make an inserted article a 枝番 (第3条の2) and leave a deleted one's number free, so that nothing after them moves": "挿入した条を枝番（第3条の2）とし、削除した条の番号は空けたままにして、後の条の番号を動かさない",
	"make numbering contiguous again and keep every reference's target":                                             "番号を振り直して連続させ、すべての参照の参照先を保つ",
	`man writes a man page for policyctl and each of its commands into DIR, for
packagers. The project keeps them in docs/man.`: `man は、パッケージ作成者のために、policyctl 及び各コマンドの man ページを
DIR に書き出す。このプロジェクトでは docs/man に置く。`,
	"neither read nor write the cache":                                                         "キャッシュを読まず、書き込みもしない",
	"only the document with this `ID`":                                                         "id が `ID` の文書だけを対象とする",
	"only the revisions that changed the document with this `ID`":                              "id が `ID` の文書を変更した版だけを表示する",
	"output `FORMAT`: text, html, markdown, json, docx (Word), xlsx (Excel) or kaimebun (改め文)": "出力形式 `FORMAT`。text、html、markdown、json、docx（Word）、xlsx（Excel）又は kaimebun（改め文）",
	"output `FORMAT`: text, json or markdown":                                                  "出力形式 `FORMAT`。text、json 又は markdown",
	"output `FORMAT`: text, json, github (workflow annotations) or sarif (code scanning)":      "出力形式 `FORMAT`。text、json、github（ワークフローの注釈）又は sarif（コードスキャン）",
	"output `FORMAT`: text, markdown or json":                                                  "出力形式 `FORMAT`。text、markdown 又は json",
	"override a configuration key, `KEY=VALUE`":                                                "設定項目を `KEY=VALUE` で上書きする",
	"override a configuration key, `KEY=VALUE` (also POLICYCTL_KEY env vars)":                  "設定項目を `KEY=VALUE` で上書きする（環境変数 POLICYCTL_KEY でも指定できる）",
	`policyctl keeps a municipality's 情報セキュリティポリシー — the public 基本方針 and
the non-public 対策基準 and 実施手順 — as Markdown in a git repository. It checks
the documents, records each committee's approval as an SSH signature, renders
the public and internal editions, writes the 改訂履歴 and prints the 新旧対照表.

Exit codes: 0 success, 1 problems found, 2 usage, configuration or input error.`: `policyctl は、地方公共団体の情報セキュリティポリシー（公開する基本方針並びに
公開しない対策基準及び実施手順）を、Markdown として git リポジトリで管理す
る。文書を検査し、各委員会の承認を SSH 署名として記録し、公開版及び庁内版を
作成し、改訂履歴を書き出し、新旧対照表を表示する。

終了コード: 0 成功、1 問題あり、2 使い方、設定又は入力の誤り。`,
	"print the unified diff and write nothing": "unified diff 形式で変更を表示し、何も書き込まない",
	"print the version":                        "バージョンを表示する",
	"read the repository at `REV` instead of the working tree: a revision id, in-force, or a git commit, tag, branch or HEAD~1":                                                   "作業ツリーではなく `REV` の時点のリポジトリを読む。REV には版の id、in-force、git のコミット、タグ、ブランチ、HEAD~1 などを指定する",
	"refuse a history whose first-parent line does not contain `COMMIT` (CI: the commit main pointed at before the push, the commit published last); may be given more than once": "first-parent の系列に `COMMIT` を含まない履歴を拒否する（CI では、push の前に main が指していたコミットや、最後に公開したコミットを指定する）。複数回指定できる",
	"regenerate approvals/allowed_signers from the registry": "名簿から approvals/allowed_signers を作り直す",
	"render the editions into a static site":                 "各版を静的サイトとして作成する",
	`renumber makes every numbering sequence contiguous again after an insertion, a
deletion or a move — 章, 節, 条 (枝番 such as 第3条の2 are kept; --collapse folds
them), 項, 号, (1), ①, ア, (ア) and the 基本方針's 1. — and rewrites every
reference in every document that pointed at a renumbered provision so that it
keeps its target, in its own style: 上記6、7及び8 becomes 上記7、8及び9, 第十二条
becomes 第十三条, a 前条 whose target is no longer the article before it becomes
that article's number, and a range that would widen over an inserted article
becomes a list.

An inserted provision may carry any provisional number: 第?条, a repeated
number, or 第3条の2. A reference that stood in the revision approved last (before
any is approved, the last commit; or --against REV) keeps the provision it
pointed at there; one in new text keeps what it points at as written. --branch
makes an inserted article a 枝番 of the one before it, so that nothing after it
moves: every article that revision has keeps the number it has there.

The result is checked before anything is written: every reference must
resolve to the same provision as before and check must report nothing new;
otherwise renumber writes nothing and names what it could not keep. Every
changed file is written at once, or none, and none that changed since it was
read. The changes are printed as a unified diff; --dry-run prints only that,
and says on standard error that nothing was written.`: `renumber は、挿入、削除又は移動の後に、すべての番号の並びを連続させ直す。対
象は、章、節、条、項、号、(1)、①、ア、(ア) 及び基本方針の 1. であり、第3条
の2 のような枝番は保つ（--collapse で枝番をなくす）。また、番号を振り直した
規定を指していたすべての文書のすべての参照を、参照先を保つように、その参照自
身の書き方で書き換える。上記6、7及び8 は上記7、8及び9 に、第十二条は第十三条
になり、参照先が直前の条でなくなった前条はその条の番号になり、挿入した条をま
たいで広がることになる範囲は列挙になる。

挿入した規定には、第?条、重複した番号、第3条の2 など、どのような仮の番号を付
けてもよい。最後に承認された版（承認された版がまだなければ最後のコミット。
--against REV を指定すればその版）にあった参照は、その版で指していた規定を保
ち、新しい文章の参照は、書かれたとおりの参照先を保つ。--branch を指定すると、
挿入した条を直前の条の枝番とし、後の条の番号を動かさない。その版にある条は、
その版での番号のままとする。

書き込む前に結果を検査し、すべての参照が前と同じ規定を指し、check が新たな指
摘を報告しないことを確かめる。そうでなければ renumber は何も書き込まず、保て
なかったものを示す。変更したファイルはすべてを一度に書き込むか、一つも書き込
まないかのいずれかであり、読んだ後に変更されたファイルには書き込まない。変更
は unified diff 形式で表示し、--dry-run ではその表示だけを行い、何も書き込まな
かったことを標準エラー出力に示す。`,
	"renumber only the document with this `ID` (references everywhere follow)": "id が `ID` の文書だけ番号を振り直す（参照は、どの文書にあっても追従する）",
	"replace DIR even if it is not empty":                                      "DIR が空でなくても置き換える",
	"report references a renumbering moved since `REV` (default: the revision approved last, in force or scheduled, when there is one; none: off)": "`REV` より後の番号の振り直しで参照先が動いた参照を報告する（既定は、最後に承認された施行中又は施行予定の版があれば、その版。none で比較しない）",
	"show no progress, even on a terminal":                                "端末でも進行状況を表示しない",
	"sign the current content for a revision, as a member of a committee": "委員会の構成員として、版の現在の内容に署名する",
	"sign with this private key `FILE` instead of ssh-agent":              "ssh-agent ではなく秘密鍵のファイル `FILE` で署名する",
	"sign without asking (for scripts)":                                   "確認を求めずに署名する（スクリプト用）",
	`signers writes approvals/allowed_signers, the registry in OpenSSH's allowed_signers
form, so that a change to the registry (a member added, a key replaced) passes
check before anyone signs, and auditors can run ssh-keygen -Y verify.`: `signers は、名簿を OpenSSH の allowed_signers の形式にした
approvals/allowed_signers を書き出す。これにより、名簿の変更（構成員の追加、
鍵の交換）が、誰かが署名する前に check を通るようになり、監査人は ssh-keygen
-Y verify を実行できる。`,
	`status shows, for the newest recorded revision, which committee has approved which
document: 済 approved (by whom), 未 missing, 変 stale (the document, a file it
links to or policyctl.yaml changed since the approval), － not an approver of
that document; whether the revision is 施行予定 (approved, its date still to
come); and what to do next.`: `status は、記録された最新の版について、どの委員会がどの文書を承認したかを表
示する。済は承認済み（承認した構成員を示す）、未は未承認、変は承認の後に変更
あり（文書、そのリンク先のファイル又は policyctl.yaml が承認の後に変わっ
た）、－はその文書の承認者でないことを示す。併せて、版が施行予定（承認済み
で、施行日が未到来）であるかどうか及び次に行うことを表示する。`,
	"take each reference's target from `REV` (default: the revision approved last, in force or scheduled, else the last commit; none: as written)": "各参照の参照先を `REV` から取る（既定は、最後に承認された施行中又は施行予定の版。なければ最後のコミット。none なら書かれたとおり）",
	"the committee `ID` (required)":       "委員会の `ID`（必須）",
	"the edition `NAME` to build, or all": "作成する版の名前 `NAME` 又は all",
	"the language of messages, `LANG`: ja or en (default: POLICYCTL_LANG, lang in policyctl.yaml, then the locale)": "メッセージの言語 `LANG`。ja 又は en（既定は POLICYCTL_LANG、policyctl.yaml の lang、ロケールの順に決める）",
	"the member `ID` (required)":                                   "構成員の `ID`（必須）",
	"the organisation's `ID` ([a-z0-9-]+)":                         "団体の `ID`（[a-z0-9-]+）",
	"the organisation's `NAME`, such as さくら台市":                     "団体の名称 `NAME`（さくら台市など）",
	"the policy repository `DIR`":                                  "ポリシーのリポジトリ `DIR`",
	"the revision `ID`: its effective date, YYYY-MM-DD (required)": "版の `ID`。施行日を YYYY-MM-DD で書く（必須）",
	"the revision's `KIND` (策定, 改訂, 一部改正, 全部改正, 廃止): required when the revision is new":                     "版の改訂の種類 `KIND`（策定、改訂、一部改正、全部改正又は廃止）。新しい版では必須",
	"the secretary's SSH public key `FILE` (such as ~/.ssh/id_ed25519.pub), so approvals can start at once": "事務局の SSH 公開鍵のファイル `FILE`（~/.ssh/id_ed25519.pub など）。指定すると、すぐに承認を始められる",
	"the 改訂履歴: legacy revisions and approved revisions, in 和暦, with edition names":                          "改訂履歴（リポジトリ以前の版及び承認された版）を、和暦の日付と版名を付けて表示する",
	"the 新旧対照表 between two revisions":                                                                       "二つの版の新旧対照表を表示する",
	"validate front matter, encoding, numbering, links and references":                                      "フロントマター、文字コード、番号、リンク及び参照を検査する",
	`verify checks the approvals of a revision. Without --revision it checks the newest
recorded revision against the working tree (or --rev): the CI gate, which fails
as soon as a document, a file it links to or policyctl.yaml changes after its
approval. With --revision ID it checks that revision against the content it was
approved with.

Each approval counts when its signature verifies with a key the registry gives
the member, the member is in the committee, and the payload names the exact
current bytes of every document the committee approves, of the files they
link to, and of policyctl.yaml. The rules of the revision approved before are
applied too, so do documents that were renamed, moved, split, merged or
abolished. A revision already approved is sealed: new content needs a new
revision. Exit 1 when anything is missing, invalid or stale; exit 2 when the
git history it needs is missing.`: `verify は、版の承認を検証する。--revision を指定しないときは、記録された最新
の版を作業ツリー（又は --rev）に対して検証する。これは CI のゲートであり、承
認の後に文書、そのリンク先のファイル又は policyctl.yaml が変わると、直ちに不
合格となる。--revision ID を指定すると、その版を承認時の内容に対して検証す
る。

各承認は、署名が、名簿でその構成員に与えられた鍵で検証でき、構成員がその委員
会に属し、かつ、payload が、委員会が承認するすべての文書、それらのリンク先の
ファイル及び policyctl.yaml の現在のバイト列を正確に指しているときに数える。
前に承認された版の規則も適用し、名前の変更、移動、分割、統合又は廃止をした文
書も考慮する。承認済みの版の内容は確定しており、新しい内容には新しい版が必要
である。足りないもの、無効なもの又は古くなったものがあれば終了コード 1、必要
な git の履歴がなければ 2 で終了する。`,
	"version for %s":                             "%s のバージョンを表示する",
	"write man pages for every command":          "すべてのコマンドの man ページを書き出す",
	"write the example repository to `DIR`":      "例のリポジトリを `DIR` に書き出す",
	"write the pages into `DIR`":                 "ページを `DIR` に書き出す",
	"write the site into `DIR`/<edition>/":       "サイトを `DIR`/<edition>/ に書き出す",
	"write to `FILE` instead of standard output": "標準出力ではなく `FILE` に書き出す",
	"情報セキュリティポリシーを git で管理する — keep an information security policy in git":                                                                                                                              "情報セキュリティポリシーを git で管理する",
	"the file is not UTF-8 text, so its numbers and references cannot be read and renumbering could move what it cites or what cites it; convert it first (policyctl fix text/encoding), then renumber": "ファイルが UTF-8 のテキストでないため、その番号と参照を読めず、番号を振り直すとこのファイルが引用する規定やこのファイルを引用する参照を動かしてしまうおそれがあります。先に変換し（policyctl fix text/encoding）、それから renumber を実行してください",
	"revision %[1]s was approved at commit %[2]s, and approvals/%[1]s has changed since: the history seals what that commit's approvals signed, not what the approvals in the repository sign now (a branch merged by rebase or as a fast-forward can bring approvals the committees withdrew); nothing is published while it stands: restore the approvals it was approved with (git checkout %[2]s -- approvals/%[1]s), record the content meant as a new revision, and merge pull requests with merge commits": "版 %[1]s はコミット %[2]s で承認されましたが、その後 approvals/%[1]s が変わっています。履歴が確定させるのはそのコミットの承認が署名した内容であり、いまリポジトリにある承認が署名した内容ではありません（リベース又は早送りでマージしたブランチは、委員会が取り下げた承認を持ち込むことがあります）。このままでは何も公開しません。承認されたときの承認を元に戻し（git checkout %[2]s -- approvals/%[1]s）、意図した内容を新しい版として記録し、プルリクエストはマージコミットでマージしてください",
	"from %s to %s": "%sから%sまで",
	"--branch keeps the numbers after a deleted article: %s stays, and %s is missing; write 「%s　削除」 where it stood (check reports the gap until then)": "--branch では削除した条の後ろの番号を変えません。%[1]sはそのままで、%[2]sが欠けています。その位置に「%[3]s　削除」と書いてください（それまで check は番号の欠けを報告します）",
	"policyctl renumber: %s\n":        "policyctl renumber: %s\n",
	"the last commit (HEAD)":          "最後のコミット（HEAD）",
	"the scheduled revision (%s): %w": "施行予定の版（%s）: %w",
	"another provision now carries the same number: run policyctl renumber, which numbers them and rewrites this reference to keep its target":          "同じ番号の規定がほかにもあります。policyctl renumber を実行すると、番号を振り直し、この参照を同じ規定を指すように書き換えます",
	"%s pointed at %s in %s; a provision inserted with the same number comes first, and %s":                                                             "%[1]s は %[2]s（%[3]s）を指していましたが、同じ番号で挿入した規定が先にあるため、%[4]s",
	"Nothing is committed yet: commit the documents, policyctl.yaml and the registry with these files; policyctl status shows who else must approve.\n": "まだ何もコミットされていません。文書、policyctl.yaml 及び名簿を、これらのファイルと一緒にコミットしてください。ほかに誰の承認が要るかは policyctl status で確かめられます。\n",
	"[flags]":   "[オプション]",
	"[command]": "[コマンド]",
	"the link text %s names %s, which %s does not have":            "リンクの文字列 %[1]s は %[2]s を指していますが、%[3]s にその規定はありません",
	"correct the number in the link text, or where the link leads": "リンクの文字列の番号か、リンク先を直してください",
	"did not find expected ',' or ']'":                             "[ ] の中で「,」か「]」があるはずの所にありません（行番号は [ の行です）",
	"did not find expected ',' or '}'":                             "{ } の中で「,」か「}」があるはずの所にありません（行番号は { の行です）",
	"did not find expected node content":                           "値があるはずの所にありません",
	"did not find expected key":                                    "キーがあるはずの所にありません（字下げを確かめてください）",
	"did not find expected '-' indicator":                          "「-」で始まる項目があるはずの所にありません（字下げを確かめてください）",
	"could not find expected ':'":                                  "「:」がありません",
	"mapping values are not allowed in this context":               "この位置では「キー: 値」を書けません（字下げか、値の中の「: 」を確かめてください）",
	"found character that cannot start any token":                  "値の始めに使えない文字があります（タブ、「@」、「`」など）",
	"found unexpected end of stream":                               "ファイルが途中で終わっています（引用符や括弧が閉じていません）",
	"found a tab character that violates indentation":              "字下げにタブがあります。空白で字下げしてください",
	"block sequence entries are not allowed in this context":       "この位置では「-」の項目を書けません（字下げを確かめてください）",
	"policyctl renumber: the last commit cannot be read (%v); each reference keeps what it points at as written\n":                                                                             "policyctl renumber: 最後のコミットを読めません（%v）。各参照は、書かれたとおりの参照先を保ちます\n",
	"member %q: a key carries options (%s), which policyctl does not apply: the key would approve as if they were not there":                                                                   "メンバー %q の鍵に OpenSSH のオプション(%s)が付いています。policyctl はこれを適用しないため、オプションがないものとして承認できてしまいます",
	"write the key without options (type, base64 data, comment); to retire a key, remove it from the registry, and to let it approve only for a time, add and remove it in approved revisions": "鍵はオプションを付けずに(種類、base64 のデータ、コメント)書いてください。鍵を廃止するときは名簿から削除し、期間を限るときは承認を得た改訂で追加・削除してください",
	"this text belongs to 「%s」, which is more restricted, but stands outside its restriction (a ::: block closed inside the section): it would be published":                                   "この記述は、より制限された「%s」に属しますが、その制限の外にあります(節の途中で ::: ブロックが閉じています)。公開されてしまいます",
	"put the closing ::: after the whole section (before the next heading of the same or a higher level, or the next provision of the same level), or start a new heading before this text":    "閉じる ::: を節全体の後(同じか上位の次の見出し、又は同じ階層の次の規定の前)に置くか、この記述の前に新しい見出しを置いてください",
}

// englishPlurals are the English messages whose words follow a count.
var englishPlurals = map[string][]catalog.Message{
	"--dry-run: nothing was written; without it, %d files would be written: %s\n": {
		plural.Selectf(1, "%d", "=1", "--dry-run: nothing was written; without it, 1 file would be written: %[2]s\n", "other", "--dry-run: nothing was written; without it, %[1]d files would be written: %[2]s\n"),
	},
	"wrote %d files: %s\n": {
		plural.Selectf(1, "%d", "=1", "wrote 1 file: %[2]s\n", "other", "wrote %[1]d files: %[2]s\n"),
	},
	"%d files converted to UTF-8 with LF line ends in NFC (text/encoding)": {
		plural.Selectf(1, "%d", "=1", "1 file converted to UTF-8 with LF line ends in NFC (text/encoding)", "other", "%[1]d files converted to UTF-8 with LF line ends in NFC (text/encoding)"),
	},
	"%d provisions renumbered (numbering/gap, numbering/duplicate)": {
		plural.Selectf(1, "%d", "=1", "1 provision renumbered (numbering/gap, numbering/duplicate)", "other", "%[1]d provisions renumbered (numbering/gap, numbering/duplicate)"),
	},
	"%d references rewritten to keep their targets (ref/renumbered)": {
		plural.Selectf(1, "%d", "=1", "1 reference rewritten to keep its target (ref/renumbered)", "other", "%[1]d references rewritten to keep their targets (ref/renumbered)"),
	},
	"%d numbers written in the configured style (numbering/style)": {
		plural.Selectf(1, "%d", "=1", "1 number written in the configured style (numbering/style)", "other", "%[1]d numbers written in the configured style (numbering/style)"),
	},
	"%d runs of half-width katakana written full-width (text/kana)": {
		plural.Selectf(1, "%d", "=1", "1 run of half-width katakana written full-width (text/kana)", "other", "%[1]d runs of half-width katakana written full-width (text/kana)"),
	},
	"write %d runs of half-width katakana full-width": {
		plural.Selectf(1, "%d", "=1", "write 1 run of half-width katakana full-width", "other", "write %[1]d runs of half-width katakana full-width"),
	},
	"%d provisions renumbered": {
		plural.Selectf(1, "%d", "=1", "1 provision renumbered", "other", "%[1]d provisions renumbered"),
	},
	"%d references rewritten": {
		plural.Selectf(1, "%d", "=1", "1 reference rewritten", "other", "%[1]d references rewritten"),
	},
	"%d numbers in link texts rewritten": {
		plural.Selectf(1, "%d", "=1", "1 number in a link text rewritten", "other", "%[1]d numbers in link texts rewritten"),
	},
	"policyctl fix: %d findings need a person:\n": {
		plural.Selectf(1, "%d", "=1", "policyctl fix: 1 finding needs a person:\n", "other", "policyctl fix: %[1]d findings need a person:\n"),
	},
	"renumber %d provisions and rewrite %d references to keep their targets (policyctl renumber)": {
		catalog.Var("p", plural.Selectf(1, "%d", "=1", "1 provision", "other", "%[1]d provisions")),
		catalog.Var("r", plural.Selectf(2, "%d", "=1", "1 reference", "other", "%[2]d references")),
		catalog.String("renumber ${p} and rewrite ${r} to keep their targets (policyctl renumber)"),
	},
	"write %d numbers as policyctl.yaml's style asks": {
		plural.Selectf(1, "%d", "=1", "write 1 number as policyctl.yaml's style asks", "other", "write %[1]d numbers as policyctl.yaml's style asks"),
	},
	"%d errors, %d warnings in %d documents\n": {
		catalog.Var("e", plural.Selectf(1, "%d", "=1", "1 error", "other", "%[1]d errors")),
		catalog.Var("w", plural.Selectf(2, "%d", "=1", "1 warning", "other", "%[2]d warnings")),
		catalog.Var("d", plural.Selectf(3, "%d", "=1", "1 document", "other", "%[3]d documents")),
		catalog.String("${e}, ${w} in ${d}\n"),
	},
	"verify: OK, all %d committees approved the current content\n": {
		plural.Selectf(1, "%d", "=1", "verify: OK, the 1 committee approved the current content\n", "other", "verify: OK, all %[1]d committees approved the current content\n"),
	},
	"verify: FAILED, %d of %d committees approved the current content\n": {
		plural.Selectf(2, "%d", "=1", "verify: FAILED, %[1]d of 1 committee approved the current content\n", "other", "verify: FAILED, %[1]d of %[2]d committees approved the current content\n"),
	},
	"the content fails check with %d errors: fix them before approving": {
		plural.Selectf(1, "%d", "=1", "the content fails check with 1 error: fix it before approving", "other", "the content fails check with %[1]d errors: fix them before approving"),
	},
}
