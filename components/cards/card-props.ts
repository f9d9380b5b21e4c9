// The card props type lives with the runtime's card overrides (stores/runtime), which a host fills.
export type { CardProps } from '../../stores/runtime/card-overrides.js';
