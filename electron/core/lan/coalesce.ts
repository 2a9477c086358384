/**
 * Frames written to one socket in the same turn of the event loop leave in one write. A group
 * commit answers some thirty saves at once and each save is pushed to the organiser and the chair:
 * without this every frame is its own system call, a tenth of the server's time under load.
 */
import type { Writable } from 'node:stream';

/** Returns `hold(socket)`: writes to that socket wait until the current turn ends, then go out together. */
export function createWriteCoalescer(): (socket: Writable) => void {
  const held = new Set<Writable>();
  const release = () => {
    for (const socket of held) socket.uncork();
    held.clear();
  };
  return (socket) => {
    if (held.has(socket) || socket.destroyed) return;
    if (held.size === 0) setImmediate(release);
    socket.cork();
    held.add(socket);
  };
}
