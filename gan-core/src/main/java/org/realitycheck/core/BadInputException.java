package org.realitycheck.core;

import java.nio.file.Path;

/**
 * Bad input from a user: a corrupt or foreign file, a wrong shape, a missing column, an unknown
 * key. The message is one line that names the file, the place in it (line, HDU, field, entry) and
 * what was expected. The CLI maps this exception to exit code 2.
 */
public class BadInputException extends RuntimeException {
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
}
