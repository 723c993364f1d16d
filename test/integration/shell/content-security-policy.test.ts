import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, metaContentSecurityPolicy } from '../../../src-shared/content-security-policy';

const builtPage = join(__dirname, '..', '..', '..', 'out', 'renderer', 'index.html');

function directives(policy: string): Map<string, string> {
  return new Map(policy.split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name ?? '', values.join(' ')]));
}

describe('the window content security policy, written once', () => {
  it('the header forbids remote scripts, plugins, foreign forms and framing', () => {
    const header = directives(contentSecurityPolicy);
    expect(header.get('default-src')).toBe("'self'");
    expect(header.get('script-src')).toBe("'self'");
    expect(header.get('object-src')).toBe("'none'");
    expect(header.get('form-action')).toBe("'none'");
    expect(header.get('frame-ancestors')).toBe("'none'");
  });

  it('the meta tag carries the same directives but frame-ancestors, which a meta tag cannot carry', () => {
    const header = directives(contentSecurityPolicy);
    header.delete('frame-ancestors');
    expect(directives(metaContentSecurityPolicy)).toEqual(header);
  });

  it('the built index.html carries exactly that meta policy', () => {
    expect(existsSync(builtPage), 'out/renderer/index.html is missing: run `npm run build` first').toBe(true);
    const html = readFileSync(builtPage, 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html);
    expect(meta?.[1]).toBe(metaContentSecurityPolicy);
  });
});
