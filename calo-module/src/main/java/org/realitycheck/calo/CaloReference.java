package org.realitycheck.calo;

import java.util.List;
import java.util.Objects;

import org.realitycheck.calo.shower.EnergyConservation;
import org.realitycheck.calo.shower.ShowerObservable;
import org.realitycheck.core.ConventionalMethod;
import org.realitycheck.core.ForwardModel;
import org.realitycheck.core.Observable;
import org.realitycheck.core.Reference;

/**
 * What a calo output is judged against ({@link CaloDomain#reference()}): the toy full simulation
 * ({@link FullSimulation}, an independent shower per photon), energy conservation
 * ({@link EnergyConservation}) and CaloChallenge's high-level features ({@link ShowerObservable}).
 */
public final class CaloReference implements Reference {
    private final CaloDomain domain;
    private final ForwardModel forward;
    private final List<Observable> observables;

    CaloReference(CaloDomain domain) {
        this.domain = Objects.requireNonNull(domain, "domain");
        this.forward = new EnergyConservation(domain.calorimeter());
        this.observables = ShowerObservable.all(domain.calorimeter());
    }

    @Override
    public List<ConventionalMethod> conventionalMethods() {
        return List.of(domain.fullSimulation());
    }

    @Override
    public ForwardModel forwardModel() {
        return forward;
    }

    @Override
    public List<Observable> observables() {
        return observables;
    }
}
