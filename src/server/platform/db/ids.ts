import { randomFillSync } from 'node:crypto';
import { v7 } from 'uuid';

// Random bytes are drawn from the system's generator 4 KiB at a time, not 16 bytes per id: a
// report makes four or more ids, and one call per id was 6 % of the server's time on intake.
const pool = new Uint8Array(16 * 256);
let next = pool.length;
let lastMs = -Infinity;
let seq = 0;

/**
 * A new row id: a UUIDv7 (RFC 9562), ordered by time and, within this process, strictly
 * increasing even inside one millisecond (a 31-bit counter that starts at random each
 * millisecond, as the uuid package keeps it).
 */
export function newId(): string {
  if (next === pool.length) {
    randomFillSync(pool);
    next = 0;
  }
  const random = pool.subarray(next, (next += 16));
  const now = Date.now();
  if (now > lastMs) {
    lastMs = now;
    seq = ((random[6]! & 0x7f) << 24) | (random[7]! << 16) | (random[8]! << 8) | random[9]!;
  } else if ((seq = (seq + 1) | 0) === 0) {
    lastMs++;
  }
  return v7({ random, msecs: lastMs, seq });
}
