/**
 * Switches between the single-login workspace and the User base view. Two views that replace each other,
 * not tabs over panels of one page, so a pair of toggle buttons (aria-pressed) in a labelled navigation
 * region: Tab reaches each, Enter or Space switches.
 */
export type AppMode = 'login' | 'userbase';

export function ModeSwitch({ mode, onChange }: { mode: AppMode; onChange: (mode: AppMode) => void }) {
  const modes: Array<{ id: AppMode; label: string }> = [
    { id: 'login', label: 'Single login' },
    { id: 'userbase', label: 'User base' },
  ];
  return (
    <nav className="mode-switch" aria-label="View">
      {modes.map((m) => (
        <button key={m.id} id={`mode-${m.id}`} type="button" className="tab" aria-pressed={mode === m.id} onClick={() => onChange(m.id)}>
          {m.label}
        </button>
      ))}
    </nav>
  );
}
