package org.realitycheck.validation;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.realitycheck.core.Domain;
import org.realitycheck.core.Domains;

import static org.assertj.core.api.Assertions.assertThat;

/** Every registered domain's default policy parses against the registered checks and names all six. */
class DefaultPoliciesTest {
    @Test
    void theSixChecksAreRegisteredInReportOrder() {
        assertThat(Suite.checks().stream().map(Check::id).toList()).startsWith(Suite.BUILT_IN.toArray(String[]::new));
    }

    @Test
    void everyDefaultPolicyParsesAndEnablesEveryBuiltInCheck() {
        List<Check> checks = Suite.checks();
        // every domain on the classpath, so a new one is held to this too (gan-core's contract kit checks
        // only that the policy is YAML for the domain: the parser and the checks live here)
        assertThat(Domains.names()).contains("astro", "hep");
        for (Domain d : Domains.all()) {
            String name = d.name();
            Policy p = PolicyParser.defaults(d, checks);
            assertThat(p.checks().keySet()).as(name).containsAll(Suite.BUILT_IN);
            assertThat(p.checks().values()).as(name).allSatisfy(c -> assertThat(c.enabled()).isTrue());
            assertThat(p.checks().values().stream().mapToInt(c -> c.thresholds().size()).sum()).as(name).isGreaterThan(10);
        }
    }
}
