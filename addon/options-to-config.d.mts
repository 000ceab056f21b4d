/** Types of options-to-config.mjs (plain JavaScript so the add-on image runs it without a build). */
export interface MqttService {
  host: string;
  port: number;
  ssl?: boolean;
  username?: string;
  password?: string;
}

export function optionsToConfig(
  options: Record<string, unknown>,
  context?: { mqttService?: MqttService | undefined; timeZone?: string | undefined },
): Record<string, unknown>;
