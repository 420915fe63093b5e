/**
 * Network specifications (records that round-trip through the model card) and the builders that turn
 * them into SameDiff graphs: U-Net and PatchGAN for images, MLPs for vectors; and the MLP generators'
 * inference kernel on the Vector API ({@link org.realitycheck.core.nn.MlpInference}), which can run a
 * model's fixed per-row pre- and postprocessing inside its tiles ({@link org.realitycheck.core.nn.RowFrame}).
 */
package org.realitycheck.core.nn;
