# Sourced, not run: the JVM memory settings of the service, chosen by measurement (bench/README.md,
# "JVM start and memory"). Used by scripts/run-jar.sh and bench/jvm-startup.sh; Dockerfile.jvm
# sets the same in JDK_JAVA_OPTIONS (keep them equal).
#  - heap: a fifth of the memory limit (the container's, or JVM_MAX_RAM for a bare host), ~100 MB in
#    a 512 MB container: the live set is small, and the heap grows to whatever maximum it gets under
#    load while the rest of the RSS (AOT cache / metaspace, code cache, threads) is ~170 MB.
#    MinRAMPercentage too, or the JVM raises heaps below ~126 MB to that default;
#  - Parallel GC: on 2 CPUs the same throughput as Serial GC and, at this heap size, a lower RSS
#    under load (295-300 MB vs 308-329 MB in 4 runs each); G1 costs more CPU per request;
#  - exit on OutOfMemoryError, so the orchestrator restarts a clean process.
TODO_JVM_MEMORY_OPTIONS="-XX:+UseParallelGC -XX:MaxRAMPercentage=20 -XX:MinRAMPercentage=20 -XX:+ExitOnOutOfMemoryError"
