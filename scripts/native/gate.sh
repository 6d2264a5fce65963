#!/usr/bin/env bash
# The native gate: runs GraalVM's native-image builder on this service through points-to
# analysis, class-initialization checks and compilation of every reachable method (phases 1-7 of
# a native build), and writes the relocatable object the final link would take.
# A change that breaks the native build (missing reflection metadata, build-time initialization,
# unsupported API) fails here with the builder's error and a non-zero exit.
#
# No GraalVM distribution is needed: the builder jars come from Maven Central (builder-pom.xml,
# pinned), run on Temurin 25, and builder-args.py does the job of the unpublished `native-image`
# driver. Prints elapsed time and peak RSS. See scripts/native/README.md.
#
#   scripts/native/gate.sh            build the native sources with Maven, then run the builder
#   SKIP_PACKAGE=1 scripts/native/gate.sh   reuse target/native-sources
# Env: TEMURIN (JDK 25 home), NATIVE_CACHE (default ~/.cache/todo-native), BUILDER_XMX (default 8g)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
HERE=$ROOT/scripts/native
TEMURIN=${TEMURIN:-/usr/lib/jvm/temurin-25-jdk-amd64}
CACHE=${NATIVE_CACHE:-$HOME/.cache/todo-native}
OUT=$ROOT/target/native-gate
log() { echo "[native-gate] $(date +%T) $*"; }

if [ ! -x "$TEMURIN/bin/java" ] || ! "$TEMURIN/bin/java" -version 2>&1 | grep -q '"25\.'; then
  echo "[native-gate] needs a JDK 25 with JVMCI at \$TEMURIN ($TEMURIN): not found" >&2
  exit 1
fi
jdk_version=$(sed -n 's/^JAVA_RUNTIME_VERSION="\(.*\)"/\1/p' "$TEMURIN/release")
graal_version=$(sed -n 's:.*<graalvm.version>\(.*\)</graalvm.version>.*:\1:p' "$HERE/builder-pom.xml")

# 1. The builder jars, pinned in builder-pom.xml; Maven caches them in ~/.m2.
JARS=$CACHE/builder-$graal_version
if [ ! -f "$JARS/svm-$graal_version.jar" ]; then
  log "resolving the native-image builder $graal_version from Maven Central"
  rm -rf "$JARS"
  ./mvnw -B -ntp -q -f "$HERE/builder-pom.xml" dependency:copy-dependencies \
    -DoutputDirectory="$JARS"
fi

# 2. A private JDK: the builder loads lib/svm/builder/lib/libreporterchelper.so from java.home,
#    which only a GraalVM distribution has. Hard links keep the copy cheap; the system JDK stays as it is.
JDK=$CACHE/jdk-$jdk_version
REPORTER=$JDK/lib/svm/builder/lib/libreporterchelper.so
if [ ! -f "$REPORTER" ] || [ "$HERE/csrc/reporterchelper.c" -nt "$REPORTER" ]; then
  log "preparing a private copy of $TEMURIN"
  if [ ! -x "$JDK/bin/java" ]; then
    rm -rf "$JDK.tmp" && mkdir -p "$CACHE"
    cp -al "$TEMURIN" "$JDK.tmp" 2>/dev/null || { rm -rf "$JDK.tmp"; cp -a "$TEMURIN" "$JDK.tmp"; }
    mv "$JDK.tmp" "$JDK"
  fi
  mkdir -p "$(dirname "$REPORTER")"
  gcc -shared -fPIC -O2 -I"$JDK/include" -I"$JDK/include/linux" -o "$REPORTER" "$HERE/csrc/reporterchelper.c"
fi

# 3. The C headers the builder compiles its layout queries against (a distribution's
#    lib/svm/clibraries): the CPU feature structs, generated from the builder's own interfaces so
#    they always match the pinned version, and the locale struct.
CLIB=$CACHE/clibraries-$graal_version
if [ ! -f "$CLIB/include/svm_locale.h" ] || [ "$HERE/csrc/svm_locale.h" -nt "$CLIB/include/svm_locale.h" ]; then
  mkdir -p "$CLIB/include"
  for arch in amd64:AMD64 aarch64:AArch64 riscv64:RISCV64; do
    lower=${arch%%:*} upper=${arch##*:}
    { echo '#include <stdint.h>'
      echo 'typedef struct {'
      "$TEMURIN/bin/javap" -p -cp "$JARS/svm-$graal_version.jar" \
          "com.oracle.svm.core.$lower.${upper}LibCHelper\$CPUFeatures" \
        | grep -oE ' f[A-Za-z0-9_]+\(\)' | tr -d ' ()' | awk '!seen[$0]++ { print "  uint8_t " $0 ";" }'
      echo '} CPUFeatures;'; } > "$CLIB/include/${lower}cpufeatures.h"
  done
  cp "$HERE/csrc/svm_locale.h" "$CLIB/include/svm_locale.h"
fi

# 4. Quarkus writes what it would hand the native-image driver: target/native-sources.
NS=$ROOT/target/native-sources
if [ "${SKIP_PACKAGE:-0}" != 1 ] || [ ! -f "$NS/native-image.args" ]; then
  log "packaging the native sources (quarkus.native.sources-only)"
  ./mvnw -B -ntp -q package -DskipTests -Dquarkus.native.enabled=true -Dquarkus.native.sources-only=true
fi

# 5. Translate the driver options, then run the builder until the object file is written.
rm -rf "$OUT" && mkdir -p "$OUT/tmp"
python3 "$HERE/builder-args.py" "$NS" "$JARS" "$JDK" "$CLIB" "$OUT" "${BUILDER_XMX:-8g}" \
  -H:+ExitAfterRelocatableImageWrite -H:TempDirectory="$OUT/tmp"
log "running the native-image builder $graal_version on JDK $jdk_version (log: $OUT/build.log)"
set +e
(cd "$NS" && USE_NATIVE_IMAGE_JAVA_PLATFORM_MODULE_SYSTEM=true \
  /usr/bin/time -v -o "$OUT/time.txt" \
  "$JDK/bin/java" @"$OUT/builder-jvm.args" --image-args-file="$OUT/builder-image.args") > "$OUT/build.log" 2>&1
rc=$?
set -e
grep -E '^\[[1-8]/8\]|reachable|for reflection|Finished generating|Failed generating|Error:|Caused by' "$OUT/build.log" | head -40 || true
object=$(find "$OUT/tmp" -name '*.o' | head -1)
elapsed=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$OUT/time.txt")
peak_kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$OUT/time.txt")
log "builder: exit $rc, elapsed $elapsed, peak RSS $((${peak_kb:-0} / 1024)) MB"
if [ "$rc" != 0 ] || [ -z "$object" ]; then
  tail -60 "$OUT/build.log" >&2
  log "FAILED: the native build is broken (full log: $OUT/build.log)"
  exit 1
fi
ln -sf "$object" "$OUT/image.o"
log "passed: analysis and compilation, object $OUT/image.o ($(du -h "$object" | cut -f1))"
