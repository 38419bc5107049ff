#!/bin/bash
# A command line that can change what it lists: events and participants
# edit and delete, registrations and their status, identifiers written by
# other clients, names in their country's order. Every change is this
# office's, in the journal. TAP.
set -u
liaison=$1
. "$(dirname "$0")/tap-lib.sh"

# journal NAME PYTHON-EXPRESSION: `rows` = the journal's (origin, action, entity, entity_id, field, new) after $mark
journal () {
  if python3 - "$db" "$mark" "$2" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
rows = c.execute("SELECT origin, action, entity, entity_id, field, new_value FROM journal WHERE seq > ? ORDER BY seq",
                 (int(sys.argv[2]),)).fetchall()
sys.exit(0 if eval(sys.argv[3]) else 1)
PY
  then ok "$1"; else not_ok "$1" "$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('SELECT origin, action, entity, field, new_value FROM journal WHERE seq > ?', (int(sys.argv[2]),)).fetchall())" "$db" "$mark")"; fi
}
take_mark () { mark=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('SELECT coalesce(max(seq), 0) FROM journal').fetchone()[0])" "$db"); }
json_field () { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }

expect "an event to change" 0 "$liaison" --database "$db" events add --title-en "Workshop on Marine Plastics" \
  --start 2026-03-10T09:00 --end 2026-03-11T17:00 --tz Asia/Bangkok --kind workshop --country TH --city-en Bangkok --capacity 2 --json
event=$(printf '%s' "$out" | json_field "['id']")

# events edit
take_mark
expect "events edit --title-zh by the short id" 0 "$liaison" --database "$db" events edit "${event: -8}" --title-zh "海洋塑料研讨会" --json
check "the Chinese title is set, the rest kept" "data['title_zh'] == '海洋塑料研讨会' and data['title_en'] == 'Workshop on Marine Plastics' and data['start'] == '2026-03-10T09:00' and data['capacity'] == 2"
journal "the edit is in the journal as this office's" "[(r[0], r[2], r[4], r[5]) for r in rows if r[4] == 'title_zh'] == [('local', 'event', 'title_zh', '海洋塑料研讨会')]"
expect "events edit several fields" 0 "$liaison" --database "$db" events edit "$event" --start 2026-03-12T10:00 --end "" \
  --venue "UNCC" --status confirmed --activity 1.1.1 --activity 2.3.2 --track marine-plastics-youth --json
check "start, venue, status, activities and track changed; the end cleared; the zone kept" \
  "data['start'] == '2026-03-12T10:00' and 'end' not in data and data['time_zone'] == 'Asia/Bangkok' and data['venue'] == 'UNCC' and data['status'] == 'confirmed' and data['activities'] == ['1.1.1', '2.3.2'] and data['track'] == 'marine-plastics-youth'"
expect "events lists the change" 0 "$liaison" --database "$db" events --year 2026 --json
check "one event, as edited" "len(data) == 1 and data[0]['venue'] == 'UNCC' and data[0]['title_zh'] == '海洋塑料研讨会'"
expect "events edit --activity \"\" empties the list" 0 "$liaison" --database "$db" events edit "$event" --activity "" --json
check "no activity left" "data['activities'] == []"
expect "events edit without a field" 1 "$liaison" --database "$db" events edit "$event"
contains "the message asks for a field" "$err" "at least one field"
expect "events edit without an event" 1 "$liaison" --database "$db" events edit --venue X
contains "the message asks for the event" "$err" "Give the event to change"
expect "events edit of an unknown event" 2 "$liaison" --database "$db" events edit deadbeef --venue X
contains "the message names the identifier" "$err" "deadbeef"
expect "events edit to a time the clocks skip" 1 "$liaison" --database "$db" events edit "$event" --tz America/New_York --start 2025-03-09T02:30
contains "the message says the gap" "$err" "straight to 03:00"
expect "events edit with an unknown kind" 1 "$liaison" --database "$db" events edit "$event" --kind party
contains "the message lists the kinds" "$err" "training-course"
expect "events edit to an empty title in both languages" 2 "$liaison" --database "$db" events edit "$event" --title-zh "" --title-en ""
expect "events edit with a control character" 2 "$liaison" --database "$db" events edit "$event" --venue $'UN\033CC'
expect "events after the refused edits" 0 "$liaison" --database "$db" events --year 2026 --json
check "the refused edits changed nothing" "data[0]['venue'] == 'UNCC' and data[0]['title_en'] == 'Workshop on Marine Plastics' and data[0]['kind'] == 'workshop'"

# Names follow the country's order unless one is given, as the window's editor does.
expect "a Thai name" 0 "$liaison" --database "$db" participants add --family-name ใจดี --given-name สมชาย \
  --family-name-latin Jaidee --given-name-latin Somchai --country TH --json
check "given name first, as Thai names are written" "data['name_order'] == 'given-first' and data['name'] == 'สมชาย ใจดี' and data['name_latin'] == 'Somchai Jaidee'"
somchai=$(printf '%s' "$out" | json_field "['id']")
expect "a Myanmar name" 0 "$liaison" --database "$db" participants add --given-name "Aung Kyaw Moe" --country MM --json
check "one name" "data['name_order'] == 'mononym' and data['name'] == 'Aung Kyaw Moe'"
aung=$(printf '%s' "$out" | json_field "['id']")
expect "a Myanmar name given in two parts" 0 "$liaison" --database "$db" participants add --family-name-latin "Suu Kyi" --given-name-latin "Aung San" --country MM --json
check "given name first, the family name kept" "data['name_order'] == 'given-first' and data['name_latin'] == 'Aung San Suu Kyi'"
expect "a Chinese name" 0 "$liaison" --database "$db" participants add --family-name 李 --given-name 霞 --country CN --json
check "family name first" "data['name_order'] == 'family-first' and data['name'] == '李霞'"
li=$(printf '%s' "$out" | json_field "['id']")
expect "an order given wins over the country's" 0 "$liaison" --database "$db" participants add --family-name Santos --given-name Maria --country TH --name-order family-first --json
check "family name first, as asked" "data['name_order'] == 'family-first'"
maria=$(printf '%s' "$out" | json_field "['id']")

# participants edit
take_mark
expect "participants edit" 0 "$liaison" --database "$db" participants edit "${li: -8}" --given-name-latin Xia --family-name-latin Li \
  --email li.xia@fecomee.org.cn --email lixia@example.cn --position-en "Programme Officer" --json
check "the fields are set, the name kept" "data['name'] == '李霞' and data['name_latin'] == 'Li Xia' and data['emails'] == ['li.xia@fecomee.org.cn', 'lixia@example.cn'] and data['position_en'] == 'Programme Officer'"
journal "the edit is in the journal" "any(r[0] == 'local' and r[2] == 'participant' and r[4] == 'emails' for r in rows)"
expect "participants edit of one part of the name" 0 "$liaison" --database "$db" participants edit "$li" --given-name 夏 --json
check "the family name stays" "data['name'] == '李夏'"
expect "participants edit with a bad e-mail" 2 "$liaison" --database "$db" participants edit "$li" --email "li@"
expect "participants edit to no name at all" 2 "$liaison" --database "$db" participants edit "$aung" --given-name "  "
expect "participants edit without a field" 1 "$liaison" --database "$db" participants edit "$li"
contains "the message asks for a field" "$err" "at least one field"
expect "participants edit of an unknown person" 2 "$liaison" --database "$db" participants edit ffff0000 --honorific Dr
expect "participants search after the refusals" 0 "$liaison" --database "$db" participants search li xia --json
check "the edit that was refused changed nothing" "data[0]['emails'] == ['li.xia@fecomee.org.cn', 'lixia@example.cn']"

# Registrations: list, status through the window's rules, removal.
for person in "$li" "$somchai" "$aung"; do
  "$liaison" --database "$db" register "$event" "$person" >/dev/null 2>&1 || not_ok "register $person"
done
expect "registrations EVENT" 0 "$liaison" --database "$db" registrations "${event: -8}"
contains "each with status" "$out" "Waitlisted"
contains "and name" "$out" "Aung Kyaw Moe"
contains "and a count" "$out" "3 registrations"
expect "registrations EVENT --json" 0 "$liaison" --database "$db" registrations "$event" --json
check "in the order they registered, with status and code" \
  "[(r['name'], r['status']) for r in data] == [('李夏 (Li Xia)', 'registered'), ('สมชาย ใจดี (Somchai Jaidee)', 'registered'), ('Aung Kyaw Moe', 'waitlisted')] and all(r['id'].endswith(r['code']) and len(r['code']) == 8 for r in data)"
li_code=$(printf '%s' "$out" | json_field "[0]['code']")
somchai_code=$(printf '%s' "$out" | json_field "[1]['code']")
aung_reg=$(printf '%s' "$out" | json_field "[2]['id']")
expect "registrations of an unknown event" 2 "$liaison" --database "$db" registrations ffff0000

take_mark
expect "registrations set --status confirmed --role speaker" 0 "$liaison" --database "$db" registrations set "$li_code" --status confirmed --role speaker --json
check "confirmed, as a speaker" "data['status'] == 'confirmed' and data['role'] == 'speaker'"
journal "status and role are in the journal" "{r[4] for r in rows if r[0] == 'local' and r[2] == 'registration'} >= {'status', 'role'}"
expect "a step the rules do not allow" 2 "$liaison" --database "$db" registrations set "$li_code" --status invited
contains "the message names both statuses" "$err" "cannot become"
expect "a place on a full event" 2 "$liaison" --database "$db" registrations set "$aung_reg" --status confirmed
contains "the message says the event is full" "$err" "full"
expect "attended goes through check-in" 0 "$liaison" --database "$db" registrations set "$somchai_code" --status attended --json
check "checked in" "data['status'] == 'attended'"
expect "an unknown status" 1 "$liaison" --database "$db" registrations set "$li_code" --status gone
contains "the message lists the statuses" "$err" "no-show"
expect "no status and no role" 1 "$liaison" --database "$db" registrations set "$li_code"
contains "the message names both options" "$err" "--role"
expect "an unknown registration" 2 "$liaison" --database "$db" registrations set ffff0000 --status confirmed

take_mark
expect "registrations set --status cancelled frees a place" 0 "$liaison" --database "$db" registrations set "$li_code" --status cancelled
contains "the waitlisted person moves up" "$out" "Aung Kyaw Moe: Registered"
journal "the promotion is journalled too" "any(r[3] == '$aung_reg' and r[4] == 'status' and r[5] == 'registered' for r in rows)"
expect "unregister" 0 "$liaison" --database "$db" unregister "$somchai_code"
contains "says who was removed" "$out" "Somchai Jaidee"
expect "unregister again" 2 "$liaison" --database "$db" unregister "$somchai_code"
expect "registrations after" 0 "$liaison" --database "$db" registrations "$event" --json
check "two left" "[(r['name'], r['status']) for r in data] == [('李夏 (Li Xia)', 'cancelled'), ('Aung Kyaw Moe', 'registered')]"

# Deleting: the records and their registrations, kept in the journal.
take_mark
expect "participants delete" 0 "$liaison" --database "$db" participants delete "${aung: -8}"
contains "says how many registrations went" "$out" "1 registration"
journal "the deletion is in the journal" "any(r[0] == 'local' and r[1] == 'delete' and r[2] == 'participant' for r in rows)"
expect "participants delete again" 2 "$liaison" --database "$db" participants delete "$aung"
expect "participants delete --json" 0 "$liaison" --database "$db" participants delete "$maria" --json
check "prints who was deleted" "data['id'] == '$maria'"
take_mark
expect "events delete" 0 "$liaison" --database "$db" events delete "${event: -8}"
contains "says what was deleted" "$out" "Workshop on Marine Plastics"
journal "the deletion is in the journal" "any(r[0] == 'local' and r[1] == 'delete' and r[2] == 'event' for r in rows)"
expect "events delete again" 2 "$liaison" --database "$db" events delete "$event"
expect "events delete without an event" 1 "$liaison" --database "$db" events delete
contains "the message asks for the event" "$err" "Give the event to delete"
expect "events after the deletion" 0 "$liaison" --database "$db" events --year 2026 --json
check "gone" "data == []"

# Identifiers other clients write (khal, Thunderbird, DAVx⁵): found whole,
# then by a start or end, as UUIDs are.
other=$("$liaison" --database "$db" events add --title-en "Liaison officers' meeting" --start 2026-05-12 --kind liaison-meeting)
other2=$("$liaison" --database "$db" events add --title-en "Forum 2026" --start 2026-09-01 --kind forum)
person=$("$liaison" --database "$db" participants add --family-name Tran --given-name Minh --country VN)
python3 - "$db" "$other" "khal-Style-UID-1" "$other2" "khal-Style-UID-11" "$person" "JNICD0MXMQ9VQ3P57ISRKE8X2OFA119ISI4J" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("PRAGMA foreign_keys = OFF")
args = sys.argv[2:]
for old, new in zip(args[::2], args[1::2]):
    for table, column in [("events", "id"), ("participants", "id"), ("registrations", "event_id"),
                          ("registrations", "participant_id"), ("event_activities", "event_id"),
                          ("event_areas", "event_id"), ("translation_states", "entity_id"), ("search_docs", "entity_id"),
                          ("journal", "entity_id"), ("sync_outbox", "entity_id")]:
        try:
            c.execute(f"UPDATE {table} SET {column} = ? WHERE {column} = ?", (new, old))
        except sqlite3.OperationalError:
            pass
c.commit()
PY
expect "events --json lists the other client's identifier" 0 "$liaison" --database "$db" events --year 2026 --json
check "as written" "sorted(e['id'] for e in data) == ['khal-Style-UID-1', 'khal-Style-UID-11']"
expect "register by khal's identifiers" 0 "$liaison" --database "$db" register khal-Style-UID-1 JNICD0MXMQ9VQ3P57ISRKE8X2OFA119ISI4J --json
check "registered" "data['event'] == 'khal-Style-UID-1' and data['participant'] == 'JNICD0MXMQ9VQ3P57ISRKE8X2OFA119ISI4J'"
expect "the whole identifier wins over one it ends" 0 "$liaison" --database "$db" events edit khal-Style-UID-1 --venue Hanoi --json
check "the right one changed" "data['id'] == 'khal-Style-UID-1' and data['venue'] == 'Hanoi'"
expect "an identifier found by its end" 0 "$liaison" --database "$db" participants edit 9ISI4J --honorific Dr --json
check "the person's honorific is set" "data['id'] == 'JNICD0MXMQ9VQ3P57ISRKE8X2OFA119ISI4J' and data['honorific'] == 'Dr'"
expect "an identifier found by its start" 0 "$liaison" --database "$db" participants edit JNICD0MX --honorific Ms --json
check "the same person" "data['id'] == 'JNICD0MXMQ9VQ3P57ISRKE8X2OFA119ISI4J' and data['honorific'] == 'Ms'"
expect "a person's identifier is no event's" 2 "$liaison" --database "$db" registrations JNICD0MXMQ9
expect "translations set on khal's identifier" 0 "$liaison" --database "$db" translations set event/khal-Style-UID-1/title --language zh --text "联络员会议"
expect "the Chinese title is there" 0 "$liaison" --database "$db" events --year 2026 --json
check "set on the right event" "[e.get('title_zh') for e in data if e['id'] == 'khal-Style-UID-1'] == ['联络员会议']"
expect "a start shared by both is ambiguous" 2 "$liaison" --database "$db" events delete khal-Style
contains "the message asks for more" "$err" "more than one"

echo "1..$n"
exit $failed
