/**
 * Turns zod's JIT off. The window's CSP allows no `eval`, and zod probes for it (`new Function`) the first
 * time it parses an object: the probe is caught, but Chromium still reports it as a CSP violation.
 * Imported first by every bundle that runs under that CSP (the renderer, the preload).
 */
import { config } from 'zod';

config({ jitless: true });
