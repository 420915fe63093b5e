/** What is measured on one shower: CaloChallenge's high-level features and the observables built on them. */
package org.realitycheck.calo.shower;
