/** The desktop app's command line: `--demo [--demo-user U]`, `--socket PATH`, `--mode M`, `--toolsets a,b`. Pure. */
import { DemoUserSchema, type DemoUser } from '../../src-shared/ipc';
import { OperationModeSchema, type OperationMode } from '../../src-shared/session';
import { parseToolsets, type ToolDomain } from '../../src-shared/tool-domains';

/** Parsed launch options. */
export interface LaunchOptions {
  demo: { user: DemoUser } | null;
  socketPath?: string;
  operationMode?: OperationMode;
  toolsets?: ToolDomain[];
}

/**
 * Reads the flags it knows from Electron's argv and ignores the rest (Electron and Chromium add their
 * own switches, and the first entries are the binary and the app path). Invalid values are reported.
 */
export function parseLaunchOptions(argv: readonly string[]): { options: LaunchOptions; problems: string[] } {
  const problems: string[] = [];
  let demo = false;
  let demoUser: DemoUser = 'owner';
  const options: LaunchOptions = { demo: null };
  const valueOf = (index: number, flag: string): string | undefined => {
    const arg = argv[index] ?? '';
    if (arg.startsWith(`${flag}=`)) return arg.slice(flag.length + 1);
    return argv[index + 1];
  };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    const flag = arg.split('=')[0];
    const inline = arg.includes('=');
    switch (flag) {
      case '--demo':
        demo = true;
        break;
      case '--demo-user': {
        const user = DemoUserSchema.safeParse(valueOf(i, flag));
        if (user.success) demoUser = user.data;
        else problems.push(`--demo-user must be one of ${DemoUserSchema.options.join(', ')}`);
        if (!inline) i += 1;
        break;
      }
      case '--socket': {
        const path = valueOf(i, flag);
        if (path !== undefined && path !== '' && !path.startsWith('--')) options.socketPath = path;
        else problems.push('--socket needs a path');
        if (!inline) i += 1;
        break;
      }
      case '--mode': {
        const mode = OperationModeSchema.safeParse((valueOf(i, flag) ?? '').toUpperCase().replace(/-/g, '_'));
        if (mode.success) options.operationMode = mode.data;
        else problems.push('--mode must be READ_ONLY, STANDARD or FULL');
        if (!inline) i += 1;
        break;
      }
      case '--toolsets': {
        const parsed = parseToolsets(valueOf(i, flag) ?? '');
        if (parsed.ok) options.toolsets = parsed.domains;
        else problems.push(`--toolsets: ${parsed.message}`);
        if (!inline) i += 1;
        break;
      }
      default:
        break;
    }
  }
  if (demo) options.demo = { user: demoUser };
  return { options, problems };
}
