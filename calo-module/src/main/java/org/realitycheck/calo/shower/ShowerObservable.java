package org.realitycheck.calo.shower;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleBiFunction;

import org.realitycheck.calo.sim.Calorimeter;
import org.realitycheck.calo.sim.ShowerSet;
import org.realitycheck.core.Observable;
import org.realitycheck.core.Sample;

/**
 * CaloChallenge's high-level features as observables ({@link ShowerFeatures}): {@code response} (deposited
 * over incident energy), {@code energy_total} (MeV), {@code shower_depth} (X0), and per layer i
 * {@code e_layer<i>} (the layer's energy over the incident energy), {@code cx_layer<i>} and
 * {@code wx_layer<i>} (centre of energy and width in x, mm).
 */
public final class ShowerObservable implements Observable {
    private final String name;
    private final String unit;
    private final Calorimeter calo;
    private final ToDoubleBiFunction<ShowerFeatures, Double> value;

    private ShowerObservable(String name, String unit, Calorimeter calo, ToDoubleBiFunction<ShowerFeatures, Double> value) {
        this.name = name;
        this.unit = unit;
        this.calo = calo;
        this.value = value;
    }

    /** @return every observable of {@code calo}'s showers, in report order */
    public static List<Observable> all(Calorimeter calo) {
        Objects.requireNonNull(calo, "calo");
        List<Observable> out = new ArrayList<>();
        out.add(new ShowerObservable("response", "", calo, (f, e) -> e > 0 ? f.total() / (1000 * e) : Double.NaN));
        out.add(new ShowerObservable("energy_total", "MeV", calo, (f, e) -> f.total()));
        out.add(new ShowerObservable("shower_depth", "X0", calo, (f, e) -> f.depth()));
        for (int l = 0; l < calo.layers(); l++) {
            int layer = l;
            out.add(new ShowerObservable("e_layer" + l, "", calo,
                    (f, e) -> e > 0 ? f.layer()[layer] / (1000 * e) : Double.NaN));
        }
        for (int l = 0; l < calo.layers(); l++) {
            int layer = l;
            out.add(new ShowerObservable("cx_layer" + l, "mm", calo, (f, e) -> f.centreX()[layer]));
        }
        for (int l = 0; l < calo.layers(); l++) {
            int layer = l;
            out.add(new ShowerObservable("wx_layer" + l, "mm", calo, (f, e) -> f.widthX()[layer]));
        }
        return List.copyOf(out);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String unit() {
        return unit;
    }

    @Override
    public double compute(float[] output, Sample sample) {
        return value.applyAsDouble(ShowerFeatures.of(calo, output), ShowerSet.energyGev(sample.condition()));
    }

    @Override
    public String toString() {
        return name;
    }
}
