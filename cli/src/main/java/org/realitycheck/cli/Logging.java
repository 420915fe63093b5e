package org.realitycheck.cli;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;

/**
 * Logging for users: realitycheck's own messages only; every library (DL4J/ND4J through SLF4J,
 * nom-tam-fits and others through {@code java.util.logging}) silent, so that an error is the one
 * line the CLI prints, not 25 lines of a library's log before it. Everything with {@code --debug}.
 */
final class Logging {
    private Logging() {
    }

    static void configure(boolean debug) {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(debug ? Level.DEBUG : Level.OFF);
        // a configuration file may give a library's logger a level of its own (a logback-test.xml on a test
        // classpath does: org.nd4j at WARN); every logger below the root inherits it again
        for (Logger l : root.getLoggerContext().getLoggerList()) {
            if (l != root && l.getLevel() != null && !l.getName().startsWith("org.realitycheck")) {
                l.setLevel(null);
            }
        }
        ((Logger) LoggerFactory.getLogger("org.realitycheck")).setLevel(debug ? Level.DEBUG : Level.INFO);
        // ND4J warns about duplicate TensorFlow op mappings on every start; nothing a user can act on
        ((Logger) LoggerFactory.getLogger("org.nd4j.imports")).setLevel(debug ? Level.DEBUG : Level.ERROR);
        // java.util.logging (nom-tam-fits logs a truncated file at length before throwing): off unless debugging
        java.util.logging.Logger jul = java.util.logging.Logger.getLogger("");
        jul.setLevel(debug ? java.util.logging.Level.FINE : java.util.logging.Level.OFF);
        for (java.util.logging.Handler h : jul.getHandlers()) {
            h.setLevel(debug ? java.util.logging.Level.FINE : java.util.logging.Level.OFF);
        }
    }

    /** Warnings only from realitycheck's own loggers too (a command that was asked to be quiet), unless debugging. */
    static void quiet() {
        Logger rc = (Logger) LoggerFactory.getLogger("org.realitycheck");
        if (!rc.isDebugEnabled()) {
            rc.setLevel(Level.WARN);
        }
    }
}
