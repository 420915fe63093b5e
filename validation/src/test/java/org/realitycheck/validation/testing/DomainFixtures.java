package org.realitycheck.validation.testing;

import java.util.Map;

import org.realitycheck.core.Domain;
import org.realitycheck.core.Domains;
import org.realitycheck.core.Generator;

/**
 * The real domains for end-to-end check tests, shared by every test class in the JVM: astro and hep
 * through {@link Domains#byName} wrapped in a {@link CachedDomain}, and their honest models, the
 * conventional method as a generator (Richardson–Lucy memoized per input; the helix fit).
 */
public final class DomainFixtures {
    private static CachedDomain astro;
    private static Generator richardsonLucy;
    private static Domain hep;
    private static Generator helixFit;

    private DomainFixtures() {
    }

    /** @return the astro domain (default configuration), cached */
    public static synchronized Domain astro() {
        if (astro == null) {
            astro = new CachedDomain(Domains.byName("astro"));
        }
        return astro;
    }

    /**
     * @return Richardson–Lucy (30 iterations) as a generator: the conventional estimate of the same input
     *     when the domain has computed it already (the checks run the conventional method first), else
     *     Richardson–Lucy with the instrument estimated from the input; memoized per input
     */
    public static synchronized Generator richardsonLucy() {
        if (richardsonLucy == null) {
            CachedDomain d = (CachedDomain) astro();
            var method = d.reference().conventionalMethod();
            richardsonLucy = TestModels.memoize(TestModels.of(TestModels.card(d, d.probes().emptyInputs(1, 0), Map.of()),
                    (row, rnd) -> d.cachedEstimate(row).orElseGet(
                            () -> method.estimate(new org.realitycheck.core.Sample("row", "sample", row, null, Map.of())))
                            .value()));
        }
        return richardsonLucy;
    }

    /** @return the hep domain (toy detector, default gun), cached */
    public static synchronized Domain hep() {
        if (hep == null) {
            hep = new CachedDomain(Domains.byName("hep"));
        }
        return hep;
    }

    /** @return the helix fit as a generator */
    public static synchronized Generator helixFit() {
        if (helixFit == null) {
            Domain d = hep();
            helixFit = TestModels.conventional(d, TestModels.card(d, d.data().simulate(1, 5, Map.of()), Map.of()));
        }
        return helixFit;
    }
}
