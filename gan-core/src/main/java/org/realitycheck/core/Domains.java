package org.realitycheck.core;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** Finds {@link Domain}s registered through {@link ServiceLoader}. */
public final class Domains {
    private Domains() {
    }

    /** @return every registered domain, sorted by name */
    public static List<Domain> all() {
        TreeMap<String, Domain> byName = new TreeMap<>();
        for (Domain d : ServiceLoader.load(Domain.class)) {
            byName.putIfAbsent(d.name(), d);
        }
        return new ArrayList<>(byName.values());
    }

    /** @return the names of every registered domain, sorted */
    public static List<String> names() {
        return all().stream().map(Domain::name).toList();
    }

    /**
     * @param name a domain name such as {@code astro}
     * @return the domain
     * @throws BadInputException when no domain has that name (a user's input); the message lists the known ones
     */
    public static Domain byName(String name) {
        for (Domain d : all()) {
            if (d.name().equals(name)) {
                return d;
            }
        }
        throw new BadInputException("unknown domain '" + name + "'; known domains: "
                + (names().isEmpty() ? "(none on the classpath)" : String.join(", ", names())));
    }
}
