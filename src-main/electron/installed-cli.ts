/**
 * The installed app's CLI entry (bundled by build/app-cli.mjs into out/app-cli, unpacked from app.asar):
 * what AI clients start, through the app's own executable in Node mode (`ELECTRON_RUN_AS_NODE=1`, see
 * cli-launcher.ts). It never imports `electron`: in Node mode there is none. Like bin/nevent-companion.mjs,
 * it leaves explicitly once the output is flushed, because a keychain call that timed out may still hold
 * the event loop in native code.
 */
import { main } from '../cli/main';

const code = await main(process.argv.slice(2));
await Promise.all([process.stdout, process.stderr].map((stream) => new Promise((resolve) => stream.write('', resolve))));
process.exit(code);
