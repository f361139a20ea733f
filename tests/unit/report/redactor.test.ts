import { describe, expect, test } from 'vitest';
import { Redactor } from '../../../src-main/core/report/redactor.js';

describe('Redactor placeholders', () => {
  test('the same value always gets the same placeholder, each category numbers its own series', () => {
    const r = new Redactor();
    expect(r.register('jdoe', 'username')).toBe('«username-1»');
    expect(r.register('Jane', 'name')).toBe('«name-1»');
    expect(r.register('Doe', 'name')).toBe('«name-2»');
    expect(r.register('jdoe', 'username')).toBe('«username-1»');
    expect(r.register('_abc123', 'id')).toBe('«id-1»');
    expect(r.redactValue('Jane', 'name')).toBe('«name-1»');
  });

  test('e-mail-shaped values become e-mail placeholders whatever category they came with', () => {
    const r = new Redactor();
    expect(r.register('jane.doe@example.com', 'nameid')).toBe('user-1@redacted.invalid');
    expect(r.register('jane.doe@example.com', 'value')).toBe('user-1@redacted.invalid');
    expect(r.register('bob@example.com', 'value')).toBe('user-2@redacted.invalid');
  });

  test('values differing only in letter case share a number and get a letter suffix', () => {
    const r = new Redactor();
    expect(r.register('jane.doe@example.com', 'nameid')).toBe('user-1@redacted.invalid');
    expect(r.register('Jane.Doe@Example.com', 'value')).toBe('user-1b@redacted.invalid');
    expect(r.register('JANE.DOE@EXAMPLE.COM', 'value')).toBe('user-1c@redacted.invalid');
    expect(r.register('JDoe', 'username')).toBe('«username-1»');
    expect(r.register('jdoe', 'username')).toBe('«username-1b»');
  });

  test('surrounding whitespace is kept around the placeholder (a trailing space is itself a diagnosis)', () => {
    const r = new Redactor();
    expect(r.redactValue('jdoe ', 'username')).toBe('«username-1» ');
    expect(r.redactValue('jdoe', 'username')).toBe('«username-1»');
  });
});

describe('Redactor.sweep', () => {
  test('replaces registered values and unregistered e-mail addresses inside prose', () => {
    const r = new Redactor();
    r.register('Marguerite', 'name');
    const out = r.sweep('Marguerite logged in as marguerite@example.org and contacted admin@corp.example.net.');
    expect(out).toBe('«name-1» logged in as user-1@redacted.invalid and contacted user-2@redacted.invalid.');
  });

  test('matches whole words only, in any letter case', () => {
    const r = new Redactor();
    r.register('Doe', 'name');
    expect(r.sweep('Does Doe know? DOE does.')).toBe('Does «name-1» know? «name-1b» does.');
  });

  test('prefers the longest registered value', () => {
    const r = new Redactor();
    r.register('Jane', 'name');
    r.register('Jane Doe', 'name');
    expect(r.sweep('Hello Jane Doe and Jane')).toBe('Hello «name-2» and «name-1»');
  });

  test('plain attribute values do not break URLs; person identifiers inside URLs are still replaced', () => {
    const r = new Redactor();
    r.register('jira', 'value');
    r.register('moyelaran7', 'username');
    expect(r.sweep('Posted to https://jira.example.com/browse?user=moyelaran7 for jira')).toBe(
      'Posted to https://jira.example.com/browse?user=«username-1» for «value-1»',
    );
  });

  test('short values are only replaced as whole fields, not searched for in prose', () => {
    const r = new Redactor();
    r.register('en', 'value');
    r.register('Li', 'name');
    expect(r.sweep('Open the application.')).toBe('Open the application.');
    expect(r.sweep('Li is the surname')).toBe('«name-1» is the surname');
    expect(r.redactString('en')).toBe('«value-1»');
  });

  test('drops encoded SAML parameters and long base64 runs, which would hide personal data from any search', () => {
    const r = new Redactor();
    const blob = Buffer.from('<Response><NameID>someone@example.org</NameID>'.repeat(5)).toString('base64');
    expect(r.sweep(`POST https://jira.example.com/plugins/servlet/samlconsumer?SAMLResponse=${encodeURIComponent(blob)}&x=1`)).toBe(
      'POST https://jira.example.com/plugins/servlet/samlconsumer?SAMLResponse=«dropped»&x=1',
    );
    expect(r.sweep(`body: ${blob}`)).toBe('body: «dropped»');
    // A long element path is base64-shaped but has no digit: kept.
    const path = '/Response/Assertion/AttributeStatement/Attribute/AttributeValue/Response/Assertion/AttributeStatement/Attribute/AttributeValue';
    expect(r.sweep(path)).toBe(path);
  });

  test('drops session cookies and tokens a captured flow may quote, keeping their names', () => {
    const r = new Redactor();
    expect(r.sweep('Cookie: JSESSIONID=9F3A1B2C; atlassian.xsrf.token=B3C4-D5|lin; other=1')).toBe('Cookie: JSESSIONID=«dropped»; atlassian.xsrf.token=«dropped»; other=1');
    expect(r.sweep('GET https://jira.example.com/rest?access_token=abc.def.ghi&x=1')).toBe('GET https://jira.example.com/rest?access_token=«dropped»&x=1');
    expect(r.sweep('Authorization: Basic YWRtaW46c2VjcmV0')).toBe('Authorization: Basic «dropped»');
    expect(r.entries()).toEqual([{ category: 'credential', placeholder: '«dropped»', count: 4, seenAs: ['session cookie or token'] }]);
  });

  test('replaces the user name in home-folder paths', () => {
    const r = new Redactor();
    expect(r.sweep('read /home/jdoe/Downloads/a.xml and C:\\Users\\JDoe\\x.har')).toBe(
      'read /home/«local-user-1»/Downloads/a.xml and C:\\Users\\«local-user-1b»\\x.har',
    );
  });

  test('text between guillemets that is not one of its placeholders is still swept', () => {
    const r = new Redactor();
    r.register('Marguerite', 'name');
    expect(r.sweep('Bonjour «Marguerite»')).toBe('Bonjour ««name-1»»');
  });

  test('is idempotent: placeholders are never redacted again', () => {
    const r = new Redactor();
    r.register('name', 'value');
    r.register('user', 'username');
    const once = r.sweep('the name of user is jane@example.com');
    expect(r.sweep(once)).toBe(once);
    expect(once).toBe('the «value-1» of «username-1» is user-1@redacted.invalid');
  });
});

describe('Redactor.entries', () => {
  test('lists category, placeholder, where seen and how often, never the value', () => {
    const r = new Redactor();
    r.register('jane@example.com', 'nameid', 'NameID');
    r.register('Jane', 'name', 'attribute "firstName"');
    r.register('unused-value', 'value', 'attribute "x"');
    r.sweep('jane@example.com is Jane; again jane@example.com');
    r.drop('signature-value', '<SignatureValue>');
    const entries = r.entries();
    expect(entries).toEqual([
      { category: 'email', placeholder: 'user-1@redacted.invalid', count: 2, seenAs: ['NameID'] },
      { category: 'name', placeholder: '«name-1»', count: 1, seenAs: ['attribute "firstName"'] },
      { category: 'signature-value', placeholder: '«dropped»', count: 1, seenAs: ['<SignatureValue>'] },
    ]);
    expect(JSON.stringify(entries)).not.toMatch(/jane@example|Jane"|unused-value/);
  });
});

describe('Redactor.redactDeep (JIT simulation results and other shapes)', () => {
  test('usernames and e-mails are replaced everywhere, group names are kept, placeholders shared with earlier redaction', () => {
    const r = new Redactor();
    // As if a response had been redacted first.
    expect(r.redactValue('marguerite@example.org', 'nameid')).toBe('user-1@redacted.invalid');
    const simulation = {
      before: { username: 'moyelaran7', email: 'marguerite@example.org', displayName: 'Marguerite O.', groups: ['jira-software-users'] },
      after: { username: 'moyelaran7', groups: [] as string[] },
      steps: ['User moyelaran7 (Marguerite O.) loses jira-software-users'],
      byUser: { moyelaran7: { active: true } },
      at: new Date('2026-01-01T00:00:00Z'),
      count: 3,
    };
    const out = r.redactDeep(simulation, [
      { value: 'moyelaran7', category: 'username', seenAs: 'JIT username' },
      { value: 'Marguerite O.', category: 'name', seenAs: 'JIT display name' },
    ]);
    expect(out).toEqual({
      before: { username: '«username-1»', email: 'user-1@redacted.invalid', displayName: '«name-1»', groups: ['jira-software-users'] },
      after: { username: '«username-1»', groups: [] },
      steps: ['User «username-1» («name-1») loses jira-software-users'],
      byUser: { '«username-1»': { active: true } },
      at: new Date('2026-01-01T00:00:00Z'),
      count: 3,
    });
    expect(simulation.before.username).toBe('moyelaran7');
  });

  test('exempt paths are copied untouched', () => {
    const r = new Redactor();
    r.register('Amazon', 'value');
    const out = r.redactDeep({ cert: { subject: 'CN=amazonaws.com, OU=IDAS, O=Amazon, C=US' }, note: 'works at Amazon' }, [], {
      exempt: (path) => path[0] === 'cert',
    });
    expect(out).toEqual({ cert: { subject: 'CN=amazonaws.com, OU=IDAS, O=Amazon, C=US' }, note: 'works at «value-1»' });
  });
});
