/**
 * @module The reply to the customer, recorded: where it went (a public reply on the platform, a
 * private message, an email, a support ticket), what was said, and its link. Who and when are
 * stamped by the hub. Shown once the follow-up is "Replied".
 */
import { useEffect, useState } from 'preact/hooks';
import { REPLY_CHANNELS, type ReplyChannel } from '../../shared/schema/constants';
import type { CustomerReply } from '../../shared/schema/records';

export const REPLY_CHANNEL_LABELS: Record<ReplyChannel, string> = {
  public: 'Public reply on the platform', private: 'Private message', email: 'Email', ticket: 'Support ticket',
};

export interface ReplyFormProps {
  reply: CustomerReply | null;
  disabled: boolean;
  onSave(reply: { where: ReplyChannel; text: string; url: string }): void;
}

export function ReplyForm({ reply, disabled, onSave }: ReplyFormProps) {
  const [where, setWhere] = useState<ReplyChannel>(reply?.where ?? 'public');
  const [text, setText] = useState(reply?.text ?? '');
  const [url, setUrl] = useState(reply?.url ?? '');
  useEffect(() => {
    setWhere(reply?.where ?? 'public');
    setText(reply?.text ?? '');
    setUrl(reply?.url ?? '');
  }, [reply?.where, reply?.text, reply?.url]);
  const unchanged = reply !== null && where === (reply.where ?? 'public') && text.trim() === reply.text && url.trim() === (reply.url ?? '');
  return (
    <form class="pp-reply-form" aria-label="The reply" onSubmit={(e) => { e.preventDefault(); onSave({ where, text: text.trim(), url: url.trim() }); }}>
      <label class="pp-field">
        <span>Where</span>
        <select value={where} disabled={disabled} onChange={(e) => setWhere(e.currentTarget.value as ReplyChannel)}>
          {REPLY_CHANNELS.map((c) => <option key={c} value={c}>{REPLY_CHANNEL_LABELS[c]}</option>)}
        </select>
      </label>
      <label class="pp-field">
        <span>What was said</span>
        <textarea rows={3} maxLength={5_000} value={text} disabled={disabled} onInput={(e) => setText(e.currentTarget.value)} />
      </label>
      <input type="url" aria-label="Link to the reply" placeholder="Link to the reply (https://…)" value={url} disabled={disabled}
        onInput={(e) => setUrl(e.currentTarget.value)} />
      <button type="submit" disabled={disabled || unchanged}>Save reply</button>
    </form>
  );
}
