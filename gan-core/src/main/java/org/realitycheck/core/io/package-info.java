/**
 * Atomic file and folder writes: a temporary file beside the target, then a rename, so no partial
 * output is ever left behind.
 */
package org.realitycheck.core.io;
