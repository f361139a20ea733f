import { test } from 'vitest';
import { createHarness } from '/work/main/tests/unit/app-services/harness.js';
test('explore', async () => {
  const h = await createHarness();
  const w = await h.services.handlers['workspace:open-demo']({});
  console.log(w.title, w.verdict, w.simulationError, JSON.stringify(w.simulation && { outcome: w.simulation.outcome, canLogIn: w.simulation.canLogIn, reason: w.simulation.reason, groups: w.simulation.groups, f: w.simulation.findings.map(f => f.id) }));
  console.log(w.results[0]!.messages.map(m => [m.type, m.verdict, m.signature.status, m.findings.map(f => f.id + ':' + f.severity)]));
  console.log(w.results[0]!.findings.map(f => f.id));
  await h.services.handlers['settings:set']({ presentationMode: true });
  const r = await h.services.handlers['workspace:current']({});
  const text = JSON.stringify(r);
  for (const v of ['Jane', 'jdoe', 'jane.doe', 'Doe', 'example.com']) console.log(v, text.includes(v));
  console.log(r!.redactions.map(x => x.placeholder + ' ' + x.category));
  await h.dispose();
});
