import { describePreset, formatRunTime, nextRuns, presetCron, SCHEDULE_PRESETS } from '@formboard/designer';
import { useId } from 'react';
import { useLocale } from '../i18n/locale.tsx';

/** When a connector runs on its own: cron in a time zone, or never (only "Run now"). */
export interface Schedule {
  readonly cron: string;
  readonly timeZone: string;
}

const SHANGHAI = 'Asia/Shanghai';

/**
 * The schedule of a connector: off, a common choice ("每天 09:00"…), or cron for the technical; the
 * next three runs are shown in the time zone so nobody has to read cron.
 */
export function ConnectorSchedule({
  value,
  onChange,
}: {
  readonly value: Schedule | undefined;
  readonly onChange: (next: Schedule | undefined) => void;
}) {
  const { locale, t } = useLocale();
  const id = useId();
  const presets = SCHEDULE_PRESETS.map((preset) => ({
    cron: presetCron(preset),
    label: describePreset(preset),
  }));
  const choice =
    value === undefined ? 'off' : presets.some((p) => p.cron === value.cron) ? value.cron : 'custom';
  const next = value ? nextRuns(value.cron, value.timeZone) : undefined;
  return (
    <fieldset>
      <legend>{t({ 'zh-CN': '定时运行', en: 'Runs on its own' })}</legend>
      <label>
        {t({ 'zh-CN': '什么时候运行', en: 'When it runs' })}
        <select
          value={choice}
          onChange={(event) => {
            const picked = event.target.value;
            if (picked === 'off') return onChange(undefined);
            const timeZone = value?.timeZone ?? SHANGHAI;
            onChange({ cron: picked === 'custom' ? (value?.cron ?? '0 9 * * *') : picked, timeZone });
          }}
        >
          <option value="off">{t({ 'zh-CN': '不定时，只手动运行', en: 'Never: only "Run now"' })}</option>
          {presets.map((preset) => (
            <option key={preset.cron} value={preset.cron}>
              {t(preset.label)}
            </option>
          ))}
          <option value="custom">{t({ 'zh-CN': '自定义（cron 表达式）', en: 'Custom (cron)' })}</option>
        </select>
      </label>
      {value && choice === 'custom' ? (
        <label>
          {t({ 'zh-CN': 'cron 表达式（分 时 日 月 周）', en: 'Cron (minute hour day month weekday)' })}
          <input
            maxLength={100}
            value={value.cron}
            aria-describedby={`${id}-next`}
            onChange={(event) => onChange({ ...value, cron: event.target.value })}
          />
        </label>
      ) : null}
      {value ? (
        <label>
          {t({ 'zh-CN': '时区', en: 'Time zone' })}
          <input
            maxLength={64}
            value={value.timeZone}
            onChange={(event) => onChange({ ...value, timeZone: event.target.value })}
          />
        </label>
      ) : null}
      {next ? (
        <p
          id={`${id}-next`}
          className={next.ok ? 'muted' : 'field-error'}
          role={next.ok ? undefined : 'alert'}
        >
          {next.ok
            ? `${t({ 'zh-CN': '接下来：', en: 'Next: ' })}${next.runs.map((run) => formatRunTime(run, value?.timeZone ?? SHANGHAI, locale)).join('，')}`
            : t(next.problem)}
        </p>
      ) : null}
    </fieldset>
  );
}
