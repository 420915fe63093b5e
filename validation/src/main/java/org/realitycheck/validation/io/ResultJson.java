package org.realitycheck.validation.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
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
     * Reads the result of a run given as its {@code result.json} or as the run's folder.
     *
     * @throws BadInputException as {@link #read}, or when a folder holds no result.json
     */
    public static SuiteResult readRun(Path fileOrFolder) {
        return read(resultFile(fileOrFolder));
    }

    /** @return {@code fileOrFolder/result.json} for a folder, else the path itself */
    public static Path resultFile(Path fileOrFolder) {
        if (Files.isDirectory(fileOrFolder)) {
            Path f = fileOrFolder.resolve("result.json");
            if (!Files.isRegularFile(f)) {
                throw BadInputException.at(fileOrFolder, "", "a folder without result.json; expected a validation run's "
                        + "folder (as 'realitycheck validate --out' writes) or its result.json");
            }
            return f;
        }
        return fileOrFolder;
    }

    /**
     * Reads a result written by {@link #write}, validated against the schema ({@link #SCHEMA_RESOURCE})
     * before anything uses it: a missing field (e.g. {@code provenance}) is named, never a
     * {@link NullPointerException} later.
     *
     * @throws BadInputException naming the file and the place when it is missing, not JSON, or not a
     *     result (the first schema violation, by its JSON path)
     */
    public static SuiteResult read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            JsonNode tree = JSON.readTree(in);
            if (tree == null || tree.isMissingNode() || !tree.isObject()) {
                throw BadInputException.at(file, "", "not a realitycheck result.json (expected a JSON object)");
            }
            JsonNode v = tree.get("schemaVersion");
            if (v != null && v.isInt() && v.intValue() > SuiteResult.SCHEMA_VERSION) {
                throw BadInputException.at(file, "schemaVersion", "written by a newer realitycheck (schema "
                        + v.intValue() + "; this one reads up to " + SuiteResult.SCHEMA_VERSION + ")");
            }
            List<String> problems = schema().validate(tree).stream().map(ResultJson::describe).sorted().toList();
            if (!problems.isEmpty()) {
                throw BadInputException.at(file, "", "not a valid realitycheck result.json: " + problems.get(0)
                        + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
            }
            SuiteResult r = JSON.treeToValue(tree, SuiteResult.class);
            if (r == null || r.verdict() == null || r.checks() == null || r.provenance() == null || r.policy() == null) {
                throw BadInputException.at(file, "", "not a realitycheck result.json (no verdict, checks, provenance or policy)");
            }
            return r;
        } catch (NoSuchFileException e) {
            throw BadInputException.at(file, "", "no such file", e);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr();
            throw BadInputException.at(file, where, "not a valid realitycheck result.json: " + e.getOriginalMessage().replaceAll("\\s+", " "), e);
        } catch (IOException e) {
            throw BadInputException.at(file, "", "cannot read: " + e.getMessage(), e);
        } catch (BadInputException e) {
            throw e;
        } catch (IllegalArgumentException | NullPointerException e) {
            // a record's own check on a value the schema admits (e.g. a range with min > max)
            throw BadInputException.at(file, "", "not a valid realitycheck result.json: " + e.getMessage(), e);
        }
    }

    /** One schema violation: where, and what the schema wanted. */
    private static String describe(ValidationMessage m) {
        String where = m.getInstanceLocation() == null ? "$" : m.getInstanceLocation().toString();
        String msg = m.getMessage() == null ? m.getType() : m.getMessage();
        if (msg.startsWith(where + ": ")) {
            msg = msg.substring(where.length() + 2);
        }
        return where + ": " + msg;
    }

    private static volatile JsonSchema schema;

    private static JsonSchema schema() {
        JsonSchema s = schema;
        if (s == null) {
            try (InputStream in = ResultJson.class.getResourceAsStream(SCHEMA_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the result schema " + SCHEMA_RESOURCE + " is not on the class path");
                }
                s = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot read the result schema", e);
            }
            schema = s;
        }
        return s;
    }
}
