import type { NamesStrings } from '../types/names';

export const names: NamesStrings = {
  unknownPerson: 'persona aún sin nombre (no ha escrito al bot)',
  ownerToConfirm: 'responsable por confirmar',
  unknownConversation: 'conversación sin nombre conocido',
  channelOfTeam: (c, t) => `canal «${c}» de ${t}`,
  channel: (c) => `canal «${c}»`,
  aChannelOf: (t) => `un canal de ${t}`,
  personalChatOf: (who) => `chat personal de ${who}`,
  chat: (n) => `chat «${n}»`,
};
