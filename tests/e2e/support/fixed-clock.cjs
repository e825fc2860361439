/**
 * Loaded into the browser host process (NODE_OPTIONS=--require) by the screenshot suite: every
 * `Date` the process reads is TOKEN_DESK_E2E_NOW, so the sandbox's sample data (placed relative
 * to "now"), the audit records of the journey's changes and the access log all carry the same
 * times on every run. Timers are untouched: only the wall clock stands still.
 */
'use strict';

const fixed = Date.parse(process.env.TOKEN_DESK_E2E_NOW ?? '');
if (Number.isNaN(fixed)) throw new Error('fixed-clock.cjs needs TOKEN_DESK_E2E_NOW (an ISO time)');

const RealDate = Date;
class FixedDate extends RealDate {
  constructor(...args) {
    if (args.length === 0) super(fixed);
    else super(...args);
  }
  static now() {
    return fixed;
  }
}
globalThis.Date = FixedDate;
