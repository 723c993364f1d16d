/**
 * The campaign confirmation (`nevent_quote_campaign`, `nevent_create_campaign`, `nevent_schedule_campaign`):
 * who a send would reach, what it costs, on which channel and when. A draft is scheduled only by the
 * person's click on the Schedule button, which calls `nevent_schedule_campaign` with `confirmed: true`
 * through the host; nothing here runs it on its own, and the model cannot press the button.
 *
 *   quote ──> audience and cost (nothing to schedule)
 *   draft (created, or a schedule the bridge asked to confirm) ──> audience, cost, time ──click──> scheduled
 */
import { useEffect, useState, type ReactNode } from 'react';
import { isToolAllowed } from '../../src-shared/tool-access';
import type { OperationMode } from '../../src-shared/session';
import { readableCode } from '../../src-shared/i18n/words';
import { useWords } from '../../src-renderer/i18n/use-words';
import { useFormats, useView } from '../host/view-context';
import { readOutcome } from '../host/tool-outcome';
import { failureText } from '../lib/outcome-text';
import { CampaignAnswerSchema, QuoteSchema, readAs, type CampaignAnswer, type Quote } from '../lib/tool-answers';
import { isoToLocalInput, localInputToIso, suggestedInput } from '../lib/schedule-time';
import { CallState } from './call-state';

/** What the view is about. */
type Subject =
  | { kind: 'quote'; channel: string | null; tenantId: string; quote: Quote; mode: OperationMode | null }
  | { kind: 'draft' | 'scheduled'; campaign: CampaignAnswer; tenantId: string; time: string | null; mode: OperationMode | null; note: string | null };

const stringOf = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** A draft's quote: asked for, in, or why it could not be had. */
type QuoteState = { quote: Quote } | { failure: string } | null;

/** The campaign view. */
export function CampaignView(): ReactNode {
  const t = useWords();
  const { host, snapshot } = useView();
  const [subject, setSubject] = useState<Subject | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [quote, setQuote] = useState<QuoteState>(null);

  useEffect(() => {
    if (snapshot.result === null) return;
    const outcome = readOutcome(snapshot.result);
    const input = snapshot.input ?? {};
    if (outcome.kind === 'ok') {
      const tenantId = stringOf(outcome.value.tenant_id) ?? '';
      const quoted = 'quote' in outcome.value ? readAs(QuoteSchema, outcome.value.quote) : null;
      if (quoted !== null) return setSubject({ kind: 'quote', channel: stringOf(input.channel), tenantId, quote: quoted, mode: outcome.mode });
      const campaign = readAs(CampaignAnswerSchema, outcome.value.campaign);
      if (campaign === null) return setFailure(t('apps.error.unreadable'));
      const scheduled = campaign.status === 'SCHEDULED' || campaign.scheduledTime !== undefined;
      return setSubject({ kind: scheduled ? 'scheduled' : 'draft', campaign, tenantId, time: campaign.scheduledTime ?? stringOf(input.scheduled_time), mode: outcome.mode, note: null });
    }
    // A schedule the bridge did not run (it wants the person's confirmation, or the person declined in the
    // client's own form): the campaign it names, read again, with the button the person can press.
    const campaignId = stringOf(input.campaign_id);
    if (campaignId === null) return setFailure(failureText(t.translator, outcome));
    const note = outcome.kind === 'error' && outcome.error.code === 'confirmation_required' ? null : failureText(t.translator, outcome);
    const mode = outcome.kind === 'host-error' ? null : outcome.mode;
    const asked = stringOf(input.tenant_id);
    void host.call('nevent_get_campaign', { campaign_id: campaignId, ...(asked === null ? {} : { tenant_id: asked }) }).then((read) => {
      const campaign = read.kind === 'ok' ? readAs(CampaignAnswerSchema, read.value.campaign) : null;
      if (campaign === null) return setFailure(read.kind === 'ok' ? t('apps.error.unreadable') : failureText(t.translator, read));
      const tenantId = read.kind === 'ok' ? (stringOf(read.value.tenant_id) ?? asked ?? '') : '';
      setSubject({ kind: 'draft', campaign, tenantId, time: stringOf(input.scheduled_time), mode, note });
    });
  }, [host, snapshot.result, snapshot.input, t]);

  // A draft's (or scheduled campaign's) audience and cost: quoted for its channel and segments.
  // Keyed by what the quote depends on, so a campaign that changes only its status is not quoted again.
  const campaign = subject !== null && subject.kind !== 'quote' ? subject.campaign : null;
  const quoteKey = campaign === null || subject === null ? null : JSON.stringify([campaign.channel ?? null, campaign.segmentIds ?? null, subject.tenantId]);
  useEffect(() => {
    if (quoteKey === null) return;
    const [channel, segmentIds, tenantId] = JSON.parse(quoteKey) as [string | null, string[] | null, string];
    if (channel === null) return setQuote({ failure: t('apps.campaign.noChannel') });
    let live = true;
    void host.call('nevent_quote_campaign', { channel, ...(segmentIds === null ? {} : { segment_ids: segmentIds }), tenant_id: tenantId }).then((outcome) => {
      if (!live) return;
      const read = outcome.kind === 'ok' ? readAs(QuoteSchema, outcome.value.quote) : null;
      setQuote(read !== null ? { quote: read } : { failure: outcome.kind === 'ok' ? t('apps.error.unreadable') : failureText(t.translator, outcome) });
    });
    return () => {
      live = false;
    };
  }, [host, quoteKey, t]);

  if (subject === null) return <CallState failure={failure} />;
  const shownQuote: QuoteState = subject.kind === 'quote' ? { quote: subject.quote } : quote;
  const channel = subject.kind === 'quote' ? subject.channel : (subject.campaign.channel ?? null);

  return (
    <section className="view campaign-view" aria-labelledby="campaign-title">
      <h1 id="campaign-title">{subject.kind === 'quote' ? t('apps.campaign.quoteTitle') : (subject.campaign.name ?? subject.campaign.id)}</h1>
      <dl className="facts">
        <dt>{t('apps.campaign.channel')}</dt>
        <dd>{channel === null ? '—' : t('apps.channel', { channel, other: readableCode(channel) })}</dd>
        {subject.kind !== 'quote' ? (
          <>
            <dt>{t('apps.campaign.status')}</dt>
            <dd data-testid="campaign-status">{t('apps.campaign.statusValue', { status: subject.kind === 'scheduled' ? 'SCHEDULED' : (subject.campaign.status ?? 'DRAFT'), other: readableCode(subject.campaign.status ?? '') })}</dd>
          </>
        ) : null}
        <QuoteFacts quote={shownQuote} />
        {subject.kind === 'scheduled' ? <ScheduledAt time={subject.time} /> : null}
      </dl>
      {subject.kind === 'quote' ? <p className="muted small">{t('apps.campaign.quoteOnly')}</p> : null}
      {subject.kind === 'draft' ? (
        <ScheduleForm
          subject={subject}
          onScheduled={(scheduled, time) => setSubject({ ...subject, kind: 'scheduled', campaign: scheduled, time })}
        />
      ) : null}
      {subject.kind === 'scheduled' ? (
        <p className="banner ok" role="status" data-testid="scheduled">
          {t('apps.campaign.scheduled')}
        </p>
      ) : null}
    </section>
  );
}

/** The audience and cost rows of the facts list. */
function QuoteFacts(props: { quote: QuoteState }): ReactNode {
  const t = useWords();
  const formats = useFormats();
  if (props.quote === null) {
    return (
      <>
        <dt>{t('apps.campaign.audience')}</dt>
        <dd className="muted">{t('apps.campaign.quoting')}</dd>
      </>
    );
  }
  if ('failure' in props.quote) {
    return (
      <>
        <dt>{t('apps.campaign.audience')}</dt>
        <dd className="error">{props.quote.failure}</dd>
      </>
    );
  }
  const { recipientCount, cost, affordable, blocked, unlimited, audience } = props.quote.quote;
  const eligible = Object.entries(audience?.estimatedEligible ?? {}).flatMap(([name, count]) => (typeof count === 'number' ? [t('apps.campaign.eligible', { channel: name, count })] : []));
  return (
    <>
      <dt>{t('apps.campaign.audience')}</dt>
      <dd data-testid="campaign-audience">
        {recipientCount === undefined || recipientCount === null ? '—' : t('apps.campaign.recipients', { count: recipientCount })}
        {typeof audience?.uniqueAudience === 'number' ? <span className="muted"> {t('apps.campaign.ofFans', { count: audience.uniqueAudience })}</span> : null}
        {eligible.length > 0 ? <span className="muted small block">{formats.list(eligible)}</span> : null}
      </dd>
      <dt>{t('apps.campaign.cost')}</dt>
      <dd data-testid="campaign-cost">
        {cost === undefined || cost === null ? '—' : t('apps.campaign.credits', { count: cost })}
        {blocked === true ? <span className="badge status-suspended">{t('apps.campaign.blocked')}</span> : affordable === false ? <span className="badge status-suspended">{t('apps.campaign.notAffordable')}</span> : unlimited === true ? <span className="muted"> {t('apps.campaign.unlimited')}</span> : null}
      </dd>
    </>
  );
}

/** When a scheduled campaign goes out. */
function ScheduledAt(props: { time: string | null }): ReactNode {
  const t = useWords();
  const formats = useFormats();
  return (
    <>
      <dt>{t('apps.campaign.when')}</dt>
      <dd data-testid="campaign-when">{props.time === null ? '—' : formats.dateTime(props.time)}</dd>
    </>
  );
}

/** The time and the Schedule button: the person's click is the confirmation. */
function ScheduleForm(props: { subject: Extract<Subject, { kind: 'draft' | 'scheduled' }>; onScheduled: (campaign: CampaignAnswer, time: string) => void }): ReactNode {
  const t = useWords();
  const formats = useFormats();
  const { host } = useView();
  const { subject } = props;
  const [when, setWhen] = useState(() => (subject.time === null ? suggestedInput(Date.now()) : isoToLocalInput(subject.time)));
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(subject.note);
  if (subject.mode !== null && !isToolAllowed(subject.mode, 'destructive')) {
    return <p className="muted small">{t('apps.campaign.needsFull')}</p>;
  }
  const iso = localInputToIso(when);
  const future = iso !== null && Date.parse(iso) > Date.now();

  const schedule = async (): Promise<void> => {
    if (iso === null || !future) return setMessage(t('apps.campaign.pastTime'));
    setBusy(true);
    setMessage(null);
    // Only here, on the person's click: the bridge still applies the mode, the tenant and its own confirmation rules.
    const outcome = await host.call('nevent_schedule_campaign', { campaign_id: subject.campaign.id, scheduled_time: iso, confirmed: true, tenant_id: subject.tenantId });
    setBusy(false);
    if (outcome.kind !== 'ok') return setMessage(failureText(t.translator, outcome));
    const scheduled = readAs(CampaignAnswerSchema, outcome.value.campaign) ?? subject.campaign;
    props.onScheduled(scheduled, scheduled.scheduledTime ?? iso);
    void host.tellModel(`The user scheduled campaign "${subject.campaign.name ?? subject.campaign.id}" (${subject.campaign.id}) for ${iso} with the Schedule button in the campaign view. It is scheduled; do not schedule it again.`);
  };

  return (
    // A group, not a form: hosts frame views without `allow-forms`, where a form's submit never fires.
    <div className="schedule-form" role="group" aria-label={t('apps.campaign.scheduleLabel')}>
      <label htmlFor="schedule-when">{t('apps.campaign.when')}</label>
      <input id="schedule-when" type="datetime-local" value={when} onChange={(e) => setWhen(e.target.value)} aria-describedby="schedule-hint" />
      <p id="schedule-hint" className="muted small">
        {t('apps.campaign.scheduleHint')}
      </p>
      <button type="button" className="primary" disabled={busy || iso === null} onClick={() => void schedule()}>
        {busy ? t('apps.campaign.scheduling') : iso === null ? t('apps.campaign.schedule') : t('apps.campaign.scheduleAt', { when: formats.dateTime(iso) })}
      </button>
      <p className="view-message" role="alert">
        {message ?? ''}
      </p>
    </div>
  );
}
