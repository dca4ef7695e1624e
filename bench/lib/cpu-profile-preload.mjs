// Preloaded with `--import` into every process of a benchmarked platform when PROFILE_DIR is set
// (bench/platform-load.mjs): a CPU profile per process, written to CPU_PROFILE_DIR as it exits.
// SIGWINCH starts the profile afresh, so seeding can be left out of it.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';

const directory = process.env.CPU_PROFILE_DIR;
if (directory) {
  const session = new Session();
  session.connect();
  // The in-process inspector answers synchronously, so this also works inside an 'exit' handler.
  const post = (method, params) => {
    let result;
    session.post(method, params, (error, value) => {
      if (error) throw error;
      result = value;
    });
    return result;
  };
  post('Profiler.enable');
  post('Profiler.start');
  process.on('SIGWINCH', () => {
    post('Profiler.stop');
    post('Profiler.start');
  });
  process.on('exit', () => {
    const { profile } = post('Profiler.stop');
    const name = `${process.argv[1]?.split('/').slice(-3).join('_') ?? 'node'}-${process.pid}.cpuprofile`;
    writeFileSync(join(directory, name), JSON.stringify(profile));
  });
}
