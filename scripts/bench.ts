// `npm run bench`: where the action stands against the physical floor and against the way users
// publish today (`az rest`). A benchmark, not a test: it prints a table and writes a JSON report
// (bench-report.json at the repo root, or --out), and exits 0 whether or not the targets are met;
// it exits 1 only when a measured run itself fails (e.g. dist/ broken mid-rebuild).
//
// Rows (each the median of several runs, with min and max; every comparison is measured side by
// side, interleaved, in the same bench run):
//   - dist/ size, bytes and gzip -9 (deterministic: measured once);
//   - cold start: dist/index.js as the tree holds it, run as the runner runs it, dry-run of 10 CAs
//     offline, whole process (spawn to exit), against `node -e 0` on the same Node 24;
//   - PKI limit: an offline dry-run of 250 CAs (the most a PKI holds), and the action's own time;
//   - enrichment: every non-expired root of Debian's ca-certificates `mozilla` folder in one
//     offline dry-run (the expired ones are left out: the action rightly refuses them);
//   - publication: `kind: pki` adding 10 and 100 CAs to an empty tenant in the loopback emulator
//     with a fixed latency on every response; wall time, requests, sequential rounds and network
//     span from the emulator's log, against the floor (least sequential round trips × latency);
//   - the CRL check with a 50 MB CRL (bench/crl.ts): wall time and peak RSS against crl-check
//     off and a small CRL; the download stops at the cloud's cap;
//   - the same 10-CA publication the way users do it today: `az rest` (Debian's azure-cli), one
//     call per write, sequential. Skipped with a reason where az is missing, unless --install-az
//     was given (then installed with apt), or where it cannot run.
// Inputs are made once per bench run (openssl chains in a temp folder). Only loopback traffic,
// apart from apt fetching azure-cli when --install-az asks for it: the bench installs nothing
// unless asked.
import { relative } from 'node:path'
import { OUT, report } from './bench/measure.ts'
import { renderTable } from './bench/table.ts'

console.log(renderTable(report, relative(process.cwd(), OUT) || OUT))
