package org.realitycheck.core.kitcheck.layered.a;

/** Fixture: {@code layered.a → layered.b} only, which {@code PackageRulesTest} must accept. */
public final class Upper {
    public org.realitycheck.core.kitcheck.layered.b.Lower lower() {
        return new org.realitycheck.core.kitcheck.layered.b.Lower();
    }
}
