import { cpus, totalmem } from 'node:os';
import { runPublic } from './public-data.js';
import { runRussian } from './russian.js';

// Usage: node --import tsx bench/linkage/run.ts [febrl1 febrl2 febrl3 febrl4 fake_1000 russian] [--persons N] [--seed S] [-v]
const args = process.argv.slice(2);
const verbose = args.includes('-v');
const option = (name: string, fallback: number): number => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const persons = option('--persons', 20_000);
const seed = option('--seed', 1);
const names = args.filter((a, i) => !a.startsWith('-') && !args[i - 1]?.startsWith('--'));
const chosen = names.length > 0 ? names : ['febrl1', 'febrl2', 'febrl3', 'febrl4', 'fake_1000', 'russian'];
process.stderr.write(`machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${Math.round(totalmem() / 2 ** 30)} GB, node ${process.version}\n`);
for (const r of await runPublic(chosen, verbose)) console.log(JSON.stringify(r));
if (chosen.includes('russian')) console.log(JSON.stringify(await runRussian(persons, seed, verbose)));
