/**
 * The workspace: toolbar, input column, verdict, and the result tabs. Paste and drop work anywhere
 * in the window; Ctrl/Cmd+Shift+P toggles presentation mode.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { AttributesPanel } from './components/AttributesPanel.js';
import { CapturePanel } from './components/CapturePanel.js';
import { CertificatesPanel } from './components/CertificatesPanel.js';
import { FindingsPanel } from './components/FindingsPanel.js';
import { FlowPanel } from './components/FlowPanel.js';
import { InputPanel } from './components/InputPanel.js';
import { MessagePanel } from './components/MessagePanel.js';
import { SimulationPanel } from './components/SimulationPanel.js';
import { TimelinePanel } from './components/TimelinePanel.js';
import { Toolbar } from './components/Toolbar.js';
import { VerdictBanner } from './components/VerdictBanner.js';
import { ModeSwitch, type AppMode } from './components/userbase/ModeSwitch.js';
import { UserBaseView } from './components/userbase/UserBaseView.js';
import { collectFindings, collectMessages } from './lib/findings.js';
import { useCapture } from './state/use-capture.js';
import { useWorkspace } from './state/use-workspace.js';
import { isMac, on } from './api.js';

type TabId = 'findings' | 'flow' | 'attributes' | 'message' | 'certificates' | 'timeline' | 'simulation';

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target instanceof HTMLTextAreaElement || (target instanceof HTMLInputElement && target.type !== 'checkbox');
}

export function App() {
  const store = useWorkspace();
  const { presentation } = store;
  // Settings pasted before any message come back as a workspace without results: nothing to show but the notice.
  const workspace = store.workspace && store.workspace.results.length > 0 ? store.workspace : null;
  const [dropLabel, setDropLabel] = useState('Drop to analyse');
  const [dismissedNotice, setDismissedNotice] = useState<string | null>(null);
  const [tab, setTab] = useState<TabId>('findings');
  /** The tab the next new input opens on (Stop of a capture opens its flow). */
  const nextTab = useRef<TabId | null>(null);
  /** A finding the Flow tab linked to: Findings opens, scrolls to and focuses it. */
  const [focusFinding, setFocusFinding] = useState<string | null>(null);
  const [messageKey, setMessageKey] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [mode, setMode] = useState<AppMode>('login');
  const dragDepth = useRef(0);
  const storeRef = useRef(store);
  storeRef.current = store;

  const findings = useMemo(() => (workspace ? collectFindings(workspace) : []), [workspace]);
  const messages = useMemo(() => (workspace ? collectMessages(workspace) : []), [workspace]);
  const current = messages.find((m) => m.key === messageKey) ?? messages.find((m) => m.message.type === 'Response') ?? messages[0];
  const workspaceKey = store.workspace ? `${store.workspace.analyzedAt}|${store.workspace.title}|${store.workspace.redacted}` : 'none';
  const noticeKey = store.workspace?.notice ? `${workspaceKey}|${store.workspace.notice}` : null;

  // New input starts at the findings, on its response. The same input analysed again with another
  // setting (trust anchor, time, …) keeps the view, so the effect of the change is seen where it shows.
  const inputKey = workspace ? `${workspace.title}|${workspace.redacted}|${messages.map((m) => m.message.id ?? m.key).join(',')}` : 'none';
  useEffect(() => {
    setMessageKey(null);
    setFocusFinding(null);
    setTab(nextTab.current ?? 'findings');
    nextTab.current = null;
  }, [inputKey]);

  const capture = useCapture(store, {
    analysing: () => {
      nextTab.current = 'flow';
    },
    analysed: (ok) => {
      // The new workspace may render after this: the input-change effect then reads nextTab (and clears it).
      if (ok) setTab('flow');
      else nextTab.current = null;
    },
  });
  // The target profile the picker shows (the one the shown workspace used, else the stored choice).
  const profileId = store.workspace?.targetProfile?.id ?? store.settings?.targetProfileId ?? null;
  const beginCapture = useRef(() => capture.begin(profileId));
  beginCapture.current = () => capture.begin(profileId);
  useEffect(() => on('menu:capture', () => beginCapture.current()), []);

  // Tests and the UI benchmark wait for this; the mark times "navigation → interactive workspace".
  useEffect(() => {
    document.documentElement.dataset.ready = String(store.ready);
    if (store.ready) performance.mark('samlscope:interactive');
  }, [store.ready]);

  // Paste anywhere (outside text fields) analyses the clipboard; shortcut for presentation mode.
  useEffect(() => {
    const onPaste = (e: ClipboardEvent): void => {
      if (isEditable(e.target)) return;
      const file = e.clipboardData?.files[0];
      const text = e.clipboardData?.getData('text') ?? '';
      if (file) {
        e.preventDefault();
        void storeRef.current.dropFile(file);
      } else if (text.trim() !== '') {
        e.preventDefault();
        void storeRef.current.analyzeText(text, 'Pasted text');
      }
    };
    const onKey = (e: KeyboardEvent): void => {
      if ((e.ctrlKey || e.metaKey) && e.shiftKey && !e.altKey && e.key.toLowerCase() === 'p') {
        e.preventDefault();
        void storeRef.current.setPresentation(!storeRef.current.presentation);
      }
    };
    document.addEventListener('paste', onPaste);
    window.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('paste', onPaste);
      window.removeEventListener('keydown', onKey);
    };
  }, []);

  const onPasteButton = async (): Promise<void> => {
    try {
      const text = await navigator.clipboard.readText();
      if (text.trim() !== '') return void store.analyzeText(text, 'Pasted text');
    } catch {
      // Clipboard reads need a permission the app does not grant: fall back to the keyboard.
    }
    store.focusInputRef.current?.();
    store.showNotice(`Press ${isMac() ? '⌘V' : 'Ctrl+V'} to paste${presentation ? ' (anywhere: the input stays hidden in presentation mode)' : ''}.`);
  };

  const flowEntries = workspace?.results.reduce((n, r) => n + (r.flow?.entries.length ?? 0), 0) ?? 0;
  const tabs: Array<{ id: TabId; label: string; count?: number; hidden?: boolean }> = [
    { id: 'findings', label: 'Findings', count: findings.length },
    { id: 'flow', label: 'Flow', count: flowEntries, hidden: !workspace?.results.some((r) => r.flow) },
    { id: 'attributes', label: 'Attributes', count: current?.message.attributes.length },
    { id: 'message', label: 'Message' },
    { id: 'certificates', label: 'Certificates' },
    { id: 'timeline', label: 'Time line' },
    { id: 'simulation', label: 'JIT simulation', hidden: !workspace?.simulation && !workspace?.simulationError },
  ];
  const visibleTabs = tabs.filter((t) => !t.hidden);
  const activeTab = visibleTabs.some((t) => t.id === tab) ? tab : 'findings';

  const onTabKey = (e: ReactKeyboardEvent<HTMLDivElement>): void => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft' && e.key !== 'Home' && e.key !== 'End') return;
    const i = visibleTabs.findIndex((t) => t.id === activeTab);
    const n = visibleTabs.length;
    const next = e.key === 'Home' ? 0 : e.key === 'End' ? n - 1 : (i + (e.key === 'ArrowRight' ? 1 : n - 1)) % n;
    const t = visibleTabs[next];
    if (!t) return;
    e.preventDefault();
    setTab(t.id);
    document.getElementById(`tab-${t.id}`)?.focus();
  };

  // The instant the engine judged the shown message at (a capture's messages: when each was captured).
  const judgedAt = current?.message.judgedAt ?? current?.result.context?.now ?? workspace?.analyzedAt ?? new Date().toISOString();
  const now = Date.parse(judgedAt);
  const skew = current?.result.context?.clockSkewSeconds ?? 180;
  const placeholder = store.busy ?? (presentation ? 'Presentation mode: paste (Ctrl+V) or drop a file to analyse it; personal data is masked.' : 'Nothing analysed yet. Paste a SAMLResponse anywhere, drop a file, or open the demo case.');

  if (mode === 'userbase') {
    return (
      <div className="app ub-mode">
        <ModeSwitch mode={mode} onChange={setMode} />
        <UserBaseView profiles={store.profiles} initialProfileId={store.settings?.targetProfileId ?? null} presentation={presentation} />
      </div>
    );
  }

  return (
    <div
      className="app"
      onDragEnter={(e) => {
        if (!e.dataTransfer.types.includes('Files') && !e.dataTransfer.types.includes('text/plain')) return;
        dragDepth.current += 1;
        setDragging(true);
      }}
      onDragLeave={() => {
        dragDepth.current = Math.max(0, dragDepth.current - 1);
        if (dragDepth.current === 0) setDragging(false);
      }}
      onDragOver={(e) => {
        e.preventDefault();
        // Over a Setup section the drop sets that setting; elsewhere it is analysed (or auto-routed by main).
        const zone = e.target instanceof Element ? e.target.closest('[data-drop-setting]') : null;
        const label = zone?.getAttribute('data-drop-setting') ?? 'Drop to analyse';
        if (label !== dropLabel) setDropLabel(label);
      }}
      onDrop={(e) => {
        e.preventDefault();
        dragDepth.current = 0;
        setDragging(false);
        if (e.target instanceof Element && e.target.closest('[data-drop-setting]')) return; // the section took it
        const file = e.dataTransfer.files[0];
        const text = e.dataTransfer.getData('text/plain');
        if (file) void store.dropFile(file);
        else if (text.trim() !== '') void store.analyzeText(text, 'Dropped text');
      }}
    >
      <Toolbar store={store} onPaste={() => void onPasteButton()} onCapture={() => beginCapture.current()} capturing={capture.active} />
      <ModeSwitch mode={mode} onChange={setMode} />
      <div className="workspace">
        <InputPanel store={store} />
        <main className="results" data-workspace={workspaceKey} aria-busy={store.busy !== null}>
          {!capture.active && <VerdictBanner workspace={workspace} findings={findings} placeholder={workspace ? '' : placeholder} />}
          {!capture.active && noticeKey && noticeKey !== dismissedNotice && store.workspace?.notice && (
            <div className="notice-box" data-testid="setup-notice">
              <span>{store.workspace.notice}</span>{' '}
              <button type="button" className="btn small" onClick={() => setDismissedNotice(noticeKey)}>
                Dismiss
              </button>
            </div>
          )}
          {store.error && (
            <div className="error-box" role="alert">
              <strong>{store.error.title}:</strong> {store.error.message}{' '}
              <button type="button" className="btn small" onClick={store.dismissError}>
                Dismiss
              </button>
            </div>
          )}
          {capture.active && <CapturePanel capture={capture} presentation={presentation} />}
          {workspace && !capture.active && (
            <>
              <div className="tabbar">
                <div role="tablist" className="tabs" aria-label="Result views" onKeyDown={onTabKey}>
                  {visibleTabs.map((t) => (
                    <button
                      key={t.id}
                      id={`tab-${t.id}`}
                      type="button"
                      role="tab"
                      className="tab"
                      aria-selected={activeTab === t.id}
                      aria-controls="result-panel"
                      onClick={() => setTab(t.id)}
                    >
                      {t.label}
                      {t.count !== undefined && <span className="count">{t.count}</span>}
                    </button>
                  ))}
                </div>
                {messages.length > 1 && activeTab !== 'findings' && activeTab !== 'flow' && activeTab !== 'simulation' && (
                  <label className="messages">
                    Message
                    <select className="select" value={current?.key} onChange={(e) => setMessageKey(e.target.value)}>
                      {messages.map((m) => (
                        <option key={m.key} value={m.key}>
                          {m.label}
                        </option>
                      ))}
                    </select>
                  </label>
                )}
              </div>
              <section className="panel" role="tabpanel" id="result-panel" aria-labelledby={`tab-${activeTab}`} key={`${workspaceKey}|${activeTab}|${current?.key}|${focusFinding ?? ''}`}>
                {activeTab === 'findings' && <FindingsPanel findings={findings} focusKey={focusFinding} />}
                {activeTab === 'flow' && (
                  <FlowPanel
                    results={workspace.results}
                    findings={findings}
                    presentation={presentation}
                    onShowFinding={(key) => {
                      setFocusFinding(key);
                      setTab('findings');
                    }}
                    onSaveHar={() => void capture.save()}
                  />
                )}
                {activeTab !== 'findings' && activeTab !== 'flow' && activeTab !== 'simulation' && !current && <p className="empty">The input holds no SAML message.</p>}
                {activeTab === 'attributes' && current && <AttributesPanel message={current.message} simulation={workspace.simulation} />}
                {activeTab === 'message' && current && <MessagePanel message={current.message} />}
                {activeTab === 'certificates' && current && <CertificatesPanel message={current.message} now={now} />}
                {activeTab === 'timeline' && current && <TimelinePanel message={current.message} now={judgedAt} skewSeconds={skew} />}
                {activeTab === 'simulation' && (
                  <SimulationPanel
                    simulation={workspace.simulation}
                    error={workspace.simulationError}
                    {...(workspace.setup?.snapshot ? { snapshotNote: `Instance snapshot ${workspace.setup.snapshot.origin}: ${workspace.setup.snapshot.use}` } : {})}
                  />
                )}
              </section>
            </>
          )}
          {!workspace && !capture.active && store.ready && !store.busy && (
            <div className="panel">
              <h2>Start here</h2>
              <ul>
                <li>Paste a SAMLResponse (base64, a URL or a form body), SAML-tracer or HAR export, or IdP metadata — anywhere in the window.</li>
                <li>Drop a .har, .saml, .xml or .json file, or use Open file….</li>
                <li>Or capture a login: Capture login opens the product&rsquo;s login page in a recording window; the flow appears when you stop.</li>
                <li>Pick a target profile to simulate what the login does to the Atlassian instance.</li>
                <li>Without a profile, give the IdP metadata, SP settings and time in Setup (or paste/drop the metadata, a certificate, the SP key or a snapshot anywhere).</li>
              </ul>
            </div>
          )}
        </main>
      </div>
      <div className="status-line" role="status" aria-live="polite">
        {store.busy ?? store.notice ?? (store.ready ? 'Ready.' : 'Starting…')}
      </div>
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          {dropLabel}
        </div>
      )}
    </div>
  );
}
