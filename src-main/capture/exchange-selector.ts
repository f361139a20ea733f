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

export class ExchangeSelector {
  private readonly kept: CapturedExchange[] = [];
  private budget = 0;
  private notKept: CapturedExchange[] = [];
  /** Exchanges not kept because the capture already holds `maxExchanges`. */
  dropped = 0;

  constructor(private readonly limits: CaptureLimits = DEFAULT_CAPTURE_LIMITS) {}

  /** Offers the next exchange in capture order; `isStatic` marks scripts, styles, images and fonts. */
  offer(exchange: CapturedExchange, isStatic: boolean): boolean {
    let keep = false;
    if (carriesSamlMessage(exchange)) {
      keep = true;
      this.budget = this.limits.answerWindow;
      for (const step of leadInOf(this.notKept, exchange)) this.push(step);
    } else if (this.budget > 0 && !isStatic) {
      keep = true;
      this.budget--;
    }
    if (!keep) {
      if (!isStatic) this.remember(exchange);
      return false;
    }
    this.notKept = [];
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

  private remember(exchange: CapturedExchange): void {
    this.notKept.push(exchange);
    if (this.notKept.length > LEAD_IN_LOOKBACK) this.notKept.shift();
  }

  /** True when the next exchange would be kept if it is not static (so its body is worth converting). */
  wantsAnswerPages(): boolean {
    return this.budget > 0;
  }

  get exchanges(): CapturedExchange[] {
    return this.kept;
  }
}
