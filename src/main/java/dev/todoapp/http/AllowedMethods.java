package dev.todoapp.http;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The methods each resource path answers, for the Allow header a 405 must carry (RFC 9110 15.5.6).
 * RESTEasy Reactive knows them but does not put them on its 405; they are read once from the
 * resource classes' JAX-RS annotations (which are registered for reflection).
 */
@ApplicationScoped
public class AllowedMethods {

    private final BeanManager beans;
    private volatile List<PathMethods> paths;

    private record PathMethods(Pattern template, boolean literal, Set<String> methods) {
    }

    public AllowedMethods(BeanManager beans) {
        this.beans = beans;
    }

    /** "GET, HEAD, OPTIONS, PATCH" for a path some resource serves; empty for any other. */
    public Optional<String> of(String path) {
        return routes().stream().filter(route -> route.template().matcher(path).matches()).findFirst()
                .map(route -> String.join(", ", route.methods()));
    }

    /** The methods of a path without templates ("/api/todos/bulk"), if it is one. */
    public Optional<Set<String>> literal(String path) {
        return routes().stream().filter(route -> route.template().matcher(path).matches()).findFirst()
                .filter(PathMethods::literal).map(PathMethods::methods);
    }

    /**
     * RESTEasy Reactive answers OPTIONS itself, with every method of the resource class in Allow;
     * RFC 9110 wants those of the path.
     */
    @ServerResponseFilter
    public void allowOfThePath(ContainerRequestContext request, ContainerResponseContext response) {
        if (HttpMethod.OPTIONS.equals(request.getMethod()) && response.getHeaders().containsKey(HttpHeaders.ALLOW)) {
            of(request.getUriInfo().getPath()).ifPresent(allow -> response.getHeaders().putSingle(HttpHeaders.ALLOW, allow));
        }
    }

    private List<PathMethods> routes() {
        List<PathMethods> known = paths;
        if (known == null) {
            known = scan();
            paths = known;
        }
        return known;
    }

    private List<PathMethods> scan() {
        Map<String, Set<String>> byTemplate = new LinkedHashMap<>();
        for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
            Path base = bean.getBeanClass().getAnnotation(Path.class);
            if (base == null) {
                continue;
            }
            for (Method method : bean.getBeanClass().getDeclaredMethods()) {
                httpMethod(method).ifPresent(verb -> {
                    Path sub = method.getAnnotation(Path.class);
                    String template = join(base.value(), sub == null ? "" : sub.value());
                    Set<String> verbs = byTemplate.computeIfAbsent(template, t -> new TreeSet<>(Set.of("OPTIONS")));
                    verbs.add(verb);
                    if (verb.equals("GET")) {
                        verbs.add("HEAD");
                    }
                });
            }
        }
        List<PathMethods> routes = new ArrayList<>();
        // literal segments before templates, so /api/todos/bulk is not taken for /api/todos/{id}
        byTemplate.entrySet().stream()
                .sorted((a, b) -> Long.compare(a.getKey().chars().filter(c -> c == '{').count(),
                        b.getKey().chars().filter(c -> c == '{').count()))
                .forEach(e -> routes.add(new PathMethods(regex(e.getKey()), !e.getKey().contains("{"), e.getValue())));
        return List.copyOf(routes);
    }

    private static Optional<String> httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return Optional.of(verb.value());
            }
        }
        return Optional.empty();
    }

    private static String join(String base, String sub) {
        String path = ("/" + base + "/" + sub).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** "/api/todos/{id}" matches "/api/todos/<one segment>", with or without a trailing slash. */
    private static Pattern regex(String template) {
        StringBuilder regex = new StringBuilder();
        for (String part : template.split("(?=\\{)|(?<=\\})")) {
            regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
        }
        return Pattern.compile(regex + "/?");
    }
}
