# Sourced, not run: the JVM memory settings of the service, chosen by measurement (bench/README.md,
# "JVM start and memory"). Used by scripts/run-jar.sh and bench/jvm-startup.sh; Dockerfile.jvm
# sets the same in JDK_JAVA_OPTIONS (keep them equal).
#  - heap: 15 % of the memory limit (the container's, or JVM_MAX_RAM for a bare host), ~77 MB in a
#    512 MB container: the live set is small, but the heap grows to whatever maximum it gets under
#    load, while the rest of the RSS (AOT cache, code cache, threads, malloc) is ~190-210 MB.
#    MinRAMPercentage too, or the JVM raises heaps below ~126 MB to that default. Password hashing
#    (19 MiB per Argon2id hash) is bounded to what fits in half of it (PasswordHasher);
#  - Parallel GC: on 2 CPUs the same throughput as Serial GC and, at this heap size, a lower RSS
#    under load; G1 costs more CPU per request and more memory;
#  - TrimNativeHeapInterval: hands memory that glibc keeps after the JIT compiler and Netty freed it
#    back to the OS every 5 s (~12 MB less RSS under load; JDK 17.0.9+ / 21.0.1+ / 25);
#  - exit on OutOfMemoryError, so the orchestrator restarts a clean process.
TODO_JVM_MEMORY_OPTIONS="-XX:+UseParallelGC -XX:MaxRAMPercentage=15 -XX:MinRAMPercentage=15 -XX:TrimNativeHeapInterval=5000 -XX:+ExitOnOutOfMemoryError"
