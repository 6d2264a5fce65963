# Sourced, not run: the JVM memory settings of the service, chosen by measurement (bench/README.md,
# "JVM start and memory"). Used by scripts/run-jar.sh and bench/jvm-startup.sh; Dockerfile.jvm
# sets the same in JDK_JAVA_OPTIONS (keep them equal).
#  - heap: a fifth of the memory limit (the container's, or JVM_MAX_RAM for a bare host), ~100 MB in
#    a 512 MB container: the live set is small, and the heap grows to whatever maximum it gets under
#    load while the rest of the RSS (AOT cache / metaspace, code cache, threads) is ~170 MB.
#    MinRAMPercentage too, or the JVM raises heaps below ~126 MB to that default;
#  - Serial GC: no concurrent GC threads or write-barrier overhead on 1-2 CPUs and a small heap;
#  - exit on OutOfMemoryError, so the orchestrator restarts a clean process.
TODO_JVM_MEMORY_OPTIONS="-XX:+UseSerialGC -XX:MaxRAMPercentage=20 -XX:MinRAMPercentage=20 -XX:+ExitOnOutOfMemoryError"
