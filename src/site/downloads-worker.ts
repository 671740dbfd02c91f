// Worker thread: write the open-data files (downloads.ts) into workerData.dir from its own
// read-only connection, while the main thread renders pages.
import { parentPort, workerData } from 'node:worker_threads';
import { readDb } from '../db/read.ts';
import { writeDownloads } from './downloads.ts';

const { dir, site } = workerData as { dir: string; site: string };
const result = writeDownloads(readDb(), dir, site);
parentPort?.postMessage(result);
