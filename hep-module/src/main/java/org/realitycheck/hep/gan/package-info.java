/**
 * The track GAN: gan-core's MLP conditional GAN wired to the hep domain (hits → helix parameters),
 * trained on the conventional fit's parameters, working in a frame rotated to the innermost hit, with a
 * three-point helix seed and the hits' residuals from it as fixed preprocessing ({@link org.realitycheck.hep.gan.TrackSeed}).
 */
package org.realitycheck.hep.gan;
