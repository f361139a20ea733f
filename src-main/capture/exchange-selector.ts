/**
 * Decides, one exchange at a time, what a capture keeps: every exchange that carries a SAML message,
 * and after each one the next few non-static exchanges (the redirects and the SP's or IdP's answer
 * page). Scripts, styles and images in between are dropped, and so is everything before the first
 * SAML message: none of it explains a SAML failure.
 */
import { carriesSamlMessage } from '../core/flow/saml-carriers.js';
import type { CapturedExchange } from '../core/model/input.js';
import { DEFAULT_CAPTURE_LIMITS, type CaptureLimits } from './limits.js';

export class ExchangeSelector {
  private readonly kept: CapturedExchange[] = [];
  private budget = 0;
  /** Exchanges not kept because the capture already holds `maxExchanges`. */
  dropped = 0;

  constructor(private readonly limits: CaptureLimits = DEFAULT_CAPTURE_LIMITS) {}

  /** Offers the next exchange in capture order; `isStatic` marks scripts, styles, images and fonts. */
  offer(exchange: CapturedExchange, isStatic: boolean): boolean {
    let keep = false;
    if (carriesSamlMessage(exchange)) {
      keep = true;
      this.budget = this.limits.answerWindow;
    } else if (this.budget > 0 && !isStatic) {
      keep = true;
      this.budget--;
    }
    if (!keep) return false;
    if (this.kept.length >= this.limits.maxExchanges) {
      this.dropped++;
      return false;
    }
    this.kept.push(exchange);
    return true;
  }

  /** True when the next exchange would be kept if it is not static (so its body is worth converting). */
  wantsAnswerPages(): boolean {
    return this.budget > 0;
  }

  get exchanges(): CapturedExchange[] {
    return this.kept;
  }
}
