#!/bin/bash
# The translator's side of the command line, and the command line in
# Chinese: liaison translations [export|import], --help under
# LANGUAGE=zh_CN, dates in the interface language. TAP.
set -u
liaison=$1
. "$(dirname "$0")/tap-lib.sh"

lacks () {
  if printf '%s' "$2" | grep -qF -- "$3"; then not_ok "$1" "did not want “$3” in: $(printf '%s' "$2" | head -c 400)"; else ok "$1"; fi
}

# The interface in Chinese.
LANGUAGE=zh_CN expect "--help in Chinese" 0 "$liaison" --help
contains "the usage line is Chinese" "$out" "用法"
contains "the commands are described in Chinese" "$out" "列出需要翻译的文本"
contains "the options are described in Chinese" "$out" "打印本帮助并退出"
lacks "no English summary is left" "$out" "List events"
LANGUAGE=zh_CN expect "a command's --help in Chinese" 0 "$liaison" --database "$db" translations export --help
contains "its summary is Chinese" "$out" "写入 PO 文件"
contains "its options are Chinese" "$out" "要译成的语言"
contains "GLib's own words are Chinese too" "$out" "帮助选项"
LANGUAGE=zh_CN expect "a usage error in Chinese" 1 "$liaison" --database "$db" events --kind party
contains "the message is Chinese" "$err" "未知的活动类型"
contains "the message keeps the choices" "$err" "training-course"
LANGUAGE=zh_CN expect "events in Chinese" 0 "$liaison" --database "$db" events --year 2019 --kind forum
contains "the date is written the Chinese way" "$out" "2019年9月"
contains "the kind label is the glossary's" "$out" "论坛"
LANGUAGE=en expect "events in English" 0 "$liaison" --database "$db" events --year 2019 --kind forum
contains "the date is written the English way" "$out" "September 2019"
LANGUAGE=en expect "--help in English" 0 "$liaison" --help
contains "the English help lists the translation commands" "$out" "translations export"

# What there is to translate on a fresh database.
expect "translations --json" 0 "$liaison" --database "$db" translations --json
check "the shipped content waits for review, in English" \
  "len(data) > 100 and all(t['language'] == 'en' and t['state'] == 'translated' and t['source_language'] == 'zh' for t in data)"
check "the programme is there" "any(t['key'] == 'programme/green-envoys/title' for t in data)"
check "each entry has its fields" "all(set(t) >= {'key', 'entity', 'id', 'field', 'source', 'text', 'saved_state'} for t in data)"
expect "translations --state reviewed" 0 "$liaison" --database "$db" translations --state reviewed --json
check "nothing is reviewed yet" "data == []"

expect "add an event written in Chinese, its city in English" 0 "$liaison" --database "$db" events add \
  --title-zh "2026年中国-东盟环境合作联络员会议" --start 2026-11-03 --kind liaison-meeting --city-en Vientiane --country LA
event=$out
expect "translations --state missing" 0 "$liaison" --database "$db" translations --state missing --json
check "the title needs English, the city Chinese" \
  "sorted((t['field'], t['language']) for t in data) == [('city', 'zh'), ('title', 'en')] and all(t['id'] == '$event' for t in data)"
expect "translations --state missing --language zh" 0 "$liaison" --database "$db" translations --state missing --language zh
contains "the human list shows the key" "$out" "event/${event: -8}/city"
contains "and the source" "$out" "Vientiane"
contains "and counts" "$out" "1 text listed"

# The PO round trip.
po="$work/en.po"
expect "export English" 0 "$liaison" --database "$db" translations export "$po" --language en --state missing --state draft --content events
contains "the export says how many" "$out" "Wrote 1 text to translate into English"
if LC_ALL=C msgfmt --check -o /dev/null "$po" 2>"$work/msgfmt"; then ok "msgfmt --check accepts the export"; else not_ok "msgfmt --check refused the export" "$(cat "$work/msgfmt")"; fi
zhpo="$work/zh.po"
expect "export Chinese" 0 "$liaison" --database "$db" translations export "$zhpo" --language zh --state missing
contains "the Chinese export says so" "$out" "translate into Chinese"
if grep -q '^"Language: zh_CN\\n"$' "$zhpo"; then ok "the Chinese file says zh_CN"; else not_ok "no Language: zh_CN in $(head -20 "$zhpo")"; fi

# The translator fills both files; meanwhile the English file's source
# changes in the database (as a sync from the other office would do it).
python3 - "$po" "$zhpo" <<'PY'
import sys
for path, text in ((sys.argv[1], "2026 China-ASEAN Environmental Cooperation Liaison Officers' Meeting"), (sys.argv[2], "万象")):
    lines = open(path, encoding="utf-8").read().split("\n")
    out = []
    seen_ctxt = False
    for line in lines:
        if line.startswith("msgctxt "):
            seen_ctxt = True
        if seen_ctxt and line == 'msgstr ""':
            line = 'msgstr "%s"' % text
            seen_ctxt = False
        out.append(line)
    open(path, "w", encoding="utf-8").write("\n".join(out))
PY
cat "$po" "$zhpo" > "$work/both.po" 2>/dev/null
expect "import the Chinese" 0 "$liaison" --database "$db" translations import "$zhpo"
contains "one applied" "$out" "1 translation applied"
python3 - "$db" "$event" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("UPDATE events SET title_zh = '2026年中国-东盟环境合作国家联络员会议' WHERE id = ?", (sys.argv[2],))
c.commit()
PY
line=$(grep -n "^msgctxt \"event/$event/title\"" "$po" | cut -d: -f1)
expect "import the English: its source changed" 2 "$liaison" --database "$db" translations import "$po"
contains "the refusal names the file and line" "$err" "$po:$line: event/$event/title:"
contains "and says why" "$err" "source text changed"
contains "the summary counts it" "$out" "1 entry refused"
expect "translations after the imports" 0 "$liaison" --database "$db" translations --state all --json
check "the city is translated, the title still missing" \
  "[(t['field'], t['state'], t.get('text')) for t in data if t['id'] == '$event'] == [('title', 'missing', None), ('city', 'translated', '万象')]"

# A reviewer marks one text reviewed, by the key the list shows.
expect "translations set --state reviewed" 0 "$liaison" --database "$db" translations set "event/${event: -8}/city" --state reviewed
contains "it says what it did" "$out" "Chinese text saved"
expect "set a text and its state" 0 "$liaison" --database "$db" translations set plan/1.1.2/title \
  --text "China-ASEAN Environmental Cooperation Forum (with the Ministerial Dialogue)" --state draft
expect "translations --state reviewed --state draft" 0 "$liaison" --database "$db" translations --state reviewed --state draft --json
check "both are there, with their states" \
  "sorted((t['key'], t['state']) for t in data) == sorted([('event/$event/city', 'reviewed'), ('plan/1.1.2/title', 'draft')])"
expect "set needs a text or a state" 1 "$liaison" --database "$db" translations set plan/1.1.2/title
expect "set refuses stale" 1 "$liaison" --database "$db" translations set plan/1.1.2/title --state stale
expect "set on an unknown field" 1 "$liaison" --database "$db" translations set event/x/venue --state reviewed
expect "set on a missing plan item" 2 "$liaison" --database "$db" translations set plan/9.9/title --state reviewed
contains "the message names it" "$err" "9.9"
expect "give the reviewed city back its translated state" 0 "$liaison" --database "$db" translations set \
  "event/${event: -8}/city" --state translated

# A file that is not PO: nothing applied.
printf 'msgid ""\nmsgstr "Language: zh_CN\\n"\n\nmsgctxt "event/%s/city"\nmsgid "Vientiane"\nmsgstr "永珍"\n\nmsgid "x\n' "$event" > "$work/bad.po"
expect "a malformed file" 2 "$liaison" --database "$db" translations import "$work/bad.po"
contains "the message names file and line" "$err" "$work/bad.po:8:"
expect "translations after the malformed file" 0 "$liaison" --database "$db" translations --state translated --language zh --json
check "the city kept its translation" "[t['text'] for t in data if t['id'] == '$event'] == ['万象']"

# Hostile files (issue 12): one rule for text at every entrance, and
# messages that name the file and line.
key="event/$event/title"
header='msgid ""\nmsgstr ""\n"Language: en\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
before=$("$liaison" --database "$db" translations --state all --json)
source=$(printf '%s' "$before" | python3 -c "import json,sys; print([t['source'] for t in json.load(sys.stdin) if t['key'] == '$key'][0])")
printf "$header"'msgctxt "%s"\nmsgid "%s"\nmsgstr "A\\001B\\033[31mRED"\n' "$key" "$source" > "$work/control.po"
expect "a translation with control characters" 2 "$liaison" --database "$db" translations import "$work/control.po"
contains "it is refused with its line" "$err" "control.po:6: $key: The text holds the control character U+0001"
if printf '%s' "$err" | grep -q $'\033'; then not_ok "no raw escape on the terminal"; else ok "no raw escape on the terminal"; fi
printf "$header"'msgctxt "%s"\nmsgid "%s"\nmsgstr "A\\xff\\xfeB\\377"\n' "$key" "$source" > "$work/escapes.po"
expect "escapes that make invalid UTF-8" 2 "$liaison" --database "$db" translations import "$work/escapes.po"
contains "the file is refused at the entry" "$err" "escapes.po:6: this entry's escapes make text that is not valid UTF-8"
printf "$header"'msgctxt "%s"\nmsgid "%s"\nmsgstr "%s"\n' "$key" "$source" "$(python3 -c "print('x' * 201)")" > "$work/long.po"
expect "a translated title past the limit" 2 "$liaison" --database "$db" translations import "$work/long.po"
contains "it is refused with the limit" "$err" "at most 200"
printf "$header"'msgctxt "%s"\nmsgid "%s"\nmsgstr "A\0B"\n' "$key" "$source" > "$work/nul.po"
expect "a NUL in the file" 2 "$liaison" --database "$db" translations import "$work/nul.po"
contains "it is named as a NUL, at its line" "$err" "nul.po:8: this line holds a NUL character"
printf "$header"'msgctxt ""\nmsgid "x"\nmsgstr "y"\n' > "$work/empty-context.po"
expect "an empty msgctxt" 2 "$liaison" --database "$db" translations import "$work/empty-context.po"
contains "the entry is named by its line" "$err" "empty-context.po:6: This entry does not name"
if printf '%s' "$err" | grep -qF "empty-context.po:6: : "; then not_ok "no empty name before the message" "$err"; else ok "no empty name before the message"; fi
after=$("$liaison" --database "$db" translations --state all --json)
if [ "$before" = "$after" ]; then ok "no refused translation was stored"; else not_ok "the translations changed"; fi
expect "translations set with a control character" 2 "$liaison" --database "$db" translations set "$key" --text $'A\001B'
expect "translations set on a plan item past the limit" 2 "$liaison" --database "$db" translations set plan/1.1.2/title --text "$(python3 -c "print('x' * 1001)")"

# Export to what is not a regular file: written in place, a failed write
# said as such. A private copy of /dev/full (it refuses every byte), so a
# Liaison that replaced the target would replace only that: the real one
# was replaced when this ran as root before the fix.
if mknod "$work/full" c 1 7 2>/dev/null; then
  expect "export to a device that refuses every byte" 2 "$liaison" --database "$db" translations export "$work/full" --language en
  contains "the failed write is reported" "$err" "No space left on device"
  if [ -c "$work/full" ]; then ok "the device is still a device"; else not_ok "the device was replaced by a file"; fi
else
  ok "# SKIP mknod is not allowed here (not root)"
fi
mkfifo "$work/pipe"
# A writer of the test's own, so the reader never waits for one that does not come.
exec 4<>"$work/pipe"
cat "$work/pipe" > "$work/from-pipe" 4>&- &
reader=$!
expect "export to a pipe" 0 "$liaison" --database "$db" translations export "$work/pipe" --language zh --state missing
exec 4>&-
wait $reader
if [ -p "$work/pipe" ] && grep -q '^"Language: zh_CN' "$work/from-pipe"; then ok "the pipe carried the file and stayed a pipe"; else not_ok "the pipe was replaced or carried nothing"; fi
ln -s en.po "$work/link.po"
expect "export through a link" 0 "$liaison" --database "$db" translations export "$work/link.po" --language en
if [ -L "$work/link.po" ] && grep -q '^msgctxt ' "$work/en.po"; then ok "the link stays, the file it names is written"; else not_ok "the link was replaced"; fi

# Usage errors.
expect "an unknown state" 1 "$liaison" --database "$db" translations --state done
contains "the message lists the states" "$err" "stale"
expect "an unknown language" 1 "$liaison" --database "$db" translations export "$work/x.po" --language fr
expect "export without a file" 1 "$liaison" --database "$db" translations export
expect "import without a file" 1 "$liaison" --database "$db" translations import
expect "import of a missing file" 2 "$liaison" --database "$db" translations import "$work/none.po"

echo "1..$n"
exit $failed
