// Module hooks for running @modelcontextprotocol/conformance on Node 20 (see node20-fs-glob.mjs).
import { URL } from 'node:url';

const shim = new URL('./node20-fs-glob.mjs', import.meta.url).href;

export async function resolve(specifier, context, next) {
  if ((specifier === 'fs' || specifier === 'node:fs') && context.parentURL?.includes('/@modelcontextprotocol/conformance/')) return { url: shim, shortCircuit: true };
  return next(specifier, context);
}
