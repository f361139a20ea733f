import { describe, expect, it } from 'vitest';
import { compileAwsMappings, compileAwsSource } from '../../../src-main/core/jit/aws-users.js';

describe('${user:…} variables that name Object.prototype members', () => {
  it('stay unresolved text, as AWS sends an unknown variable, and do not crash', () => {
    const user = { UserId: 'u-1', UserName: 'jdoe', Emails: [{ Value: 'jdoe@example.com', Primary: true }] };
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(compileAwsSource(`\${user:${name}}`)(user)).toBe(`\${user:${name}}`);
      const compiled = compileAwsMappings({ Subject: '${user:email}', email: `\${user:${name}}` });
      expect(compiled.notes.join(' ')).toContain(`\${user:${name}} is not an IAM Identity Center attribute`);
    }
  });
});
