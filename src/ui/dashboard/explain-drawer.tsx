'use client';
/**
 * The explanation opens as a drawer over the page: focus moves into it, Escape or the backdrop
 * closes it (back to the same URL without `explain`), and the page behind keeps its place.
 */
import { useRouter } from 'next/navigation';
import { useEffect, useRef, type ReactNode } from 'react';

export function ExplainDrawer({ closeHref, labelledBy, children }: { closeHref: string; labelledBy: string; children: ReactNode }) {
  const router = useRouter();
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    panel.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') router.push(closeHref, { scroll: false });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [closeHref, router]);
  return (
    <div className="drawer-layer">
      <button
        type="button"
        className="drawer-backdrop"
        aria-label="Close the explanation"
        onClick={() => router.push(closeHref, { scroll: false })}
        tabIndex={-1}
      />
      <div className="drawer" role="dialog" aria-modal="false" aria-labelledby={labelledBy} tabIndex={-1} ref={panel}>
        {children}
      </div>
    </div>
  );
}
