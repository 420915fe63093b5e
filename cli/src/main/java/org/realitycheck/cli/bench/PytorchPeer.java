package org.realitycheck.cli.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.realitycheck.core.nn.GanArchitecture;
import org.realitycheck.core.nn.MlpDiscriminatorSpec;
import org.realitycheck.core.nn.MlpGeneratorSpec;
import org.realitycheck.core.nn.PatchGanSpec;
import org.realitycheck.core.nn.UNetSpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The PyTorch peer, {@code bench/pytorch_reference.py}: given the networks of the {@code *.gan.*} rows (a
 * JSON spec written here from the domains' architectures, so the peer knows no domain either), it builds
 * the same graphs in PyTorch and times the same training step and the generator's inference, reporting
 * under our row names.
 */
public final class PytorchPeer {
    private PytorchPeer() {
    }

    /**
     * The peer's spec for these networks: one entry per domain whose generator and discriminator the peer
     * can mirror (U-Net + PatchGAN, MLP + MLP); others are left out.
     */
    static Map<String, Object> spec(List<BenchSuite.PeerSpec> specs) {
        List<Map<String, Object>> nets = new ArrayList<>();
        for (BenchSuite.PeerSpec s : specs) {
            Optional<Map<String, Object>> g = network(s.architecture().generator());
            Optional<Map<String, Object>> d = network(s.architecture().discriminator());
            if (g.isEmpty() || d.isEmpty()) {
                continue;
            }
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", s.domain());
            e.put("generator", g.get());
            e.put("discriminator", d.get());
            e.put("batch", s.batch());
            e.put("steps", s.steps());
            e.put("l1", s.l1());
            e.put("infer_batches", s.inferBatches());
            nets.add(e);
        }
        return Map.of("networks", nets);
    }

    private static Optional<Map<String, Object>> network(GanArchitecture.Spec spec) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (spec instanceof UNetSpec u) {
            m.put("type", "unet");
            m.put("size", u.size());
            m.put("in", u.channelsIn());
            m.put("out", u.channelsOut());
            m.put("depth", u.depth());
            m.put("base", u.baseFilters());
            m.put("dropout", u.dropout());
            m.put("output", u.output());
        } else if (spec instanceof PatchGanSpec p) {
            m.put("type", "patchgan");
            m.put("size", p.size());
            m.put("in", p.channelsIn());
            m.put("out", p.channelsOut());
            m.put("layers", p.layers());
            m.put("base", p.baseFilters());
        } else if (spec instanceof MlpGeneratorSpec g) {
            m.put("type", "mlp_generator");
            m.put("cond", g.conditionDim());
            m.put("noise", g.noiseDim());
            m.put("out", g.outputDim());
            m.put("hidden", g.hidden());
            m.put("linear_skip", g.linearSkip());
        } else if (spec instanceof MlpDiscriminatorSpec d) {
            m.put("type", "mlp_discriminator");
            m.put("cond", d.conditionDim());
            m.put("out", d.outputDim());
            m.put("hidden", d.hidden());
        } else {
            return Optional.empty();
        }
        return Optional.of(m);
    }

    /**
     * Runs the peer on these networks with {@code reps} timed repetitions.
     *
     * @param python the Python executable with torch
     * @param script {@code bench/pytorch_reference.py}
     * @param err receives the command line
     * @return the peer's JSON: {@code torch}, {@code threads}, and {@code results} keyed by our row names
     * @throws IllegalStateException when the peer fails (e.g. no torch), with the end of its output
     */
    public static JsonNode run(String python, Path script, int reps, List<BenchSuite.PeerSpec> specs,
            Consumer<String> err) throws IOException, InterruptedException {
        Path specFile = Files.createTempFile("realitycheck-torch-spec", ".json");
        Path out = Files.createTempFile("realitycheck-torch", ".json");
        try {
            ObjectMapper json = new ObjectMapper();
            Files.writeString(specFile, json.writeValueAsString(spec(specs)));
            List<String> cmd = List.of(python, script.toString(), "--spec", specFile.toString(), "--json", out.toString(),
                    "--reps", Integer.toString(reps));
            err.accept("bench pytorch: " + String.join(" ", cmd));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            pb.environment().putIfAbsent("OMP_NUM_THREADS", Integer.toString(Runtime.getRuntime().availableProcessors()));
            Process p = pb.start();
            StringBuilder log = new StringBuilder();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String l;
                while ((l = r.readLine()) != null) {
                    log.append(l).append('\n');
                }
            }
            if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
                String tail = log.length() > 400 ? log.substring(log.length() - 400) : log.toString();
                throw new IllegalStateException("the PyTorch peer failed (is python3-torch installed? 'apt-get install -y "
                        + "python3-torch'): " + tail.replace('\n', ' ').trim());
            }
            return json.readTree(out.toFile());
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(specFile);
        }
    }
}
