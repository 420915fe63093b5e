/**
 * Calorimeter fast simulation ({@link org.realitycheck.calo.CaloDomain}): the GAN generates photon showers
 * and is judged as a sampler against a GFlash-style toy full simulation. Sub-packages: {@code sim} (the
 * calorimeter and the full simulation), {@code shower} (features, observables, forward model, rare showers),
 * {@code io} (NumPy files), {@code gan} (the network's frame).
 */
package org.realitycheck.calo;
