import { readFileSync } from 'node:fs';
import { TurnEventSchema } from '../../protocol/index.js';
import {
  eventsToJsonLines,
  parseRecording,
  recordingToEvents,
  recordingToLoadEvents,
} from '../../../fixtures/recording-to-events.js';
import { RECORDED_SCENARIOS, eventsPath, readAcpRecording, readFixtureEvents } from '../../../fixtures/data/read-fixtures.js';
import { scenarioOptions } from '../../../fixtures/data/scenario-options.js';

describe('recordingToEvents', () => {
  it.each(RECORDED_SCENARIOS)('%s: the committed events file is what the converter gives', (scenario) => {
    const events = recordingToEvents(readAcpRecording(scenario), scenarioOptions(scenario));
    expect(readFileSync(eventsPath(scenario), 'utf8')).toBe(eventsToJsonLines(events));
  });

  it.each(RECORDED_SCENARIOS)('%s: a valid turn log (seq from 0 without gaps, time forward, one ending)', (scenario) => {
    const events = readFixtureEvents(scenario);
    events.forEach((event, index) => {
      expect(event.seq).toBe(index);
      expect(TurnEventSchema.safeParse(event).success).toBe(true);
      if (index > 0) expect(event.t).toBeGreaterThanOrEqual(events[index - 1].t);
    });
    expect(events[0]).toMatchObject({ type: 'status', state: 'starting' });
    expect(events.filter((event) => event.type === 'result')).toHaveLength(1);
    expect(events.at(-2)?.type).toBe('result');
    expect(events.at(-1)).toMatchObject({ type: 'status' });
    expect(events.find((event) => event.type === 'prompt')).toMatchObject({ prompt: [{ type: 'text', text: `scenario:${scenario}` }] });
  });

  it('makes recorded workspace paths relative, as the hub does', () => {
    const text = JSON.stringify(readFixtureEvents('edit-file'));
    expect(text).not.toContain('/workspace');
    expect(text).toContain('"path":"notes.md"');
  });

  it('turns a permission line into a pending request and the allow_once answer', () => {
    const permissions = readFixtureEvents('escalate').filter((event) => event.type === 'permission');
    expect(permissions.map((event) => event.state)).toEqual(['pending', 'selected']);
    expect(permissions[1]).toMatchObject({ requestId: permissions[0].requestId, optionId: 'allow_once', decidedBy: 'recorder' });
  });

  it('turns a cancel line into status stopping and ends the turn cancelled', () => {
    const events = readFixtureEvents('slow-cancel');
    const states = events.flatMap((event) => (event.type === 'status' ? [event.state] : []));
    expect(states).toEqual(['starting', 'running', 'stopping', 'cancelled']);
    expect(events.find((event) => event.type === 'result')).toMatchObject({ stopReason: 'cancelled' });
  });

  it('keeps the session/load replay out of the live turn and makes it a turn of its own', () => {
    const lines = readAcpRecording('reload');
    const live = recordingToEvents(lines, scenarioOptions('reload'));
    const load = recordingToLoadEvents(lines, scenarioOptions('reload'));
    expect(live.filter((event) => event.type === 'update')).toHaveLength(lines.filter((line) => line.dir === 'update').length);
    expect(load.filter((event) => event.type === 'update')).toHaveLength(lines.filter((line) => line.dir === 'replay').length);
    expect(readFileSync(eventsPath('reload-load'), 'utf8')).toBe(eventsToJsonLines(load));
    expect(recordingToLoadEvents(readAcpRecording('hello'))).toEqual([]);
  });

  it('ends a recording cut before its result with an error and status failed', () => {
    const lines = readAcpRecording('hello').filter((line) => line.dir !== 'result');
    const events = recordingToEvents(lines);
    expect(events.at(-2)).toMatchObject({ type: 'error' });
    expect(events.at(-1)).toMatchObject({ type: 'status', state: 'failed' });
  });

  it('reports a malformed recording line with its number', () => {
    expect(() => parseRecording('{"t":1,"dir":"update"}\n[1,2]\n')).toThrow(/line 2/);
  });
});
