#!/usr/bin/env bash
# Loads the Q2 2021 picture of the WS2 implementation team's update (28 June 2021) through the
# gateway, each change with the date it took effect (effectiveAt), from scripts/q2-2021.calls.
# Afterwards GET /api/reports/quarterly/2021-Q2 shows the deck's SO/AC lines, flags and engagements,
# and ?asOf=2021-04-01 none of them. Run it once, on request, against a stack started with
# ./ws2 start (WS2_GATEWAY=http://host:port for another gateway; WS2_PORT_OFFSET is honoured).
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
  # An engagement is dated by its heldOn (the engagement API takes no effectiveAt).
  if [[ "$path" == /api/engagements ]]; then :
  elif [[ "$body" == "{}" ]]; then body="{\"effectiveAt\":\"$at\"}"; else body="{\"effectiveAt\":\"$at\",${body#\{}"; fi
  args=(-s -o "$answer" -w '%{http_code}' -X "$method" "$gateway$path" -H "Authorization: Bearer $tok"
        -H 'Content-Type: application/json' -d "$body")
  [[ "$method" == PUT ]] && args+=(-H "If-Match: $(etag "${path%/*}")")
  status=$(curl "${args[@]}")
  if [[ "$status" != 2* ]]; then
    echo "$method $path (effective $at) answered $status: $(cat "$answer")" >&2
    exit 1
  fi
  count=$((count + 1))
  printf '%s  %-6s %s\n' "$at" "$method" "$path"
done < "$calls"
echo "Loaded $count changes. The report: $gateway/api/reports/quarterly/2021-Q2?format=html"
