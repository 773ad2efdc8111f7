// scripts/snippets.mjs: each snippet import of a glue is replaced by the function it imports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inlineSnippets } from '../snippets.mjs';

const snippet = 'export function patchRegion(a, b) {\n  return a + b;\n}\n';
const read = (files) => (file) => {
  if (!(file in files)) throw new Error(`no ${file}`);
  return files[file];
};

test('an imported function is inlined under the name the glue uses', () => {
  const glue = "import { patchRegion } from './snippets/ccplan-1/inline0.js';\nconst x = patchRegion(1, 2);\n";
  const out = inlineSnippets(glue, read({ 'snippets/ccplan-1/inline0.js': snippet }));
  assert.equal(out, 'function patchRegion(a, b) {\n  return a + b;\n}\n\nconst x = patchRegion(1, 2);\n');
  assert.equal(new Function(`${out}; return x;`)(), 3);
  const renamed = inlineSnippets("import { patchRegion as p } from './snippets/c/inline0.js';\n", read({ 'snippets/c/inline0.js': snippet }));
  assert.match(renamed, /^function p\(a, b\)/);
});

test('a glue without snippets is left as it is', () => {
  const glue = "import x from './other.js';\nexport default 1;\n";
  assert.equal(inlineSnippets(glue, read({})), glue);
});

test('what cannot be inlined is refused', () => {
  const glue = "import { other } from './snippets/c/inline0.js';\n";
  assert.throws(() => inlineSnippets(glue, read({ 'snippets/c/inline0.js': snippet })), /does not export function other/);
  const importing = `import y from './y.js';\n${snippet}`;
  assert.throws(() => inlineSnippets("import { patchRegion } from './snippets/c/inline0.js';\n", read({ 'snippets/c/inline0.js': importing })), /imports or exports left/);
});
