/**
 * The login capture as the workspace drives it: start it for the target profile (or ask for the login
 * URL), list the exchanges main reports while the user signs in, and on Stop show the analysed flow.
 * Main owns the capture window and the recorded data; this keeps only what the live list shows.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CaptureExchangeSummary } from '../../src-main/ipc/contract.js';
import { errorText, invoke, on } from '../api.js';
import type { WorkspaceStore } from './use-workspace.js';

/** idle → (asking →) starting → recording (→ ended: window closed) → stopping → idle. */
export type CapturePhase = 'idle' | 'asking' | 'starting' | 'recording' | 'ended' | 'stopping';

export interface CaptureStore {
  phase: CapturePhase;
  /** True while the capture panel is shown. */
  active: boolean;
  /** The page the capture window opened. */
  url: string | null;
  exchanges: CaptureExchangeSummary[];
  /** Why recording stopped by itself (window closed, …). */
  endedReason: string | null;
  /** The last capture action that failed, shown in the panel. */
  error: string | null;
  /** Toolbar button / menu: start for the target profile, or ask for a URL when there is none. */
  begin(targetProfileId: string | null): void;
  startWithUrl(url: string): Promise<void>;
  cancel(): void;
  stop(): Promise<void>;
  clear(): Promise<void>;
  /** Save dialog in main; the HAR holds the messages and personal data. */
  save(): Promise<void>;
}

export interface CaptureHooks {
  /** Before Stop's workspace arrives (the App opens the Flow tab for it). */
  analysing(): void;
  /** After it arrived, or failed. */
  analysed(ok: boolean): void;
}

export function useCapture(store: WorkspaceStore, hooks: CaptureHooks): CaptureStore {
  const [phase, setPhaseState] = useState<CapturePhase>('idle');
  const [url, setUrl] = useState<string | null>(null);
  const [exchanges, setExchanges] = useState<CaptureExchangeSummary[]>([]);
  const [endedReason, setEndedReason] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const phaseRef = useRef<CapturePhase>('idle');
  const setPhase = (p: CapturePhase): void => {
    phaseRef.current = p;
    setPhaseState(p);
  };
  const storeRef = useRef(store);
  storeRef.current = store;
  const hooksRef = useRef(hooks);
  hooksRef.current = hooks;

  useEffect(() => {
    const offs = [
      on('capture:exchange', ({ exchange }) => {
        const p = phaseRef.current;
        if (p !== 'starting' && p !== 'recording' && p !== 'ended') return;
        // After Clear the engine counts from 0 again: an index seen before is replaced, not repeated.
        setExchanges((list) => [...list.filter((e) => e.index !== exchange.index), exchange].sort((a, b) => a.index - b.index));
      }),
      on('capture:ended', ({ reason }) => {
        if (phaseRef.current !== 'recording' && phaseRef.current !== 'starting') return;
        setEndedReason(reason);
        setPhase('ended');
      }),
    ];
    return () => {
      for (const off of offs) off();
    };
  }, []);

  const start = useCallback(async (request: { targetProfileId: string | null } | { url: string }): Promise<void> => {
    setPhase('starting');
    setError(null);
    setEndedReason(null);
    setExchanges([]);
    try {
      const started = await invoke('capture:start', request);
      setUrl(started.url);
      if (phaseRef.current === 'starting') setPhase('recording');
      storeRef.current.showNotice('Capturing: sign in in the capture window, then press Stop & analyse.');
    } catch (e) {
      // No login page known for the profile, or a typed URL refused: ask (again) for the URL.
      setError(errorText(e));
      setPhase('asking');
    }
  }, []);

  const begin = useCallback(
    (targetProfileId: string | null): void => {
      if (phaseRef.current !== 'idle') return;
      if (targetProfileId === null) {
        setError(null);
        setPhase('asking');
        return;
      }
      void start({ targetProfileId });
    },
    [start],
  );

  const startWithUrl = useCallback((typed: string) => start({ url: typed.trim() }), [start]);

  const cancel = useCallback((): void => {
    if (phaseRef.current === 'asking') {
      setError(null);
      setPhase('idle');
    }
  }, []);

  const stop = useCallback(async (): Promise<void> => {
    setPhase('stopping');
    hooksRef.current.analysing();
    const ok = await storeRef.current.load('Analysing the captured login…', async () => (await invoke('capture:stop', {})).workspace);
    // Main has closed the window either way; a failed analysis shows its error in the workspace.
    setPhase('idle');
    setExchanges([]);
    storeRef.current.showNotice(
      ok ? 'Capture stopped and analysed: the Flow tab shows it. Save it as HAR from there if you need it; nothing is kept otherwise.' : 'Capture stopped, but its analysis failed (see the message above).',
    );
    hooksRef.current.analysed(ok);
  }, []);

  const clear = useCallback(async (): Promise<void> => {
    try {
      await invoke('capture:clear', {});
      setExchanges([]);
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
  }, []);

  const save = useCallback(async (): Promise<void> => {
    try {
      const outcome = await invoke('capture:save', {});
      storeRef.current.showNotice(outcome.cancelled ? 'Save cancelled.' : `Capture saved as HAR to ${outcome.path}.`);
    } catch (e) {
      if (phaseRef.current === 'idle') storeRef.current.showError({ title: 'Saving the capture failed', message: errorText(e) });
      else setError(errorText(e));
    }
  }, []);

  return { phase, active: phase !== 'idle', url, exchanges, endedReason, error, begin, startWithUrl, cancel, stop, clear, save };
}
