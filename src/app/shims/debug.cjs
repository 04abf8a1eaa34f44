/*
 * Build-time stand-in for the `debug` package inside fhirclient: its debug output prints token responses
 * (docs/architecture.md, "Contracts": no PHI in logs), so the production bundle cannot log at all. CommonJS because fhirclient calls `require("debug")`
 * and uses the result as the function itself.
 */
'use strict';

function createDebug() {
  const log = function () {};
  log.enabled = false;
  log.extend = createDebug;
  return log;
}

module.exports = createDebug;
