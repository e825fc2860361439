/**
 * One line for `npm start` when Electron's installer fails: the cause in words, read from the
 * installer's error output (see installer-hook.cjs), never its stack trace.
 */

// What Electron's installer (@electron/get 5) declares in its package.json engines.
const INSTALLER_NODE = [22, 12];

// undici's "fetch failed" and the socket errors under it: the download server was not reached.
const NETWORK = /fetch failed|getaddrinfo|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|UND_ERR_CONNECT|socket hang up/i;
// What an older Node.js says when it cannot load the installer's code at all.
const CANNOT_LOAD = /ERR_REQUIRE_ESM|ERR_UNKNOWN_BUILTIN_MODULE|ERR_UNKNOWN_FILE_EXTENSION|SyntaxError/;

function nodeOlderThanInstaller(version) {
  const [major, minor] = version.split('.').map(Number);
  return major < INSTALLER_NODE[0] || (major === INSTALLER_NODE[0] && minor < INSTALLER_NODE[1]);
}

/** The first line that says something: not a stack frame, not empty. */
function firstMessage(output) {
  return output
    .split('\n')
    .map((line) => line.trim())
    .find((line) => line !== '' && !line.startsWith('at ') && !/^node:internal|^\^+$|^throw /.test(line));
}

/** Why the installer failed, for "cannot start the desktop app: <reason>". */
function installerFailure(output, nodeVersion = process.versions.node) {
  if (NETWORK.test(output)) {
    const code = output.match(/\b(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH)\b[^\n]*/)?.[0];
    return `the Electron runtime could not be downloaded: its download server did not answer (${code ?? 'fetch failed'}; no network, or a proxy in the way)`;
  }
  if (CANNOT_LOAD.test(output) && nodeOlderThanInstaller(nodeVersion)) {
    return `Electron’s installer needs Node.js ${INSTALLER_NODE.join('.')} or newer; this is ${nodeVersion}`;
  }
  const message = firstMessage(output);
  return `Electron’s installer failed: ${message ?? 'it gave no reason'}`;
}

module.exports = { installerFailure };
