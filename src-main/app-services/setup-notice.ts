/**
 * The non-blocking notice shown when pasted or dropped text became a setting instead of a message:
 * what was recognised, what it now does, and whether the shown message was analysed again.
 */
import type { WorkspaceSetup } from '../ipc/contract.js';
import type { SetupKind } from '../usecases/recognize-setup.js';

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function what(kind: SetupKind, setup: WorkspaceSetup): string {
  switch (kind) {
    case 'idp-metadata':
      return `IdP metadata recognised (${setup.idp.entityId ?? 'no entity ID'}, ${plural(setup.idp.certificates.length, 'signing certificate')}): it is now the trust anchor`;
    case 'idp-certificate': {
      const first = setup.idp.certificates[0];
      return `IdP certificate recognised (${first ? `${first.subject}, SHA-256 ${first.sha256Fingerprint.slice(0, 23)}…` : 'unreadable'}): it is now the trust anchor`;
    }
    case 'sp-metadata':
      return `SP metadata recognised (${setup.sp.metadata?.entityId ?? 'no entity ID'}): its entity ID and ACS URLs are now expected unless you typed others`;
    case 'sp-key':
      return `SP private key recognised (${setup.spKey.loaded ? setup.spKey.description : 'unknown type'}): kept in memory only, to decrypt encrypted assertions`;
    case 'snapshot':
      return `Instance snapshot recognised (${setup.snapshot ? `${setup.snapshot.product}, ${plural(setup.snapshot.users, 'user')}` : 'empty'}). ${setup.snapshot?.use ?? ''}`.trimEnd();
  }
}

export function setupNotice(kind: SetupKind, setup: WorkspaceSetup, reanalysed: boolean): string {
  const head = what(kind, setup).replace(/\.$/, '');
  return `${head}. ${reanalysed ? 'The message was analysed again.' : 'Paste or drop a SAMLResponse to check it.'}`;
}
