/**
 * The page the browser test loads: it starts the web server bundle as a `Worker` and speaks
 * JSON-RPC to it through messages, as vscode-languageclient/browser does. Files the server asks
 * for (`kompass/readFile`, `kompass/listDocuments`) are answered from `window.kompassFiles`.
 */
export const workerPage = `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>kompass web server</title></head><body>
<script>
(() => {
  const pending = new Map();
  const notifications = [];
  const waiters = [];
  let nextId = 1;
  let worker;
  const files = () => window.kompassFiles || {};
  const answer = (m) => {
    switch (m.method) {
      case 'workspace/configuration':
        return m.params.items.map(() => ({ diagnostics: { debounceMs: 20 } }));
      case 'kompass/readFile': {
        const text = files()[m.params.uri];
        return text === undefined ? { error: 'missing' } : { text };
      }
      case 'kompass/listDocuments':
        return Object.keys(files()).filter((u) => u.startsWith(m.params.folderUri + '/')).sort();
      default:
        return null;
    }
  };
  window.lsp = {
    start(url) {
      worker = new Worker(url);
      worker.onerror = (e) => notifications.push({ method: 'worker/error', params: String(e.message) });
      worker.onmessage = (event) => {
        const m = event.data;
        if (m.id !== undefined && m.method === undefined) {
          const p = pending.get(m.id);
          pending.delete(m.id);
          if (p) m.error ? p.reject(new Error(JSON.stringify(m.error))) : p.resolve(m.result);
        } else if (m.id !== undefined) {
          worker.postMessage({ jsonrpc: '2.0', id: m.id, result: answer(m) });
        } else {
          notifications.push(m);
          for (const w of waiters.splice(0)) w();
        }
      };
    },
    request(method, params) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ jsonrpc: '2.0', id, method, params });
      });
    },
    notify(method, params) {
      worker.postMessage({ jsonrpc: '2.0', method, params });
    },
    /** The newest diagnostics for uri that pass the test, waiting up to ms for them. */
    async diagnostics(uri, minCount, ms) {
      const deadline = Date.now() + ms;
      for (;;) {
        const last = notifications
          .filter((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri)
          .at(-1);
        if (last && last.params.diagnostics.length >= minCount) return last.params;
        const left = deadline - Date.now();
        if (left <= 0) throw new Error('no diagnostics for ' + uri + ': ' + JSON.stringify(last));
        await new Promise((r) => { const t = setTimeout(r, left); waiters.push(() => { clearTimeout(t); r(); }); });
      }
    },
    /**
     * Times edit → diagnostics: sends full-text changes (a comment appended, then removed, so
     * the checks stay the same) and waits for the diagnostics of each version. Milliseconds each.
     */
    async timeEdits(uri, text, firstVersion, iterations) {
      const times = [];
      for (let i = 0; i < iterations; i++) {
        const version = firstVersion + i;
        const changed = i % 2 === 0 ? text + '\\n// edit ' + i + '\\n' : text;
        const started = performance.now();
        worker.postMessage({ jsonrpc: '2.0', method: 'textDocument/didChange', params: {
          textDocument: { uri, version }, contentChanges: [{ text: changed }] } });
        for (;;) {
          const hit = notifications.some((n) => n.method === 'textDocument/publishDiagnostics'
            && n.params.uri === uri && n.params.version === version);
          if (hit) break;
          await new Promise((r) => { const t = setTimeout(r, 10_000); waiters.push(() => { clearTimeout(t); r(); }); });
          if (performance.now() - started > 10_000) throw new Error('no diagnostics for version ' + version);
        }
        times.push(performance.now() - started);
        notifications.length = 0;
      }
      return times;
    },
    errors() {
      return notifications.filter((n) => n.method === 'worker/error');
    },
  };
})();
</script></body></html>`;
