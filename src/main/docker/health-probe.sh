#!/bin/bash
# Container health probe for images without curl or wget (the Quarkus micro image has bash and
# coreutils only): a plain HTTP/1.0 GET over bash's /dev/tcp, using builtins alone.
# Usage: health-probe.sh [path]   (default /q/health/live). Exit 0 only when the answer is 200.
set -u
path="${1:-/q/health/live}"
{ exec 3<>"/dev/tcp/127.0.0.1/${PORT:-8080}"; } 2>/dev/null || exit 1
printf 'GET %s HTTP/1.0\r\nHost: localhost\r\nConnection: close\r\n\r\n' "$path" >&3
IFS= read -r -t 5 status <&3 || exit 1
exec 3<&-
[[ "$status" == HTTP/1.[01]" 200 "* ]]
