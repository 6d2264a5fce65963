package dev.todoapp.account;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;

import dev.todoapp.account.service.PasswordHasher;
import dev.todoapp.config.ServiceConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The hasher is made on whichever thread first needs it, which can be a Vert.x event loop (the first sign-in):
 * making it must not hash there. It used to hash its decoy in a field initializer, which blocked both event loops
 * for 4 s on a busy machine ("Thread vert.x-eventloop-thread-0 has been blocked", bench/two-instances.sh).
 */
class PasswordHasherStartTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Test
    void makingTheHasherCostsTheCallingThreadFarLessThanOneHash() {
        newHasher(); // class loading and the JIT's first pass are not what is measured
        long oneHash = cpuNanos(PasswordHasherStartTest::argon2idAsTheServiceHashes);

        long making = cpuNanos(PasswordHasherStartTest::newHasher);

        assertTrue(making < oneHash / 4, "making the hasher took " + making / 1_000_000 + " ms of the caller's CPU; one hash "
                + oneHash / 1_000_000 + " ms");
    }

    @Test
    void unknownAccountsAreStillCheckedAgainstTheDecoyAndKnownOnesMatch() {
        PasswordHasher hasher = newHasher();
        assertFalse(hasher.verify("any password at all", null).await().atMost(WAIT), "no account: never a match");
        String stored = hasher.hash("a long enough password 1").await().atMost(WAIT);
        assertTrue(hasher.verify("a long enough password 1", stored).await().atMost(WAIT));
        assertFalse(hasher.verify("another password 1", stored).await().atMost(WAIT));
    }

    private static PasswordHasher newHasher() {
        return new PasswordHasher(new OneThread(), new SimpleMeterRegistry());
    }

    /** The parameters PasswordHasher uses (OWASP's minimum for Argon2id), on the calling thread. */
    private static void argon2idAsTheServiceHashes() {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(19 * 1024).withIterations(2).withParallelism(1).withSalt(new byte[16]).build());
        generator.generateBytes("reference password".getBytes(StandardCharsets.UTF_8), new byte[32]);
    }

    private static long cpuNanos(Runnable work) {
        long before = THREADS.getCurrentThreadCpuTime();
        work.run();
        return THREADS.getCurrentThreadCpuTime() - before;
    }

    private static final class OneThread implements ServiceConfig {
        @Override
        public String environment() {
            return "test";
        }

        @Override
        public List<String> frontendUrls() {
            return List.of("http://localhost:3000");
        }

        @Override
        public Duration requestTimeout() {
            return Duration.ofSeconds(15);
        }

        @Override
        public OptionalInt passwordHashThreads() {
            return OptionalInt.of(1);
        }

        @Override
        public int passwordHashQueue() {
            return 4;
        }
    }
}
