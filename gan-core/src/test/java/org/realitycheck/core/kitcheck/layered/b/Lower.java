package org.realitycheck.core.kitcheck.layered.b;

/** Fixture: the lower layer, depending on nothing above it. */
public final class Lower {
}
