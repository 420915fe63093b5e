/**
 * Tests of the contract kit itself: a small correct domain that passes it, and a deliberately broken
 * one that must fail it, run through the JUnit Platform's test kit. Not part of the published kit.
 */
package org.realitycheck.core.kitcheck;
