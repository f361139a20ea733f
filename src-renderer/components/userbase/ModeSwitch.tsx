/** Switches between the single-login workspace and the User base view. */
export type AppMode = 'login' | 'userbase';

export function ModeSwitch({ mode, onChange }: { mode: AppMode; onChange: (mode: AppMode) => void }) {
  const modes: Array<{ id: AppMode; label: string }> = [
    { id: 'login', label: 'Single login' },
    { id: 'userbase', label: 'User base' },
  ];
  return (
    <nav className="mode-switch" role="tablist" aria-label="View">
      {modes.map((m) => (
        <button key={m.id} id={`mode-${m.id}`} type="button" role="tab" className="tab" aria-selected={mode === m.id} onClick={() => onChange(m.id)}>
          {m.label}
        </button>
      ))}
    </nav>
  );
}
