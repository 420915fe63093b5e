/**
 * The six generic reality checks (hallucination on empty fields, covariate out-of-distribution,
 * residuals against the conventional method, forward-model consistency, rare objects, distribution
 * fidelity). They see models only as {@link org.realitycheck.core.Generator}s and domains only
 * through the {@link org.realitycheck.core.Domain} SPI, never astro or hep classes.
 */
package org.realitycheck.validation.checks;
