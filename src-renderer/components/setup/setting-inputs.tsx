/**
 * The three ways a setting's file gets in: a drop zone, a "Choose file…" button and a paste box.
 * Each hands main the text and the file name (the setting's origin); main parses it.
 */
import { useId, useRef, useState, type ReactNode } from 'react';
import type { SetupText } from '../../../src-main/ipc/contract.js';
import { droppedSetting, fileText } from '../../lib/file-text.js';

/** Hands the text to main; a `false` answer means it was refused (the error is shown elsewhere). */
type Use = (given: SetupText) => void | Promise<boolean>;

/**
 * A section that takes a dropped file for its own setting. The window's drop handler skips drops
 * inside `[data-drop-setting]` and shows the label instead of "Drop to analyse".
 */
export function DropZone({ label, onText, children, className }: { label: string; onText: Use; children: ReactNode; className?: string }) {
  const [over, setOver] = useState(false);
  return (
    <section
      className={`setup-section${over ? ' drop-active' : ''}${className ? ` ${className}` : ''}`}
      data-drop-setting={label}
      onDragOver={(e) => {
        e.preventDefault();
        if (!over) setOver(true);
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        void droppedSetting(e.dataTransfer).then((given) => {
          if (given) void onText(given);
        });
      }}
    >
      {children}
    </section>
  );
}

export function ChooseFileButton({ label, accept, onText, describedBy }: { label: string; accept: string; onText: Use; describedBy?: string }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className="btn small" aria-describedby={describedBy} onClick={() => input.current?.click()}>
        {label}
      </button>
      <input
        ref={input}
        type="file"
        accept={accept}
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = ''; // the same file can be chosen again after a clear
          if (file) {
            void fileText(file).then((text) => {
              void onText({ text, name: file.name });
            });
          }
        }}
      />
    </>
  );
}

/**
 * "Paste…" opens a small box; Use sends its text and empties it once main accepted it (nothing lingers in
 * the page). Refused text stays in the box, so the user can correct it instead of pasting it again.
 */
export function PasteBox({ label, placeholder, onText }: { label: string; placeholder: string; onText: Use }) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const id = useId();
  const box = useRef<HTMLTextAreaElement>(null);
  const close = (): void => {
    setText('');
    setOpen(false);
  };
  if (!open) {
    return (
      <button
        type="button"
        className="btn small"
        onClick={() => {
          setOpen(true);
          requestAnimationFrame(() => box.current?.focus());
        }}
      >
        Paste…
      </button>
    );
  }
  const use = (): void => {
    if (text.trim() === '') return;
    const outcome = onText({ text });
    if (outcome instanceof Promise) void outcome.then((accepted) => accepted && close());
    else close();
  };
  return (
    <div className="paste-box">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        ref={box}
        value={text}
        spellCheck={false}
        placeholder={placeholder}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            use();
          } else if (e.key === 'Escape') {
            e.preventDefault();
            close();
          }
        }}
      />
      <div className="row">
        <button type="button" className="btn small primary" onClick={use} disabled={text.trim() === ''}>
          Use
        </button>
        <button type="button" className="btn small" onClick={close}>
          Cancel
        </button>
      </div>
    </div>
  );
}
