#!/usr/bin/env bash
# Rebuilds SampleData/store, the demo register, through the real `casebook` commands.
# Usage: SampleData/build.sh   (from anywhere; builds the binary first)
# Every business date is given with --today so that the history reads as it would have happened;
# the register is "as of" the date in SampleData/reference-date.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product casebook >/dev/null
BIN="$PWD/.build/debug/casebook"
export CASEBOOK_STORE="$PWD/SampleData/store"
unset CASEBOOK_TODAY
rm -rf "$CASEBOOK_STORE"
umask 007

# at DATE LOGIN ARGS...: run a command as LOGIN on DATE; prints what it prints (a new id).
at() { local day=$1 who=$2; shift 2; "$BIN" --today "$day" --as "$who" "$@"; }

"$BIN" init --identity declared --as sysadmin --name "Sam Adeyemi" --today 2023-01-02 >/dev/null
at 2023-01-02 sysadmin settings council --name "City of Stoke-on-Trent" --address "Civic Centre, Glebe Street, Stoke-on-Trent ST4 1HH" \
  --customer-services-address "Civic Centre, Glebe Street, Stoke-on-Trent ST4 1HH" \
  --email "customer.feedback@stoke.example.gov.uk" --phone "01782 234567" \
  --privacy-notice "We use the information in this letter to manage your contact with the council under its Unacceptable Behaviour policy, fairly for you and safely for our staff, and to answer the Ombudsman if you complain to them." \
  --dpo "Data Protection Officer, Civic Centre, Glebe Street, Stoke-on-Trent ST4 1HH; dpo@stoke.example.gov.uk; 01782 232323"
at 2023-01-02 sysadmin settings add-closure 2026-12-29
at 2023-01-02 sysadmin settings add-closure 2026-12-30
at 2023-01-02 sysadmin settings add-closure 2026-12-31
for area in adult-social-care council-tax customer-services environmental-health highways housing libraries licensing \
  parks planning revenues-and-benefits waste; do
  at 2023-01-02 sysadmin settings add-service-area "$area" >/dev/null
done

staff() { at 2023-01-02 sysadmin staff add "$@" >/dev/null; }
staff ofarrell --name "Orla O'Farrell" --role officer --service customer-services
staff pnowak --name "Piotr Nowak" --role officer --service customer-services
staff ahussain --name "Aisha Hussain" --role officer --service customer-services
staff irahman --name "Imran Rahman" --role information-rights
staff lchen --name "Li Chen" --role legal
staff mwright --name "Mark Wright" --role service-manager --service housing
staff kbegum --name "Khadija Begum" --role service-manager --service waste
staff hbanks --name "Helen Banks" --role head-of-service --service customer-services --customer-services-head
staff gokafor --name "Grace Okafor" --role head-of-service --service housing
staff tlewis --name "Tom Lewis" --role head-of-service --service environmental-health
staff rdavies --name "Rhys Davies" --role head-of-service --service waste
staff dkaur --name "Dalvinder Kaur" --role director --service housing
staff jmorris --name "James Morris" --role director --service waste
staff snguyen --name "Sarah Nguyen" --role director --service adult-social-care

# Customers: names a city like Stoke-on-Trent has.
names=("Zoë Brown" "Krzysztof Wójcik" "Agnieszka Kowalczyk" "Muhammad Iqbal" "Fatima Al-Sayed" "Ahmed Khan"
  "Wei Zhang" "Mei Ling Chan" "Siobhán O'Neill" "Seán Murphy" "Chloé Dubois" "José Álvarez" "Łucja Dąbrowska"
  "Tomasz Lewandowski" "Priya Patel" "Yusuf Hussain" "Nasreen Akhtar" "Omar Farouk" "Layla Haddad" "Grace Taylor"
  "Jack Wright" "Harry Shaw" "Olivia Bennett" "Noah Davies" "Mia Hughes" "Bartłomiej Zieliński" "Zainab Bibi"
  "Hamza Mahmood" "Liu Yang" "Chen Jie" "D'Arcy Pemberton" "Renée Thompson")
streets=("Hope Street, Hanley" "Leek Road, Shelton" "Victoria Road, Fenton" "Church Street, Stoke" "Trentham Road, Longton"
  "King Street, Fenton" "Waterloo Road, Burslem" "Etruria Road, Etruria" "Uttoxeter Road, Longton" "Lichfield Street, Hanley")
postcodes=("ST1 1HR" "ST4 2AR" "ST4 3AA" "ST4 1JP" "ST3 4HU" "ST4 3JR" "ST6 3HG" "ST1 5PS" "ST3 1EE" "ST1 3EH")
C=()
for i in "${!names[@]}"; do
  n=$((i % 10))
  C+=("$(at 2023-01-03 ofarrell customer add --name "${names[$i]}" --address "$((i * 7 + 3)) ${streets[$n]}" \
        --postcode "${postcodes[$n]}" --phone "01782 $((230000 + i * 137))")")
done
at 2023-01-03 ofarrell customer add --name "Amir Shah" --address "2 Hope Street, Hanley" --postcode "ST1 1HR" \
  --email "amir.shah@example.org" --adjustments "Large print letters; calls after 10am" >/dev/null

# open CUSTOMER DATE TITLE SERVICE... -> case id
open_case() { local who=$1 day=$2 title=$3; shift 3; local args=(); for s in "$@"; do args+=(--service "$s"); done
  at "$day" pnowak case open --customer "$who" --title "$title" "${args[@]}"; }
# contacts CASE FROM-DATE COUNT: a run of contacts a few days apart, with behaviours from 3.2 and 3.4.
contacts() { local id=$1 day=$2 count=$3 ch=(phone email letter face-to-face web phone email)
  local kinds=(complaint routine complaint foi sar ombudsman routine)
  for ((k = 0; k < count; k++)); do
    local d; d=$(date -d "$day + $((k * 4)) days" +%F)
    local b=(--behaviour repeat-complaints); ((k % 3 == 1)) && b+=(--behaviour excessive-demands)
    ((k % 4 == 2)) && b+=(--behaviour swearing)
    at "$d" ahussain contact add "$id" --date "$d" --channel "${ch[$((k % 7))]}" --kind "${kinds[$((k % 7))]}" \
      --summary "Contact $((k + 1)): asked again about the same matter" "${b[@]}" >/dev/null
  done; }
propose() { at "$2" ofarrell propose "$1" --category persistent --category unreasonable \
  --reason "Repeat complaints on a settled matter and abusive language, see contacts" \
  --behaviour repeat-complaints --behaviour swearing >/dev/null; }
checks() { local id=$1 day=$2 n=${3:-4} items=(facts investigated communications no-new-information)
  local evidence=("Contact log and call notes reviewed" "Stage 1 and 2 complaints answered in full"
    "Letters checked against the corporate standard" "Last three contacts raise nothing new")
  for ((k = 0; k < n; k++)); do at "$day" pnowak check "$id" --item "${items[$k]}" --evidence "${evidence[$k]}" >/dev/null; done; }
decide() { at "$2" "$3" decide "$1" --apply --consulted ofarrell --date "$2" \
  --reason "Contact hinders the handling of this and other residents' matters" \
  >/dev/null 2> >(grep -v '^warning: No warning letter' >&2 || true); }
restrict() { local id=$1 day=$2 who=$3 type=$4 details=$5; shift 5; at "$day" "$who" restrict "$id" --type "$type" \
  --details "$details" --from "$day" "$@" >/dev/null; }
sent() { at "$2" ofarrell letter "$1" --kind "${3:-decision}" --sent "$2" >/dev/null; }

# 1. Contacts only.
for i in 0 1 2 3 4 5 6 7; do
  id=$(open_case "${C[$i]}" 2026-10-01 "Missed bin collections" waste)
  contacts "$id" 2026-10-01 $((2 + i % 3))
done
# A case that looks complex: several services, channels and complaints/FOI/SAR (a suggestion only).
id=$(open_case "${C[8]}" 2026-09-01 "Housing repairs, council tax and noise" housing council-tax environmental-health)
contacts "$id" 2026-09-01 7

# 2. Proposed, no checks; 3. checks partly done; 4. all checks, awaiting decision.
for i in 9 10 11; do
  id=$(open_case "${C[$i]}" 2026-09-15 "Planning objection pursued after decision" planning)
  contacts "$id" 2026-09-15 5; propose "$id" 2026-11-02
  [ $i -ge 10 ] && checks "$id" 2026-11-05 $((i - 8))
done
for i in 12 13; do
  id=$(open_case "${C[$i]}" 2026-08-10 "Parking permit refusal" highways)
  contacts "$id" 2026-08-10 6; propose "$id" 2026-10-20; checks "$id" 2026-10-27
done

# 5. Declined.
id=$(open_case "${C[14]}" 2026-05-04 "Council tax banding" council-tax)
contacts "$id" 2026-05-04 4; propose "$id" 2026-06-01; checks "$id" 2026-06-03 2
at 2026-06-10 gokafor decide "$id" --decline --consulted ofarrell --date 2026-06-10 \
  --reason "The complaints procedure has not yet run its course" >/dev/null

# 6. Decided with tier 1 restrictions, decision letter still to send (one overdue).
for i in 15 16; do
  id=$(open_case "${C[$i]}" 2026-08-03 "Anti-social behaviour reports" housing)
  contacts "$id" 2026-08-03 6; propose "$id" 2026-10-05; checks "$id" 2026-10-07
  d=$([ $i -eq 15 ] && echo 2026-11-02 || echo 2026-11-24)
  decide "$id" "$d" gokafor
  restrict "$id" "$d" gokafor single-channel "Email to the housing complaints mailbox only"
done

# 7. Decided, letter sent, restrictions of tiers 1 and 2.
for i in 17 18 19 20; do
  id=$(open_case "${C[$i]}" 2026-01-12 "Waste collection complaints" waste)
  contacts "$id" 2026-01-12 8; sent "$id" 2026-02-16 warning; propose "$id" 2026-03-02; checks "$id" 2026-03-04
  decide "$id" 2026-03-09 tlewis
  restrict "$id" 2026-03-09 tlewis named-officer "Contact only through Khadija Begum, Waste Services"
  [ $i -ge 19 ] && restrict "$id" 2026-03-09 tlewis no-face-to-face "No visits to the depot or the contact centre about this matter"
  sent "$id" 2026-03-10
  at 2026-03-10 ofarrell notify "$id" --to kbegum --to jmorris >/dev/null
done

# 8. Escalation to cease-and-desist with a reason; refusing new housing complaints with a statutory basis.
id=$(open_case "${C[21]}" 2025-11-03 "Threats to staff about a housing transfer" housing)
contacts "$id" 2025-11-03 9; propose "$id" 2026-01-05; checks "$id" 2026-01-07
decide "$id" 2026-01-12 gokafor
restrict "$id" 2026-01-12 gokafor cease-and-desist "Cease contacting staff at their homes" \
  --escalation-reason "Threats made to two officers in person; lower tiers would not protect staff"
sent "$id" 2026-01-13
id=$(open_case "${C[22]}" 2025-12-01 "Repeated homelessness review requests" housing)
contacts "$id" 2025-12-01 8; propose "$id" 2026-02-02; checks "$id" 2026-02-04
decide "$id" 2026-02-09 gokafor
restrict "$id" 2026-02-09 gokafor single-channel "Letters to the housing review team only"
restrict "$id" 2026-02-09 gokafor refuse-new-complaints "No new complaints about the 2025 review decision" \
  --statutory-basis "Housing Act 1996 s.202: one review of a homelessness decision, already given"
sent "$id" 2026-02-10

# 9. Read-and-file on a settled matter, with a filed contact still to confirm.
id=$(open_case "${C[23]}" 2025-09-01 "Noise nuisance complaint already investigated" environmental-health)
contacts "$id" 2025-09-01 8
at 2025-10-15 ofarrell case settle "$id" --date 2025-10-15 --note "Stage 2 response upheld the investigation" >/dev/null
propose "$id" 2025-11-03; checks "$id" 2025-11-05
decide "$id" 2025-11-10 tlewis
restrict "$id" 2025-11-10 tlewis single-channel "Email only"
restrict "$id" 2025-11-10 tlewis read-and-file "Correspondence on the settled noise complaint is read and filed"
sent "$id" 2025-11-11
at 2026-11-25 ahussain contact add "$id" --date 2026-11-25 --channel email --kind complaint \
  --summary "Another email about the 2025 noise complaint" --behaviour repeat-complaints >/dev/null

# 10. Appeals awaiting their outcome (one overdue); 11. decided appeals and an Ombudsman referral.
for i in 24 25; do
  id=$(open_case "${C[$i]}" 2026-07-06 "Housing repairs complaints" housing)
  contacts "$id" 2026-07-06 6; propose "$id" 2026-09-07; checks "$id" 2026-09-09
  decide "$id" 2026-09-14 gokafor
  restrict "$id" 2026-09-14 gokafor single-channel "Phone the repairs team on Tuesdays only"
  sent "$id" 2026-09-15
  if [ $i -eq 24 ]; then
    at 2026-09-28 ofarrell appeal lodge "$id" --received 2026-09-28 --grounds "I only call because repairs are never done" >/dev/null
  else
    at 2026-11-16 ofarrell appeal lodge "$id" --received 2026-11-16 --grounds "The decision ignores my complaint" \
      --late-reason "The customer was in hospital from 20 September to 10 November 2026" >/dev/null
  fi
done
id=$(open_case "${C[26]}" 2025-06-02 "Garden waste charges" waste)
contacts "$id" 2025-06-02 6; propose "$id" 2025-08-04; checks "$id" 2025-08-06
decide "$id" 2025-08-11 tlewis; restrict "$id" 2025-08-11 tlewis single-channel "Email only"; sent "$id" 2025-08-12
apl=$(at 2025-08-20 ofarrell appeal lodge "$id" --received 2025-08-20 --grounds "The restriction is unfair")
at 2025-09-05 jmorris appeal decide "$apl" --outcome upheld --date 2025-09-05 --reason "Contacts show a clear pattern" >/dev/null
sent "$apl" 2025-09-08 appeal-outcome
at 2025-10-20 ofarrell appeal ombudsman "$apl" --body lgsco --date 2025-10-20 >/dev/null
id=$(open_case "${C[27]}" 2025-07-07 "Tenancy complaint" housing)
contacts "$id" 2025-07-07 5; propose "$id" 2025-09-01; checks "$id" 2025-09-03
decide "$id" 2025-09-08 gokafor; restrict "$id" 2025-09-08 gokafor single-channel "Letters only"; sent "$id" 2025-09-09
apl=$(at 2025-09-22 ofarrell appeal lodge "$id" --received 2025-09-22 --grounds "I have a disability and need to phone")
at 2025-10-06 dkaur appeal decide "$apl" --outcome overturned --date 2025-10-06 \
  --reason "Reasonable adjustments were not considered" >/dev/null
sent "$apl" 2025-10-07 appeal-outcome
at 2025-12-01 ofarrell appeal ombudsman "$apl" --body housing --date 2025-12-01 >/dev/null

# 12. A review requested after six months, and one recorded (continue).
id=$(open_case "${C[28]}" 2025-10-06 "Licensing objections" licensing)
contacts "$id" 2025-10-06 6; propose "$id" 2025-12-01; checks "$id" 2025-12-03
decide "$id" 2025-12-08 tlewis; restrict "$id" 2025-12-08 tlewis single-channel "Email only"; sent "$id" 2025-12-09
at 2026-11-18 ofarrell review request "$id" --received 2026-11-18 >/dev/null
id=$(open_case "${C[29]}" 2025-03-03 "Highways claims" highways)
contacts "$id" 2025-03-03 6; propose "$id" 2025-04-28; checks "$id" 2025-04-30
decide "$id" 2025-05-06 gokafor; restrict "$id" 2025-05-06 gokafor single-channel "Email only"; sent "$id" 2025-05-07
at 2025-11-10 ofarrell review request "$id" --received 2025-11-10 >/dev/null
at 2025-11-20 hbanks review record "$id" --outcome continue --date 2025-11-20 --reason "Contact still weekly" >/dev/null
sent "$id" 2025-11-21 review-outcome

# 13. The three-year review falls due around the reference date.
id=$(open_case "${C[30]}" 2023-09-04 "Parks and events complaints" parks)
contacts "$id" 2023-09-04 7; propose "$id" 2023-11-06; checks "$id" 2023-11-08
decide "$id" 2023-11-13 tlewis; restrict "$id" 2023-11-13 tlewis single-channel "Email only"; sent "$id" 2023-11-14
id=$(open_case "${C[31]}" 2023-10-02 "Council tax enforcement" council-tax)
contacts "$id" 2023-10-02 6; propose "$id" 2023-12-04; checks "$id" 2023-12-06
decide "$id" 2023-12-11 rdavies; restrict "$id" 2023-12-11 rdavies single-channel "Letters only"; sent "$id" 2023-12-12
at 2024-06-28 sysadmin staff leave rdavies --date 2024-06-28 >/dev/null

# 14. Complex cases (5.1.1): decided first; the relevant Director then calls the conference, which
# meets, receives its summary and agrees actions. The second has no conference called yet.
for pair in "0 2026-06-01" "3 2026-07-01"; do
  set -- $pair; i=$1; day=$2
  id=$(open_case "${C[$i]}" "$day" "Housing, adult social care and council tax" housing adult-social-care council-tax)
  contacts "$id" "$day" 7
  at 2026-09-01 ofarrell propose "$id" --category complex \
    --reason "Spans three services with complaints, an FOI, a SAR and an Ombudsman enquiry" >/dev/null
  checks "$id" 2026-09-03
  if [ "$i" = 0 ]; then
    decide "$id" 2026-09-04 gokafor
    conf=$(at 2026-09-07 dkaur conference call "$id" --date 2026-09-14 --chair dkaur --invite ofarrell --invite irahman \
      --invite lchen --invite mwright)
    at 2026-09-14 ofarrell conference meet "$conf" --date 2026-09-14 >/dev/null
    at 2026-09-14 ofarrell conference action "$conf" --owner mwright --due 2026-10-09 --text "One repairs plan agreed with the tenant" >/dev/null
    at 2026-09-14 ofarrell conference action "$conf" --owner irahman --due 2026-11-13 --text "Answer the SAR in one response" >/dev/null
    at 2026-09-14 ofarrell conference action "$conf" --owner ofarrell --due 2026-12-11 --text "Single point of contact letter" >/dev/null
    at 2026-10-08 mwright conference done "$conf" 1 --date 2026-10-08 >/dev/null
  else
    decide "$id" 2026-11-23 gokafor
  fi
done

# 15. Status lifted on review; the lifting letter still to send.
id=$(open_case "${C[5]}" 2025-01-06 "Street cleansing complaints" waste)
contacts "$id" 2025-01-06 6; propose "$id" 2025-03-03; checks "$id" 2025-03-05
decide "$id" 2025-03-10 tlewis; restrict "$id" 2025-03-10 tlewis single-channel "Email only"; sent "$id" 2025-03-11
at 2026-11-20 tlewis review record "$id" --outcome lift --date 2026-11-20 --reason "No contact of concern for eight months" >/dev/null

# 16. More work across services: contacts on other matters, and proposals made this month.
more=("Pothole compensation claim:highways" "Library fines dispute:libraries" "Allotment boundary dispute:parks"
  "Blue badge renewal:adult-social-care" "Planning enforcement request:planning" "Housing benefit overpayment:revenues-and-benefits")
for k in "${!more[@]}"; do
  title=${more[$k]%%:*}; service=${more[$k]##*:}
  id=$(open_case "${C[$((k + 9))]}" 2026-10-12 "$title" "$service")
  contacts "$id" 2026-10-12 $((3 + k % 4))
  [ $((k % 2)) -eq 1 ] && propose "$id" 2026-11-23
done

# Register entries: pending, approved (one overdue for its annual review, one not told), a property.
at 2026-11-23 pnowak register add --person "${C[21]}" --facts "On 2 November 2025 he told two officers at the Civic Centre he would follow them home." \
  --communication "Two officers at any meeting; phone before any visit" --restrictions "No lone visits" >/dev/null
at 2026-11-24 ahussain register add --property "14 Leek Road, Shelton ST4 2AR" \
  --facts "A dog at the property bit a meter reader on 2 February 2026." --communication "Phone ahead so the dog is secured" >/dev/null
reg=$(at 2025-10-01 ofarrell register add --person "${C[24]}" --facts "Raised voice and struck the reception counter on 15 September 2025." \
  --communication "Meet only at the Civic Centre with security present")
at 2025-10-03 gokafor register approve "$reg" --date 2025-10-03 >/dev/null
sent "$reg" 2025-10-06 register-entry
reg=$(at 2026-05-11 pnowak register add --person "${C[25]}" --facts "Threatened a housing officer with a knife on 7 May 2026 (police ref 1234/26)." \
  --communication "No home visits; meetings at the police-staffed desk only" --restrictions "No home visits")
at 2026-05-12 dkaur register approve "$reg" --date 2026-05-12 --not-told-reason "Police advise that telling him now risks serious harm to the victim" >/dev/null
reg=$(at 2026-03-02 ahussain register add --property "7 King Street, Fenton ST4 3JR" \
  --facts "Occupier's partner assaulted a repairs operative on 20 February 2026." --communication "Two operatives; police escort for repairs")
at 2026-03-04 gokafor register approve "$reg" --date 2026-03-04 >/dev/null

: > "$CASEBOOK_STORE/lock"   # no lock holder's note in the bundled copy
rm -f "$CASEBOOK_STORE/search.index"   # derived: made again on the first change
"$BIN" --today "$(cat SampleData/reference-date)" --as sysadmin verify >/dev/null
echo "Rebuilt $CASEBOOK_STORE as of $(cat SampleData/reference-date)."
