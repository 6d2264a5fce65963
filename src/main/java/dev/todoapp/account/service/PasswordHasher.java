package dev.todoapp.account.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

import dev.todoapp.common.DomainException;
import dev.todoapp.common.ErrorCode;
import dev.todoapp.config.ServiceConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Argon2id (OWASP's minimum: 19 MiB, 2 passes, 1 lane) in PHC string form. Hashing is deliberately
 * slow and memory-hungry, so it runs on its own small pool, never on the event loop: one thread per
 * CPU by default (fewer if the heap is small) and a bounded queue. Unbounded, a burst of 40 sign-ins
 * would need 760 MB of heap at once and kill a service sized for a 512 MB container; bounded, the
 * burst waits or gets a 503.
 */
@Startup
@ApplicationScoped
public class PasswordHasher {

    private static final int MEMORY_KIB = 19 * 1024;
    private static final int ITERATIONS = 2;
    private static final int PARALLELISM = 1;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final SecureRandom random = new SecureRandom();
    private final ThreadPoolExecutor pool;
    /**
     * Verified against for unknown accounts, so they cost the same time as known ones. Hashed as the pool's
     * first task, not in the constructor: the bean used to be made by the first sign-in, on the event loop,
     * which a hash blocks for seconds on a busy machine. Every later task starts after it, so waiting is safe.
     */
    private final Future<String> decoy;

    private final Counter refusals;

    public PasswordHasher(ServiceConfig config, MeterRegistry metrics) {
        int threads = config.passwordHashThreads().orElseGet(PasswordHasher::defaultThreads);
        AtomicInteger counter = new AtomicInteger();
        pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(Math.max(1, config.passwordHashQueue())), work -> {
                    Thread thread = new Thread(work, "password-hash-" + counter.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        Gauge.builder("password.hash.queue.depth", pool, p -> p.getQueue().size())
                .description("Password checks waiting for a hashing thread").register(metrics);
        Gauge.builder("password.hash.active", pool, ThreadPoolExecutor::getActiveCount)
                .description("Password hashes running now").register(metrics);
        refusals = Counter.builder("password.hash.refusals")
                .description("Sign-ins, sign-ups and password changes refused with 503: the hashing queue was full").register(metrics);
        decoy = pool.submit(() -> hashNow("decoy password that never matches"));
    }

    /**
     * One thread per CPU, but no more than half the heap can hold: a 512 MB container with 8 CPUs
     * gets a ~100 MB heap, too small for 8 hashes at once.
     */
    static int defaultThreads() {
        long fitInHalfTheHeap = Runtime.getRuntime().maxMemory() / 2 / (MEMORY_KIB * 1024L);
        return (int) Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), fitInHalfTheHeap));
    }

    @PreDestroy
    void shutdown() {
        pool.shutdown();
    }

    public Uni<String> hash(String password) {
        return offload(() -> hashNow(password));
    }

    /** Checks {@code password} against {@code encoded}; with a null hash it burns the same time and fails. */
    public Uni<Boolean> verify(String password, String encoded) {
        return offload(() -> verifyNow(password, encoded == null ? decoy() : encoded) && encoded != null);
    }

    private String decoy() {
        try {
            return decoy.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the decoy hash was made", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("The decoy hash failed", e.getCause());
        }
    }

    /**
     * Runs {@code work} on the hashing pool and comes back on the caller's Vert.x context, where
     * Hibernate Reactive sessions must be used. A full queue fails fast with a 503.
     */
    private <T> Uni<T> offload(Supplier<T> work) {
        return Uni.createFrom().deferred(() -> {
            Context context = Vertx.currentContext();
            Uni<T> result = Uni.createFrom().emitter(emitter -> {
                try {
                    pool.execute(() -> {
                        try {
                            emitter.complete(work.get());
                        } catch (RuntimeException | Error e) {
                            emitter.fail(e);
                        }
                    });
                } catch (RejectedExecutionException e) {
                    refusals.increment();
                    emitter.fail(busy());
                }
            });
            return context == null ? result : result.emitOn(task -> context.runOnContext(ignored -> task.run()));
        });
    }

    private static DomainException busy() {
        return DomainException.retryAfter(ErrorCode.SERVICE_BUSY, "Too many sign-ins at once; try again in a moment", 1);
    }

    private String hashNow(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(password, salt, MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES);
        return "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + PARALLELISM + "$"
                + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    private static boolean verifyNow(String password, String encoded) {
        String[] parts = encoded.split("\\$");
        if (parts.length != 6 || !parts[1].equals("argon2id")) {
            return false;
        }
        int memory = 0;
        int iterations = 0;
        int parallelism = 0;
        for (String setting : parts[3].split(",")) {
            String[] kv = setting.split("=");
            int value = Integer.parseInt(kv[1]);
            switch (kv[0]) {
                case "m" -> memory = value;
                case "t" -> iterations = value;
                case "p" -> parallelism = value;
                default -> {
                    return false;
                }
            }
        }
        byte[] salt = B64D.decode(parts[4]);
        byte[] expected = B64D.decode(parts[5]);
        byte[] actual = derive(password, salt, memory, iterations, parallelism, expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    private static byte[] derive(String password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[length];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
