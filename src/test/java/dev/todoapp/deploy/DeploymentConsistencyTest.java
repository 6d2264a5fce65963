package dev.todoapp.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The deployment files describe one service: the port the Space routes to, the port the images
 * expose and default to, and the Kubernetes container port agree; every health path is one the
 * service serves; and deploy/README.md documents exactly the environment variables the code reads.
 */
class DeploymentConsistencyTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Path SPACE_CARD = ROOT.resolve("deploy/huggingface/README.md");
    private static final Path DEPLOY_README = ROOT.resolve("deploy/README.md");
    private static final Path K8S_DEPLOYMENT = ROOT.resolve("deploy/kubernetes/base/deployment.yaml");
    private static final Path RELEASE_WORKFLOW = ROOT.resolve(".github/workflows/release.yml");
    private static final List<Path> DOCKERFILES = List.of(
            ROOT.resolve("Dockerfile.native"), ROOT.resolve("Dockerfile.jvm"), ROOT.resolve("deploy/huggingface/Dockerfile"));
    private static final Set<String> HEALTH_PATHS = Set.of("/q/health", "/q/health/live", "/q/health/ready", "/q/health/started");
    private static final String VARIABLES_HEADING = "## Environment variables the service reads";

    @Test
    void spaceCardImagesAndKubernetesAgreeOnThePort() {
        int appPort = Integer.parseInt(single(read(SPACE_CARD), "(?m)^app_port:\\s*(\\d+)\\s*$", "app_port in the Space card"));
        assertTrue(read(SPACE_CARD).matches("(?s)^---\\n.*\\nsdk: docker\\n.*"), "the Space card declares sdk: docker");

        for (Path dockerfile : DOCKERFILES) {
            String text = joinContinuations(read(dockerfile));
            assertEquals(appPort, Integer.parseInt(single(text, "(?m)^EXPOSE\\s+(\\d+)\\s*$", "EXPOSE in " + name(dockerfile))),
                    name(dockerfile) + " exposes the Space's app_port");
            assertEquals(appPort, Integer.parseInt(single(text, "(?m)^ENV\\b.*\\bPORT=(\\d+)", "ENV PORT in " + name(dockerfile))),
                    name(dockerfile) + " defaults PORT to the Space's app_port");
        }

        String k8s = read(K8S_DEPLOYMENT);
        assertEquals(appPort, Integer.parseInt(single(k8s, "- name: http\\s+containerPort:\\s*(\\d+)", "the http containerPort")),
                "the Kubernetes container port is the image's port");
        assertEquals(String.valueOf(appPort), single(k8s, "- name: PORT\\s+value:\\s*\"(\\d+)\"", "PORT in the Deployment"),
                "the Deployment sets PORT to its container port");
    }

    @Test
    void imagesRunAsUid1000WithAHealthCheckOnAServedPath() {
        for (Path dockerfile : DOCKERFILES.subList(0, 2)) {
            String text = joinContinuations(read(dockerfile));
            assertTrue(Pattern.compile("(?m)^USER 1000(:\\d+)?\\s*$").matcher(text).find(), name(dockerfile) + " runs as UID 1000");
            String healthcheck = single(text, "(?m)^HEALTHCHECK .*CMD (\\[.*\\])\\s*$", "HEALTHCHECK in " + name(dockerfile));
            assertTrue(healthcheck.contains("health-probe.sh"), name(dockerfile) + " checks health with health-probe.sh");
            assertTrue(text.contains("src/main/docker/health-probe.sh"), name(dockerfile) + " copies the health probe into the image");
            assertTrue(Pattern.compile("(?m)^ENTRYPOINT \\[").matcher(text).find(),
                    name(dockerfile) + " uses an exec-form ENTRYPOINT so the service gets SIGTERM");
            assertHealthPathsServed(dockerfile, text);
        }
        assertTrue(Files.isRegularFile(ROOT.resolve("src/main/docker/health-probe.sh")), "the health probe exists");
    }

    /** The JVM image runs, and trains its AOT cache, with the memory settings run-jar.sh uses. */
    @Test
    void theJvmImageUsesTheMeasuredMemorySettings() {
        String chosen = single(read(ROOT.resolve("scripts/jvm-options.sh")), "(?m)^TODO_JVM_MEMORY_OPTIONS=\"([^\"]+)\"", "the settings");
        List<String> inImage = new ArrayList<>();
        Matcher m = Pattern.compile("JDK_JAVA_OPTIONS=\"([^\"]+)\"").matcher(joinContinuations(read(ROOT.resolve("Dockerfile.jvm"))));
        while (m.find()) {
            inImage.add(m.group(1));
        }
        assertEquals(List.of("-XX:MaxRAM=512m " + chosen, chosen), inImage, "Dockerfile.jvm: training stage, then runtime");
    }

    @Test
    void kubernetesProbesUseTheMatchingHealthEndpoints() {
        String k8s = read(K8S_DEPLOYMENT);
        assertEquals("/q/health/started", probePath(k8s, "startupProbe"));
        assertEquals("/q/health/live", probePath(k8s, "livenessProbe"));
        assertEquals("/q/health/ready", probePath(k8s, "readinessProbe"));
        assertHealthPathsServed(K8S_DEPLOYMENT, k8s);
    }

    /** Each overlay runs an immutable tag of the kind release.yml pushes for its image: sha-<commit>, -jvm for the JVM one. */
    @Test
    void kubernetesOverlaysPinTheTagsTheReleasePushes() {
        String release = read(RELEASE_WORKFLOW);
        String jvmSuffix = single(release, "(?m)^\\s*suffix=(\\S+)\\s*$", "the JVM image's tag suffix in release.yml");
        assertTrue(release.contains("type=sha,prefix=sha-,format=long"), "release.yml tags images sha-<full commit SHA>");
        String nativeTag = overlayTag("native");
        assertTrue(nativeTag.startsWith("sha-") && !nativeTag.endsWith(jvmSuffix), "the native overlay runs a sha-<commit> tag: " + nativeTag);
        assertEquals(nativeTag + jvmSuffix, overlayTag("jvm"), "the JVM overlay runs the same commit's JVM image");
        assertFalse(Pattern.compile("(?m)^\\s*replicas:").matcher(read(K8S_DEPLOYMENT)).find(), "the HPA owns the replica count");
    }

    private static String overlayTag(String overlay) {
        return single(read(ROOT.resolve("deploy/kubernetes/" + overlay + "/kustomization.yaml")), "(?m)^\\s*newTag:\\s*(\\S+)\\s*$",
                "newTag in the " + overlay + " overlay");
    }

    @Test
    void everyVariableTheServiceReadsIsDocumentedAndEveryDocumentedOneIsRead() {
        Set<String> read = variablesReadByTheService();
        Set<String> documented = documentedVariables();
        assertFalse(read.isEmpty(), "found the variables the service reads");

        Set<String> undocumented = new TreeSet<>(read);
        undocumented.removeAll(documented);
        assertTrue(undocumented.isEmpty(), "read by the service but missing from the table in deploy/README.md: " + undocumented);

        Set<String> unused = new TreeSet<>(documented);
        unused.removeAll(read);
        assertTrue(unused.isEmpty(), "documented in deploy/README.md but read nowhere in src/main: " + unused);
    }

    /** `${NAME` in application.properties, and names passed to env lookups or held in constants in Java. */
    static Set<String> variablesReadByTheService() {
        Set<String> names = new TreeSet<>();
        Pattern property = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");
        Pattern lookup = Pattern.compile(
                "\\b(?:env|apply|getenv|getValue|getOptionalValue|getConfigValue)\\(\\s*\"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)\"");
        Pattern constant = Pattern.compile("static final String \\w+\\s*=\\s*\"([A-Z][A-Z0-9]*_[A-Z0-9_]+)\"");
        for (Path source : files(List.of(ROOT.resolve("src/main"), ROOT.resolve("src/local")))) {
            String name = source.getFileName().toString();
            String text = read(source);
            if (name.endsWith(".properties")) {
                collect(property, text, names);
            } else if (name.endsWith(".java")) {
                collect(lookup, text, names);
                collect(constant, text, names);
            }
        }
        return names;
    }

    /** Every `NAME` in the first column of the table under the variables heading of deploy/README.md. */
    static Set<String> documentedVariables() {
        String text = read(DEPLOY_README);
        int start = text.indexOf(VARIABLES_HEADING);
        assertTrue(start >= 0, "deploy/README.md has the section \"" + VARIABLES_HEADING + "\"");
        int end = text.indexOf("\n## ", start + VARIABLES_HEADING.length());
        String section = text.substring(start, end < 0 ? text.length() : end);
        Set<String> names = new TreeSet<>();
        Pattern name = Pattern.compile("`([A-Z][A-Z0-9_]*)`");
        for (String line : section.split("\n")) {
            if (line.startsWith("| `")) {
                collect(name, line.split("\\|")[1], names);
            }
        }
        return names;
    }

    private static void assertHealthPathsServed(Path file, String text) {
        Matcher m = Pattern.compile("/q/health[a-z/]*").matcher(text);
        int found = 0;
        while (m.find()) {
            found++;
            assertTrue(HEALTH_PATHS.contains(m.group()), name(file) + " uses " + m.group() + ", which the service does not serve");
        }
        assertTrue(found > 0, name(file) + " checks a /q/health endpoint");
    }

    private static String probePath(String deployment, String probe) {
        return single(deployment, probe + ":\\s*\\n\\s*httpGet:\\s*\\n\\s*path:\\s*(\\S+)", probe);
    }

    private static String joinContinuations(String dockerfile) {
        return dockerfile.replaceAll("\\\\\\n\\s*", " ");
    }

    private static String single(String text, String regex, String what) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            fail("not found: " + what);
        }
        String value = m.group(1);
        while (m.find()) {
            assertEquals(value, m.group(1), "every " + what + " agrees");
        }
        return value;
    }

    private static void collect(Pattern pattern, String text, Set<String> into) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            into.add(m.group(1));
        }
    }

    private static List<Path> files(List<Path> roots) {
        List<Path> all = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile).forEach(all::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return all;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String name(Path file) {
        return ROOT.relativize(file).toString();
    }
}
