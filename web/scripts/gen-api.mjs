#!/usr/bin/env node
// Writes lib/api-schema.ts from the OpenAPI document the backend build stores in
// target/openapi/openapi.json (quarkus.smallrye-openapi.store-schema-directory).
//   node scripts/gen-api.mjs           regenerate (npm run gen:api)
//   node scripts/gen-api.mjs --check   fail when the committed file differs (npm run check:api)
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const webDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const source = resolve(webDir, process.env.OPENAPI_FILE ?? '../target/openapi/openapi.json');
const target = join(webDir, 'lib', 'api-schema.ts');
const check = process.argv.includes('--check');

const HEADER = `/**
 * GENERATED from the service's OpenAPI document: do not edit by hand.
 * Regenerate after an API change: \`./mvnw package -DskipTests\` (writes target/openapi/openapi.json),
 * then \`npm run gen:api\` in web/. \`npm run check:api\` (part of web/scripts/test-all.sh) fails when
 * this file and the OpenAPI differ.
 */
`;

if (!existsSync(source)) {
  console.error(`check:api: ${relative(process.cwd(), source)} is missing; build the backend first (./mvnw package -DskipTests).`);
  process.exit(2);
}

// alphabetical, so the output depends only on the document's content; a default does not make a
// request field required
const ast = await openapiTS(pathToFileURL(source), { alphabetize: true, defaultNonNullable: false });
const generated = `${HEADER}\n${astToString(ast)}`;

if (!check) {
  writeFileSync(target, generated);
  console.log(`wrote ${relative(webDir, target)}`);
  process.exit(0);
}

const committed = existsSync(target) ? readFileSync(target, 'utf8') : '';
if (committed === generated) {
  console.log('check:api: lib/api-schema.ts matches the OpenAPI document.');
  process.exit(0);
}
const tmp = join(webDir, '.e2e-reports', 'api-schema.generated.ts');
mkdirSync(dirname(tmp), { recursive: true });
writeFileSync(tmp, generated);
const a = committed.split('\n');
const b = generated.split('\n');
const line = a.findIndex((text, i) => text !== b[i]);
console.error(
  `check:api: web/lib/api-schema.ts is out of date with the API's OpenAPI (first difference at line ${line + 1}).\n` +
    `  committed: ${a[line] ?? '(end of file)'}\n  generated: ${b[line] ?? '(end of file)'}\n` +
    `Run \`npm run gen:api\` in web/ and commit the result (the fresh version is in ${relative(process.cwd(), tmp)}).`,
);
process.exit(1);
