/**
 * Recorded, invertible transforms between physical units and a network's scale.
 */
package org.realitycheck.core.data;
