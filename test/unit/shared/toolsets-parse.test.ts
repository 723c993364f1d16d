/** The one reading of a toolset list (`--toolsets`, NEVENT_TOOLSETS, the settings file's string form). */
import { describe, expect, it } from 'vitest';
import { defaultToolDomains, parseToolsets, toolDomainNamed, toolDomains } from '../../../src-shared/tool-domains';

describe('parseToolsets', () => {
  it('reads names liberally, in the toolset order, without repeats', () => {
    expect(parseToolsets('media, Paid_Media,tenants,media')).toEqual({ ok: true, domains: ['tenants', 'paid-media', 'media'] });
    expect(parseToolsets('SHORT URLS')).toEqual({ ok: true, domains: ['short-urls'] });
  });

  it('knows all, default (to add to) and none', () => {
    expect(parseToolsets('all')).toEqual({ ok: true, domains: [...toolDomains] });
    expect(parseToolsets('default,analytics')).toEqual({ ok: true, domains: ['tenants', 'audiences', 'campaigns', 'analytics', 'help'] });
    expect(parseToolsets('default')).toEqual({ ok: true, domains: [...defaultToolDomains] });
    expect(parseToolsets('none')).toEqual({ ok: true, domains: [] });
  });

  it('refuses the whole list for one name that is no toolset, naming it and the valid names; an empty list too', () => {
    const typo = parseToolsets('tenants,campains');
    expect(typo.ok).toBe(false);
    if (!typo.ok) expect(typo.message).toBe('"campains" is not a toolset; use tenants, audiences, campaigns, analytics, paid-media, templates, short-urls, media, help, or all, default, none');
    expect(parseToolsets(' , ').ok).toBe(false);
  });

  it('maps one name to a domain, or null', () => {
    expect(toolDomainNamed(' Short_URLs ')).toBe('short-urls');
    expect(toolDomainNamed('everything')).toBeNull();
  });
});
