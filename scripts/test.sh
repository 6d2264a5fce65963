#!/usr/bin/env bash
# Runs every test of the project: backend unit + API tests on embedded PostgreSQL, the same API
# suite against the packaged jar (*IT), the property-based contract run (schemathesis), the release rehearsal (native build steps, the *IT suite
# in native mode, workflow shellcheck).
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== backend: tests and packaged-jar integration tests"
./mvnw -B -ntp verify

echo "== no secrets in the logs of the whole run"
./scripts/scan-logs.sh

echo "== contract: schemathesis generates requests from /q/openapi against the packaged jar (~2 min)"
./scripts/contract-test.sh

# --- deployment (issue 5): lint Dockerfiles/workflows/YAML; start the packaged jar as production does
echo "== deployment: lint, production start check" && ./scripts/lint-deploy.sh && ./scripts/prod-start-check.sh
echo "== release rehearsal: native build steps (sources only), every *IT in native mode, shellcheck on the workflows" && ./scripts/release-rehearsal.sh

echo "== web UI: lint, typecheck, unit tests, build, end-to-end in Chromium against the packaged backend"
E2E_SKIP_BACKEND_BUILD=1 ./web/scripts/test-all.sh

echo "== native gate: GraalVM's builder through analysis and compilation (scripts/native/README.md)"
nice -n 15 ./scripts/native/gate.sh
