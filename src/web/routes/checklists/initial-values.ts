// The values a section form starts with: what this side has saved; otherwise a prefill the user
// must check — the registry's «не применимо», for the expert the organization's declaration, the
// site monitor's «указан на сайте» and the test log's verdict. Pure (used by the page bundle).
import type { Side } from '../../../domain/checklists/index.ts';
import type { ItemView } from '../../../features/checklists/checklists.schema.ts';
import type { FormValues } from './form-data.ts';

export type PrefillSource = 'declared' | 'registry' | 'monitor' | 'test';

export interface Initial {
  values: FormValues;
  /** Where an unsaved value came from, by field name. */
  prefilled: Record<string, PrefillSource>;
}

const yn = (v: boolean | null | undefined) => (v === true ? 'yes' : v === false ? 'no' : '');

export function initialValues(items: readonly ItemView[], side: Side): Initial {
  const values: FormValues = {};
  const prefilled: Record<string, PrefillSource> = {};
  const set = (name: string, v: string | null | undefined, source?: PrefillSource) => {
    values[name] = v ?? '';
    if (source && v) prefilled[name] = source;
  };
  for (const item of items) {
    const k = item.key;
    const own = side === 'declared' ? item.declared : item.confirmed;
    set(`comment.${k}`, own?.comment);
    if (own?.answer) {
      set(`answer.${k}`, own.answer);
      set(`reason.${k}`, own.reason);
    } else if (item.registryDefault) {
      set(`answer.${k}`, 'na', 'registry');
      set(`reason.${k}`, item.registryDefault.reason, 'registry');
    } else if (item.channel && side === 'confirmed') {
      set(`answer.${k}`, item.channel.suggestedWorking, 'test');
    } else if (side === 'confirmed' && item.declared.answer) {
      set(`answer.${k}`, item.declared.answer, 'declared');
      set(`reason.${k}`, item.declared.reason, 'declared');
    } else set(`answer.${k}`, '');
    values[`reason.${k}`] ??= '';
    const ch = item.channel;
    if (ch && side === 'confirmed') {
      if (ch.listed !== null) set(`listed.${k}`, yn(ch.listed));
      else set(`listed.${k}`, yn(ch.monitorListed), 'monitor');
      set(`listedReason.${k}`, ch.listedReason);
      set(`callDate.${k}`, ch.test.callDate);
      set(`callTime.${k}`, ch.test.callTime);
      set(`callAnswered.${k}`, yn(ch.test.callAnswered));
      set(`letterSentOn.${k}`, ch.test.letterSentOn);
      set(`letterAnsweredOn.${k}`, ch.test.letterAnsweredOn);
    }
  }
  return { values, prefilled };
}
