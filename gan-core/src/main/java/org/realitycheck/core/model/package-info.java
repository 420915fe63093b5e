/**
 * The model artifact (one zip: generator, discriminator, card.json), the model card and the generators
 * that validation runs.
 */
package org.realitycheck.core.model;
