/**
 * The User base view: drop (or load) the AWS exports, choose the target profile, and see what main predicted
 * for every user: summary, a filterable, sortable, searchable table with keyboard navigation, and the selected
 * user's steps. Main masks personal data in presentation mode; exports are redacted unless unticked.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { errorText, invoke, on } from '../../api.js';
import type { ProfileSummary, UserBaseProgress, UserBaseViewResult } from '../../../src-main/ipc/contract.js';
import type { UserBaseExportFormat } from '../../../src-main/ipc/user-base-schemas.js';
import { FILTERS, selectUsers, type SortKey, type UserFilter } from './filters.js';
import { UserBaseSummary } from './Summary.js';
import { UserDetail } from './UserDetail.js';

interface Props {
  profiles: ProfileSummary[];
  initialProfileId: string | null;
  presentation: boolean;
}

type DroppedFile = { name: string; text: string };

const EXPORTS: Array<{ id: UserBaseExportFormat; label: string }> = [
  { id: 'html', label: 'HTML report' },
  { id: 'pdf', label: 'PDF report' },
  { id: 'md', label: 'Markdown report' },
  { id: 'json', label: 'JSON' },
  { id: 'csv', label: 'CSV table' },
  { id: 'plan-csv', label: 'Local group plan (CSV)' },
];

const OUTCOME_WORD = { create: 'created', update: 'updated', unchanged: 'unchanged', fail: 'fails', 'not-assigned': 'not assigned' } as const;

export function UserBaseView({ profiles, initialProfileId, presentation }: Props) {
  const [files, setFiles] = useState<DroppedFile[]>([]);
  const [profileId, setProfileId] = useState<string | null>(initialProfileId);
  const [result, setResult] = useState<UserBaseViewResult | null>(null);
  const [progress, setProgress] = useState<UserBaseProgress | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [filter, setFilter] = useState<UserFilter>('all');
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'attention', descending: true });
  const [selected, setSelected] = useState<string | null>(null);
  const [exportFormat, setExportFormat] = useState<UserBaseExportFormat>('html');
  const [redact, setRedact] = useState(true);
  const [notice, setNotice] = useState<string | null>(null);
  const tableRef = useRef<HTMLTableSectionElement>(null);

  useEffect(() => on('userbase:progress', setProgress), []);

  const run = async (list: DroppedFile[], id: string | null): Promise<void> => {
    if (list.length === 0) return;
    setBusy(true);
    setError(null);
    try {
      const r = await invoke('userbase:predict', { files: list, targetProfileId: id });
      if (r.status !== 'cancelled') setResult(r);
      setSelected(null);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  // Presentation mode changed: ask main again, so what is shown is masked (or unmasked) by main.
  const lastPresentation = useRef(presentation);
  useEffect(() => {
    if (lastPresentation.current === presentation) return;
    lastPresentation.current = presentation;
    void run(files, profileId);
  }, [presentation]);

  const addFiles = async (dropped: FileList): Promise<void> => {
    const read = await Promise.all([...dropped].map(async (f) => ({ name: f.name, text: await f.text() })));
    const next = [...files.filter((f) => !read.some((r) => r.name === f.name)), ...read];
    setFiles(next);
    await run(next, profileId);
  };

  const loadExamples = async (): Promise<void> => {
    try {
      const ex = await invoke('userbase:examples', {});
      setFiles(ex.files);
      setProfileId(ex.targetProfileId);
      await run(ex.files, ex.targetProfileId);
    } catch (e) {
      setError(errorText(e));
    }
  };

  const prediction = result?.status === 'ok' ? result.prediction : null;
  const rows = useMemo(() => (prediction ? selectUsers(prediction.users, filter, search, sort.key, sort.descending) : []), [prediction, filter, search, sort]);
  const selectedUser = rows.find((u) => u.awsUserId === selected) ?? null;

  const onTableKey = (e: React.KeyboardEvent): void => {
    if (rows.length === 0 || !['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(e.key)) return;
    e.preventDefault();
    const i = rows.findIndex((u) => u.awsUserId === selected);
    const next = e.key === 'Home' ? 0 : e.key === 'End' ? rows.length - 1 : Math.min(rows.length - 1, Math.max(0, i + (e.key === 'ArrowDown' ? 1 : -1)));
    const u = rows[next];
    if (!u) return;
    setSelected(u.awsUserId);
    tableRef.current?.querySelector<HTMLElement>(`[data-row="${next}"]`)?.focus();
  };

  const header = (key: SortKey, label: string) => (
    <th aria-sort={sort.key === key ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
      <button type="button" className="link" onClick={() => setSort({ key, descending: sort.key === key ? !sort.descending : false })}>
        {label}
      </button>
    </th>
  );

  const doExport = async (): Promise<void> => {
    try {
      const r = await invoke('userbase:export', { format: exportFormat, redact });
      if (!r.cancelled) setNotice(`Saved ${r.path}`);
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <div
      className="ub"
      data-testid="user-base"
      onDragOver={(e) => {
        e.preventDefault();
        e.stopPropagation();
      }}
      onDrop={(e) => {
        e.preventDefault();
        e.stopPropagation();
        if (e.dataTransfer.files.length > 0) void addFiles(e.dataTransfer.files);
      }}
    >
      <div className="ub-controls">
        <div className="ub-drop" data-testid="ub-drop">
          <strong>Drop the AWS exports here</strong>: list-users, list-groups, list-group-memberships, list-application-assignments, the attribute mappings and a group mapping. Each is recognised by its shape.
          <div className="ub-files">
            {files.map((f) => (
              <span key={f.name} className="chip">{f.name}</span>
            ))}
          </div>
        </div>
        <label>
          Target profile{' '}
          <select className="select" value={profileId ?? ''} onChange={(e) => setProfileId(e.target.value || null)} data-testid="ub-profile">
            <option value="">(choose)</option>
            {profiles.filter((p) => p.valid).map((p) => (
              <option key={p.id} value={p.id}>{p.name}</option>
            ))}
          </select>
        </label>
        <button type="button" className="btn" disabled={busy || files.length === 0} onClick={() => void run(files, profileId)}>Predict</button>
        <button type="button" className="btn" disabled={busy} onClick={() => void loadExamples()}>Load the example exports</button>
      </div>
      {busy && (
        <div className="ub-progress" role="status">
          <progress max={progress?.total ?? 1} value={progress ? progress.done : 0} /> {progress?.label ?? 'Working…'}{' '}
          <button type="button" className="btn small" onClick={() => void invoke('userbase:cancel', {})}>Cancel</button>
        </div>
      )}
      {error && <div className="error-box" role="alert">{error}</div>}
      {notice && <div className="notice-box">{notice}</div>}
      {result?.status === 'invalid' && (
        <div className="error-box" role="alert" data-testid="ub-errors">
          <ul>{result.errors.map((e) => <li key={e}>{e}</li>)}</ul>
        </div>
      )}
      {result?.status === 'ok' && prediction && (
        <>
          <p className="muted">
            {result.profileName}: {prediction.product} with {prediction.engine}
            {result.redacted ? ' — presentation mode: personal data masked' : ''}
          </p>
          <UserBaseSummary prediction={prediction} />
          <div className="ub-toolbar">
            <div role="group" aria-label="Filter" className="ub-filters">
              {FILTERS.map((f) => (
                <button key={f.id} type="button" className={`chip-btn ${filter === f.id ? 'on' : ''}`} aria-pressed={filter === f.id} onClick={() => setFilter(f.id)}>
                  {f.label}
                </button>
              ))}
            </div>
            <input className="input" type="search" placeholder="Search users, accounts, groups" aria-label="Search" value={search} onChange={(e) => setSearch(e.target.value)} />
            <label>
              Export{' '}
              <select className="select" value={exportFormat} onChange={(e) => setExportFormat(EXPORTS.find((x) => x.id === e.target.value)?.id ?? 'html')}>
                {EXPORTS.map((x) => <option key={x.id} value={x.id}>{x.label}</option>)}
              </select>
            </label>
            <label><input type="checkbox" checked={redact} onChange={(e) => setRedact(e.target.checked)} /> Redact personal data</label>
            <button type="button" className="btn" onClick={() => void doExport()}>Export…</button>
          </div>
          {filter === 'orphaned' ? (
            <table className="ub-table" data-testid="ub-orphaned">
              <thead><tr><th>Account</th><th>Directory</th><th>Why</th><th>Seats held</th></tr></thead>
              <tbody>
                {prediction.orphaned.map((a) => (
                  <tr key={a.username}><td>{a.username}</td><td>{a.directory}</td><td>{a.reason === 'not-assigned' ? 'AWS user not assigned' : 'AWS user gone'}</td><td>{a.applications.join(', ') || 'none'}</td></tr>
                ))}
              </tbody>
            </table>
          ) : (
            <div className="ub-main">
              <table className="ub-table" data-testid="ub-table" onKeyDown={onTableKey}>
                <thead>
                  <tr>{header('awsUserName', 'AWS user')}{header('account', 'Atlassian account')}{header('outcome', 'Next login')}{header('attention', 'Attention')}</tr>
                </thead>
                <tbody ref={tableRef}>
                  {rows.map((u, i) => (
                    <tr key={u.awsUserId} data-row={i} tabIndex={0} aria-selected={u.awsUserId === selected} className={u.awsUserId === selected ? 'selected' : undefined} onClick={() => setSelected(u.awsUserId)} onFocus={() => setSelected(u.awsUserId)}>
                      <td>{u.awsUserName}</td>
                      <td>{u.account?.username ?? u.username ?? '—'}</td>
                      <td><span className={`badge ${u.canLogIn ? 'pass' : 'error'}`}>{OUTCOME_WORD[u.outcome]}</span></td>
                      <td>
                        {[u.missingClaims.willLose.length ? `loses ${u.missingClaims.willLose.join(', ')}` : '', u.missingClaims.neverGets.length ? `never gets ${u.missingClaims.neverGets.join(', ')}` : '', u.colliding ? `collides with ${u.collidesWith.join(', ')}` : ''].filter(Boolean).join('; ')}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {selectedUser ? <UserDetail user={selectedUser} /> : <aside className="ub-detail muted">Select a user (click, or Tab into the table and use the arrow keys).</aside>}
            </div>
          )}
          {prediction.notes.length > 0 && (
            <details className="ub-notes"><summary>Assumptions ({prediction.notes.length})</summary><ul>{prediction.notes.map((n) => <li key={n}>{n}</li>)}</ul></details>
          )}
        </>
      )}
    </div>
  );
}
