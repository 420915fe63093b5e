/**
 * Track observables (the five perigee parameters, p_T, η) and the residual and pull summaries
 * (mean, standard error, standard deviation, MAD·1.4826) used to compare estimates with the truth.
 */
package org.realitycheck.hep.observables;
