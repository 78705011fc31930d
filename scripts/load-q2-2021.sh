#!/usr/bin/env bash
# Loads the Q2 2021 picture of the WS2 implementation team's update (28 June 2021) through the
# gateway, each change with the date it took effect (effectiveAt), from scripts/q2-2021.calls.
# Afterwards GET /api/reports/quarterly/2021-Q2 shows the deck's SO/AC lines, flags and engagements,
# and ?asOf=2021-04-01 none of them; and the 2021-Q2 edition, with the deck's own words, is published
# (GET /api/reports/editions/2021-Q2, page /reports/2021-Q2). Run it once, on request, against a stack
# started with ./ws2 start (WS2_GATEWAY=http://host:port for another gateway; WS2_PORT_OFFSET is honoured).
# Needs only bash and curl.
set -euo pipefail
cd "$(dirname "$0")/.."
gateway="${WS2_GATEWAY:-http://localhost:$((8080 + ${WS2_PORT_OFFSET:-0}))}"
calls="${1:-scripts/q2-2021.calls}"
answer=$(mktemp)
trap 'rm -f "$answer"' EXIT
declare -A tokens

token() { [[ -n "${tokens[$1]:-}" ]] || tokens[$1]=$(./ws2 token "$1"); echo "${tokens[$1]}"; }
etag() { curl -s -D - -o /dev/null "$gateway$1" | tr -d '\r' | awk 'tolower($1) == "etag:" { print $2 }'; }
trim() { local s="$1"; s="${s#"${s%%[![:space:]]*}"}"; echo "${s%"${s##*[![:space:]]}"}"; }

count=0
while IFS='|' read -r at role method path body; do
  at=$(trim "$at"); [[ -z "$at" || "$at" == \#* ]] && continue
  role=$(trim "$role"); method=$(trim "$method"); path=$(trim "$path"); body=$(trim "$body")
  if [[ "$method" == AWAIT ]]; then
    # the reports catch up with the calls above from their events: wait until this one shows the text
    for (( waited = 0; ; waited++ )); do
      grep -qF -- "$body" <<< "$(curl -s "$gateway$path")" && break
      if (( waited == 60 )); then echo "$path did not show $body within 60 s" >&2; exit 1; fi
      sleep 1
    done
    continue
  fi
  tok=$(token "$role")
  # A token of the same role works for every call, but the token's read is done once per role.
  if [[ "$path" == /api/engagements && "$method" == POST ]]; then
    # the item's own title, the first in the body (its links have titles too)
    title=$(sed -n 's/^{[^[]*"title":"\([^"]*\)".*/\1/p' <<< "$body")
    if curl -s "$gateway/api/engagements?size=200" | grep -qF "\"title\":\"$title\""; then
      echo "skip  $title (already recorded)"
      continue
    fi
  fi
  # An engagement is dated by its heldOn (the engagement API takes no effectiveAt); a call dated "-" not at all.
  if [[ "$path" == /api/engagements || "$at" == - ]]; then :
  elif [[ "$body" == "{}" ]]; then body="{\"effectiveAt\":\"$at\"}"; else body="{\"effectiveAt\":\"$at\",${body#\{}"; fi
  args=(-s -o "$answer" -w '%{http_code}' -X "$method" "$gateway$path" -H "Authorization: Bearer $tok"
        -H 'Content-Type: application/json' -d "$body")
  # the first PUT of an edition creates it: its parent (the editions list) answers no ETag, so no If-Match
  if [[ "$method" == PUT ]]; then
    tag=$(etag "${path%/*}")
    if [[ -n "$tag" ]]; then args+=(-H "If-Match: $tag"); fi
  fi
  status=$(curl "${args[@]}")
  if [[ "$status" != 2* ]]; then
    echo "$method $path (effective $at) answered $status: $(cat "$answer")" >&2
    exit 1
  fi
  count=$((count + 1))
  printf '%s  %-6s %s\n' "$at" "$method" "$path"
done < "$calls"
echo "Loaded $count changes. The report: $gateway/api/reports/quarterly/2021-Q2?format=html;"
echo "the published edition: $gateway/reports/2021-Q2"
