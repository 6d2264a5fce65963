#!/usr/bin/env bash
# The UI in development mode against a local (or remote) API.
#   API_URL=https://api.example web/scripts/dev.sh     # default http://localhost:8080
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules ] || npm ci --no-audit --no-fund
export NEXT_TELEMETRY_DISABLED=1
export NEXT_PUBLIC_API_URL="${NEXT_PUBLIC_API_URL:-${API_URL:-http://localhost:8080}}"
export API_URL="${API_URL:-$NEXT_PUBLIC_API_URL}"
echo "UI on http://localhost:${UI_PORT:-3000} (API: $NEXT_PUBLIC_API_URL)"
exec npx next dev -p "${UI_PORT:-3000}"
