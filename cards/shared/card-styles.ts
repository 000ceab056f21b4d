import { css } from 'lit';

export const cardStyles = css`
  :host {
    display: block;
  }
  ha-card {
    display: block;
    height: 100%;
    box-sizing: border-box;
    padding: 8px 12px 12px;
    background: var(--ha-card-background, var(--card-background-color, #fff));
    color: var(--primary-text-color, #212121);
    border-radius: var(--ha-card-border-radius, 12px);
  }
  .header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 8px;
    flex-wrap: wrap;
    min-height: 32px;
  }
  .title {
    font-size: 1.1em;
    font-weight: 500;
  }
  .ranges {
    display: flex;
    gap: 2px;
  }
  .ranges button {
    border: 1px solid var(--divider-color, rgba(0, 0, 0, 0.12));
    background: none;
    color: var(--secondary-text-color, #727272);
    border-radius: 6px;
    padding: 2px 6px;
    font: inherit;
    font-size: 0.8em;
    cursor: pointer;
  }
  .ranges button[aria-pressed='true'] {
    color: var(--text-primary-color, #fff);
    background: var(--primary-color, #03a9f4);
    border-color: var(--primary-color, #03a9f4);
  }
  .message {
    padding: 12px 4px;
    color: var(--secondary-text-color, #727272);
  }
  .message.warning {
    padding: 4px;
    font-size: 0.85em;
    color: var(--warning-color, #ff9800);
  }
  .note {
    padding: 2px 4px 0;
    font-size: 0.75em;
    color: var(--secondary-text-color, #727272);
  }
  .message.error {
    color: var(--error-color, #db4437);
  }
`;
