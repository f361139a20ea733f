/**
 * The input column: a text box for pasted SAMLResponse / metadata / URLs, what is loaded now, and
 * the Setup panel. In presentation mode only the Setup panel shows: the text box holds personal data.
 */
import { useEffect, useRef, useState } from 'react';
import type { WorkspaceStore } from '../state/use-workspace.js';
import { isMac } from '../api.js';
import { SetupPanel } from './SetupPanel.js';

export function InputPanel({ store }: { store: WorkspaceStore }) {
  const [text, setText] = useState('');
  const box = useRef<HTMLTextAreaElement>(null);
  const { focusInputRef } = store;

  useEffect(() => {
    focusInputRef.current = () => box.current?.focus();
    return () => {
      focusInputRef.current = null;
    };
  }, [focusInputRef]);

  const analyze = (): void => {
    if (text.trim() !== '') void store.analyzeText(text, 'Pasted text');
  };
  const submitKey = isMac() ? '⌘↵' : 'Ctrl+Enter';
  const ws = store.workspace && store.workspace.results.length > 0 ? store.workspace : null;

  if (store.presentation) {
    return (
      <aside className="input-panel" aria-label="Input">
        <SetupPanel store={store} />
      </aside>
    );
  }
  return (
    <aside className="input-panel" aria-label="Input">
      <h2>
        <label htmlFor="input-text">Input</label>
      </h2>
      <p className="help" id="input-help">
        Paste a SAMLResponse (base64, URL or XML), a SAML-tracer or HAR export, or metadata — anywhere in the window. Or drop a file.
      </p>
      <textarea
        id="input-text"
        ref={box}
        value={text}
        spellCheck={false}
        aria-describedby="input-help"
        placeholder="SAMLResponse=PHNhbWxwOl…"
        onChange={(e) => setText(e.target.value)}
        onPaste={(e) => {
          // Pasting into an empty box analyses at once; edits need the button.
          const pasted = e.clipboardData.getData('text');
          if (text.trim() === '' && pasted.trim() !== '') {
            e.preventDefault();
            setText(pasted);
            void store.analyzeText(pasted, 'Pasted text');
          }
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            analyze();
          }
        }}
      />
      <div className="actions">
        <button type="button" className="btn primary" onClick={analyze} disabled={text.trim() === ''}>
          Analyse <kbd>{submitKey}</kbd>
        </button>
        <button type="button" className="btn" onClick={() => setText('')} disabled={text === ''}>
          Clear
        </button>
      </div>
      {ws && (
        <div className="source">
          <strong>Showing:</strong> {ws.title}
          {ws.targetProfile && (
            <>
              <br />
              <strong>Target:</strong> {ws.targetProfile.name}
            </>
          )}
          <br />
          <span>Analysed {new Date(ws.analyzedAt).toLocaleString()}</span>
        </div>
      )}
      <SetupPanel store={store} />
    </aside>
  );
}
