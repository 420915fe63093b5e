/**
 * Seeded synthetic data sets and small architectures shared by the gan-core tests.
 */
package org.realitycheck.core.testing;
