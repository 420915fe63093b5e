/**
 * The {@code realitycheck} command line: argument parsing (picocli), the error and exit-code policy,
 * progress on stderr, and one class per command.
 */
package org.realitycheck.cli;
