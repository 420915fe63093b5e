package org.realitycheck.core.kitcheck.cycle.a;

/** Fixture: a package cycle {@code cycle.a → cycle.b → cycle.a} that {@code PackageRulesTest} must catch. */
public final class Alpha {
    public org.realitycheck.core.kitcheck.cycle.b.Beta beta() {
        return new org.realitycheck.core.kitcheck.cycle.b.Beta();
    }
}
