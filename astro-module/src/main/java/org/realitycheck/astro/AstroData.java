package org.realitycheck.astro;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.realitycheck.astro.data.AstroDataLoader;
import org.realitycheck.astro.data.AstroDataWriter;
import org.realitycheck.astro.data.RealSkyDegrader;
import org.realitycheck.astro.sim.GalaxySimulator;
import org.realitycheck.astro.sim.SimConfig;
import org.realitycheck.core.DomainData;
import org.realitycheck.core.SampleSet;

/**
 * The astro data source ({@link AstroDomain#data()}): galaxies from the {@link GalaxySimulator}
 * (options: {@link SimConfig#KEYS}), the {@code simulate astro} folder layout (catalog.csv,
 * truth/*.fits, degraded/*.fits) written by {@link AstroDataWriter} and read by
 * {@link AstroDataLoader}, which also reads a scientist's own cut-outs with the instrument from the
 * data or from the data options ({@link AstroDataLoader#OPTION_KEYS}).
 */
public final class AstroData implements DomainData {
    @Override
    public Set<String> simulationOptions() {
        return new LinkedHashSet<>(SimConfig.KEYS);
    }

    @Override
    public Set<String> dataOptions() {
        return new LinkedHashSet<>(AstroDataLoader.OPTION_KEYS);
    }

    /** The snake-case names astro used before every domain's options were kebab-case ({@code z_max}). */
    @Override
    public Map<String, String> deprecatedOptionNames() {
        Map<String, String> m = new LinkedHashMap<>(SimConfig.DEPRECATED);
        m.putAll(AstroDataLoader.DEPRECATED_OPTION_NAMES);
        return m;
    }

    @Override
    public SampleSet simulate(int n, long seed, Map<String, String> options) {
        return new GalaxySimulator(SimConfig.fromOptions(options)).simulate(n, seed);
    }

    /** @param options the instrument where the data does not give it ({@link AstroDataLoader#OPTION_KEYS}) */
    @Override
    public SampleSet load(Path path, Map<String, String> options) {
        return AstroDataLoader.load(path, options);
    }

    /** Writes the {@code simulate astro} layout: catalog.csv, truth/*.fits, degraded/*.fits. */
    @Override
    public void write(SampleSet set, Path folder) throws IOException {
        AstroDataWriter.write(set, folder);
    }

    /**
     * Degrades high-resolution FITS cut-outs the GalaxyGAN way ({@link RealSkyDegrader}; options
     * {@link RealSkyDegrader#KEYS}), writing {@code train/} and {@code held-out/} split by content hash.
     */
    @Override
    public String degradeInto(Path source, Path folder, long seed, Map<String, String> options) throws IOException {
        return RealSkyDegrader.degrade(source, folder, seed, options).describe();
    }
}
