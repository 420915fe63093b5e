/**
 * Reports for reviewers: {@link org.realitycheck.reports.HtmlReport} renders a
 * {@link org.realitycheck.validation.SuiteResult} as one self-contained HTML file (verdict, evidence
 * drawn from the checks' artifacts, provenance, baseline changes), {@link org.realitycheck.reports.MarkdownSummary}
 * as a pull-request-sized verdict table, and {@link org.realitycheck.reports.ComparisonReport} sets two
 * runs side by side. Drawing and templating helpers live in {@code internal}.
 */
package org.realitycheck.reports;
