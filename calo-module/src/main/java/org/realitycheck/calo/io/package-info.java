/** Shower files: NumPy {@code .npy} arrays in the CaloChallenge layout ({@code incident_energies}, {@code showers}). */
package org.realitycheck.calo.io;
