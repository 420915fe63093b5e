package org.realitycheck.hep.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.realitycheck.core.BadInputException;

/**
 * Reads one CSV file with a header through Apache Commons CSV (RFC 4180: quoted fields, CRLF or LF,
 * blank lines skipped) and hands each row to a handler with typed, located access to its fields. A
 * UTF-8 byte-order mark is skipped. The header must name every required column, once: a repeated
 * column name is an error (which value would be meant?). Every row must have as many fields as the
 * header. Line numbers count physical lines from 1 (the header), blank lines included, and name
 * the line where a row starts.
 */
final class CsvTable {
    /** The byte-order mark as a char, which a UTF-8 decoder yields for EF BB BF. */
    private static final int BOM = 0xFEFF;

    private CsvTable() {
    }

    /** Receives one data row. */
    interface RowHandler {
        void accept(Row row);
    }

    /**
     * One data row.
     *
     * @param file the file, for messages
     * @param line the physical line the row starts on
     * @param rec the record
     * @param header column name → index
     */
    record Row(Path file, long line, CSVRecord rec, Map<String, Integer> header) {
        BadInputException error(String column, String problem) {
            return BadInputException.at(file, "line " + line + ", column '" + column + "'", problem);
        }

        boolean has(String column) {
            return header.containsKey(column);
        }

        String raw(String column) {
            return rec.get(header.get(column)).trim();
        }

        /** A finite double; NaN, infinities, overflow and non-numbers are errors. */
        double num(String column) {
            String s = raw(column);
            double v;
            try {
                v = Double.parseDouble(s);
            } catch (NumberFormatException e) {
                throw error(column, "'" + s + "' is not a number");
            }
            if (!Double.isFinite(v)) {
                throw error(column, "'" + s + "' is not a finite number");
            }
            return v;
        }

        /** A signed 64-bit integer (TrackML particle ids use all 64 bits). */
        long integer64(String column) {
            String s = raw(column);
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException e) {
                throw error(column, "'" + s + "' is not an integer");
            }
        }

        int integer(String column) {
            long v = integer64(column);
            if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                throw error(column, v + " is out of the 32-bit integer range");
            }
            return (int) v;
        }

        /** An id, {@code >= 1}. */
        long id(String column) {
            long v = integer64(column);
            if (v < 1) {
                throw error(column, "ids must be >= 1, got " + v);
            }
            return v;
        }
    }

    /**
     * Parses {@code file}, checking its header against {@code required}, and calls {@code handler}
     * for every data row in order.
     *
     * @throws BadInputException naming the file and line when the file cannot be read or parsed, a
     *     required column is missing, a column name repeats, or a row has the wrong number of fields;
     *     handlers throw it for bad values
     */
    static void read(Path file, List<String> required, RowHandler handler) {
        try (BufferedReader r = open(file); CSVParser p = format().parse(r)) {
            Map<String, Integer> header = new HashMap<>();
            List<String> names = p.getHeaderNames();
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i).trim();
                if (name.isEmpty()) {
                    throw BadInputException.at(file, "line 1", "column " + (i + 1) + " has no name");
                }
                Integer first = header.putIfAbsent(name, i);
                if (first != null) {
                    throw BadInputException.at(file, "line 1", "duplicate column '" + name + "' (columns " + (first + 1)
                            + " and " + (i + 1) + "); each column may appear once");
                }
            }
            for (String col : required) {
                if (!header.containsKey(col)) {
                    throw BadInputException.at(file, "line 1", "missing column '" + col + "' (expected "
                            + String.join(",", required) + ")");
                }
            }
            for (CSVRecord rec : p) {
                long line = startLine(p.getCurrentLineNumber(), rec);
                if (rec.size() != header.size()) {
                    throw BadInputException.at(file, "line " + line, "expected " + header.size() + " fields, got "
                            + rec.size());
                }
                try {
                    handler.accept(new Row(file, line, rec, header));
                } catch (BadInputException e) {
                    throw e; // already names the file and line (Row.error)
                } catch (IllegalArgumentException e) {
                    throw BadInputException.at(file, "line " + line, e.getMessage(), e);
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw unreadable(file, e);
        }
    }

    private static CSVFormat format() {
        // DEFAULT: RFC 4180 with CRLF or LF line ends; blank lines are skipped (they still count as lines)
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setAllowMissingColumnNames(true)
                .get();
    }

    /** Opens {@code file} as strict UTF-8 and skips a leading byte-order mark. */
    private static BufferedReader open(Path file) throws IOException {
        BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        r.mark(1);
        if (r.read() != BOM) {
            r.reset();
        }
        return r;
    }

    /**
     * The line a record starts on: the parser reports the line it ended on, so subtract the line
     * breaks inside its quoted fields.
     */
    private static long startLine(long endLine, CSVRecord rec) {
        long breaks = 0;
        for (String v : rec) {
            for (int i = 0; i < v.length(); i++) {
                char c = v.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 == v.length() || v.charAt(i + 1) != '\n'))) {
                    breaks++;
                }
            }
        }
        return endLine - breaks;
    }

    private static BadInputException unreadable(Path file, Exception e) {
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (cause instanceof CharacterCodingException) {
            long line = firstNonUtf8Line(file);
            return BadInputException.at(file, line > 0 ? "line " + line : "", "not UTF-8 text; expected a UTF-8 CSV file", e);
        }
        return BadInputException.at(file, "", "cannot read CSV: " + cause.getMessage(), e);
    }

    /** The 1-based line of the first byte that is not UTF-8, or -1 when it cannot be found. */
    static long firstNonUtf8Line(Path file) {
        try (java.io.InputStream in = Files.newInputStream(file)) {
            java.nio.charset.CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder();
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(1 << 16);
            java.nio.CharBuffer out = java.nio.CharBuffer.allocate(1 << 16);
            long line = 1;
            byte[] chunk = new byte[1 << 15];
            int n;
            while ((n = in.read(chunk)) >= 0) {
                buf.put(chunk, 0, n).flip();
                int start = buf.position();
                java.nio.charset.CoderResult cr = dec.decode(buf, out, false);
                for (int i = start; i < buf.position(); i++) {
                    if (buf.get(i) == '\n') {
                        line++;
                    }
                }
                if (cr.isError()) {
                    return line;
                }
                out.clear();
                buf.compact();
            }
            return -1;
        } catch (IOException e) {
            return -1;
        }
    }
}
