// Lints many Dockerfiles in ONE Node process with an npm peer linter, as `dockdiet FILE...` does:
//   node bench/peer-lint.js PEERS_DIR dockerfilelint|dockerfile_lint LISTFILE
// PEERS_DIR holds node_modules/ with the peer (bench/bench.sh installs it from the npm registry).
// Both peers' own CLIs exit on the first file they crash on, so each file is linted in a try/catch;
// the results are printed as one JSON document (the work a --json report does).
'use strict';
const fs = require('fs');
const path = require('path');

const [peers, which, list] = process.argv.slice(2);
const files = fs.readFileSync(list, 'utf8').split('\n').filter(Boolean);
const req = (m) => require(path.resolve(peers, 'node_modules', m));

let lint;
if (which === 'dockerfilelint') {
  const dfl = req('dockerfilelint');
  lint = (file, text) => dfl.run(path.dirname(path.resolve(file)), text);
} else if (which === 'dockerfile_lint') {
  const Linter = req('dockerfile_lint');
  const validator = new Linter(); // built once (the CLI builds one per file: slower)
  lint = (file, text) => validator.validate(text);
} else {
  throw new Error('unknown peer ' + which);
}

const out = [];
let crashed = 0;
for (const f of files) {
  try {
    out.push({ file: f, result: lint(f, fs.readFileSync(f, 'utf8')) });
  } catch (e) {
    crashed++;
    out.push({ file: f, error: String(e && e.message) });
  }
}
process.stdout.write(JSON.stringify(out));
process.stderr.write(`${which}: ${files.length} files, ${crashed} crashed\n`);
