/**
 * Bounds on the shape of JSON that arrives from outside (MCP tool arguments, `serve` request bodies),
 * checked before zod or anything recursive touches it: zod, JSON.stringify and our own walkers recurse,
 * so a value nested 200,000 levels deep would overflow the stack and surface as an internal error.
 * The walk here is iterative and stops at the first violation, so its cost is bounded by the limits.
 */

/** How deep and how big a value may be. */
export interface JsonBounds {
  /** Nesting depth: `1` is a scalar, `{"a":1}` is 2. */
  maxDepth: number;
  /** Values (objects, arrays, scalars) in total. */
  maxNodes: number;
}

/** What every input boundary accepts: far beyond any real tool argument or IPC request. */
export const inputBounds: JsonBounds = { maxDepth: 64, maxNodes: 200_000 };

/** Why `value` exceeds `bounds`, as a sentence; null when it is within them. */
export function jsonBoundsViolation(value: unknown, bounds: JsonBounds = inputBounds): string | null {
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 1 }];
  let nodes = 1;
  while (stack.length > 0) {
    const next = stack.pop() as { value: unknown; depth: number };
    if (next.depth > bounds.maxDepth) return `it is nested more than ${bounds.maxDepth} levels deep`;
    const current = next.value;
    if (typeof current !== 'object' || current === null) continue;
    const children = Array.isArray(current) ? current : Object.values(current as Record<string, unknown>);
    nodes += children.length;
    if (nodes > bounds.maxNodes) return `it holds more than ${bounds.maxNodes} values`;
    for (const child of children) stack.push({ value: child, depth: next.depth + 1 });
  }
  return null;
}
