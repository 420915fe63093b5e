package org.realitycheck.cli.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.realitycheck.core.Provenance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The bench results as a table for people and JSON for machines: each measurement with its median,
 * range, target, achieved GFLOP/s and fraction of the CPU's fp32 peak, the PyTorch peer's median
 * on the same work and the DL4J/PyTorch ratio, then peak memory and provenance.
 */
public final class BenchReport {
    /** Our benchmark id → the PyTorch peer's JSON field (a number or a map of batch → numbers). */
    private static final Map<String, String> PEERS = Map.of(
            "astro.gan.train", "astro_train_images_per_s",
            "astro.gan.infer", "astro_infer_images_per_s",
            "hep.gan.train", "hep_train_tracks_per_s",
            "hep.gan.infer", "hep_infer_tracks_per_s");

    private final List<Row> rows;
    private final double peak;
    private final double rssMiB;
    private final JsonNode torch;
    private List<OpProfile> profiles = List.of();

    /**
     * @param m the measurement
     * @param peer PyTorch's median on the same work, or NaN
     */
    public record Row(Measurement m, double peer) {
        /** @return DL4J / PyTorch, or NaN */
        public double ratio() {
            return m.median() / peer;
        }
    }

    private BenchReport(List<Row> rows, double peak, double rssMiB, JsonNode torch) {
        this.rows = rows;
        this.peak = peak;
        this.rssMiB = rssMiB;
        this.torch = torch;
    }

    /**
     * @param results our measurements
     * @param torch the PyTorch peer's JSON, or null when it was not run
     */
    public static BenchReport of(List<Measurement> results, JsonNode torch) {
        List<Row> rows = new ArrayList<>();
        for (Measurement m : results) {
            rows.add(new Row(m, peerMedian(torch, PEERS.get(m.name()))));
        }
        return new BenchReport(rows, Hardware.peakGflops(), Hardware.peakRssMiB(), torch);
    }

    /** @return this report with op profiles ({@code bench --profile-ops}), which go into the JSON too */
    public BenchReport withProfiles(List<OpProfile> ops) {
        this.profiles = List.copyOf(ops);
        return this;
    }

    /** The peer's median; for batch sweeps the best batch's median. */
    static double peerMedian(JsonNode torch, String field) {
        if (torch == null || field == null || !torch.has(field)) {
            return Double.NaN;
        }
        JsonNode n = torch.get(field);
        if (n.has("median")) {
            return n.get("median").asDouble();
        }
        double best = Double.NaN;
        for (JsonNode b : n) {
            double v = b.get("median").asDouble();
            if (Double.isNaN(best) || v > best) {
                best = v;
            }
        }
        return best;
    }

    public List<Row> rows() {
        return rows;
    }

    /** @return the table printed by {@code realitycheck bench} */
    public String table() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-22s %14s %-11s %21s %12s %7s %8s %6s %12s %7s  %s%n", "benchmark", "median", "unit",
                "range", "target", "", "GFLOP/s", "%peak", "pytorch", "ratio", "detail"));
        for (Row r : rows) {
            Measurement m = r.m();
            sb.append(String.format("%-22s %14s %-11s %21s %12s %7s %8s %6s %12s %7s  %s%n", m.name(), num(m.median()),
                    m.unit(), num(m.min()) + "–" + num(m.max()), Double.isNaN(m.target()) ? "" : ">= " + num(m.target()),
                    m.verdict(), Double.isNaN(m.gflops()) ? "" : String.format("%.1f", m.gflops()),
                    Double.isNaN(m.gflops()) || Double.isNaN(peak) ? "" : String.format("%.1f%%", 100 * m.gflops() / peak),
                    num(r.peer()), Double.isNaN(r.ratio()) ? "" : String.format("%.2f", r.ratio()), m.detail()));
        }
        sb.append(String.format("CPU: %d cores at %.2f GHz, fp32 peak %.0f GFLOP/s (32 FLOP/cycle/core, AVX2+FMA); "
                + "peak RSS %.0f MiB; OMP_NUM_THREADS=%s%n", Hardware.cores(), Hardware.clockGhz(), peak, rssMiB,
                System.getenv().getOrDefault("OMP_NUM_THREADS", "unset")));
        if (torch != null) {
            sb.append("PyTorch ").append(torch.path("torch").asText()).append(" (ratio = DL4J / PyTorch, medians)\n");
        }
        return sb.toString();
    }

    private static String num(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        return v >= 100 ? String.format("%,.0f", v) : String.format("%.1f", v);
    }

    /** @return the results as pretty JSON */
    public String json() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("provenance", Provenance.current());
        root.put("omp_num_threads", System.getenv().getOrDefault("OMP_NUM_THREADS", "unset"));
        root.put("cpu_clock_ghz", Hardware.clockGhz());
        root.put("cpu_peak_gflops", peak);
        root.put("peak_rss_mib", rssMiB);
        List<Map<String, Object>> list = new ArrayList<>();
        for (Row r : rows) {
            Measurement m = r.m();
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", m.name());
            e.put("unit", m.unit());
            e.put("median", m.median());
            e.put("min", m.min());
            e.put("max", m.max());
            e.put("reps", m.reps());
            e.put("target", Double.isNaN(m.target()) ? null : m.target());
            e.put("target_met", m.verdict().isEmpty() ? null : m.verdict().equals("met"));
            e.put("detail", m.detail());
            e.put("gflops", Double.isNaN(m.gflops()) ? null : m.gflops());
            e.put("pytorch_median", Double.isNaN(r.peer()) ? null : r.peer());
            e.put("ratio_vs_pytorch", Double.isNaN(r.ratio()) ? null : r.ratio());
            list.add(e);
        }
        root.put("results", list);
        if (!profiles.isEmpty()) {
            List<Map<String, Object>> ps = new ArrayList<>();
            for (OpProfile p : profiles) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("benchmark", p.name());
                e.put("steps", p.steps());
                e.put("ms_per_step", p.msPerStep());
                e.put("inside_ops_share", p.insideShare());
                List<Map<String, Object>> ops = new ArrayList<>();
                for (OpProfile.Op op : p.ops()) {
                    Map<String, Object> o = new LinkedHashMap<>();
                    o.put("op", op.name());
                    o.put("ms_per_step", op.msPerStep());
                    o.put("share", op.share());
                    o.put("calls_per_step", op.callsPerStep());
                    ops.add(o);
                }
                e.put("ops", ops);
                ps.add(e);
            }
            root.put("op_profiles", ps);
        }
        if (torch != null) {
            root.put("pytorch", torch);
        }
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not serialise bench results", e);
        }
    }
}
