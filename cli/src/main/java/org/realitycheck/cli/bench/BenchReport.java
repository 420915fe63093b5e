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
 * The bench results as a table for people and JSON for machines: each measurement with its kind (a
 * network alone, a whole model, ...), median, range, target, achieved GFLOP/s and fraction of the CPU's
 * fp32 peak, the peak memory of the JVM that ran it, and for the network rows the PyTorch peer's median on
 * the same graph and the DL4J/PyTorch ratio; then provenance.
 */
public final class BenchReport {
    private final List<Row> rows;
    private final double peak;
    private final double rssMiB;
    private final JsonNode torch;
    private boolean isolated;
    private List<OpProfile> profiles = List.of();

    /**
     * @param m the measurement
     * @param peer PyTorch's median on the same work (network rows only), or NaN
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
            double peer = m.kind() == Measurement.Kind.NETWORK && torch != null
                    ? peerMedian(torch.path("results"), m.name()) : Double.NaN;
            rows.add(new Row(m, peer));
        }
        return new BenchReport(rows, Hardware.peakGflops(), Hardware.peakRssMiB(), torch);
    }

    /** @return this report with op profiles ({@code bench --profile-ops}), which go into the JSON too */
    public BenchReport withProfiles(List<OpProfile> ops) {
        this.profiles = List.copyOf(ops);
        return this;
    }

    /** @return this report, saying whether each benchmark ran in a JVM of its own */
    public BenchReport isolated(boolean on) {
        this.isolated = on;
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
        String fmt = "%-20s %-9s %12s %-10s %19s %12s %6s %7s %6s %8s %10s %6s  %s%n";
        sb.append(String.format(fmt, "benchmark", "kind", "median", "unit", "range", "target", "", "GFLOP/s", "%peak",
                "RSS MiB", "pytorch", "ratio", "detail"));
        for (Row r : rows) {
            Measurement m = r.m();
            sb.append(String.format(fmt, m.name(), m.kind().id(), num(m.median()), m.unit(),
                    num(m.min()) + "–" + num(m.max()), Double.isNaN(m.target()) ? "" : ">= " + num(m.target()),
                    m.verdict(), Double.isNaN(m.gflops()) ? "" : String.format("%.1f", m.gflops()),
                    Double.isNaN(m.gflops()) || Double.isNaN(peak) ? "" : String.format("%.1f%%", 100 * m.gflops() / peak),
                    Double.isNaN(m.peakRssMiB()) ? "" : String.format("%.0f", m.peakRssMiB()),
                    num(r.peer()), Double.isNaN(r.ratio()) ? "" : String.format("%.2f", r.ratio()), m.detail()));
        }
        sb.append("kind: network = the GAN's network alone, the graph the PyTorch peer runs (ratio = DL4J / PyTorch); "
                + "model = the shipped model, pre- and postprocessing included, split in the detail\n");
        sb.append(String.format("CPU: %d cores at %.2f GHz, fp32 peak %.0f GFLOP/s (32 FLOP/cycle/core, AVX2+FMA); "
                + "%s; OMP_NUM_THREADS=%s%n", Hardware.cores(), Hardware.clockGhz(), peak,
                isolated ? "each benchmark in a fresh JVM, RSS = that JVM's peak"
                        : String.format("one JVM for all, its peak RSS %.0f MiB", rssMiB),
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
        root.put("isolation", isolated ? "fresh JVM per benchmark" : "one JVM");
        root.put("kinds", Map.of(
                "component", "a domain's own code (simulation, conventional methods)",
                "network", "the GAN's network alone on inputs in its frame: the graph the PyTorch peer runs; only these rows have a ratio",
                "model", "the shipped model: the recipe's preprocessing, the network, the postprocessing; 'split' is the share of its time per part",
                "peer", "another engine on a model of the same architecture",
                "suite", "a validation suite end to end"));
        if (!isolated) {
            root.put("peak_rss_mib", rssMiB);
        }
        List<Map<String, Object>> list = new ArrayList<>();
        for (Row r : rows) {
            Measurement m = r.m();
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", m.name());
            e.put("kind", m.kind().id());
            e.put("unit", m.unit());
            e.put("median", m.median());
            e.put("min", m.min());
            e.put("max", m.max());
            e.put("reps", m.reps());
            e.put("target", Double.isNaN(m.target()) ? null : m.target());
            e.put("target_met", m.verdict().isEmpty() ? null : m.verdict().equals("met"));
            e.put("detail", m.detail());
            e.put("gflops", Double.isNaN(m.gflops()) ? null : m.gflops());
            e.put("split", m.split().isEmpty() ? null : m.split());
            e.put("peak_rss_mib", Double.isNaN(m.peakRssMiB()) ? null : m.peakRssMiB());
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
