/**
 * The files a validation run writes for machines: {@code result.json} (the {@link org.realitycheck.validation.SuiteResult},
 * with a shipped JSON Schema) and {@code junit.xml} (one test case per check). Both are written atomically.
 */
package org.realitycheck.validation.io;
