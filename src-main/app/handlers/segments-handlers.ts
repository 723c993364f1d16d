/** `segments.*`: the desktop tenant's segments, each call checked against the tenant the window shows. */
import type { RequestHandlers } from '../dispatcher';
import { criterionView, sampleFanView, segmentView } from '../views';
import { activeTenant } from '../../core/session/tenant-session';
import { desktopIn, type HandlerContext } from './context';

type SegmentsChannels = 'segments.list' | 'segments.get' | 'segments.create' | 'segments.update' | 'segments.preview' | 'segments.criteria' | 'segments.current';

export function segmentsHandlers(ctx: HandlerContext): Pick<RequestHandlers, SegmentsChannels> {
  return {
    'segments.list': async ({ expectedTenantId, ...query }) => {
      const scoped = await activeTenant(desktopIn(ctx, expectedTenantId)).listSegments(query);
      return { segments: scoped.value.segments.map(segmentView), nextCursor: scoped.value.nextCursor, tenantId: scoped.tenantId };
    },
    'segments.get': async ({ segmentId, expectedTenantId }) => {
      const scoped = await activeTenant(desktopIn(ctx, expectedTenantId)).getSegment(segmentId);
      return { segment: segmentView(scoped.value), tenantId: scoped.tenantId };
    },
    // Writes reach the window's list pushed (`segments.onDidChange`), like writes by an AI session.
    'segments.create': async ({ expectedTenantId, ...input }) => {
      const scoped = await activeTenant(desktopIn(ctx, expectedTenantId)).createSegment(input);
      return { segment: segmentView(scoped.value), tenantId: scoped.tenantId };
    },
    'segments.update': async ({ segmentId, expectedTenantId, baseRevision, ...input }) => {
      const scoped = await activeTenant(desktopIn(ctx, expectedTenantId)).updateSegment(segmentId, input, { baseRevision });
      return { segment: segmentView(scoped.value), tenantId: scoped.tenantId };
    },
    'segments.preview': async ({ definition, expectedTenantId }) => {
      const scoped = await activeTenant(desktopIn(ctx, expectedTenantId)).previewSegment(definition);
      return { estimated_fan_count: scoped.value.estimated_fan_count, sample_fans: scoped.value.sample_fans.map(sampleFanView), tenantId: scoped.tenantId };
    },
    'segments.criteria': async ({ expectedTenantId }) => {
      const scoped = await activeTenant(desktopIn(ctx, expectedTenantId)).segmentationCriteria();
      return { criteria: scoped.value.map(criterionView), tenantId: scoped.tenantId };
    },
    'segments.current': async ({ reload }) => {
      if (reload === true) await ctx.effects.reloadSegments();
      return ctx.store.segments();
    },
  };
}
