package org.realitycheck.cli.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs each benchmark in a JVM of its own: the same java, JVM options (but the heap and off-heap caps,
 * {@link #childJvmOptions}) and classpath as this one, with {@link #main} as the entry point. So no
 * benchmark inherits another's JIT state, heap, ND4J workspaces or OpenMP threads, the order of the
 * benchmarks cannot change a result, a full run and {@code --only X} measure X the same way, and each
 * benchmark's peak memory is its own JVM's high-water mark (VmHWM, read by the child as it ends).
 */
public final class Isolated {
    /** The child JVM's heap unless {@code -Drealitycheck.bench.xmx} says otherwise. */
    static final String DEFAULT_XMX = "1g";
    /** ND4J's off-heap cap in the child unless {@code -Drealitycheck.bench.maxbytes} says otherwise. */
    static final String DEFAULT_MAXBYTES = "1536m";
    private static final String NOTICE = "WARNING: Using incubator modules: jdk.incubator.vector";

    private Isolated() {
    }

    /** What a child sends back: its measurement (null when skipped), its op profiles, its peak RSS. */
    record Result(Measurement measurement, List<OpProfile> profiles, double peakRssMiB) implements Serializable {
    }

    /**
     * Runs each of {@code names} in a fresh JVM, in order.
     *
     * @param err receives the children's stderr lines (their progress lines), the JVM's incubator notice dropped
     * @param profiles receives the children's op profiles
     * @throws IllegalStateException when a child fails, with the end of its stderr
     */
    public static List<Measurement> run(List<String> names, int reps, boolean profileOps, Consumer<String> err,
            List<OpProfile> profiles) throws IOException, InterruptedException {
        List<Measurement> out = new ArrayList<>();
        for (String name : names) {
            Result r = runOne(name, reps, profileOps, err);
            profiles.addAll(r.profiles());
            if (r.measurement() != null) {
                out.add(r.measurement().withPeakRss(r.peakRssMiB()));
            }
        }
        return out;
    }

    private static Result runOne(String name, int reps, boolean profileOps, Consumer<String> err)
            throws IOException, InterruptedException {
        Path result = Files.createTempFile("realitycheck-bench", ".bin");
        try {
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.addAll(childJvmOptions(ManagementFactory.getRuntimeMXBean().getInputArguments(),
                    System.getProperty("realitycheck.bench.xmx", DEFAULT_XMX),
                    System.getProperty("realitycheck.bench.maxbytes", DEFAULT_MAXBYTES)));
            cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Isolated.class.getName(), name,
                    Integer.toString(reps), Boolean.toString(profileOps), result.toString()));
            Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            Deque<String> tail = new ArrayDeque<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.equals(NOTICE)) {
                        continue;
                    }
                    err.accept(line);
                    tail.addLast(line);
                    if (tail.size() > 8) {
                        tail.removeFirst();
                    }
                }
            }
            int code = p.waitFor();
            if (code != 0) {
                throw new IllegalStateException("benchmark " + name + " failed in its JVM (exit " + code + "): "
                        + String.join(" | ", tail));
            }
            try (ObjectInputStream in = new ObjectInputStream(Files.newInputStream(result))) {
                return (Result) in.readObject();
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("benchmark " + name + ": unreadable result", e);
            }
        } finally {
            Files.deleteIfExists(result);
        }
    }

    /**
     * This JVM's options for a child: the same, but the heap ({@code -Xmx}) and ND4J's off-heap caps
     * ({@code org.bytedeco.javacpp.maxbytes}, {@code maxphysicalbytes}) replaced by a benchmark's own; debug
     * agents dropped.
     */
    static List<String> childJvmOptions(List<String> parent, String xmx, String maxBytes) {
        List<String> out = new ArrayList<>();
        for (String a : parent) {
            if (a.startsWith("-Xmx") || a.startsWith("-Dorg.bytedeco.javacpp.maxbytes=")
                    || a.startsWith("-Dorg.bytedeco.javacpp.maxphysicalbytes=") || a.startsWith("-agentlib:jdwp")) {
                continue;
            }
            out.add(a);
        }
        out.add("-Xmx" + xmx);
        out.add("-Dorg.bytedeco.javacpp.maxbytes=" + maxBytes);
        // the physical cap counts the heap too: heap + off-heap + 1 GiB for the JVM and the natives themselves
        out.add("-Dorg.bytedeco.javacpp.maxphysicalbytes=" + (bytes(xmx) + bytes(maxBytes) + (1L << 30)));
        return out;
    }

    /** @return a JVM size such as {@code 1536m} or {@code 2g} in bytes */
    static long bytes(String size) {
        String s = size.trim().toLowerCase(java.util.Locale.ROOT);
        long mult = switch (s.isEmpty() ? ' ' : s.charAt(s.length() - 1)) {
            case 'k' -> 1L << 10;
            case 'm' -> 1L << 20;
            case 'g' -> 1L << 30;
            default -> 1;
        };
        String digits = mult == 1 ? s : s.substring(0, s.length() - 1);
        try {
            return Long.parseLong(digits) * mult;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a JVM memory size (e.g. 1536m, 2g): '" + size + "'");
        }
    }

    /**
     * The child's entry point: {@code name reps profileOps resultFile}. Runs the one benchmark with
     * {@code System.out} discarded (SameDiff prints there), its progress lines on stderr, and writes a
     * {@link Result}; exits 1 with the error on stderr when the benchmark fails.
     */
    public static void main(String[] args) {
        try {
            System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
            BenchSuite suite = new BenchSuite(Integer.parseInt(args[1]), line -> {
                System.err.println("bench " + line);
                System.err.flush();
            }).profileOps(Boolean.parseBoolean(args[2]));
            Optional<Measurement> m = suite.runOne(args[0]);
            Result r = new Result(m.orElse(null), suite.profiles(), Hardware.peakRssMiB());
            Path tmp = Path.of(args[3] + ".tmp");
            try (ObjectOutputStream o = new ObjectOutputStream(Files.newOutputStream(tmp))) {
                o.writeObject(r);
            }
            Files.move(tmp, Path.of(args[3]), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            System.exit(0);
        } catch (Throwable e) {
            System.err.println("bench " + (args.length > 0 ? args[0] : "") + ": " + e);
            System.exit(1);
        }
    }
}
