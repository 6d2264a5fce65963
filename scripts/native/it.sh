#!/usr/bin/env bash
# Runs the *IT suite (the one the release job runs) against the native binary link.sh made:
# @QuarkusIntegrationTest starts target/todo-service-<version>-runner for each test class.
# The test classes must be compiled for the native profile: gate.sh's package step does that.
#   scripts/native/it.sh [-Dit.test=TodoApiIT ...]
set -euo pipefail
cd "$(dirname "$0")/../.."
image_name=$(sed -n 's/^-H:Name=//p' target/native-gate/builder-image.txt)
BIN=$PWD/target/$image_name
[ -x "$BIN" ] || { echo "[native-it] no $BIN: run scripts/native/gate.sh and scripts/native/link.sh" >&2; exit 1; }
# what Quarkus writes after a native build; the test launcher reads the artifact type from it
printf '# written by scripts/native/it.sh\npath=%s\ntype=native\n' "$image_name" > target/quarkus-artifact.properties
./mvnw -B -ntp -Dquarkus.native.enabled=true -Dnative.image.path="$BIN" \
  failsafe:integration-test failsafe:verify "$@"
