// A progress bar on the terminal for long imports and builds. Not on a TTY (CI, pipes,
// systemd) it is silent, unless GONGKAI_PROGRESS=lines asks for a line every 10%.

/** Returns an update function (done, total, label) and a finish function. */
export function progressBar(stream: NodeJS.WriteStream = process.stderr) {
  const enabled = stream.isTTY === true;
  const lines = !enabled && process.env.GONGKAI_PROGRESS === 'lines';
  const started = Date.now();
  let last = 0;
  let lastTenth = -1;
  return {
    update(done: number, total: number, label: string) {
      if (lines) {
        const tenth = total > 0 ? Math.floor((10 * done) / total) : 0;
        if (tenth !== lastTenth) stream.write(`${label} ${tenth * 10}%\n`);
        lastTenth = tenth;
        return;
      }
      if (!enabled) return;
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      const width = 30;
      const ratio = total > 0 ? Math.min(1, done / total) : 0;
      const filled = Math.round(ratio * width);
      const rate = done / 1024 ** 2 / Math.max(0.001, (now - started) / 1000);
      stream.write(`\r${label} ▕${'█'.repeat(filled)}${' '.repeat(width - filled)}▏ ${(ratio * 100).toFixed(0).padStart(3)}%  ${rate.toFixed(1)} MB/s `);
    },
    finish() {
      if (enabled && last > 0) stream.write('\r\x1b[K');
    },
  };
}
