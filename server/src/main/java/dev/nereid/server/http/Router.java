package dev.nereid.server.http;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Exact, case-sensitive paths to routes. A path registered with {@link #addWithTrailingSlash} also matches "path/". */
public final class Router {
    private final Map<String, Route> routes = new HashMap<>();

    public Router add(String path, Route route) {
        if (routes.putIfAbsent(path, route) != null) {
            throw new IllegalArgumentException("path registered twice: " + path);
        }
        return this;
    }

    public Router addWithTrailingSlash(String path, Route route) {
        return add(path, route).add(path + "/", route);
    }

    public Optional<Route> find(String path) {
        return Optional.ofNullable(routes.get(path));
    }
}
