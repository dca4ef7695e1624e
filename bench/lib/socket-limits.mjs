// What caps how many loopback sockets a bench can open: each process's open-files limit (one fd
// per socket) and the ephemeral port range (one source port per connection to a given ip:port).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** `{ soft, hard }` open-files limit of `pid` (Infinity for unlimited). */
export function openFiles(pid) {
  const line = /Max open files\s+(\S+)\s+(\S+)/.exec(readFileSync(`/proc/${pid}/limits`, 'utf8'));
  const value = (text) => (text === 'unlimited' ? Infinity : Number(text));
  return { soft: value(line[1]), hard: value(line[2]) };
}

/**
 * Makes sure `pid` may open `need` files: raises its soft limit to the hard one with prlimit(1)
 * (util-linux; allowed for one's own processes) when that is enough, else throws.
 */
export function ensureOpenFiles(pid, need, what) {
  const { soft, hard } = openFiles(pid);
  if (soft >= need) return;
  if (hard < need) {
    throw new Error(
      `${what} needs ${need} open files, its hard limit is ${hard}: raise it (limits.conf / systemd) or split the load more`,
    );
  }
  execFileSync('prlimit', [`--pid=${pid}`, `--nofile=${hard}:${hard}`]);
}

/** Ephemeral source ports per destination ip:port (net.ipv4.ip_local_port_range). */
export function ephemeralPorts() {
  const [low, high] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
  return high - low + 1;
}
