/**
 * How a host hears about work the rotation runner did on its own: every page is told a plan
 * changed (`rotation.changed`, so the table and the Rotations view refresh), and the user gets a
 * desktop notice for the moments that matter — an hour before, when it happens, still in use at
 * the deadline, a failure. Both hosts bind it the same way; only the delivery differs (Electron:
 * an OS notification; the browser host: an `app.notice` on every open page).
 */
import type { EventName, EventPayload } from '../../../common/contract';
import type { RotationPlan } from '../../../common/rotation';
import { gateEvent } from '../dispatch';
import type { PlanNotice } from './plan';

export const NOTICE_TITLES: Record<PlanNotice['kind'], string> = {
  'hour-before': 'Token Desk: a token retires in an hour',
  retired: 'Token Desk: old token retired',
  'still-in-use': 'Token Desk: old token still in use',
  failed: 'Token Desk: a retirement failed',
  found: 'Token Desk: rotation plan',
};

export interface RotationEventSink {
  /** Sends an event to every open page (already checked and masked here). */
  broadcast<E extends EventName>(event: E, payload: EventPayload<E>): void;
  desktopNotice(notice: { level: PlanNotice['level']; title: string; message: string }): void;
}

export interface RotationEventSource {
  rotationEvents: { onNotice(fn: (notice: PlanNotice, plan: RotationPlan) => void): void; onChanged(fn: (plan: RotationPlan) => void): void };
}

export function bindRotationEvents(services: RotationEventSource, sink: RotationEventSink): void {
  services.rotationEvents.onChanged((plan) => {
    const payload = gateEvent('rotation.changed', { connectionId: plan.connectionId, planId: plan.id });
    if (payload) sink.broadcast('rotation.changed', payload);
  });
  services.rotationEvents.onNotice((notice) => sink.desktopNotice({ level: notice.level, title: NOTICE_TITLES[notice.kind], message: notice.message }));
}
