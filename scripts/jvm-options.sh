# Sourced, not run: the JVM memory settings of the service, chosen by measurement (bench/README.md,
# "JVM start and memory"). Used by scripts/run-jar.sh and bench/jvm-startup.sh; Dockerfile.jvm
# sets the same in JDK_JAVA_OPTIONS (keep them equal).
#  - heap: half of the memory limit (the container's, or JVM_MAX_RAM for a bare host): the live set
#    is small, the rest is metaspace, code cache, threads and Netty buffers;
#  - Serial GC: no concurrent GC threads or write-barrier overhead on 1-2 CPUs and a small heap;
#  - exit on OutOfMemoryError, so the orchestrator restarts a clean process.
TODO_JVM_MEMORY_OPTIONS="-XX:+UseSerialGC -XX:MaxRAMPercentage=50 -XX:+ExitOnOutOfMemoryError"
