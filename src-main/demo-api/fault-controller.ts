/** Fault injection state and counters behind `DemoFaults` and `POST /__demo/faults`. */
import type { DemoFaults, DemoStats, SwitchFaultKind } from './demo-api-types';

/** Most switch failures that can be queued at once (keeps a typo like n=1e9 harmless). */
const maxQueuedSwitchFaults = 10_000;

/** Mutable fault settings; `reset()` restores the start-up options. */
export class FaultController implements DemoFaults {
  latencyMs: number;
  accessTokenTtlSeconds: number;
  private switchFaults: SwitchFaultKind[] = [];
  private refreshesInOtherTenant = 0;
  private readonly refusedRefreshTenants = new Set<string>();
  private counters: DemoStats = { refreshCalls: 0, switchCalls: 0, refreshReuseRejected: 0, requests: 0 };

  constructor(
    private readonly defaults: { latencyMs: number; accessTokenTtlSeconds: number },
    private readonly revokeAccessTokens: () => void,
  ) {
    this.latencyMs = defaults.latencyMs;
    this.accessTokenTtlSeconds = defaults.accessTokenTtlSeconds;
  }

  setLatency(ms: number): void {
    this.latencyMs = clampNonNegative(ms, 60_000);
  }

  failNextSwitches(n: number, kind: SwitchFaultKind): void {
    const count = clampNonNegative(n, maxQueuedSwitchFaults);
    this.switchFaults.push(...Array.from({ length: Math.min(count, maxQueuedSwitchFaults - this.switchFaults.length) }, () => kind));
  }

  refreshInOtherTenant(n: number): void {
    this.refreshesInOtherTenant = Math.min(this.refreshesInOtherTenant + clampNonNegative(n, maxQueuedSwitchFaults), maxQueuedSwitchFaults);
  }

  refuseRefreshIn(tenantId: string): void {
    this.refusedRefreshTenants.add(tenantId);
  }

  /** True when refresh tokens issued in `tenantId` are refused. */
  refusesRefreshIn(tenantId: string | null): boolean {
    return tenantId !== null && this.refusedRefreshTenants.has(tenantId);
  }

  expireAccessTokens(): void {
    this.revokeAccessTokens();
  }

  setAccessTokenTtl(seconds: number): void {
    this.accessTokenTtlSeconds = clampNonNegative(seconds, 365 * 24 * 3600);
  }

  reset(): void {
    this.latencyMs = this.defaults.latencyMs;
    this.accessTokenTtlSeconds = this.defaults.accessTokenTtlSeconds;
    this.switchFaults = [];
    this.refreshesInOtherTenant = 0;
    this.refusedRefreshTenants.clear();
    this.counters = { refreshCalls: 0, switchCalls: 0, refreshReuseRejected: 0, requests: 0 };
  }

  stats(): DemoStats {
    return { ...this.counters };
  }

  /** Takes the next queued switch failure, if any. */
  takeSwitchFault(): SwitchFaultKind | undefined {
    return this.switchFaults.shift();
  }

  /** True (and counted down) when the next refresh must come back in another tenant. */
  takeRefreshInOtherTenant(): boolean {
    if (this.refreshesInOtherTenant === 0) return false;
    this.refreshesInOtherTenant -= 1;
    return true;
  }

  /** Counts one event. */
  count(counter: keyof DemoStats): void {
    this.counters[counter] += 1;
  }
}

function clampNonNegative(value: number, max: number): number {
  if (!Number.isFinite(value) || value < 0) return 0;
  return Math.min(Math.floor(value), max);
}
