import { parseCardAction, VERBS, ask, reportStart, showIndicator, showObjective } from '../../src/views/verbs';

test('the verbs the bot routes on', () => {
  expect(VERBS).toEqual({
    showObjective: 'show-objective',
    showIndicator: 'show-indicator',
    showPlan: 'show-plan',
    showLagging: 'show-lagging',
    reportStart: 'report-start',
    ask: 'ask',
  });
});

test('a submit value reads back into an action', () => {
  expect(parseCardAction({ verb: 'show-objective', objective: 5 })).toEqual(showObjective(5));
  expect(parseCardAction({ verb: 'show-objective', objective: '5' })).toEqual(showObjective(5));
  expect(parseCardAction({ verb: 'show-indicator', indicatorId: '4263' })).toEqual(showIndicator('4263'));
  expect(parseCardAction({ verb: 'show-plan' })).toEqual({ verb: 'show-plan' });
  expect(parseCardAction({ verb: 'show-lagging' })).toEqual({ verb: 'show-lagging' });
  expect(parseCardAction({ verb: 'report-start' })).toEqual(reportStart());
  expect(parseCardAction({ verb: 'report-start', indicatorId: '4263' })).toEqual(reportStart('4263'));
  expect(parseCardAction({ verb: 'ask', text: '¿qué está en rojo?' })).toEqual(ask('¿qué está en rojo?'));
});

test('anything else is not ours', () => {
  for (const v of [
    null,
    undefined,
    'show-plan',
    5,
    {},
    { verb: 'nope' },
    { verb: 'show-objective', objective: 'cinco' },
    { verb: 'show-indicator' },
    { verb: 'ask', text: '  ' },
  ]) {
    expect(parseCardAction(v)).toBeNull();
  }
});
