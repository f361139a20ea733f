/** Export as a disclosure menu: four formats and the masking choice, all reachable by Tab and Enter. */
import { useEffect, useId, useRef, useState } from 'react';
import type { ReportFormat } from '../../src-main/ipc/contract.js';
import type { WorkspaceStore } from '../state/use-workspace.js';

const FORMATS: Array<{ format: ReportFormat; label: string; hint: string }> = [
  { format: 'html', label: 'HTML report', hint: '.html' },
  { format: 'md', label: 'Markdown (for a ticket)', hint: '.md' },
  { format: 'json', label: 'JSON (analyze output)', hint: '.json' },
  { format: 'pdf', label: 'PDF', hint: '.pdf' },
];

export function ExportMenu({ store }: { store: WorkspaceStore }) {
  const [open, setOpen] = useState(false);
  const wrap = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    const close = (e: Event): void => {
      if (wrap.current && e.target instanceof Node && wrap.current.contains(e.target)) return;
      setOpen(false);
    };
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('focusin', close);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('focusin', close);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const masked = store.presentation || store.exportRedact;
  return (
    <div className="menu-wrap" ref={wrap}>
      <button
        ref={button}
        type="button"
        className="btn primary"
        aria-haspopup="true"
        aria-expanded={open}
        aria-controls={menuId}
        disabled={!store.workspace}
        onClick={() => setOpen((v) => !v)}
      >
        Export ▾
      </button>
      {open && (
        <ul className="menu" id={menuId} aria-label="Export report">
          {FORMATS.map((f) => (
            <li key={f.format}>
              <button
                type="button"
                onClick={() => {
                  setOpen(false);
                  button.current?.focus();
                  void store.exportReport(f.format);
                }}
              >
                {f.label}
                <span className="hint">{f.hint}</span>
              </button>
            </li>
          ))}
          <li>
            <label className="menu-check">
              <input
                type="checkbox"
                checked={masked}
                disabled={store.presentation}
                onChange={(e) => store.setExportRedact(e.target.checked)}
              />
              Mask personal data{store.presentation ? ' (always, in presentation mode)' : ''}
            </label>
          </li>
        </ul>
      )}
    </div>
  );
}
