/**
 * A fixed-row-height virtual list: only the rows in view (plus overscan) exist in the DOM, so 100,000
 * rows cost the same as 30. Row heights are fixed by CSS and by `rowHeight`; they must agree.
 */
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { scrollTopToReveal, visibleRange } from '../lib/virtual-range';

/** Props of the virtual list. */
export interface VirtualListProps {
  id: string;
  count: number;
  rowHeight: number;
  /** The row kept in view (keyboard selection); -1 for none. */
  activeIndex: number;
  role: 'listbox' | 'tree' | 'list';
  label: string;
  renderRow: (index: number) => ReactNode;
  /** Shown instead of rows when `count` is 0 (the element then has no list role). */
  empty?: ReactNode;
  /** Rows rendered beyond each edge of the viewport (default 6). */
  overscan?: number;
}

/** Renders `count` rows of `rowHeight` px, virtualized. */
export function VirtualList(props: VirtualListProps): ReactNode {
  const { count, rowHeight, activeIndex } = props;
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(400);
  const frame = useRef(0);

  useLayoutEffect(() => {
    const el = viewport.current;
    if (!el) return;
    setHeight(el.clientHeight);
    const observer = new ResizeObserver(() => setHeight(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // Keep the keyboard selection visible; scroll only as far as needed.
  useLayoutEffect(() => {
    const el = viewport.current;
    if (!el || activeIndex < 0) return;
    const next = scrollTopToReveal(activeIndex, el.scrollTop, el.clientHeight, rowHeight);
    if (next !== null) {
      el.scrollTop = next;
      setScrollTop(next);
    }
  }, [activeIndex, rowHeight]);

  // A shorter list may leave the viewport scrolled past its end. Reading scrollTop forces a layout in the
  // middle of the commit, so it is read only when the list got too short for the position we hold.
  useLayoutEffect(() => {
    const el = viewport.current;
    if (!el || scrollTop <= Math.max(0, count * rowHeight - height)) return;
    if (el.scrollTop !== scrollTop) setScrollTop(el.scrollTop);
  }, [count, scrollTop, rowHeight, height]);

  const onScroll = (): void => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => setScrollTop(viewport.current?.scrollTop ?? 0));
  };

  const { start, end } = visibleRange(scrollTop, height, rowHeight, count, props.overscan);
  const rows: ReactNode[] = [];
  for (let i = start; i < end; i++) rows.push(props.renderRow(i));

  // Nothing to list is said in words, not as an empty tree or listbox (which a screen reader would
  // announce as a list with no items, or report as broken). One element either way: the size observer
  // above keeps watching it.
  const empty = count === 0;
  return (
    <div
      ref={viewport}
      id={props.id}
      className={`virtual-list${empty ? ' empty' : ''}`}
      role={empty ? undefined : props.role}
      aria-label={empty ? undefined : props.label}
      onScroll={onScroll}
      tabIndex={empty ? undefined : -1}
    >
      {empty ? (
        props.empty
      ) : (
        <div className="virtual-list-canvas" style={{ height: count * rowHeight }}>
          <div className="virtual-list-window" style={{ transform: `translateY(${start * rowHeight}px)` }}>
            {rows}
          </div>
        </div>
      )}
    </div>
  );
}
