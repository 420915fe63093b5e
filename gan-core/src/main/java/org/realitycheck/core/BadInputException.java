package org.realitycheck.core;

import java.nio.file.Path;

/**
 * Bad input from a user: a corrupt or foreign file, a wrong shape, a missing column, an unknown
 * key, an option value out of range. The message is one line that names the file, the place in it
 * (line, HDU, field, entry) or the option, and what was expected. The CLI maps this exception to
 * exit code 2.
 *
 * <p>The error taxonomy: code that validates a value <em>a user gave</em> (a file, an option, a
 * policy) throws this; a bare {@link IllegalArgumentException} means a caller inside realitycheck
 * broke a contract, which the CLI reports as an internal error (exit 3). This class extends
 * {@code IllegalArgumentException} so that callers which already catch that keep working when a
 * check moves from "bad argument" to "bad input".
 */
public class BadInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message one line naming the file, the place and what was expected
     */
    public BadInputException(String message) {
        super(message);
    }

    /**
     * @param message one line naming the file, the place and what was expected
     * @param cause the underlying failure, kept for {@code --debug}
     */
    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Builds the house format {@code file: where: problem}.
     *
     * @param file the offending file, never null
     * @param where line, HDU, field or entry inside the file; may be empty
     * @param problem what is wrong and what was expected
     * @return the exception, ready to throw
     */
    public static BadInputException at(Path file, String where, String problem) {
        String place = where == null || where.isEmpty() ? "" : where + ": ";
        return new BadInputException(file + ": " + place + problem);
    }

    /** As {@link #at(Path, String, String)}, keeping the cause. */
    public static BadInputException at(Path file, String where, String problem, Throwable cause) {
        String place = where == null || where.isEmpty() ? "" : where + ": ";
        return new BadInputException(file + ": " + place + problem, cause);
    }

    /**
     * Runs code that validates a user's values (options, a policy) with the ordinary
     * {@link IllegalArgumentException} checks of records and factories, and reports any rejection as
     * bad input with {@code context} in front: the boundary where a value entered.
     *
     * @param context what the values are, e.g. {@code astro options {z_max=7}}
     * @param work the parsing and validation
     * @return what {@code work} returned
     * @throws BadInputException when {@code work} rejects a value
     */
    public static <T> T whileParsing(String context, java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (BadInputException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new BadInputException(context + ": " + e.getMessage(), e);
        }
    }
}
