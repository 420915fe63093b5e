package org.realitycheck.cli;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;

/** Quiet logging for users (warnings only), everything with {@code --debug}. */
final class Logging {
    private Logging() {
    }

    static void configure(boolean debug) {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(debug ? Level.DEBUG : Level.WARN);
        ((Logger) LoggerFactory.getLogger("org.realitycheck")).setLevel(debug ? Level.DEBUG : Level.INFO);
        // ND4J warns about duplicate TensorFlow op mappings on every start; nothing a user can act on
        ((Logger) LoggerFactory.getLogger("org.nd4j.imports")).setLevel(debug ? Level.DEBUG : Level.ERROR);
    }

    /** Warnings only from realitycheck's own loggers too (a command that was asked to be quiet), unless debugging. */
    static void quiet() {
        Logger rc = (Logger) LoggerFactory.getLogger("org.realitycheck");
        if (!rc.isDebugEnabled()) {
            rc.setLevel(Level.WARN);
        }
    }
}
