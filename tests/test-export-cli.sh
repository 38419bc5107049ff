#!/bin/bash
# liaison export and liaison print as a script would run them, on a
# temporary database; what they write read back by other programs
# (tests/export-read.py: Python's csv and openpyxl; poppler-utils; zbar). TAP.
set -u
liaison=$1
read_back="$(dirname "$0")/export-read.py"
work=$(mktemp -d)
trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT
db="$work/liaison.db"
# Templates are saved settings: a key file the next process reads.
export GSETTINGS_BACKEND=keyfile XDG_CONFIG_HOME="$work/config"
n=0
failed=0

ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=1; echo "not ok $n - $1"; shift; for line in "$@"; do echo "# $line"; done; }
skip () { n=$((n + 1)); echo "ok $n # SKIP $1"; }

# expect NAME EXPECTED-STATUS COMMAND...: runs it, keeps stdout in $out and stderr in $err
expect () {
  local name=$1 want=$2; shift 2
  out=$("$@" 2>"$work/err"); got=$?
  err=$(cat "$work/err")
  if [ "$got" -eq "$want" ]; then ok "$name"; else not_ok "$name" "exit $got, wanted $want" "stderr: $err"; fi
}

# check NAME PYTHON-EXPRESSION: evaluates with `data` = what export-read.py read from $2
check_file () {
  local name=$1 kind=$2 file=$3 expression=$4
  if /usr/bin/python3 "$read_back" "$kind" "$file" >"$work/read.json" 2>"$work/read.err" \
     && /usr/bin/python3 -c "import json,sys; data=json.load(open(sys.argv[1])); sys.exit(0 if ($expression) else 1)" "$work/read.json"; then
    ok "$name"
  else
    not_ok "$name" "$(head -c 600 "$work/read.json")" "$(cat "$work/read.err")"
  fi
}

contains () {
  if printf '%s' "$2" | grep -qF -- "$3"; then ok "$1"; else not_ok "$1" "wanted “$3” in: $(printf '%s' "$2" | head -c 400)"; fi
}

L () { "$liaison" --database "$db" "$@"; }

expect "an event in Yangon" 0 L events add --title-zh "2025年中国-东盟环境合作论坛" \
  --title-en "China-ASEAN Environmental Cooperation Forum 2025" --start 2025-11-04T09:30 --end 2025-11-05T17:00 \
  --tz Asia/Yangon --kind forum --country MM --city-en Yangon --city-zh 仰光 --venue "MICC-2"
event=$out

# One person of each country, as they write their names.
add_person () {
  local id
  id=$(L participants add "$@") || { not_ok "participants add $*" "$(cat "$work/err" 2>/dev/null)"; return; }
  L register "$event" "$id" --status confirmed >/dev/null
}
add_person --family-name 李 --given-name 霞 --family-name-latin Li --given-name-latin Xia --country CN --email li.xia@mee.gov.cn \
  --organisation-zh 生态环境部 --organisation-en "Ministry of Ecology and Environment"
add_person --family-name Nguyễn --given-name "Thị Minh Khai" --family-name-latin Nguyen --given-name-latin "Thi Minh Khai" \
  --country VN --email khai@monre.gov.vn --phone "+84 24 3795 6868" --organisation-en "=HYPERLINK(\"http://x.example\")"
add_person --family-name ใจดี --given-name สมชาย --family-name-latin Jaidee --given-name-latin Somchai --name-order given-first \
  --country TH --email somchai@onep.go.th
add_person --family-name ចាន់ --given-name សុខា --family-name-latin Chan --given-name-latin Sokha --country KH --email sokha@moe.gov.kh
add_person --family-name ພົມມະຈັນ --given-name ສົມພອນ --family-name-latin Phommachanh --given-name-latin Somphone \
  --name-order given-first --country LA --email somphone@monre.gov.la
add_person --given-name အောင်ကျော်မိုး --given-name-latin "Aung Kyaw Moe" --name-order mononym --country MM --email akm@ecd.gov.mm
add_person --given-name-latin Sutrisno --name-order mononym --country ID --email sutrisno@menlhk.go.id
add_person --given-name-latin Ahmad --family-name-latin "bin Ismail" --name-order given-first --honorific "Dato'" --country MY \
  --email ahmad@nres.gov.my
add_person --given-name-latin Maria --family-name-latin "Dela Cruz" --name-order given-first --country PH --email maria@denr.gov.ph
add_person --family-name 陈 --given-name 伟玲 --family-name-latin Tan --given-name-latin "Wei Ling" --country SG
add_person --given-name-latin Haji --family-name-latin "Abdul Rahman" --name-order given-first --honorific Pengiran --country BN \
  --email rahman@env.gov.bn

# Spreadsheets.
expect "export participants to CSV" 0 L export participants -o "$work/people.csv"
contains "says how many rows" "$out" "Wrote 11 rows to"
check_file "the CSV has a BOM, CRLF, a header and 11 people" csv "$work/people.csv" \
  "data['bom'] and data['crlf'] and len(data['rows']) == 12 and data['rows'][0][0] == 'ID'"
check_file "names in every script come back" csv "$work/people.csv" \
  "{'霞', 'Thị Minh Khai', 'สมชาย', 'សុខា', 'ສົມພອນ', 'အောင်ကျော်မိုး', '伟玲'} <= {c for r in data['rows'] for c in r}"
check_file "a formula is neutralised, a phone keeps its +" csv "$work/people.csv" \
  "any(c.startswith(\"'=HYPERLINK\") for r in data['rows'] for c in r) and any(c == \"'+84 24 3795 6868\" for r in data['rows'] for c in r)"

expect "export registrations to Excel, Chinese headers" 0 L export registrations --event "$event" --headers zh \
  --columns code,name,name_latin,country_name,status,event_start -o "$work/registrations.xlsx"
check_file "the workbook: header row, frozen panes, dates as dates" xlsx "$work/registrations.xlsx" \
  "data['freeze_panes'] == 'A2' and [c['value'] for c in data['rows'][0]] == ['报名码', '姓名', '姓名（拉丁字母）', '国家', '状态', '活动开始'] and all(r[5]['type'] == 'date' and r[5]['value'] == '2025-11-04T09:30:00' for r in data['rows'][1:]) and len(data['rows']) == 12"
check_file "values in the document's language" xlsx "$work/registrations.xlsx" \
  "{r[4]['value'] for r in data['rows'][1:]} == {'已确认'} and '缅甸' in {r[3]['value'] for r in data['rows'][1:]}"

expect "save a template" 0 L export registrations --columns name,delegation,role,status --headers both \
  --save-template "Door list 门口名单"
expect "list the templates" 0 L export registrations --list-templates
contains "the template is listed" "$out" "Door list 门口名单"
expect "export with the template" 0 L export registrations --template "Door list 门口名单" --event "${event:0:8}" \
  -o "$work/door.csv"
check_file "the template's columns and headers" csv "$work/door.csv" \
  "data['rows'][0] == ['姓名 Name', '代表团 Delegation', '角色 Role', '状态 Status'] and len(data['rows']) == 12"
expect "an unknown template" 1 L export registrations --template nope -o "$work/x.csv"
expect "an unknown column" 1 L export participants --columns name,shoe_size -o "$work/x.csv"
contains "the unknown column is named" "$err" "shoe_size"
expect "no output file" 1 L export participants
expect "export what?" 1 L export people -o "$work/x.csv"
expect "--list-columns" 0 L export events --list-columns
contains "columns are listed with both headers" "$out" "title_zh"

expect "export events of 2025" 0 L export events --year 2025 -o "$work/events.xlsx"
check_file "one event in 2025" xlsx "$work/events.xlsx" "len(data['rows']) == 2 and data['title'] in ('Events', '活动')"

# iCalendar.
expect "export the event as a calendar file" 0 L export calendar "$event" -o "$work/forum.ics"
contains "one VEVENT with the event's UID" "$(cat "$work/forum.ics")" "UID:$event"
contains "METHOD:PUBLISH" "$(cat "$work/forum.ics")" "METHOD:PUBLISH"

expect "invitations need the organiser's address" 1 L export invitations "$event" -o "$work/inv"
expect "a bad organiser's address" 1 L export invitations "$event" --organizer "forum at example" -o "$work/inv"
expect "invitations for everyone, one without an address" 2 L export invitations "$event" \
  --organizer forum@chinaaseanenv.org $(L export registrations --event "$event" --columns registration_id -o "$work/ids.csv" >/dev/null; \
  tail -n +2 "$work/ids.csv" | tr -d '\r' | sed 's/^/--registration /') -o "$work/inv"
contains "the person without an address is named" "$err" "Tan Wei Ling"
count=$(ls "$work/inv" | wc -l)
if [ "$count" -eq 10 ]; then ok "ten invitation files"; else not_ok "ten invitation files" "found $count"; fi
zh_file=$(grep -l "li.xia@mee.gov.cn" "$work"/inv/*.ics | head -1)
contains "李霞's invitation is in Chinese" "$(cat "$zh_file")" "SUMMARY;LANGUAGE=zh-CN:2025年中国-东盟环境合作论坛"
contains "a request to answer" "$(cat "$zh_file")" "METHOD:REQUEST"

# Printing.
expect "print the sign-in sheet" 0 L print signin "$event" -o "$work/signin.pdf"
contains "says how many pages" "$out" "1 page"
text=$(pdftotext -enc UTF-8 "$work/signin.pdf" - | tr -d ' \n')
for name in 李霞 NguyễnThịMinhKhai สมชายใจดี ចាន់សុខា ສົມພອນພົມມະຈັນ အောင်ကျော်မိုး Sutrisno AhmadbinIsmail MariaDelaCruz 陈伟玲 HajiAbdulRahman; do
  contains "the sign-in sheet lists $name" "$text" "$name"
done
expect "print badges" 0 L print badges "$event" -o "$work/badges.pdf"
contains "two sheets of eight" "$out" "2 pages"
pdftoppm -r 200 -png "$work/badges.pdf" "$work/badge" 2>/dev/null
codes=$(zbarimg --quiet --raw "$work"/badge-*.png 2>/dev/null | sort)
expected=$(tail -n +2 "$work/ids.csv" | tr -d '\r' | sort)
if [ -n "$codes" ] && [ "$codes" = "$expected" ]; then ok "every QR code reads back as its registration"; else not_ok "every QR code reads back as its registration" "read: $codes" "wanted: $expected"; fi
expect "certificates before anyone attended" 2 L print certificates "$event" -o "$work/certificates.pdf"
contains "says why there is nothing" "$err" "attended"
expect "print what?" 1 L print menus "$event" -o "$work/x.pdf"
expect "print an unknown event" 2 L print signin 99999999 -o "$work/x.pdf"

# Round trips through the import (another part of issue 15): skipped until
# this Liaison has it.
if L --help | grep -q "^ *import "; then
  expect "import the export into a new database" 0 "$liaison" --database "$work/other.db" import participants "$work/people.csv"
  expect "and again: the same people, no duplicates" 0 "$liaison" --database "$work/other.db" import participants "$work/people.csv"
  expect "export from the new database" 0 "$liaison" --database "$work/other.db" export participants -o "$work/people2.csv"
  # The new database gives each person an ID of its own; every other
  # column comes back as it went out (the text mark before =… and +84 …
  # read as a mark, not kept as part of the value).
  /usr/bin/python3 "$read_back" csv "$work/people.csv" >"$work/a.json"
  /usr/bin/python3 "$read_back" csv "$work/people2.csv" >"$work/b.json"
  if /usr/bin/python3 -c "import json,sys; a=json.load(open(sys.argv[1]))['rows']; b=json.load(open(sys.argv[2]))['rows']; strip=lambda rows: sorted(r[1:] for r in rows[1:]); sys.exit(0 if a[0] == b[0] and strip(a) == strip(b) and len(b) == 12 else 1)" "$work/a.json" "$work/b.json"; then
    ok "the same people come back, once each"
  else
    not_ok "the same people come back, once each" "$(head -c 600 "$work/b.json")"
  fi
  # Someone still invited, their invitation, and a reply as Thunderbird
  # writes one: the request's UID, ORGANIZER and the answering ATTENDEE
  # with PARTSTAT.
  guest=$(L participants add --family-name 王 --given-name 芳 --family-name-latin Wang --given-name-latin Fang --country CN \
    --email wang.fang@example.cn)
  guest_registration=$(L register "$event" "$guest" --status invited --json | /usr/bin/python3 -c "import json,sys; print(json.load(sys.stdin)['id'])")
  expect "an invitation for the guest" 0 L export invitations "$event" --organizer forum@chinaaseanenv.org \
    --registration "$guest_registration" -o "$work/guest"
  /usr/bin/python3 - "$(ls "$work"/guest/*.ics)" "$work/reply.ics" <<'EOF'
import re, sys
text = open(sys.argv[1], encoding="utf-8", newline="").read().replace("\r\n ", "")
lines = text.split("\r\n")
keep = [l for l in lines if re.match(r"(UID|DTSTART|DTEND|ORGANIZER|ATTENDEE)[;:]", l)]
keep = [re.sub(r"PARTSTAT=NEEDS-ACTION", "PARTSTAT=ACCEPTED", re.sub(r";RSVP=TRUE", "", l)) for l in keep]
out = ["BEGIN:VCALENDAR", "PRODID:-//Mozilla.org/NONSGML Mozilla Calendar V1.1//EN", "VERSION:2.0", "METHOD:REPLY",
       "BEGIN:VEVENT", "DTSTAMP:20250901T021530Z", "SEQUENCE:0", "X-MOZ-RECEIVED-SEQUENCE:0"] + keep + ["END:VEVENT", "END:VCALENDAR", ""]
open(sys.argv[2], "w", encoding="utf-8", newline="").write("\r\n".join(out))
EOF
  expect "liaison import reply" 0 L import reply "$work/reply.ics"
  expect "export after the reply" 0 L export registrations --event "$event" --columns email,status --headers en -o "$work/after.csv"
  check_file "the reply confirmed the guest's registration" csv "$work/after.csv" \
    "['wang.fang@example.cn', 'Confirmed'] in data['rows']"
else
  skip "import participants (not in this Liaison yet): export → import → same people, no duplicates"
  skip "import reply (not in this Liaison yet): REQUEST → REPLY → registration confirmed"
fi

echo "1..$n"
exit $failed
