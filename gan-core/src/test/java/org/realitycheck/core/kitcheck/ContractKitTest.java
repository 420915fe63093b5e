package org.realitycheck.core.kitcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * A test of the test kit: run on {@link BrokenDomain}, which breaks every contract once, each
 * contract test must fail; run on the correct {@link ToyDomain}, none may.
 */
class ContractKitTest {
    private static Events run(Class<?> kitRun) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(kitRun)).execute().testEvents();
    }

    private static TreeSet<String> names(Events events) {
        TreeSet<String> out = new TreeSet<>();
        for (Event e : events.list()) {
            e.getTestDescriptor().getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                    .ifPresent(m -> out.add(m.getClassName().replaceAll(".*[.$]", "") + "." + m.getMethodName()));
        }
        return out;
    }

    @Test
    void theBrokenDomainFailsEveryContractItBreaks() {
        Events events = run(BrokenDomainKitRun.class);
        assertThat(names(events.failed())).containsExactlyInAnyOrderElementsOf(List.of(
                "BrokenDomainKitRun.isRegisteredUnderALowerCaseName",
                "BrokenDomainKitRun.theSameSeedGivesTheSameSha256",
                "BrokenDomainKitRun.everySetHasTheDomainsOneConditionShapeAndOneTargetShape",
                "BrokenDomainKitRun.everySweepableCovariateIsSweptOverTheAskedRange",
                "BrokenDomainKitRun.unknownOptionsAreRejectedListingTheKnownOnes",
                "BrokenDomainKitRun.writeThenLoadGivesTheSameSamples",
                "BrokenDomainKitRun.simulateIntoThenLoadGivesTheSimulatedSamples",
                "BrokenDomainKitRun.theConventionalMethodsHaveDistinctNamesThePrimaryFirst",
                "BrokenDomainKitRun.theRecoveryTolerancesAreNamed",
                "BrokenDomainKitRun.theTrainingSetHasTargetsAndRejectsUnknownOptions",
                "BrokenDomainKitRun.theTruthExplainsTheMeasurement",
                "BrokenDomainKitRun.everyInjectionIsRecoveredByItsTruth",
                "BrokenDomainKitRun.aBlankOutputOnAnEmptyInputDetectsNothing",
                "BrokenDomainKitRun.theDefaultPolicyIsYamlForThisDomain",
                "BrokenDomainKitRun.theDefaultArchitectureAcceptsTheTrainingSet",
                "ItsConventionalMethod.hasAShortNameForReports",
                "ItsConventionalMethod.parallelEstimateAllEqualsSequential",
                "ItsConventionalMethod.usesTheConditionNotTheTruth",
                "ItsObservables.namesAreUniqueStableIdsWithAUnit",
                "ItsObservables.theTruthHasAValueForMostSamplesComputedWithoutSideEffects"));
    }

    @Test
    void theCorrectToyDomainPassesEveryContract() {
        Events events = run(ToyDomainContractTest.class);
        assertThat(names(events.failed())).isEmpty();
        assertThat(events.succeeded().count()).isGreaterThanOrEqualTo(22);
    }
}
