/**
 * Shrinks a failing input while it keeps failing the same way: removes ever smaller chunks of the text
 * (delta debugging, ddmin-style), within a budget of analyses. The result is saved next to the original.
 */
export async function minimise(text: string, stillFails: (candidate: string) => Promise<boolean>, budget = 300): Promise<string> {
  let current = text;
  let chunk = Math.max(1, Math.floor(current.length / 2));
  let tries = 0;
  while (chunk >= 1 && tries < budget) {
    let removedAny = false;
    for (let start = 0; start < current.length && tries < budget; ) {
      const candidate = current.slice(0, start) + current.slice(start + chunk);
      tries++;
      if (candidate.length > 0 && (await stillFails(candidate))) {
        current = candidate;
        removedAny = true;
      } else {
        start += chunk;
      }
    }
    if (!removedAny) chunk = Math.floor(chunk / 2);
  }
  return current;
}
