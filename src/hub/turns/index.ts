export { createTurnService } from './create-turn-service.js';
