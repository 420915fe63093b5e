/** The calo GAN's frame: fixed pre- and post-processing around a conditional shower generator. */
package org.realitycheck.calo.gan;
