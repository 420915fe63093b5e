#!/usr/bin/env bash
# Reads a realitycheck junit.xml with two JUnit XML parsers from npm that CI dashboards use:
# test-results-parser (TestBeats' reporter) and junit2json, and prints each test case's status and
# message as they see it. A WARN must show as "SKIP"/"skipped" with its "WARN: ..." message, never as a
# plain pass. Needs node and npm (the packages are installed into a temporary folder, pinned).
#   .ci/junit-reporters.sh realitycheck-out/astro-default/junit.xml
set -euo pipefail
xml="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
npm init -y >/dev/null
npm install --silent --no-audit --no-fund test-results-parser@0.4.6 junit2json@4.0.0 >/dev/null
node - "$xml" <<'JS'
const fs = require('fs');
const file = process.argv[2];
const trp = require('test-results-parser');
const r = trp.parse({ type: 'junit', files: [file] });
console.log(`test-results-parser: ${r.name}: total ${r.total}, passed ${r.passed}, failed ${r.failed}, errors ${r.errors}, skipped ${r.skipped}, duration ${r.duration} ms`);
for (const s of r.suites) {
  for (const c of s.cases) {
    console.log(`  ${c.status.padEnd(5)} ${c.name} (${c.duration} ms)${c.failure ? ': ' + c.failure.split('\n')[0].slice(0, 140) : ''}`);
  }
}
const j2j = require('junit2json');
j2j.parse(fs.readFileSync(file, 'utf8')).then(o => {
  console.log(`junit2json: ${o.name}: tests ${o.tests}, failures ${o.failures}, errors ${o.errors}, skipped ${o.skipped}, time ${o.time} s`);
  for (const c of o.testcase || []) {
    const st = c.failure ? 'failure' : c.error ? 'error' : c.skipped ? 'skipped' : 'passed';
    const msg = (c.failure || c.error || c.skipped || [{}])[0].message || '';
    console.log(`  ${st.padEnd(8)} ${c.classname} ${c.name} ${c.time} s ${msg.slice(0, 120)}`);
  }
});
JS
