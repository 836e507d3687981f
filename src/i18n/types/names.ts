/** How a card names a person or a conversation the bot knows (views/names.ts, chat/names.ts). */
export interface NamesStrings {
  unknownPerson: string;
  /** An owner known only by the e-mail an admin assigned (Teams has not told the name yet): never the address. */
  ownerToConfirm: string;
  unknownConversation: string;
  channelOfTeam(channel: string, team: string): string;
  channel(channel: string): string;
  aChannelOf(team: string): string;
  personalChatOf(who: string): string;
  chat(name: string): string;
}
