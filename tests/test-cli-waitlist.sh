#!/bin/bash
# The waitlist from the command line: each waitlisted person's place in
# `registrations`, a move with `registrations set --place`, a place given
# by hand with `--promote` (a full event refuses it without
# `--over-capacity`), and a freed place going to the first in the
# organiser's order. Every change in the journal, as this office's. TAP.
set -u
liaison=$1
. "$(dirname "$0")/tap-lib.sh"
json_field () { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
# places: the waitlist as `registrations --json` gives it, “name:place …”
places () {
  "$liaison" --database "$db" registrations "$event" --json |
    python3 -c "import json,sys; print(' '.join('%s:%s' % (r['name'], r['waitlist_place']) for r in sorted((r for r in json.load(sys.stdin) if 'waitlist_place' in r), key=lambda r: r['waitlist_place'])))"
}

expect "a full workshop" 0 "$liaison" --database "$db" events add --title-en "Workshop on Environmental Information" \
  --start 2031-09-08T09:00 --end 2031-09-09T17:00 --tz Asia/Yangon --kind workshop --country MM --city-en Yangon --capacity 1 --json
event=$(printf '%s' "$out" | json_field "['id']")
regs=()
for who in "Aung:Min:MM" "Lim:Wei:SG" "Santos:Ana:PH" "Nguyen:Lan:VN"; do
  IFS=: read -r family given country <<<"$who"
  person=$("$liaison" --database "$db" participants add --family-name-latin "$family" --given-name-latin "$given" --country "$country" --json | json_field "['id']")
  regs+=("$("$liaison" --database "$db" register "$event" "$person" --json | json_field "['id']")")
done

expect "registrations shows each waitlisted person's place" 0 "$liaison" --database "$db" registrations "$event"
contains "the first" "$out" "Waitlisted, place 1"
contains "the third" "$out" "Waitlisted, place 3"
[ "$(places)" = "Lim Wei:1 Ana Santos:2 Nguyen Lan:3" ] && ok "in the order they came" || not_ok "in the order they came" "$(places)"

expect "Nguyen to the top" 0 "$liaison" --database "$db" registrations set "${regs[3]: -8}" --place 1 --json
check "first now" "data['waitlist_place'] == 1 and data['status'] == 'waitlisted'"
[ "$(places)" = "Nguyen Lan:1 Lim Wei:2 Ana Santos:3" ] && ok "the others move down" || not_ok "the others move down" "$(places)"
expect "a place past the end is the end" 0 "$liaison" --database "$db" registrations set "${regs[1]}" --place 99 --json
check "last" "data['waitlist_place'] == 3"
expect "place 0 is refused" 1 "$liaison" --database "$db" registrations set "${regs[1]}" --place 0
expect "--place with --promote is refused" 1 "$liaison" --database "$db" registrations set "${regs[1]}" --place 1 --promote
expect "--over-capacity alone is refused" 1 "$liaison" --database "$db" registrations set "${regs[1]}" --over-capacity
expect "someone with a place has no place on the waitlist" 2 "$liaison" --database "$db" registrations set "${regs[0]}" --place 1
contains "and is told why" "$err" "waitlist"

expect "a promotion into a full event is refused" 2 "$liaison" --database "$db" registrations set "${regs[2]}" --promote
contains "it says the event is full" "$err" "full"
expect "with --over-capacity it is done" 0 "$liaison" --database "$db" registrations set "${regs[2]}" --promote --over-capacity --json
check "Santos is registered" "data['status'] == 'registered' and 'waitlist_place' not in data"

expect "the journal has the move and the promotion" 0 python3 -c "
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
rows = c.execute(\"SELECT origin, entity_id, field, new_value FROM journal WHERE entity = 'registration' AND action = 'update' ORDER BY seq\").fetchall()
assert ('local', sys.argv[2], 'waitlist_order') == rows[0][:3], rows
assert any(r[1] == sys.argv[3] and r[2] == 'status' and r[3] == 'registered' for r in rows), rows
" "$db" "${regs[3]}" "${regs[2]}"

# Aung and Santos hold places (capacity 1, one over): cancelling both
# frees one place, and it goes to the first in the organiser's order.
expect "Santos cancels" 0 "$liaison" --database "$db" registrations set "${regs[2]}" --status cancelled --json
check "nobody moves up: the event is still full" "'promoted' not in data"
expect "Aung cancels" 0 "$liaison" --database "$db" registrations set "${regs[0]}" --status cancelled --json
check "Nguyen, first in the organiser's order, moves up" "data.get('promoted') == '${regs[3]}'"
[ "$(places)" = "Lim Wei:1" ] && ok "Lim is first on the waitlist now" || not_ok "Lim is first on the waitlist now" "$(places)"

echo "1..$n"
exit $failed
