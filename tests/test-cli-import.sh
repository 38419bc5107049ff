#!/bin/bash
# liaison import participants|calendar|reply as a script drives them, on
# files made here (GB18030 from iconv, UTF-16 as Excel's "Unicode text").
# TAP.
set -u
liaison=$1
. "$(dirname "$0")/tap-lib.sh"

printf '%s\r\n' \
  '姓名,英文姓名,国家,单位,电子邮件,性别' \
  '李霞,LI Xia,中国,中国—东盟环境保护合作中心,li.xia@example.cn,女' \
  '欧阳明,Ouyang Ming,中国,生态环境部,ouyang@example.cn,男' \
  'สมชาย ใจดี,Somchai Jaidee,Thailand,Pollution Control Department,somchai@,Male' \
  'ហ៊ុន សុខា,Hun Sokha,Cambodia,Ministry of Environment,sokha@example.kh,男' \
  | iconv -f UTF-8 -t GB18030 > "$work/roster.csv"

expect "a dry run of a GB18030 roster" 0 "$liaison" --database "$db" import participants "$work/roster.csv" --dry-run --json
check "the encoding was found" "data['encoding'] == 'GB18030' and data['delimiter'] == ','"
check "headers in Chinese mapped" "[c['field'] for c in data['columns']] == ['name', 'latin-name', 'country', 'organisation', 'email', 'gender']"
check "the bad row is named by line and column" "data['rows'][2]['kind'] == 'bad' and data['rows'][2]['problems'][0]['message'] == 'Line 4, column E (电子邮件): “somchai@” is not an e-mail address'"
check "nothing imported" "data['imported'] is False and data['counts'] == {'new': 3, 'update': 0, 'possible-duplicate': 0, 'bad': 1}"
expect "the dry run changed nothing" 0 "$liaison" --database "$db" participants search "li xia" --json
check "nobody is there" "data == []"

expect "a file with a bad row imports nothing" 2 "$liaison" --database "$db" import participants "$work/roster.csv"
contains "and says what to do" "$err" "--skip-bad"
expect "still nobody" 0 "$liaison" --database "$db" participants search "Ouyang" --json
check "no Ouyang" "data == []"

expect "--skip-bad imports the others" 0 "$liaison" --database "$db" import participants "$work/roster.csv" --skip-bad --json
check "three added, one left out" "data['imported'] and data['added'] == 3 and data['left_out'] == 1"
expect "found across scripts" 0 "$liaison" --database "$db" participants search "ouyang ming" --json
check "欧阳明 split with his two-character surname" "len(data) == 1 and data[0]['family_name'] == '欧阳'"

# The same people from Excel's "Unicode text": UTF-16 LE with its mark, tabs.
{
  printf '\xff\xfe'
  printf '%s\r\n' 'Name	E-mail	Country	Position' 'Li Xia	LI.XIA@example.cn	CN	Programme Officer' \
    '王芳	wang.fang@example.cn	CN	处长' | iconv -f UTF-8 -t UTF-16LE
} > "$work/unicode.txt"
expect "Excel's Unicode text" 0 "$liaison" --database "$db" import participants "$work/unicode.txt" --json
check "read as UTF-16 with tabs" "data['encoding'] == 'UTF-16LE' and data['delimiter'] == '\t'"
check "the same e-mail updates 李霞" "data['rows'][0]['kind'] == 'update' and data['rows'][0]['match']['name'].startswith('李霞') and data['updated'] == 1 and data['added'] == 1"

expect "the wrong encoding given" 2 "$liaison" --database "$db" import participants "$work/roster.csv" --encoding UTF-8
contains "says the line" "$err" "Line 1 is not UTF-8 text"

printf '' > "$work/empty.csv"
expect "an empty file" 2 "$liaison" --database "$db" import participants "$work/empty.csv"
contains "is said to be empty" "$err" "empty.csv is empty"
printf 'Name,E-mail\r\n' > "$work/header.csv"
expect "a header and no rows" 2 "$liaison" --database "$db" import participants "$work/header.csv"
contains "is said so" "$err" "no rows of people under it"

expect "--map by a column's header" 0 "$liaison" --database "$db" import participants "$work/roster.csv" --map "性别=ignore" --map "D=organisation-zh" --dry-run --json
check "the columns read as asked" "data['columns'][5]['field'] == 'ignore' and data['columns'][3]['field'] == 'organisation-zh'"
expect "--map with a field that is not one" 1 "$liaison" --database "$db" import participants "$work/roster.csv" --map "A=shoe-size"

# Registering for an event, and an answer to its invitation.
expect "an event" 0 "$liaison" --database "$db" events add --title-en "Forum" --start 2025-09-10T09:00 --tz Asia/Shanghai --kind forum --json
event=$(printf '%s' "$out" | /usr/bin/python3 -c "import json,sys; print(json.load(sys.stdin)['id'])")
printf '%s\n' 'Name,E-mail,Status' 'Hun Sokha,sokha@example.kh,invited' > "$work/invited.csv"
expect "registered with their status" 0 "$liaison" --database "$db" import participants "$work/invited.csv" --event "$event" --json
check "Hun Sokha is an update, and registered" "data['rows'][0]['kind'] == 'update' and data['registered'] == 1"

printf '%s\r\n' 'BEGIN:VCALENDAR' 'VERSION:2.0' 'PRODID:-//Mozilla.org/NONSGML Mozilla Calendar V1.1//EN' 'METHOD:REPLY' \
  'BEGIN:VEVENT' "UID:$event" 'DTSTAMP:20250805T020000Z' 'ATTENDEE;PARTSTAT=ACCEPTED;CN=Hun Sokha:mailto:sokha@example.kh' \
  'SUMMARY:Forum' 'END:VEVENT' 'END:VCALENDAR' > "$work/reply.ics"
expect "the reply" 0 "$liaison" --database "$db" import reply "$work/reply.ics" --json
check "confirmed" "data[0]['from'] == 'invited' and data[0]['to'] == 'confirmed' and data[0]['changed']"
sed 's/sokha@example.kh/stranger@example.org/' "$work/reply.ics" > "$work/stranger.ics"
expect "a reply from someone not invited" 2 "$liaison" --database "$db" import reply "$work/stranger.ics"
contains "is reported" "$out" "stranger@example.org answered, but is not invited to “Forum”: nothing was changed"

printf '%s\r\n' 'BEGIN:VCALENDAR' 'VERSION:2.0' 'PRODID:Microsoft Exchange Server 2010' 'BEGIN:VEVENT' \
  'UID:040000008200E00074C5B7101A82E008000000001' 'SUMMARY:Workshop' 'DTSTAMP:20250801T020000Z' \
  'DTSTART;TZID=SE Asia Standard Time:20251201T090000' 'DTEND;TZID=SE Asia Standard Time:20251201T120000' \
  'END:VEVENT' 'END:VCALENDAR' > "$work/outlook.ics"
expect "an Outlook event" 0 "$liaison" --database "$db" import calendar "$work/outlook.ics" --json
check "in Bangkok's zone" "data[0]['time_zone'] == 'Asia/Bangkok' and data[0]['start'] == '2025-12-01T09:00' and data[0]['imported']"

# As khal writes it: a time with no zone at all ("floating"). It is read in
# the person's zone (--tz, else Preferences, else this computer's), and the
# output says so.
printf '%s\r\n' 'BEGIN:VCALENDAR' 'VERSION:2.0' 'PRODID:-//PIMUTILS.ORG//NONSGML khal / icalendar //EN' 'BEGIN:VEVENT' \
  'SUMMARY:Coffee with the embassy' 'DTSTART:20251112T093000' 'DTEND:20251112T103000' 'DTSTAMP:20250101T000000Z' \
  'UID:khal-floating-cli' 'END:VEVENT' 'END:VCALENDAR' > "$work/khal.ics"
expect "a floating time, on a computer in Bangkok" 0 env TZ=Asia/Bangkok "$liaison" --database "$db" import calendar "$work/khal.ics" --dry-run --json
check "read in Bangkok's zone, and said" "data[0]['time_zone'] == 'Asia/Bangkok' and data[0]['start'] == '2025-11-12T09:30' and data[0]['note'] == 'Its times name no zone: read as Asia/Bangkok.'"
expect "--tz names the zone" 0 env TZ=Asia/Bangkok "$liaison" --database "$db" import calendar "$work/khal.ics" --tz Asia/Manila
contains "in Manila's" "$out" "2025-11-12T09:30  Asia/Manila  new  Coffee with the embassy"
contains "and says why" "$out" "Its times name no zone: read as Asia/Manila."
expect "a --tz that is not a zone" 1 "$liaison" --database "$db" import calendar "$work/khal.ics" --tz ../../etc/passwd
contains "is named" "$err" "--tz: “../../etc/passwd” is not a time zone"

echo "1..$n"
exit $failed
