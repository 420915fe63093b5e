package org.realitycheck.cli.fuzz;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.realitycheck.core.BadInputException;
import org.realitycheck.core.io.AtomicFiles;

/**
 * Runs a {@link Target} on mutated inputs for a time budget and checks its contract on each:
 * it returns valid data or throws {@link BadInputException}; never another exception or error,
 * never runs past {@link #HANG_SECONDS}, never allocates more than {@link #MAX_ALLOCATED_BYTES} on
 * its thread (measured with {@code com.sun.management.ThreadMXBean}). An input that breaks the
 * contract is a finding: it is saved under {@code target/fuzz-findings/<target>/} to be checked
 * in as a regression seed ({@code src/test/resources/fuzz/<target>/regressions/}).
 */
final class Fuzzer {
    /** One execution longer than this is a hang (a valid small input takes milliseconds). */
    static final int HANG_SECONDS = 20;
    /** Bytes one execution may allocate on its thread: above the loaders' own limits (512 MiB), far below the test heap. */
    static final long MAX_ALLOCATED_BYTES = 1L << 30;

    /** A reader under test. Input: a file or a folder of files, as the seeds are laid out. */
    interface Target {
        String name();

        /** Reads {@code input}; returns a description of what was read that {@link #check} can judge. */
        Object run(Path input) throws Exception;

        /** Null when {@code result} is valid data, else what is wrong with it ("accepted nonsense"). */
        default String check(Object result) {
            return null;
        }

        /** The mutation kind for a file of the input. */
        Mutator.Kind kind(String relativePath);
    }

    /** What a run found. */
    record Report(String target, long executions, long badInput, long accepted, List<String> findings,
            List<String> nonsense) {
    }

    private Fuzzer() {
    }

    /**
     * Replays the regression seeds, then mutates the seeds for {@code seconds}.
     *
     * @param corpus the seeds: each entry a file, or a folder of files (one multi-file input)
     */
    static Report run(Target t, Path corpus, long seed, double seconds, Path work, Path findingsDir) throws Exception {
        List<Map<String, byte[]>> seeds = load(corpus, false);
        List<Map<String, byte[]>> regressions = load(corpus.resolve("regressions"), true);
        if (seeds.isEmpty()) {
            throw new IllegalStateException("no seeds in " + corpus);
        }
        Mutator m = new Mutator(seed);
        List<String> findings = new ArrayList<>();
        List<String> nonsense = new ArrayList<>();
        long execs = 0;
        long bad = 0;
        long accepted = 0;
        ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
            Thread th = new Thread(r, "fuzz-" + t.name());
            th.setDaemon(true);
            return th;
        });
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long budget = (long) (seconds * 1e9);
        long deadline = Long.MAX_VALUE; // starts when the replays are done: the first load warms up ND4J
        try {
            List<Map<String, byte[]>> queue = new ArrayList<>(seeds);
            queue.addAll(regressions);
            int replay = 0;
            while (replay < queue.size() || deadline == Long.MAX_VALUE || System.nanoTime() < deadline) {
                if (replay == queue.size() && deadline == Long.MAX_VALUE) {
                    deadline = System.nanoTime() + budget;
                }
                Map<String, byte[]> input = replay < queue.size() ? queue.get(replay++) : mutate(m, seeds, t);
                Path dir = work.resolve("in");
                AtomicFiles.deleteTree(dir);
                Path in = write(dir, input);
                execs++;
                Future<Object[]> f = pool.submit(() -> {
                    long id = Thread.currentThread().getId();
                    long before = mx.getThreadAllocatedBytes(id);
                    Object result = null;
                    Throwable thrown = null;
                    try {
                        result = t.run(in);
                    } catch (Throwable e) {
                        thrown = e;
                    }
                    return new Object[] {result, thrown, mx.getThreadAllocatedBytes(id) - before};
                });
                Object[] r;
                try {
                    r = f.get(HANG_SECONDS, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    f.cancel(true);
                    findings.add(save(findingsDir, t, input, "hang: no result after " + HANG_SECONDS + " s"));
                    break; // the worker may be stuck for good
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
                Throwable thrown = (Throwable) r[1];
                long allocated = (Long) r[2];
                if (allocated > MAX_ALLOCATED_BYTES) {
                    findings.add(save(findingsDir, t, input, "allocated " + allocated + " bytes, above "
                            + MAX_ALLOCATED_BYTES));
                } else if (thrown instanceof BadInputException) {
                    bad++;
                } else if (thrown != null) {
                    findings.add(save(findingsDir, t, input, describe(thrown)));
                } else {
                    accepted++;
                    String wrong = t.check(r[0]);
                    if (wrong != null) {
                        nonsense.add(save(findingsDir.resolve("accepted-nonsense"), t, input, wrong));
                    }
                }
                if (findings.size() >= 20) {
                    break;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return new Report(t.name(), execs, bad, accepted, findings, nonsense);
    }

    private static Map<String, byte[]> mutate(Mutator m, List<Map<String, byte[]>> seeds, Target t) {
        Map<String, byte[]> base = seeds.get(m.nextInt(seeds.size()));
        Map<String, byte[]> out = new LinkedHashMap<>(base);
        List<String> files = new ArrayList<>(base.keySet());
        // mostly the input's main file (the first: catalog.csv, the hits file, the zip), sometimes another
        String file = m.nextInt(4) == 0 ? files.get(m.nextInt(files.size())) : files.get(0);
        Mutator.Kind kind = t.kind(file);
        List<byte[]> donors = new ArrayList<>();
        for (Map<String, byte[]> s : seeds) {
            if (s.containsKey(file)) {
                donors.add(s.get(file));
            }
        }
        out.put(file, m.mutate(base.get(file), kind, donors));
        return out;
    }

    /** Seeds: a file is an input of one file; a folder is an input of all its files (the main one first). */
    static List<Map<String, byte[]>> load(Path corpus, boolean optional) throws IOException {
        List<Map<String, byte[]>> out = new ArrayList<>();
        if (!Files.isDirectory(corpus)) {
            if (optional) {
                return out;
            }
            throw new IOException("no corpus folder " + corpus);
        }
        List<Path> entries;
        try (Stream<Path> s = Files.list(corpus)) {
            entries = s.filter(p -> !p.getFileName().toString().equals("regressions")
                    && !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
        for (Path e : entries) {
            Map<String, byte[]> input = new LinkedHashMap<>();
            if (Files.isDirectory(e)) {
                List<Path> files;
                try (Stream<Path> s = Files.walk(e)) {
                    files = s.filter(p -> Files.isRegularFile(p) && !p.getFileName().toString().equals("FINDING.txt"))
                            .sorted((a, b) -> {
                        // files at the top first (catalog.csv, the CSVs), then the sub-folders
                        int da = e.relativize(a).getNameCount();
                        int db = e.relativize(b).getNameCount();
                        return da != db ? Integer.compare(da, db) : a.compareTo(b);
                    }).toList();
                }
                for (Path f : files) {
                    input.put(e.relativize(f).toString(), Files.readAllBytes(f));
                }
            } else {
                input.put(e.getFileName().toString(), Files.readAllBytes(e));
            }
            out.add(input);
        }
        return out;
    }

    /** Writes an input; returns the path a target reads: the file of a one-file input, else the folder. */
    static Path write(Path dir, Map<String, byte[]> input) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<String, byte[]> e : input.entrySet()) {
            Path p = dir.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.write(p, e.getValue());
        }
        boolean folder = input.size() > 1 || input.keySet().iterator().next().contains("/");
        return folder ? dir : dir.resolve(input.keySet().iterator().next());
    }

    private static String describe(Throwable e) {
        StackTraceElement[] st = e.getStackTrace();
        String where = "";
        for (StackTraceElement s : st) {
            if (s.getClassName().startsWith("org.realitycheck")) {
                where = " at " + s;
                break;
            }
        }
        String msg = String.valueOf(e.getMessage());
        return e.getClass().getName() + ": " + (msg.length() > 200 ? msg.substring(0, 200) : msg) + where;
    }

    private static String save(Path dir, Target t, Map<String, byte[]> input, String what) throws IOException {
        String id = sha(input);
        Path d = dir.resolve(t.name()).resolve(id);
        write(d, input);
        Files.writeString(d.resolve("FINDING.txt"), what + "\n");
        return what + " (input saved in " + d + ")";
    }

    private static String sha(Map<String, byte[]> input) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, byte[]> e : input.entrySet()) {
                md.update(e.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                md.update(e.getValue());
            }
            return HexFormat.of().formatHex(md.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
