#!/usr/bin/env bash
# Every check of the web UI: lint, typecheck, unit tests, production build and end-to-end tests
# (the e2e runner builds the UI with the test API URL and starts the real backend).
# Last line: "N passed, N failed" — totals over vitest and Playwright. Exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

failed_steps=()
mkdir -p .e2e-reports
rm -f .e2e-reports/*.json

step() {
  local name=$1; shift
  echo "== web: $name"
  if ! "$@"; then failed_steps+=("$name"); fi
}

if [ ! -d node_modules ]; then
  step "install" npm ci --no-audit --no-fund
fi
step "lint" npx eslint . --max-warnings=0
step "typecheck" npx tsc --noEmit
step "unit tests" npx vitest run --reporter=default --reporter=json --outputFile=.e2e-reports/vitest.json
# next build runs inside the e2e runner (NEXT_PUBLIC_API_URL must point at the test backend)
step "build + e2e" node e2e/run.mjs
# after the e2e runner: it builds the backend when needed, which writes target/openapi/openapi.json
step "api types match the OpenAPI" npm run -s check:api

counts=$(node -e '
const fs = require("fs");
let passed = 0, failed = 0;
try {
  const v = JSON.parse(fs.readFileSync(".e2e-reports/vitest.json", "utf8"));
  passed += v.numPassedTests; failed += v.numFailedTests;
} catch { failed += 1; }
try {
  const p = JSON.parse(fs.readFileSync(".e2e/playwright.json", "utf8"));
  passed += (p.stats.expected || 0) + (p.stats.flaky || 0); failed += p.stats.unexpected || 0;
} catch { failed += 1; }
console.log(`${passed} ${failed}`);
')
read -r passed failed <<<"$counts"

if [ ${#failed_steps[@]} -gt 0 ]; then
  echo "== web: failed steps: ${failed_steps[*]}"
  [ "$failed" -eq 0 ] && failed=1
fi
echo "${passed} passed, ${failed} failed"
[ ${#failed_steps[@]} -eq 0 ] && [ "$failed" -eq 0 ]
