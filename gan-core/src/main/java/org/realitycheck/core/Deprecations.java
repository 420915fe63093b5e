package org.realitycheck.core;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one wording of a deprecated name, and the library's own warning about it: a program that calls a
 * domain with an old option name ({@code z_max}) gets one SLF4J warning per name and JVM, as a command-line
 * user gets one line on stderr ({@link DomainData#canonicalOptions}). Old names keep working until removed.
 */
public final class Deprecations {
    /** The logger the warnings go to, for configuration and tests. */
    public static final String LOGGER = "org.realitycheck.deprecation";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    private Deprecations() {
    }

    /** @return e.g. {@code option 'z_max' is deprecated and will be removed; use 'z-max'} */
    public static String message(String kind, String old, String canonical) {
        return kind + " '" + old + "' is deprecated and will be removed; use '" + canonical + "'";
    }

    /** Logs {@link #message} once per {@code kind} and old name in this JVM. */
    public static void warnOnce(String kind, String old, String canonical) {
        if (WARNED.add(kind + '\u0000' + old)) {
            LOG.warn(message(kind, old, canonical));
        }
    }
}
