/** The embedded demo Nevent API: start it, point a client at `url`/`dataUrl`, inject faults. */
export type { DemoApi, DemoApiOptions, DemoFaults, DemoStats, SwitchFaultKind } from './demo-api-types';
export { demoUsers } from './demo-users';
export type { DemoUser } from './demo-users';
export { startDemoApi } from './server';
