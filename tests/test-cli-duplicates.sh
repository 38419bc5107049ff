#!/bin/bash
# participants duplicates, merge and unmerge as a coordinator's script would
# run them, on a temporary database: 王伟, Wang Wei and WEI Wang found and
# merged, the merge undone, and the refusals with their exit statuses. TAP.
set -u
liaison=$1
. "$(dirname "$0")/tap-lib.sh"

L () { "$liaison" --database "$db" "$@"; }
# Rows as sqlite gives them, one a line, columns joined by "|".
Q () { python3 -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
for sql in sys.argv[2:]:
    for row in c.execute(sql):
        print("|".join("" if v is None else str(v) for v in row))' "$db" "$@"; }
id_of () { printf '%s' "$out" | python3 -c "import json,sys; print(json.load(sys.stdin)['id'])"; }

expect "a forum" 0 L events add --title-en "Climate change youth forum 2024" --start 2024-08-12 --kind youth-forum --country CN --json
forum=$(id_of)
expect "a workshop" 0 L events add --title-en "Capacity building 2025" --start 2025-04-02 --kind workshop --country CN --json
workshop=$(id_of)
expect "王伟" 0 L participants add --family-name 王 --given-name 伟 --country CN --json
wang=$(id_of)
expect "Wang Wei" 0 L participants add --family-name-latin Wang --given-name-latin Wei --country CN \
  --email wang.wei@mee.gov.cn --organisation-en "Ministry of Ecology and Environment" --json
wang2=$(id_of)
contains "Wang Wei added: 王伟 may be the same person" "$err" "may be the same person as 王伟"
expect "WEI Wang" 0 L participants add --family-name-latin WEI --given-name-latin Wang --name-order given-first --country CN \
  --email wang.wei@mee.gov.cn --json
wang3=$(id_of)
expect "李霞, someone else" 0 L participants add --family-name 李 --given-name 霞 --country CN --gender female --json
if [ -z "$err" ]; then ok "a new name, no word"; else not_ok "a new name, no word" "stderr: $err"; fi
L register "$forum" "$wang" >/dev/null
L register "$forum" "$wang2" --role speaker >/dev/null
L register "$workshop" "$wang3" --role mentor >/dev/null

expect "duplicates" 0 L participants duplicates
contains "the three records of Wang Wei" "$out" "same e-mail"
expect "duplicates --json" 0 L participants duplicates --json
check "all three pairs, the e-mail pair certain" "len(data) == 3 and any(p['score'] == 100 and 'same-email' in p['reasons'] for p in data) and all('reasons_text' in p for p in data)"
check "李霞 is no one's duplicate" "all('李霞' not in (p['a_name'], p['b_name']) for p in data)"
expect "duplicates --min-score 100" 0 L participants duplicates --min-score 100 --json
check "only the certain pair" "len(data) == 1"
expect "--min-score out of range" 1 L participants duplicates --min-score 101

before=$(Q "SELECT * FROM participants ORDER BY id" "SELECT * FROM registrations ORDER BY id")

expect "merge with itself" 2 L participants merge "$wang" "$wang"
contains "says why" "$err" "itself"
expect "merge an unknown record" 2 L participants merge "$wang" 0190abcd-0000-7000-8000-00000000dead
expect "merge one record" 1 L participants merge "$wang"
expect "--keep with an unknown field" 1 L participants merge "$wang" "$wang2" --keep shoe-size="$wang2"
expect "--keep from a record not merged" 2 L participants merge "$wang" "$wang2" --keep country="$wang3"
after=$(Q "SELECT * FROM participants ORDER BY id" "SELECT * FROM registrations ORDER BY id")
if [ "$before" = "$after" ]; then ok "refused merges changed nothing"; else not_ok "refused merges changed nothing"; fi

expect "merge" 0 L participants merge "$wang" "$wang2" "$wang3" --keep latin-name="$wang2" --json
merge=$(id_of)
check "two records merged into 王伟" "data['survivor'] == '$wang' and len(data['merged']) == 2 and data['undone'] is None"
expect "one 王伟 left" 0 L participants search wang --json
check "with the Latin name and the e-mail" "len(data) == 1 and data[0]['family_name_latin'] == 'Wang' and data[0]['emails'] == ['wang.wei@mee.gov.cn']"
registrations=$(Q "SELECT count(*) FROM registrations WHERE participant_id = '$wang'")
if [ "$registrations" = 2 ]; then ok "two events, the same forum once"; else not_ok "two events, the same forum once" "got $registrations"; fi
expect "no duplicates left" 0 L participants duplicates --json
check "none" "len(data) == 0"
expect "merges listed" 0 L participants unmerge --list --json
check "one merge in force" "len(data) == 1 and data[0]['undone'] is None"

expect "edit the survivor" 0 L participants edit "$wang" --sector academia
expect "unmerge by its short code" 0 L participants unmerge "${merge: -8}"
contains "says who came back" "$out" "Brought back"
expect "the three again" 0 L participants duplicates --json
check "all three pairs again" "len(data) == 3"
expect "the edit kept" 0 L participants search 王伟 --json
check "academia" "any(p['id'] == '$wang' and p['sector'] == 'academia' for p in data)"
restored=$(Q "SELECT * FROM participants WHERE id IN ('$wang2', '$wang3') ORDER BY id" "SELECT * FROM registrations ORDER BY id")
original=$(printf '%s\n' "$before" | grep -F -e "$wang2" -e "$wang3")
if [ "$(printf '%s\n' "$restored" | grep -F -e "$wang2" -e "$wang3")" = "$original" ]; then ok "merged records and registrations back byte for byte"; else not_ok "merged records and registrations back byte for byte" "before: $original" "after: $restored"; fi
expect "unmerge twice" 2 L participants unmerge "$merge"
contains "already undone" "$err" "already undone"
expect "unmerge an unknown merge" 2 L participants unmerge 0190abcd-0000-7000-8000-00000000beef
expect "unmerge without a merge" 1 L participants unmerge

echo "1..$n"
exit $failed
