/**
 * The toy full simulation: a sampling calorimeter ({@link org.realitycheck.calo.sim.Calorimeter}) and
 * electromagnetic showers built spot by spot from the Grindhammer–Peters parametrisation
 * ({@link org.realitycheck.calo.sim.GFlash}, {@link org.realitycheck.calo.sim.ShowerSimulator}).
 */
package org.realitycheck.calo.sim;
