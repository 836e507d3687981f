import type { Logger } from '../log';
import { conversationLang, type DeliveryResult, type DigestRunner, type Notice, type Outbound, type RunSummary } from '../digest/run';
import type { Plan } from '../domain/plan';
import { reportStrings, type Lang } from '../i18n';
import { formatPeriodLong } from '../views/format';
import { missedAdminsCard, missedOwnerCard, returnNoticeCard, returnNoticeSummary, reviewDigestCard } from '../views/review-cards';
import { digestCard, digestSummary, reminderCard, reminderSummary } from '../views/digest-cards';
import { cardActivity } from './deliver';
import type { ProactiveSender } from './proactive';

/**
 * The clock of the proactive work: a tick every minute (an unref'd setInterval, so it never keeps the process
 * alive) asks digest/ what is due at the clock's time and hands it to the sender. The clock is injected: tests
 * call `tick(now)` with a fake time. Ticks never overlap: an interval tick is skipped while one runs; an explicit
 * tick waits for the running one. The first tick runs shortly after start, so a process that was down at the
 * cron time catches up (within the same week) without waiting a minute.
 */

export interface SchedulerOptions {
  runner: DigestRunner;
  sender: ProactiveSender;
  clock: () => Date;
  log: Logger;
  intervalMs?: number;
  firstTickMs?: number;
}

/** Renders a due item in its conversation's language (conversationLang: the person's last, Spanish in channels) and sends it. */
export function deliverOutbound(sender: ProactiveSender, item: Outbound, plan?: Plan): Promise<DeliveryResult> {
  const lang = conversationLang(item.conversation);
  const activity =
    item.kind === 'digest'
      ? cardActivity(digestCard(item.model, { lang }), lang, digestSummary(lang))
      : item.kind === 'reminder'
        ? cardActivity(reminderCard(item.reminder, lang), lang, reminderSummary(item.reminder, lang))
        : noticeActivity(item.notice, lang, plan);
  return sender.send(item.conversation, activity, item.key);
}

/** The planning office's notices, in the conversation's language like the digests and reminders. */
function noticeActivity(n: Notice, lang: Lang, plan: Plan | undefined) {
  const s = reportStrings(lang);
  switch (n.type) {
    case 'returned':
      return cardActivity(returnNoticeCard(n.record, n.indicator, lang), lang, returnNoticeSummary(n.record, lang));
    case 'review-digest':
      return cardActivity(reviewDigestCard(n.pending, plan!, lang), lang, s.reviewDigestTitle(n.pending.length));
    case 'missed-owner':
      return cardActivity(missedOwnerCard(n.missed, lang), lang, s.missedNoticeTitle(formatPeriodLong(n.missed.period, lang)));
    case 'missed-admins':
      return cardActivity(missedAdminsCard(n.missed, lang), lang, s.missedAdminsTitle(formatPeriodLong(n.missed.period, lang)));
  }
}

export class Scheduler {
  private timer?: NodeJS.Timeout;
  private first?: NodeJS.Timeout;
  private running: Promise<RunSummary> | null = null;

  constructor(private readonly opts: SchedulerOptions) {}

  start(): void {
    if (this.timer) return;
    this.opts.sender.start();
    const interval = this.opts.intervalMs ?? 60_000;
    this.timer = setInterval(() => {
      if (!this.running) void this.tick();
    }, interval);
    this.timer.unref();
    this.first = setTimeout(() => void this.tick(), this.opts.firstTickMs ?? 1000);
    this.first.unref();
    this.opts.log.debug(`programador de resúmenes y recordatorios iniciado (cada ${interval / 1000} s)`);
  }

  /** Runs what is due at `now` (the clock's time by default), after any run in progress. */
  tick(now: Date = this.opts.clock()): Promise<RunSummary> {
    const previous = this.running;
    const run = (async () => {
      if (previous) await previous.catch(() => undefined);
      return this.opts.runner.run(now);
    })();
    this.running = run;
    void run.finally(() => {
      if (this.running === run) this.running = null;
    }).catch(() => undefined);
    return run;
  }

  /** Stops the timer, cuts the sender's waits short, and waits for the run in progress to finish recording. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    if (this.first) clearTimeout(this.first);
    this.timer = undefined;
    this.first = undefined;
    this.opts.sender.stop();
    if (this.running) await this.running.catch(() => undefined);
  }
}
