import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contract } from '../shared/src/api';
import { renderApiDocs } from './api-docs';

describe('docs/api.md', () => {
  it('is up to date with the contract map (run `npm run docs:api`)', () => {
    expect(readFileSync(join(__dirname, '..', 'docs', 'api.md'), 'utf8')).toBe(renderApiDocs());
  });

  it('documents every action of the contract', () => {
    const doc = renderApiDocs();
    for (const [fn, actions] of Object.entries(contract)) {
      for (const name of Object.keys(actions)) expect(doc).toContain(`### \`${fn}.${name}\``);
    }
  });
});
