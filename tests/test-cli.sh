#!/bin/bash
# Drives the command line as a script would, on a temporary database. TAP.
set -u
liaison=$1
. "$(dirname "$0")/tap-lib.sh"

expect "--version" 0 "$liaison" --version
contains "--version prints the version" "$out" "liaison "

expect "--help" 0 "$liaison" --help
contains "--help lists the commands" "$out" "participants search"

expect "events on a fresh database" 0 "$liaison" --database "$db" events --json
check "the 62 events of the history are there" "len(data) == 62"
check "events carry both titles" "all(e.get('title_zh') and e.get('title_en') for e in data)"

expect "events --year 2019 --kind forum" 0 "$liaison" --database "$db" events --year 2019 --kind forum --json
check "one forum in 2019, in Nanning" "len(data) == 1 and data[0]['city_en'] == 'Nanning' and data[0]['start'] == '2019-09'"

expect "plan --json" 0 "$liaison" --database "$db" plan --json
check "21 activities" "len(data) == 21"
check "the inverted range is flagged" "[a['code'] for a in data if a['anomaly']] == ['2.1.1']"
check "每年一次 is every year" "data[0]['schedule'] == '每年一次' and data[0]['planned_years'] == [2021, 2022, 2023, 2024, 2025]"

expect "events add in Yangon" 0 "$liaison" --database "$db" events add --title-en "Liaison officers' meeting 2025" \
  --title-zh "2025 年联络员会议" --start 2025-11-04T09:30 --end 2025-11-05T17:00 --tz Asia/Yangon --kind liaison-meeting \
  --country MM --city-en Yangon --activity 1.1.1 --capacity 2 --json
check "the new event keeps its zone and activity" "data['time_zone'] == 'Asia/Yangon' and data['activities'] == ['1.1.1']"
event=$(printf '%s' "$out" | python3 -c "import json,sys; print(json.load(sys.stdin)['id'])")

expect "plan shows the new event" 0 "$liaison" --database "$db" plan --year 2025 --json
check "1.1.1 has one event in 2025" "data[0]['events_per_year'] == {'2025': 1}"

expect "participants add 李霞" 0 "$liaison" --database "$db" participants add --family-name 李 --given-name 霞 \
  --family-name-latin Li --given-name-latin Xia --gender female --sector government --country CN --email li.xia@fecomee.org.cn
li=$out
expect "participants add Nguyễn" 0 "$liaison" --database "$db" participants add --family-name Nguyễn --given-name "Thị Minh Khai" --country VN
nguyen=$out
expect "participants add Somchai" 0 "$liaison" --database "$db" participants add --family-name ใจดี --given-name สมชาย \
  --family-name-latin Jaidee --given-name-latin Somchai --name-order given-first --country Thailand

expect "search li xia" 0 "$liaison" --database "$db" participants search li xia --json
check "li xia finds 李霞" "len(data) == 1 and data[0]['name'] == '李霞'"
expect "search 李" 0 "$liaison" --database "$db" participants search 李 --json
check "one character finds 李霞" "len(data) == 1 and data[0]['name_latin'] == 'Li Xia'"
expect "search nguyen" 0 "$liaison" --database "$db" participants search nguyen
contains "nguyen finds Nguyễn" "$out" "Nguyễn Thị Minh Khai"
expect "search somchai" 0 "$liaison" --database "$db" participants search somchai --json
check "somchai finds สมชาย" "data[0]['name'] == 'สมชาย ใจดี'"

expect "register 李霞 by the short ids the lists show" 0 "$liaison" --database "$db" register "${event: -8}" "${li: -8}" --role speaker --json
check "registered as speaker" "data['status'] == 'registered' and data['role'] == 'speaker'"
expect "register Nguyễn" 0 "$liaison" --database "$db" register "$event" "$nguyen" --status confirmed --json
somchai=$("$liaison" --database "$db" participants search somchai --json | python3 -c "import json,sys; print(json.load(sys.stdin)[0]['id'])")
expect "register a third person in a 2-place event" 0 "$liaison" --database "$db" register "$event" "$somchai" --json
check "the third goes on the waitlist" "data['status'] == 'waitlisted'"
expect "register 李霞 twice" 2 "$liaison" --database "$db" register "$event" "$li"
contains "the message names the person" "$err" "李霞"
expect "the start of an id works too" 2 "$liaison" --database "$db" register "${event:0:36}" "${li:0:24}"
contains "found by its start, refused as a duplicate" "$err" "李霞"
expect "a part shared by every new id is ambiguous" 2 "$liaison" --database "$db" register "$event" "${li:0:4}"
contains "the message asks for more" "$err" "more than one"

# The language of the output, apart from the interface's.
out=$(LANGUAGE=zh_CN "$liaison" --database "$db" --language en events --year 2019 2>&1); rc=$?
if [ $rc -eq 0 ] && printf '%s' "$out" | grep -q "March 2019" && printf '%s' "$out" | grep -q "climate change"; then
  ok "--language en writes English from a Chinese environment"
else
  not_ok "--language en writes English from a Chinese environment" "$(printf '%s' "$out" | head -c 300)"
fi
out=$(LANGUAGE=en "$liaison" --database "$db" --language zh events --year 2019 2>&1); rc=$?
if [ $rc -eq 0 ] && printf '%s' "$out" | grep -q "2019年3月" && printf '%s' "$out" | grep -q "气候变化"; then
  ok "--language zh writes Chinese from an English environment"
else
  not_ok "--language zh writes Chinese from an English environment" "$(printf '%s' "$out" | head -c 300)"
fi
expect "an unknown language is named" 1 "$liaison" --database "$db" --language fr events
contains "the message names it" "$err" "fr"

# Usage errors: exit 1 and a message that names the problem.
expect "unknown kind" 1 "$liaison" --database "$db" events --kind party
contains "the message lists the kinds" "$err" "training-course"
expect "bad date" 1 "$liaison" --database "$db" events add --title-en X --start 2025-02-30 --kind forum
contains "the message quotes the date" "$err" "2025-02-30"
expect "time without zone" 1 "$liaison" --database "$db" events add --title-en X --start 2025-02-03T10:00 --kind forum
expect "unknown zone" 1 "$liaison" --database "$db" events add --title-en X --start 2025-02-03T10:00 --tz Mars/Base --kind forum
contains "the message names the zone" "$err" "Mars/Base"
expect "unknown command" 1 "$liaison" --database "$db" frobnicate
expect "missing search text" 1 "$liaison" --database "$db" participants search

# Data errors: exit 2. The rule (README, "Exit status"): 1 when the command
# line is wrong in itself, 2 when the data refuses what it asks. A value a
# record cannot hold is the data's refusal, whichever field it is in.
expect "bad e-mail" 2 "$liaison" --database "$db" participants add --given-name Ann --email not-an-address
contains "the message quotes the address" "$err" "not-an-address"
expect "an empty title, the same kind of error" 2 "$liaison" --database "$db" events add --title-en "" --start 2025-02-03 --kind forum
contains "the message asks for a title" "$err" "title"
expect "unknown activity" 2 "$liaison" --database "$db" events add --title-en X --start 2025-02-03 --kind forum --activity 7.7.7
contains "the message names the activity" "$err" "7.7.7"
expect "unknown event" 2 "$liaison" --database "$db" register deadbeef "$li"
expect "a password file that cannot be read" 2 "$liaison" --database "$db" sync --url http://127.0.0.1:9/ --username beijing --password-file "$work/no-such-file"
contains "the message names the file" "$err" "no-such-file"
python3 - "$db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1]); c.execute("PRAGMA user_version = 99"); c.commit(); c.close()
PY
before=$(sha256sum "$db" | cut -d' ' -f1)
expect "a database from a newer Liaison" 2 "$liaison" --database "$db" events
contains "the message says so" "$err" "newer Liaison"
after=$(sha256sum "$db" | cut -d' ' -f1)
if [ "$before" = "$after" ]; then ok "the newer database is left as it was"; else not_ok "the newer database changed"; fi

LIAISON_DATABASE="$work/env.db" expect "LIAISON_DATABASE picks the file" 0 "$liaison" events --year 2016 --json
if [ -f "$work/env.db" ]; then ok "the database was created where LIAISON_DATABASE says"; else not_ok "no $work/env.db"; fi

LANG=C LC_ALL=C expect "Chinese output under LANG=C" 0 "$liaison" --database "$work/env.db" events --year 2012 --kind forum --json
check "Chinese survives a C locale" "'北京' in data[0]['city_zh']"

# One rule for text at every entrance (issues 12 and 13): nothing that
# sync would later refuse is stored, the limits of the window apply, and
# nothing stored reaches the terminal as a control sequence.
count_events () { "$liaison" --database "$db" events --json | python3 -c "import json,sys; print(len(json.load(sys.stdin)))"; }
db="$work/text.db"
before=$(count_events)
expect "a title with control characters" 2 "$liaison" --database "$db" events add --title-en $'A\001B\033[31mRED' --start 2025-02-03 --kind forum
contains "the message names the field and the character" "$err" "English title: The text holds the control character U+0001"
if printf '%s' "$err" | grep -q $'\033'; then not_ok "no raw escape reaches the terminal" "$(printf '%s' "$err" | od -c | head -3)"; else ok "no raw escape reaches the terminal"; fi
expect "a line break in an e-mail address" 2 "$liaison" --database "$db" participants add --given-name Ann --email $'ann@example.org\nBcc: all@example.org'
contains "the line break is shown, not sent" "$err" "<U+000A>"
expect "a name of spaces only" 2 "$liaison" --database "$db" participants add --given-name "   "
expect "a name of ideographic spaces only" 2 "$liaison" --database "$db" participants add --family-name "　　" --given-name-latin Ann
contains "the message says why" "$err" "only spaces"
long_title=$(python3 -c "print('环' * 201)")
expect "a 201-character title" 2 "$liaison" --database "$db" events add --title-zh "$long_title" --start 2025-02-03 --kind forum
contains "the message gives the limit" "$err" "at most 200"
expect "a 200-character title is fine" 0 "$liaison" --database "$db" events add --title-zh "${long_title:1}" --start 2025-02-03 --kind forum
expect "a 130,000-character name" 2 "$liaison" --database "$db" participants add --given-name "$(python3 -c "print('a' * 130000)")"
expect "a newline in a city" 2 "$liaison" --database "$db" events add --title-en X --city-en $'Vientiane\nLaos' --start 2025-02-03 --kind forum
after=$(count_events)
if [ "$after" = "$((before + 1))" ]; then ok "only the good event was stored"; else not_ok "stored: $before → $after"; fi

# Text stored by another program (or a Liaison from before the rule): shown
# safely, and --json stays JSON.
event=$("$liaison" --database "$db" events add --title-en Plain --start 2025-03-04 --kind forum)
python3 - "$db" "$event" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("UPDATE events SET title_en = CAST(? AS TEXT), city_en = ? WHERE id = ?",
          (b"A\xff\xfeB\x1b[31mRED\xc2\x85", "Vien\x7ftiane\x01", sys.argv[2]))
c.commit()
PY
expect "events --json over stored control characters and bad UTF-8" 0 "$liaison" --database "$db" events --json
check "the output is JSON" "any(e['id'] == '$event' and e['title_en'].startswith('A\ufffd') for e in data)"
if printf '%s' "$out" | LC_ALL=C grep -q $'[\x01-\x09\x0b-\x1f\x7f]'; then not_ok "no raw control character in the JSON"; else ok "no raw control character in the JSON"; fi
expect "events over the same" 0 "$liaison" --database "$db" events --year 2025
contains "the escape is shown, not sent" "$out" "B<U+001B>[31mRED<U+0085>"
if printf '%s' "$out" | LC_ALL=C grep -q $'[\x01-\x09\x0b-\x1f\x7f]'; then not_ok "no raw control character in the list"; else ok "no raw control character in the list"; fi
expect "editing another field of that event" 0 "$liaison" --database "$db" events edit "$event" --title-en "Fixed" --city-en Vientiane
db="$work/liaison.db"

# Time zones are IANA names; local times exist; years are in range; the
# words an option takes are its own (issue 12, item 7).
tz_db="$work/tz.db"
expect "--tz with a path out of the zone database" 1 "$liaison" --database "$tz_db" events add --title-en X --start 2025-02-03T10:00 --tz ../../../etc/passwd --kind forum
lacks "no GLib critical" "$err" "CRITICAL"
contains "the message names the zone" "$err" "../../../etc/passwd"
expect "--tz /etc/localtime" 1 "$liaison" --database "$tz_db" events add --title-en X --start 2025-02-03T10:00 --tz /etc/localtime --kind forum
contains "the message asks for an IANA name" "$err" "IANA"
expect "--tz +05:30" 1 "$liaison" --database "$tz_db" events add --title-en X --start 2025-02-03T10:00 --tz +05:30 --kind forum
expect "--tz zone.tab (a file of the zone database that is no zone)" 1 "$liaison" --database "$tz_db" events add --title-en X --start 2025-02-03T10:00 --tz zone.tab --kind forum
lacks "no GLib critical for it either" "$err" "CRITICAL"
expect "a time the clocks skip" 1 "$liaison" --database "$tz_db" events add --title-en X --start 2025-03-09T02:30 --tz America/New_York --kind forum
contains "the message says the gap" "$err" "from 02:00 straight to 03:00"
expect "an end the clocks skip" 1 "$liaison" --database "$tz_db" events add --title-en X --start 2025-03-08T10:00 --end 2025-03-09T02:30 --tz America/New_York --kind forum
expect "the hour after the gap is fine" 0 "$liaison" --database "$tz_db" events add --title-en X --start 2025-03-09T03:30 --tz America/New_York --kind forum --json
check "it keeps its zone" "data['time_zone'] == 'America/New_York' and data['start'] == '2025-03-09T03:30'"
expect "a time that comes twice is fine" 0 "$liaison" --database "$tz_db" events add --title-en X --start 2025-11-02T01:30 --tz America/New_York --kind forum
expect "9999-12-31T23:59" 1 "$liaison" --database "$tz_db" events add --title-en X --start 9999-12-31T23:59 --tz Asia/Yangon --kind forum
contains "the message gives the years Liaison keeps" "$err" "1900 to 2999"
expect "--track nonexistent" 1 "$liaison" --database "$tz_db" events add --title-en X --start 2025-02-03 --track nonexistent --kind forum
contains "the message names the tracks" "$err" "marine-plastics-youth"
expect "a track of the programme" 0 "$liaison" --database "$tz_db" events add --title-en X --start 2025-02-03 --track climate-youth --kind forum --json
check "the track is kept" "data['track'] == 'climate-youth'"
expect "events --track nonexistent" 1 "$liaison" --database "$tz_db" events --track nonexistent
expect "events --year -5" 1 "$liaison" --database "$tz_db" events --year -5
contains "the message names the year" "$err" "-5"
expect "plan --year -5" 1 "$liaison" --database "$tz_db" plan --year -5
expect "--capacity past the window's limit" 1 "$liaison" --database "$tz_db" events add --title-en X --start 2025-02-03 --kind forum --capacity 100001
expect "--capacity 99999999999" 1 "$liaison" --database "$tz_db" events add --title-en X --start 2025-02-03 --kind forum --capacity 99999999999
expect "events after the refusals" 0 "$liaison" --database "$tz_db" events --year 2025 --json
check "only the three good events were stored" "len(data) == 3"

echo "1..$n"
exit $failed
