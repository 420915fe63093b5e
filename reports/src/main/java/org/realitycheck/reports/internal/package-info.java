/**
 * Helpers of the reports, not for use outside this module: colour maps, chart and image-panel
 * rendering to deterministic PNG data URIs, the Mustache templates, and text formatting.
 */
package org.realitycheck.reports.internal;
