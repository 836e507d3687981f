import type { MineStrings } from '../types/mine';

export const mine: MineStrings = {
  title: 'My indicators',
  intro: (count, year, asOf) =>
    `You own ${count === 1 ? '1 indicator' : `${count} indicators`}. Progress of ${year} as of ${asOf}.`,
  dueLine: (month, deadline) => `To report: ${month}, due by ${deadline}`,
  overdueLine: (month, deadline) => `Overdue: ${month} not reported (it was due by ${deadline})`,
  reportedLine: (month, next, nextDeadline) => `${month} reported · next: ${next}, due by ${nextDeadline}`,
  reportedOnlyLine: (month) => `${month} reported`,
  noTargetLine: (year) => `No target in ${year}: no report expected`,
  missingMonths: (n, months) =>
    `${n === 1 ? 'Another month' : `${n} other months`} of this year not reported: ${months}`,
  btnReport: 'Report',
  btnOpen: 'See the indicator',
  nobodyTitle: 'You own no indicators',
  nobodyText:
    'No indicator of the plan has you as its owner. If you should report one, ask the Planning Office (or an admin of the bot) to assign you: "assign owner 4263 @your name".',
  nobodyAdminText:
    'No indicator has you as its owner. As an admin you may report any of them ("report progress") and assign owners ("assign owner 4263 @name"); "owners" shows who has each one.',
  helpQuery: 'help',
  btnHelp: 'What I can do',

  previewIndicatorTitle: (id, name) => `${id} · ${name}`,
  previewObjectiveTitle: (n, name) => `Objective ${n} · ${name}`,
  previewSubtitle: (status, progress, year) => `${status} · ${progress} in ${year}`,
  previewOwnSubtitle: (status, due) => `${status} · ${due}`,
};
