#!/usr/bin/env bash
# Rebuilds, through the gateway, the SO/AC picture of the WS2 implementation team's Q2 2021 update
# (28 June 2021), then prints each group's stage as the groups service derives it:
#   ccNSO and GAC signed off, prioritized and implementing; ALAC reviewing and prioritizing;
#   GNSO Council prioritized; the GNSO SG/Cs (the stakeholder groups CSG and NCSG included), ASO,
#   RSSAC and SSAC triaged and asked to sign off.
# Run it against a fresh `./ws2 start` (it triages 6.1.1-6.1.3). Needs only bash and curl.
set -euo pipefail
cd "$(dirname "$0")/.."
gateway="${WS2_GATEWAY:-http://localhost:8080}"
groups=(ccNSO GAC ALAC GNSO-Council RySG RrSG CSG BC IPC ISPCP NCSG NCUC NPOC ASO RSSAC SSAC)
recommendations=(6.1.1 6.1.2 6.1.3)

# call METHOD PATH TOKEN [BODY] [IF-MATCH]: fails loudly on anything but 2xx
call() {
  local args=(-s -o /tmp/ws2-q2-answer -w '%{http_code}' -X "$1" "$gateway$2"
              -H "Authorization: Bearer $3" -H 'Content-Type: application/json')
  [[ -n "${4:-}" ]] && args+=(-d "$4")
  [[ -n "${5:-}" ]] && args+=(-H "If-Match: $5")
  local status
  status=$(curl "${args[@]}")
  if [[ "$status" != 2* ]]; then
    echo "$1 $2 answered $status: $(cat /tmp/ws2-q2-answer)" >&2
    exit 1
  fi
}
etag() { curl -s -D - -o /dev/null "$gateway$1" | tr -d '\r' | awk 'tolower($1) == "etag:" { print $2 }'; }
json_list() { local IFS=,; printf '["%s"]' "$(sed 's/,/","/g' <<< "$*")"; }

staff=$(./ws2 token support-staff)
echo "Support staff triage ${recommendations[*]} to ${#groups[@]} groups and ask each to sign off"
call POST /api/assignments/bulk "$staff" "{\"recommendationIds\":$(json_list "${recommendations[@]}"),\
\"groupIds\":$(json_list "${groups[@]}"),\"applicabilityNote\":\"SO/AC accountability good practice\"}"
for group in "${groups[@]}"; do
  call POST "/api/groups/$group/sign-off-request" "$staff" '{"note":"Please review and sign off"}'
done

prioritize() {
  local group=$1 editor=$2 id path
  for id in "${recommendations[@]}"; do
    path="/api/groups/$group/assignments/$id"
    call PUT "$path/priority" "$editor" '{"priority":"HIGH","effort":"MODERATE","urgency":"MEDIUM"}' "$(etag "$path")"
  done
}

# The approval names each draft with the version just read (its ETag): one changed after that read is
# refused (412), never approved unseen.
approve() {
  local group=$1 editor=$2 id drafts=()
  for id in "${recommendations[@]}"; do
    drafts+=("{\"recommendationId\":\"$id\",\"version\":$(etag "/api/groups/$group/assignments/$id" | tr -dc '0-9')}")
  done
  local IFS=,
  call POST "/api/groups/$group/priorities/approval" "$editor" "{\"approve\":[${drafts[*]}]}"
}

for group in ccNSO GAC GNSO-Council; do
  echo "$group signs off, prioritizes and approves its priorities"
  editor=$(./ws2 token group-editor "$group")
  for id in "${recommendations[@]}"; do
    call POST "/api/groups/$group/assignments/$id/triage" "$editor" '{"to":"SIGNED_OFF","note":"Reviewed"}'
  done
  prioritize "$group" "$editor"
  approve "$group" "$editor"
  if [[ "$group" != GNSO-Council ]]; then
    path="/api/groups/$group/assignments/6.1.1"
    call PUT "$path/progress" "$editor" '{"progress":"IN_PROGRESS","note":"Begun"}' "$(etag "$path")"
  fi
done
echo "ALAC prioritizes while still reviewing"
prioritize ALAC "$(./ws2 token group-editor ALAC)"

echo
for group in "${groups[@]}"; do
  curl -s "$gateway/api/groups/$group/stage" | grep -o '"stage":"[^"]*"\|"sentence":"[^"]*"' \
    | sed 's/"stage":"\(.*\)"/\1/; s/"sentence":"\(.*\)"/\1/' | paste -sd '|' | awk -F'|' '{ printf "%-18s %s\n", $1, $2 }'
done
