package org.realitycheck.cli;

/** Bad usage found after parsing (conflicting or impossible options); exit code 2. */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
