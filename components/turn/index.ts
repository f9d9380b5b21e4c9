export { AgentTurn } from './AgentTurn.js';
export { ActivityFilters } from './ActivityFilters.js';
export { InterruptControl, LONG_TURN_MS } from './InterruptControl.js';
export { TurnFooter } from './TurnFooter.js';
export { TurnHeader } from './TurnHeader.js';
