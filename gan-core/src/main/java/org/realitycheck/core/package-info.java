/**
 * The shared contracts of realitycheck: samples and sample sets, the {@link org.realitycheck.core.Domain} SPI that domain modules implement, and the {@link org.realitycheck.core.Generator} view that validation has of a model.\n * Everything here is in physical units; normalisation lives with the model.
 */
package org.realitycheck.core;
