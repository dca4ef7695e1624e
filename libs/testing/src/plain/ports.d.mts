/** A loopback port nothing listens on, outside the kernel's ephemeral range. */
export function freePort(): Promise<number>;
/** Whether something accepts a TCP connection on the loopback `port`. */
export function accepts(port: number): Promise<boolean>;
