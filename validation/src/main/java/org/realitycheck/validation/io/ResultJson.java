package org.realitycheck.validation.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.realitycheck.core.BadInputException;
import org.realitycheck.core.io.AtomicFiles;
import org.realitycheck.validation.SuiteResult;

/**
 * Writes and reads {@code result.json}: the {@link SuiteResult} as indented JSON, written atomically
 * (temp file, then rename). Non-finite numbers are written as the strings {@code "NaN"},
 * {@code "Infinity"} and {@code "-Infinity"} (JSON has no literal for them). The schema ships as
 * {@link #SCHEMA_RESOURCE}.
 */
public final class ResultJson {
    /** Class-path resource of the JSON Schema of {@code result.json}. */
    public static final String SCHEMA_RESOURCE = "/org/realitycheck/validation/result.schema.json";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ResultJson() {
    }

    /** @return the JSON text of a result (what {@link #write} writes) */
    public static String toJson(SuiteResult r) {
        try {
            return JSON.writeValueAsString(r) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the result", e);
        }
    }

    /** Writes {@code result.json} atomically. */
    public static void write(SuiteResult r, Path file) throws IOException {
        AtomicFiles.writeString(file, toJson(r));
    }

    /**
     * Reads a result written by {@link #write}.
     *
     * @throws BadInputException naming the file and the place when it is missing, not JSON, or not a result
     */
    public static SuiteResult read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            SuiteResult r = JSON.readValue(in, SuiteResult.class);
            if (r == null || r.verdict() == null || r.checks() == null) {
                throw BadInputException.at(file, "", "not a realitycheck result.json (no verdict or checks)");
            }
            if (r.schemaVersion() > SuiteResult.SCHEMA_VERSION) {
                throw BadInputException.at(file, "schemaVersion", "written by a newer realitycheck (schema "
                        + r.schemaVersion() + "; this one reads up to " + SuiteResult.SCHEMA_VERSION + ")");
            }
            return r;
        } catch (NoSuchFileException e) {
            throw BadInputException.at(file, "", "no such file", e);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr();
            throw BadInputException.at(file, where, "not a valid realitycheck result.json: " + e.getOriginalMessage().replaceAll("\\s+", " "), e);
        } catch (IOException e) {
            throw BadInputException.at(file, "", "cannot read: " + e.getMessage(), e);
        }
    }
}
