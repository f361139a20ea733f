import { test } from 'vitest';
import { writeFileSync } from 'node:fs';
import { analyze } from '../../../src-main/core/analyze.js';
import { defaultOptions } from '../../../src-main/core/model/options.js';
import { sampleXml } from './sample-result.js';
import { IDP_KEY } from '../../fixtures/keys.js';

test('scratch', async () => {
  const result = await analyze({ source: 'x.xml', content: sampleXml() }, defaultOptions(new Date('2026-11-29T10:20:00Z'), { trustedCertificates: [{ pem: IDP_KEY.certificatePem, source: 'idp-cert', origin: 'idp.pem' }], sp: { acsUrl: 'https://jira.example.com/plugins/servlet/samlconsumer/', entityId: 'https://jira.example.com' } }));
  writeFileSync('/tmp/rep-raw.json', JSON.stringify(result, null, 2));
});
