/**
 * The coverage harness: draws data with a known true value of each statistic a check reports, repeats the
 * interval computation with many seeds and measures how often the interval holds the truth.
 * {@code CoverageTest} is the fast subset run by {@code mvn test}; {@code CoverageSweepTest} is the full
 * sweep behind {@code -Pcoverage}, which writes the table of {@code docs/statistics.md}.
 */
package org.realitycheck.validation.coverage;
