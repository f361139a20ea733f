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

/** An exchange as the converter made it, with whether it is a static resource. */
export interface OfferedExchange {
  exchange: CapturedExchange | undefined;
  isStatic: boolean;
}

/**
 * A converted exchange, or the number an importer gave an entry it did not convert (kept as a number,
 * not an object: an importer may skip tens of thousands of entries between two logins).
 */
type Remembered = CapturedExchange | number;

export class ExchangeSelector {
  private readonly kept: CapturedExchange[] = [];
  private budget = 0;
  private notKept: Remembered[] = [];
  /** notKept before this index is forgotten. */
  private notKeptStart = 0;
  /** How many of notKept are converted non-static exchanges. */
  private knownNotKept = 0;
  private resolveUnread: (id: number) => OfferedExchange = () => ({ exchange: undefined, isStatic: true });
  /** Exchanges not kept because the capture already holds `maxExchanges`. */
  dropped = 0;

  constructor(private readonly limits: CaptureLimits = DEFAULT_CAPTURE_LIMITS) {}

  /** Offers the next exchange in capture order; `isStatic` marks scripts, styles, images and fonts. */
  offer(exchange: CapturedExchange, isStatic: boolean): boolean {
    let keep = false;
    if (carriesSamlMessage(exchange)) {
      keep = true;
      this.budget = this.limits.answerWindow;
      for (const step of leadInOf(this.lookback(), exchange)) this.push(step);
    } else if (this.budget > 0 && !isStatic) {
      keep = true;
      this.budget--;
    }
    if (!keep) {
      if (!isStatic) this.remember(exchange);
      return false;
    }
    this.notKept = [];
    this.notKeptStart = 0;
    this.knownNotKept = 0;
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
  convertUnreadWith(resolve: (id: number) => OfferedExchange): void {
    this.resolveUnread = resolve;
  }

  /**
   * Takes an entry that carries no SAML message and comes after the answer window, without converting it
   * (the importer checked both from its bytes). It is converted only if a later AuthnRequest needs the
   * pages before it (see lookback).
   */
  offerUnread(id: number): void {
    this.notKept.push(id);
    if (this.notKept.length - this.notKeptStart > LEAD_IN_LOOKBACK + MAX_UNREAD_REMEMBERED) this.forgetOldest();
  }

  private remember(exchange: CapturedExchange): void {
    this.notKept.push(exchange);
    this.knownNotKept++;
    while (this.knownNotKept > LEAD_IN_LOOKBACK) this.forgetOldest();
  }

  /** Forgets the oldest remembered entry: older than LEAD_IN_LOOKBACK converted non-static ones, it cannot matter. */
  private forgetOldest(): void {
    const oldest = this.notKept[this.notKeptStart++];
    if (typeof oldest === 'object') this.knownNotKept--;
    if (this.notKeptStart > 1024 && this.notKeptStart * 2 > this.notKept.length) {
      this.notKept = this.notKept.slice(this.notKeptStart);
      this.notKeptStart = 0;
    }
  }

  /** The last LEAD_IN_LOOKBACK non-static exchanges not kept, in capture order, converting unread ones as needed. */
  private lookback(): CapturedExchange[] {
    const found: CapturedExchange[] = [];
    for (let i = this.notKept.length - 1; i >= this.notKeptStart && found.length < LEAD_IN_LOOKBACK; i--) {
      const remembered = this.notKept[i]!;
      if (typeof remembered === 'object') {
        found.push(remembered);
        continue;
      }
      const { exchange, isStatic } = this.resolveUnread(remembered);
      if (exchange && !isStatic) found.push(exchange);
    }
    return found.reverse();
  }

  /** True when the next exchange would be kept if it is not static (so its body is worth converting). */
  wantsAnswerPages(): boolean {
    return this.budget > 0;
  }

  get exchanges(): CapturedExchange[] {
    return this.kept;
  }
}
