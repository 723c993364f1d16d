// The official MCP conformance suite (@modelcontextprotocol/conformance, server mode) against
// `nevent-companion serve --demo --http`, as a step of `npm test`. Scenarios that exercise the reference
// server's own test tools, prompts and resources (which a Nevent bridge does not have) are listed with
// their reason in test/conformance/expected-failures.yml; the suite fails on any other failure, and on a
// listed one that starts passing.
//
//   serve --demo --http ──> "mcp http: URL" + "mcp http token: …"
//   bearer proxy (adds Authorization, keeps every other header) ──> conformance server --url PROXY/mcp
//
// The suite has no option for an Authorization header, hence the proxy on 127.0.0.1. Host and Origin
// headers naming the proxy are rewritten to the endpoint's; any other value passes unchanged, so the
// DNS-rebinding scenario still meets our Host/Origin check.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const configDir = mkdtempSync(join(tmpdir(), 'nc-conformance-'));

const serve = spawn(process.execPath, [join(root, 'bin', 'nevent-companion.mjs'), 'serve', '--demo', '--http'], {
  cwd: root,
  env: { ...process.env, NEVENT_COMPANION_CONFIG_DIR: configDir },
  stdio: ['ignore', 'pipe', 'pipe'],
});
let serveLog = '';
serve.stderr.on('data', (chunk) => (serveLog += chunk.toString('utf8')));

const found = await new Promise((resolve, reject) => {
  const seen = {};
  const timer = setTimeout(() => reject(new Error(`serve --demo --http did not print its MCP URL and token in time:\n${serveLog}`)), 60_000);
  serve.once('exit', (code) => reject(new Error(`serve exited (${code}) before it was ready:\n${serveLog}`)));
  createInterface({ input: serve.stdout }).on('line', (line) => {
    const url = /^mcp http: (http:\/\/\S+)$/.exec(line);
    const token = /^mcp http token: (\S+)$/.exec(line);
    if (url) seen.url = url[1];
    if (token) seen.token = token[1];
    if (seen.url && seen.token) {
      clearTimeout(timer);
      resolve(seen);
    }
  });
});
const target = new URL(found.url);

const proxy = createServer((req, res) => {
  const own = [`127.0.0.1:${proxy.address().port}`, `localhost:${proxy.address().port}`];
  const headers = { ...req.headers, authorization: `Bearer ${found.token}` };
  if (own.includes(String(req.headers.host).toLowerCase())) headers.host = target.host;
  if (typeof req.headers.origin === 'string' && own.some((o) => req.headers.origin.toLowerCase() === `http://${o}`)) headers.origin = target.origin;
  const upstream = request({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  upstream.on('error', () => {
    if (!res.headersSent) res.writeHead(502);
    res.end();
  });
  res.on('close', () => upstream.destroy());
  req.pipe(upstream);
});
await new Promise((resolve) => proxy.listen(0, '127.0.0.1', resolve));

const cli = join(root, 'node_modules', '@modelcontextprotocol', 'conformance', 'dist', 'index.js');
const runSuite = (label, extra) => {
  process.stdout.write(`\n── conformance: ${label}\n`);
  const args = ['--import', join(root, 'test', 'conformance', 'node20-register.mjs'), cli, 'server', '--url', `http://127.0.0.1:${proxy.address().port}${target.pathname}`, '--expected-failures', join(root, 'test', 'conformance', 'expected-failures.yml'), '-o', join(root, 'test-results', 'conformance'), ...extra];
  const suite = spawn(process.execPath, args, { cwd: root, stdio: 'inherit' });
  return new Promise((resolve) => suite.once('exit', (status) => resolve(status ?? 1)));
};
// The active suite (2025-era scenarios over the legacy leg), then exactly what 2026-07-28 requires.
const extra = process.argv.slice(2);
let code = extra.length > 0 ? await runSuite('as asked', extra) : await runSuite('active suite', []);
if (extra.length === 0 && code === 0) code = await runSuite('2026-07-28 requirements', ['--requirements', '2026-07-28']);

proxy.close();
proxy.closeAllConnections();
serve.kill('SIGTERM');
await new Promise((resolve) => (serve.exitCode === null ? serve.once('exit', resolve) : resolve()));
rmSync(configDir, { recursive: true, force: true });
process.exit(code);
