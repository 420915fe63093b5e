/**
 * Network specifications (records that round-trip through the model card) and the builders that turn
 * them into SameDiff graphs: U-Net and PatchGAN for images, MLPs for vectors.
 */
package org.realitycheck.core.nn;
