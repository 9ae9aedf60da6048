// Runs the suite named by KOMPASS_TEST_SUITE (or kompass-test.json beside this file) and
// writes a results JSON to KOMPASS_TEST_RESULTS. The suite exports run(): Promise<void>,
// the @vscode/test-electron convention.
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');

const CONFIG_FILE = path.join(__dirname, 'kompass-test.json');

function readConfig() {
  if (process.env.KOMPASS_TEST_SUITE && process.env.KOMPASS_TEST_RESULTS) {
    return {
      source: 'env',
      suite: process.env.KOMPASS_TEST_SUITE,
      results: process.env.KOMPASS_TEST_RESULTS,
    };
  }
  if (fs.existsSync(CONFIG_FILE)) {
    return { source: 'file', ...JSON.parse(fs.readFileSync(CONFIG_FILE, 'utf8')) };
  }
  return undefined;
}

// The suite's run() only says "N tests failed"; to report titles and messages we listen
// to every mocha Runner it starts. Mocha is caught when the suite requires it.
function captureMocha(stats) {
  const patched = new WeakSet();
  const patch = (Mocha) => {
    if (typeof Mocha !== 'function' || !Mocha.Runner || !Mocha.prototype?.run) return;
    if (patched.has(Mocha)) return;
    patched.add(Mocha);
    const run = Mocha.prototype.run;
    Mocha.prototype.run = function (...args) {
      const runner = run.apply(this, args);
      stats.counted = true;
      runner.on('pass', () => stats.passed++);
      runner.on('pending', () => stats.pending++);
      runner.on('fail', (test, err) => {
        stats.failed++;
        stats.failures.push({
          title: test.title,
          fullTitle: typeof test.fullTitle === 'function' ? test.fullTitle() : test.title,
          message: String(err?.message ?? err),
          stack: err?.stack ? String(err.stack) : undefined,
        });
      });
      return runner;
    };
  };
  for (const m of Object.values(require.cache)) patch(m?.exports);
  const load = Module._load;
  Module._load = function (...args) {
    const exported = load.apply(this, args);
    patch(exported);
    return exported;
  };
  return () => {
    Module._load = load;
  };
}

function write(file, data) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(data, null, 2));
  fs.renameSync(`${file}.tmp`, file);
}

async function activate() {
  const config = readConfig();
  if (!config) return;
  const vscode = require('vscode');
  const started = Date.now();
  write(`${config.results}.started`, {
    source: config.source,
    envSeen: Boolean(process.env.KOMPASS_TEST_SUITE),
    vscodeVersion: vscode.version,
    node: process.version,
    pid: process.pid,
  });
  const stats = { counted: false, passed: 0, failed: 0, pending: 0, failures: [] };
  const release = captureMocha(stats);
  let error;
  try {
    const suite = require(path.resolve(config.suite));
    if (typeof suite.run !== 'function') throw new Error(`${config.suite} does not export run()`);
    await suite.run();
  } catch (err) {
    error = {
      message: String(err?.message ?? err),
      stack: err?.stack ? String(err.stack) : undefined,
    };
  } finally {
    release();
  }
  write(config.results, {
    ok: !error && stats.failed === 0,
    counted: stats.counted,
    passed: stats.passed,
    failed: stats.failed,
    pending: stats.pending,
    failures: stats.failures,
    error,
    duration: Date.now() - started,
    configSource: config.source,
    vscodeVersion: vscode.version,
    node: process.version,
  });
}

function deactivate() {}

module.exports = { activate, deactivate };
