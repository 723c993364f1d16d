/** The per-tenant colour as a small swatch, and the style that tints a region with it. */
import type { CSSProperties, ReactNode } from 'react';
import { useTenantHue } from '../app/app-context';

/** A CSS style setting `--tenant-hue`; CSS picks lightness per theme. */
export function tenantHueStyle(hue: number): CSSProperties {
  return { ['--tenant-hue' as string]: String(hue) } as CSSProperties;
}

/** A round swatch in the tenant's colour (decorative). */
export function TenantSwatch(props: { tenantId: string; size?: 'small' | 'large' }): ReactNode {
  const hue = useTenantHue(props.tenantId);
  return <span className={`tenant-swatch ${props.size ?? 'small'}`} style={tenantHueStyle(hue)} aria-hidden="true" />;
}
