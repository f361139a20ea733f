/**
 * Decides, one exchange at a time, what a capture keeps: every exchange that carries a SAML message, the
 * exchanges that led to it (the SP's first request, the protected page, and its login redirect), and after
 * each one the next few non-static exchanges (the redirects and the SP's or IdP's answer page). Scripts,
 * styles and images are dropped, and so is every other page: none of it explains a SAML failure.
 */
import { leadInOf } from '../core/flow/lead-in.js';
import { carriesSamlMessage } from '../core/flow/saml-carriers.js';
import type { CapturedExchange } from '../core/model/input.js';
import { DEFAULT_CAPTURE_LIMITS, type CaptureLimits } from './limits.js';

/** Non-static exchanges remembered since the last kept one, to find where the next login started. */
const LEAD_IN_LOOKBACK = 32;
/** Entries not read yet (see offerUnread) remembered at most, beyond the non-static ones. */
const MAX_UNREAD_REMEMBERED = 100_000;
/** Ids of unread entries the selector may still resolve: an importer must be able to read back at least these. */
export const UNREAD_IDS_REMEMBERED = LEAD_IN_LOOKBACK + MAX_UNREAD_REMEMBERED;

/** An exchange as the converter made it, with whether it is a static resource. */
export interface OfferedExchange {
  exchange: CapturedExchange | undefined;
  isStatic: boolean;
}

/**
 * Consecutive ids an importer gave entries it did not convert, `first` to `last`. An importer may skip
 * tens of thousands of entries between two logins: one run, extended in place, stands for all of them.
 */
class UnreadRun {
  constructor(
    public first: number,
    public last: number,
  ) {}

  get size(): number {
    return this.last - this.first + 1;
  }
}

type Remembered = CapturedExchange | UnreadRun;

/**
 * Converts an unread entry by its id. Without `whole`, the converter may leave out the response body:
 * finding a lead-in reads up to LEAD_IN_LOOKBACK entries and keeps few of them, and a body can be megabytes.
 */
export type ResolveUnread = (id: number, whole: boolean) => OfferedExchange;

export class ExchangeSelector {
  private readonly kept: CapturedExchange[] = [];
  private budget = 0;
  /** Exchanges and runs of unread entries not kept since the last kept exchange, oldest first. */
  private notKept: Remembered[] = [];
  /** How many of notKept are converted non-static exchanges. */
  private knownNotKept = 0;
  /** How many unread ids notKept's runs hold. */
  private unreadNotKept = 0;
  private resolveUnread: ResolveUnread = () => ({ exchange: undefined, isStatic: true });
  /** Exchanges not kept because the capture already holds `maxExchanges`. */
  dropped = 0;

  constructor(private readonly limits: CaptureLimits = DEFAULT_CAPTURE_LIMITS) {}

  /** Offers the next exchange in capture order; `isStatic` marks scripts, styles, images and fonts. */
  offer(exchange: CapturedExchange, isStatic: boolean): boolean {
    let keep = false;
    if (carriesSamlMessage(exchange)) {
      keep = true;
      this.budget = this.limits.answerWindow;
      const fromUnread = new Map<CapturedExchange, number>();
      for (const step of leadInOf(this.lookback(fromUnread), exchange)) this.push(this.whole(step, fromUnread));
    } else if (this.budget > 0 && !isStatic) {
      keep = true;
      this.budget--;
    }
    if (!keep) {
      if (!isStatic) this.remember(exchange);
      return false;
    }
    this.notKept = [];
    this.knownNotKept = 0;
    this.unreadNotKept = 0;
    return this.push(exchange);
  }

  private push(exchange: CapturedExchange): boolean {
    if (this.kept.length >= this.limits.maxExchanges) {
      this.dropped++;
      return false;
    }
    this.kept.push(exchange);
    return true;
  }

  /** How offerUnread's entries are converted when a lead-in needs them. */
  convertUnreadWith(resolve: ResolveUnread): void {
    this.resolveUnread = resolve;
  }

  /**
   * Takes an entry that carries no SAML message and comes after the answer window, without converting it
   * (the importer checked both from its bytes). It is converted only if a later AuthnRequest needs the
   * pages before it (see lookback).
   */
  offerUnread(id: number): void {
    const latest = this.notKept[this.notKept.length - 1];
    if (latest instanceof UnreadRun && latest.last === id - 1) latest.last = id;
    else this.notKept.push(new UnreadRun(id, id));
    this.unreadNotKept++;
    if (this.unreadNotKept + this.knownNotKept > UNREAD_IDS_REMEMBERED) this.forgetOldest();
  }

  private remember(exchange: CapturedExchange): void {
    this.notKept.push(exchange);
    this.knownNotKept++;
    while (this.knownNotKept > LEAD_IN_LOOKBACK) this.forgetOldestExchange();
  }

  /** Forgets the oldest remembered entry, an exchange or an unread id. */
  private forgetOldest(): void {
    const oldest = this.notKept[0]!;
    if (!(oldest instanceof UnreadRun)) {
      this.notKept.shift();
      this.knownNotKept--;
      return;
    }
    this.unreadNotKept--;
    if (oldest.first++ === oldest.last) this.notKept.shift();
  }

  /** Forgets the oldest exchange and every unread entry before it: older than LEAD_IN_LOOKBACK converted non-static ones, they cannot matter. */
  private forgetOldestExchange(): void {
    for (;;) {
      const oldest = this.notKept.shift()!;
      if (!(oldest instanceof UnreadRun)) {
        this.knownNotKept--;
        return;
      }
      this.unreadNotKept -= oldest.size;
    }
  }

  /**
   * The last LEAD_IN_LOOKBACK non-static exchanges not kept, in capture order, converting unread ones
   * (without their response bodies) as needed; `fromUnread` gets the id of each exchange converted.
   */
  private lookback(fromUnread: Map<CapturedExchange, number>): CapturedExchange[] {
    const found: CapturedExchange[] = [];
    for (let i = this.notKept.length - 1; i >= 0 && found.length < LEAD_IN_LOOKBACK; i--) {
      const remembered = this.notKept[i]!;
      if (remembered instanceof UnreadRun) this.resolveRun(remembered, found, fromUnread);
      else found.push(remembered);
    }
    return found.reverse();
  }

  /** Converts a run's entries, latest first, into `found` until it holds LEAD_IN_LOOKBACK exchanges. */
  private resolveRun(run: UnreadRun, found: CapturedExchange[], fromUnread: Map<CapturedExchange, number>): void {
    for (let id = run.last; id >= run.first && found.length < LEAD_IN_LOOKBACK; id--) {
      const { exchange, isStatic } = this.resolveUnread(id, false);
      if (!exchange || isStatic) continue;
      found.push(exchange);
      fromUnread.set(exchange, id);
    }
  }

  /** A lead-in step to keep, with its response body: an unread entry is converted again, whole. */
  private whole(step: CapturedExchange, fromUnread: Map<CapturedExchange, number>): CapturedExchange {
    const id = fromUnread.get(step);
    return id === undefined ? step : (this.resolveUnread(id, true).exchange ?? step);
  }

  /** True when the next exchange would be kept if it is not static (so its body is worth converting). */
  wantsAnswerPages(): boolean {
    return this.budget > 0;
  }

  get exchanges(): CapturedExchange[] {
    return this.kept;
  }
}
