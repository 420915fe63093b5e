/**
 * The track GAN: gan-core's MLP conditional GAN wired to the hep domain (hits → helix parameters),
 * trained on the conventional fit's parameters, working in a frame rotated to the innermost hit.
 */
package org.realitycheck.hep.gan;
