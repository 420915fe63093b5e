package org.realitycheck.core;

import java.net.URL;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.WeakHashMap;

/**
 * Finds {@link Domain}s registered through {@link ServiceLoader} (a jar's
 * {@code META-INF/services/org.realitycheck.core.Domain}): the built-in modules and any plug-in jar on the
 * class path. The registry is read once per class loader; two registered domains with one name are an
 * error that names both classes and the jars they came from, never a silent choice.
 *
 * <p>Every call hands out a new instance of the domain, so state a domain keeps between calls (the hep
 * detector of the last load) never leaks from one caller to another.
 */
public final class Domains {
    /** The registry of each thread context class loader (the plug-in loader differs from the application's). */
    private static final Map<ClassLoader, Map<String, ServiceLoader.Provider<Domain>>> REGISTRIES =
            Collections.synchronizedMap(new WeakHashMap<>());

    private Domains() {
    }

    /**
     * @return every registered domain, sorted by name
     * @throws BadInputException when two registered domains have the same name (naming both jars)
     */
    public static List<Domain> all() {
        List<Domain> out = new ArrayList<>();
        registry().values().forEach(p -> out.add(p.get()));
        return out;
    }

    /**
     * @return the names of every registered domain, sorted
     * @throws BadInputException when two registered domains have the same name
     */
    public static List<String> names() {
        return List.copyOf(registry().keySet());
    }

    /**
     * @param name a domain name such as {@code astro}
     * @return the domain
     * @throws BadInputException when no domain has that name (a user's input); the message lists the known
     *     ones; or when two registered domains have the same name
     */
    public static Domain byName(String name) {
        ServiceLoader.Provider<Domain> p = registry().get(name);
        if (p == null) {
            throw new BadInputException("unknown domain '" + name + "'; known domains: "
                    + (names().isEmpty() ? "(none on the classpath)" : String.join(", ", names())));
        }
        return p.get();
    }

    private static Map<String, ServiceLoader.Provider<Domain>> registry() {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        if (cl == null) {
            cl = Domains.class.getClassLoader();
        }
        synchronized (REGISTRIES) {
            Map<String, ServiceLoader.Provider<Domain>> r = REGISTRIES.get(cl);
            if (r == null) {
                r = load(cl);
                REGISTRIES.put(cl, r);
            }
            return r;
        }
    }

    /** Reads the registry once; fails on a duplicate name. */
    static Map<String, ServiceLoader.Provider<Domain>> load(ClassLoader cl) {
        TreeMap<String, ServiceLoader.Provider<Domain>> byName = new TreeMap<>();
        ServiceLoader.load(Domain.class, cl).stream().forEach(p -> {
            String name = p.get().name();
            ServiceLoader.Provider<Domain> prev = byName.putIfAbsent(name, p);
            if (prev != null) {
                throw new BadInputException("two domains are named '" + name + "': " + origin(prev.type()) + " and "
                        + origin(p.type()) + "; remove one of the jars from the class path or the plugins folder");
            }
        });
        return Collections.unmodifiableMap(byName);
    }

    /** @return the class and the jar or folder it was loaded from, e.g. {@code a.B (from /x/plugins/b.jar)} */
    static String origin(Class<?> type) {
        CodeSource cs = type.getProtectionDomain().getCodeSource();
        URL where = cs == null ? null : cs.getLocation();
        return type.getName() + " (from " + (where == null ? "an unknown location" : where.getPath()) + ")";
    }
}
