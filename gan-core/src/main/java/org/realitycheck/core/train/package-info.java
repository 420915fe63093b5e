/**
 * The conditional-GAN trainer: alternating discriminator and generator updates, BCE + λ·L1 or WGAN
 * losses, Adam, seeded end to end, with progress, history and checkpoint callbacks.
 */
package org.realitycheck.core.train;
