/**
 * The part of Home Assistant's `hass` object the cards use (frontend src/types.ts), typed with
 * home-assistant-js-websocket's own types instead of copying HA's large HomeAssistant interface.
 */
import type { HassEntities, HassEntity, MessageBase } from 'home-assistant-js-websocket';

export interface HassConnectionLike {
  subscribeMessage<T>(callback: (result: T) => void, message: MessageBase): Promise<() => Promise<void>>;
}

export interface HassLike {
  states: HassEntities;
  callWS<T>(message: MessageBase): Promise<T>;
  connection?: HassConnectionLike;
  language?: string;
  locale?: { language?: string };
  themes?: { darkMode?: boolean };
  /** HA's configured time zone, for "today" */
  config?: { time_zone?: string };
}

export type { HassEntities, HassEntity, MessageBase };
