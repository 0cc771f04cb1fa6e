/** Where Teams (the Bot Connector, the Agents Playground) posts activities. */
export const MESSAGES_PATH = '/api/messages';
