package org.realitycheck.hep;

import java.util.List;
import java.util.Objects;

import org.realitycheck.core.ConventionalMethod;
import org.realitycheck.core.ForwardModel;
import org.realitycheck.core.Observable;
import org.realitycheck.core.Reference;
import org.realitycheck.hep.fit.HelixFitMethod;
import org.realitycheck.hep.fit.TrackForwardModel;
import org.realitycheck.hep.observables.TrackObservable;

/**
 * What a hep output is judged against ({@link HepDomain#reference()}), in the domain's current detector:
 * the Karimäki helix fit ({@link HelixFitMethod}), the forward model that re-projects track parameters
 * onto the layers ({@link TrackForwardModel}), and the five track parameters as observables
 * ({@link TrackObservable}).
 */
public final class HepReference implements Reference {
    private final HepDomain domain;

    HepReference(HepDomain domain) {
        this.domain = Objects.requireNonNull(domain, "domain");
    }

    /** @return the helix fit of the current detector, the only method */
    @Override
    public List<ConventionalMethod> conventionalMethods() {
        return List.of(domain.setup().fit());
    }

    @Override
    public ConventionalMethod conventionalMethod() {
        return domain.setup().fit();
    }

    @Override
    public ForwardModel forwardModel() {
        return domain.setup().forward();
    }

    @Override
    public List<Observable> observables() {
        return TrackObservable.all();
    }
}
