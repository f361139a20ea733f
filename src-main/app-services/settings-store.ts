/**
 * Per-user settings in `<userData>/settings.json`. A damaged or hand-edited file never stops the app:
 * each key that does not validate falls back to its default.
 */
import { z } from 'zod';
import { DEFAULT_SETTINGS, ZOOM_LIMITS, type Settings } from '../ipc/contract.js';
import type { FileAccess } from './ports.js';

const fieldSchemas: { readonly [K in keyof Settings]: z.ZodType<Settings[K]> } = {
  theme: z.enum(['system', 'light', 'dark']),
  presentationMode: z.boolean(),
  zoomFactor: z.number().min(ZOOM_LIMITS.min).max(ZOOM_LIMITS.max),
  targetProfileId: z.union([z.string().min(1), z.null()]),
  demoSeen: z.boolean(),
};

/** The settings file as read: each field that is missing or invalid falls back to its default alone. */
function sanitize(raw: unknown): Settings {
  const record: Record<string, unknown> = typeof raw === 'object' && raw !== null ? Object.fromEntries(Object.entries(raw)) : {};
  const field = <K extends keyof Settings>(key: K): Settings[K] => {
    const parsed = fieldSchemas[key].safeParse(record[key]);
    return parsed.success ? parsed.data : DEFAULT_SETTINGS[key];
  };
  return {
    theme: field('theme'),
    presentationMode: field('presentationMode'),
    zoomFactor: field('zoomFactor'),
    targetProfileId: field('targetProfileId'),
    demoSeen: field('demoSeen'),
  };
}

export interface SettingsStore {
  get(): Settings;
  /** Applies a (validated) patch, writes the file, returns the new settings. */
  update(patch: Partial<Settings>): Promise<Settings>;
}

export async function openSettingsStore(fs: FileAccess, file: string): Promise<SettingsStore> {
  let current: Settings;
  try {
    current = sanitize(JSON.parse(new TextDecoder().decode(await fs.readFile(file))));
  } catch {
    // Missing on first start, or unreadable JSON: start from the defaults, the next change rewrites it.
    current = { ...DEFAULT_SETTINGS };
  }
  return {
    get: () => ({ ...current }),
    async update(patch) {
      const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      current = sanitize({ ...current, ...defined });
      await fs.writeFile(file, `${JSON.stringify(current, null, 2)}\n`);
      return { ...current };
    },
  };
}
