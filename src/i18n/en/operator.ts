import type { OperatorStrings } from '../types/operator';
import { formatNumber, formatPercentShort, formatValue, truncate } from '../format';

const v = (x: number, unit: 'number' | 'percent') => formatValue(x, unit, 'en');

export const operator: OperatorStrings = {
  configInvalid: (variable, problem) => `Invalid configuration: ${variable}: ${problem}`,
  mustBePort: 'must be a port number',
  mustBeHost: 'must be an IP address or a host name (e.g. 127.0.0.1 or 0.0.0.0)',
  mustBeMillis: 'must be a number of milliseconds',
  mustBeDatabaseUrl: 'must be an address postgres://user:password@server:5432/database',
  mustBeUrl: 'must be an http(s):// address',
  mustBeHttp: 'must start with http:// or https://',
  mustBeLongSecret: 'must be at least 32 characters long',
  portRange: 'Invalid configuration: PORT must be between 1 and 65535',
  notIsoDate: (got) => `Invalid configuration: PEI_NOW="${got}" is not an ISO date (YYYY-MM-DD or date-time)`,
  notCron: (got, why) => `Invalid configuration: DIGEST_CRON="${got}" is not a cron expression: ${why}`,
  bandsNeedThree: 'three numbers are expected: red,yellow,green',
  bandsNotPositive: 'the bands must be positive numbers',
  bandsNotOrdered: 'the bands must satisfy red < yellow <= green',
  bandsInvalid: (got, why) => `Invalid configuration: PEI_STATUS_BANDS="${got}": ${why}`,
  reminderDaysInvalid: (got) =>
    `Invalid configuration: PEI_REMINDER_DAYS="${got}": whole numbers between 0 and 30 separated by commas`,
  requestTimeoutRange:
    'Invalid configuration: PEI_REQUEST_TIMEOUT_MS must be between 100 and 14000 (Teams stops waiting after 15 s)',
  dbTimeoutRange: (min, max) =>
    `Invalid configuration: PEI_DB_TIMEOUT_MS must be between ${min} and ${max} (at most a third of PEI_REQUEST_TIMEOUT_MS, so that what a person is told is what was stored)`,

  linkSecretShort: (file) => `${file}: the key of the download links is empty or short; delete it to generate another.`,
  listenMode: { authenticated: (botId) => `authenticated (BOT_ID ${botId})`, anonymous: 'local anonymous (no BOT_ID)' },
  listenReason: {
    PEI_HOST: 'because PEI_HOST asks for it',
    authenticated: 'every interface: with BOT_ID each request must carry a Bot Framework token',
    anonymous:
      'this machine only: without BOT_ID anyone reaching the port would be an admin; PEI_HOST=0.0.0.0 opens it',
  },

  planUnreadable: (file, why) => `The plan file ${file} could not be read: ${why}`,
  planNotJson: (file, why) => `The plan file ${file} is not valid JSON: ${why}`,
  planInvalid: (file, lines) => `The plan file ${file} is not valid:\n${lines}`,
  planRoot: '(root)',
  planIdFormat: 'must be a 4-digit code, PPPP-Mn or On-n',
  planExpectedNumber: (n) => `${n} was expected`,
  planRepeatedId: (id) => `repeated id: ${id}`,
  planMustBe: (n) => `must be ${n}`,

  templateBadName: (name) => `Invalid template name: ${name}`,
  templateUnreadable: (file, why) => `The template ${file} could not be read: ${why}`,
  templateNotJson: (file, why) => `The template ${file} is not valid JSON: ${why}`,

  finding: ({ facts: f }) => {
    switch (f.code) {
      case 'weights-sum':
        return `the weights of objective ${f.objective} add up to ${formatPercentShort(f.sum, 'en')}, not ${formatPercentShort(1, 'en')}`;
      case 'weights-year':
        return `in ${f.year} only ${formatPercentShort(f.programmed, 'en')} of objective ${f.objective}'s weight has a programmed target (${f.unprogrammed.join(', ')} without one); the weights are renormalised over the programmed indicators`;
      case 'zero-target':
        return `indicator ${f.indicatorId} has no target in ${f.year}: it has no yearly progress that year and carries no weight`;
      case 'total-mismatch':
        return `the 2024-2027 total (${v(f.total, f.unit)}) does not match the yearly programme (${f.rule === 'sum' ? 'sum' : 'last year'}: ${v(f.expected, f.unit)})`;
      case 'meta-quantity':
        return `${f.metaLabel} says ${formatNumber(f.stated, 'en', 3)} but the 2024-2027 programme adds up to ${v(f.total, f.unit)}`;
      case 'mixed-format':
        return `indicator ${f.indicatorId}: the row mixes number formats (${f.cells.join(' | ')}); it is read as ${f.read.map((x) => v(x, f.unit)).join(' | ')}`;
      case 'code-out-of-series':
        return `indicator ${f.indicatorId} (meta ${f.metaNumber ?? '—'}) has a code in the range of the meta numbers (${f.min}-${f.max}), outside the series of indicator codes`;
      case 'no-code':
        return `indicator "${truncate(f.name, 60)}" has no code nor meta number in the source; it is given the id ${f.indicatorId}`;
    }
  },
  findingKind: {
    'weights-sum': 'Weights do not add up to 100%',
    'weights-year': 'Weight without a target in the year',
    'zero-target': 'Zero target in the year',
    'total-mismatch': 'Four-year total differs',
    'meta-quantity': 'Target quantity differs',
    'mixed-format': 'Mixed formats',
    'code-out-of-series': 'Code out of series',
    'no-code': 'No code',
  },
  noFindings: 'The plan check found nothing.',
};
