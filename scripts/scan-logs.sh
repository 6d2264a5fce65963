#!/usr/bin/env bash
# Scans every log the test run captured (tests' output and the packaged service's log) for things
# that must never be logged: the test passwords, bearer/JWT tokens, refresh/reset tokens, reset links.
set -euo pipefail
cd "$(dirname "$0")/.."

logs=$(ls target/surefire-reports/*-output.txt target/failsafe-reports/*-output.txt target/quarkus*.log 2>/dev/null || true)
if [ -z "$logs" ]; then
  echo "log scan: no captured logs found (run ./mvnw verify first)"; exit 1
fi
patterns=(
  'correct horse battery staple'   # TestAccounts.PASSWORD
  'a brand new passphrase'         # password-change tests
  'Bearer eyJ'                     # an Authorization header
  'eyJ[A-Za-z0-9_-]{10,}\.eyJ'     # any JWT
  'reset-password\?token='         # a reset link
  '"refreshToken"'                 # a token response body
  '"(password|currentPassword|newPassword)" *: *"'  # a logged request body with a password
  '[Aa]uthorization: *[Bb]earer'   # a logged request header
  '"token" *: *"[A-Za-z0-9_-]{40,}' # a logged reset-token body
  'unsubscribe\?token=[A-Za-z0-9_-]{20,}' # a one-click unsubscribe link (reminder mails)
)
found=0
for p in "${patterns[@]}"; do
  if grep -E -l -- "$p" $logs >/dev/null 2>&1; then
    echo "log scan: FOUND /$p/ in:"; grep -E -l -- "$p" $logs | sed 's/^/  /'
    found=1
  fi
done
count=$(cat $logs | wc -l)
if [ $found -eq 0 ]; then
  echo "log scan: $count log lines, no passwords, tokens or reset links"
fi
exit $found
