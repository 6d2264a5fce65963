#!/usr/bin/env bash
# Links the object the native gate wrote (target/native-gate/image.o) into an executable, as
# native-image would on Linux (its CCLinkerInvocation: -z noexecstack -z text --gc-sections
# --export-dynamic), with two stand-ins for what only a GraalVM
# distribution ships:
#   - the JDK's JNI libraries: Temurin 25's own shared ones (libjava, libnio, libnet, libzip,
#     libextnet, libmanagement_ext), copied next to the binary, instead of static ones;
#   - GraalVM's C helpers and its libjvm: csrc/svm-support.c and csrc/jvm-functions.c.
# Output: target/todo-service-<version>-runner (the path the *IT suite's native.image.path
# expects) and target/native-lib/. Run scripts/native/gate.sh first. See scripts/native/README.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
HERE=$ROOT/scripts/native
TEMURIN=${TEMURIN:-/usr/lib/jvm/temurin-25-jdk-amd64}
CACHE=${NATIVE_CACHE:-$HOME/.cache/todo-native}
GATE=$ROOT/target/native-gate
OBJECT=$GATE/image.o
log() { echo "[native-link] $(date +%T) $*"; }

[ -e "$OBJECT" ] || { echo "[native-link] no $OBJECT: run scripts/native/gate.sh first" >&2; exit 1; }
graal_version=$(sed -n 's:.*<graalvm.version>\(.*\)</graalvm.version>.*:\1:p' "$HERE/builder-pom.xml")
CLIB=$CACHE/clibraries-$graal_version
image_name=$(sed -n 's/^-H:Name=//p' "$GATE/builder-image.txt")
LIB=$ROOT/target/native-lib
BUILD=$GATE/link
rm -rf "$LIB" "$BUILD" && mkdir -p "$LIB" "$BUILD"
JDK_LIBS=(java nio net zip extnet management_ext)
includes=(-I"$TEMURIN/include" -I"$TEMURIN/include/linux" -I"$CLIB/include")

# 1. The JDK's JNI libraries, found through the binary's rpath ($ORIGIN/native-lib).
for l in "${JDK_LIBS[@]}"; do cp "$TEMURIN/lib/lib$l.so" "$LIB/"; done

# 2. Our libjvm.so: the JVM_* functions those libraries call, plus a stub that names itself and
#    aborts for each one they refer to but a native image never calls (they bind at load time).
gcc -O2 -fPIC "${includes[@]}" -c -o "$BUILD/jvm-functions.o" "$HERE/csrc/jvm-functions.c"
nm --defined-only "$BUILD/jvm-functions.o" | awk '$2 == "T" { print $3 }' | sort > "$BUILD/implemented.txt"
for l in "${JDK_LIBS[@]}"; do nm -D --undefined-only "$LIB/lib$l.so"; done \
  | awk '{ print $2 }' | grep -E '^(JVM_|jio_).*@SUNWprivate' | sed 's/@.*//' | sort -u > "$BUILD/referenced.txt"
comm -23 "$BUILD/referenced.txt" "$BUILD/implemented.txt" \
  | awk '{ printf "void %s(void) { fputs(\"native image: %s is not implemented\\n\", stderr); abort(); }\n", $1, $1 }' \
  | { echo '#include <stdio.h>'; echo '#include <stdlib.h>'; cat; } > "$BUILD/jvm-stubs.c"
printf 'SUNWprivate_1.1 { global: JVM_*; jio_*; local: *; };\n' > "$BUILD/jvm.map"
gcc -shared -fPIC -O2 -Wl,-soname,libjvm.so -Wl,--version-script,"$BUILD/jvm.map" -o "$LIB/libjvm.so" \
  "$BUILD/jvm-functions.o" "$BUILD/jvm-stubs.c"
log "libjvm.so: $(wc -l < "$BUILD/implemented.txt") JVM functions implemented, $(grep -c '^void' "$BUILD/jvm-stubs.c") stubbed"

# 3. GraalVM's C helpers, linked statically as libchelper/libsvm_container are.
gcc -O2 -fPIC "${includes[@]}" -c -o "$BUILD/svm-support.o" "$HERE/csrc/svm-support.c"
ar rcs "$BUILD/libsvmsupport.a" "$BUILD/svm-support.o"

# 4. The link. native-image also passes a version script naming the image's exported symbols; the
#    object's only global symbols are those (main, graal_*, JNI_CreateJavaVM, __svm_*), so
#    --export-dynamic alone exports the same.
OUT=$ROOT/target/$image_name
# shellcheck disable=SC2016 # $ORIGIN is for the dynamic linker
gcc -z noexecstack -z text -Wl,--gc-sections -Wl,--export-dynamic \
  -o "$OUT" "$OBJECT" "$BUILD/libsvmsupport.a" \
  -L"$LIB" -Wl,-rpath,'$ORIGIN/native-lib' -ljvm "${JDK_LIBS[@]/#/-l}" -ldl -lpthread -lrt -lm
log "linked $OUT ($(du -h "$OUT" | cut -f1))"
