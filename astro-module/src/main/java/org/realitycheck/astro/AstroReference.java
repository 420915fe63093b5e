package org.realitycheck.astro;

import java.util.List;

import org.realitycheck.astro.deconv.RichardsonLucy;
import org.realitycheck.astro.deconv.Wiener;
import org.realitycheck.core.ConventionalMethod;
import org.realitycheck.core.ForwardModel;
import org.realitycheck.core.Observable;
import org.realitycheck.core.Reference;

/**
 * What an astro output is judged against ({@link AstroDomain#reference()}): Richardson–Lucy with the
 * data's instrument, stopped by the discrepancy principle ({@link RichardsonLucy#defaults()}), then
 * Wiener; the re-blurring forward model ({@link AstroForwardModel}); the photometric and
 * morphological observables ({@link AstroObservables}).
 */
public final class AstroReference implements Reference {
    /** @return Richardson–Lucy (stopped by the discrepancy principle), the primary method, and Wiener */
    @Override
    public List<ConventionalMethod> conventionalMethods() {
        return List.of(RichardsonLucy.defaults(), Wiener.defaults());
    }

    @Override
    public ForwardModel forwardModel() {
        return new AstroForwardModel();
    }

    @Override
    public List<Observable> observables() {
        return AstroObservables.all();
    }
}
