#!/bin/bash
# The people commands as a coordinator's script would run them, on a
# temporary database: the programme, a delegation with quotas and letters,
# the liaison officers and their work plan, a person's consent, data and
# anonymisation. TAP.
set -u
liaison=$1
. "$(dirname "$0")/tap-lib.sh"

L () { "$liaison" --database "$db" "$@"; }
id_of () { printf '%s' "$out" | python3 -c "import json,sys; print(json.load(sys.stdin)['id'])"; }

# A programme youth forum in 2026 and one in 2027; two people from Viet Nam
# and Thailand, one of whom comes back as a speaker.
expect "a programme event" 0 L events add --title-zh "2026 海洋减塑青年论坛" --title-en "Marine plastics youth forum 2026" \
  --start 2026-03-10 --kind youth-forum --country TH --track marine-plastics-youth --json
forum=$(id_of)
expect "the next one" 0 L events add --title-en "Marine plastics youth forum 2027" --start 2027-03-10 --kind youth-forum \
  --country VN --track marine-plastics-youth --json
forum2=$(id_of)
expect "a liaison officers' meeting" 0 L events add --title-en "Liaison officers' meeting 2025" --start 2025-11-04 \
  --kind liaison-meeting --country MM --json
meeting=$(id_of)
expect "Khai" 0 L participants add --family-name "Nguyễn" --given-name "Thị Minh Khai" --country VN --sector youth \
  --gender female --email khai@example.vn --consent --json
khai=$(id_of)
expect "Somchai" 0 L participants add --family-name-latin Srisuk --given-name-latin Somchai --name-order given-first \
  --country TH --sector academia --json
somchai=$(id_of)
expect "Kanya" 0 L participants add --family-name-latin Srisuk --given-name-latin Kanya --name-order given-first --country TH --json
kanya=$(id_of)

for who in "$khai" "$somchai"; do
  L register "$forum" "$who" >/dev/null
  L register "$forum2" "$who" --role speaker --status confirmed >/dev/null
done

# Nothing attended yet: no cohort. Attendance is taken at the door (the
# window's check-in), so the test writes it into the file as that does.
expect "programme before anyone attended" 0 L programme --json
check "no alumni yet" "data['alumni'] == 0 and data['cohorts'] == []"
check "the built-in tracks" "[t['id'] for t in data['tracks']] == ['marine-plastics-youth', 'climate-youth', 'officials-capacity']"

python3 -c "import sqlite3; c = sqlite3.connect('$db'); c.execute(\"UPDATE registrations SET status = 'attended', attended_at = '2026-03-10T02:00:00Z' WHERE event_id IN ('$forum', '$forum2')\"); c.commit()"

# Khai's consent from the form (--consent) covers events only; she agrees
# to the programme following her record too.
expect "consent to the programme record" 0 L participants consent "$khai" --given 2025-06-01 --scope events --scope programme
expect "programme --json" 0 L programme --json
check "two alumni of 2026, both came back" "data['alumni'] == 2 and data['came_back'] == 2 and data['cohorts'] == [{'year': 2026, 'track': 'marine-plastics-youth', 'people': 2}]"
check "two reached speaker" "data['reached']['speaker'] == 2"
check "Somchai, without consent, is not named" "[p['id'] for p in data['came_back_people']] == ['$khai'] and data['came_back_without_consent'] == 1"
check "by country and sector" "data['countries'] == {'TH': 1, 'VN': 1} and data['sectors'] == {'academia': 1, 'youth': 1}"
expect "programme (text)" 0 L programme
contains "the text marks who gave no consent" "$out" "no consent"
expect "programme person" 0 L programme person "$khai" --json
check "Khai's progression" "data['cohort'] == 2026 and [(m['year'], m['stage']) for m in data['progression']] == [(2026, 'participant'), (2027, 'speaker')]"
expect "programme note" 0 L programme note "$khai" --date 2028-01-05 --text "Leads the youth network in Da Nang"
expect "a note with a bad date" 2 L programme note "$khai" --date 2028-02-30 --text "x"
contains "…says how to write a date" "$err" "YYYY-MM-DD"
expect "add a track" 0 L programme add-track --title-zh "生物多样性青年领导力计划" --title-en "Biodiversity Youth Leadership"
contains "its identifier" "$out" "biodiversity-youth-leadership"

# Delegations: Thailand may send one; two are nominated with their letter.
printf '%%PDF-1.4\n%% note verbale 2026/017\n' > "$work/nv-017.pdf"
expect "quota" 0 L delegations quota "$forum2" TH 1
expect "a letter that is a folder" 2 L nominate "$forum2" "$kanya" --country TH --letter "$work"
contains "…is refused, with why" "$err" "not a file"
expect "a letter that is missing" 2 L nominate "$forum2" "$kanya" --country TH --letter "$work/none.pdf"
contains "…is refused, with why" "$err" "no such file"
expect "nothing was left half-made" 0 L delegations "$forum2" --json
check "no nomination" "data['nominations'] == []"
expect "nominate Kanya with the letter" 0 L nominate "$forum2" "$kanya" --country TH --letter "$work/nv-017.pdf"
nomination=$(printf '%s' "$out" | tr -d '\n')
expect "delegations --json" 0 L delegations "$forum2" --json
check "Thailand: quota 1, one nominated; speakers are not in the quota" "[(c['country'], c.get('quota'), c['nominated'], c['approved']) for c in data['countries']] == [('TH', 1, 1, 0)]"
check "the nomination carries its letter" "data['nominations'][0]['letters'][0]['file_name'] == 'nv-017.pdf'"
expect "approve within the quota" 0 L approve "$nomination"
contains "she has a place" "$out" "Registered"
expect "delegations after approval" 0 L delegations "$forum2" --json
check "approved 1" "data['countries'][0]['approved'] == 1"
expect "lower the quota below the approved" 2 L delegations quota "$forum2" TH 0
contains "…is refused, saying what to do" "$err" "before lowering the quota to 0"
expect "a Thai delegate beyond the quota" 2 L register "$forum2" "$(L participants add --given-name-latin Niran --name-order mononym --country TH --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')"
contains "…is refused: the delegation is full" "$err" "is full"
expect "the letter back out" 0 L delegations letter "$nomination" --output "$work/back.pdf"
if cmp -s "$work/nv-017.pdf" "$work/back.pdf"; then ok "byte for byte"; else not_ok "byte for byte"; fi

# Officers and the work plan.
expect "officer" 0 L officers add "$khai" --from 2024-01-01
expect "officer with a term ending before it starts" 2 L officers add "$somchai" --deputy --from 2026-01-01 --until 2025-01-01
contains "…is refused" "$err" "before it starts"
expect "officers" 0 L officers
contains "Viet Nam's officer, nominated by ASOEN" "$out" "ASEAN Senior Officials on the Environment"
expect "officers --json without consent to sharing" 0 L officers --json
check "not shared without consent" "data == []"
expect "consent with scopes" 0 L participants consent "$khai" --given 2024-01-01 --scope events --scope sharing --json
check "recorded" "data['given'] and data['date'] == '2024-01-01' and data['scope'] == ['events', 'sharing']"
expect "a scope that does not exist" 1 L participants consent "$khai" --given 2024-01-01 --scope photos
expect "officers --json with consent" 0 L officers --json
check "Khai, current" "len(data) == 1 and data[0]['country'] == 'VN' and data[0]['nominated_by'] == 'asoen' and data[0]['current']"

expect "work plan 2026" 0 L work-plan issue 2026
contains "version 1" "$out" "version 1"
expect "approve before sending" 2 L work-plan approve 2026
contains "…is refused" "$err" "send it first"
expect "send" 0 L work-plan send 2026 --pdf "$work/plan.pdf" --ics "$work/plan.ics"
if head -c 5 "$work/plan.pdf" | grep -q '%PDF-'; then ok "a PDF"; else not_ok "a PDF"; fi
contains "an .ics with the event" "$(cat "$work/plan.ics")" "UID:$forum"
expect "feedback" 0 L work-plan feedback 2026 --country VN --event "$forum" --text "Viet Nam can host a side event" --received 2025-10-01
expect "feedback on an event not in the plan" 2 L work-plan feedback 2026 --country VN --event "$meeting" --text "?"
expect "approve" 0 L work-plan approve 2026 --version 1
expect "reviewed at the meeting" 0 L work-plan review 2026 --version 1 --meeting "$meeting"
expect "work-plan --json" 0 L work-plan 2026 --json
check "approved, with its feedback and meeting" "data[0]['status'] == 'approved' and data[0]['feedback'] == 1 and data[0]['reviewed_at'] == '$meeting'"

# A person's data, then anonymised.
expect "export-data (JSON)" 0 L participants export-data "$khai"
check "everything about Khai" "data['participant']['family_name'] == 'Nguyễn' and len(data['registrations']) == 2 and data['programme']['cohort'] == 2026 and data['liaison_officer'][0]['country'] == 'VN' and data['consent']['scope'] == ['events', 'sharing']"
expect "export-data (files)" 0 L participants export-data "$khai" --json "$work/khai.json" --pdf "$work/khai.pdf"
if head -c 5 "$work/khai.pdf" | grep -q '%PDF-'; then ok "her PDF"; else not_ok "her PDF"; fi
expect "anonymise without --yes" 1 L participants anonymise "$khai"
contains "…says it cannot be undone" "$err" "cannot be undone"
expect "anonymise" 0 L participants anonymise "$khai" --yes
expect "export after" 0 L participants export-data "$khai"
check "no identity left, the statistics stay" "'family_name' not in data['participant'] and data['participant']['emails'] == [] and data['participant']['country'] == 'VN' and data['participant']['gender'] == 'female' and len(data['registrations']) == 2 and 'anonymised' in data"
expect "the programme's figures after" 0 L programme --json
check "still two alumni" "data['alumni'] == 2 and data['countries'] == {'TH': 1, 'VN': 1}"
expect "search no longer finds her" 0 L participants search khai --json
check "nobody" "data == []"
expect "anonymise twice" 2 L participants anonymise "$khai" --yes

echo "1..$n"
exit $failed
