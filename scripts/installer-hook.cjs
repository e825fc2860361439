/**
 * Preloaded into Electron's installer by start-electron.mjs (`node --require`). The installer
 * reports a failure as a stack trace on stderr; this sends its error output to file
 * descriptor 3 instead, so `npm start` can sum it up in one line, while stderr stays the
 * terminal for the installer's progress bar (which draws only on a terminal).
 */
const fs = require('node:fs');
const util = require('node:util');

const report = (text) => {
  try {
    fs.writeSync(3, `${text}\n`);
  } catch {
    // Run without that pipe (by hand): the text goes where it would have gone.
    process.stderr.write(`${text}\n`);
  }
};
console.error = (...args) => report(util.format(...args));
const fail = (error) => {
  report(error instanceof Error ? `${error.stack}${error.cause ? `\ncause: ${util.format(error.cause)}` : ''}` : String(error));
  process.exit(1);
};
process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);
