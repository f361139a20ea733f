/** The handler map: one async function per contract channel, bound by main (after sender and payload checks) and by the e2e harness. */
import type { Channel, RequestOf, ResponseOf } from '../ipc/contract.js';

export type ChannelHandlers = { [C in Channel]: (request: RequestOf<C>) => Promise<ResponseOf<C>> };
