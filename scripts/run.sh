#!/usr/bin/env bash
# Runs the service with zero setup: embedded PostgreSQL, mail printed to the log, live reload.
set -euo pipefail
cd "$(dirname "$0")/.."
exec ./mvnw -B -ntp quarkus:dev "$@"
