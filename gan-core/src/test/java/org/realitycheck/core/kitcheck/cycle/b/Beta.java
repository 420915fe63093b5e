package org.realitycheck.core.kitcheck.cycle.b;

/** Fixture: closes the cycle back to {@code cycle.a}. */
public final class Beta {
    public int alphaHash(org.realitycheck.core.kitcheck.cycle.a.Alpha alpha) {
        return alpha.hashCode();
    }
}
