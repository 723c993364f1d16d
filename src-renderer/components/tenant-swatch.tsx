/** The per-tenant colour as a small swatch, and the style that tints a region with it. */
import type { CSSProperties, ReactNode } from 'react';
import { tenantHue } from '../lib/tenant-colour';

/** A CSS style setting `--tenant-hue` for the tenant; CSS picks lightness per theme. */
export function tenantHueStyle(tenantId: string): CSSProperties {
  return { ['--tenant-hue' as string]: String(tenantHue(tenantId)) } as CSSProperties;
}

/** A round swatch in the tenant's colour (decorative). */
export function TenantSwatch(props: { tenantId: string; size?: 'small' | 'large' }): ReactNode {
  return <span className={`tenant-swatch ${props.size ?? 'small'}`} style={tenantHueStyle(props.tenantId)} aria-hidden="true" />;
}
