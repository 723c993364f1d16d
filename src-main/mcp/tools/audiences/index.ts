/** The audiences domain: segments, their criteria, previews and the contacts they select. */
import type { AnyToolSpec } from '../../tool';
import { createSegmentTool } from './create-segment';
import { dimensionValuesTool } from './dimension-values';
import { getSegmentTool } from './get-segment';
import { listSegmentsTool } from './list-segments';
import { segmentExecuteTool } from './segment-execute';
import { segmentPreviewTool } from './segment-preview';
import { segmentationCriteriaTool } from './segmentation-criteria';
import { updateSegmentTool } from './update-segment';

/** The audience tools, in `tools/list` order. */
export const audiencesTools: readonly AnyToolSpec[] = [listSegmentsTool, getSegmentTool, createSegmentTool, updateSegmentTool, segmentPreviewTool, segmentationCriteriaTool, segmentExecuteTool, dimensionValuesTool];

export { audiencesGuides } from './guidance';
