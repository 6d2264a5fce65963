package dev.todoapp.support;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The artifact under test, for the *IT classes that start the service themselves: the native binary
 * in a native run, the jar otherwise. Decided the way @QuarkusIntegrationTest decides, so both kinds
 * of IT always test the same thing: the type is {@code quarkus.test.integration-test-artifact-type}
 * when set, else the one the build wrote to target/quarkus-artifact.properties; the binary is
 * {@code native.image.path} (failsafe passes it), the jar the path the build reported.
 */
public final class PackagedArtifact {

    private static final Path TARGET = Path.of("target");
    private static final Path BUILD_REPORT = TARGET.resolve("quarkus-artifact.properties");

    private PackagedArtifact() {
    }

    public static boolean isNative() {
        return "native".equals(type());
    }

    /** The command that starts the artifact; {@code jvmOptions} apply to the jar only (a native binary has no JVM). */
    public static List<String> command(List<String> jvmOptions) {
        String type = type();
        List<String> command = new ArrayList<>();
        if ("native".equals(type)) {
            Path binary = Path.of(System.getProperty("native.image.path", TARGET.resolve(reportedPath()).toString()));
            require(Files.isExecutable(binary), "the native binary " + binary + " is missing or not executable");
            command.add(binary.toString());
        } else if ("jar".equals(type)) {
            Path jar = TARGET.resolve(reportedPath());
            require(Files.isRegularFile(jar), "the jar " + jar + " is missing; package the service first (mvn verify does)");
            command.add(ProcessHandle.current().info().command().orElse("java"));
            command.addAll(jvmOptions);
            command.addAll(List.of("-jar", jar.toString()));
        } else {
            throw new IllegalStateException("the build produced a '" + type + "' artifact, which these tests cannot start;"
                    + " set quarkus.test.integration-test-artifact-type to native or jar");
        }
        return command;
    }

    private static String type() {
        String override = System.getProperty("quarkus.test.integration-test-artifact-type", "");
        return override.isBlank() ? buildReport().getProperty("type", "") : override;
    }

    private static String reportedPath() {
        return buildReport().getProperty("path", "");
    }

    private static Properties buildReport() {
        require(Files.isRegularFile(BUILD_REPORT), BUILD_REPORT + " is missing; package the service first (mvn verify does)");
        Properties report = new Properties();
        try (Reader reader = Files.newBufferedReader(BUILD_REPORT)) {
            report.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + BUILD_REPORT, e);
        }
        return report;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }
}
