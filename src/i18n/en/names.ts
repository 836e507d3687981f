import type { NamesStrings } from '../types/names';

export const names: NamesStrings = {
  unknownPerson: 'person not yet named (has not written to the bot)',
  ownerToConfirm: 'owner to be confirmed',
  unknownConversation: 'conversation without a known name',
  channelOfTeam: (c, t) => `“${c}” channel of ${t}`,
  channel: (c) => `“${c}” channel`,
  aChannelOf: (t) => `a channel of ${t}`,
  personalChatOf: (who) => `${who}’s personal chat`,
  chat: (n) => `“${n}” chat`,
};
