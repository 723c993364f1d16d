// `npm run typecheck`: one `tsc` per layer's project (each layer sees only its own environment's types;
// tsconfig.json lists them). Each run is single-threaded, so they run side by side, as many at once as
// there are cores: on a two-core CI machine the five one after another left a core idle. A project's
// output is printed whole when it ends, and any failure fails the command.
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const projects = ['tsconfig.shared.json', 'tsconfig.main.json', 'tsconfig.renderer.json', 'tsconfig.apps.json', 'tsconfig.test.json'];

/** Runs tsc on one project; resolves with its exit code and what it printed. */
function check(project) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsc, '-p', project], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (output += chunk));
    child.once('error', (error) => resolve({ project, code: 1, output: `${output}${error.message}\n` }));
    child.once('close', (code, signal) => resolve({ project, code: code ?? 1, output: signal ? `${output}tsc ended by ${signal}\n` : output }));
  });
}

const queue = [...projects];
let failed = 0;
async function worker() {
  for (let project = queue.shift(); project !== undefined; project = queue.shift()) {
    const result = await check(project);
    if (result.output !== '') process.stdout.write(result.output);
    if (result.code !== 0) {
      failed += 1;
      process.stdout.write(`✘ tsc -p ${project} failed\n`);
    }
  }
}
await Promise.all(Array.from({ length: Math.min(availableParallelism(), projects.length) }, worker));
process.exitCode = failed === 0 ? 0 : 1;
